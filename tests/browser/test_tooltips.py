"""Glossary tooltips in real Chromium (overrides/assets/javascripts/tooltips.js):
they name the term and its counterpart-language name at a readable size, open
on hover and on keyboard focus, and on a touch screen the first tap shows the
tooltip while the second follows the link. Light and dark schemes both."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TIP = "#glossary-tooltip"
# (tree, page, linked term, heading, counterpart, its lang)
TOOLTIPS = [
    ("zh", "terms/nrr/", "mrr", "月度经常性收入", "Monthly Recurring Revenue (MRR)", "en"),
    ("en", "terms/nrr/", "mrr", "Monthly Recurring Revenue (MRR)", "月度经常性收入", "zh-Hans"),
    ("zh", "concepts/", "nrr", "净收入留存率", "Net Revenue Retention (NRR)", "en"),
    ("en", "concepts/", "nrr", "Net Revenue Retention (NRR)", "净收入留存率", "zh-Hans"),
]
IDS = [f"{r[0]}:{r[1]}:{r[2]}" for r in TOOLTIPS]


def first_link(page, term_id: str):
    return page.locator(f'article a.glossary-link[data-term="{term_id}"]').first


def tooltip_state(page) -> dict:
    return page.evaluate("""() => {
        const tip = document.querySelector('#glossary-tooltip');
        if (!tip || tip.hidden) return {visible: false};
        const other = tip.querySelector('.glossary-tooltip__other');
        const style = getComputedStyle(tip);
        const rect = tip.getBoundingClientRect();
        return {visible: true, text: tip.innerText,
                name: tip.querySelector('.glossary-tooltip__name').textContent,
                other: other && other.textContent, otherLang: other && other.lang,
                summary: (tip.querySelector('.glossary-tooltip__summary') || {}).textContent,
                fontSize: parseFloat(style.fontSize), color: style.color,
                background: style.backgroundColor,
                left: rect.left, right: rect.right, width: innerWidth,
                describedBy: [...document.querySelectorAll('a.glossary-link[aria-describedby]')]
                               .map(a => a.getAttribute('aria-describedby'))};
    }""")


def wait_visible(page):
    page.wait_for_function("() => { const t = document.querySelector('#glossary-tooltip');"
                           " return t && !t.hidden; }", timeout=15_000)


def check_content(state, heading, counterpart, other_lang, summary):
    assert state["visible"]
    assert state["name"] == heading
    assert state["other"] == counterpart and state["otherLang"] == other_lang
    assert f"{heading} · {counterpart}" in state["text"].replace("\n", " ")
    assert state["summary"] == summary
    assert state["fontSize"] >= 14, f"{state['fontSize']} px is too small to read"
    assert state["describedBy"] == ["glossary-tooltip"]


def summary_of(page, term_id):
    return first_link(page, term_id).get_attribute("data-tooltip")


@pytest.mark.parametrize("tree, url, term_id, heading, counterpart, other_lang", TOOLTIPS, ids=IDS)
def test_hover_shows_name_counterpart_and_summary(page, site_url, tree, url, term_id, heading,
                                                  counterpart, other_lang):
    page.goto(f"{site_url}{tree}/{url}")
    link = first_link(page, term_id)
    assert link.get_attribute("title") is None, "Material's tooltip would take over"
    link.hover()
    wait_visible(page)
    check_content(tooltip_state(page), heading, counterpart, other_lang, summary_of(page, term_id))
    page.mouse.move(5, 700)
    page.wait_for_function("() => document.querySelector('#glossary-tooltip').hidden")


@pytest.mark.parametrize("tree, url, term_id, heading, counterpart, other_lang", TOOLTIPS[:2],
                         ids=IDS[:2])
def test_keyboard_focus_shows_it_and_escape_hides_it(page, site_url, tree, url, term_id, heading,
                                                     counterpart, other_lang):
    page.goto(f"{site_url}{tree}/{url}")
    link = first_link(page, term_id)
    # Focus the element just before the link, then Tab onto it, as a keyboard user would.
    link.evaluate("""a => { const all = [...document.querySelectorAll('a[href], input, button')];
                            all[all.indexOf(a) - 1].focus(); }""")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.dataset.term") == term_id
    wait_visible(page)
    check_content(tooltip_state(page), heading, counterpart, other_lang, summary_of(page, term_id))
    page.keyboard.press("Escape")
    assert not tooltip_state(page)["visible"]


@pytest.fixture
def touch_page(browser, site_url):
    context = browser.new_context(has_touch=True, is_mobile=True,
                                  viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("tree", ["zh", "en"])
def test_touch_first_tap_shows_the_summary_second_tap_follows(touch_page, site_url, tree):
    page = touch_page
    start = f"{site_url}{tree}/terms/nrr/"
    page.goto(start)
    link = first_link(page, "mrr")
    link.scroll_into_view_if_needed()
    link.tap()
    wait_visible(page)
    state = tooltip_state(page)
    assert page.url.split("#")[0] == start, "the first tap navigated"
    assert state["name"].startswith({"zh": "月度经常性收入", "en": "Monthly Recurring Revenue"}[tree])
    assert state["summary"] == summary_of(page, "mrr")
    assert {"zh": "再点一次", "en": "Tap again"}[tree] in state["text"]
    # It fits the phone's screen.
    assert state["left"] >= 0 and state["right"] <= state["width"]
    link.tap()
    page.wait_for_url(f"{site_url}{tree}/terms/mrr/", timeout=10_000)


def test_touch_tap_elsewhere_closes_and_other_link_needs_its_own_first_tap(touch_page, site_url):
    page = touch_page
    start = f"{site_url}zh/terms/nrr/"
    page.goto(start)
    first_link(page, "mrr").tap()
    wait_visible(page)
    page.locator("article h1").tap()
    assert not tooltip_state(page)["visible"]
    # A tap on a second link after the first one's tooltip shows the second's.
    first_link(page, "mrr").tap()
    wait_visible(page)
    other = page.locator('article a.glossary-link:not([data-term="mrr"])').first
    other.scroll_into_view_if_needed()
    other.tap()
    wait_visible(page)
    assert page.url.split("#")[0] == start
    assert tooltip_state(page)["summary"] == other.get_attribute("data-tooltip")


def luminance(css: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", css)[:3])
    channel = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_readable_in_light_and_dark(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{site_url}en/terms/nrr/")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == expected
        first_link(page, "mrr").hover()
        wait_visible(page)
        state = tooltip_state(page)
        fg, bg = luminance(state["color"]), luminance(state["background"])
        contrast = (max(fg, bg) + 0.05) / (min(fg, bg) + 0.05)
        assert contrast >= 7, f"{scheme}: contrast {contrast:.1f}"
        assert (bg < 0.2) == (scheme == "dark"), f"{scheme}: background {state['background']}"
    finally:
        context.close()


def test_still_works_after_instant_navigation(page, site_url):
    page.goto(f"{site_url}en/terms/nrr/")
    first_link(page, "mrr").click()           # a mouse click follows at once
    page.wait_for_url(f"{site_url}en/terms/mrr/")
    # The address changes before the new content is in: hover a link of the
    # new page, not one of the old page about to be replaced.
    expect(page.locator("article h1")).to_contain_text("Monthly Recurring Revenue")
    assert not tooltip_state(page)["visible"]
    link = page.locator("article a.glossary-link").first
    link.hover()
    wait_visible(page)
    assert tooltip_state(page)["summary"] == link.get_attribute("data-tooltip")
    assert page.locator(TIP).count() == 1


def test_touch_tapping_the_tooltip_opens_the_entry(touch_page, site_url):
    page = touch_page
    page.goto(f"{site_url}en/terms/nrr/")
    first_link(page, "mrr").tap()
    wait_visible(page)
    page.locator(TIP).tap()
    page.wait_for_url(f"{site_url}en/terms/mrr/", timeout=10_000)
