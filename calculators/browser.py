"""JSON in, JSON out: the entry point the Web Worker calls through Pyodide.

Strings cross the JS/Python boundary without proxies, so nothing here holds
a reference into the other runtime, and `run` and `solve` never raise: any
failure comes back as {"ok": false, ...} for the widget to show.

    run(formula, inputs_json, lang)
        -> {"ok": true, "value", "unit", "formatted", "steps": [...],
            "details": [...]}           ("details" only when the result has any)
    solve(formula, target, unknown, inputs_json, lang)
        -> the same, where value/unit/formatted are the solved input's, plus
           "unknown": its name; details hold "result" (the formula's value at
           the answer) and, for a count, "whole_below"/"result_below" and
           "whole_above"/"result_above" ("38.6 → 39 promoters").
           inputs_json may hold the unknown's own (stale) form value: it is ignored.
    failure -> {"ok": false, "field", "message", "messages": {"en", "zh"}}
               field is an input's name, "target", or null.

Each detail is {"name", "value", "unit", "label", "formatted"}, label and
formatted in the requested language (see model.Detail).
"""
from __future__ import annotations

import json
import re
from typing import Any

from . import errors
from .catalog import FORMULAS, catalog_data
from .engine import compute
from .errors import InputError
from .formatting import format_value
from .model import Result
from .solver import solve as _solve


def _lang(lang: Any) -> str:
    return "zh" if isinstance(lang, str) and lang.lower().startswith("zh") else "en"


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


def _inputs(inputs_json: Any) -> dict[str, Any]:
    if isinstance(inputs_json, dict):
        data: Any = inputs_json
    else:
        try:
            data = json.loads(inputs_json)
        except (TypeError, ValueError):
            raise errors.bad_request(
                "The calculator received inputs it could not read.",
                "计算器收到的输入无法读取。",
            ) from None
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        raise errors.bad_request(
            "The calculator expects its inputs as named values.",
            "计算器需要以名称和数值成对的形式接收输入。",
        )
    return data


def _reply(result: Result, lang: str) -> dict[str, Any]:
    reply: dict[str, Any] = {
        "ok": True,
        "value": result.value,
        "unit": result.unit,
        "formatted": format_value(result.value, result.unit, lang),
        "steps": [step[lang] for step in result.steps],
    }
    if result.details:
        reply["details"] = [{
            "name": item.name,
            "value": item.value,
            "unit": item.unit,
            "label": item.label[lang],
            "formatted": format_value(item.value, item.unit, lang),
        } for item in result.details]
    return reply


def success(result: Result, lang: str) -> str:
    return _dump(_reply(result, lang))


_QUOTED = re.compile(r"「([^」]*)」")


def fields(error: InputError, formula_id: Any = None) -> list[str]:
    """Every input an error concerns, for the page to mark each one invalid.

    `.field` first, then every other input the message names: messages name
    inputs by their labels, in 「」 in Chinese ("「流失客户数」不能超过「期初
    客户数」" concerns both). An impossible combination with `.field` None
    that names none ("cannot all be zero") concerns all numeric inputs."""
    named = getattr(error, "fields", None)       # should the engine ever list them itself
    if named:
        return [str(name) for name in named]
    first = [error.field] if error.field is not None else []
    formula = FORMULAS.get(formula_id) if isinstance(formula_id, str) else None
    if formula is None:
        return first
    quoted = set(_QUOTED.findall(error.messages.get("zh", "")))
    others = [item.name for item in formula.inputs if item.label.zh in quoted and item.name not in first]
    if first or others:
        return first + others
    return [item.name for item in formula.inputs if item.kind != "choice"]


def failure(error: InputError, lang: str, formula_id: Any = None) -> str:
    return _dump({
        "ok": False,
        "field": error.field,
        "fields": fields(error, formula_id),
        "message": error.messages[lang],
        "messages": dict(error.messages),
    })


_BROKEN = (
    "Something went wrong in the calculator; please check the numbers and try again.",
    "计算器出现了意外错误，请检查输入的数字后重试。",
)


def run(formula_id: str, inputs_json: str, lang: str) -> str:
    """Compute `formula_id` from a JSON object of inputs; reply in `lang` ("en" or "zh")."""
    lang = _lang(lang)
    try:
        return success(compute(formula_id, **_inputs(inputs_json)), lang)
    except InputError as error:
        return failure(error, lang, formula_id)
    except Exception:  # noqa: BLE001 - the page must get an answer, never a traceback
        return failure(errors.bad_request(*_BROKEN), lang)


def solve(formula_id: str, target: Any, unknown: Any, inputs_json: str, lang: str) -> str:
    """Solve `formula_id` for input `unknown` so its result is `target`; reply as `run` does."""
    lang = _lang(lang)
    try:
        inputs = _inputs(inputs_json)
        if isinstance(unknown, str):
            inputs.pop(unknown, None)
        reply = _reply(_solve(formula_id, target, unknown, **inputs), lang)
        reply["unknown"] = unknown
        return _dump(reply)
    except InputError as error:
        return failure(error, lang, formula_id)
    except Exception:  # noqa: BLE001 - the page must get an answer, never a traceback
        return failure(errors.bad_request(*_BROKEN), lang)


def describe() -> str:
    """The whole catalog as JSON, for a widget that builds its form client-side."""
    return _dump({"formulas": catalog_data()})
