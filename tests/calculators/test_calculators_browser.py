"""calculators.browser: the JSON contract the Web Worker relies on."""
from __future__ import annotations

import json

import pytest

from calculators import browser


def test_success_shape():
    reply = json.loads(browser.run("nrr", json.dumps({"start_mrr": 100000, "expansion_mrr": 15000,
                                                         "contraction_mrr": 2000, "churned_mrr": 3000}), "zh"))
    assert reply == {
        "ok": True, "value": 110.0, "unit": "percent", "formatted": "110%",
        "steps": ["NRR = (100,000 + 15,000 − 2,000 − 3,000) ÷ 100,000 × 100", "= 110,000 ÷ 100,000 × 100", "= 110%"],
    }


def test_failure_shape():
    reply = json.loads(browser.run("arpa", '{"revenue": "abc", "accounts": 2}', "en"))
    assert reply["ok"] is False and reply["field"] == "revenue"
    assert reply["message"] == reply["messages"]["en"]
    assert set(reply["messages"]) == {"en", "zh"}


@pytest.mark.parametrize(("formula_id", "inputs_json", "lang"), [
    ("nrr", "not json", "en"),
    ("nrr", "[1, 2]", "zh"),
    ("nrr", "null", "en"),
    ("nrr", None, "en"),
    ("nrr", '{"start_mrr": NaN}', "en"),
    (None, "{}", "en"),
    ("nrr", "{}", None),
    ("nrr", '{"start_mrr": 1e999}', "fr"),
])
def test_run_never_raises(formula_id, inputs_json, lang):
    reply = json.loads(browser.run(formula_id, inputs_json, lang))
    assert reply["ok"] is False
    assert reply["message"] in reply["messages"].values()


def test_language_falls_back_to_english_and_accepts_zh_variants():
    bad = '{"mrr": "x"}'
    assert json.loads(browser.run("arr", bad, "zh-CN"))["message"] == json.loads(browser.run("arr", bad, "zh"))["message"]
    assert json.loads(browser.run("arr", bad, "de"))["message"] == json.loads(browser.run("arr", bad, "en"))["message"]


def test_describe_lists_the_catalog():
    data = json.loads(browser.describe())
    assert len(data["formulas"]) == 56
    nrr = next(f for f in data["formulas"] if f["id"] == "nrr")
    assert [i["name"] for i in nrr["inputs"]] == ["start_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr"]
    assert nrr["inputs"][0]["label"] == {"en": "Starting MRR", "zh": "期初 MRR"}
