"""solve(): the contract's solve examples, edge cases, and a hypothesis round trip."""
from __future__ import annotations

import math
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator_cases import CONTRACT, OWN_EXAMPLES
from calculators import FORMULAS, InputError, compute, solve
from calculators.solver import NUMERIC_KINDS


def _solve_examples() -> list[dict]:
    """The `solve_examples` list in the contract's comment block, read as YAML."""
    lines = CONTRACT.read_text(encoding="utf-8").splitlines()
    start = lines.index("# solve_examples:")
    items = []
    for line in lines[start + 1:]:
        match = re.match(r"#\s+- (\{.*\})\s*$", line)
        if not match:
            break
        items.append(yaml.safe_load(match.group(1)))
    return items


SOLVE_EXAMPLES = _solve_examples()


def test_contract_has_its_solve_examples():
    assert len(SOLVE_EXAMPLES) == 6


@pytest.mark.parametrize("example", SOLVE_EXAMPLES, ids=[f"{e['formula']}-{e['unknown']}-{e['target']}" for e in SOLVE_EXAMPLES])
def test_contract_solve_example(example):
    if "error" in example:
        with pytest.raises(InputError) as caught:
            solve(example["formula"], example["target"], example["unknown"], **example["known"])
        assert caught.value.field == example["error"]
        return
    result = solve(example["formula"], example["target"], example["unknown"], **example["known"])
    assert result.value == example["value"]
    assert result.unit == FORMULAS[example["formula"]].input(example["unknown"]).kind
    assert result.detail("result") == pytest.approx(example["target"], rel=1e-12)


def test_unreachable_nps_says_why_in_both_languages():
    with pytest.raises(InputError) as caught:
        solve("nps", 120, "promoters", passives=25, detractors=15)
    assert caught.value.messages == {"en": "NPS cannot exceed 100.", "zh": "NPS 不可能超过 100。"}


# (formula, target, unknown, known, expected value or the field of the InputError)
EDGE_CASES = [
    ("nrr", 105, "start_mrr", {"expansion_mrr": 5000, "contraction_mrr": 2000, "churned_mrr": 3000}, "target"),
    ("nrr", 110, "start_mrr", {"expansion_mrr": 15000, "contraction_mrr": 2000, "churned_mrr": 3000}, 100000),
    ("nrr", 50, "expansion_mrr", {"start_mrr": 100000, "contraction_mrr": 2000, "churned_mrr": 3000}, "target"),
    ("nrr", "110%", "churned_mrr", {"start_mrr": 100000, "expansion_mrr": 15000, "contraction_mrr": 2000}, 3000),
    ("customer_churn_rate", 120, "lost_customers", {"start_customers": 500}, "target"),
    ("customer_churn_rate", 5, "start_customers", {"lost_customers": 25}, 500),
    ("grr", 90, "churned_mrr", {"start_mrr": 100000, "contraction_mrr": 0}, 10000),
    ("ltv_churn", 4000, "monthly_churn_rate", {"arpa": 100, "gross_margin": 80}, 2),
    ("ltv_churn", 50, "monthly_churn_rate", {"arpa": 100, "gross_margin": 80}, "target"),
    ("cac_payback", 10, "gross_margin", {"cac": 1200, "arpa": 100}, "target"),
    ("tcv", 50000, "one_time_fees", {"recurring_per_month": 1000, "term_months": 12}, 38000),
    ("churn_annual_to_monthly", 2, "annual_churn_rate", {}, pytest.approx(21.528327626520017, rel=1e-12)),
    ("churn_monthly_to_annual", 45.96399123373634, "monthly_churn_rate", {}, pytest.approx(5, rel=1e-12)),
    ("nps_margin_of_error", 5, "promoters", {"passives": 100, "detractors": 100}, pytest.approx(566.7686872, rel=1e-6)),
    ("nps_margin_of_error", 50, "confidence", {"promoters": 200, "passives": 100, "detractors": 100}, "target"),
    ("csat_margin_of_error", 3, "total_responses", {"satisfied_responses": 80}, pytest.approx(81.590661, rel=1e-6)),
    ("nps", 50, "promoters", {"passives": 0, "detractors": 0}, "target"),
    ("repeat_purchase_rate_customers", 25, "total_customers", {"repeat_customers": 30}, 120),
    ("net_revenue_churn", -3, "expansion_mrr", {"start_mrr": 100000, "churned_mrr": 3000, "contraction_mrr": 2000}, 8000),
    ("nrr", "abc", "expansion_mrr", {"start_mrr": 1, "contraction_mrr": 0, "churned_mrr": 0}, "target"),
    ("nrr", 110, "bogus", {}, "bogus"),
    ("mrr", 5, "monthly_fees", {}, "monthly_fees"),
    ("retention_from_accounts", 100, "accounts", {}, "accounts"),
    ("nrr", 110, "expansion_mrr", {"start_mrr": 100000, "contraction_mrr": 2000, "churned_mrr": 3000,
                                   "expansion_mrr": 1}, "expansion_mrr"),
    ("nrr", 110, "expansion_mrr", {"start_mrr": "x", "contraction_mrr": 2000, "churned_mrr": 3000}, "start_mrr"),
    ("no_such", 1, "x", {}, None),
]


@pytest.mark.parametrize(("formula_id", "target", "unknown", "known", "expected"), EDGE_CASES,
                         ids=[f"{row[0]}-{row[2]}-{i}" for i, row in enumerate(EDGE_CASES)])
def test_solve_edge_case(formula_id, target, unknown, known, expected):
    if expected is None or isinstance(expected, str):
        with pytest.raises(InputError) as caught:
            solve(formula_id, target, unknown, **known)
        error = caught.value
        assert error.field == expected
        assert error.messages["en"].endswith(".") and error.messages["zh"].endswith("。")
        assert not re.search(r"[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]", error.messages["zh"]), \
            error.messages["zh"]
        return
    assert solve(formula_id, target, unknown, **known).value == expected


def test_unreachable_by_a_check_names_the_check():
    with pytest.raises(InputError) as caught:
        solve("nrr", 110, "expansion_mrr", start_mrr=100000, contraction_mrr=60000, churned_mrr=50000)
    assert "cannot be more than starting MRR" in caught.value.messages["en"]
    assert "不能超过「期初 MRR」" in caught.value.messages["zh"]


def test_a_count_answer_carries_the_whole_numbers_either_side():
    result = solve("nps", 30, "promoters", passives=25, detractors=15)
    assert result.detail("whole_below") == 38 and result.detail("whole_above") == 39
    assert result.detail("result_above") >= 30 > result.detail("result_below")


# --- hypothesis round trip ---------------------------------------------------------

SOLVABLE = [(fid, item.name) for fid, formula in FORMULAS.items() for item in formula.inputs
            if item.kind in NUMERIC_KINDS]
VALID = {}
for fid, inputs, _ in OWN_EXAMPLES:
    VALID.setdefault(fid, []).append(inputs)
for fid, formula in FORMULAS.items():
    VALID.setdefault(fid, []).extend(dict(ex.inputs) for ex in formula.examples)


def _jitter(value, kind, draw):
    """A random valid-looking value near a known good one."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    if kind == "count":
        return max(0, int(value) + draw(st.integers(-3, 3)))
    return value * draw(st.floats(0.5, 1.5))


@pytest.mark.parametrize(("formula_id", "unknown"), SOLVABLE, ids=[f"{f}-{u}" for f, u in SOLVABLE])
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_round_trip(formula_id, unknown, data):
    """compute(f, **{unknown: solve(f, compute(f, **inputs).value, unknown, **rest).value, **rest})
    returns the target within tolerance, or raises InputError; nothing else."""
    formula = FORMULAS[formula_id]
    base = data.draw(st.sampled_from(VALID[formula_id]), label="base")
    inputs = {name: _jitter(value, formula.input(name).kind, data.draw) for name, value in base.items()}
    try:
        target = compute(formula_id, **inputs).value
    except InputError:
        return
    rest = {name: value for name, value in inputs.items() if name != unknown}
    try:
        answer = solve(formula_id, target, unknown, **rest).value
        again = compute(formula_id, **{unknown: answer, **rest}).value
    except InputError:
        return
    assert math.isfinite(answer)
    assert again == pytest.approx(target, rel=1e-6, abs=1e-6)
