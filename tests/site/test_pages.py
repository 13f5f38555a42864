"""The real site, built once: every generated page exists in both languages
with the same slug, and shows what a reader of either language needs."""
from __future__ import annotations

import base64
import html
import hashlib
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from glossary.references import as_plain_text
from sitegen.collation import sort_key
from sitegen.downloads import human_size, load_downloads
from sitegen.rendering import ui
from tests.spec import repository_glossary

GLOSSARY = repository_glossary()
TERM_IDS = sorted(GLOSSARY.terms)
OTHER = {"zh": "en", "en": "zh"}
HTML_LANG = {"zh": "zh-Hans", "en": "en"}


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
    assert paragraphs == [as_plain_text(p, GLOSSARY, lang) for p in term.lang(lang).paragraphs]


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


# ---------------------------------------------------------------------------
# Site chrome: policy on every file, 404 pages, downloads, search index, toggles
# ---------------------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|type)=)[^>]*>(.*?)</script>", re.S)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_html_file_carries_the_policy(built_site):
    """404.html included: MkDocs renders it without on_post_page."""
    files = html_files(built_site)
    assert {"zh/404.html", "en/404.html", "index.html"} <= {f.relative_to(built_site).as_posix() for f in files}
    problems = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        match = re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">',
                          text)
        if not match:
            problems.append(f"{path.relative_to(built_site)}: no policy right after <meta charset>")
            continue
        policy = html.unescape(match[1])
        scripts = policy.split("script-src ")[1].split(";")[0].split()
        hashes = {s for s in scripts if s.startswith("'sha256-")}
        wanted = {"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
                  for body in INLINE_SCRIPT.findall(text)}
        if "default-src 'self'" not in policy or "'unsafe-inline'" in scripts or hashes != wanted:
            problems.append(f"{path.relative_to(built_site)}: {policy}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_404_page_speaks_its_language_and_offers_the_ways_on(built_site, lang):
    page = BeautifulSoup((built_site / lang / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == HTML_LANG[lang]
    assert page.h1.get_text(strip=True) == ui("not_found_title", lang)
    assert page.select_one("[data-open-search]").get_text(strip=True) == ui("not_found_search", lang)
    hrefs = {a["href"] for a in page.select(".not-found__ways a")}
    assert hrefs == {f"/{lang}/", f"/{lang}/a-z/", f"/{lang}/categories/"}
    assert page.select_one("[data-not-found-suggestions]") is not None
    assert page.select_one(f"script[src='/{lang}/assets/javascripts/not-found.js']")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_downloads_table_lists_every_file_with_size_purpose_and_tools(built_site, lang):
    page = soup(built_site, lang, "downloads")
    rows = page.select("table.downloads tbody tr")
    downloads = load_downloads()
    assert len(rows) == len(downloads) >= 4
    for row, download in zip(rows, downloads):
        cells = row.select("td")
        # get_text() without a separator: term links inside a cell add no spaces.
        assert [c.get_text().strip() for c in cells] == [download.purpose[lang], download.tools[lang]]
        if download.path:
            link = row.select_one("a[download]")
            assert (built_site / lang / "downloads" / link["href"]).resolve() == (built_site / download.path).resolve()
            size = (built_site / download.path).stat().st_size
            assert row.select_one("[data-download-size]").get_text() == human_size(size, lang)


def test_human_sizes():
    assert [human_size(n, "en") for n in (0, 1023, 1536, 405_000, 3 * 1024 ** 2)] == \
        ["0 B", "1023 B", "1.5 KB", "396 KB", "3.0 MB"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_index_shows_term_summaries_and_demotes_contributor_pages(built_site, lang):
    index = json.loads((built_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert "stemmer" not in index["config"]["pipeline"]
    for term in GLOSSARY:
        doc = docs[f"terms/{term.id}/"]
        text = html.unescape(doc["text"].replace("\u200b", ""))
        assert text.startswith("<p>" + term.lang(lang).summary), text[:80]
        for label in ("abbreviation", "category"):
            assert ui(label, lang) + (term.abbr or "") not in text
        assert f"terms/{term.id}/#{term.id}" not in docs       # the <h1> section said the same again
        if term.abbr and " " not in term.abbr:
            assert term.abbr in doc["tags"]
    for location, doc in docs.items():
        if location.startswith(("contributing/", "linking/", "quality/")):
            assert doc.get("boost", 1) < 1, location


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_theme_toggle_has_two_states_named_in_the_page_language(built_site, lang):
    page = soup(built_site, lang, "")
    labels = [label["title"] for label in page.select("form[data-md-component=palette] label")]
    assert labels == [ui("palette_to_dark", lang), ui("palette_to_light", lang)]
    medias = [i["data-md-color-media"] for i in page.select("form[data-md-component=palette] input")]
    assert medias == ["(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_progress_bar_sits_in_a_named_region(built_site, lang):
    page = soup(built_site, lang, "")
    region = page.select_one(".md-progress").find_parent(attrs={"role": "region"})
    assert region is not None and region["aria-label"] == ui("progress_region", lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_disagreement_box_is_titled_by_its_heading(built_site, lang):
    with_disagreement = [t for t in GLOSSARY if t.disagreement]
    assert with_disagreement
    for term in with_disagreement:
        page = soup(built_site, lang, f"terms/{term.id}")
        box = page.select_one(".term-disagreement")
        assert box["aria-labelledby"] == "disagreement" and box["role"] == "note"
        assert page.select_one("h2#disagreement").get_text(strip=True).startswith(ui("disagreement", lang))
