"""schema.org structured data (JSON-LD) for term pages and the home pages.

    defined_term(term, lang, page_url_abs, set_url_abs) -> dict    # a term page
    defined_term_set(glossary, lang, home_url_abs) -> dict         # a language's home page
    script_tag_payload(data) -> str     # the text to put inside <script type="application/ld+json">

``set_url_abs`` and ``home_url_abs`` are the same value: the absolute URL of
the language's home page (``https://…/zh/``). The set's ``@id`` is that URL
plus ``#glossary``, and each term's ``@id`` is its page URL plus ``#<term id>``
(the page's h1), so the set's ``hasDefinedTerm`` and each page's
``inDefinedTermSet`` point at the same nodes.

``script_tag_payload`` is the only escaping between term text and the page:
its result is meant to be emitted unescaped (Jinja ``|safe``), so it never
contains ``<``, ``>`` or ``&`` (written ``\\u003c``, ``\\u003e``, ``\\u0026``),
nor U+2028/U+2029. ``</script>``, ``<!--`` and ``<![CDATA[`` in term text thus
cannot end or alter the script element; the JSON still parses to the same data.
"""
from __future__ import annotations

import json

from glossary import Glossary, Term

from . import urls
from .rendering import ui

IN_LANGUAGE = {"zh": "zh-Hans", "en": "en"}
SET_FRAGMENT = "#glossary"

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def set_id(home_url_abs: str) -> str:
    return home_url_abs + SET_FRAGMENT


def term_id_url(page_url_abs: str, term: Term) -> str:
    return f"{page_url_abs}#{term.id}"


def alternate_names(term: Term, lang: str) -> list[str]:
    """The abbreviation, the full name and aliases in ``lang``, and the other
    language's name: each once, never the name itself."""
    entry, other = term.lang(lang), term.other(lang)
    names = [term.abbr, entry.full_name, *entry.aliases, other.name]
    return [n for n in dict.fromkeys(n for n in names if n) if n != entry.name]


def defined_term(term: Term, lang: str, page_url_abs: str, set_url_abs: str) -> dict:
    """A schema.org DefinedTerm for the term's page in ``lang``."""
    entry = term.lang(lang)
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": term_id_url(page_url_abs, term),
        "url": page_url_abs,
        "name": entry.name,
        "alternateName": alternate_names(term, lang),
        "description": entry.summary,
        "termCode": term.id,
        "inLanguage": IN_LANGUAGE[lang],
        "inDefinedTermSet": {"@type": "DefinedTermSet", "@id": set_id(set_url_abs),
                             "url": set_url_abs},
    }


def defined_term_set(glossary: Glossary, lang: str, home_url_abs: str) -> dict:
    """A schema.org DefinedTermSet listing every term, for the home page in ``lang``."""
    terms = []
    for term in glossary:
        page = home_url_abs + urls.term(term.id)
        terms.append({"@type": "DefinedTerm", "@id": term_id_url(page, term),
                      "name": term.lang(lang).name, "termCode": term.id, "url": page})
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": set_id(home_url_abs),
        "url": home_url_abs,
        "name": ui("site_name", lang),
        "description": ui("home_lead", lang),
        "inLanguage": IN_LANGUAGE[lang],
        "hasDefinedTerm": terms,
    }


def script_tag_payload(data: dict) -> str:
    """``data`` as JSON that is safe verbatim inside ``<script type="application/ld+json">``.

    ``<``, ``>``, ``&``, U+2028 and U+2029 can only occur inside JSON strings,
    where a ``\\uXXXX`` escape denotes the same character, so the data is
    unchanged for any JSON parser while the HTML tokenizer never sees a tag,
    a comment or a character reference.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text
