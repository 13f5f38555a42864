"""The arithmetic of each formula, with the checks only the formula can make.

Inputs arrive already parsed and bounded (see parsing.py): numbers are
exact Fractions, lists are tuples of them. Each implementation guards its own
denominators and impossible combinations, records its worked steps and
returns an exact Fraction; the engine converts it to float once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from collections.abc import Callable
from typing import Any

from . import errors
from .model import Detail, Formula, Input, Text
from .steps import Pct, Steps, elide, terms

MINUS = "\u2212"


@dataclass
class Context:
    formula: Formula
    values: dict[str, Any]
    steps: Steps = field(default_factory=Steps)
    details: list[Detail] = field(default_factory=list)
    # The solver evaluates the bare arithmetic at probe points where the
    # checks between inputs need not hold (see solver.py); a lenient context
    # skips those checks. Every real computation is strict.
    lenient: bool = False

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def inp(self, name: str) -> Input:
        return self.formula.input(name)

    def step(self, en: str, zh: str | None = None, **values: Any) -> None:
        self.steps.add(en, zh, **values)

    def detail(self, name: str, value: Any, unit: str, en: str, zh: str) -> None:
        """Attach one more labelled figure to the result (see model.Detail)."""
        self.details.append(Detail(name, float(value) + 0.0, unit, Text(en, zh)))

    def nonzero(self, *names: str) -> None:
        if self.lenient:
            return
        for name in names:
            if self[name] == 0:
                raise errors.zero_denominator(self.inp(name))

    def at_most(self, part: str, whole: str) -> None:
        if not self.lenient and self[part] > self[whole]:
            raise errors.exceeds(self.inp(part), self.inp(whole), self[part], self[whole])


Implementation = Callable[[Context], Fraction]
IMPLEMENTATIONS: dict[str, Implementation] = {}


def _formula(*ids: str) -> Callable[[Implementation], Implementation]:
    def register(func: Implementation) -> Implementation:
        for formula_id in ids:
            IMPLEMENTATIONS[formula_id] = func
        return func
    return register


def _share(c: Context, part: str, whole: str, capped: bool = True) -> Fraction:
    c.nonzero(whole)
    if capped:
        c.at_most(part, whole)
    c.step("{p} ÷ {w} × 100", p=c[part], w=c[whole])
    return c[part] * 100 / c[whole]


# Percent formulas of the form part ÷ whole × 100. `capped` is False where the
# part may legitimately exceed the whole.
_SHARES: dict[str, tuple[str, str, bool]] = {
    "customer_churn_rate": ("lost_customers", "start_customers", True),
    "revenue_churn_rate": ("churned_mrr", "start_mrr", True),
    "logo_retention": ("retained_customers", "start_customers", True),
    "renewal_rate": ("renewed_customers", "customers_due", True),
    # Customers can renew at a higher price, so more value can renew than was due.
    "dollar_renewal_rate": ("renewed_value", "value_due", False),
    "conversion_rate": ("paying_customers", "total_users", True),
    "repeat_purchase_rate": ("repeat_transactions", "total_transactions", True),
    # Expansion can exceed the starting base (a customer that triples its plan).
    "expansion_rate": ("expansion_mrr", "start_mrr", False),
    "upsell_rate": ("upsold_customers", "total_customers", True),
    "cross_sell_rate": ("cross_sold_customers", "total_customers", True),
    "referral_rate": ("referring_customers", "total_customers", True),
    "customer_concentration": ("top_customers_revenue", "total_revenue", True),
    "adoption_rate": ("adopting_users", "total_users", True),
    "csat": ("satisfied_responses", "total_responses", True),
    "ces": ("high_scores", "total_responses", True),
    "fcr": ("first_contact_resolved", "total_issues", True),
    # Every daily active user is also a monthly one.
    "stickiness": ("dau", "mau", True),
}


def _make_share(part: str, whole: str, capped: bool) -> Implementation:
    return lambda c: _share(c, part, whole, capped)


for _id, (_part, _whole, _capped) in _SHARES.items():
    IMPLEMENTATIONS[_id] = _make_share(_part, _whole, _capped)


def _divide(c: Context, top: str, bottom: str) -> Fraction:
    c.nonzero(bottom)
    c.step("{a} ÷ {b}", a=c[top], b=c[bottom])
    return c[top] / c[bottom]


# Plain quotients: top ÷ bottom.
_QUOTIENTS: dict[str, tuple[str, str]] = {
    "arpa": ("revenue", "accounts"),
    "arpu": ("revenue", "users"),
    "cac": ("acquisition_cost", "new_customers"),
    "crc": ("retention_cost", "retained_customers"),
    "ltv_cac_ratio": ("ltv", "cac"),
}


def _make_quotient(top: str, bottom: str) -> Implementation:
    return lambda c: _divide(c, top, bottom)


for _id, (_top, _bottom) in _QUOTIENTS.items():
    IMPLEMENTATIONS[_id] = _make_quotient(_top, _bottom)


# --- revenue -----------------------------------------------------------------------

@_formula("arr")
def _arr(c: Context) -> Fraction:
    c.step("{m} × 12", m=c["mrr"])
    return c["mrr"] * 12


@_formula("arr_from_contract", "acv")
def _annualised(c: Context) -> Fraction:
    # term_months is bounded above zero by its Input, so no zero check here.
    value = c["contract_value"] if "contract_value" in c.values else c["total_contract_value"]
    months = c["term_months"]
    c.step("{v} ÷ {t} × 12", v=value, t=months)
    monthly = value / months
    # Show the monthly figure only when it is exact; "1,666.6667 × 12" would
    # suggest a rounding the result does not contain.
    if (monthly * 10**4).denominator == 1:
        c.step("{m} × 12", m=monthly)
    return value * 12 / months


_PERIODS = {
    "month": (12, "12 months a year", "每年 12 个月"),
    "quarter": (4, "4 quarters a year", "每年 4 个季度"),
    "year": (1, "billed yearly", "按年计费"),
}


@_formula("arr_from_fees")
def _arr_from_fees(c: Context) -> Fraction:
    fees = c["fees"]
    per_year, note_en, note_zh = _PERIODS[c["billing_period"]]
    total = sum(fees, Fraction(0))
    if len(fees) == 1:
        c.step("{f0} × {k} (" + note_en + ")", "{f0} × {k}（" + note_zh + "）", f0=fees[0], k=per_year)
    else:
        template, values = terms("f", fees)
        c.step("(" + template + ") × {k} (" + note_en + ")", "(" + template + ") × {k}（" + note_zh + "）",
               k=per_year, **values)
        c.step("{s} × {k}", s=total, k=per_year)
    return total * per_year


@_formula("mrr")
def _mrr(c: Context) -> Fraction:
    fees = c["monthly_fees"]
    template, values = terms("f", fees)
    c.step(template, **values)
    return sum(fees, Fraction(0))


@_formula("mrr_from_arpu")
def _mrr_from_arpu(c: Context) -> Fraction:
    c.step("{a} × {n}", a=c["arpu"], n=c["paying_customers"])
    return c["arpu"] * c["paying_customers"]


@_formula("tcv")
def _tcv(c: Context) -> Fraction:
    monthly, months, once = c["recurring_per_month"], c["term_months"], c["one_time_fees"]
    c.step("{r} × {t} + {f}", r=monthly, t=months, f=once)
    c.step("{rt} + {f}", rt=monthly * months, f=once)
    return monthly * months + once


@_formula("ltv")
def _ltv(c: Context) -> Fraction:
    c.step("{a} × {m}", a=c["arpa"], m=c["lifetime_months"])
    return c["arpa"] * c["lifetime_months"]


@_formula("ltv_purchase")
def _ltv_purchase(c: Context) -> Fraction:
    price, frequency, lifetime = c["average_purchase_value"], c["purchase_frequency"], c["lifetime"]
    cost = c["acquisition_cost"]
    gross = price * frequency * lifetime
    c.step("{v} × {f} × {l} " + MINUS + " {c}", v=price, f=frequency, l=lifetime, c=cost)
    c.step("{g} " + MINUS + " {c}", g=gross, c=cost)
    return gross - cost


@_formula("ltv_churn")
def _ltv_churn(c: Context) -> Fraction:
    # monthly_churn_rate is bounded above zero by its Input.
    arpa, margin, churn = c["arpa"], c["gross_margin"], c["monthly_churn_rate"]
    c.step("{a} × {m} ÷ {r}", a=arpa, m=Pct(margin), r=Pct(churn))
    c.step("{g} ÷ {r}", g=arpa * margin / 100, r=Pct(churn))
    return arpa * margin / churn


@_formula("roi")
def _roi(c: Context) -> Fraction:
    gain, cost = c["return_value"], c["investment"]
    c.nonzero("investment")
    c.step("({r} " + MINUS + " {i}) ÷ {i} × 100", r=gain, i=cost)
    c.step("{d} ÷ {i} × 100", d=gain - cost, i=cost)
    return (gain - cost) * 100 / cost


# --- retention ---------------------------------------------------------------------

def _losses_within_start(c: Context) -> None:
    start, lost = c["start_mrr"], c["contraction_mrr"] + c["churned_mrr"]
    if lost > start and not c.lenient:
        both = [c.inp("contraction_mrr"), c.inp("churned_mrr")]
        raise errors.combination(
            None,
            f"{errors.labels(both, 'en')} together ({_n(lost)}) cannot be more than "
            f"{errors.mid_en(c.inp('start_mrr').label)} ({_n(start)}).",
            f"{errors.labels(both, 'zh')}之和（{_n(lost)}）不能超过「{c.inp('start_mrr').label.zh}」（{_n(start)}）。",
        )


def _n(value: Fraction) -> str:
    return errors.shown_number(value)


@_formula("nrr")
def _nrr(c: Context) -> Fraction:
    start, up, down, gone = c["start_mrr"], c["expansion_mrr"], c["contraction_mrr"], c["churned_mrr"]
    c.nonzero("start_mrr")
    _losses_within_start(c)
    kept = start + up - down - gone
    c.step("({s} + {e} " + MINUS + " {c} " + MINUS + " {g}) ÷ {s} × 100", s=start, e=up, c=down, g=gone)
    c.step("{k} ÷ {s} × 100", k=kept, s=start)
    return kept * 100 / start


@_formula("grr")
def _grr(c: Context) -> Fraction:
    start, down, gone = c["start_mrr"], c["contraction_mrr"], c["churned_mrr"]
    c.nonzero("start_mrr")
    _losses_within_start(c)
    kept = start - down - gone
    c.step("({s} " + MINUS + " {c} " + MINUS + " {g}) ÷ {s} × 100", s=start, c=down, g=gone)
    c.step("{k} ÷ {s} × 100", k=kept, s=start)
    return kept * 100 / start


@_formula("customer_retention_rate")
def _crr(c: Context) -> Fraction:
    start, end, new = c["start_customers"], c["end_customers"], c["new_customers"]
    c.nonzero("start_customers")
    c.at_most("new_customers", "end_customers")
    kept = end - new
    if kept > start and not c.lenient:
        end_label, new_label, start_label = (c.inp(n).label for n in ("end_customers", "new_customers", "start_customers"))
        raise errors.combination(
            "end_customers",
            f"{end_label.en} minus {errors.mid_en(new_label)} ({_n(kept)}) cannot be more than "
            f"{errors.mid_en(start_label)} ({_n(start)}).",
            f"「{end_label.zh}」减去「{new_label.zh}」（{_n(kept)}）不能超过「{start_label.zh}」（{_n(start)}）。",
        )
    c.step("({e} " + MINUS + " {n}) ÷ {s} × 100", e=end, n=new, s=start)
    c.step("{k} ÷ {s} × 100", k=kept, s=start)
    return kept * 100 / start


@_formula("yoy_growth")
def _yoy(c: Context) -> Fraction:
    before, now = c["previous"], c["current"]
    c.nonzero("previous")
    c.step("({c} " + MINUS + " {p}) ÷ {p} × 100", c=now, p=before)
    c.step("{d} ÷ {p} × 100", d=now - before, p=before)
    return (now - before) * 100 / before


@_formula("user_net_growth_rate")
def _user_net_growth(c: Context) -> Fraction:
    start, new, lost = c["start_users"], c["new_users"], c["lost_users"]
    c.nonzero("start_users")
    if lost > start + new and not c.lenient:
        lost_label, start_label, new_label = (c.inp(n).label for n in ("lost_users", "start_users", "new_users"))
        raise errors.combination(
            "lost_users",
            f"{lost_label.en} ({_n(lost)}) cannot be more than {errors.mid_en(start_label)} plus "
            f"{errors.mid_en(new_label)} ({_n(start + new)}).",
            f"「{lost_label.zh}」（{_n(lost)}）不能超过「{start_label.zh}」与「{new_label.zh}」之和（{_n(start + new)}）。",
        )
    c.step("({n} " + MINUS + " {l}) ÷ {s} × 100", n=new, l=lost, s=start)
    c.step("{d} ÷ {s} × 100", d=new - lost, s=start)
    return (new - lost) * 100 / start


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


# --- efficiency --------------------------------------------------------------------

@_formula("cac_payback")
def _cac_payback(c: Context) -> Fraction:
    cac, arpa, margin = c["cac"], c["arpa"], c["gross_margin"]
    c.nonzero("arpa", "gross_margin")
    c.step("{c} ÷ ({a} × {m})", c=cac, a=arpa, m=Pct(margin))
    c.step("{c} ÷ {g}", c=cac, g=arpa * margin / 100)
    return cac * 100 / (arpa * margin)


@_formula("quick_ratio")
def _quick_ratio(c: Context) -> Fraction:
    new, up, gone, down = c["new_mrr"], c["expansion_mrr"], c["churned_mrr"], c["contraction_mrr"]
    if gone + down == 0:
        both = [c.inp("churned_mrr"), c.inp("contraction_mrr")]
        raise errors.combination(
            None,
            f"{errors.labels(both, 'en')} cannot both be zero, because the ratio divides by their sum.",
            f"{errors.labels(both, 'zh')}不能同时为 0，因为公式要用二者之和作除数。",
        )
    c.step("({n} + {e}) ÷ ({g} + {d})", n=new, e=up, g=gone, d=down)
    c.step("{a} ÷ {b}", a=new + up, b=gone + down)
    return (new + up) / (gone + down)


@_formula("rule_of_40")
def _rule_of_40(c: Context) -> Fraction:
    growth, margin = c["growth_rate"], c["profit_margin"]
    c.step("{g} + {m}", g=Pct(growth), m=Pct(margin))
    return growth + margin


@_formula("burn_multiple")
def _burn_multiple(c: Context) -> Fraction:
    burn, added = c["net_burn"], c["net_new_arr"]
    if added <= 0 and not c.lenient:
        label = c.inp("net_new_arr").label
        raise errors.combination(
            "net_new_arr",
            f"{label.en} must be above 0: the burn multiple is undefined when ARR stays flat or shrinks, "
            f"because the burn then buys no growth to divide by.",
            f"「{label.zh}」必须大于 0：ARR 持平或下降时烧钱倍数没有意义，因为此时烧掉的钱没有换来可作除数的增长。",
        )
    c.step("{a} ÷ {b}", a=burn, b=added)
    return burn / added


@_formula("magic_number")
def _magic_number(c: Context) -> Fraction:
    now, before, spend = c["current_quarter_revenue"], c["previous_quarter_revenue"], c["previous_quarter_sm_spend"]
    c.nonzero("previous_quarter_sm_spend")
    c.step("({c} " + MINUS + " {p}) × 4 ÷ {s}", c=now, p=before, s=spend)
    c.step("{d} × 4 ÷ {s}", d=now - before, s=spend)
    return (now - before) * 4 / spend


# --- added 2026-12: retention and churn ---------------------------------------------

IMPLEMENTATIONS["repeat_purchase_rate_customers"] = _make_share("repeat_customers", "total_customers", True)


@_formula("net_revenue_churn")
def _net_revenue_churn(c: Context) -> Fraction:
    start, gone, down, up = c["start_mrr"], c["churned_mrr"], c["contraction_mrr"], c["expansion_mrr"]
    c.nonzero("start_mrr")
    _losses_within_start(c)
    c.step("({g} + {c} " + MINUS + " {e}) ÷ {s} × 100", g=gone, c=down, e=up, s=start)
    c.step("{n} ÷ {s} × 100", n=gone + down - up, s=start)
    return (gone + down - up) * 100 / start


# Churn compounds, so converting a rate between periods takes a power, not a
# multiplication. The arithmetic is float, written exactly as the contract's
# formula so both runtimes round the same way.

@_formula("churn_monthly_to_annual")
def _churn_monthly_to_annual(c: Context) -> float:
    monthly = c["monthly_churn_rate"]
    c.step("(1 " + MINUS + " (1 " + MINUS + " {m})^12) × 100", m=Pct(monthly))
    return (1 - (1 - float(monthly) / 100) ** 12) * 100


@_formula("churn_annual_to_monthly")
def _churn_annual_to_monthly(c: Context) -> float:
    annual = c["annual_churn_rate"]
    c.step("(1 " + MINUS + " (1 " + MINUS + " {a})^(1/12)) × 100", a=Pct(annual))
    return (1 - (1 - float(annual) / 100) ** (1 / 12)) * 100
