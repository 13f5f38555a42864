"""SaaS efficiency ratios: CAC payback, quick ratio, Rule of 40, burn multiple, magic number.
"""
from __future__ import annotations

from fractions import Fraction

from . import errors
from .formulas import MINUS, Context, _formula
from .steps import Pct


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
