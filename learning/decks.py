"""Decks and cards, derived from the glossary on every build.

No deck is kept by hand: "week one" is the list in glossary/week-one.yml
(read and checked by glossary.week_one; the build passes it in),
every category is a deck, terms with formulas make "metrics with formulas",
and "all" holds everything. A new term file therefore shows up in its decks
on the next build.

Card kinds, each asked on both language sites:
  zh-en       Chinese name -> English name (typed)
  en-zh       English name -> Chinese name (typed)
  abbr        abbreviation -> full name, either language (typed)
  definition  one-line summary -> the term (multiple choice)
  formula     formula, its result side hidden -> the metric (multiple choice)
Multiple-choice cards carry no distractors: the browser draws them from the
same category at answer time (learn-core.mjs), so they vary between rounds.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from glossary import LANGUAGES, Glossary, Term

TYPED_KINDS = ("zh-en", "en-zh", "abbr")
CHOICE_KINDS = ("definition", "formula")


@dataclass(frozen=True)
class AvoidForm:
    form: str
    reason: str


@dataclass(frozen=True)
class TermFacts:
    """What a card needs to know about its term, in one language site."""

    id: str
    category: str
    name: str                              # in the site's language
    other_name: str                        # in the other language
    abbr: str | None
    summary: str                           # in the site's language
    url: str                               # relative to the learn page
    forms: dict[str, list[str]]            # lang -> accepted typed answers
    avoid: dict[str, list[AvoidForm]]      # lang -> forms we do not accept


@dataclass(frozen=True)
class Card:
    id: str                 # "<kind>:<term id>", stable across builds
    kind: str
    term: str
    prompt: str
    prompt_lang: str        # BCP 47 tag of the prompt text
    answer_lang: str | None  # the language a typed answer is expected in; None = either


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    cards: tuple[str, ...]  # card ids


@dataclass(frozen=True)
class LearnData:
    lang: str
    terms: dict[str, TermFacts]
    cards: dict[str, Card]
    decks: tuple[Deck, ...]
    format_version: int = field(default=1)

    def as_json(self) -> dict:
        return {
            "format_version": self.format_version,
            "lang": self.lang,
            "terms": {tid: asdict(facts) for tid, facts in self.terms.items()},
            "cards": {cid: asdict(card) for cid, card in self.cards.items()},
            "decks": [asdict(deck) for deck in self.decks],
        }


LANG_TAG = {"zh": "zh-Hans", "en": "en"}
DECK_TITLES = {
    "week-one": {"zh": "入职第一周：20 个词", "en": "Week one: 20 words"},
    "metrics": {"zh": "带公式的指标", "en": "Metrics with formulas"},
    "all": {"zh": "全部术语", "en": "All terms"},
}


def build_learn_data(glossary: Glossary, lang: str, *,
                     formula_texts: Mapping[str, Iterable[str]],
                     week_one: Iterable[str] = (),
                     term_url=lambda term_id: f"../terms/{term_id}/") -> LearnData:
    """Every card and deck for one language site.

    ``formula_texts`` maps a term id to its formulas written out in ``lang``
    (the build takes them from the calculators catalog)."""
    other = "en" if lang == "zh" else "zh"
    terms = {term.id: _facts(term, lang, other, term_url(term.id)) for term in glossary}
    cards: dict[str, Card] = {}
    by_term: dict[str, list[str]] = {}
    for term in glossary:
        for card in _cards(term, lang, list(formula_texts.get(term.id, ()))):
            cards[card.id] = card
            by_term.setdefault(term.id, []).append(card.id)

    def deck(deck_id: str, title: str, term_ids: Iterable[str]) -> Deck:
        return Deck(deck_id, title, tuple(c for tid in term_ids for c in by_term.get(tid, ())))

    decks = []
    week = [tid for tid in week_one if tid in terms]
    if week:
        decks.append(deck("week-one", DECK_TITLES["week-one"][lang], week))
    for category in glossary.categories.values():
        members = [t.id for t in glossary.in_category(category.id)]
        if members:
            decks.append(deck(f"category-{category.id}", category.name(lang), members))
    decks.append(deck("metrics", DECK_TITLES["metrics"][lang],
                      [tid for tid in terms if formula_texts.get(tid)]))
    decks.append(deck("all", DECK_TITLES["all"][lang], list(terms)))
    return LearnData(lang, terms, cards, tuple(decks))


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def _facts(term: Term, lang: str, other: str, url: str) -> TermFacts:
    return TermFacts(
        id=term.id, category=term.category,
        name=term.lang(lang).name, other_name=term.lang(other).name,
        abbr=term.abbr, summary=term.lang(lang).summary, url=url,
        forms={code: _accepted_forms(term, code) for code in LANGUAGES},
        avoid={code: _avoid_forms(term, code) for code in LANGUAGES},
    )


def _accepted_forms(term: Term, lang: str) -> list[str]:
    """Every admitted form: name, full name, short name and aliases; the
    abbreviation counts as English only, since a zh card asks for the
    Chinese words."""
    entry = term.lang(lang)
    forms = [entry.name, entry.full_name, getattr(entry, "short_name", None) or "",
             *entry.aliases, (term.abbr or "") if lang == "en" else ""]
    return list(dict.fromkeys(f for f in forms if f))


def _avoid_forms(term: Term, lang: str) -> list[AvoidForm]:
    entry = term.lang(lang)
    return [AvoidForm(item.form, item.reason) for item in getattr(entry, "avoid", ()) or ()]


def _cards(term: Term, lang: str, formulas: list[str]) -> list[Card]:
    cards = [
        Card(f"zh-en:{term.id}", "zh-en", term.id, term.zh.name, LANG_TAG["zh"], "en"),
        Card(f"en-zh:{term.id}", "en-zh", term.id, term.en.name, LANG_TAG["en"], "zh"),
    ]
    if term.abbr:
        cards.append(Card(f"abbr:{term.id}", "abbr", term.id, term.abbr, LANG_TAG["en"], None))
    cards.append(Card(f"definition:{term.id}", "definition", term.id,
                      _mask(term.lang(lang).summary, term), LANG_TAG[lang], None))
    if formulas:
        cards.append(Card(f"formula:{term.id}", "formula", term.id,
                          _hide_result(formulas[0]), LANG_TAG[lang], None))
    return cards


MASK = "____"


def _mask(text: str, term: Term) -> str:
    """A summary that names its own term would give the answer away."""
    forms = sorted({f for code in LANGUAGES for f in _accepted_forms(term, code) if len(f) > 1},
                   key=len, reverse=True)
    for form in forms:
        text = text.replace(form, MASK)
    return text


def _hide_result(formula: str) -> str:
    """"NRR = (a + b) ÷ c" -> "? = (a + b) ÷ c": the left side names the answer."""
    left, sep, right = formula.partition("=")
    return f"? = {right.strip()}" if sep else formula
