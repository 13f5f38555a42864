"""A calculator never shows a number that does not match the inputs on
screen, says one true thing with or without JavaScript, and points at every
input an error concerns. Real Chromium, the real built site; the engine is
held back by routing its runtime files, so the stale window can be seen."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from calculators import FORMULAS, browser
from sitegen.calculator_views import example_inputs, js_number
from sitegen.rendering import ui
from tests.browser.waits import until

pytestmark = pytest.mark.browser

LANGS = ("zh", "en")
ENGINE_TIMEOUT = 30_000
WASM = re.compile(r".*/pyodide/pyodide\.asm\.wasm$")


def expected(formula_id: str, inputs: dict, lang: str) -> dict:
    return json.loads(browser.run(formula_id, json.dumps(inputs), lang))


def opacity(locator) -> float:
    return float(locator.evaluate("el => getComputedStyle(el).opacity"))


@pytest.fixture
def held_engine(page):
    """The page, with the runtime's .wasm download held until release() is called:
    the engine cannot answer before then. (HEAD checks pass through.)"""
    held = []

    def hold(route):
        if route.request.method == "GET":
            held.append(route)
        else:
            route.continue_()

    page.context.route(WASM, hold)

    def release():
        page.context.unroute(WASM)
        while held:
            held.pop().continue_()

    page.release_engine = release
    yield page
    release()


@pytest.mark.parametrize("lang", LANGS)
def test_edited_result_is_dimmed_and_marked_until_the_engine_answers(held_engine, site_url, lang):
    page = held_engine
    page.goto(f"{site_url}{lang}/terms/nps/")
    root = page.locator("#calc-nps")
    output = root.locator("[data-result]")
    example = expected("nps", example_inputs(FORMULAS["nps"]), lang)
    # Cold page, untouched: the build-time example matches its inputs; nothing is stale.
    expect(output).to_have_text(example["formatted"])
    expect(root.locator("[data-pending]")).to_be_hidden()
    assert opacity(output) == 1

    root.locator('[name="promoters"]').fill("90")
    # The old number is not passed off as the answer for promoters = 90.
    expect(root).to_have_attribute("data-state", "loading")
    expect(output).to_have_attribute("aria-busy", "true")
    pending = root.locator("[data-pending]")
    expect(pending).to_be_visible()
    expect(pending).to_have_text(ui("calc_calculating", lang))
    # Dimmed once the debounce and the transition have run.
    assert until(page, lambda: opacity(output) <= 0.5), opacity(output)
    assert opacity(root.locator("[data-steps]")) <= 0.5      # the old steps too
    expect(root.locator("[data-note]")).to_be_hidden()       # no longer the worked example
    expect(root).to_have_attribute("data-state", "loading")   # still: the engine is held

    page.release_engine()
    inputs = {**example_inputs(FORMULAS["nps"]), "promoters": "90"}
    reply = expected("nps", {k: str(v) for k, v in inputs.items()}, lang)
    expect(output).to_have_attribute("data-value", js_number(reply["value"]), timeout=ENGINE_TIMEOUT)
    expect(output).to_have_text(reply["formatted"])
    expect(root).to_have_attribute("data-state", "ready")
    expect(output).to_have_attribute("aria-busy", "false")
    expect(pending).to_be_hidden()
    assert until(page, lambda: opacity(output) == 1), opacity(output)
    assert opacity(root.locator("[data-steps]")) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_every_edit_marks_the_result_stale_also_with_a_warm_engine(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = page.locator("#calc-nrr")
    expect(root).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    # Edit and look in the same task, before the debounce can fire.
    seen = root.evaluate("""root => {
        const control = root.querySelector('[name="start_mrr"]');
        control.value = "150000";
        control.dispatchEvent(new Event("input", {bubbles: true}));
        return [root.dataset.state, root.querySelector("[data-result]").getAttribute("aria-busy"),
                root.querySelector("[data-pending]").hidden];
    }""")
    assert seen == ["loading", "true", False]
    reply = expected("nrr", {**example_inputs(FORMULAS["nrr"]), "start_mrr": "150000"}, lang)
    expect(root.locator("[data-result]")).to_have_attribute("data-value", js_number(reply["value"]),
                                                            timeout=ENGINE_TIMEOUT)
    expect(root).to_have_attribute("data-state", "ready")
    expect(root.locator("[data-pending]")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_a_shared_link_never_shows_the_example_result_for_other_inputs(held_engine, site_url, lang):
    page = held_engine
    page.goto(f"{site_url}{lang}/terms/nps/?nps.promoters=5&nps.passives=3&nps.detractors=2#calc-nps")
    root = page.locator("#calc-nps")
    output = root.locator("[data-result]")
    expect(root.locator('[name="promoters"]')).to_have_value("5")
    expect(output).to_have_text("")
    expect(root.locator("[data-pending]")).to_be_visible()
    page.release_engine()
    reply = expected("nps", {"promoters": "5", "passives": "3", "detractors": "2"}, lang)
    expect(output).to_have_text(reply["formatted"], timeout=ENGINE_TIMEOUT)


@pytest.mark.parametrize("lang", LANGS)
def test_a_cross_field_error_marks_every_field_it_concerns(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = page.locator("#calc-nrr")
    typed = {"start_mrr": "100", "expansion_mrr": "0", "contraction_mrr": "60", "churned_mrr": "50"}
    for name, value in typed.items():
        root.locator(f'[name="{name}"]').fill(value)
    reply = expected("nrr", typed, lang)
    assert not reply["ok"] and reply["field"] is None
    error = root.locator("[data-error]")
    expect(error).to_have_text(reply["message"], timeout=ENGINE_TIMEOUT)
    concerned = {"start_mrr", "contraction_mrr", "churned_mrr"}
    for name in typed:
        control = root.locator(f'[name="{name}"]')
        if name in concerned:
            expect(control, name).to_have_attribute("aria-invalid", "true")
            assert error.get_attribute("id") in control.get_attribute("aria-describedby").split()
        else:
            expect(control, name).not_to_have_attribute("aria-invalid", "true")
    # No "NRR =" with nothing after it.
    expect(root.locator(".calculator__result")).to_be_hidden()
    expect(root.locator(".calculator__result-label")).to_be_hidden()

    root.locator('[name="start_mrr"]').fill("1000")
    fixed = expected("nrr", {**typed, "start_mrr": "1000"}, lang)
    expect(root.locator("[data-result]")).to_have_text(fixed["formatted"], timeout=ENGINE_TIMEOUT)
    expect(root.locator(".calculator__result")).to_be_visible()
    expect(root.locator("[aria-invalid=true]")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
def test_a_single_field_error_hides_the_empty_result_line(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/grr/")
    root = page.locator("#calc-grr")
    root.locator('[name="start_mrr"]').fill("abc")
    expect(root.locator("[data-error]")).to_be_visible(timeout=ENGINE_TIMEOUT)
    expect(root.locator(".calculator__result")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_one_true_sentence_and_read_only_inputs(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}{lang}/terms/arr/")
        for formula_id in ("arr", "arr_from_contract", "arr_from_fees"):
            root = page.locator(f"#calc-{formula_id}")
            controls = root.locator("[name]")
            assert controls.count() == len(FORMULAS[formula_id].inputs)
            for index in range(controls.count()):
                expect(controls.nth(index)).not_to_be_editable()
            # The "change any input to recalculate" note would not be true here.
            expect(root.locator("[data-note]")).to_be_hidden()
            notes = root.locator(".calculator__note:visible")
            expect(notes).to_have_count(1)
            expect(notes).to_have_text(ui("calc_noscript", lang))
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_with_javascript_the_inputs_are_live_and_the_note_says_so(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/arr/")
    for formula_id in ("arr", "arr_from_contract", "arr_from_fees"):
        root = page.locator(f"#calc-{formula_id}")
        controls = root.locator("[name]")
        for index in range(controls.count()):
            expect(controls.nth(index)).to_be_editable()
        notes = root.locator(".calculator__note:visible")
        expect(notes).to_have_count(1)
        expect(notes).to_have_text(ui("calc_example_note", lang))
