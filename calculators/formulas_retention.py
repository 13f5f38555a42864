"""Retention, churn and growth: NRR, GRR, CRR, YoY, user growth, net revenue churn
and the churn converters.
"""
from __future__ import annotations

from fractions import Fraction

from . import errors
from .formulas import MINUS, Context, _formula
from .steps import Pct


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


# --- added 2026-12: retention and churn ---------------------------------------------

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
