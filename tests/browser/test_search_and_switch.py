"""Real Chromium on the real built site: Material search finds a term by its
Chinese name, English name, abbreviation and alias in both trees, ranks it
first and shows its summary; the language switch lands on the same page and
calculator state, also after instant navigation; and the chrome around the
pages (landing page, theme toggle, 404 page, home cards, downloads) does
what a reader expects."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.spec import repository_glossary
from sitegen.rendering import ui

GLOSSARY = repository_glossary()
pytestmark = pytest.mark.browser

SEARCHES = [
    # (tree, query, term page that must be among the results)
    ("zh", "净收入留存率", "terms/nrr/"),
    ("zh", "Net Revenue Retention", "terms/nrr/"),
    ("zh", "NRR", "terms/nrr/"),
    ("zh", "净美元留存率", "terms/nrr/"),
    ("zh", "NDR", "terms/nrr/"),
    ("zh", "净推荐值", "terms/nps/"),
    ("zh", "留存率", "terms/nrr/"),
    ("en", "Net Revenue Retention", "terms/nrr/"),
    ("en", "净收入留存率", "terms/nrr/"),
    ("en", "NRR", "terms/nrr/"),
    ("en", "Net Dollar Retention", "terms/nrr/"),
    ("en", "promoter", "terms/nps/"),
]


def search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    page.keyboard.press("End")    # Material reacts to key events, not to fill() alone
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    return page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize("tree, query, expected", SEARCHES, ids=[f"{s[0]}-{s[1]}" for s in SEARCHES])
def test_search_finds_term(page, site_url, tree, query, expected):
    page.goto(f"{site_url}{tree}/")
    hrefs = search(page, query)
    assert any(href.split("#")[0].split("?")[0] == f"{site_url}{tree}/{expected}" for href in hrefs), hrefs


@pytest.mark.parametrize("tree, other", [("zh", "en"), ("en", "zh")])
def test_switch_lands_on_same_page_after_instant_navigation(page, site_url, tree, other):
    page.goto(f"{site_url}{tree}/")
    # Instant navigation: the header (and its language switch) is not reloaded.
    page.click(".home-cards a[href$='a-z/']")
    page.wait_for_url(f"{site_url}{tree}/a-z/")
    page.click(".az-list a[href$='terms/nrr/']")
    page.wait_for_url(f"{site_url}{tree}/terms/nrr/")
    page.locator(".md-header .md-select").first.hover()
    page.click(f"a[data-lang-switch={other}]")
    page.wait_for_url(f"{site_url}{other}/terms/nrr/")
    assert page.locator("html").get_attribute("lang") == ("en" if other == "en" else "zh-Hans")


def test_root_redirects_by_browser_language(browser, site_url):
    for locale, tree in [("zh-CN", "zh"), ("en-GB", "en"), ("fr-FR", "en")]:
        context = browser.new_context(locale=locale)
        page = context.new_page()
        page.goto(site_url)
        page.wait_for_url(f"{site_url}{tree}/")
        context.close()


# ---------------------------------------------------------------------------
# Ranking: a term query puts its term first, and no contributor page above a term
# ---------------------------------------------------------------------------

FIRST_RESULTS = [
    # (tree, query, the page that must come first)
    ("zh", "NRR", "terms/nrr/"),
    ("zh", "GRR", "terms/grr/"),
    ("zh", "NPS", "terms/nps/"),
    ("zh", "SaaS", "terms/saas/"),
    ("zh", "churn", "terms/churn/"),
    ("zh", "CSM", "terms/csm/"),
    ("zh", "净收入留存率", "terms/nrr/"),
    ("zh", "health score", "terms/health-score/"),
    ("en", "NRR", "terms/nrr/"),
    ("en", "GRR", "terms/grr/"),
    ("en", "NPS", "terms/nps/"),
    ("en", "SaaS", "terms/saas/"),
    ("en", "churn", "terms/churn/"),
    ("en", "CSM", "terms/csm/"),
    ("en", "Net Revenue Retention", "terms/nrr/"),
    ("en", "health score", "terms/health-score/"),
    ("en", "净收入留存率", "terms/nrr/"),
]
# Broad words: the first result must be a term whose name holds the word.
BROAD = [("zh", "留存"), ("zh", "流失"), ("en", "留存"), ("en", "retention"), ("en", "renewal")]
CONTRIBUTOR_PAGES = ("contributing/", "linking/", "quality/")


def result_pages(page, site_url, tree) -> list[str]:
    """The pages of the results, best first (one per page, sections folded in)."""
    links = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "els => els.map(e => e.href)")
    return [href.split("?")[0].split("#")[0].removeprefix(f"{site_url}{tree}/") for href in links]


def assert_terms_before_contributor_pages(pages):
    kinds = ["contributor" if p.startswith(CONTRIBUTOR_PAGES) else "term" if p.startswith("terms/") else "other"
             for p in pages]
    if "contributor" in kinds and "term" in kinds:
        last_term = max(i for i, k in enumerate(kinds) if k == "term")
        assert kinds.index("contributor") > last_term, pages


@pytest.mark.parametrize("tree, query, expected", FIRST_RESULTS, ids=[f"{t}-{q}" for t, q, _ in FIRST_RESULTS])
def test_term_query_puts_its_term_first(page, site_url, tree, query, expected):
    page.goto(f"{site_url}{tree}/")
    search(page, query)
    pages = result_pages(page, site_url, tree)
    assert pages[0] == expected, pages[:5]
    assert_terms_before_contributor_pages(pages)


@pytest.mark.parametrize("tree, query", BROAD, ids=[f"{t}-{q}" for t, q in BROAD])
def test_broad_query_starts_with_a_term_named_by_it(page, site_url, tree, query):
    page.goto(f"{site_url}{tree}/")
    search(page, query)
    pages = result_pages(page, site_url, tree)
    assert pages[0].startswith("terms/"), pages[:5]
    first = page.locator(".md-search-result__item").first.locator("h1").inner_text()
    name_language = "zh" if any("\u4e00" <= c <= "\u9fff" for c in query) else "en"
    term = GLOSSARY[pages[0].removeprefix("terms/").rstrip("/")]
    assert query.lower() in (term.lang(name_language).name + term.lang(name_language).full_name).lower(), first
    assert_terms_before_contributor_pages(pages)


@pytest.mark.parametrize("tree", ["zh", "en"])
def test_term_result_shows_the_summary_not_the_facts_table(page, site_url, tree):
    page.goto(f"{site_url}{tree}/")
    search(page, "NRR")
    first = page.locator(".md-search-result__item").first
    text = first.inner_text().replace("\u200b", "")
    assert GLOSSARY["nrr"].lang(tree).summary[:20] in text
    assert {"zh": "类别", "en": "Category"}[tree] not in text
    assert not first.locator(".md-tags").is_visible()


# ---------------------------------------------------------------------------
# Language switch keeps the calculator's state; the landing page remembers
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("tree, other", [("en", "zh"), ("zh", "en")])
def test_switch_keeps_query_string_and_fragment(page, site_url, tree, other):
    page.goto(f"{site_url}{tree}/terms/nrr/?nrr.start_mrr=5000#calc-nrr")
    page.locator(".md-header .md-select").first.hover()
    page.click(f"a[data-lang-switch={other}]")
    page.wait_for_url(f"{site_url}{other}/terms/nrr/?nrr.start_mrr=5000#calc-nrr")
    assert page.locator("#calc-nrr [name=start_mrr]").input_value() == "5000"


def test_switch_follows_inputs_typed_after_the_page_loaded(page, site_url):
    page.goto(f"{site_url}en/terms/nrr/")
    page.locator("#calc-nrr [name=start_mrr]").fill("7000")
    page.wait_for_url("**nrr.start_mrr=7000**")
    page.locator(".md-header .md-select").first.hover()
    page.click("a[data-lang-switch=zh]")
    page.wait_for_url(f"{site_url}zh/terms/nrr/?**")
    assert page.locator("#calc-nrr [name=start_mrr]").input_value() == "7000"


def test_landing_page_remembers_the_last_choice(browser, site_url):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(f"{site_url}?choose")
    page.click("a[data-lang=zh]")
    page.wait_for_url(f"{site_url}zh/")
    page.goto(site_url)
    page.wait_for_url(f"{site_url}zh/")          # not en/, though the browser asks for English
    page.locator(".md-header .md-select").first.hover()
    page.click("a[data-lang-switch=en]")           # a choice made in the site counts too
    page.wait_for_url(f"{site_url}en/")
    page.goto(site_url)
    page.wait_for_url(f"{site_url}en/")
    context.close()


@pytest.mark.parametrize("locale, note", [("zh-TW", True), ("zh-HK", True), ("zh-CN", False), ("en-US", False)])
def test_traditional_chinese_readers_get_zh_with_a_note(browser, site_url, locale, note):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_url(f"{site_url}{'en' if locale == 'en-US' else 'zh'}/")
    banner = page.locator("[data-script-note]")
    if note:
        expect(banner).to_be_visible()
        assert "簡體中文" in banner.inner_text()
        banner.locator("button").click()
        expect(banner).to_be_hidden()
        page.reload()
        expect(banner).to_be_hidden()               # dismissed for good
    else:
        assert banner.count() == 0 or not banner.is_visible()
        assert page.locator(".md-banner").count() == 0 or not page.locator(".md-banner").is_visible()
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_landing_choices_are_the_same_size(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}?choose")
    zh, en = (page.locator(f"a[data-lang={lang}]").bounding_box() for lang in ("zh", "en"))
    assert abs(zh["width"] - en["width"]) < 0.5 and abs(zh["height"] - en["height"]) < 0.5, (zh, en)
    context.close()


# ---------------------------------------------------------------------------
# Theme toggle, 404 page, home cards, downloads
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("tree", ["zh", "en"])
def test_every_theme_toggle_click_changes_the_scheme(browser, site_url, tree, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}{tree}/")
    body = page.locator("body")
    seen = [body.get_attribute("data-md-color-scheme")]
    assert seen[0] == {"light": "default", "dark": "slate"}[scheme]
    for _ in range(3):
        toggle = page.locator("form[data-md-component=palette] label:visible")
        # Material moves the title into its own tooltip; the visible toggle follows
        # the current option's input, whose aria-label is the toggle's name.
        label = toggle.evaluate("label => label.previousElementSibling.getAttribute('aria-label')")
        assert label == ui("palette_to_dark" if seen[-1] == "default" else "palette_to_light", tree)
        toggle.click()
        seen.append(body.get_attribute("data-md-color-scheme"))
        assert seen[-1] != seen[-2], seen
    context.close()


@pytest.mark.parametrize("tree, path, suggested", [
    ("en", "terms/nrrr/", "terms/nrr/"),
    ("zh", "terms/chrun-rate/", "terms/churn-rate/"),
    ("en", "terms/NPS/", "terms/nps/"),
])
def test_404_page_suggests_the_closest_terms(page, site_url, tree, path, suggested):
    response = page.goto(f"{site_url}{tree}/{path}")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == ("en" if tree == "en" else "zh-Hans")
    box = page.locator("[data-not-found-suggestions]")
    expect(box).to_be_visible()
    first = box.locator("a").first
    assert first.get_attribute("href") == f"{site_url}{tree}/{suggested}"
    first.click()
    page.wait_for_url(f"{site_url}{tree}/{suggested}")


@pytest.mark.parametrize("tree", ["zh", "en"])
def test_404_page_elsewhere_offers_search_home_and_index(page, site_url, tree):
    page.goto(f"{site_url}{tree}/no/such/page/")
    expect(page.locator("h1")).to_have_text(ui("not_found_title", tree))
    expect(page.locator("[data-not-found-suggestions]")).to_be_hidden()
    page.click("[data-open-search]")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("NRR")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)


@pytest.mark.parametrize("width", [1280, 390])
def test_home_cards_are_clickable_as_a_whole(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}en/")
    card = page.locator(".home-cards li:has(a[href$='/a-z/'])")
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 8)   # far from the title
    page.wait_for_url(f"{site_url}en/a-z/")
    context.close()


@pytest.mark.parametrize("tree", ["zh", "en"])
def test_download_file_names_never_break(browser, site_url, tree):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}{tree}/downloads/")
    names = page.locator("table.downloads a[download]")
    assert names.count() >= 3
    lines = names.evaluate_all("els => els.map(e => e.getClientRects().length)")
    assert lines == [1] * names.count()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.locator("table.downloads th").first.evaluate(
        "e => getComputedStyle(e).fontWeight") in ("600", "700")
    context.close()
