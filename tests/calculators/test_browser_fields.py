"""calculators.browser lists every input an error concerns (`fields`), so the
page can mark each one invalid: the input at fault, the others its message
names, and all of them for a combination that names none."""
from __future__ import annotations

import json

import pytest

from calculators import FORMULAS, browser

CASES = [
    # (formula, inputs, the inputs the error concerns)
    ("nrr", {"start_mrr": 100, "expansion_mrr": 0, "contraction_mrr": 60, "churned_mrr": 50},
     ["start_mrr", "contraction_mrr", "churned_mrr"]),
    ("grr", {"start_mrr": 100, "contraction_mrr": 80, "churned_mrr": 80},
     ["start_mrr", "contraction_mrr", "churned_mrr"]),
    ("customer_churn_rate", {"start_customers": 10, "lost_customers": 20},
     ["lost_customers", "start_customers"]),
    ("nps", {"promoters": 0, "passives": 0, "detractors": 0}, ["promoters", "passives", "detractors"]),
    ("quick_ratio", {"new_mrr": 5, "expansion_mrr": 1, "churned_mrr": 0, "contraction_mrr": 0},
     ["churned_mrr", "contraction_mrr"]),
    ("nrr", {"start_mrr": "abc", "expansion_mrr": 0, "contraction_mrr": 0, "churned_mrr": 0}, ["start_mrr"]),
    ("ttv", {"start_date": "2026-03-09", "value_date": "2026-03-01"}, ["value_date", "start_date"]),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("formula_id, inputs, concerned", CASES, ids=[f"{c[0]}-{'-'.join(c[2])}" for c in CASES])
def test_an_error_lists_every_input_it_concerns(formula_id, inputs, concerned, lang):
    reply = json.loads(browser.run(formula_id, json.dumps(inputs), lang))
    assert reply["ok"] is False
    assert sorted(reply["fields"]) == sorted(concerned)
    if reply["field"] is not None:
        assert reply["fields"][0] == reply["field"]
    assert set(reply["fields"]) <= set(FORMULAS[formula_id].input_names)


def test_an_unknown_formula_concerns_no_input():
    reply = json.loads(browser.run("no_such_formula", "{}", "en"))
    assert reply["ok"] is False and reply["fields"] == []
