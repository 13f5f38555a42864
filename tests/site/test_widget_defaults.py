"""A calculator opens showing the inputs its first result was computed from:
a choice left to its default shows that default, not the first option."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from calculators import FORMULAS

CHOICES_WITH_DEFAULTS = [(f.id, i.name, i.default) for f in FORMULAS.values() for i in f.inputs
                         if i.kind == "choice" and i.default is not None]


@pytest.mark.parametrize("formula_id, name, default", CHOICES_WITH_DEFAULTS,
                         ids=[f"{f}-{n}" for f, n, _ in CHOICES_WITH_DEFAULTS])
def test_a_defaulted_choice_shows_its_default(built_site, formula_id, name, default):
    term = FORMULAS[formula_id].term
    soup = BeautifulSoup((built_site / "en" / "terms" / term / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    select = soup.select_one(f"#calc-{formula_id} select[name={name}]")
    selected = select.select_one("option[selected]")
    assert selected is not None and float(selected["value"]) == float(default)


def test_there_is_such_a_choice():
    assert CHOICES_WITH_DEFAULTS
