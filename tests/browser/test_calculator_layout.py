"""Calculator widgets on a phone, in real Chromium: every formula fits its
box at 390 px (wrapped, then scaled), and where one cannot (320 px), its box
says so, takes keyboard focus and scrolls. axe finds nothing serious, in
either language or colour scheme."""
from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from calculators import FORMULAS
from sitegen.rendering import ui
from tests.browser.waits import until
from tests.conftest import REPO

pytestmark = pytest.mark.browser

LANGS = ("zh", "en")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TERMS = sorted({formula.term for formula in FORMULAS.values()})
PHONE = {"width": 390, "height": 844}
# No engine: this is about layout, and 15 MB per page would only slow it down.
SAVE_DATA = """Object.defineProperty(Navigator.prototype, "connection", {configurable: true,
  get: () => ({saveData: true, effectiveType: "4g", addEventListener() {}, removeEventListener() {}})});"""

FIT = """el => ({fits: el.scrollWidth <= el.clientWidth + 1, focusable: el.tabIndex === 0,
             role: el.getAttribute("role"), label: el.getAttribute("aria-label") || "",
             size: parseFloat(getComputedStyle(el.querySelector(".katex")).fontSize),
             base: parseFloat(getComputedStyle(el).fontSize)})"""


def settled(locator, timeout: float = 5.0) -> dict:
    """The formula's fit once KaTeX's fonts have arrived (fitting redoes itself then)."""
    expect(locator).to_have_attribute("data-math", "katex", timeout=15_000)
    deadline = time.monotonic() + timeout
    while True:
        state = locator.evaluate(FIT)
        if state["fits"] or state["focusable"] or time.monotonic() > deadline:
            return state
        locator.page.wait_for_timeout(100)


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    context.add_init_script(SAVE_DATA)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_every_formula_fits_a_phone_screen(phone, site_url, lang):
    unfit = []
    for term in TERMS:
        phone.goto(f"{site_url}{lang}/terms/{term}/")
        formulas = phone.locator(".calculator [data-latex]")
        for index in range(formulas.count()):
            formula = formulas.nth(index)
            state = settled(formula)
            formula_id = formula.evaluate("el => el.closest('[data-calculator]').dataset.calculator")
            if not state["fits"]:
                unfit.append(formula_id)
            # Scaled, if at all, only as far as it stays readable.
            assert state["size"] >= 0.7 * 1.05 * state["base"] - 0.5, (formula_id, state)
        # Nothing on the page is wider than the screen.
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"], term
    assert unfit == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_formula_too_wide_even_scaled_scrolls_with_a_cue_and_keyboard_focus(browser, site_url, lang):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    context.add_init_script(SAVE_DATA)
    page = context.new_page()
    try:
        page.goto(f"{site_url}{lang}/terms/nrr/")
        root = page.locator("#calc-nrr")
        formula = root.locator("[data-latex]")
        state = settled(formula)
        assert not state["fits"]
        assert state["focusable"] and state["role"] == "region"
        name = root.locator(".calculator__title").inner_text()
        assert state["label"] == ui("calc_formula_scroll", lang, name=name)
        hint = root.locator("[data-formula-hint]")
        expect(hint).to_be_visible()
        expect(hint).to_have_text(ui("calc_formula_hint", lang))
        # Reached with Tab from the title's side, scrolled with the arrow keys.
        formula.focus()
        assert formula.evaluate("el => document.activeElement === el")
        outline = formula.evaluate("el => getComputedStyle(el).outlineStyle")
        assert outline not in ("", "none")
        for _ in range(6):
            page.keyboard.press("ArrowRight")
        assert until(page, lambda: formula.evaluate("el => el.scrollLeft") > 0)
        # Widen the screen: the cue and the focus stop go away.
        page.set_viewport_size({"width": 1280, "height": 800})
        assert until(page, lambda: formula.evaluate(FIT)["fits"])
        expect(hint).to_be_hidden()
        assert formula.get_attribute("tabindex") is None
    finally:
        context.close()


AXE_CASES = [(lang, width, scheme, term) for lang in LANGS for width in (320, 390)
             for scheme in ("light", "dark") for term in ("nrr", "ltv")]


@pytest.mark.parametrize("lang, width, scheme, term", AXE_CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}-{c[3]}" for c in AXE_CASES])
def test_axe_finds_nothing_serious_in_calculators_on_a_phone(browser, site_url, lang, width, scheme, term):
    # axe is injected as an inline script, which our own CSP rightly refuses.
    context = browser.new_context(viewport={"width": width, "height": 844}, bypass_csp=True,
                                  reduced_motion="reduce", color_scheme=scheme)
    context.add_init_script(SAVE_DATA)
    page = context.new_page()
    try:
        page.goto(f"{site_url}{lang}/terms/{term}/")
        for index in range(page.locator(".calculator [data-latex]").count()):
            settled(page.locator(".calculator [data-latex]").nth(index))
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("""() => axe.run(document.querySelector(".calculator-group"),
                                                 {resultTypes: ["violations"]})""")
    finally:
        context.close()
    serious = [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, ensure_ascii=False, indent=1)
