"""Guarantees checked on the real built site in Chromium: nothing is requested
from outside hosts, the Content Security Policy holds while the calculator
and search run, and axe-core finds no serious accessibility problem."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.waits import animations_done
from tests.conftest import REPO

pytestmark = pytest.mark.browser
LANGS = ["zh", "en"]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

# Recorded from before the first script runs; CSP violations fire this event.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


# Waits use locators, not wait_for_function: under our CSP the page may not
# evaluate strings, and Playwright's polling would need to.

def use_nrr_calculator(page, start_mrr="200000", expected="105"):
    widget = page.locator("#calc-nrr")
    widget.locator("[name=start_mrr]").fill(start_mrr)
    expect(widget.locator("[data-result]")).to_have_attribute("data-value", expected, timeout=30_000)
    expect(widget).to_have_attribute("data-state", "ready")


def search(page, query):
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_leaves_localhost(page, site_url, lang):
    """The `page` fixture aborts and reports any request off localhost."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for url in ["", "terms/nps/", "a-z/"]:
        page.goto(f"{site_url}{lang}/{url}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{site_url}{lang}/terms/nrr/")
    use_nrr_calculator(page)
    assert any("/pyodide/pyodide.asm.wasm" in url for url in requested)   # the calculator did run
    assert page.outside_requests == []


@pytest.mark.parametrize("lang", LANGS)
def test_csp_holds_while_calculator_and_search_run(page, site_url, lang):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.goto(f"{site_url}{lang}/terms/nrr/")
    policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    assert "default-src 'self'" in policy and "'wasm-unsafe-eval'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    use_nrr_calculator(page)
    search(page, "NPS")
    violations = page.evaluate("window.__cspViolations")
    assert violations == []
    assert not [m for m in console if "Content Security Policy" in m], console


# Every kind of page a reader meets: (name, path under the tree, search query).
PAGE_KINDS = [
    ("home", "", None),
    ("concepts", "concepts/", None),
    ("term", "terms/churn/", None),
    ("calculator", "terms/nrr/", None),
    ("homonym", "acronyms/csm/", None),
    ("a-z", "a-z/", None),
    ("categories", "categories/", None),
    ("calculators-index", "calculators/", None),
    ("downloads", "downloads/", None),
    ("search-open", "", "NRR"),
    ("404", "terms/nrrr/", None),
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def open_search(page, query):
    box = page.locator("input.md-search__input")
    if page.viewport_size["width"] >= 960:
        box.click()
    else:          # below Material's 60em breakpoint the box hides behind an icon
        page.locator(".md-header__button[for=__search]").click()
    box.fill(query)
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    animations_done(page)        # results fade in; contrast is only final once they have


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_serious_violation_on_any_page_kind(browser, site_url, lang, scheme, viewport):
    """Every page kind, both languages, both schemes, desktop and phone: no
    serious or critical finding, and nothing outside a landmark (axe region)."""
    # axe is injected as an inline script, which our own CSP rightly refuses.
    context = browser.new_context(bypass_csp=True, reduced_motion="reduce", color_scheme=scheme,
                                  viewport=VIEWPORTS[viewport])
    page = context.new_page()
    found = []
    for kind, url, query in PAGE_KINDS:
        page.goto(f"{site_url}{lang}/{url}")
        assert page.locator("html").get_attribute("lang") == {"zh": "zh-Hans", "en": "en"}[lang]
        assert page.locator("body").get_attribute("data-md-color-scheme") == {"light": "default", "dark": "slate"}[scheme]
        if query:
            open_search(page, query)
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        found += [
            {"page": kind, "id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results["violations"] if v["impact"] in ("serious", "critical") or v["id"] == "region"
        ]
    context.close()
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("lang", LANGS)
def test_csp_and_no_outside_request_on_every_page_kind_and_after_instant_navigation(page, site_url, lang):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    for kind, url, query in PAGE_KINDS:
        page.goto(f"{site_url}{lang}/{url}")
        policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
        assert "default-src 'self'" in policy, kind
        if query:
            open_search(page, query)
        assert page.evaluate("window.__cspViolations") == [], kind
    # Instant navigation: the document stays, new pages are swapped in.
    page.goto(f"{site_url}{lang}/")
    for link in ["a-z/", "terms/nrr/"]:
        page.locator(f"article a[href$='/{link}']").first.click()
        page.wait_for_url(f"{site_url}{lang}/{link}")
    use_nrr_calculator(page)
    page.wait_for_url("**nrr.start_mrr=200000**")   # the calculator's URL update has landed before leaving
    page.locator(".md-nav a[href$='/downloads/']").first.click()
    page.wait_for_url(f"{site_url}{lang}/downloads/")
    assert page.evaluate("window.__cspViolations") == []
    assert not [m for m in console if "Content Security Policy" in m], console
    assert page.outside_requests == []
