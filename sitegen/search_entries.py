"""What Material's search index says about our pages: plain Python over the
index's JSON (``{"config": …, "docs": [{"location", "title", "text", "boost"?}]}``),
no MkDocs import.

Two fixes over what the theme indexes from the rendered HTML:

* A term page's own entry (the one a result shows under the page title) held
  whatever text sits outside the page's headed sections, which is the facts
  table flattened ("AbbreviationNRR CategoryRetention…"). It now holds the
  term's summary, then its other names, which keep the page findable by alias,
  abbreviation and the other language's name. The entry for the <h1> section
  said the same again, so it goes.
* A query that is a term's abbreviation or one-word name must put that term
  first ("SaaS" before "SaaS Magic Number", "续约" before "续约率"). Material
  weighs its ``tags`` field a thousand times above titles, so each term page's
  entry carries those as tags (not shown: glossary.css). Only single words:
  Material matches every query word as a prefix of an indexed word, so a
  multi-word name as a tag would lift every page sharing any of its words.
* Contributor pages (how to write a term file, how linking works) mention
  every abbreviation in their examples; they must not outrank the terms
  themselves, so their entries get a low boost.
"""
from __future__ import annotations

import html
import re

from glossary import Glossary, Term

TERM_BOOST = 3
# Prefixes of pages written for contributors rather than readers.
CONTRIBUTOR_PREFIXES = ("contributing/", "linking/", "quality/")
CONTRIBUTOR_BOOST = 0.25

_TERM_PAGE = re.compile(r"^terms/([^/#]+)/$")
_TERM_HEADING = re.compile(r"^terms/([^/#]+)/#([^/#]+)$")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Names are kept apart by spaces: the index splits words on whitespace only,
# so "、" or "（NPS）" would glue a name to its neighbours.
_SEPARATOR = " · "
_ALSO = {"zh": "又称", "en": "Also called"}


def rewrite_index(index: dict, glossary: Glossary, lang: str, segment=lambda han: [han]) -> dict:
    """Returns ``index`` with term entries rewritten and contributor pages demoted.

    ``segment`` splits a run of Chinese characters into words (jieba.cut, as
    the theme does); words are joined by U+200B, which the search separator
    splits on."""
    docs = []
    for doc in index["docs"]:
        location = doc["location"]
        heading = _TERM_HEADING.match(location)
        if heading and heading[1] == heading[2] and heading[1] in glossary.terms:
            continue
        page = _TERM_PAGE.match(location)
        if page and page[1] in glossary.terms:
            term = glossary[page[1]]
            doc = {**doc, "text": _segmented(term_text(term, lang), segment),
                   "tags": term_tags(term, lang, segment),
                   "boost": TERM_BOOST}
        elif location.startswith(CONTRIBUTOR_PREFIXES):
            doc = {**doc, "boost": CONTRIBUTOR_BOOST}
        docs.append(doc)
    return {**index, "docs": docs}


def term_text(term: Term, lang: str) -> str:
    """The summary, then every other name the term goes by, as search-result HTML."""
    entry, other = term.lang(lang), term.other(lang)
    names = []
    for name in (term.abbr or "", entry.full_name, *entry.aliases, other.name, other.full_name, *other.aliases):
        if name and name not in names and name != entry.name:
            names.append(name)
    # One paragraph: a result shows only the blocks of text that match, and a
    # query usually matches a name, so the summary must share the names' block.
    text = html.escape(entry.summary, quote=False)
    if names:
        # A space after the label, not a colon: "：NRR" would be one indexed word.
        text += f" {_ALSO[lang]} {html.escape(_SEPARATOR.join(names), quote=False)}"
    return f"<p>{text}</p>"


def term_tags(term: Term, lang: str, segment=lambda han: [han]) -> list[str]:
    """The abbreviation, short name and name, each only if it is one word:
    what a reader types to mean exactly this term ("Churn" for Customer Churn)."""
    entry = term.lang(lang)
    tags = []
    for name in (term.abbr or "", getattr(entry, "short_name", None) or "", entry.name):
        word = _segmented(name, segment)
        if word and not re.search(r"[\s\u200b-]", word) and word not in tags:
            tags.append(word)
    return tags


def _segmented(text: str, segment) -> str:
    return _HAN.sub(lambda run: "\u200b" + "\u200b".join(segment(run[0])) + "\u200b", text).strip("\u200b")
