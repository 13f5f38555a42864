"""Customer-success formula calculators, shared by the site build and the browser.

    >>> from calculators import compute
    >>> compute("nrr", start_mrr=100000, expansion_mrr=15000,
    ...         contraction_mrr=2000, churned_mrr=3000).value
    110.0

Any numeric input can be solved for a target result:

    >>> from calculators import solve
    >>> solve("nrr", 110, "expansion_mrr", start_mrr=100000,
    ...       contraction_mrr=2000, churned_mrr=3000).value
    15000.0

Pure standard library, so Pyodide can import it with no extra packages.
"""
from .catalog import FORMULAS, formula_data, formulas_for_term, get_formula, term_ids
from .engine import compute
from .errors import InputError
from .formatting import format_number, format_value, unit_label
from .model import Choice, Detail, Example, Formula, Input, Result, Text
from .solver import solve

__all__ = [
    "FORMULAS",
    "Choice",
    "Detail",
    "Example",
    "Formula",
    "Input",
    "InputError",
    "Result",
    "Text",
    "compute",
    "solve",
    "format_number",
    "format_value",
    "formula_data",
    "formulas_for_term",
    "get_formula",
    "term_ids",
    "unit_label",
]
