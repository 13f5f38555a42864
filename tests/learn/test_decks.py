"""Decks and cards drawn from the real glossary: every deck kind exists in both
languages, cards follow the term data, and nothing is kept by hand."""
from __future__ import annotations

import pytest

from glossary import load_glossary
from glossary.week_one import load_week_one
from learning import build_learn_data
from sitegen.learn_pages import formula_texts
from tests.conftest import REPO
from tests.spec import repository_glossary

GLOSSARY = repository_glossary()
WEEK_ONE = load_week_one(GLOSSARY, REPO / "glossary")


def data(lang):
    return build_learn_data(GLOSSARY, lang, formula_texts=formula_texts(lang), week_one=WEEK_ONE)


@pytest.fixture(scope="module", params=["zh", "en"])
def learn(request):
    return data(request.param)


def test_week_one_lists_twenty_known_terms():
    assert len(WEEK_ONE) == 20 and len(set(WEEK_ONE)) == 20
    assert set(WEEK_ONE) <= set(GLOSSARY.terms)


def test_decks_cover_week_one_every_category_metrics_and_all(learn):
    ids = [deck.id for deck in learn.decks]
    assert ids[0] == "week-one"
    used = {term.category for term in GLOSSARY}
    assert {f"category-{c}" for c in used} <= set(ids)
    assert ids[-2:] == ["metrics", "all"]
    every_card = set(learn.cards)
    assert set(learn.decks[-1].cards) == every_card


@pytest.mark.parametrize("term_id, kinds", [
    ("nrr", {"zh-en", "en-zh", "abbr", "definition", "formula"}),
    ("customer-success", {"zh-en", "en-zh", "abbr", "definition"}),
    ("customer-journey", {"zh-en", "en-zh", "definition"}),
])
def test_each_term_gets_the_cards_its_data_allows(learn, term_id, kinds):
    assert {card.kind for card in learn.cards.values() if card.term == term_id} == kinds


def test_metrics_deck_holds_exactly_the_terms_with_formulas(learn):
    metrics = next(d for d in learn.decks if d.id == "metrics")
    terms = {learn.cards[c].term for c in metrics.cards}
    assert terms == {t for t, texts in formula_texts(learn.lang).items() if t in GLOSSARY.terms}


def test_a_definition_card_does_not_give_its_term_away(learn):
    for card in learn.cards.values():
        if card.kind == "definition":
            facts = learn.terms[card.term]
            for form in facts.forms["zh"] + facts.forms["en"]:
                if len(form) > 1:
                    assert form not in card.prompt, (card.id, form)


def test_a_formula_card_hides_its_result_side(learn):
    card = learn.cards["formula:nrr"]
    assert card.prompt.startswith("? = ")
    assert "NRR =" not in card.prompt


def test_typed_answers_accept_aliases_and_keep_acronyms_english():
    zh = data("zh")
    nrr = zh.terms["nrr"]
    assert "NDR" in nrr.forms["en"] and "Net Revenue Retention" in nrr.forms["en"]
    assert "NRR" not in nrr.forms["zh"]
    assert GLOSSARY["nrr"].zh.name in nrr.forms["zh"]


NEW_TERM = """\
id: beta-rate
category: {category}
zh: {{name: 乙率, summary: 测试用的第二个指标。, definition: 测试用的第二个指标，确认新文件会进入卡组。, examples: [这个月的乙率又涨了。]}}
en: {{name: Beta Rate, summary: "A second metric for tests.", definition: "A second metric for tests, to show that new files join decks.", examples: ["Beta rate is up again this month."]}}
sources: {{references: [{{title: Test, url: "https://example.org/beta"}}]}}
"""


def test_a_new_term_joins_its_category_and_all(fixture_glossary):
    before = build_learn_data(load_glossary(fixture_glossary), "en", formula_texts={})
    category = next(iter(load_glossary(fixture_glossary))).category
    (fixture_glossary / "terms" / "beta-rate.yml").write_text(
        NEW_TERM.format(category=category), encoding="utf-8")
    after = build_learn_data(load_glossary(fixture_glossary), "en", formula_texts={})
    deck = next(d for d in after.decks if d.id == f"category-{category}")
    assert "zh-en:beta-rate" in deck.cards and "zh-en:beta-rate" not in before.cards
    assert "zh-en:beta-rate" in after.decks[-1].cards
