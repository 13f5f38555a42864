"""Issue 15's catalog details: the texts readers see in the widgets."""
from __future__ import annotations

import json
import re

import pytest

from calculators import FORMULAS, InputError, compute
from calculators.catalog import catalog_data


def _reader_text() -> list[str]:
    """Every label, help, symbol, formula and note a widget shows (not ids, not example sources)."""
    texts = []
    for formula in catalog_data():
        for key in ("symbol", "formula", "when_to_use"):
            if formula[key]:
                texts += formula[key].values()
        for item in formula["inputs"]:
            texts += item["label"].values()
            texts += item["help"].values()
            texts += [text for choice in item["choices"] for text in choice["label"].values()]
    return texts


def test_no_pipeline_jargon_in_reader_text():
    for text in _reader_text():
        assert not re.search(r"\bseeds?\b|种子|median ≈", text, re.I), text


def test_aht_sample_is_a_realistic_handle_time():
    sample = FORMULAS["aht"].prefill
    minutes = compute("aht", **sample).value
    assert sample["calls"] > 1 and 2 <= minutes <= 15


def test_upsell_help_does_not_count_cross_sells():
    item = FORMULAS["upsell_rate"].input("upsold_customers")
    assert "bought more" not in item.help.en and "加购" not in item.help.zh


def test_magic_number_takes_gaap_revenue():
    for name in ("current_quarter_revenue", "previous_quarter_revenue"):
        item = FORMULAS["magic_number"].input(name)
        assert "GAAP" in item.help.en and "GAAP" in item.help.zh


@pytest.mark.parametrize("arr", [0, -250000, "-250,000"])
def test_burn_multiple_explains_why_shrinking_arr_is_undefined(arr):
    with pytest.raises(InputError) as caught:
        compute("burn_multiple", net_burn=1000000, net_new_arr=arr)
    error = caught.value
    assert error.field == "net_new_arr"
    assert "undefined when ARR stays flat or shrinks" in error.messages["en"]
    assert "ARR 持平或下降时烧钱倍数没有意义" in error.messages["zh"]


def test_ltv_variants_are_named_for_what_they_count():
    assert FORMULAS["ltv"].symbol.as_dict() == {"en": "Revenue LTV (no margin)", "zh": "收入口径 LTV（未扣毛利）"}
    assert FORMULAS["ltv_purchase"].symbol.en == "LTV net of CAC"
    assert "the Customer Success terms dictionary (2024)" in FORMULAS["ltv_purchase"].when_to_use.en
    assert "《客户成功行业术语词典》（2024）" in FORMULAS["ltv_purchase"].when_to_use.zh
    assert "LTV:CAC" in FORMULAS["ltv_churn"].when_to_use.en and "LTV:CAC" in FORMULAS["ltv_churn"].when_to_use.zh
    assert "most sources" not in FORMULAS["ltv"].when_to_use.en


def test_catalog_text_is_json_clean():
    json.dumps(catalog_data(), ensure_ascii=False, allow_nan=False)
