"""Hostile term text builds to inert, escaped text everywhere it appears:
term pages, indexes, disambiguation pages, tooltips and JSON-LD."""
from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.fixture_site import XSS_TERMS

HOSTILE_IDS = [path.stem for path in XSS_TERMS]
ALLOWED_SCRIPT_TYPES = {"application/json", "application/ld+json"}


@pytest.fixture(scope="module")
def hostile_site(fixture_site):
    """The real glossary plus the hostile terms, built like the real site
    (tests/fixture_site.py: one build shared with other modules' test terms)."""
    return fixture_site["site"]


def hostile_pages(site):
    for lang in ("zh", "en"):
        for term_id in HOSTILE_IDS:
            yield site / lang / "terms" / term_id / "index.html"
        yield from (site / lang / "acronyms").glob("*/index.html")
        for page in ("a-z", "categories", ""):
            yield site / lang / page / "index.html"


def test_hostile_text_injects_no_element_or_attribute(hostile_site):
    checked = 0
    for path in hostile_pages(hostile_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") in ALLOWED_SCRIPT_TYPES \
                or "alert(1)" not in script.get_text(), f"{path}: injected script"
        for element in page.find_all(True):
            for attribute, value in element.attrs.items():
                assert not attribute.startswith("on"), f"{path}: injected {attribute} on <{element.name}>"
                if attribute in ("href", "src"):
                    assert not str(value).strip().lower().startswith("javascript:"), f"{path}: {value}"
        assert not page.find("img"), f"{path}: Markdown image syntax became an image"
        checked += 1
    assert checked >= 18     # 3 hostile terms, 3 acronym pages and 3 indexes, in both languages


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_text_is_shown_literally(hostile_site, lang):
    page = BeautifulSoup((hostile_site / lang / "terms" / "xss-homonym-one" / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    text = page.select_one(".term-definition").get_text()
    if lang == "en":
        assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text and "{% raw %}" in text
        assert "&lt;b&gt;" in text        # an entity in the data stays an entity, shown as typed
        assert page.h1.get_text().startswith("Homonym One {{ 7*7 }}")
        # MkDocs prints titles unescaped; ours arrive escaped once, so they read as typed.
        assert page.title.get_text().startswith("Homonym One {{ 7*7 }} (&lt;b&gt;XH)")
    else:
        assert "[点我](javascript:alert(1))" in text and "\"onmouseover=\"alert(1)" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_ld_stays_one_inert_script(hostile_site, lang):
    html = (hostile_site / lang / "terms" / "xss-homonym-one" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    [ld] = page.find_all("script", type="application/ld+json")
    data = json.loads(ld.string)
    assert data["termCode"] == "xss-homonym-one"
    assert "</script>" not in ld.string and "<!--" not in ld.string
    assert any("</script><script>alert(1)</script>" in name for name in data["alternateName"])


def test_tooltips_carry_hostile_summaries_as_plain_attributes(hostile_site):
    links = []
    for path in sorted((hostile_site / "en").rglob("index.html")):
        links += BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a.glossary-link")
    # The site's tooltips read data-tooltip* (tooltips.js puts them in with textContent).
    titles = [a.get("data-tooltip", "") + a.get("data-tooltip-name", "") for a in links]
    assert any("onerror" in t or "<script>" in t or "{{" in t for t in titles), titles
