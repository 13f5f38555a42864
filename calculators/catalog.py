"""The one source of truth for every formula's metadata.

Term pages, calculator widgets, the browser worker and the tests all read
this module. It is Python rather than YAML so Pyodide can import it with
nothing but the standard library. Formula ids, input names, units and the
worked examples follow tests/data/formula-contract.yml exactly; the tests
check that they still do.

The entries live in one module per family (catalog_revenue.py,
catalog_unit_economics.py, catalog_retention.py, catalog_growth.py,
catalog_surveys.py), built from the shared input library in
catalog_inputs.py. This module puts them in the contract's order, which is
also the order a term page lists its variants in (the default first).
"""
from __future__ import annotations

from dataclasses import replace

from . import catalog_growth, catalog_retention, catalog_revenue, catalog_surveys, catalog_unit_economics
from .labels import LABELS
from .model import Formula, Input

_FAMILIES = (catalog_revenue, catalog_unit_economics, catalog_retention, catalog_growth, catalog_surveys)

# The contract's order. A family module adds an entry; this list places it.
ORDER: tuple[str, ...] = (
    "arr", "arr_from_contract", "arr_from_fees", "mrr", "mrr_from_arpu", "acv", "tcv", "arpa", "arpu",
    "cac", "crc", "ltv", "ltv_purchase", "ltv_churn", "ltv_cac_ratio", "roi",
    "nrr", "grr", "customer_retention_rate", "customer_churn_rate", "revenue_churn_rate", "logo_retention",
    "yoy_growth", "renewal_rate", "dollar_renewal_rate", "user_net_growth_rate", "conversion_rate",
    "repeat_purchase_rate", "expansion_rate", "upsell_rate", "cross_sell_rate", "referral_rate",
    "customer_concentration", "adoption_rate", "nps", "csat", "ces", "fcr", "aht", "health_score", "ttv",
    "stickiness", "cac_payback", "quick_ratio", "rule_of_40", "burn_multiple", "magic_number",
    # Added 2026-12
    "ces_mean", "repeat_purchase_rate_customers", "net_revenue_churn", "churn_monthly_to_annual",
    "churn_annual_to_monthly", "nps_from_scores", "nps_margin_of_error", "csat_margin_of_error",
    "retention_from_accounts",
)

# Plausible figures for the formulas the sources give no worked example for,
# so every widget opens with a result instead of an empty form.
SAMPLES: dict[str, dict] = {fid: sample for family in _FAMILIES for fid, sample in family.SAMPLES.items()}


def _assemble() -> tuple[Formula, ...]:
    by_id: dict[str, Formula] = {}
    for family in _FAMILIES:
        for formula in family.FORMULAS:
            if formula.id in by_id:  # pragma: no cover - guards against a copy-paste id
                raise RuntimeError(f"duplicate formula id {formula.id!r} in the catalog")
            by_id[formula.id] = formula
    if set(by_id) != set(ORDER) or len(ORDER) != len(set(ORDER)):  # pragma: no cover
        raise RuntimeError("catalog.ORDER and the family modules disagree")
    return tuple(replace(by_id[fid], sample=SAMPLES.get(fid, {}), label=LABELS.get(fid)) for fid in ORDER)


_ALL: tuple[Formula, ...] = _assemble()
FORMULAS: dict[str, Formula] = {formula.id: formula for formula in _ALL}


def get_formula(formula_id: str) -> Formula:
    """The formula with this id; KeyError if there is none."""
    return FORMULAS[formula_id]


def formulas_for_term(term_id: str) -> list[Formula]:
    """Every formula of a glossary term, in catalog order (the default variant first)."""
    return [formula for formula in _ALL if formula.term == term_id]


def term_ids() -> list[str]:
    """Glossary terms that have at least one formula, in catalog order."""
    return list(dict.fromkeys(formula.term for formula in _ALL))


def _input_data(item: Input) -> dict:
    return {
        "name": item.name,
        "kind": item.kind,
        "label": item.label.as_dict(),
        "help": item.help.as_dict(),
        "suffix": item.suffix.as_dict() if item.suffix else None,
        "optional": item.optional,
        "default": item.default,
        "choices": [{"value": c.value, "label": c.label.as_dict()} for c in item.choices],
        "minimum": item.minimum,
        "minimum_exclusive": item.minimum_exclusive,
        "maximum": item.maximum,
        # Added 2026-12: how long a list may be, and whether solve() can find this input.
        "max_items": item.max_items,
        "solvable": item.kind in ("money", "count", "number", "percent"),
    }


def formula_data(formula: Formula) -> dict:
    """A JSON-ready description of one formula, for templates and the browser."""
    return {
        "id": formula.id,
        "term": formula.term,
        "symbol": formula.symbol.as_dict(),
        "formula": formula.formula.as_dict(),
        "latex": formula.latex.as_dict(),
        "unit": formula.unit,
        "inputs": [_input_data(item) for item in formula.inputs],
        "examples": [{"inputs": dict(ex.inputs), "value": ex.value, "source": ex.source} for ex in formula.examples],
        "when_to_use": formula.when_to_use.as_dict() if formula.when_to_use else None,
        "label": formula.label.as_dict() if formula.label else None,
    }


def catalog_data() -> list[dict]:
    return [formula_data(formula) for formula in _ALL]
