"""calculators.charts: what each picture shows, under CPython (the browser
runs the same module through Pyodide). Parametrized over both languages."""
from __future__ import annotations

import json

import pytest

from calculators import FORMULAS, charts, compute

LANGS = ("zh", "en")


def run(formula_id: str, inputs: dict, lang: str) -> dict:
    return json.loads(charts.run(formula_id, json.dumps(inputs), lang))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("formula_id, inputs, names", [
    ("nrr", {"start_mrr": "100,000", "expansion_mrr": 15000, "contraction_mrr": 2000, "churned_mrr": 3000},
     ["start", "expansion", "contraction", "churned", "end"]),
    ("grr", {"start_mrr": 100000, "contraction_mrr": 2000, "churned_mrr": 3000},
     ["start", "contraction", "churned", "end"]),
    ("retention_from_accounts", {"accounts": "account;start_mrr;end_mrr\nA;1.000,5;1.200\nB;800;0\nC;0;50\n"},
     ["start", "expansion", "contraction", "churned", "end"]),
])
def test_waterfall_bars_add_up_to_the_result(formula_id, inputs, names, lang):
    reply = run(formula_id, inputs, lang)
    bars = reply["chart"]["bars"]
    assert [b["name"] for b in bars] == names
    value = {b["name"]: b["value"] for b in bars}
    moved = value.get("expansion", 0) - value["contraction"] - value["churned"]
    assert value["start"] + moved == pytest.approx(value["end"])
    rate = value["end"] / value["start"] * 100 if formula_id != "grr" else \
        (value["start"] - value["contraction"] - value["churned"]) / value["start"] * 100
    assert reply["value"] == pytest.approx(rate)
    assert all(b["formatted"] and b["label"] for b in bars)


def test_account_table_chart_carries_nrr_and_grr():
    reply = run("retention_from_accounts", dict(FORMULAS["retention_from_accounts"].prefill), "en")
    result = compute("retention_from_accounts", **FORMULAS["retention_from_accounts"].prefill)
    notes = {n["name"]: n["value"] for n in reply["chart"]["notes"]}
    assert notes == {"nrr": result.value, "grr": result.detail("grr")}


@pytest.mark.parametrize("lang", LANGS)
def test_ltv_line_falls_with_churn_and_marks_the_inputs(lang):
    reply = run("ltv_churn", {"arpa": 100, "gross_margin": 80, "monthly_churn_rate": 2}, lang)
    chart = reply["chart"]
    ys = [p["y"] for p in chart["points"]]
    assert ys == sorted(ys, reverse=True)
    assert chart["current"]["value"] == reply["value"] == 4000
    assert [r["current"] for r in chart["rows"]].count(True) == 1
    # Churn near 100%: no point past what a monthly rate can be.
    high = run("ltv_churn", {"arpa": 100, "gross_margin": 80, "monthly_churn_rate": 60}, lang)["chart"]
    assert max(p["x"] for p in high["points"]) <= 100


@pytest.mark.parametrize("lang", LANGS)
def test_nps_scale_marks_the_score_and_its_margin_inside_the_scale(lang):
    reply = run("nps_from_scores", {"scores": "10\n10\n10\n9\n0"}, lang)
    chart = reply["chart"]
    assert chart["mark"]["value"] == reply["value"]
    assert -100 <= chart["range"]["low"] <= reply["value"] <= chart["range"]["high"] <= 100
    assert "range" not in run("nps", dict(FORMULAS["nps"].prefill), lang)["chart"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_chart_for_other_formulas_and_errors_stay_errors(lang):
    assert "chart" not in run("arr", {"mrr": 100}, lang)
    bad = run("nrr", {"start_mrr": "x", "expansion_mrr": 1, "contraction_mrr": 1, "churned_mrr": 1}, lang)
    assert bad["ok"] is False and bad["field"] == "start_mrr" and bad["message"]
    assert charts.run("nrr", "not json", lang).startswith('{"ok": false')
