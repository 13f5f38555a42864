"""Machine-readable exports of the glossary, written at the site root.

    write_exports(out, glossary, site_url) -> [out/glossary.json, out/glossary.csv, out/glossary.tbx]

Plain Python (no MkDocs import), generated from the model only, deterministic
(no timestamps: the same glossary gives byte-identical files). Every text is
the model's plain text: nothing is Markdown or HTML, and nothing is
HTML-escaped; each format does its own escaping (JSON string escapes, CSV
quoting, XML entities).

glossary.json (format version 1)
================================

All URLs under ``urls`` are relative to the *site root* (the folder holding
glossary.json); ``absolute_urls`` are the same joined to ``site_url``.
Lists keep the glossary's order; a missing value is ``null``, an empty list ``[]``.

    {
      "format_version": 1,                 # also as "version", the first edition's key
      "version": 1,
      "site_url": "https://example.org/glossary/",
      "languages": ["zh", "en"],
      "categories": [ {"id": "retention", "zh": "留存与流失", "en": "Retention and churn"}, ... ],
      "terms": [
        {
          "id": "nrr",                         # stable id = URL slug = TBX conceptEntry id
          "abbr": "NRR",                       # or null
          "category": "retention",             # a categories[].id
          "homonyms": [], "related": ["grr"], "formulas": ["nrr"],
          "urls": {"zh": "zh/terms/nrr/", "en": "en/terms/nrr/"},
          "absolute_urls": {"zh": "https://…/zh/terms/nrr/", "en": "https://…/en/terms/nrr/"},
          "anchor": "nrr",                     # id of the term page's <h1>
          "disambiguation": null,              # or {"abbr", "slug", "urls", "absolute_urls"}
                                               #   when the abbreviation is shared (see acronyms)
          "zh": {"name": "净收入留存率", "full_name": "净收入留存率", "aliases": ["净留存率"],
                 "summary": "…", "definition": "…"},   # definition: paragraphs split by a blank line
          "en": {…same keys…},
          # second edition, per language: "short_name" (or null), "forms" [{"text", "kind":
          #   name|full_name|abbr|short_name|alias|avoid, "status": preferred|admitted|avoid,
          #   "reason" (avoid only)}], "examples" [..], "pronunciation" (en, or null),
          #   "depth" (metrics: {"why_it_matters", "how_to_improve", "owner", "mistakes"}, else null);
          # per term: "metric" (bool), "not_confused_with" [ids], "comparisons" [ids],
          # "benchmarks" [{"figure", "segment", "definition", "sample", "note": {zh, en} or null,
          #   "source", "publisher", "year", "url", "read_at"}]
        }, ...
      ],
      "acronyms": [                            # abbreviations shared by several terms
        {"abbr": "CSM", "slug": "csm", "term_ids": ["csm", "customer-success-management"],
         "urls": {"zh": "zh/acronyms/csm/", "en": "en/acronyms/csm/"},
         "absolute_urls": {...}}
      ],
      "comparisons": [                         # "X vs Y" pages
        {"id": "nrr-vs-grr", "terms": ["nrr", "grr"], "title": {"zh", "en"}, "intro": {...},
         "rows": [{"aspect": {"zh", "en"}, "cells": {"nrr": {"zh", "en"}, ...}}], "takeaway": {...},
         "urls": {"zh": "zh/compare/nrr-vs-grr/", ...}, "absolute_urls": {...}}
      ],
      "crosslink": {                           # ready-made input for crosslink.Linker
        "zh": {
          "targets": [ {"term_id", "name", "forms", "acronyms", "url", "title"}, ... ],
          "ambiguous": { "CSM": {"url": "https://…/zh/acronyms/csm/", "title": "CSM：…/…",
                                 "term_ids": ["csm", "customer-success-management"]} }
        },
        "en": {...}
      }
    }

For another MkDocs project that wants to cross-link to this glossary::

    from crosslink import Disambiguation, Linker, LinkTarget
    data = json.load(open("glossary.json", encoding="utf-8"))["crosslink"]["zh"]
    linker = Linker([LinkTarget(**t) for t in data["targets"]],
                    ambiguous={form: Disambiguation(**d) for form, d in data["ambiguous"].items()})

Per language, a crosslink target is the term in that language: ``name`` its
name, ``forms`` (matched case-insensitively) its full name and aliases, then
the other language's name, full name and aliases; ``acronyms`` (matched
case-sensitively) its abbreviation plus any form that looks like one (Latin
letters only, no all-lower-case word, at least two capitals making up at
least half of the letters: "NDR", "SaaS", "CS Ops", "LTV:CAC"); ``url`` the absolute page URL; ``title`` the one-sentence summary.
A form several terms share (the abbreviation of declared homonyms, or any
other form they share) is left out of their targets; when a disambiguation
page lists all of those terms the form is in ``ambiguous`` pointing there.
Forms are compared as the loader does (case-folded) with whitespace runs
collapsed, as the linker does.

A consumer without the crosslink package needs only ``terms``: forms are
``abbr`` + ``name``/``full_name``/``aliases`` of both languages, the URL is
``absolute_urls[lang]``, the tooltip ``<lang>.summary``; an abbreviation listed
in ``acronyms`` is ambiguous and links to that entry's ``absolute_urls[lang]``.

glossary.csv
============

UTF-8 with a byte-order mark (Excel then reads Chinese correctly), CRLF line
ends, RFC 4180 quoting (csv module). One row per term, columns ``CSV_COLUMNS``.
Lists (aliases, formulas, related) are joined with " | ". URLs are absolute.
A cell starting with ``= + - @``, a tab or a carriage return gets a leading
apostrophe, so a spreadsheet never evaluates it as a formula.

glossary.tbx
============

TBX (ISO 30042:2019), dialect TBX-Basic, DCA style, namespace
``urn:iso:std:iso:30042:ed-2``. One ``conceptEntry`` per term (``id`` = term
id, prefixed ``t-`` only if the id is not a valid XML ID, i.e. starts with a
digit), holding: ``descrip type="subjectField"`` (English category name),
``ref type="crossReference"`` per related term, then ``langSec xml:lang="zh"``
and ``"en"``, each with ``descrip type="definition"`` (the one-sentence
summary), a ``note`` (the full definition) and one ``termSec`` per form
(``Term.forms``), its administrativeStatus from the form's status (preferred
→ preferredTerm-admn-sts, admitted → admittedTerm-admn-sts, avoid →
deprecatedTerm-admn-sts): name (fullForm, preferred, with the example
sentences as ``descrip type="context"`` and an ``xref
type="externalCrossReference"`` to the term page), full name if different
(fullForm, preferred), abbreviation (abbreviation, preferred; in both
languages), short name (shortForm, preferred), aliases (variant, admitted),
forms to avoid (variant, deprecated, the reason as a ``note``). Values are those TBX-Basic permits
(checked against the LTAC TBX-Basic dialect's DCA Schematron and RELAX NG).
Characters XML 1.0 forbids (C0 controls other than tab/newline) are dropped.
"""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from glossary import LANGUAGES, Glossary, Term
from glossary.references import as_plain_text

from . import urls
from .link_targets import link_targets

JSON_NAME = "glossary.json"
CSV_NAME = "glossary.csv"
TBX_NAME = "glossary.tbx"
FORMAT_VERSION = 1
LIST_SEPARATOR = " | "

CSV_COLUMNS = ("id", "abbr", "category_zh", "category_en", "name_zh", "name_en",
               "full_name_zh", "full_name_en", "aliases_zh", "aliases_en",
               "summary_zh", "summary_en", "url_zh", "url_en", "formulas", "related")

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Form kinds and statuses (glossary.Term.forms) as TBX-Basic names them.
TBX_TERM_TYPES = {"name": "fullForm", "full_name": "fullForm", "abbr": "abbreviation",
                  "short_name": "shortForm", "alias": "variant", "avoid": "variant"}
TBX_STATUSES = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
                "avoid": "deprecatedTerm-admn-sts"}

_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NCNAME_START = re.compile(r"^[A-Za-z_]")


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

def write_exports(out: Path, glossary: Glossary, site_url: str) -> list[Path]:
    """Write glossary.json, glossary.csv and glossary.tbx into ``out`` (the site root)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data, kwargs in (
        (JSON_NAME, render_json(glossary, site_url), {"encoding": "utf-8"}),
        (CSV_NAME, render_csv(glossary, site_url), {"encoding": "utf-8-sig", "newline": ""}),
        (TBX_NAME, render_tbx(glossary, site_url), {"encoding": "utf-8"}),
    ):
        path = out / name
        with open(path, "w", **kwargs) as handle:
            handle.write(data)
        written.append(path)
    return written


def root_url(path: str) -> str:
    """``path`` (relative to a language root) made relative to the site root,
    for both languages: ``{"zh": "zh/<path>", "en": "en/<path>"}``."""
    return {lang: f"{lang}/{path}" for lang in LANGUAGES}


def absolute(site_url: str, path: str) -> str:
    """``path`` (relative to the site root) joined to ``site_url``."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


# ---------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------

def glossary_data(glossary: Glossary, site_url: str) -> dict:
    """The content of glossary.json as a dict (see the module docstring)."""
    acronyms = glossary.shared_acronyms()
    acronym_of = {term_id: a for a in acronyms for term_id in a.term_ids}

    def urls_of(path: str) -> dict:
        rel = root_url(path)
        return {"urls": rel, "absolute_urls": {lang: absolute(site_url, u) for lang, u in rel.items()}}

    terms = []
    for term in glossary:
        acronym = acronym_of.get(term.id)
        terms.append({
            "id": term.id,
            "abbr": term.abbr,
            "category": term.category,
            "homonyms": list(term.homonyms),
            "related": list(term.related),
            "formulas": list(term.formulas),
            **urls_of(urls.term(term.id)),
            "anchor": term.id,
            "disambiguation": None if acronym is None else {
                "abbr": acronym.abbr, "slug": acronym.slug, **urls_of(urls.acronym(acronym.slug))},
            **{lang: _entry_data(glossary, term, lang) for lang in LANGUAGES},
            "metric": term.is_metric,
            "not_confused_with": list(term.not_confused_with),
            "benchmarks": [_benchmark_data(b) for b in term.benchmarks],
            "comparisons": [c.id for c in glossary.comparisons_of(term.id)],
        })
    return {
        "format_version": FORMAT_VERSION,
        "version": FORMAT_VERSION,      # the first edition's name for format_version
        "site_url": site_url,
        "languages": list(LANGUAGES),
        "categories": [{"id": c.id, **{lang: c.name(lang) for lang in LANGUAGES}}
                       for c in glossary.categories.values()],
        "terms": terms,
        "acronyms": [{"abbr": a.abbr, "slug": a.slug, "term_ids": list(a.term_ids),
                      **urls_of(urls.acronym(a.slug))} for a in acronyms],
        "crosslink": {lang: crosslink_data(glossary, lang, site_url) for lang in LANGUAGES},
        "comparisons": [{
            "id": c.id, "terms": list(c.terms), "title": c.title.as_dict(), "intro": c.intro.as_dict(),
            "rows": [{"aspect": row.aspect.as_dict(),
                      "cells": {t: cell.as_dict() for t, cell in row.cells.items()}} for row in c.rows],
            "takeaway": c.takeaway.as_dict(), **urls_of(urls.comparison(c.id)),
        } for c in glossary.comparisons.values()],
    }


def render_json(glossary: Glossary, site_url: str) -> str:
    return json.dumps(glossary_data(glossary, site_url), ensure_ascii=False, indent=2) + "\n"


def _entry_data(glossary: Glossary, term: Term, lang: str) -> dict:
    entry = term.lang(lang)
    depth = entry.depth

    def plain(text: str) -> str:        # [[id]] references read as their link text
        return as_plain_text(text, glossary, lang)

    return {"name": entry.name, "full_name": entry.full_name, "aliases": list(entry.aliases),
            "summary": entry.summary, "definition": plain(entry.definition),
            # second edition (added keys; format version unchanged)
            "short_name": entry.short_name,
            "forms": [{"text": f.text, "kind": f.kind, "status": f.status, "reason": f.reason}
                      for f in term.forms(lang)],
            "examples": [plain(example) for example in entry.examples],
            "pronunciation": entry.pronunciation,
            "depth": None if depth is None else {
                "why_it_matters": plain(depth.why_it_matters), "how_to_improve": plain(depth.how_to_improve),
                "owner": plain(depth.owner), "mistakes": [plain(m) for m in depth.mistakes]}}


def _benchmark_data(benchmark) -> dict:
    bilingual = ("figure", "segment", "definition", "sample", "note")
    return {key: (None if getattr(benchmark, key) is None else getattr(benchmark, key).as_dict())
            if key in bilingual else getattr(benchmark, key)
            for key in ("figure", "segment", "definition", "source", "publisher", "year",
                        "sample", "url", "note", "read_at")}


def crosslink_data(glossary: Glossary, lang: str, site_url: str) -> dict:
    """``{"targets": [LinkTarget kwargs], "ambiguous": {form: {"url", "title", "term_ids"}}}``
    for ``lang``."""
    return link_targets(glossary, lang, lambda path: absolute(site_url, f"{lang}/{path}"))


# ---------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------

def csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading ``= + - @``, tab or CR gets an apostrophe."""
    return "'" + value if value.startswith(_FORMULA_PREFIXES) else value


def csv_rows(glossary: Glossary, site_url: str) -> list[dict[str, str]]:
    """One dict per term, keyed by ``CSV_COLUMNS``, before formula-injection guarding."""
    rows = []
    for term in glossary:
        category = glossary.categories[term.category]
        page = root_url(urls.term(term.id))
        row = {"id": term.id, "abbr": term.abbr or ""}
        for lang in LANGUAGES:
            entry = term.lang(lang)
            row[f"category_{lang}"] = category.name(lang)
            row[f"name_{lang}"] = entry.name
            row[f"full_name_{lang}"] = entry.full_name
            row[f"aliases_{lang}"] = LIST_SEPARATOR.join(entry.aliases)
            row[f"summary_{lang}"] = entry.summary
            row[f"url_{lang}"] = absolute(site_url, page[lang])
        row["formulas"] = LIST_SEPARATOR.join(term.formulas)
        row["related"] = LIST_SEPARATOR.join(term.related)
        rows.append({column: row[column] for column in CSV_COLUMNS})
    return rows


def render_csv(glossary: Glossary, site_url: str) -> str:
    """The CSV text without the BOM (``write_exports`` writes it with ``utf-8-sig``)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for row in csv_rows(glossary, site_url):
        writer.writerow([csv_cell(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# TBX
# ---------------------------------------------------------------------------

def tbx_id(term_id: str) -> str:
    """The conceptEntry id: the term id, or ``t-<id>`` when the id is not an XML NCName."""
    return term_id if _NCNAME_START.match(term_id) else f"t-{term_id}"


def tbx_tree(glossary: Glossary, site_url: str) -> ET.Element:
    """The TBX document as an ElementTree element (unqualified tags, default namespace)."""
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en",
                              "xmlns": TBX_NAMESPACE})
    source = ET.SubElement(ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc"), "sourceDesc")
    _text(ET.SubElement(source, "p"),
          f"Customer Success Glossary / 客户成功术语库 ({len(glossary)} terms, zh and en), "
          f"exported from {site_url}")
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for term in glossary:
        body.append(_concept_entry(glossary, term, site_url))
    return root


def render_tbx(glossary: Glossary, site_url: str) -> str:
    root = tbx_tree(glossary, site_url)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _concept_entry(glossary: Glossary, term: Term, site_url: str) -> ET.Element:
    concept = ET.Element("conceptEntry", {"id": tbx_id(term.id)})
    _text(ET.SubElement(concept, "descrip", {"type": "subjectField"}),
          glossary.categories[term.category].name("en"))
    for related in term.related:
        _text(ET.SubElement(concept, "ref", {"type": "crossReference", "target": tbx_id(related)}),
              glossary[related].en.name)
    page = root_url(urls.term(term.id))
    for lang in LANGUAGES:
        entry = term.lang(lang)
        lang_sec = ET.SubElement(concept, "langSec", {XML_LANG: lang})
        _text(ET.SubElement(lang_sec, "descrip", {"type": "definition"}), entry.summary)
        _text(ET.SubElement(lang_sec, "note"), as_plain_text(entry.definition, glossary, lang))
        for form in term.forms(lang):
            term_sec = ET.SubElement(lang_sec, "termSec")
            _text(ET.SubElement(term_sec, "term"), form.text)
            _text(ET.SubElement(term_sec, "termNote", {"type": "termType"}), TBX_TERM_TYPES[form.kind])
            _text(ET.SubElement(term_sec, "termNote", {"type": "administrativeStatus"}),
                  TBX_STATUSES[form.status])
            if form.kind == "name":
                for example in entry.examples:        # the term in use: TBX "context"
                    _text(ET.SubElement(term_sec, "descrip", {"type": "context"}),
                          as_plain_text(example, glossary, lang))
                _text(ET.SubElement(term_sec, "xref", {
                    "type": "externalCrossReference", "target": absolute(site_url, page[lang])}),
                    entry.name)
            if form.reason:
                _text(ET.SubElement(term_sec, "note"), form.reason)
    return concept


def _text(element: ET.Element, text: str) -> None:
    element.text = _XML_ILLEGAL.sub("", text)
