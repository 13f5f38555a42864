"""Worked examples beyond the contract's, the steps, and number formatting."""
from __future__ import annotations

import json
import math
from collections import Counter

import pytest

from calculator_cases import OWN_EXAMPLES
from calculators import FORMULAS, browser, compute, format_value, unit_label
from calculators.formatting import format_number


def test_at_least_two_own_examples_per_formula():
    counts = Counter(formula_id for formula_id, _, _ in OWN_EXAMPLES)
    assert {fid for fid in FORMULAS if counts[fid] < 2} == set()


@pytest.mark.parametrize(("formula_id", "inputs", "expected"), OWN_EXAMPLES,
                         ids=[f"{row[0]}-{i}" for i, row in enumerate(OWN_EXAMPLES)])
def test_own_example(formula_id, inputs, expected):
    result = compute(formula_id, **inputs)
    assert result.value == pytest.approx(expected, rel=1e-12, abs=1e-12)
    assert math.isfinite(result.value)
    assert result.unit == FORMULAS[formula_id].unit


@pytest.mark.parametrize(("formula_id", "inputs", "expected"), OWN_EXAMPLES,
                         ids=[f"{row[0]}-{i}" for i, row in enumerate(OWN_EXAMPLES)])
def test_steps_end_in_the_formatted_result(formula_id, inputs, expected):
    result = compute(formula_id, **inputs)
    formula = FORMULAS[formula_id]
    assert len(result.steps) >= 2
    for lang in ("en", "zh"):
        assert result.steps[0][lang].startswith(f"{formula.symbol[lang]} = ")
        assert result.steps[-1][lang] == "= " + format_value(result.value, result.unit, lang, formula.notation)
        assert all(step[lang].strip() for step in result.steps)


def test_nrr_steps_read_like_the_brief():
    result = compute("nrr", start_mrr=100000, expansion_mrr=15000, contraction_mrr=2000, churned_mrr=3000)
    assert [step["en"] for step in result.steps] == [
        "NRR = (100,000 + 15,000 − 2,000 − 3,000) ÷ 100,000 × 100",
        "= 110,000 ÷ 100,000 × 100",
        "= 110%",
    ]


@pytest.mark.parametrize(("formula_id", "inputs", "lang", "steps"), [
    ("cac_payback", {"cac": 1200, "arpa": 100, "gross_margin": 80}, "zh",
     ["CAC 回收期 = 1,200 ÷ (100 × 80%)", "= 1,200 ÷ 80", "= 15 个月"]),
    ("arr_from_fees", {"fees": [100, 200], "billing_period": "quarter"}, "zh",
     ["ARR = (100 + 200) × 4（每年 4 个季度）", "= 300 × 4", "= 1,200"]),
    ("ttv", {"start_date": "2026-03-01", "value_date": "2026-03-08"}, "en",
     ["TTV = 2026-03-08 − 2026-03-01", "= 7 days"]),
    ("rule_of_40", {"growth_rate": 30, "profit_margin": -10}, "en",
     ["Rule of 40 score = 30% + (−10%)", "= 20%"]),
    ("customer_churn_rate", {"start_customers": 100, "lost_customers": 10}, "zh",
     ["客户流失率 = 10 ÷ 100 × 100", "= 10%"]),
    ("quick_ratio", {"new_mrr": 5000, "expansion_mrr": 1000, "churned_mrr": 1500, "contraction_mrr": 500}, "zh",
     ["快速比率 = (5,000 + 1,000) ÷ (1,500 + 500)", "= 6,000 ÷ 2,000", "= 3.0 倍"]),
    ("health_score", {"scores": [80, 60, 90], "weights": [0.5, 0.3, 0.2]}, "en",
     ["Health score = (0.5 × 80 + 0.3 × 60 + 0.2 × 90) ÷ (0.5 + 0.3 + 0.2)", "= 76 ÷ 1", "= 76"]),
    ("mrr", {"monthly_fees": list(range(1, 21))}, "en", ["MRR = 1 + 2 + 3 + … + 20", "= 210"]),
    # An inexact monthly figure is not shown rounded.
    ("acv", {"total_contract_value": 40000, "term_months": 24}, "en", ["ACV = 40,000 ÷ 24 × 12", "= 20,000"]),
])
def test_steps(formula_id, inputs, lang, steps):
    assert [step[lang] for step in compute(formula_id, **inputs).steps] == steps


@pytest.mark.parametrize(("value", "unit", "lang", "expected"), [
    (120000.0, "money", "en", "120,000"),
    (1234.5, "money", "zh", "1,234.5"),
    (1234.567, "money", "en", "1,234.57"),
    (0.004, "money", "en", "0"),
    (-0.004, "money", "en", "0"),
    (-2500.0, "money", "en", "−2,500"),
    (110.0, "percent", "en", "110%"),
    (100 / 3, "percent", "zh", "33.33%"),
    (2.5, "percent", "en", "2.5%"),
    (3.0, "ratio", "en", "3.0×"),
    (3.0, "ratio", "zh", "3.0 倍"),
    (2.567, "ratio", "en", "2.57×"),
    (7.0, "days", "en", "7 days"),
    (1.0, "days", "en", "1 day"),
    (7.0, "days", "zh", "7 天"),
    (15.0, "months", "en", "15 months"),
    (1.0, "months", "en", "1 month"),
    (15.0, "months", "zh", "15 个月"),
    (12.5, "months", "en", "12.5 months"),
    (90.0, "time", "en", "90"),
    (-33.333, "score", "zh", "−33.33"),
    (76.0, "number", "en", "76"),
    (1e15, "money", "en", "1,000,000,000,000,000"),
])
def test_format_value(value, unit, lang, expected):
    assert format_value(value, unit, lang) == expected


def test_format_rejects_unknown_unit_and_language():
    with pytest.raises(ValueError):
        format_value(1.0, "furlongs", "en")
    with pytest.raises(ValueError):
        format_value(1.0, "money", "fr")
    assert format_number(1234.56789, "en", decimals=4) == "1,234.5679"


def test_unit_labels_are_bilingual():
    for unit in ("money", "percent", "ratio", "score", "days", "time", "number", "months"):
        assert unit_label(unit, "en") != unit_label(unit, "zh")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in unit_label(unit, "zh"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ltv_to_cac_reads_as_the_glossary_writes_it(lang):
    # The term pages say "3:1"; the calculator must not answer "3.0×".
    reply = json.loads(browser.run("ltv_cac_ratio", json.dumps({"ltv": 12000, "cac": 4000}), lang))
    assert reply["formatted"] == "3.0:1" and reply["steps"][-1] == "= 3.0:1"
