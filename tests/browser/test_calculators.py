"""The calculator widgets in real Chromium, on the real built site, in both
languages: live results as the reader types, errors in the page's language,
shared links, one worker across instant navigation, nothing loaded on pages
without a calculator, and no request leaving localhost (the `page` fixture
fails the test if one does).

Playwright waits use locator assertions or function predicates: the pages'
Content Security Policy forbids the eval() that string predicates need."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from calculators import FORMULAS, browser
from sitegen.calculator_views import example_inputs, js_number
from sitegen.rendering import ui
from tests.browser.waits import past_idle_start

pytestmark = pytest.mark.browser

LANGS = ("zh", "en")
ENGINE_TIMEOUT = 30_000          # ms: a cold Pyodide start on a busy two-core machine
ENGINE_PATHS = ("/pyodide/", "/py/", "calculator-worker", "/katex/")

# (term page, formula, inputs as typed) — a select, a textarea and dates among them.
TYPED = [
    ("nrr", "nrr", {"start_mrr": "200,000", "expansion_mrr": "30000", "contraction_mrr": "5000",
                    "churned_mrr": "5000"}),
    ("nps", "nps", {"promoters": "50", "passives": "30", "detractors": "20"}),
    ("ltv", "ltv_churn", {"arpa": "120", "gross_margin": "75", "monthly_churn_rate": "2.5"}),
    ("arr", "arr_from_fees", {"fees": "100\n250\n1,000", "billing_period": "month"}),
    ("ttv", "ttv", {"start_date": "2026-01-15", "value_date": "2026-03-01"}),
]


def expected(formula_id: str, inputs: dict, lang: str) -> dict:
    return json.loads(browser.run(formula_id, json.dumps(inputs), lang))


def widget(page, formula_id: str):
    return page.locator(f"#calc-{formula_id}")


def set_input(page, formula_id: str, name: str, value: str) -> None:
    control = widget(page, formula_id).locator(f'[name="{name}"]')
    if control.evaluate("el => el.tagName") == "SELECT":
        control.select_option(value)
    else:
        control.fill(value)


def expect_result(page, formula_id: str, reply: dict) -> None:
    root = widget(page, formula_id)
    result = root.locator("[data-result]")
    # The answer for the inputs on screen, not an earlier one that happens to match.
    expect(root).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    expect(result).to_have_attribute("aria-busy", "false")
    expect(result).to_have_attribute("data-value", js_number(reply["value"]), timeout=ENGINE_TIMEOUT)
    expect(result).to_have_text(reply["formatted"])
    expect(root.locator("[data-steps] > li")).to_have_text(reply["steps"])
    expect(root.locator("[data-error]")).to_be_hidden()


def engine_requests(page) -> list[str]:
    return [url for url in page.engine_log if any(p in url for p in ENGINE_PATHS)]


@pytest.fixture
def page(page):
    """The conftest page, also logging every URL it requests (workers included),
    and failing the test on a script error or a Content Security Policy violation."""
    page.engine_log = []
    page.engine_downloads = []                    # GETs only: the worker also asks HEAD first
    page.context.on("request", lambda request: page.engine_log.append(request.url))
    # The service worker's own revalidation of the runtime it stores (a 304,
    # no body) is not a download by the page's engine.
    page.context.on("request", lambda request: page.engine_downloads.append(request.url)
                    if request.method == "GET" and request.service_worker is None else None)
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error"
            and re.search(r"Content Security Policy|Refused to", message.text) else None)
    yield page
    assert not problems, problems


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("term_id, formula_id, typed", TYPED, ids=[t[1] for t in TYPED])
def test_typing_gives_the_live_result(page, site_url, lang, term_id, formula_id, typed):
    page.goto(f"{site_url}{lang}/terms/{term_id}/")
    root = widget(page, formula_id)
    expect(root).to_have_attribute("data-lang", lang)
    for name, value in typed.items():
        set_input(page, formula_id, name, value)
    reply = expected(formula_id, typed, lang)
    assert reply["ok"], reply
    expect_result(page, formula_id, reply)
    expect(root).to_have_attribute("data-state", "ready")
    # The inputs are mirrored into the URL as <formula>.<input>=value.
    query = dict(parse_qsl(urlsplit(page.url).query))
    assert {k: v for k, v in query.items() if k.startswith(formula_id + ".")} == {
        f"{formula_id}.{name}": value for name, value in typed.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_loading_shows_progress_then_ready(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = widget(page, "nrr")
    expect(root).to_have_attribute("data-state", re.compile("static|loading"))
    root.locator('[name="start_mrr"]').focus()
    expect(root).to_have_attribute("data-state", "loading")
    expect(root.locator("[data-status]")).to_have_text(ui("calc_loading", lang))
    expect(root).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    expect(root.locator("[data-status]")).to_be_hidden()
    # The worked example computed at build time is still what it shows.
    reply = expected("nrr", example_inputs(FORMULAS["nrr"]), lang)
    expect(root.locator("[data-result]")).to_have_text(reply["formatted"])


def test_engine_starts_when_the_browser_is_idle(page, site_url):
    page.goto(f"{site_url}en/terms/nps/")
    expect(widget(page, "nps")).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    assert page.evaluate("() => window.csCalculators.workersCreated") == 1


@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_shows_the_error_in_the_page_language(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = widget(page, "nrr")
    control = root.locator('[name="start_mrr"]')
    control.fill("12abc")
    reply = expected("nrr", {**example_inputs(FORMULAS["nrr"]), "start_mrr": "12abc"}, lang)
    assert not reply["ok"] and reply["field"] == "start_mrr"
    error = root.locator("[data-error]")
    expect(error).to_have_text(reply["message"], timeout=ENGINE_TIMEOUT)
    expect(error).to_be_visible()
    assert FORMULAS["nrr"].input("start_mrr").label[lang] in reply["message"]
    expect(control).to_have_attribute("aria-invalid", "true")
    assert error.get_attribute("id") in control.get_attribute("aria-describedby").split()
    expect(root.locator("[data-result]")).to_have_attribute("data-value", "")
    # The widget stays usable: fixing the input brings the result back.
    control.fill("100000")
    expect_result(page, "nrr", expected("nrr", {**example_inputs(FORMULAS["nrr"]), "start_mrr": "100000"}, lang))
    expect(control).not_to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("lang", LANGS)
def test_shared_link_restores_inputs_and_result(page, site_url, lang):
    inputs = {"start_mrr": "80000", "expansion_mrr": "12000", "contraction_mrr": "1000", "churned_mrr": "3000"}
    query = "&".join(f"nrr.{name}={value}" for name, value in inputs.items())
    page.goto(f"{site_url}{lang}/terms/nrr/?{query}#calc-nrr")
    root = widget(page, "nrr")
    for name, value in inputs.items():
        expect(root.locator(f'[name="{name}"]')).to_have_value(value)
    expect_result(page, "nrr", expected("nrr", inputs, lang))
    expect(root).to_be_in_viewport()


def test_shared_link_for_a_later_widget_leaves_the_others_alone(page, site_url):
    page.goto(f"{site_url}en/terms/ltv/?ltv_churn.arpa=50&ltv_churn.gross_margin=80"
              "&ltv_churn.monthly_churn_rate=4#calc-ltv_churn")
    expect_result(page, "ltv_churn", expected("ltv_churn", {"arpa": "50", "gross_margin": "80",
                                                            "monthly_churn_rate": "4"}, "en"))
    expect(widget(page, "ltv_churn")).to_be_in_viewport()
    first = widget(page, "ltv").locator("[data-result]")
    expect(first).to_have_text(expected("ltv", example_inputs(FORMULAS["ltv"]), "en")["formatted"])


@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_copies_the_widget_link(page, site_url, lang):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}{lang}/terms/nps/")
    root = widget(page, "nps")
    for name, value in {"promoters": "7", "passives": "2", "detractors": "1"}.items():
        set_input(page, "nps", name, value)
    expect_result(page, "nps", expected("nps", {"promoters": "7", "passives": "2", "detractors": "1"}, lang))
    button = root.locator("[data-copy-link]")
    expect(button).to_have_text(ui("calc_copy_link", lang))
    button.click()
    expect(root.locator("[data-copy-status]")).to_have_text(ui("calc_copied", lang))
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == f"{site_url}{lang}/terms/nps/?nps.promoters=7&nps.passives=2&nps.detractors=1#calc-nps"
    # The copied link works on its own.
    fresh = page.context.new_page()
    fresh.goto(copied)
    expect_result(fresh, "nps", expected("nps", {"promoters": "7", "passives": "2", "detractors": "1"}, lang))
    fresh.close()


def test_keyboard_only_use(page, site_url):
    page.goto(f"{site_url}en/terms/nrr/")
    root = widget(page, "nrr")
    root.locator('[name="start_mrr"]').focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("50000")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "expansion_mrr"
    # Focus is visible: Material's accent colour outlines the focused field.
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Control+A")
    page.keyboard.type("5000")
    inputs = {**example_inputs(FORMULAS["nrr"]), "start_mrr": "50000", "expansion_mrr": "5000"}
    expect_result(page, "nrr", expected("nrr", inputs, "en"))
    page.keyboard.press("Enter")                       # no reload, no submit button needed
    expect(root.locator("[data-result]")).to_have_attribute("data-value", js_number(
        expected("nrr", inputs, "en")["value"]))


@pytest.mark.parametrize("lang", LANGS)
def test_instant_navigation_reuses_the_worker(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    set_input(page, "nrr", "start_mrr", "150000")
    expect_result(page, "nrr", expected("nrr", {**example_inputs(FORMULAS["nrr"]), "start_mrr": "150000"}, lang))
    page.evaluate("() => { window.__sameDocument = true; }")
    # Material's instant navigation: a related-term link, no page reload.
    # dispatch_event: no pointer, so no sticky header or "back to top" button can
    # intercept it; Material's click handler navigates all the same.
    page.locator(".term-related > li > a[href$='/mrr/']").dispatch_event("click")
    page.wait_for_url(f"{site_url}{lang}/terms/mrr/")
    assert page.evaluate("() => window.__sameDocument === true")
    expect(widget(page, "mrr_from_arpu")).to_have_attribute("data-state", "ready")
    set_input(page, "mrr_from_arpu", "arpu", "80")
    set_input(page, "mrr_from_arpu", "paying_customers", "25")
    expect_result(page, "mrr_from_arpu", expected("mrr_from_arpu", {"arpu": "80", "paying_customers": "25"}, lang))
    assert page.evaluate("() => window.csCalculators.workersCreated") == 1
    assert len([u for u in page.engine_downloads if u.endswith("/pyodide.asm.wasm")]) == 1
    assert len([u for u in page.engine_downloads if u.split("?")[0].endswith("/calculator-worker.mjs")]) == 1


@pytest.mark.parametrize("url", ["zh/", "en/a-z/", "zh/categories/", "en/calculators/",
                                 "zh/concepts/", "en/contributing/architecture/"])
def test_page_without_calculator_loads_no_engine(page, site_url, url):
    page.goto(f"{site_url}{url}")
    page.wait_for_load_state("networkidle")
    past_idle_start(page)                             # where an idle-time start would have begun
    assert engine_requests(page) == []
    assert page.evaluate("() => window.csCalculators.workersCreated") == 0


def test_instant_navigation_to_a_page_without_calculator_starts_nothing(page, site_url):
    page.goto(f"{site_url}zh/a-z/")
    page.locator(".az-list a[href$='/terms/churn/']").first.dispatch_event("click")
    page.wait_for_url(f"{site_url}zh/terms/churn/")
    expect(page.locator("article h1")).to_have_attribute("id", "churn")   # the new page is in
    past_idle_start(page)
    assert engine_requests(page) == []
    assert page.evaluate("() => window.csCalculators.workersCreated") == 0


@pytest.mark.parametrize("lang", LANGS)
def test_engine_that_never_loads_ends_in_an_error_state(browser, site_url, lang):
    """A .wasm with the wrong MIME type makes Pyodide hang; the widget gives up."""
    context = browser.new_context()
    context.add_init_script("window.csCalculatorsConfig = {loadTimeoutMs: 2000}")
    context.route(re.compile(r".*/pyodide\.asm\.wasm$"), lambda route: route.fulfill(
        status=200, content_type="text/plain", body=b"not wasm"))
    page = context.new_page()
    try:
        page.goto(f"{site_url}{lang}/terms/nrr/")
        root = widget(page, "nrr")
        root.locator('[name="start_mrr"]').focus()
        expect(root).to_have_attribute("data-state", "error", timeout=15_000)
        expect(root.locator("[data-error]")).to_have_text(ui("calc_failed", lang))
        # The build-time example is still there to read.
        reply = expected("nrr", example_inputs(FORMULAS["nrr"]), lang)
        expect(root.locator("[data-result]")).to_have_text(reply["formatted"])
    finally:
        context.close()


def test_page_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}zh/terms/arr/")
        for formula_id in ("arr", "arr_from_contract", "arr_from_fees"):
            root = widget(page, formula_id)
            inputs = example_inputs(FORMULAS[formula_id])
            reply = expected(formula_id, inputs, "zh")
            expect(root).to_have_attribute("data-state", "static")
            expect(root.locator("[data-result]")).to_have_text(reply["formatted"])
            expect(root.locator("[data-steps] > li")).to_have_text(reply["steps"])
            expect(root.locator("[data-actions]")).to_be_hidden()
            # The plain-text formula stands in for the rendered math.
            expect(root.locator("[data-latex]")).to_have_text(FORMULAS[formula_id].formula["zh"])
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_formula_is_rendered_math(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/ltv/")
    for formula_id in ("ltv", "ltv_purchase", "ltv_churn"):
        math = widget(page, formula_id).locator("[data-latex]")
        expect(math).to_have_attribute("data-math", "katex")
        expect(math.locator(".katex-html")).to_be_visible()
        expect(math.locator("annotation")).to_have_text(FORMULAS[formula_id].latex[lang], use_inner_text=False)


@pytest.mark.parametrize("lang", LANGS)
def test_every_formula_computes_in_the_browser_as_at_build_time(page, site_url, lang):
    """Pyodide and CPython give the same reply for every worked example, so the
    static result and the live one always agree."""
    page.goto(f"{site_url}{lang}/terms/nrr/")
    expect(widget(page, "nrr")).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    cases = [(fid, json.dumps(example_inputs(f) or {})) for fid, f in sorted(FORMULAS.items())]
    replies = page.evaluate("""async ([cases, lang]) => Promise.all(
        cases.map(([formula, inputs]) => window.csCalculators.compute(formula, inputs, lang)))""",
                            [cases, lang])
    for (formula_id, inputs), reply in zip(cases, replies):
        assert reply == json.loads(browser.run(formula_id, inputs, lang)), formula_id
