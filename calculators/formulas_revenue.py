"""Revenue and lifetime value: ARR, ACV, MRR, TCV, the LTV variants and ROI.
"""
from __future__ import annotations

from fractions import Fraction

from .formulas import MINUS, Context, _formula
from .steps import Pct, terms


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
