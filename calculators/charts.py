"""What the calculators' pictures show, computed by the engine itself.

A chart is data, not drawing: this module says which bars, points or marks a
result has, each already formatted in the reader's language, and
overrides/assets/javascripts/calculator-charts.js turns that into SVG. The
build (sitegen/calculator_charts.py) calls the same function for the worked
example, so the table that stands in for the picture is in the page before
any script runs, and the browser (the worker's "chart" entry) calls it for
every live result. Standard library only, like the rest of the package.

    chart_for(formula_id, result, inputs, lang) -> dict | None
    run(formula_id, inputs_json, lang) -> JSON: browser.run()'s reply, plus
        "chart" when the formula has a picture and the inputs are valid.

Kinds:
    waterfall  start -> +expansion -> -contraction -> -churn -> end
               (nrr, grr, retention_from_accounts); bars in display order,
               each {name, label, value, formatted, step: start|up|down|end}.
    line       LTV against monthly churn (ltv_churn): points {x, y}, the
               reader's own point, axis labels; x in percent, y in money.
    scale      NPS on -100..100 (nps, nps_from_scores): the value and, where
               the result carries it, the 95% margin of error.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from . import browser
from .engine import compute, find_formula, read_inputs
from .errors import InputError
from .formatting import format_value
from .model import Result, Text

T = Text

CHARTS: dict[str, str] = {
    "nrr": "waterfall",
    "grr": "waterfall",
    "retention_from_accounts": "waterfall",
    "ltv_churn": "line",
    "nps": "scale",
    "nps_from_scores": "scale",
}

_TITLES: dict[str, Text] = {
    "waterfall": T("From starting to ending MRR", "从期初 MRR 到期末 MRR"),
    "line": T("LTV at other monthly churn rates", "不同月流失率下的 LTV"),
    "scale": T("Where this NPS sits on the scale from −100 to 100", "这个 NPS 在 −100 到 100 之间的位置"),
}

_BARS: dict[str, Text] = {
    "start": T("Starting MRR", "期初 MRR"),
    "expansion": T("Expansion", "扩展"),
    "contraction": T("Contraction", "收缩"),
    "churned": T("Churned MRR", "流失 MRR"),
    "end": T("Ending MRR (same accounts)", "期末 MRR（同一批账户）"),
}

_LINE_AXES = (T("Monthly churn rate", "月流失率"), T("LTV", "LTV"))
_YOURS = T("Your inputs", "当前输入")
# The mark's caption; {y} the LTV (the page may prefix a currency), {x} the churn rate.
_AT = T("{y} at {x}", "{x} 时为 {y}")
_SCALE_ENDS = (T("−100: every respondent a detractor", "−100：全部为贬损者"),
               T("100: every respondent a promoter", "100：全部为推荐者"))
_MARGIN = T("Range of the 95% margin of error", "95% 误差范围")

# The line spans a quarter to three times the reader's churn, in eighths:
# wide enough to show how steeply LTV falls, narrow enough to read on a
# phone. The table that stands in for it lists round multiples.
_LINE_FACTORS = tuple(0.25 + 0.125 * i for i in range(23))
_TABLE_FACTORS = (0.5, 1.0, 1.5, 2.0, 3.0)


def _item(name: str, value: float, unit: str, lang: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "value": value, "unit": unit,
            "formatted": format_value(value, unit, lang), **extra}


def _waterfall(formula_id: str, result: Result, inputs: Mapping[str, Any], lang: str) -> dict[str, Any]:
    if formula_id == "retention_from_accounts":
        d = result.detail_values
        start, up, down, gone, end = d["start_mrr"], d["expansion"], d["contraction"], d["churned"], d["end_mrr"]
    else:
        values = read_inputs(find_formula(formula_id), inputs)
        start = float(values["start_mrr"])
        up = float(values.get("expansion_mrr", 0))
        down, gone = float(values["contraction_mrr"]), float(values["churned_mrr"])
        end = start + up - down - gone
    steps = [("start", start, "start"), ("expansion", up, "up"), ("contraction", down, "down"),
             ("churned", gone, "down"), ("end", end, "end")]
    if formula_id == "grr":
        steps.pop(1)                       # GRR leaves expansion out, so does its picture
    data: dict[str, Any] = {"bars": [_item(name, value, "money", lang, label=_BARS[name][lang], step=step)
                                     for name, value, step in steps]}
    if formula_id == "retention_from_accounts":
        # The table gives both rates at once; the widget's result line shows NRR.
        data["notes"] = [_item("nrr", result.value, "percent", lang, label="NRR"),
                         _item("grr", result.detail("grr"), "percent", lang, label="GRR")]
    return data


def _line(formula_id: str, result: Result, inputs: Mapping[str, Any], lang: str) -> dict[str, Any]:
    values = read_inputs(find_formula(formula_id), inputs)
    churn = float(values["monthly_churn_rate"])
    points = []
    for factor in _LINE_FACTORS:
        x = churn * factor
        if x > 100:                        # a monthly churn rate cannot pass 100%
            break
        y = compute(formula_id, **{**values, "monthly_churn_rate": x}).value
        points.append({"x": x, "y": y, "factor": factor})
    return {
        "points": points,
        "current": {**_item("current", result.value, "money", lang, label=_YOURS[lang], caption=_AT[lang]),
                    "x": churn, "x_formatted": format_value(churn, "percent", lang)},
        "x_label": _LINE_AXES[0][lang], "y_label": _LINE_AXES[1][lang],
        # A few rows for the table that stands in for the line.
        "rows": [{"x_formatted": format_value(p["x"], "percent", lang),
                  "y_formatted": format_value(p["y"], "money", lang), "current": p["factor"] == 1.0}
                 for p in points if p["factor"] in _TABLE_FACTORS],
    }


def _scale(formula_id: str, result: Result, inputs: Mapping[str, Any], lang: str) -> dict[str, Any]:
    margin = result.detail_values.get("margin_of_error")
    data: dict[str, Any] = {
        "min": -100, "max": 100,
        "mark": _item("nps", result.value, "score", lang),
        "ends": [_SCALE_ENDS[0][lang], _SCALE_ENDS[1][lang]],
    }
    if margin is not None:
        low, high = max(-100.0, result.value - margin), min(100.0, result.value + margin)
        data["range"] = {"label": _MARGIN[lang], "low": low, "high": high,
                         "formatted": f"{format_value(low, 'score', lang)} – {format_value(high, 'score', lang)}"}
    return data


_BUILDERS = {"waterfall": _waterfall, "line": _line, "scale": _scale}


def chart_for(formula_id: str, result: Result, inputs: Mapping[str, Any], lang: str) -> dict[str, Any] | None:
    """The picture for this result, or None where the formula has none."""
    kind = CHARTS.get(formula_id)
    if kind is None:
        return None
    return {"kind": kind, "title": _TITLES[kind][lang], **_BUILDERS[kind](formula_id, result, inputs, lang)}


def run(formula_id: str, inputs_json: str, lang: str) -> str:
    """browser.run(), with the chart added: one parse of the inputs for both."""
    lang = browser._lang(lang)
    try:
        inputs = browser._inputs(inputs_json)
        result = compute(formula_id, **inputs)
        reply = json.loads(browser.success(result, lang))
        chart = chart_for(formula_id, result, inputs, lang)
        if chart is not None:
            reply["chart"] = chart
        return json.dumps(reply, ensure_ascii=False, allow_nan=False)
    except InputError as error:
        return browser.failure(error, lang, formula_id)
    except Exception:  # noqa: BLE001 - the page must get an answer, never a traceback
        return browser.run(formula_id, inputs_json, lang)
