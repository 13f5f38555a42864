"""Surveys, service and lifecycle: NPS from counts, AHT, the health score and TTV.
"""
from __future__ import annotations

from fractions import Fraction

from . import errors
from .formulas import MINUS, Context, _formula
from .steps import elide, terms


# --- satisfaction and service ------------------------------------------------------

@_formula("nps")
def _nps(c: Context) -> Fraction:
    promoters, passives, detractors = c["promoters"], c["passives"], c["detractors"]
    total = promoters + passives + detractors
    if total == 0:
        raise errors.combination(
            None,
            "Enter at least one response: promoters, passives and detractors cannot all be zero.",
            "请至少填写一份回复：推荐者、中立者和贬损者不能都为 0。",
        )
    c.step("({p} " + MINUS + " {d}) ÷ ({p} + {q} + {d}) × 100", p=promoters, q=passives, d=detractors)
    c.step("{x} ÷ {t} × 100", x=promoters - detractors, t=total)
    return (promoters - detractors) * 100 / total


@_formula("aht")
def _aht(c: Context) -> Fraction:
    talk, hold, wrap, calls = c["talk_time"], c["hold_time"], c["after_call_work"], c["calls"]
    c.nonzero("calls")
    c.step("({a} + {b} + {w}) ÷ {n}", a=talk, b=hold, w=wrap, n=calls)
    c.step("{s} ÷ {n}", s=talk + hold + wrap, n=calls)
    return (talk + hold + wrap) / calls


@_formula("health_score")
def _health_score(c: Context) -> Fraction:
    scores, weights = c["scores"], c["weights"]
    if len(scores) != len(weights):
        s_label, w_label = c.inp("scores").label, c.inp("weights").label
        raise errors.combination(
            "weights",
            f"{s_label.en} and {errors.mid_en(w_label)} need the same number of values "
            f"(got {len(scores)} scores and {len(weights)} weights).",
            f"「{s_label.zh}」和「{w_label.zh}」的个数必须相同（现有得分 {len(scores)} 个、权重 {len(weights)} 个）。",
        )
    total_weight = sum(weights, Fraction(0))
    if total_weight == 0:
        w_label = c.inp("weights").label
        raise errors.combination(
            "weights",
            f"{w_label.en} cannot all be zero: at least one score must count.",
            f"「{w_label.zh}」不能全部为 0，至少要有一项得分计入。",
        )
    weighted = sum((w * s for w, s in zip(weights, scores)), Fraction(0))
    weight_sum, values = terms("w", weights)
    products = " + ".join(elide([f"{{w{i}}} × {{s{i}}}" for i in range(len(weights))]))
    values.update({f"s{i}": s for i, s in enumerate(scores)})
    c.step(f"({products}) ÷ ({weight_sum})", **values)
    c.step("{x} ÷ {t}", x=weighted, t=total_weight)
    return weighted / total_weight


# --- lifecycle and usage -----------------------------------------------------------

@_formula("ttv")
def _ttv(c: Context) -> Fraction:
    start, reached = c["start_date"], c["value_date"]
    if reached < start:
        v_label, s_label = c.inp("value_date").label, c.inp("start_date").label
        raise errors.combination(
            "value_date",
            f"{v_label.en} ({reached.isoformat()}) cannot be before the {errors.mid_en(s_label)} ({start.isoformat()}).",
            f"「{v_label.zh}」（{reached.isoformat()}）不能早于「{s_label.zh}」（{start.isoformat()}）。",
        )
    c.step("{v} " + MINUS + " {s}", v=reached, s=start)
    return Fraction((reached - start).days)
