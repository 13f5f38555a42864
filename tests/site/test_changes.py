"""The change log (glossary/changelog.yml): validated against the glossary,
shown on each language's Changes page and published as an Atom feed."""
from __future__ import annotations

import datetime as dt
import subprocess
import xml.etree.ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from glossary import load_glossary
from glossary.changelog import ChangelogError, load_changelog
from tests.conftest import REPO

ATOM = "{http://www.w3.org/2005/Atom}"
LANGS = ("zh", "en")
LOG = yaml.safe_load((REPO / "glossary" / "changelog.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_changes_page_lists_every_entry_newest_first(built_site, lang):
    soup = BeautifulSoup((built_site / lang / "changes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = soup.select(".changes-list li")
    assert len(items) == len(LOG)
    days = [dt.date.fromisoformat(t["datetime"]) for t in soup.select(".changes-day h2 time")]
    assert days == sorted(days, reverse=True)
    for item in items:
        href = item.select_one("a")["href"]
        assert (built_site / lang / "changes" / href / "index.html").resolve().is_file(), href


@pytest.mark.parametrize("lang", LANGS)
def test_the_feed_is_atom_with_one_entry_per_change(built_site, lang):
    root = ET.parse(built_site / lang / "changes.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(LOG)
    for entry in entries:
        for tag in ("title", "id", "updated", "summary"):
            assert (entry.findtext(f"{ATOM}{tag}") or "").strip(), tag
        href = entry.find(f"{ATOM}link").get("href")
        path = href.split(f"/{lang}/", 1)[1]
        assert (built_site / lang / path / "index.html").is_file(), href
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_offers_the_feed(built_site, lang):
    html = (built_site / lang / "changes" / "index.html").read_text(encoding="utf-8")
    assert 'href="../changes.xml"' in html


BAD_LOGS = [
    # (what, the log, the words of the problem)
    ("unknown term", [{"date": "2026-12-01", "term": "no-such", "change": "added", "note": {"zh": "新", "en": "New"}}], "[0].term: unknown term id 'no-such'"),
    ("bad date", [{"date": "1 Dec", "term": "alpha-rate", "change": "added", "note": {"zh": "新", "en": "New"}}], "[0].date: must be a date"),
    ("bad kind", [{"date": "2026-12-01", "term": "alpha-rate", "change": "deleted", "note": {"zh": "新", "en": "New"}}], "[0].change: must be one of"),
    ("one language", [{"date": "2026-12-01", "term": "alpha-rate", "change": "added", "note": {"en": "New"}}], "[0].note: needs a non-empty zh and en"),
    ("not a list", {"date": "2026-12-01"}, "must be a list"),
    ("unknown field", [{"date": "2026-12-01", "term": "alpha-rate", "change": "added", "note": {"zh": "新", "en": "New"}, "by": "me"}], "[0].by: unknown field"),
]


@pytest.mark.parametrize("log, words", [b[1:] for b in BAD_LOGS], ids=[b[0] for b in BAD_LOGS])
def test_a_bad_log_names_the_file_and_the_field(fixture_glossary, log, words):
    (fixture_glossary / "changelog.yml").write_text(yaml.safe_dump(log, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ChangelogError) as error:
        load_changelog(fixture_glossary, load_glossary(fixture_glossary).terms)
    assert "glossary/changelog.yml: " in str(error.value) and words in str(error.value)


def test_the_log_needs_no_git_history(tmp_path):
    """A shallow clone (one commit, no history) has the whole log."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{REPO}", str(clone)], check=True)
    glossary = load_glossary(clone / "glossary")
    assert len(load_changelog(clone / "glossary", glossary.terms)) == len(
        yaml.safe_load((clone / "glossary" / "changelog.yml").read_text(encoding="utf-8")))
