"""What other teams' tools read from the built site: Sphinx inventories that a
real Sphinx resolves, the per-term JSON API and its JSON Schema, SKOS parsed
into RDF triples, and the OmegaT and Trados files."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO

LANGS = ("zh", "en")
SPHINX_FIXTURE = REPO / "tests" / "fixtures" / "sphinx-project"
PUBLISHED = "https://glossary.example.com/"


@pytest.fixture(scope="module")
def glossary_json(built_site):
    return json.loads((built_site / "glossary.json").read_text(encoding="utf-8"))


# -- Sphinx inventories --------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_objects_inv_lists_every_term_and_homonym_page(built_site, glossary_json, lang):
    from sphinx.util.inventory import InventoryFile
    path = built_site / lang / "objects.inv"
    assert path.read_bytes().startswith(b"# Sphinx inventory version 2\n")
    inventory = InventoryFile.loads(path.read_bytes(), uri=f"{PUBLISHED}{lang}/")
    terms = inventory.data["std:term"] if hasattr(inventory, "data") else inventory["std:term"]
    for term in glossary_json["terms"]:
        item = terms[term["id"]]
        uri = item.uri if hasattr(item, "uri") else item[2]
        display = item.display_name if hasattr(item, "display_name") else item[3]
        assert uri == f"{PUBLISHED}{lang}/terms/{term['id']}/"
        assert display == term[lang]["name"]
        # Names Sphinx cannot read back ("Rule of 40") are listed by id only.
        name = term[lang]["name"].lower()
        if not any(word.isdigit() for word in name.split()[1:]):
            assert name in terms, name
    labels = inventory.data["std:label"] if hasattr(inventory, "data") else inventory["std:label"]
    assert {f"acronym-{a['slug']}" for a in glossary_json["acronyms"]} <= set(labels)


def sphinx_build(tmp_path, built_site, source_text=None):
    project = tmp_path / "docs"
    shutil.copytree(SPHINX_FIXTURE, project)
    if source_text is not None:
        (project / "index.rst").write_text(source_text, encoding="utf-8")
    out = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(project), str(out)],
        capture_output=True, text=True,
        env=dict(os.environ, CS_GLOSSARY_URL=f"{PUBLISHED}en/",
                 CS_GLOSSARY_INV=str(built_site / "en" / "objects.inv")))
    return result, out


def test_real_sphinx_resolves_our_terms_with_warnings_as_errors(tmp_path, built_site):
    result, out = sphinx_build(tmp_path, built_site)
    assert result.returncode == 0, result.stdout + result.stderr
    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {a.get_text(): a["href"] for a in soup.select("a.reference.external")}
    assert hrefs["Net Revenue Retention"] == f"{PUBLISHED}en/terms/nrr/"
    assert hrefs["Gross Revenue Retention"] == f"{PUBLISHED}en/terms/grr/"
    assert hrefs["CSM"] == f"{PUBLISHED}en/acronyms/csm/"


def test_real_sphinx_fails_on_a_term_we_do_not_have(tmp_path, built_site):
    result, _ = sphinx_build(tmp_path, built_site, "Title\n=====\n\nSee :term:`cs:no-such-term`.\n")
    assert result.returncode != 0
    assert "no-such-term" in result.stdout + result.stderr


# -- per-term JSON and the schema ----------------------------------------------

def test_each_term_file_is_its_glossary_json_entry(built_site, glossary_json):
    for entry in glossary_json["terms"]:
        path = built_site / "api" / "v1" / "terms" / f"{entry['id']}.json"
        assert json.loads(path.read_text(encoding="utf-8")) == entry
    assert len(list((built_site / "api" / "v1" / "terms").glob("*.json"))) == len(glossary_json["terms"])


def test_glossary_json_and_every_term_file_validate_against_the_published_schema(built_site, glossary_json):
    from jsonschema import Draft202012Validator
    schema = json.loads((built_site / "api" / "v1" / "glossary.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    errors = [e.message for e in validator.iter_errors(glossary_json)]
    assert errors == []
    assert glossary_json["format_version"] == 1
    term_validator = Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/term"})
    for path in sorted((built_site / "api" / "v1" / "terms").glob("*.json")):
        term_errors = [e.message for e in term_validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
        assert term_errors == [], path.name
    # The schema is not vacuous: a broken entry fails it.
    broken = json.loads(json.dumps(glossary_json))
    del broken["terms"][0]["en"]["summary"]
    assert not validator.is_valid(broken)


# -- SKOS ----------------------------------------------------------------------

def test_skos_parses_into_triples_with_one_pref_label_per_language(built_site, glossary_json):
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF
    skos = Namespace("http://www.w3.org/2004/02/skos/core#")
    graph = Graph()
    graph.parse(data=(built_site / "glossary.skos.jsonld").read_text(encoding="utf-8"), format="json-ld")
    concepts = set(graph.subjects(RDF.type, skos.Concept))
    assert len(concepts) == len(glossary_json["terms"])
    for concept in concepts:
        labels = Counter(label.language for label in graph.objects(concept, skos.prefLabel))
        assert labels == Counter({"zh-hans": 1, "en": 1}) or labels == Counter({"zh-Hans": 1, "en": 1}), concept
        definitions = Counter(d.language for d in graph.objects(concept, skos.definition))
        assert sum(definitions.values()) == 2
    nrr = next(c for c in concepts if str(c).endswith("#nrr"))
    alt = {str(label) for label in graph.objects(nrr, skos.altLabel)}
    assert {"NRR", "NDR"} <= alt
    assert len(set(graph.subjects(RDF.type, skos.ConceptScheme))) == 1


# -- translators ---------------------------------------------------------------

@pytest.mark.parametrize("source, target", [("zh", "en"), ("en", "zh")])
def test_omegat_glossary_maps_every_source_form_to_the_preferred_target(built_site, glossary_json, source, target):
    text = (built_site / "omegat" / f"glossary-{source}-{target}.txt").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()]
    assert all(len(row) == 3 and all(cell.strip() for cell in row) for row in rows)
    pairs = {(row[0], row[1]) for row in rows}
    for term in glossary_json["terms"]:
        assert (term[source]["name"], term[target]["name"]) in pairs
        for alias in term[source]["aliases"]:
            assert (alias, term[target]["name"]) in pairs


def test_trados_csv_has_one_row_per_term_with_synonyms_joined_by_bars(built_site, glossary_json):
    raw = (built_site / "glossary-trados.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(glossary_json["terms"])
    by_id = {row["Term ID"]: row for row in rows}
    nrr = next(t for t in glossary_json["terms"] if t["id"] == "nrr")
    zh, en = by_id["nrr"]["Chinese (PRC)"].split("|"), by_id["nrr"]["English (United States)"].split("|")
    assert zh[0] == nrr["zh"]["name"] and en[0] == nrr["en"]["name"]
    assert "NDR" in en and "NRR" in en
