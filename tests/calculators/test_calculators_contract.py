"""The catalog against tests/data/formula-contract.yml: ids, inputs, units, examples."""
from __future__ import annotations

import pytest
import yaml

from calculator_cases import CONTRACT
from calculators import FORMULAS, compute, formulas_for_term, get_formula
from calculators.formulas import IMPLEMENTATIONS

CATALOG_EXAMPLES = [
    pytest.param(formula.id, index, example, id=f"{formula.id}-{index}")
    for formula in FORMULAS.values()
    for index, example in enumerate(formula.examples)
]


@pytest.fixture(scope="module")
def contract() -> dict[str, dict]:
    if not CONTRACT.is_file():
        pytest.fail(f"formula contract not found at {CONTRACT}; see tests/data/README.md")
    entries = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in entries}


def _kind(spec: str) -> tuple[str, bool, float | None, tuple[str, ...]]:
    """Translate the contract's input description into (kind, optional, default, choices).

    "money", "money, optional, default 0", "list of money", "one of month, quarter, year",
    "one of 5, 7; optional, default 7", "percent, optional, default 95; between 50 and 99.9",
    "list of whole numbers 0..10 (...)", "table: CSV or TSV text ...".
    """
    if spec.startswith("table:"):
        return "table", False, None, ()
    head, _, rest = spec.partition(";")
    if head.startswith("one of "):
        choices = tuple(part.strip() for part in head.removeprefix("one of ").split(","))
        parts = [part.strip() for part in rest.split(",")]
        kind = "choice"
    else:
        parts = [part.strip() for part in head.split(",")]
        choices = ()
        kind = parts[0].split(" (")[0]
        kind = "list_number" if kind.startswith("list of whole numbers") else kind.replace("list of ", "list_")
    optional = "optional" in parts
    default = next((float(part.split()[1]) for part in parts if part.startswith("default ")), None)
    return kind, optional, default, choices


def _bounds(spec: str) -> tuple[float, float] | None:
    """"between 50 and 99.9" -> (50, 99.9)."""
    for part in spec.split(";"):
        words = part.split()
        if words[:1] == ["between"]:
            return float(words[1]), float(words[3])
    return None


def test_catalog_has_exactly_the_contract_ids(contract):
    assert len(contract) == 56
    assert list(FORMULAS) == list(contract)
    assert set(IMPLEMENTATIONS) == set(contract)


@pytest.mark.parametrize("formula_id", list(FORMULAS))
def test_formula_matches_contract(contract, formula_id):
    entry, formula = contract[formula_id], FORMULAS[formula_id]
    assert formula.term == entry["term"]
    assert formula.unit == entry["unit"]
    assert formula.formula.en == entry["formula"]
    assert formula.input_names == tuple(entry["inputs"])
    for item in formula.inputs:
        kind, optional, default, choices = _kind(entry["inputs"][item.name])
        assert (item.kind, item.optional, item.default) == (kind, optional, default), item.name
        assert tuple(choice.value for choice in item.choices) == choices
        bounds = _bounds(entry["inputs"][item.name])
        if bounds:
            assert (item.minimum, item.maximum) == bounds, item.name


@pytest.mark.parametrize("formula_id", list(FORMULAS))
def test_catalog_examples_equal_contract_examples(contract, formula_id):
    # Extra figures an example states (retention_from_accounts' grr) are
    # checked against the result's details below.
    expected = [{key: example[key] for key in ("inputs", "value", "source")}
                for example in contract[formula_id].get("examples", [])]
    actual = [{"inputs": dict(ex.inputs), "value": ex.value, "source": ex.source}
              for ex in FORMULAS[formula_id].examples]
    assert actual == expected


@pytest.mark.parametrize("formula_id", [fid for fid in FORMULAS if fid != "nps"])
def test_contract_example_details(contract, formula_id):
    for example in contract[formula_id].get("examples", []):
        extras = {key: value for key, value in example.items() if key not in ("inputs", "value", "source")}
        result = compute(formula_id, **example["inputs"])
        for name, value in extras.items():
            assert result.detail(name) == value, name


@pytest.mark.parametrize(("formula_id", "index", "example"), CATALOG_EXAMPLES)
def test_contract_example(formula_id, index, example):
    result = compute(formula_id, **example.inputs)
    assert result.value == example.value
    assert result.unit == FORMULAS[formula_id].unit
    assert isinstance(result.value, float)


def test_every_contract_example_is_tested(contract):
    counted = sum(len(entry.get("examples", [])) for entry in contract.values())
    assert len(CATALOG_EXAMPLES) == counted


def test_metadata_is_complete_and_bilingual():
    for formula in FORMULAS.values():
        for text in (formula.symbol, formula.formula, formula.latex):
            assert text.en.strip() and text.zh.strip(), formula.id
        # Only a formula made of acronyms alone ("ARR = MRR × 12") may read the same in both.
        has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in formula.formula.zh)
        assert has_cjk or formula.formula.zh == formula.formula.en, formula.id
        assert "\\" in formula.latex.en and "\\" in formula.latex.zh, formula.id
        for item in formula.inputs:
            assert item.label.en and item.label.zh and item.help.en and item.help.zh, (formula.id, item.name)
            assert item.help.en != item.help.zh
            if item.kind == "choice":
                assert all(choice.label.en and choice.label.zh for choice in item.choices)


def test_term_variants_and_when_to_use():
    assert [f.id for f in formulas_for_term("ltv")] == ["ltv", "ltv_purchase", "ltv_churn"]
    assert [f.id for f in formulas_for_term("arr")] == ["arr", "arr_from_contract", "arr_from_fees"]
    assert [f.id for f in formulas_for_term("mrr")] == ["mrr", "mrr_from_arpu"]
    assert formulas_for_term("no-such-term") == []
    for term in ("ltv", "arr", "mrr"):
        for formula in formulas_for_term(term):
            assert formula.when_to_use is not None, formula.id
            assert formula.when_to_use.en and formula.when_to_use.zh
    single = [f for f in FORMULAS.values() if len(formulas_for_term(f.term)) == 1]
    assert all(f.when_to_use is None for f in single)
    assert get_formula("nrr") is FORMULAS["nrr"]
