"""The glossary holds every inventory term, complete in both languages, with
every contract formula attached to its term and no dangling references."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from calculators import FORMULAS
from glossary import LANGUAGES
from glossary.cjk_spacing import without_latin_cjk_spaces
from tests.spec import load_contract, load_inventory, repository_glossary

INVENTORY = load_inventory()
CONTRACT = load_contract()
GLOSSARY = repository_glossary(known_formulas=FORMULAS)
INVENTORY_BY_ID = {item["id"]: item for item in INVENTORY}


def test_inventory_and_contract_are_the_expected_size():
    assert len(INVENTORY) == 157 and len(CONTRACT) == 56


@pytest.mark.parametrize("term_id", sorted(INVENTORY_BY_ID))
def test_inventory_term_is_present_with_its_fixed_names(term_id):
    item = INVENTORY_BY_ID[term_id]
    assert term_id in GLOSSARY.terms, f"inventory term {term_id} has no glossary/terms/{term_id}.yml"
    term = GLOSSARY[term_id]
    # The inventory predates the Latin-CJK spacing rule: "LTV与CAC比率" is "LTV 与 CAC 比率".
    assert without_latin_cjk_spaces(term.zh.name) == without_latin_cjk_spaces(str(item["zh"]))
    assert term.en.name == str(item["en"])
    # Inventory "abbr" values that are ordinary words (Churn, Onboarding) are short names now.
    if "abbr" in item:
        assert str(item["abbr"]) in (term.abbr, term.en.short_name), \
            f"{term_id}: inventory abbr {item['abbr']!r} is neither abbr nor en.short_name"
    else:
        assert term.abbr is None
    assert set(item.get("formulas", [])) <= set(term.formulas)
    assert set(item["seeds"]) <= set(term.sources.seeds)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("term_id", sorted(INVENTORY_BY_ID))
def test_each_language_is_complete(term_id, lang):
    entry = GLOSSARY[term_id].lang(lang)
    assert entry.name and entry.summary and entry.paragraphs
    assert len(" ".join(entry.paragraphs)) > len(entry.summary), "the definition should say more than the summary"


@pytest.mark.parametrize("formula", CONTRACT, ids=[f["id"] for f in CONTRACT])
def test_contract_formula_is_attached_to_its_term(formula):
    assert formula["id"] in GLOSSARY[formula["term"]].formulas


def test_no_dangling_related_ids():
    for term in GLOSSARY:
        for related in term.related:
            assert related in GLOSSARY.terms, f"{term.id} relates to unknown {related}"


# Where the sources disagree, the page must say so (issue: variants and homonyms).
# Notes name the source articles as readers see them (seeds.yml `short`), never by id.
DICT_ZH, DICT_EN = "《客户成功行业术语词典》", "terms dictionary"
ROUNDUP_ZH, ROUNDUP_EN = "《CSM 专业术语汇总》", "CSM terminology roundup"
METRICS17_ZH, METRICS17_EN = "《需要追踪的 17 项客户成功指标》", "17 metrics article"
DISAGREEMENTS = [
    # (term, words each language's note must contain)
    ("ltv", {"zh": [DICT_ZH, METRICS17_ZH, "CAC"], "en": [DICT_EN, METRICS17_EN, "CAC"]}),
    ("churn-rate", {"zh": [METRICS17_ZH, "CCR"], "en": [METRICS17_EN, "CCR", "not a standard abbreviation"]}),
    ("crr", {"zh": [METRICS17_ZH, "连续率"], "en": [METRICS17_EN]}),
    ("ces", {"zh": [ROUNDUP_ZH, METRICS17_ZH, "7", "平均分"], "en": [ROUNDUP_EN, METRICS17_EN, "7", "mean"]}),
    ("repeat-purchase-rate", {"zh": [METRICS17_ZH], "en": [METRICS17_EN]}),
    ("dollar-renewal-rate", {"zh": [DICT_ZH, "100%"], "en": [DICT_EN, "100%"]}),
    ("arr", {"zh": ["run rate"], "en": ["run rate"]}),
    ("subject-matter-expert", {"zh": ["SME"], "en": ["SME"]}),
    ("small-medium-enterprise", {"zh": ["SME"], "en": ["SME"]}),
    ("csm", {"zh": ["CSM"], "en": ["CSM"]}),
    ("customer-success-management", {"zh": ["CSM"], "en": ["CSM"]}),
]


def reader_name(word: str, lang: str) -> str:
    """A seed id as prose names it: the article's short name (seeds.yml `short`),
    without a trailing year or a leading "the"; any other word as it is."""
    seed = GLOSSARY.seeds.get(word)
    if seed is None:
        return word
    assert seed.short, f"glossary/seeds.yml: {word} needs `short` names for prose"
    name = re.sub(r"\s*[（(]\d{4}[)）]$", "", seed.short[lang])
    return re.sub(r"^the ", "", name)


@pytest.mark.parametrize("term_id, words", DISAGREEMENTS, ids=[d[0] for d in DISAGREEMENTS])
def test_disagreement_is_written_up(term_id, words):
    note = GLOSSARY[term_id].disagreement
    assert note, f"{term_id} needs a disagreement note"
    for lang, expected in words.items():
        text = note[lang].casefold()
        for word in expected:
            name = reader_name(word, lang)
            assert name.casefold() in text, f"{term_id} {lang} note should mention {name}"
        # Readers know the articles by name, not as "seed 004" / "004 给出的".
        assert not re.search(r"\bseeds?\b|种子|(?<!\d)00[0-4](?!\d)", note[lang]), \
            f"{term_id} {lang} note names a source by its internal id: {note[lang]!r}"


@pytest.mark.parametrize("term_id, alias", [
    ("nrr", "NDR"), ("nrr", "Net Dollar Retention"), ("nrr", "净美元留存率"),
    ("ltv", "CLV"), ("ltv", "CLTV"), ("ltv", "客户终身价值"), ("ltv", "用户生命周期价值"),
    # 客户入职 (onboarding) is a form to avoid, not an alias: test_content_corrections_metrics
    ("customer-segmentation", "客户分层"),
    ("health-score", "客户健康评分"), ("health-score", "客户健康得分"),
    ("churn-rate", "CCR"), ("crc", "Cost to Retain Customers"),
    ("crr", "连续率"), ("crr", "重复率"), ("ces", "客户费力度"),
])
def test_seed_variants_are_aliases(term_id, alias):
    term = GLOSSARY[term_id]
    # A variant the sources use may also be recorded as a form to avoid, with the reason.
    avoided = tuple(a.form for entry in (term.zh, term.en) for a in entry.avoid)
    assert alias in term.zh.aliases + term.en.aliases + avoided


@pytest.mark.parametrize("abbr, meanings", [
    ("SME", {"subject-matter-expert", "small-medium-enterprise"}),
    ("CSM", {"csm", "customer-success-management"}),
])
def test_homonyms_share_an_acronym_page(abbr, meanings):
    acronyms = {a.abbr: set(a.term_ids) for a in GLOSSARY.shared_acronyms()}
    assert acronyms[abbr] == meanings
