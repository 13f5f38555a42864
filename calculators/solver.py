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
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from . import errors, parsing, solve_messages as messages
from .engine import find_formula, read_inputs
from .errors import InputError
from .formulas import IMPLEMENTATIONS, Context
from .model import Detail, Formula, Input, Result, Text

NUMERIC_KINDS = messages.NUMERIC_KINDS
TOLERANCE = 1e-9
MAX_ITERATIONS = 200

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
    raise _Unreachable(messages.out_of_range(formula, item, target, seen))


def _exact(x: float) -> Fraction:
    return Fraction(repr(x)) if math.isfinite(x) else Fraction(0)


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
        raise messages.broken_check(formula, item, target, exact, error) from None
    if not math.isfinite(reached) or abs(reached - float(target)) > 1e-6 * max(1.0, abs(float(target))):
        raise messages.out_of_range(formula, item, target, [])
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
        raise messages.spaced(error) from None


def _solve(formula_id: str, target: Any, unknown: Any, known: dict[str, Any]) -> Result:
    formula = find_formula(formula_id)
    item = messages.unknown_input(formula, unknown)
    if not parsing.is_blank(known.get(item.name)):
        raise InputError(
            item.name,
            f"{item.label.en} is the input to solve for, so it cannot also be given a value.",
            f"「{item.label.zh}」是要反推的输入项，不能同时填写它的值。",
        )
    known.pop(item.name, None)
    values = read_inputs(formula, known, leave_out=item.name)
    goal = _target(formula, target)
    refused = messages.range_error(formula, goal)
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
            raise messages.out_of_range(formula, item, goal, [result])
    raise messages.out_of_range(formula, item, goal, [])
