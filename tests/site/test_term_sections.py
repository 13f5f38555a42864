"""The second-edition sections of a term page, and the comparison pages, in
built HTML of both languages (issue 15, section 3).

The real glossary is built with the fixture's alpha-rate / beta-score added:
alpha-rate carries every new field (examples, pronunciation, short name,
forms to avoid, metric depth, a benchmark, not_confused_with, a comparison).
Its seed article gets full citation metadata in the copy, so the sources
list is checked as a reader sees it.
"""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from glossary import load_glossary
from sitegen.rendering import ui
from tests.fixture_site import SEED
from tests.spec import repository_glossary

LANGS = ["zh", "en"]


@pytest.fixture(scope="module")
def depth_site(fixture_site):
    """(the built site, its glossary): tests/fixture_site.py, one build shared
    with other modules' test terms."""
    return fixture_site["site"], load_glossary(fixture_site["glossary"])


def page(site, lang, url) -> BeautifulSoup:
    path = site / lang / url / "index.html"
    assert path.is_file(), f"missing {lang}/{url}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def section(soup, heading_id):
    """The elements between the h2 with ``heading_id`` and the next h2."""
    heading = soup.find("h2", id=heading_id)
    assert heading is not None, f"no section #{heading_id}"
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling)
    return heading, parts


def texts(elements):
    """Text as a reader sees it: term links inside add no spaces."""
    return [e.get_text("").strip() for e in elements]


@pytest.mark.parametrize("lang", LANGS)
def test_examples_pronunciation_and_short_name(depth_site, lang):
    site, glossary = depth_site
    term, soup = glossary["alpha-rate"], page(site, lang, "terms/alpha-rate")
    entry = term.lang(lang)
    heading, parts = section(soup, "examples")
    assert heading.get_text(strip=True).rstrip("¶") == ui("examples", lang)
    assert texts(soup.select(".term-examples li")) == list(entry.examples)
    facts = dict(zip(texts(soup.select(".term-facts dt")), texts(soup.select(".term-facts dd"))))
    assert facts[ui("pronunciation", lang)] == "letter by letter: A-R"     # en data, shown on both
    if entry.short_name:
        assert facts[ui("short_name", lang)] == entry.short_name
    else:
        assert ui("short_name", lang) not in facts


@pytest.mark.parametrize("lang, statuses", [
    ("zh", [("阿尔法率", "首选", ""), ("AR", "首选", ""), ("阿尔法", "首选", ""), ("甲率", "可用", ""),
            ("阿法率", "避免", "音译走样，读者搜不到。")]),
    ("en", [("Alpha Rate", "Preferred", ""), ("AR", "Preferred", ""), ("A-rate", "Acceptable", ""),
            ("Alfa Rate", "Avoid", "A misspelling that search will not find.")]),
])
def test_each_form_shows_its_status_and_the_reason_to_avoid(depth_site, lang, statuses):
    site, _ = depth_site
    soup = page(site, lang, "terms/alpha-rate")
    heading, _ = section(soup, "names")
    assert heading.get_text(strip=True).rstrip("¶") == ui("forms_title", lang)
    rows = [tuple(texts(row.find_all("td"))) for row in soup.select("table.term-forms tbody tr")]
    assert rows == statuses


@pytest.mark.parametrize("lang, headings", [
    ("zh", ["为什么重要", "怎样改进", "通常由谁负责", "常见误区"]),
    ("en", ["Why it matters", "How to improve", "Who owns it", "Common mistakes"]),
])
def test_metric_depth_sections(depth_site, lang, headings):
    site, glossary = depth_site
    depth = glossary["alpha-rate"].lang(lang).depth
    soup = page(site, lang, "terms/alpha-rate")
    found = []
    for heading_id in ("why-it-matters", "how-to-improve", "owner", "mistakes"):
        heading, parts = section(soup, heading_id)
        found.append(heading.get_text(strip=True).rstrip("¶"))
    assert found == headings
    assert texts(section(soup, "why-it-matters")[1]) == [depth.why_it_matters]
    assert texts(section(soup, "how-to-improve")[1]) == [depth.how_to_improve]
    assert texts(section(soup, "owner")[1]) == [depth.owner]
    assert texts(soup.select(".term-mistakes li")) == list(depth.mistakes)
    # A term that is not a metric has none of these sections.
    beta = page(site, lang, "terms/beta-score")
    assert not beta.find("h2", id="why-it-matters") and not beta.select(".term-mistakes")


@pytest.mark.parametrize("lang, header, row", [
    ("zh", ["数值", "适用对象", "口径", "来源与样本", "截至"],
     ["中位数 101%", "年收入 300 万至 2000 万美元的公司", "按 ARR 计算的净收入留存",
      "Fixture Retention Benchmarks，Fixture Capital样本：约 1,000 家私营 B2B SaaS 公司", "2025"]),
    ("en", ["Figure", "Companies", "Definition used", "Source and sample", "As of"],
     ["median 101%", "companies with $3M-$20M ARR", "net revenue retention on ARR",
      "Fixture Retention Benchmarks, Fixture CapitalSample: about 1,000 private B2B SaaS companies", "2025"]),
])
def test_benchmarks_table_with_source_sample_and_year(depth_site, lang, header, row):
    site, _ = depth_site
    soup = page(site, lang, "terms/alpha-rate")
    table = soup.select_one("table.term-benchmarks")
    assert texts(table.select("thead th")) == header
    [tr] = table.select("tbody tr")
    assert texts(tr.find_all("td")) == row
    assert tr.select_one(".term-benchmarks__source a")["href"] == "https://example.org/benchmarks"
    # An English title on a Chinese page is marked as English (screen readers, hyphenation).
    assert tr.select_one(".term-benchmarks__source cite").get("lang") == ("en" if lang == "zh" else None)
    scroller = table.find_parent("div", class_="term-table-scroll")
    assert scroller["tabindex"] == "0" and scroller["role"] == "region"


@pytest.mark.parametrize("lang", LANGS)
def test_not_confused_with_and_comparison_links(depth_site, lang):
    site, glossary = depth_site
    for term_id, other in (("alpha-rate", "beta-score"), ("beta-score", "alpha-rate")):
        soup = page(site, lang, f"terms/{term_id}")
        _, parts = section(soup, "not-confused-with")
        [link] = [a for part in parts for a in part.find_all("a")]
        assert link["href"] == f"../{other}/"
        assert link.get_text().startswith(glossary[other].lang(lang).name)
        _, parts = section(soup, "compare")
        [link] = [a for part in parts for a in part.find_all("a")]
        assert link["href"] == "../../compare/alpha-vs-beta/"
        assert glossary.comparisons["alpha-vs-beta"].title[lang] in link.get_text()
        assert (site / lang / "compare" / "alpha-vs-beta" / "index.html").is_file()


@pytest.mark.parametrize("lang, expected", [
    ("zh", "《客户成功经理（CSM）术语汇总》，某某公众号，2023 年 4 月"),
    ("en", "a WeChat account, April 2023"),
])
def test_source_articles_are_cited_as_a_reader_expects(depth_site, lang, expected):
    """Title, where it appeared, date, and a link; never the internal id."""
    site, glossary = depth_site
    soup = page(site, lang, "terms/alpha-rate")
    [item] = soup.select(".term-sources .term-source--article")
    text = item.get_text("", strip=True)
    assert text.startswith(glossary.seeds["002"].title(lang)) and text.endswith(expected), text
    assert item.select_one("a")["href"] == SEED["url"]
    assert item.select_one("a cite").get_text() == glossary.seeds["002"].title(lang)
    for label in ("002", "来源文章", "Source article", "seed", "种子"):
        assert label not in text.replace(glossary.seeds["002"].title(lang), "")
    # A title is quoted as published: no term links inside it ("客户成功经理" in the CSM roundup).
    assert not soup.select(".term-sources a.glossary-link")


@pytest.mark.parametrize("lang", LANGS)
def test_comparison_page_is_a_side_by_side_table(depth_site, lang):
    site, glossary = depth_site
    comparison = glossary.comparisons["alpha-vs-beta"]
    soup = page(site, lang, "compare/alpha-vs-beta")
    assert soup.h1.get_text(strip=True) == comparison.title[lang]
    assert soup.title.get_text().startswith(comparison.title[lang])
    table = soup.select_one("table.comparison-table")
    headers = table.select("thead th")
    assert texts(headers[:1]) == [ui("comparison_aspect", lang)]
    assert [a["href"] for a in table.select("thead th a")] == \
        [f"../../terms/{t}/" for t in comparison.terms]
    rows = [texts(tr.find_all(["th", "td"])) for tr in table.select("tbody tr")]
    assert rows == [[row.aspect[lang], *(row.cells[t][lang] for t in comparison.terms)]
                    for row in comparison.rows]
    assert comparison.takeaway[lang] in soup.select_one(".comparison-takeaway").get_text()
    assert soup.select_one(".comparison-intro").get_text(strip=True) == comparison.intro[lang]
    index = page(site, lang, "compare")
    assert "alpha-vs-beta/" in [a["href"] for a in index.select(".comparisons-list a")]


# ---------------------------------------------------------------------------
# The real comparisons, on the one shared build
# ---------------------------------------------------------------------------

REAL = repository_glossary()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("comparison_id", sorted(REAL.comparisons))
def test_every_comparison_is_built_and_linked_from_each_of_its_terms(built_site, lang, comparison_id):
    comparison = REAL.comparisons[comparison_id]
    soup = page(built_site, lang, f"compare/{comparison_id}")
    assert soup.h1.get_text(strip=True) == comparison.title[lang]
    cells = soup.select("table.comparison-table tbody tr")
    assert len(cells) == len(comparison.rows)
    for term_id in comparison.terms:
        term_page = page(built_site, lang, f"terms/{term_id}")
        hrefs = [a["href"] for a in term_page.select(".term-comparisons a")]
        assert f"../../compare/{comparison_id}/" in hrefs, f"{term_id} does not link {comparison_id}"
    index = page(built_site, lang, "compare")
    assert f"{comparison_id}/" in [a["href"] for a in index.select(".comparisons-list a")]


def test_the_eight_comparisons_of_issue_15_exist():
    expected = {"nrr-vs-grr": ["nrr", "grr"], "csat-vs-nps-vs-ces": ["csat", "nps", "ces"],
                "arr-vs-acv-vs-tcv": ["arr", "acv", "tcv"], "smb-vs-sme": ["smb", "small-medium-enterprise"],
                "lifecycle-vs-journey": ["lifecycle-stages", "customer-journey"],
                "renewal-rate-vs-retention-rate": ["renewal-rate", "crr"],
                "customer-churn-vs-revenue-churn": ["churn-rate", "revenue-churn-rate"],
                # needs glossary/terms/account-manager.yml (content writers, inventory "added")
                "csm-vs-am-vs-support": ["csm", "account-manager", "customer-support"]}
    assert {c.id: list(c.terms) for c in REAL.comparisons.values()} == expected
