"""Property tests: whatever arrives, compute returns a finite float or raises InputError."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import FORMULAS, InputError, browser, compute
from calculators.formatting import format_value

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e6, max_value=1e6),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from([0, 1, -1, 1e308, -1e308, 5e-324, 1e-300, 10**15, 10**15 + 1, 0.1, 100, 101, 10**400]),
)
_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "1,200", " 45 ", "12.5%", "１２", "$1,200", "¥1,200", "1,2", "nan", "inf",
                     "-5", "1e400", "1e-400", "2026-01-31", "2026-02-30", "month", "季度", "1, 2, 3",
                     "1\n2\n3", "０", "−3", "%", "$", "1_000", "0x10", "１２３，４５６"]),
    _NUMBERS.map(str),
)
_SCALAR = st.one_of(_NUMBERS, _TEXT, st.none(), st.booleans(), st.dates())
_ANY = st.one_of(_SCALAR, st.lists(st.one_of(_NUMBERS, _TEXT), max_size=6), st.dictionaries(st.text(max_size=3), _NUMBERS, max_size=2))


def _plausible(kind: str) -> st.SearchStrategy:
    """Values of the right kind, so the formula code itself gets exercised."""
    money = st.one_of(st.integers(0, 10**7), st.floats(0, 1e7), st.integers(0, 10**6).map(lambda n: f"{n:,}"))
    count = st.one_of(st.integers(0, 500), st.integers(0, 500).map(str))
    number = st.one_of(st.integers(0, 1000), st.floats(0, 1000))
    percent = st.one_of(st.floats(-120, 120), st.integers(-120, 120).map(lambda n: f"{n}%"))
    return {
        "money": money,
        "count": count,
        "number": number,
        "percent": percent,
        "list_money": st.lists(money, min_size=0, max_size=5),
        "list_number": st.lists(st.one_of(number, st.floats(-100, 100)), min_size=0, max_size=5),
        "date": st.one_of(st.dates(), st.dates().map(lambda d: d.isoformat())),
        "choice": st.sampled_from(["month", "quarter", "year", "季度", "weekly"]),
    }[kind]


def _check(formula_id: str, inputs: dict) -> None:
    try:
        result = compute(formula_id, **inputs)
    except InputError as error:
        assert error.field is None or isinstance(error.field, str)
        assert error.messages["en"].strip() and error.messages["zh"].strip()
        assert error.messages["en"] != error.messages["zh"]
    else:
        assert type(result.value) is float and math.isfinite(result.value)
        assert result.unit == FORMULAS[formula_id].unit
        for lang in ("en", "zh"):
            assert result.steps[-1][lang] == "= " + format_value(result.value, result.unit, lang)
    # The worker's entry point must answer in JSON whatever happens.
    reply = json.loads(browser.run(formula_id, json.dumps(inputs, default=str), "zh"))
    assert isinstance(reply["ok"], bool)


@pytest.mark.parametrize("formula_id", list(FORMULAS))
@_SETTINGS
@given(data=st.data())
def test_any_input_gives_a_finite_value_or_input_error(formula_id, data):
    names = list(FORMULAS[formula_id].input_names)
    inputs = {}
    for name in names:
        if data.draw(st.integers(0, 9), label=f"present {name}"):
            inputs[name] = data.draw(_ANY, label=name)
    if data.draw(st.integers(0, 9)) == 0:
        inputs[data.draw(st.sampled_from(["bogus", "start_mrr", "fees", "x"]))] = data.draw(_SCALAR)
    _check(formula_id, inputs)


@pytest.mark.parametrize("formula_id", list(FORMULAS))
@_SETTINGS
@given(data=st.data())
def test_well_formed_input_gives_a_finite_value_or_input_error(formula_id, data):
    inputs = {item.name: data.draw(_plausible(item.kind), label=item.name) for item in FORMULAS[formula_id].inputs}
    _check(formula_id, inputs)
