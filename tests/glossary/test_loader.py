"""The loader accepts the fixture glossary and rejects each kind of broken term file."""
from __future__ import annotations

import pytest

from glossary import GlossaryError, load_glossary
from glossary.loader import GLOSSARY_DIR

from .cases import BAD_GLOSSARIES
from .conftest import apply_edits, expected_line

KNOWN_FORMULAS = {"nrr"}


def test_fixture_glossary_loads(fixture_glossary):
    glossary = load_glossary(fixture_glossary, KNOWN_FORMULAS)
    assert sorted(glossary.terms) == ["alpha-rate", "beta-score", "gamma-one", "gamma-two"]
    alpha = glossary["alpha-rate"]
    assert alpha.zh.name == "阿尔法率" and alpha.en.name == "Alpha Rate"
    assert alpha.zh.paragraphs == ("测试用的定义，第一段。", "第二段。")
    assert alpha.en.full_name == "Alpha Rate"          # defaults to the name
    assert alpha.formulas == ("nrr",) and alpha.related == ("beta-score",)
    assert glossary.categories["retention"].name("en") == "Retention and churn"


def test_declared_homonyms_share_an_acronym(fixture_glossary):
    glossary = load_glossary(fixture_glossary, KNOWN_FORMULAS)
    [acronym] = glossary.shared_acronyms()
    assert acronym.abbr == "GX" and acronym.term_ids == ("gamma-one", "gamma-two")
    assert glossary.acronym_for(glossary["gamma-one"]) == acronym
    assert glossary.acronym_for(glossary["alpha-rate"]) is None


@pytest.mark.parametrize("case, edits, file, field, words", BAD_GLOSSARIES,
                         ids=[c[0] for c in BAD_GLOSSARIES])
def test_broken_term_file_is_named_with_its_field(fixture_glossary, case, edits, file, field, words):
    apply_edits(fixture_glossary, edits)
    with pytest.raises(GlossaryError) as raised:
        load_glossary(fixture_glossary, KNOWN_FORMULAS)
    expected_line(str(raised.value), file, field, words)


def test_every_problem_is_reported_at_once(fixture_glossary):
    apply_edits(fixture_glossary, [
        ("alpha-rate.yml", "category: retention", "category: loyalty"),
        ("beta-score.yml", "  name: 贝塔分", "  name: ''"),
    ])
    with pytest.raises(GlossaryError) as raised:
        load_glossary(fixture_glossary, KNOWN_FORMULAS)
    assert len(raised.value.problems) == 2
    assert str(raised.value).startswith("2 problems in the glossary:")


def test_the_real_glossary_loads():
    from calculators import FORMULAS
    glossary = load_glossary(GLOSSARY_DIR, set(FORMULAS))
    assert len(glossary) >= 12
