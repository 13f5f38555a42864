"""The engine's life cycle in real Chromium on the built site: a worker that
dies after it was ready is noticed (per-request timeout, its `error` event),
restarted once, and then reported with a Retry button; never one worker per
keystroke; a missing runtime file is reported in seconds; pending work does not
leak onto the next page after instant navigation; and slow or metered
connections download nothing until the reader uses a calculator."""
from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

from calculators import FORMULAS, browser
from sitegen.calculator_views import example_inputs, js_number
from sitegen.rendering import ui
from tests.browser.waits import past_idle_start

pytestmark = pytest.mark.browser

LANGS = ("zh", "en")
ENGINE_TIMEOUT = 30_000
FAST_FAILURE = {"requestTimeoutMs": 1500, "restartDelayMs": 300}


def expected(formula_id: str, inputs: dict, lang: str) -> dict:
    return json.loads(browser.run(formula_id, json.dumps(inputs), lang))


def configure(page, settings: dict) -> None:
    page.add_init_script(f"window.csCalculatorsConfig = {json.dumps(settings)};")


def engine_worker(page):
    workers = [w for w in page.workers if w.url.split("?")[0].endswith("/calculator-worker.mjs")]
    assert workers, "no calculator worker"
    return workers[-1]


def workers_created(page) -> int:
    return page.evaluate("() => window.csCalculators.workersCreated")


def type_nrr(page, lang: str, start_mrr: str) -> dict:
    page.locator('#calc-nrr [name="start_mrr"]').fill(start_mrr)
    return expected("nrr", {**example_inputs(FORMULAS["nrr"]), "start_mrr": start_mrr}, lang)


def expect_value(page, formula_id: str, reply: dict, timeout: int = ENGINE_TIMEOUT) -> None:
    result = page.locator(f"#calc-{formula_id} [data-result]")
    expect(result).to_have_attribute("data-value", js_number(reply["value"]), timeout=timeout)
    expect(result).to_have_attribute("aria-busy", "false")


def expect_failed(page, formula_id: str, lang: str) -> None:
    root = page.locator(f"#calc-{formula_id}")
    expect(root).to_have_attribute("data-state", "error", timeout=ENGINE_TIMEOUT)
    expect(root.locator("[data-error]")).to_have_text(ui("calc_failed", lang))
    expect(root.locator("[data-retry]")).to_be_visible()
    expect(root.locator("[data-retry]")).to_have_text(ui("calc_retry", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_a_worker_that_closes_after_ready_is_restarted_once_then_reported(page, site_url, lang):
    configure(page, FAST_FAILURE)
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = page.locator("#calc-nrr")
    expect(root).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    engine_worker(page).evaluate("() => self.close()")

    # The next edit gets no reply: noticed by the request timeout, restarted once.
    reply = type_nrr(page, lang, "150000")
    expect(root).to_have_attribute("data-state", "loading")
    expect_value(page, "nrr", reply)
    expect(root).to_have_attribute("data-state", "ready")
    assert workers_created(page) == 2

    # It dies again: no second automatic restart; a visible error with Retry.
    engine_worker(page).evaluate("() => self.close()")
    type_nrr(page, lang, "160000")
    expect_failed(page, "nrr", lang)
    # The stale number is gone, and the inputs say they cannot be used now.
    expect(root.locator("[data-result]")).to_have_attribute("data-value", "")
    expect(root.locator(".calculator__result")).to_be_hidden()
    expect(root.locator('[name="start_mrr"]')).not_to_be_editable()
    # Keystrokes (here: input events) start no workers.
    root.evaluate("""root => { for (let i = 0; i < 5; i++) {
        const control = root.querySelector('[name="expansion_mrr"]');
        control.dispatchEvent(new Event("input", {bubbles: true})); } }""")
    root.locator('[name="start_mrr"]').focus()
    page.wait_for_timeout(500)
    assert workers_created(page) == 2

    root.locator("[data-retry]").click()
    expect(root).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    expect_value(page, "nrr", expected("nrr", {**example_inputs(FORMULAS["nrr"]), "start_mrr": "160000"}, lang))
    expect(root.locator("[data-error]")).to_be_hidden()
    expect(root.locator("[data-retry]")).to_be_hidden()
    expect(root.locator('[name="start_mrr"]')).to_be_editable()
    assert workers_created(page) == 3


def test_an_error_in_the_worker_after_ready_restarts_it(page, site_url):
    configure(page, FAST_FAILURE)
    page.goto(f"{site_url}en/terms/nrr/")
    root = page.locator("#calc-nrr")
    expect(root).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    engine_worker(page).evaluate("() => { setTimeout(() => { throw new Error('worker broke'); }); }")
    deadline = time.monotonic() + 10
    while workers_created(page) < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert workers_created(page) == 2
    expect(root).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    expect_value(page, "nrr", type_nrr(page, "en", "90000"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_failed_engine_is_shown_on_the_next_page_after_instant_navigation(page, site_url, lang):
    configure(page, {"requestTimeoutMs": 1500, "restartDelayMs": 300})
    page.goto(f"{site_url}{lang}/terms/nrr/")
    expect(page.locator("#calc-nrr")).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    for start in ("150000", "160000"):            # two deaths: restart used up, then failed
        engine_worker(page).evaluate("() => self.close()")
        type_nrr(page, lang, start)
        if start == "150000":
            expect(page.locator("#calc-nrr")).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    expect_failed(page, "nrr", lang)
    page.evaluate("() => { window.__sameDocument = true; }")
    page.locator(".term-related > li > a[href$='/grr/']").dispatch_event("click")
    page.wait_for_url(f"{site_url}{lang}/terms/grr/")
    assert page.evaluate("() => window.__sameDocument === true")
    expect_failed(page, "grr", lang)
    expect(page.locator('#calc-grr [name="start_mrr"]')).not_to_be_editable()
    page.locator("#calc-grr [data-retry]").click()
    expect(page.locator("#calc-grr")).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    page.locator('#calc-grr [name="start_mrr"]').fill("50000")
    expect_value(page, "grr", expected("grr", {**example_inputs(FORMULAS["grr"]), "start_mrr": "50000"}, lang))


MISSING = [
    ("wasm-404", re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), {"status": 404, "body": "not found"}),
    ("wasm-as-text", re.compile(r".*/pyodide/pyodide\.asm\.wasm$"),
     {"status": 200, "content_type": "text/plain", "body": "not wasm"}),
    ("stdlib-404", re.compile(r".*/pyodide/python_stdlib\.zip$"), {"status": 404, "body": "not found"}),
    ("package-404", re.compile(r".*/py/calculators\.zip$"), {"status": 404, "body": "not found"}),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case, pattern, response", MISSING, ids=[m[0] for m in MISSING])
def test_a_missing_runtime_file_is_reported_within_seconds(page, site_url, lang, case, pattern, response):
    """No shortened timeouts here: the default configuration must find it."""
    page.context.route(pattern, lambda route: route.fulfill(**response))
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = page.locator("#calc-nrr")
    started = time.monotonic()
    root.locator('[name="start_mrr"]').focus()
    expect(root).to_have_attribute("data-state", "error", timeout=6_000)
    elapsed = time.monotonic() - started
    expect(root.locator("[data-error]")).to_have_text(ui("calc_failed", lang))
    expect(root.locator("[data-retry]")).to_be_visible()
    # The example still matches its untouched inputs, so it stays.
    reply = expected("nrr", example_inputs(FORMULAS["nrr"]), lang)
    expect(root.locator("[data-result]")).to_have_text(reply["formatted"])
    assert elapsed < 4, f"{case}: {elapsed:.1f} s to notice"


@pytest.mark.parametrize("lang", LANGS)
def test_a_pending_url_update_does_not_leak_onto_the_next_page(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    expect(page.locator("#calc-nrr")).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    page.evaluate("() => { window.__sameDocument = true; }")
    # Type, and follow a link well within the 150 ms debounce.
    page.locator("#calc-nrr").evaluate("""root => {
        const control = root.querySelector('[name="start_mrr"]');
        control.value = "123456";
        control.dispatchEvent(new Event("input", {bubbles: true}));
        document.querySelector(".term-related > li > a[href$='/grr/']").click();
    }""")
    page.wait_for_url(re.compile(rf".*/{lang}/terms/grr/.*"))
    page.wait_for_timeout(800)
    assert page.evaluate("() => window.__sameDocument === true")
    assert "nrr." not in page.url, page.url
    assert page.url == f"{site_url}{lang}/terms/grr/"


SLOW = {
    "save-data": {"saveData": True, "effectiveType": "4g"},
    "2g": {"saveData": False, "effectiveType": "2g"},
    "slow-2g": {"saveData": False, "effectiveType": "slow-2g"},
}


def engine_downloads(requests: list) -> list[str]:
    return [url for url in requests if "/pyodide/" in url or "/py/" in url or "calculator-worker" in url]


@pytest.mark.parametrize("case", SLOW)
def test_no_idle_download_on_a_metered_or_slow_connection(page, site_url, case):
    connection = json.dumps(SLOW[case])
    page.add_init_script(f"""(() => {{
        const info = Object.assign({connection}, {{addEventListener() {{}}, removeEventListener() {{}}}});
        Object.defineProperty(Navigator.prototype, "connection", {{get: () => info, configurable: true}});
    }})();""")
    requests = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}en/terms/nps/")
    page.wait_for_load_state("networkidle")
    past_idle_start(page)                           # where an idle start would have begun
    assert engine_downloads(requests) == []
    assert workers_created(page) == 0
    # The reader starts using it: now it loads.
    root = page.locator("#calc-nps")
    root.locator('[name="promoters"]').focus()
    expect(root).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    assert workers_created(page) == 1


def test_no_idle_download_on_a_throttled_3g_connection(page, site_url):
    """The real thing: Chromium's own network emulation sets effectiveType."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 300, "downloadThroughput": 5_000_000, "uploadThroughput": 1_000_000,
        "connectionType": "cellular3g"})
    requests = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}zh/terms/nps/")
    assert page.evaluate("() => navigator.connection.effectiveType") == "3g"
    page.wait_for_load_state("networkidle")
    past_idle_start(page)
    assert engine_downloads(requests) == []
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    root = page.locator("#calc-nps")
    root.locator('[name="promoters"]').fill("7")
    reply = expected("nps", {**{k: str(v) for k, v in example_inputs(FORMULAS["nps"]).items()}, "promoters": "7"}, "zh")
    expect_value(page, "nps", reply)
