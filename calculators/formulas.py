"""The arithmetic of each formula, with the checks only the formula can make.

Inputs arrive already parsed and bounded (see parsing.py): numbers are
exact Fractions, lists are tuples of them. Each implementation guards its own
denominators and impossible combinations, records its worked steps and
returns an exact Fraction (a float where the maths needs a root); the engine
converts it to float once.

This module holds the shared machinery (Context, the registry) and the two
shapes most formulas take, part ÷ whole × 100 and top ÷ bottom. The others
live by family in formulas_revenue.py, formulas_retention.py,
formulas_service.py and formulas_efficiency.py, with the 2026-12 survey
formulas in surveys.py and the account table in accounts.py; engine.py
imports them all so every id is registered.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from collections.abc import Callable
from typing import Any

from . import errors
from .model import Detail, Formula, Input, Text
from .steps import Steps

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
    "repeat_purchase_rate_customers": ("repeat_customers", "total_customers", True),
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
