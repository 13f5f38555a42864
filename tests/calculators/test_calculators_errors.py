"""Every class of bad input raises InputError, blames the right field and explains itself twice."""
from __future__ import annotations

import pytest

from calculator_cases import ERROR_CASES
from calculators import InputError, compute


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize(("formula_id", "inputs", "field"), [row[1:] for row in ERROR_CASES],
                         ids=[row[0] for row in ERROR_CASES])
def test_bad_input(formula_id, inputs, field):
    with pytest.raises(InputError) as caught:
        compute(formula_id, **inputs)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.field == field
    en, zh = error.messages["en"], error.messages["zh"]
    assert set(error.messages) == {"en", "zh"}
    assert en.strip() and zh.strip() and en != zh
    assert _has_cjk(zh) and not _has_cjk(en)
    assert str(error) == en
    # One sentence per language, ending as each language ends a sentence.
    assert en.endswith(".") and zh.endswith("。")


def test_messages_name_the_input_by_its_label():
    with pytest.raises(InputError) as caught:
        compute("nrr", start_mrr="abc", expansion_mrr=1, contraction_mrr=1, churned_mrr=1)
    assert caught.value.messages == {
        "en": "Starting MRR must be a number; got “abc”.",
        "zh": "「期初 MRR」必须是数字，收到的是“abc”。",
    }


def test_long_raw_text_is_shortened_in_messages():
    with pytest.raises(InputError) as caught:
        compute("arr", mrr="x" * 500)
    assert len(caught.value.messages["en"]) < 120


@pytest.mark.parametrize("raw", ["1,200", " 45 ", "１２", "$1,200", "¥1,200", "￥1,200", "1,200元", "1e3", ".5", "+7"])
def test_lenient_money_spellings(raw):
    assert compute("arr", mrr=raw).value > 0


@pytest.mark.parametrize(("raw", "expected"), [("80", 80), ("80%", 80), (" 80 % ", 80), ("８０％", 80), (80.0, 80)])
def test_percent_spellings(raw, expected):
    assert compute("rule_of_40", growth_rate=raw, profit_margin=0).value == expected


@pytest.mark.parametrize("period", ["month", "Monthly", "月", "按月", "月度"])
def test_billing_period_aliases(period):
    assert compute("arr_from_fees", fees="100", billing_period=period).value == 1200


@pytest.mark.parametrize("fees", ["100,200", "100, 200", "100\n200", "100;200", "100、200", "100\t200", [100, "200"], ("100", 200.0)])
def test_list_spellings(fees):
    assert compute("mrr", monthly_fees=fees).value == 300


def test_optional_input_may_be_omitted_blank_or_none():
    base = {"recurring_per_month": 100, "term_months": 12}
    assert compute("tcv", **base).value == 1200
    assert compute("tcv", **base, one_time_fees="").value == 1200
    assert compute("tcv", **base, one_time_fees=None).value == 1200
    assert compute("tcv", **base, one_time_fees=50).value == 1250


@pytest.mark.parametrize(("formula_id", "inputs", "field"), [
    ("ttv", {"start_date": 10**5000, "value_date": "2026-01-01"}, "start_date"),
    ("arr_from_fees", {"fees": [1], "billing_period": 10**5000}, "billing_period"),
    (10**5000, {}, None),
    ("arr", {"mrr": 10**5000}, "mrr"),
], ids=["date", "choice", "formula-id", "money"])
def test_integers_too_long_to_print_still_give_input_error(formula_id, inputs, field):
    # str() of such an int raises ValueError in CPython 3.11+; it must not leak.
    with pytest.raises(InputError) as caught:
        compute(formula_id, **inputs)
    assert caught.value.field == field


def test_formula_id_is_forgiving_about_case_and_space():
    assert compute(" NRR ", start_mrr=1, expansion_mrr=0, contraction_mrr=0, churned_mrr=0).formula == "nrr"
