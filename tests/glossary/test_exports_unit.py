"""The data exports (glossary.json, glossary.csv, glossary.tbx) and the JSON-LD,
on the small fixture glossary and on the hostile one (tests/fixtures/xss-glossary):
each export round-trips every term in both languages, and hostile text stays
inert data in every format."""
from __future__ import annotations

import csv
import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from glossary import LANGUAGES, Glossary, load_glossary
from sitegen import exports, jsonld, link_targets

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GLOSSARIES = {
    "fixture": (FIXTURES / "glossary", {"nrr"}),
    "xss": (FIXTURES / "xss-glossary", set()),
}
SITE_URL = "https://example.org/cs/"
NS = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BOM = b"\xef\xbb\xbf"

# What the TBX-Basic dialect permits (LTAC TBX-Basic DCA Schematron / RELAX NG).
TERM_TYPES = {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"}
STATUSES = {"preferredTerm-admn-sts", "admittedTerm-admn-sts",
            "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"}
TERM_NOTE_TYPES = {"administrativeStatus", "grammaticalGender", "geographicalUsage",
                   "partOfSpeech", "termLocation", "termType"}
DESCRIP_TYPES = {"context", "definition", "subjectField"}

HOSTILE = ["<script>alert(1)</script>", '"onmouseover="alert(1)', "' onfocus='x", "{{ 7*7 }}",
           "{% raw %}", "[click](javascript:alert(1))", '![x](x" onerror="alert(1))',
           "</script><script>alert(1)</script>", "<!--", "&lt;b&gt;"]


@pytest.fixture(scope="module", params=sorted(GLOSSARIES))
def glossary(request) -> Glossary:
    root, formulas = GLOSSARIES[request.param]
    return load_glossary(root, formulas)


@pytest.fixture(scope="module")
def xss() -> Glossary:
    return load_glossary(*GLOSSARIES["xss"])


@pytest.fixture(scope="module")
def written(glossary, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("site")
    paths = exports.write_exports(out, glossary, SITE_URL)
    return {path.name: path for path in paths}


def page(lang: str, term_id: str) -> str:
    return f"{SITE_URL}{lang}/terms/{term_id}/"


def forms(term, lang) -> list[str]:
    """Every form a language section must hold: name, full name, abbreviation, aliases."""
    entry = term.lang(lang)
    return list(dict.fromkeys([entry.name, entry.full_name, *([term.abbr] if term.abbr else []),
                               *entry.aliases]))


# ---------------------------------------------------------------------------
# The fixtures themselves
# ---------------------------------------------------------------------------

def test_xss_fixture_is_hostile_in_every_text_field(xss):
    assert len(xss) == 3 and len(xss.shared_acronyms()) == 1
    corpus = []
    for term in xss:
        assert term.abbr and any(h in term.abbr for h in HOSTILE)
        for lang in LANGUAGES:
            entry = term.lang(lang)
            for text in (entry.name, entry.full_name, *entry.aliases, entry.summary, entry.definition):
                hostile = any(h in text for h in [*HOSTILE, "](javascript:alert(1))"]) \
                    or text.startswith(("=", "+", "-", "@"))
                assert hostile, f"{term.id}.{lang}: {text!r} is harmless"
            corpus.append(entry.summary + entry.definition)
    for payload in HOSTILE:
        assert any(payload in text for text in corpus), payload
    assert any(re.search(r"[\u4e00-\u9fff].*<script>.*{{ 7\*7 }}", text) for text in corpus)


def test_write_exports_writes_three_files_at_the_site_root(written):
    assert sorted(written) == ["glossary.csv", "glossary.json", "glossary.tbx"]
    assert len({p.parent for p in written.values()}) == 1
    for path in written.values():
        assert path.is_file() and path.stat().st_size > 0


def test_exports_are_deterministic(glossary, written, tmp_path):
    again = {p.name: p for p in exports.write_exports(tmp_path, glossary, SITE_URL)}
    for name, path in written.items():
        assert again[name].read_bytes() == path.read_bytes(), name


# ---------------------------------------------------------------------------
# glossary.json
# ---------------------------------------------------------------------------

def test_json_holds_every_term_in_both_languages(glossary, written):
    data = json.loads(written["glossary.json"].read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["site_url"] == SITE_URL
    assert data["languages"] == ["zh", "en"]
    assert data["categories"] == [{"id": c.id, "zh": c.name("zh"), "en": c.name("en")}
                                  for c in glossary.categories.values()]
    assert [t["id"] for t in data["terms"]] == list(glossary.terms)
    for record in data["terms"]:
        term = glossary[record["id"]]
        assert record["abbr"] == term.abbr and record["category"] == term.category
        assert record["category"] in {c["id"] for c in data["categories"]}
        assert record["related"] == list(term.related)
        assert record["homonyms"] == list(term.homonyms)
        assert record["formulas"] == list(term.formulas)
        assert record["urls"] == {"zh": f"zh/terms/{term.id}/", "en": f"en/terms/{term.id}/"}
        assert record["absolute_urls"] == {lang: page(lang, term.id) for lang in LANGUAGES}
        assert record["anchor"] == term.id
        assert record["metric"] == term.is_metric
        assert record["not_confused_with"] == list(term.not_confused_with)
        assert record["comparisons"] == [c.id for c in glossary.comparisons_of(term.id)]
        assert len(record["benchmarks"]) == len(term.benchmarks)
        for lang in LANGUAGES:
            entry = term.lang(lang)
            assert record[lang] == {"name": entry.name, "full_name": entry.full_name,
                                    "aliases": list(entry.aliases), "summary": entry.summary,
                                    "definition": entry.definition, **record[lang]}
            assert record[lang]["short_name"] == entry.short_name
            assert record[lang]["examples"] == list(entry.examples)
            assert record[lang]["pronunciation"] == entry.pronunciation
            assert [f["text"] for f in record[lang]["forms"]] == [f.text for f in term.forms(lang)]
            assert (record[lang]["depth"] is None) == (entry.depth is None)


def test_json_carries_the_second_edition_fields():
    glossary = load_glossary(*GLOSSARIES["fixture"])
    data = exports.glossary_data(glossary, SITE_URL)
    alpha = {t["id"]: t for t in data["terms"]}["alpha-rate"]
    assert alpha["metric"] is True and alpha["not_confused_with"] == ["beta-score"]
    assert alpha["comparisons"] == ["alpha-vs-beta"]
    assert alpha["zh"]["short_name"] == "阿尔法" and alpha["en"]["short_name"] is None
    assert alpha["en"]["pronunciation"] == "letter by letter: A-R"
    assert alpha["zh"]["examples"] == ["这个季度阿尔法率跑到 112%，主要靠头部客户。"]
    assert alpha["en"]["forms"][-1] == {"text": "Alfa Rate", "kind": "avoid", "status": "avoid",
                                       "reason": "A misspelling that search will not find."}
    assert alpha["zh"]["depth"] == {"why_it_matters": "测试用的“为什么重要”。",
                                    "how_to_improve": "测试用的“如何改进”。", "owner": "客户成功负责人",
                                    "mistakes": ["把月度和年度的数字混在一起比较。", "把新客户算进留存。"]}
    [benchmark] = alpha["benchmarks"]
    assert benchmark == {
        "figure": {"zh": "中位数 101%", "en": "median 101%"},
        "segment": {"zh": "年收入 300 万至 2000 万美元的公司", "en": "companies with $3M-$20M ARR"},
        "definition": {"zh": "按 ARR 计算的净收入留存", "en": "net revenue retention on ARR"},
        "source": "Fixture Retention Benchmarks", "publisher": "Fixture Capital", "year": 2025,
        "sample": {"zh": "约 1,000 家私营 B2B SaaS 公司", "en": "about 1,000 private B2B SaaS companies"},
        "url": "https://example.org/benchmarks", "note": None, "read_at": "fixture: not a real source"}
    [comparison] = data["comparisons"]
    assert comparison["id"] == "alpha-vs-beta" and comparison["terms"] == ["alpha-rate", "beta-score"]
    assert comparison["rows"][0] == {"aspect": {"zh": "单位", "en": "Unit"},
                                     "cells": {"alpha-rate": {"zh": "百分比", "en": "Percent"},
                                               "beta-score": {"zh": "分数", "en": "Points"}}}
    assert comparison["urls"] == {"zh": "zh/compare/alpha-vs-beta/", "en": "en/compare/alpha-vs-beta/"}
    assert comparison["absolute_urls"]["en"] == f"{SITE_URL}en/compare/alpha-vs-beta/"


@pytest.mark.parametrize("lang, expected", [
    ("zh", [("阿尔法率", "fullForm", "preferredTerm-admn-sts"), ("AR", "abbreviation", "preferredTerm-admn-sts"),
            ("阿尔法", "shortForm", "preferredTerm-admn-sts"), ("甲率", "variant", "admittedTerm-admn-sts"),
            ("阿法率", "variant", "deprecatedTerm-admn-sts")]),
    ("en", [("Alpha Rate", "fullForm", "preferredTerm-admn-sts"), ("AR", "abbreviation", "preferredTerm-admn-sts"),
            ("A-rate", "variant", "admittedTerm-admn-sts"), ("Alfa Rate", "variant", "deprecatedTerm-admn-sts")]),
])
def test_tbx_carries_each_forms_administrative_status(tmp_path, lang, expected):
    glossary = load_glossary(*GLOSSARIES["fixture"])
    exports.write_exports(tmp_path, glossary, SITE_URL)
    body = tbx_root(tmp_path / "glossary.tbx").find(f"{NS}text/{NS}body")
    [concept] = [e for e in children(body, "conceptEntry") if e.get("id") == "alpha-rate"]
    [lang_sec] = [s for s in children(concept, "langSec") if s.get(XML_LANG) == lang]
    rows = []
    for term_sec in children(lang_sec, "termSec"):
        notes = {n.get("type"): n.text for n in children(term_sec, "termNote")}
        rows.append((term_sec[0].text, notes["termType"], notes["administrativeStatus"]))
    assert rows == expected
    name_sec, avoid_sec = children(lang_sec, "termSec")[0], children(lang_sec, "termSec")[-1]
    contexts = [d.text for d in children(name_sec, "descrip") if d.get("type") == "context"]
    assert contexts == list(glossary["alpha-rate"].lang(lang).examples)
    assert [n.text for n in children(avoid_sec, "note")] == [glossary["alpha-rate"].lang(lang).avoid[0].reason]


def test_json_names_ambiguous_abbreviations_and_their_pages(glossary, written):
    data = json.loads(written["glossary.json"].read_text(encoding="utf-8"))
    shared = glossary.shared_acronyms()
    assert len(shared) == 1
    assert data["acronyms"] == [{
        "abbr": a.abbr, "slug": a.slug, "term_ids": list(a.term_ids),
        "urls": {lang: f"{lang}/acronyms/{a.slug}/" for lang in LANGUAGES},
        "absolute_urls": {lang: f"{SITE_URL}{lang}/acronyms/{a.slug}/" for lang in LANGUAGES},
    } for a in shared]
    by_id = {t["id"]: t for t in data["terms"]}
    for term in glossary:
        acronym = glossary.acronym_for(term)
        disambiguation = by_id[term.id]["disambiguation"]
        if acronym is None:
            assert disambiguation is None
        else:
            assert disambiguation["abbr"] == acronym.abbr
            assert disambiguation["urls"]["zh"] == f"zh/acronyms/{acronym.slug}/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_json_crosslink_section_builds_a_working_linker(glossary, written, lang):
    from crosslink import Disambiguation, Linker, LinkTarget
    data = json.loads(written["glossary.json"].read_text(encoding="utf-8"))["crosslink"][lang]
    linker = Linker([LinkTarget(**t) for t in data["targets"]],
                    ambiguous={form: Disambiguation(**d) for form, d in data["ambiguous"].items()})
    assert sorted(linker.targets) == sorted(glossary.terms)
    for target in data["targets"]:
        term = glossary[target["term_id"]]
        assert target["name"] == term.lang(lang).name
        assert target["url"] == page(lang, term.id)
        assert target["title"] == term.lang(lang).summary
        listed = {target["name"], *target["forms"], *target["acronyms"]}
        assert term.other(lang).name in listed
        if term.abbr and glossary.acronym_for(term) is None:
            assert term.abbr in target["acronyms"]
    for acronym in glossary.shared_acronyms():
        assert data["ambiguous"][acronym.abbr]["url"] == f"{SITE_URL}{lang}/acronyms/{acronym.slug}/"
        assert not any(acronym.abbr in t["acronyms"] + t["forms"] for t in data["targets"])

    # Each term's name, HTML-escaped in a page, links to that term; the shared
    # abbreviation links to its disambiguation page.
    from html import escape
    for term in glossary:
        html = f"<p>{escape(term.lang(lang).name)}</p>"
        result = linker.link(html, page_url="elsewhere/")
        assert [link.term_id for link in result.links] == [term.id], html
    for acronym in glossary.shared_acronyms():
        result = linker.link(f"<p>see {escape(acronym.abbr)} here</p>", page_url="elsewhere/")
        assert [link.ambiguous for link in result.links] == [acronym.abbr]


def test_json_is_plain_utf8_without_html_escaping(xss, tmp_path):
    text = exports.render_json(xss, SITE_URL)
    assert "<script>alert(1)</script>" in text        # data, not markup: JSON needs no HTML escaping
    assert "\\u5" not in text                          # Chinese kept readable (ensure_ascii=False)
    assert json.loads(text)["terms"][0]["zh"]["name"] == "同名一号<!--"


# ---------------------------------------------------------------------------
# glossary.csv
# ---------------------------------------------------------------------------

def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM), "glossary.csv must start with the UTF-8 byte-order mark"
    assert not raw[3:].startswith(BOM)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == exports.CSV_COLUMNS
        return list(reader)


def unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def test_csv_round_trips_every_term(glossary, written):
    rows = read_csv(written["glossary.csv"])
    assert [r["id"] for r in rows] == list(glossary.terms)
    for row in rows:
        term = glossary[row["id"]]
        expected = {"id": term.id, "abbr": term.abbr or "",
                    "formulas": " | ".join(term.formulas), "related": " | ".join(term.related)}
        for lang in LANGUAGES:
            entry = term.lang(lang)
            expected.update({
                f"category_{lang}": glossary.categories[term.category].name(lang),
                f"name_{lang}": entry.name, f"full_name_{lang}": entry.full_name,
                f"aliases_{lang}": " | ".join(entry.aliases), f"summary_{lang}": entry.summary,
                f"url_{lang}": page(lang, term.id),
            })
        for column, value in expected.items():
            cell = row[column]
            assert unguard(cell) == value, (term.id, column)
            assert cell == (("'" + value) if value[:1] in ("=", "+", "-", "@") else value)
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (term.id, column, cell)


def test_csv_guards_formula_injection_in_the_hostile_fixture(xss, tmp_path):
    exports.write_exports(tmp_path, xss, SITE_URL)
    rows = {r["id"]: r for r in read_csv(tmp_path / "glossary.csv")}
    assert rows["xss-script"]["summary_en"].startswith("'=cmd|")
    assert rows["xss-homonym-one"]["summary_en"].startswith("'@SUM(A1)")
    assert rows["xss-homonym-two"]["summary_zh"].startswith("'-1+2")
    assert rows["xss-homonym-two"]["summary_en"].startswith("'+1 ")
    # Only the start of a cell is guarded: a later " | =…" alias is just text.
    assert rows["xss-script"]["aliases_zh"].endswith(' | =HYPERLINK("http://evil.example/","点我")')
    assert rows["xss-script"]["abbr"] == "XS<!--"


@pytest.mark.parametrize("value, cell", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), ("'quoted'", "'quoted'"), ("", ""),
    ("净收入留存率", "净收入留存率"), (" =x", " =x"),
])
def test_csv_cell_guard(value, cell):
    assert exports.csv_cell(value) == cell


def test_csv_quotes_commas_quotes_and_newlines(xss, tmp_path):
    term = xss["xss-script"]
    tricky = 'line one, "quoted"\nline two\r\nline three; 中文，逗号'
    glossary = dataclasses.replace(xss, terms={**xss.terms, term.id: dataclasses.replace(
        term, en=dataclasses.replace(term.en, summary=tricky, aliases=("a,b", 'c"d')))})
    exports.write_exports(tmp_path, glossary, SITE_URL)
    row = {r["id"]: r for r in read_csv(tmp_path / "glossary.csv")}["xss-script"]
    assert row["summary_en"] == tricky
    assert row["aliases_en"] == 'a,b | c"d'
    assert (tmp_path / "glossary.csv").read_bytes().count(b"\r\n") >= len(glossary) + 1


# ---------------------------------------------------------------------------
# glossary.tbx
# ---------------------------------------------------------------------------

def tbx_root(path: Path) -> ET.Element:
    raw = path.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(raw)


def children(element: ET.Element, tag: str) -> list[ET.Element]:
    return element.findall(NS + tag)


def test_tbx_root_and_header(glossary, written):
    root = tbx_root(written["glossary.tbx"])
    assert root.tag == NS + "tbx"
    assert root.attrib == {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"}
    assert [child.tag for child in root] == [NS + "tbxHeader", NS + "text"]
    [p] = root.findall(f"{NS}tbxHeader/{NS}fileDesc/{NS}sourceDesc/{NS}p")
    assert p.text.strip()
    assert [child.tag for child in root.find(NS + "text")] == [NS + "body"]
    for element in root.iter():
        assert element.tag.startswith(NS), f"{element.tag}: DCT/foreign elements are not TBX-Basic DCA"
        if "type" in element.attrib:
            assert element.attrib["type"]


def test_tbx_one_concept_entry_per_term_with_both_languages(glossary, written):
    body = tbx_root(written["glossary.tbx"]).find(f"{NS}text/{NS}body")
    entries = children(body, "conceptEntry")
    assert [e.get("id") for e in entries] == [exports.tbx_id(t) for t in glossary.terms]
    ids = {e.get("id") for e in entries}
    for entry in entries:
        term = glossary[entry.get("id")]
        [subject] = [d for d in children(entry, "descrip") if d.get("type") == "subjectField"]
        assert subject.text == glossary.categories[term.category].name("en")
        refs = children(entry, "ref")
        assert [r.get("target") for r in refs] == list(term.related)
        assert all(r.get("type") == "crossReference" and r.get("target") in ids for r in refs)
        lang_secs = children(entry, "langSec")
        assert [s.get(XML_LANG) for s in lang_secs] == ["zh", "en"]
        # Core structure: conceptEntry-level information first, then the language sections.
        assert list(entry)[-2:] == lang_secs
        for lang_sec in lang_secs:
            check_lang_sec(term, lang_sec.get(XML_LANG), lang_sec)


def check_lang_sec(term, lang, lang_sec):
    entry = term.lang(lang)
    [definition] = children(lang_sec, "descrip")
    assert definition.get("type") == "definition" and definition.text == entry.summary
    assert children(lang_sec, "note")[0].text == entry.definition
    term_secs = children(lang_sec, "termSec")
    assert term_secs and list(lang_sec)[-len(term_secs):] == term_secs
    found = {}
    for term_sec in term_secs:
        first = term_sec[0]
        assert first.tag == NS + "term" and first.text and first.text.strip()
        notes = {n.get("type"): n.text for n in children(term_sec, "termNote")}
        assert set(notes) <= TERM_NOTE_TYPES
        assert notes["termType"] in TERM_TYPES
        assert notes["administrativeStatus"] in STATUSES
        # termNotes come right after the term, before any auxiliary information.
        tags = [child.tag for child in term_sec]
        assert tags[1:1 + len(notes)] == [NS + "termNote"] * len(notes)
        for xref in children(term_sec, "xref"):
            assert xref.get("type") == "externalCrossReference"
            assert re.match(r"https?://.+", xref.get("target"))
        found[first.text] = notes
    assert list(found) == [f.text for f in term.forms(lang)], "each form once, name first"
    assert found[entry.name] == {"termType": "fullForm", "administrativeStatus": "preferredTerm-admn-sts"}
    main_xref = children(term_secs[0], "xref")
    assert [x.get("target") for x in main_xref] == [page(lang, term.id)]
    if term.abbr and term.abbr != entry.name:
        assert found[term.abbr]["termType"] == "abbreviation"
    for alias in entry.aliases:
        if alias not in (entry.name, entry.full_name, term.abbr):
            assert found[alias] == {"termType": "variant", "administrativeStatus": "admittedTerm-admn-sts"}
    for avoided in entry.avoid:
        assert found[avoided.form] == {"termType": "variant", "administrativeStatus": "deprecatedTerm-admn-sts"}


def test_tbx_placement_rules_of_tbx_basic(glossary, written):
    root = tbx_root(written["glossary.tbx"])
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in root.iter():
        tag = element.tag.removeprefix(NS)
        parent = parents.get(element)
        parent_tag = parent.tag.removeprefix(NS) if parent is not None else None
        if tag == "termNote":
            assert parent_tag == "termSec"
        if tag == "descrip":
            assert element.get("type") in DESCRIP_TYPES
            if element.get("type") == "subjectField":
                assert parent_tag == "conceptEntry"
            if element.get("type") == "definition":
                assert parent_tag in ("conceptEntry", "langSec")
            if element.get("type") == "context":
                assert parent_tag == "termSec"
        if tag == "ref":
            assert parent_tag in ("conceptEntry", "termSec")


def test_tbx_hostile_text_round_trips_escaped(xss, tmp_path):
    exports.write_exports(tmp_path, xss, SITE_URL)
    raw = (tmp_path / "glossary.tbx").read_bytes()
    assert b"<script" not in raw and b"<!--" not in raw and b"<b>" not in raw
    assert b"&lt;script&gt;" in raw and b"&amp;lt;b&amp;gt;" in raw
    root = ET.fromstring(raw)
    texts = {element.text for element in root.iter() if element.text}
    for term in xss:
        for lang in LANGUAGES:
            entry = term.lang(lang)
            for text in (entry.name, entry.full_name, *entry.aliases, entry.summary, entry.definition):
                assert text in texts, text


def test_tbx_drops_characters_xml_forbids_and_fixes_digit_ids(xss, tmp_path):
    term = xss["xss-script"]
    odd = dataclasses.replace(term, id="360-view", related=("xss-homonym-one",),
                              en=dataclasses.replace(term.en, summary="bell\x07 and\x00 null\x1b"))
    other = dataclasses.replace(xss["xss-homonym-one"], related=("360-view",))
    glossary = Glossary(terms={"360-view": odd, "xss-homonym-one": other,
                               "xss-homonym-two": xss["xss-homonym-two"]},
                        categories=xss.categories, seeds=xss.seeds)
    root = ET.fromstring(exports.render_tbx(glossary, SITE_URL).encode("utf-8"))
    entries = {e.get("id"): e for e in root.iter(NS + "conceptEntry")}
    assert sorted(entries) == ["t-360-view", "xss-homonym-one", "xss-homonym-two"]
    [ref] = entries["xss-homonym-one"].findall(NS + "ref")
    assert ref.get("target") == "t-360-view"
    en = entries["t-360-view"].findall(NS + "langSec")[1]
    assert en.find(NS + "descrip").text == "bell and null"


# ---------------------------------------------------------------------------
# JSON-LD
# ---------------------------------------------------------------------------

def home(lang: str) -> str:
    return f"{SITE_URL}{lang}/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_defined_term_shape(glossary, lang):
    for term in glossary:
        data = jsonld.defined_term(term, lang, page(lang, term.id), home(lang))
        entry, other = term.lang(lang), term.other(lang)
        assert data["@context"] == "https://schema.org" and data["@type"] == "DefinedTerm"
        assert data["url"] == page(lang, term.id) and data["@id"].startswith(page(lang, term.id))
        assert data["name"] == entry.name
        assert data["description"] == entry.summary
        assert data["termCode"] == term.id
        assert data["inLanguage"] == {"zh": "zh-Hans", "en": "en"}[lang]
        names = data["alternateName"]
        assert isinstance(names, list) and entry.name not in names and len(names) == len(set(names))
        assert other.name in names or other.name == entry.name
        assert all(alias in names for alias in entry.aliases if alias != entry.name)
        if term.abbr and term.abbr != entry.name:
            assert names[0] == term.abbr
        assert data["inDefinedTermSet"]["@id"] == jsonld.defined_term_set(glossary, lang, home(lang))["@id"]
        assert data["inDefinedTermSet"]["url"] == home(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_defined_term_set_shape(glossary, lang):
    data = jsonld.defined_term_set(glossary, lang, home(lang))
    assert data["@context"] == "https://schema.org" and data["@type"] == "DefinedTermSet"
    assert data["url"] == home(lang) and data["inLanguage"] == {"zh": "zh-Hans", "en": "en"}[lang]
    assert data["name"] and data["description"]
    members = data["hasDefinedTerm"]
    assert [m["termCode"] for m in members] == list(glossary.terms)
    for member in members:
        term = glossary[member["termCode"]]
        assert member["@type"] == "DefinedTerm" and member["name"] == term.lang(lang).name
        assert member["url"] == page(lang, term.id)
        # The same node as the term page's DefinedTerm.
        assert member["@id"] == jsonld.defined_term(term, lang, page(lang, term.id), home(lang))["@id"]


class _Tags(HTMLParser):
    """Records what an HTML tokenizer sees: tags, comments, declarations."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self.events.append(("end", tag))
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text += data

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_decl(self, decl):
        self.events.append(("decl", decl))

    def unknown_decl(self, data):
        self.events.append(("unknown", data))


def assert_inert(payload: str, data) -> None:
    for ch in "<>&\u2028\u2029":
        assert ch not in payload, f"raw {ch!r} in the payload"
    assert not re.search(r"</script|<!--|<!\[CDATA\[", payload, re.IGNORECASE)
    assert json.loads(payload) == data
    html = f'<head><script type="application/ld+json">{payload}</script><meta name="after"></head>'
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert parser.events == [("start", "head"), ("start", "script"), ("end", "script"),
                             ("start", "meta"), ("end", "head")]
    assert parser.script_text == payload
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(html, "html.parser")
    [script] = soup.find_all("script")
    assert json.loads(script.string) == data
    assert soup.find("meta", attrs={"name": "after"}) is not None


NASTY = [
    "</script>", "</SCRIPT >", "</script\n>", "</scrip", "<!--", "<!-- <script>", "-->",
    "<![CDATA[ x ]]>", "]]>", "<script>alert(1)</script>", "</script><script>alert(1)</script>",
    "&amp;", "&lt;b&gt;", "&#60;", "\u2028", "\u2029", "\\</script>", "\\u003c/script>",
    '"onmouseover="alert(1)', "' onfocus='x", "{{ 7*7 }}", "{% raw %}", "\x00\x1f", "😀 中文 <",
    "\\", '"', "", "<!DOCTYPE html>", "<?php ?>", "<style></style><textarea>",
]


@pytest.mark.parametrize("text", NASTY)
def test_script_tag_payload_keeps_hostile_strings_inert(text):
    data = {"name": text, text or "k": [text, {"nested": text}], "n": 1, "f": 1.5, "b": True, "z": None}
    payload = jsonld.script_tag_payload(data)
    assert_inert(payload, data)


def test_script_tag_payload_on_the_hostile_glossary(xss):
    for lang in LANGUAGES:
        set_data = jsonld.defined_term_set(xss, lang, home(lang))
        assert_inert(jsonld.script_tag_payload(set_data), set_data)
        for term in xss:
            data = jsonld.defined_term(term, lang, page(lang, term.id), home(lang))
            payload = jsonld.script_tag_payload(data)
            assert_inert(payload, data)
            assert "\\u003cscript\\u003e" in payload or "\\u003c" in payload
            assert json.loads(payload)["name"] == term.lang(lang).name


def test_script_tag_payload_keeps_chinese_readable():
    payload = jsonld.script_tag_payload({"name": "净收入留存率"})
    assert payload == '{"name":"净收入留存率"}'


def test_script_tag_payload_rejects_nan():
    with pytest.raises(ValueError):
        jsonld.script_tag_payload({"x": float("nan")})


@pytest.mark.parametrize("form, acronym", [
    ("NDR", True), ("SaaS", True), ("CS Ops", True), ("LTV:CAC", True), ("KPIs", True),
    ("LTV to CAC Ratio", False), ("Net Dollar Retention", False), ("Churn", False),
    ("CS经理", False), ("A-rate", False), ("净收入留存率", False),
])
def test_crosslink_matches_acronym_like_forms_case_sensitively(form, acronym):
    assert link_targets.looks_like_acronym(form) is acronym
