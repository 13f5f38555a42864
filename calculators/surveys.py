"""Survey formulas added 2026-12: CES as a mean, NPS from raw answers, and
the margins of error of NPS and CSAT.

Answers arrive as a parsed tuple of Fractions (a pasted column of up to
100,000 is read by parsing.py); whether each is a whole number on the
survey's scale is checked here, where the scale is known, and the message
names the answer's position in the column.
"""
from __future__ import annotations

import math
from fractions import Fraction
from statistics import NormalDist

from . import errors
from .formulas import MINUS, Context, _formula
from .steps import terms

_STANDARD_NORMAL = NormalDist()


def z_score(confidence: Fraction) -> float:
    """The two-sided standard normal quantile: 1.959963984540054 at 95%."""
    return _STANDARD_NORMAL.inv_cdf(0.5 + float(confidence) / 200)


def _whole_on_scale(c: Context, name: str, high: int) -> None:
    inp = c.inp(name)
    for position, score in enumerate(c[name], 1):
        if score.denominator != 1:
            raise errors.not_whole(inp, errors.shown_number(score), position)
        if score > high:
            raise errors.combination(
                name,
                f"Item {position} of {inp.label.en} is {errors.shown_number(score)}, above the top of the 1\u2013{high} scale.",
                f"{errors.quoted(inp.label)}的第 {position} 项为 {errors.shown_number(score)}，超出了 1\u2013{high} 分的量表上限。",
            )


@_formula("ces_mean")
def _ces_mean(c: Context) -> Fraction:
    scores, high = c["scores"], int(c["scale_max"])
    _whole_on_scale(c, "scores", high)
    # Whole answers add as ints: a Fraction sum costs a gcd per item.
    total = Fraction(sum(score.numerator for score in scores))
    template, values = terms("s", scores)
    c.step("(" + template + ") ÷ {n}", n=len(scores), **values)
    c.step("{t} ÷ {n}", t=total, n=len(scores))
    c.detail("responses", len(scores), "count", "Responses", "回复数")
    return total / len(scores)


def _bands(scores: tuple[Fraction, ...]) -> tuple[int, int, int]:
    promoters = passives = detractors = 0
    for score in scores:
        if score >= 9:
            promoters += 1
        elif score >= 7:
            passives += 1
        else:
            detractors += 1
    return promoters, passives, detractors


def _nps_margin(promoters: int | Fraction, passives: int | Fraction, detractors: int | Fraction,
                confidence: Fraction) -> float:
    n = promoters + passives + detractors
    p, d = float(promoters / n), float(detractors / n)
    # max(0, ...) guards the rounding of a variance that is exactly zero.
    return z_score(confidence) * math.sqrt(max(0.0, p + d - (p - d) ** 2) / float(n)) * 100


@_formula("nps_from_scores")
def _nps_from_scores(c: Context) -> Fraction:
    scores = c["scores"]
    inp = c.inp("scores")
    for position, score in enumerate(scores, 1):
        if score.denominator != 1:
            raise errors.not_whole(inp, errors.shown_number(score), position)
    promoters, passives, detractors = _bands(scores)
    total = len(scores)
    c.step("({p} " + MINUS + " {d}) ÷ {n} × 100", p=promoters, d=detractors, n=total)
    c.step("{x} ÷ {n} × 100", x=promoters - detractors, n=total)
    c.detail("promoters", promoters, "count", "Promoters (9–10)", "推荐者（9–10 分）")
    c.detail("passives", passives, "count", "Passives (7–8)", "中立者（7–8 分）")
    c.detail("detractors", detractors, "count", "Detractors (0–6)", "贬损者（0–6 分）")
    c.detail("responses", total, "count", "Responses", "回复数")
    c.detail("margin_of_error", _nps_margin(promoters, passives, detractors, Fraction(95)), "score",
             "Margin of error (95%)", "误差范围（95% 置信水平）")
    return Fraction(promoters - detractors) * 100 / total


def _no_responses(c: Context, names: tuple[str, ...]) -> None:
    inputs = [c.inp(name) for name in names]
    raise errors.combination(
        None,
        f"{errors.labels(inputs, 'en')} cannot all be zero: a margin of error needs at least one response.",
        f"{errors.labels(inputs, 'zh')}不能都为 0：计算误差范围至少需要一份回复。",
    )


@_formula("nps_margin_of_error")
def _nps_margin_of_error(c: Context) -> float:
    promoters, passives, detractors, confidence = c["promoters"], c["passives"], c["detractors"], c["confidence"]
    n = promoters + passives + detractors
    if n == 0:
        _no_responses(c, ("promoters", "passives", "detractors"))
    p, d = promoters / n, detractors / n
    z = z_score(confidence)
    c.step("{z} × √(({p} + {d} " + MINUS + " ({p} " + MINUS + " {d})²) ÷ {n}) × 100",
           z=Fraction(repr(z)), p=p, d=d, n=n)
    c.detail("responses", n, "count", "Responses", "回复数")
    c.detail("confidence", confidence, "percent", "Confidence level", "置信水平")
    return _nps_margin(promoters, passives, detractors, confidence)


@_formula("csat_margin_of_error")
def _csat_margin_of_error(c: Context) -> float:
    satisfied, total, confidence = c["satisfied_responses"], c["total_responses"], c["confidence"]
    c.nonzero("total_responses")
    c.at_most("satisfied_responses", "total_responses")
    share = satisfied / total
    z = z_score(confidence)
    c.step("{z} × √({p} × (1 " + MINUS + " {p}) ÷ {n}) × 100", z=Fraction(repr(z)), p=share, n=total)
    c.detail("responses", total, "count", "Responses", "回复数")
    c.detail("confidence", confidence, "percent", "Confidence level", "置信水平")
    p = float(share)
    return z * math.sqrt(max(0.0, p * (1 - p)) / float(total)) * 100

