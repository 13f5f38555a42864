"""solve(): the value of one input that makes a formula's result equal a target.

    >>> solve("nrr", 110, "expansion_mrr", start_mrr=100000, contraction_mrr=2000, churned_mrr=3000).value
    15000.0

How, in order:

1. **Closed form.** Every ratio, share, sum and product in the catalog is a
   linear-fractional function of any one of its inputs, y = (a x + b) / (c x + d).
   Such a map is fixed by three points and inverts exactly. The formula's own
   arithmetic is evaluated, with exact Fractions and without the checks
   between inputs, at three probe points; the cross-ratio gives the one x
   with y(x) = target; that x is then checked exactly (y(x) == target) and
   strictly (every bound and check of a real computation). So 38.571428… for
   NPS 30 is exactly 270/7 before it becomes a float. A formula with a closed
   inverse of another shape (the churn converters) registers it in INVERSES.
2. **Bracketed search** otherwise (the margins of error): the result is
   sampled across the input's own bounds (its minimum and maximum, else
   ±10^15) at a geometric grid plus the other inputs' values; the first
   sign change of result − target is bisected, at most MAX_ITERATIONS
   steps, until |result − target| <= TOLERANCE × max(1, |target|) or the
   bracket is two adjacent floats.
3. **Unreachable targets** are InputErrors with field "target" and a
   sentence in each language saying why: the formula's own range ("NPS
   cannot exceed 100"), the check the answer would break ("Customers lost
   (600) cannot be more than customers at start (500)"), or the range the
   other inputs allow.

The Result's value is the input (a float, not rounded); its unit is the
input's kind; its steps are the formula worked out with that value; for a
count it carries the whole numbers on either side and their results.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from . import errors, parsing
from .engine import find_formula, read_inputs
from .errors import InputError
from .formatting import format_value
from .formulas import IMPLEMENTATIONS, Context
from .model import Detail, Formula, Input, Result, Text

NUMERIC_KINDS = ("money", "count", "number", "percent")
TOLERANCE = 1e-9
MAX_ITERATIONS = 200

# The formula's own range, whatever the inputs: a target outside it is
# refused in those words before any search.
RESULT_RANGES: dict[str, tuple[float | None, float | None]] = {
    "nps": (-100, 100), "nps_from_scores": (-100, 100),
    "grr": (0, 100), "customer_retention_rate": (0, 100), "customer_churn_rate": (0, 100),
    "revenue_churn_rate": (0, 100), "logo_retention": (0, 100), "renewal_rate": (0, 100),
    "conversion_rate": (0, 100), "repeat_purchase_rate": (0, 100), "repeat_purchase_rate_customers": (0, 100),
    "upsell_rate": (0, 100), "cross_sell_rate": (0, 100), "referral_rate": (0, 100),
    "customer_concentration": (0, 100), "adoption_rate": (0, 100), "csat": (0, 100), "ces": (0, 100),
    "fcr": (0, 100), "stickiness": (0, 100), "churn_monthly_to_annual": (0, 100),
    "churn_annual_to_monthly": (0, 100), "nrr": (0, None), "net_revenue_churn": (None, 100),
    "user_net_growth_rate": (-100, None), "roi": (-100, None), "yoy_growth": (-100, None),
    "rule_of_40": (-200, 200), "dollar_renewal_rate": (0, None), "expansion_rate": (0, None),
    "nps_margin_of_error": (0, None), "csat_margin_of_error": (0, None),
}

Inverse = Callable[[dict[str, Any], Fraction], Any]
# Closed-form inverses that are not linear-fractional: (formula, input) -> x.
INVERSES: dict[tuple[str, str], Inverse] = {
    ("churn_monthly_to_annual", "monthly_churn_rate"):
        lambda values, target: (1 - (1 - float(target) / 100) ** (1 / 12)) * 100,
    ("churn_annual_to_monthly", "annual_churn_rate"):
        lambda values, target: (1 - (1 - float(target) / 100) ** 12) * 100,
}

_TARGET_LABEL = Text("Target", "目标值")
_PROBES = (Fraction(1), Fraction(2), Fraction(5), Fraction(1, 3), Fraction(7), Fraction(13, 2), Fraction(29))


# What the bare arithmetic may raise away from the inputs' bounds (a pole,
# a normal quantile of a confidence above 100%); a probe there is skipped.
_PROBE_ERRORS = (InputError, ArithmeticError, ValueError)


class _Unreachable(Exception):
    """Internal: no x exists; carries the InputError to raise."""


# --- evaluation -------------------------------------------------------------------

def _evaluate(formula: Formula, values: dict[str, Any], name: str, x: Any, *, lenient: bool) -> tuple[Any, Context]:
    """The formula's exact result with input `name` set to x (InputError if strict and x is not allowed)."""
    if not lenient:
        parsing.check_bounds(formula.input(name), x)
    context = Context(formula, {**values, name: x}, lenient=lenient)
    return IMPLEMENTATIONS[formula.id](context), context


def _strict(formula: Formula, values: dict[str, Any], name: str, x: Any) -> float | None:
    """The result as a float at x, or None where x breaks a bound or a check."""
    try:
        result, _ = _evaluate(formula, values, name, x, lenient=False)
        value = float(result)
    except _PROBE_ERRORS:
        return None
    return value if math.isfinite(value) else None


# --- 1. closed form ------------------------------------------------------------------

def _mobius(formula: Formula, values: dict[str, Any], name: str, target: Fraction) -> Fraction | None | str:
    """The exact x if the formula is linear-fractional in `name`; "constant" if it does not depend on it."""
    scale = max([abs(v) for v in values.values() if isinstance(v, Fraction)] + [Fraction(1)])
    points: list[tuple[Fraction, Fraction]] = []
    for probe in _PROBES:
        x = probe * scale
        try:
            y, _ = _evaluate(formula, values, name, x, lenient=True)
        except _PROBE_ERRORS:     # a pole, or a probe outside what the arithmetic accepts
            continue
        if not isinstance(y, (Fraction, int)):
            return None           # float arithmetic: not a rational map
        points.append((x, Fraction(y)))
        if len(points) == 3:
            break
    if len(points) < 3:
        return None
    (x0, y0), (x1, y1), (x2, y2) = points
    if y0 == y1 == y2:
        return "constant"
    if y0 == y1 or y1 == y2 or y0 == y2:
        return None               # a Möbius map is one-to-one unless constant
    # Cross-ratio invariance: CR(x, x0; x1, x2) = CR(target, y0; y1, y2).
    if target == y2:
        candidate = x2
    else:
        k = (target - y1) * (y0 - y2) / ((target - y2) * (y0 - y1))
        denominator = (x0 - x2) - k * (x0 - x1)
        if denominator == 0:
            return "asymptote"
        candidate = (x1 * (x0 - x2) - k * x2 * (x0 - x1)) / denominator
    try:
        y, _ = _evaluate(formula, values, name, candidate, lenient=True)
    except _PROBE_ERRORS:
        return None
    return candidate if y == target else None


# --- 2. bracketed search ----------------------------------------------------------------

def _domain(item: Input) -> tuple[float, float]:
    low = float(item.minimum) if item.minimum is not None else -float(parsing.MAX_MAGNITUDE)
    high = float(item.maximum) if item.maximum is not None else float(parsing.MAX_MAGNITUDE)
    return low, high


def _grid(item: Input, values: dict[str, Any]) -> list[float]:
    low, high = _domain(item)
    points = {low, high, 0.0, 1.0}
    for exponent in range(-6, 16):
        for mantissa in (1.0, 2.0, 5.0):
            points.update((mantissa * 10.0 ** exponent, -mantissa * 10.0 ** exponent))
    knowns = [float(v) for v in values.values() if isinstance(v, Fraction)]
    for a in knowns:
        points.update((a, a + 1, a - 1))
        for b in knowns:
            points.update((a + b, a - b))
    return sorted(p for p in points if low <= p <= high)


def _bisect(formula: Formula, values: dict[str, Any], name: str, target: float,
            low: float, f_low: float, high: float) -> float | None:
    tolerance = TOLERANCE * max(1.0, abs(target))
    for _ in range(MAX_ITERATIONS):
        middle = low + (high - low) / 2
        if middle in (low, high):
            return middle
        f_middle = _strict(formula, values, name, _exact(middle))
        if f_middle is None:
            return None
        if abs(f_middle - target) <= tolerance:
            return middle
        if (f_middle - target > 0) == (f_low - target > 0):
            low, f_low = middle, f_middle
        else:
            high = middle
    return low


def _search(formula: Formula, values: dict[str, Any], item: Input, target: Fraction) -> float:
    wanted = float(target)
    seen: list[float] = []
    previous: tuple[float, float] | None = None
    # Walk the grid upwards and stop at the first sign change.
    for x in _grid(item, values):
        y = _strict(formula, values, item.name, _exact(x))
        if y is None:
            continue
        seen.append(y)
        if y == wanted:
            return x
        if previous is not None and (previous[1] - wanted) * (y - wanted) < 0:
            found = _bisect(formula, values, item.name, wanted, previous[0], previous[1], x)
            if found is not None:
                return found
        previous = (x, y)
    raise _Unreachable(_out_of_range(formula, item, target, seen))


def _exact(x: float) -> Fraction:
    return Fraction(repr(x)) if math.isfinite(x) else Fraction(0)


# --- messages ------------------------------------------------------------------------

def _shown(value: Any, unit: str, lang: str) -> str:
    return format_value(float(value), unit, lang)


_CJK_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9−])|(?<=[A-Za-z0-9%])(?=[\u4e00-\u9fff])")


def _spaced(error: InputError) -> InputError:
    """One space between Chinese and Latin or digits, as Chinese typesetting wants ("让 NPS 误差范围")."""
    return InputError(error.field, error.messages["en"], _CJK_LATIN.sub(" ", error.messages["zh"]))


def _zh_gap(text: str) -> str:
    """One space between a Latin symbol and the Chinese that follows it ("NPS 不可能")."""
    return " " if text[-1:].isascii() and text[-1:].isalnum() else ""


def _range_error(formula: Formula, target: Fraction) -> InputError | None:
    low, high = RESULT_RANGES.get(formula.id, (None, None))
    symbol = formula.symbol
    if high is not None and target > high:
        en = f"{symbol.en} cannot exceed {_shown(high, formula.unit, 'en')}."
        zh = f"{symbol.zh}{_zh_gap(symbol.zh)}不可能超过 {_shown(high, formula.unit, 'zh')}。"
        return InputError("target", en, zh)
    if low is not None and target < low:
        if low == 0:
            return InputError("target", f"{symbol.en} cannot be negative.",
                              f"{symbol.zh}{_zh_gap(symbol.zh)}不可能为负数。")
        return InputError("target", f"{symbol.en} cannot be below {_shown(low, formula.unit, 'en')}.",
                          f"{symbol.zh}{_zh_gap(symbol.zh)}不可能低于 {_shown(low, formula.unit, 'zh')}。")
    return None


def _out_of_range(formula: Formula, item: Input, target: Fraction, reachable: list[float]) -> InputError:
    symbol, label, unit = formula.symbol, item.label, formula.unit
    goal_en, goal_zh = _shown(target, unit, "en"), _shown(target, unit, "zh")
    if not reachable:
        return InputError(
            "target",
            f"No value of {errors.mid_en(label)} gives {symbol.en} {goal_en} with the other inputs as entered.",
            f"在其他输入不变的情况下，「{label.zh}」取任何值都无法使{symbol.zh}{_zh_gap(symbol.zh)}达到 {goal_zh}。",
        )
    low, high = min(reachable), max(reachable)
    if low == high:
        return InputError(
            "target",
            f"With the other inputs as entered, {symbol.en} is {_shown(low, unit, 'en')} whatever "
            f"{errors.mid_en(label)} is, so it cannot be {goal_en}.",
            f"在其他输入不变的情况下，无论「{label.zh}」取何值，{symbol.zh}{_zh_gap(symbol.zh)}都是 "
            f"{_shown(low, unit, 'zh')}，不可能达到 {goal_zh}。",
        )
    return InputError(
        "target",
        f"With the other inputs as entered, changing {errors.mid_en(label)} moves {symbol.en} only between "
        f"{_shown(low, unit, 'en')} and {_shown(high, unit, 'en')}, so it cannot reach {goal_en}.",
        f"在其他输入不变的情况下，调整「{label.zh}」只能让{symbol.zh}{_zh_gap(symbol.zh)}在 "
        f"{_shown(low, unit, 'zh')} 到 {_shown(high, unit, 'zh')} 之间变化，无法达到 {goal_zh}。",
    )


def _broken_check(formula: Formula, item: Input, target: Fraction, x: Fraction, error: InputError) -> InputError:
    symbol, goal = formula.symbol, target
    x_en = x_zh = errors.shown_number(x) + ("%" if item.kind == "percent" else "")
    return InputError(
        "target",
        f"{symbol.en} {_shown(goal, formula.unit, 'en')} is out of reach: {errors.mid_en(item.label)} would have "
        f"to be {x_en}, and {_lower_first(error.messages['en'])}",
        f"{symbol.zh}{_zh_gap(symbol.zh)}无法达到 {_shown(goal, formula.unit, 'zh')}：「{item.label.zh}」需要为 "
        f"{x_zh}，而{error.messages['zh']}",
    )


def _lower_first(sentence: str) -> str:
    first = sentence.split(" ", 1)[0]
    # Keep acronyms and labels that start with one ("MRR", "NPS", "ARPA (monthly)").
    if len(first) > 1 and first[:2].isupper():
        return sentence
    return sentence[:1].lower() + sentence[1:]


# --- requests that do not fit ------------------------------------------------------------

def _unknown(formula: Formula, unknown: Any) -> Input:
    solvable = [item.name for item in formula.inputs if item.kind in NUMERIC_KINDS]
    if not solvable:
        raise InputError(
            unknown if isinstance(unknown, str) else "unknown",
            f"The {formula.symbol.en} calculator has no single number to solve for: its inputs are lists, "
            f"dates, choices or a table.",
            f"{formula.symbol.zh}{_zh_gap(formula.symbol.zh)}计算器没有可以反推的单个数值：它的输入是列表、日期、选项或表格。",
        )
    if not isinstance(unknown, str) or unknown not in solvable:
        field = unknown if isinstance(unknown, str) else "unknown"
        shown = formula.input(unknown).label.en if unknown in formula.input_names else errors._shown(unknown)
        raise InputError(
            field,
            f"The {formula.symbol.en} calculator cannot solve for \u201c{shown}\u201d; it can solve for "
            f"{', '.join(solvable)}.",
            f"{formula.symbol.zh}{_zh_gap(formula.symbol.zh)}计算器无法反推\u201c{errors._shown(unknown)}\u201d，"
            f"可以反推的输入项有 {'、'.join(solvable)}。",
        )
    return formula.input(unknown)


def _target(formula: Formula, target: Any) -> Fraction:
    kind = "percent" if formula.unit == "percent" else "number"
    item = Input(name="target", kind=kind, label=_TARGET_LABEL, help=_TARGET_LABEL, minimum=None)
    if parsing.is_blank(target):
        raise errors.missing(item)
    return parsing.parse(item, target)


# --- the answer -------------------------------------------------------------------------

def _neighbours(formula: Formula, values: dict[str, Any], item: Input, x: Fraction) -> list[Detail]:
    """For a count: the whole numbers either side of x and the results they give ("38.6 → 39 promoters")."""
    if item.kind != "count" or x.denominator == 1:
        return []
    details: list[Detail] = []
    for name, whole, en, zh in (("whole_below", math.floor(x), "Whole number below", "向下取整"),
                                ("whole_above", math.ceil(x), "Whole number above", "向上取整")):
        result = _strict(formula, values, item.name, Fraction(whole))
        if result is None:
            continue
        details.append(Detail(name, float(whole), "count", Text(en, zh)))
        details.append(Detail(name.replace("whole", "result"), result + 0.0, formula.unit,
                              Text(f"{formula.symbol.en} at {whole:,}",
                                   f"取 {whole:,} 时的{' ' if formula.symbol.zh[:1].isascii() else ''}{formula.symbol.zh}")))
    return details


def _answer(formula: Formula, values: dict[str, Any], item: Input, x: Any, target: Fraction) -> Result:
    exact = x if isinstance(x, Fraction) else _exact(float(x))
    try:
        result, context = _evaluate(formula, values, item.name, exact, lenient=False)
        reached = float(result) + 0.0
    except InputError as error:
        raise _broken_check(formula, item, target, exact, error) from None
    if not math.isfinite(reached) or abs(reached - float(target)) > 1e-6 * max(1.0, abs(float(target))):
        raise _out_of_range(formula, item, target, [])
    value = float(exact) + 0.0
    if not math.isfinite(value):
        raise errors.result_too_large()
    steps = context.steps.render(formula.symbol, reached, formula.unit)
    details = (Detail("result", reached, formula.unit, formula.symbol),
               *_neighbours(formula, values, item, exact), *context.details)
    return Result(formula.id, value, item.kind, steps, details)


def solve(formula_id: str, target: Any, unknown: str, /, **known: Any) -> Result:
    """The value of input `unknown` that makes `formula_id`'s result equal `target`."""
    try:
        return _solve(formula_id, target, unknown, known)
    except InputError as error:
        raise _spaced(error) from None


def _solve(formula_id: str, target: Any, unknown: Any, known: dict[str, Any]) -> Result:
    formula = find_formula(formula_id)
    item = _unknown(formula, unknown)
    if not parsing.is_blank(known.get(item.name)):
        raise InputError(
            item.name,
            f"{item.label.en} is the input to solve for, so it cannot also be given a value.",
            f"「{item.label.zh}」是要反推的输入项，不能同时填写它的值。",
        )
    known.pop(item.name, None)
    values = read_inputs(formula, known, leave_out=item.name)
    goal = _target(formula, target)
    refused = _range_error(formula, goal)
    if refused is not None:
        raise refused
    inverse = INVERSES.get((formula.id, item.name))
    if inverse is not None:
        return _answer(formula, values, item, inverse(values, goal), goal)
    found = _mobius(formula, values, item.name, goal)
    if isinstance(found, Fraction):
        return _answer(formula, values, item, found, goal)
    if found == "constant":
        return _constant(formula, values, item, goal)
    try:
        return _answer(formula, values, item, _search(formula, values, item, goal), goal)
    except _Unreachable as unreachable:
        raise unreachable.args[0] from None


def _constant(formula: Formula, values: dict[str, Any], item: Input, goal: Fraction) -> Result:
    """The result does not depend on the unknown: any allowed value works if it already equals the target."""
    for x in [0.0, 1.0, *_grid(item, values)]:
        result = _strict(formula, values, item.name, _exact(x))
        if result is not None:
            if Fraction(repr(result)) == goal or result == float(goal):
                return _answer(formula, values, item, _exact(x), goal)
            raise _out_of_range(formula, item, goal, [result])
    raise _out_of_range(formula, item, goal, [])
