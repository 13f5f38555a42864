"""Every widget opens with a computed result: its prefill must be valid input."""
import math

import pytest

from calculators import FORMULAS, compute
from calculators.catalog import SAMPLES


@pytest.mark.parametrize("formula_id", sorted(FORMULAS))
def test_prefill_computes(formula_id):
    formula = FORMULAS[formula_id]
    assert formula.prefill, f"{formula_id} has neither a worked example nor a sample"
    assert set(formula.prefill) <= set(formula.input_names)
    assert math.isfinite(compute(formula_id, **formula.prefill).value)


def test_samples_only_where_the_sources_give_no_example():
    assert {f for f in FORMULAS if not FORMULAS[f].examples} == set(SAMPLES)
