"""The real site, built once: every generated page exists in both languages
with the same slug, and shows what a reader of either language needs."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from glossary import load_glossary
from glossary.checks import REFERENCE
from sitegen.collation import sort_key

GLOSSARY = load_glossary()
TERM_IDS = sorted(GLOSSARY.terms)
OTHER = {"zh": "en", "en": "zh"}
HTML_LANG = {"zh": "zh-Hans", "en": "en"}


def as_read(text: str, lang: str) -> str:
    """A definition as the page reads it: [[text|id]] shows its text, [[id]] the term's name."""
    def link_text(match) -> str:
        label, _, target = match.group(1).rpartition("|")
        return label.strip() if label else GLOSSARY[target.strip()].lang(lang).name
    return REFERENCE.sub(link_text, text)


def soup(site: Path, lang: str, url: str) -> BeautifulSoup:
    path = site / lang / url / "index.html"
    assert path.is_file(), f"missing page {lang}/{url}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("term_id", TERM_IDS)
def test_term_page_in_both_languages(built_site, lang, term_id):
    term = GLOSSARY[term_id]
    page = soup(built_site, lang, f"terms/{term_id}")
    assert page.html["lang"] == HTML_LANG[lang]
    assert page.h1.get_text(" ", strip=True).startswith(term.lang(lang).name)
    counterpart = page.select_one(".term-counterpart [lang]")
    assert counterpart.get_text() == term.other(lang).name
    assert page.select_one(".term-summary").get_text() == term.lang(lang).summary
    paragraphs = [p.get_text() for p in page.select(".term-definition p")]
    assert paragraphs == [as_read(p, lang) for p in term.lang(lang).paragraphs]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("url", ["", "a-z", "categories", "terms/nrr", "concepts",
                                 "contributing/architecture"])
def test_language_switch_points_at_the_same_page(built_site, lang, url):
    page = soup(built_site, lang, url)
    other = OTHER[lang]
    link = page.select_one(f"a[data-lang-switch={other}]")
    target = (built_site / lang / url / link["href"]).resolve()
    assert target == (built_site / other / url).resolve()
    assert (target / "index.html").is_file()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_to_z_lists_every_term_in_collation_order(built_site, lang):
    page = soup(built_site, lang, "a-z")
    links = [a["href"] for a in page.select(".az-list > li > a")]
    expected = sorted(GLOSSARY, key=lambda t: sort_key(t.lang(lang).name, lang))
    assert links == [f"../terms/{t.id}/" for t in expected]
    letters = [h.get_text() for h in page.select("h2[id^=letter-]")]
    assert letters == sorted(set(letters), key=lambda l: (l != "#", l))


def test_chinese_a_to_z_follows_pinyin(built_site):
    page = soup(built_site, "zh", "a-z")
    names = [a.get_text() for a in page.select(".az-list > li > a")]
    # 净 (jing) before 客 (ke) before 总 (zong).
    assert names.index("净收入留存率（NRR）") < names.index("客户流失率") < names.index("总收入留存率（GRR）")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_category_index_holds_every_term_once(built_site, lang):
    page = soup(built_site, lang, "categories")
    hrefs = [a["href"] for a in page.select(".category-list > li > a")]
    assert sorted(hrefs) == sorted(f"../terms/{t}/" for t in TERM_IDS)
    for category in GLOSSARY.categories.values():
        if GLOSSARY.in_category(category.id):
            assert page.select_one(f"h2#{category.id}").get_text().startswith(category.name(lang))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_acronym_pages_list_every_meaning(built_site, lang):
    acronyms = GLOSSARY.shared_acronyms()
    assert {a.abbr for a in acronyms} >= {"SME", "CSM"}
    for acronym in acronyms:
        page = soup(built_site, lang, f"acronyms/{acronym.slug}")
        hrefs = {a["href"] for a in page.select(".acronym-meanings > li > strong > a")}
        assert hrefs == {f"../../terms/{t}/" for t in acronym.term_ids}
        for term_id in acronym.term_ids:
            term_page = soup(built_site, lang, f"terms/{term_id}")
            assert term_page.select_one(f".term-homonyms a[href='../../acronyms/{acronym.slug}/']")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_page_links_the_entry_points(built_site, lang):
    page = soup(built_site, lang, "")
    hrefs = {a["href"] for a in page.select(".home-cards a")}
    assert {"concepts/", "a-z/", "categories/"} <= hrefs
    assert str(len(GLOSSARY)) in page.select_one(".home-stats").get_text()


def test_root_landing_page_offers_both_languages(built_site):
    page = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {a["href"] for a in page.select(".choices a")} == {"zh/", "en/"}
    assert (built_site / "landing.js").is_file()


def test_same_slugs_in_both_trees(built_site):
    def pages(lang):
        root = built_site / lang
        return {p.relative_to(root) for p in root.rglob("index.html")}
    assert pages("zh") == pages("en")
