"""compute(): look the formula up, read the inputs, run it, check the result."""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from . import errors, parsing
# Importing a family module registers its formulas in IMPLEMENTATIONS.
from . import accounts, formulas_efficiency, formulas_retention, formulas_revenue, formulas_service, surveys  # noqa: F401
from .catalog import FORMULAS
from .formulas import IMPLEMENTATIONS, Context
from .model import Formula, Result


def find_formula(formula_id: Any) -> Formula:
    """The catalog entry for an id; case and surrounding spaces are forgiven."""
    key = formula_id.strip().lower() if isinstance(formula_id, str) else None
    if key not in FORMULAS:
        raise errors.unknown_formula(formula_id)
    return FORMULAS[key]


def read_inputs(formula: Formula, inputs: Mapping[str, Any], leave_out: str | None = None) -> dict[str, Any]:
    """Parse every input but `leave_out` (the one the solver looks for)."""
    # Unknown names are reported before anything else: a misspelt name would
    # otherwise surface as a confusing "missing input" for the real one.
    for name in inputs:
        if name not in formula.input_names:
            raise errors.unknown_input(formula.symbol, name, formula.input_names)
    values: dict[str, Any] = {}
    for item in formula.inputs:
        if item.name == leave_out:
            continue
        raw = inputs.get(item.name)
        if parsing.is_blank(raw):
            if not item.optional:
                raise errors.missing(item)
            values[item.name] = parsing.default(item)
        else:
            values[item.name] = parsing.parse(item, raw)
    return values


def compute(formula_id: str, /, **inputs: Any) -> Result:
    """Evaluate one formula; raise InputError for anything the reader must fix."""
    formula = find_formula(formula_id)
    context = Context(formula, read_inputs(formula, inputs))
    exact = IMPLEMENTATIONS[formula.id](context)
    try:
        # + 0.0 folds a negative zero into 0.0 so "−0" can never be shown.
        value = float(exact) + 0.0
    except OverflowError:
        raise errors.result_too_large() from None
    if not math.isfinite(value):
        raise errors.result_too_large()
    if value == 0 and exact != 0:
        # 1e-200 × 1e-200 is not zero, and must not be shown as "0".
        raise errors.result_too_small()
    return Result(formula.id, value, formula.unit, context.steps.render(formula.symbol, value, formula.unit),
                  tuple(context.details))
