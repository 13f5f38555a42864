"""Real Chromium on the real built site: Material search finds a term by its
Chinese name, English name, abbreviation and alias in both trees, and the
language switch lands on the same page, also after instant navigation."""
from __future__ import annotations

import pytest

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
