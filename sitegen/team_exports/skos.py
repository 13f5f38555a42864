"""The glossary as a SKOS concept scheme, serialized as JSON-LD
(``glossary.skos.jsonld`` at the site root).

Each term is a ``skos:Concept`` in one ``skos:ConceptScheme``, with exactly
one ``skos:prefLabel`` per language (``zh-Hans``, ``en``), its abbreviation,
full name and aliases as ``skos:altLabel``, the one-sentence summary as
``skos:definition``, related terms as ``skos:related`` and its two pages as
``foaf:page``. Categories are ``skos:Collection``s. The context is inline, so
a reader needs no network to expand it.

Concept IRIs are ``<site_url>#<id>``: stable as long as the id is, whatever
the page layout becomes.
"""
from __future__ import annotations

import json
from pathlib import Path

from glossary import LANGUAGES, Glossary, Term

from .. import urls
from ..exports import absolute

FILE_NAME = "glossary.skos.jsonld"
LANG_TAG = {"zh": "zh-Hans", "en": "en"}
SCHEME_TITLE = {"zh": "客户成功术语库", "en": "Customer Success Glossary"}
CONTEXT = {
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def write(out: Path, glossary: Glossary, site_url: str) -> list[Path]:
    path = out / FILE_NAME
    path.write_text(json.dumps(document(glossary, site_url), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return [path]


def concept_iri(site_url: str, term_id: str) -> str:
    return f"{site_url.rstrip('/')}/#{term_id}"


def document(glossary: Glossary, site_url: str) -> dict:
    scheme = f"{site_url.rstrip('/')}/#scheme"
    graph: list[dict] = [{
        "@id": scheme,
        "@type": "skos:ConceptScheme",
        "skos:prefLabel": _labels(SCHEME_TITLE),
        "dct:title": _labels(SCHEME_TITLE),
        "skos:hasTopConcept": [{"@id": concept_iri(site_url, t.id)} for t in glossary],
    }]
    for category in glossary.categories.values():
        members = glossary.in_category(category.id)
        if members:
            graph.append({
                "@id": f"{site_url.rstrip('/')}/#category-{category.id}",
                "@type": "skos:Collection",
                "skos:prefLabel": _labels({lang: category.name(lang) for lang in LANGUAGES}),
                "skos:member": [{"@id": concept_iri(site_url, t.id)} for t in members],
            })
    graph.extend(_concept(term, site_url, scheme) for term in glossary)
    return {"@context": CONTEXT, "@graph": graph}


def _concept(term: Term, site_url: str, scheme: str) -> dict:
    alt = []
    for lang in LANGUAGES:
        entry = term.lang(lang)
        forms = [entry.full_name, *entry.aliases]
        if term.abbr:
            forms.insert(0, term.abbr)
        for form in dict.fromkeys(f for f in forms if f and f != entry.name):
            alt.append({"@value": form, "@language": LANG_TAG[lang]})
    node = {
        "@id": concept_iri(site_url, term.id),
        "@type": "skos:Concept",
        "skos:inScheme": {"@id": scheme},
        "skos:topConceptOf": {"@id": scheme},
        "skos:notation": term.id,
        "skos:prefLabel": _labels({lang: term.lang(lang).name for lang in LANGUAGES}),
        "skos:altLabel": alt,
        "skos:definition": _labels({lang: term.lang(lang).summary for lang in LANGUAGES}),
        "foaf:page": [{"@id": absolute(site_url, f"{lang}/{urls.term(term.id)}")} for lang in LANGUAGES],
    }
    if term.related:
        node["skos:related"] = [{"@id": concept_iri(site_url, r)} for r in term.related]
    return node


def _labels(texts: dict[str, str]) -> list[dict]:
    return [{"@value": texts[lang], "@language": LANG_TAG[lang]} for lang in LANGUAGES]
