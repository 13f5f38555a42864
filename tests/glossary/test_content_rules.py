"""The editorial rules of issue 15, on the fixture glossary and as tables:
true abbreviations only, examples for every term, depth for every metric,
tooltip-length summaries, US spelling and Latin-CJK spacing."""
from __future__ import annotations

import pytest

from glossary import GlossaryError, load_glossary
from glossary.cjk_spacing import spacing_problems, without_latin_cjk_spaces
from glossary.content_rules import is_abbreviation
from glossary.spelling import british_forms

from .cases import CONTENT_CASES
from .conftest import apply_edits, expected_line


@pytest.mark.parametrize("case, edits, file, field, words", CONTENT_CASES,
                         ids=[c[0] for c in CONTENT_CASES])
def test_content_rule_is_enforced_with_file_and_field(fixture_glossary, case, edits, file, field, words):
    apply_edits(fixture_glossary, edits)
    with pytest.raises(GlossaryError) as raised:
        load_glossary(fixture_glossary, {"nrr"})
    expected_line(str(raised.value), file, field, words)


@pytest.mark.parametrize("text, ok", [
    ("NRR", True), ("SaaS", True), ("CS Ops", True), ("LTV:CAC", True), ("OKRs", True), ("VoC", True),
    ("B2B", True), ("KB", True), ("AI", True), ("YoY", True), ("ARPPU", True), ("MEDDIC", True),
    ("Onboarding", False), ("Churn", False), ("High-Touch", False), ("Health Score", False),
    ("Lifecycle Stages", False), ("Renewal", False), ("Playbook", False), ("Logo Retention", False),
    ("Downsell", False), ("A", False), ("Ab", False), ("CS Ops Team", False), ("ARPPUs", True),
    ("NPS Score", False), ("ChURN", False),
])
def test_abbreviation_rule(text, ok):
    assert is_abbreviation(text) is ok


@pytest.mark.parametrize("text, found", [
    ("Run the programme.", [("programme", "program")]),
    ("Behaviour and colour", [("Behaviour", "Behavior"), ("colour", "color")]),
    ("we prioritise, organised, recognising, realisation", [
        ("prioritise", "prioritize"), ("organised", "organized"), ("recognising", "recognizing"),
        ("realisation", "realization")]),
    ("analyse the centre; a licence", [("analyse", "analyze"), ("centre", "center"), ("licence", "license")]),
    ("utilisation is favourable", [("utilisation", "utilization"), ("favourable", "favorable")]),
    # US spellings and words that merely end in -ise are fine.
    ("prioritize the program; analyze behavior; enterprise, exercise, advertise, expertise, "
     "premise, analyses, specialist, criticism, license", []),
])
def test_british_spellings_are_found(text, found):
    assert british_forms(text) == found


@pytest.mark.parametrize("text, problems", [
    ("CAC 回收期", []), ("NRR 与 GRR", []), ("净收入留存率（NRR）", []), ("1:5 法则", []),
    ("CAC回收期", ["add a space in 'C回'"]),
    ("LTV与CAC比率", ["add a space in 'V与'", "add a space in '与C'", "add a space in 'C比'"]),
    ("新增MRR", ["add a space in '增M'"]),
    ("CAC  回收期", ["use one ordinary space in 'C  回'"]),
])
def test_latin_cjk_spacing(text, problems):
    assert spacing_problems(text) == problems


@pytest.mark.parametrize("written, inventory", [
    ("LTV 与 CAC 比率", "LTV与CAC比率"), ("新增 MRR", "新增 MRR"), ("客户成功", "客户成功"),
])
def test_names_compare_without_latin_cjk_spaces(written, inventory):
    assert without_latin_cjk_spaces(written) == without_latin_cjk_spaces(inventory)


def test_prose_never_names_a_formula_by_its_id(fixture_glossary):
    apply_edits(fixture_glossary, [("beta-score.yml", "  definition: Another fixture definition.",
                                    "  definition: Use ltv_churn for the ratio.")])
    with pytest.raises(GlossaryError) as raised:
        load_glossary(fixture_glossary, {"nrr", "ltv_churn"})
    expected_line(str(raised.value), "beta-score.yml", "en.definition", ("'ltv_churn'", "in words"))


@pytest.mark.parametrize("text", [
    "Seed-stage companies churn more.", "种子用户最早试用产品。", "In 2004 the market changed.",
    "About 1,004 companies answered.", "ltv churn", "NRR of 100%",
])
def test_ordinary_prose_is_not_mistaken_for_internal_words(fixture_glossary, text):
    apply_edits(fixture_glossary, [("beta-score.yml", "  definition: Another fixture definition.",
                                    f"  definition: {text}")])
    load_glossary(fixture_glossary, {"nrr", "ltv_churn"})
