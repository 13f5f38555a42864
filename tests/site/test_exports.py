"""The real site's data exports and structured data: glossary.json, glossary.csv
and glossary.tbx at the site root hold every inventory term in both languages;
every term page embeds its schema.org DefinedTerm and each language's home page
the DefinedTermSet (JSON-LD in <script type="application/ld+json">)."""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.spec import load_inventory

REPO = Path(__file__).resolve().parent.parent.parent
INVENTORY = load_inventory()
INVENTORY_IDS = [item["id"] for item in INVENTORY]
LANGS = ("zh", "en")
IN_LANGUAGE = {"zh": "zh-Hans", "en": "en"}
NS = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def exported(built_site) -> dict:
    """The three exports, parsed: json (by term id), csv (by id), tbx (conceptEntry by id)."""
    for name in ("glossary.json", "glossary.csv", "glossary.tbx"):
        assert (built_site / name).is_file(), f"{name} missing at the site root"
    data = json.loads((built_site / "glossary.json").read_text(encoding="utf-8"))
    raw_csv = (built_site / "glossary.csv").read_bytes()
    assert raw_csv.startswith(b"\xef\xbb\xbf"), "glossary.csv must start with a UTF-8 BOM"
    with open(built_site / "glossary.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    root = ET.parse(built_site / "glossary.tbx").getroot()
    assert root.tag == NS + "tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    return {
        "data": data,
        "json": {t["id"]: t for t in data["terms"]},
        "csv": {r["id"]: r for r in rows},
        "tbx": {e.get("id"): e for e in root.iter(NS + "conceptEntry")},
    }


@lru_cache(maxsize=None)
def json_ld(path: Path) -> list[dict]:
    """Every JSON-LD block of a page, parsed; asserts each is inert (no raw '<')."""
    assert path.is_file(), f"missing page {path}"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    blocks = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        text = script.string or ""
        assert "<" not in text, f"raw '<' in the JSON-LD of {path}"
        blocks.append(json.loads(text))
    return blocks


def unguard(cell: str) -> str:
    """A CSV cell without the apostrophe that guards against formula injection."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def of_type(blocks: list[dict], kind: str) -> list[dict]:
    return [b for b in blocks if b.get("@type") == kind]


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------

def test_json_header_and_acronym_pages(built_site, exported, site_port):
    data = exported["data"]
    assert data["version"] == 1 and data["languages"] == ["zh", "en"]
    assert data["site_url"].rstrip("/") == f"http://127.0.0.1:{site_port}"
    for acronym in data["acronyms"]:
        assert len(acronym["term_ids"]) > 1
        for lang in LANGS:
            assert (built_site / acronym["urls"][lang] / "index.html").is_file(), acronym["urls"][lang]
            assert acronym["absolute_urls"][lang] == data["site_url"].rstrip("/") + "/" + acronym["urls"][lang]


@pytest.mark.parametrize("term_id", INVENTORY_IDS)
def test_inventory_term_in_glossary_json(built_site, exported, term_id):
    record = exported["json"].get(term_id)
    assert record is not None, f"{term_id} missing from glossary.json"
    assert record["anchor"] == term_id
    for lang in LANGS:
        entry = record[lang]
        assert entry["name"].strip() and entry["summary"].strip() and entry["definition"].strip()
        assert isinstance(entry["aliases"], list)
        assert record["urls"][lang] == f"{lang}/terms/{term_id}/"
        assert (built_site / record["urls"][lang] / "index.html").is_file()
        assert record["absolute_urls"][lang].endswith(f"/{lang}/terms/{term_id}/")
    for target_lang in LANGS:
        targets = {t["term_id"]: t for t in exported["data"]["crosslink"][target_lang]["targets"]}
        assert targets[term_id]["name"] == record[target_lang]["name"]


@pytest.mark.parametrize("term_id", INVENTORY_IDS)
def test_inventory_term_in_glossary_csv(exported, term_id):
    row = exported["csv"].get(term_id)
    assert row is not None, f"{term_id} missing from glossary.csv"
    record = exported["json"][term_id]
    for lang in LANGS:
        assert unguard(row[f"name_{lang}"]) == record[lang]["name"]
        assert unguard(row[f"summary_{lang}"]) == record[lang]["summary"]
        assert row[f"url_{lang}"] == record["absolute_urls"][lang]
    assert unguard(row["abbr"]) == (record["abbr"] or "")


@pytest.mark.parametrize("term_id", INVENTORY_IDS)
def test_inventory_term_in_glossary_tbx(exported, term_id):
    entry = exported["tbx"].get(term_id) or exported["tbx"].get(f"t-{term_id}")
    assert entry is not None, f"{term_id} missing from glossary.tbx"
    record = exported["json"][term_id]
    lang_secs = {sec.get(XML_LANG): sec for sec in entry.findall(NS + "langSec")}
    assert sorted(lang_secs) == ["en", "zh"]
    for lang, sec in lang_secs.items():
        terms = [t.text for t in sec.findall(f"{NS}termSec/{NS}term")]
        assert terms and terms[0] == record[lang]["name"]
        if record["abbr"]:
            assert record["abbr"] in terms


# ---------------------------------------------------------------------------
# JSON-LD in the pages
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("term_id", INVENTORY_IDS)
def test_term_page_embeds_its_defined_term(built_site, exported, lang, term_id):
    [term] = of_type(json_ld(built_site / lang / "terms" / term_id / "index.html"), "DefinedTerm")
    record = exported["json"][term_id]
    assert term["termCode"] == term_id
    assert term["name"] == record[lang]["name"]
    assert term["description"] == record[lang]["summary"]
    assert term["inLanguage"] == IN_LANGUAGE[lang]
    assert term["url"] == record["absolute_urls"][lang]
    assert term["inDefinedTermSet"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_term_page_embeds_a_defined_term(built_site, exported, lang):
    for term_id, record in exported["json"].items():
        [term] = of_type(json_ld(built_site / lang / "terms" / term_id / "index.html"), "DefinedTerm")
        assert term["termCode"] == term_id and term["name"] == record[lang]["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_embeds_the_defined_term_set(built_site, exported, lang):
    [term_set] = of_type(json_ld(built_site / lang / "index.html"), "DefinedTermSet")
    assert term_set["inLanguage"] == IN_LANGUAGE[lang]
    members = {m["termCode"]: m for m in term_set["hasDefinedTerm"]}
    assert set(members) == set(exported["json"])
    assert set(INVENTORY_IDS) <= set(members)
    for term_id, member in members.items():
        assert member["name"] == exported["json"][term_id][lang]["name"]
        assert member["url"] == exported["json"][term_id]["absolute_urls"][lang]
    # Each term page's DefinedTerm points back at this set.
    some = next(iter(members))
    [term] = of_type(json_ld(built_site / lang / "terms" / some / "index.html"), "DefinedTerm")
    assert term["inDefinedTermSet"]["@id"] == term_set["@id"]
