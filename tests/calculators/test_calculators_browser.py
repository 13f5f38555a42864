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


# --- issue 11: details and solve, as the widget receives them -----------------------

def test_details_shape():
    table = "account,start_mrr,end_mrr\nA,1000,1200\nB,2000,1500\nC,500,0\nD,1500,1500\nE,0,800\n"
    reply = json.loads(browser.run("retention_from_accounts", json.dumps({"accounts": table}), "zh"))
    assert reply["ok"] and reply["value"] == 84.0 and reply["formatted"] == "84%"
    details = {item["name"]: item for item in reply["details"]}
    assert details["grr"] == {"name": "grr", "value": 80.0, "unit": "percent", "label": "GRR", "formatted": "80%"}
    assert details["churned_accounts"] == {"name": "churned_accounts", "value": 1.0, "unit": "count",
                                           "label": "流失的账户", "formatted": "1"}
    assert [item["name"] for item in reply["details"]][:6] == ["grr", "start_mrr", "expansion", "contraction",
                                                                 "churned", "end_mrr"]


def test_no_details_key_when_there_are_none():
    reply = json.loads(browser.run("arr", '{"mrr": 1}', "en"))
    assert "details" not in reply


def test_solve_shape():
    reply = json.loads(browser.solve("nps", "30", "promoters",
                                     json.dumps({"promoters": "7", "passives": 25, "detractors": 15}), "en"))
    assert reply["ok"] and reply["unknown"] == "promoters"
    assert reply["value"] == 38.57142857142857 and reply["unit"] == "count" and reply["formatted"] == "38.57"
    details = {item["name"]: item["value"] for item in reply["details"]}
    assert details == {"result": 30.0, "whole_below": 38.0, "result_below": 29.487179487179485,
                       "whole_above": 39.0, "result_above": 30.379746835443036}
    assert reply["steps"][-1] == "= 30"


@pytest.mark.parametrize(("args", "field"), [
    (("nps", 120, "promoters", '{"passives": 25, "detractors": 15}', "zh"), "target"),
    (("nps", "x", "promoters", '{"passives": 25, "detractors": 15}', "en"), "target"),
    (("nps", 30, "bogus", "{}", "en"), "bogus"),
    (("nps", 30, None, "{}", "en"), "unknown"),
    (("nps", 30, "promoters", "not json", "en"), None),
    ((None, 30, "promoters", "{}", "en"), None),
])
def test_solve_never_raises(args, field):
    reply = json.loads(browser.solve(*args))
    assert reply["ok"] is False and reply["field"] == field
    assert reply["message"] == reply["messages"][args[-1] if args[-1] in ("en", "zh") else "en"]


def test_describe_says_which_inputs_solve_can_find():
    data = json.loads(browser.describe())
    inputs = {f["id"]: {i["name"]: i for i in f["inputs"]} for f in data["formulas"]}
    assert inputs["nrr"]["expansion_mrr"]["solvable"] is True
    assert inputs["mrr"]["monthly_fees"]["solvable"] is False
    assert inputs["nps_from_scores"]["scores"]["max_items"] == 100_000
    assert inputs["retention_from_accounts"]["accounts"]["kind"] == "table"
