"""Scenarios: "Add scenario" copies the inputs into another set beside the
first (up to three in all); each shows its own result and its difference from
the first, and every scenario goes into the shareable link. Real Chromium on
the built site, results checked against the engine under CPython."""
from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from calculators import FORMULAS, browser
from sitegen.calculator_views import example_inputs, js_number
from sitegen.rendering import ui

pytestmark = pytest.mark.browser

LANGS = ("zh", "en")
ENGINE_TIMEOUT = 30_000
EXAMPLE = {k: str(v) for k, v in example_inputs(FORMULAS["nrr"]).items()}


def value(inputs: dict) -> float:
    reply = json.loads(browser.run("nrr", json.dumps(inputs), "en"))
    assert reply["ok"], reply
    return reply["value"]


def diff_text(lang: str, delta: str) -> str:
    return ui("calc_scenario_diff", lang, diff=f"{delta} {ui('calc_points', lang)}")


@pytest.mark.parametrize("lang", LANGS)
def test_a_scenario_shows_its_result_and_the_difference(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = page.locator("#calc-nrr")
    add = root.locator("[data-add-scenario]")
    expect(add).to_have_text(ui("calc_add_scenario", lang))
    add.click()
    scenario = root.locator("[data-scenario]")
    expect(scenario).to_have_count(1)
    expect(scenario.locator("legend")).to_have_text(ui("calc_scenario", lang, n=2))
    # A copy of the inputs above, with labels of its own.
    for name, text in EXAMPLE.items():
        control = scenario.locator(f'[name="{name}"]')
        expect(control).to_have_value(text)
        assert page.locator(f'label[for="{control.get_attribute("id")}"]').count() == 1
    scenario.locator('[name="expansion_mrr"]').fill("25000")
    second = {**EXAMPLE, "expansion_mrr": "25000"}
    result = scenario.locator("[data-scenario-result]")
    expect(result).to_have_attribute("data-value", js_number(value(second)), timeout=ENGINE_TIMEOUT)
    expect(scenario.locator("[data-scenario-diff]")).to_have_text(diff_text(lang, "+10"))
    # The first set changes: the difference follows.
    root.locator("#calc-nrr-expansion_mrr").fill("20000")
    expect(scenario.locator("[data-scenario-diff]")).to_have_text(diff_text(lang, "+5"), timeout=ENGINE_TIMEOUT)
    # Both go into the link.
    query = dict(parse_qsl(urlsplit(page.url).query))
    assert query["nrr.expansion_mrr"] == "20000" and query["nrr.s2.expansion_mrr"] == "25000"


@pytest.mark.parametrize("lang", LANGS)
def test_shared_scenarios_are_restored_in_a_fresh_browser(browser, site_url, lang):
    third = {**EXAMPLE, "churned_mrr": "10000"}
    second = {**EXAMPLE, "expansion_mrr": "25000"}
    query = "&".join([f"nrr.{k}={v}" for k, v in EXAMPLE.items()]
                     + [f"nrr.s2.{k}={v}" for k, v in second.items()]
                     + [f"nrr.s3.{k}={v}" for k, v in third.items()])
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{site_url}{lang}/terms/nrr/?{query}#calc-nrr")
        root = page.locator("#calc-nrr")
        scenarios = root.locator("[data-scenario]")
        expect(scenarios).to_have_count(2)
        for index, inputs in enumerate([second, third]):
            block = scenarios.nth(index)
            expect(block.locator("legend")).to_have_text(ui("calc_scenario", lang, n=index + 2))
            expect(block.locator("[data-scenario-result]")).to_have_attribute(
                "data-value", js_number(value(inputs)), timeout=ENGINE_TIMEOUT)
        expect(scenarios.nth(1).locator("[data-scenario-diff]")).to_have_text(diff_text(lang, "-7"))
        # Three sets in all: no fourth.
        expect(root.locator("[data-add-scenario]")).to_be_disabled()
        # Removing one takes it out of the link, and the next is renumbered.
        scenarios.nth(0).locator("[data-remove-scenario]").click()
        expect(scenarios).to_have_count(1)
        expect(scenarios.first.locator("legend")).to_have_text(ui("calc_scenario", lang, n=2))
        expect(root.locator("[data-add-scenario]")).to_be_enabled()
        query = dict(parse_qsl(urlsplit(page.url).query))
        assert query["nrr.s2.churned_mrr"] == "10000" and not any(k.startswith("nrr.s3.") for k in query)
    finally:
        context.close()


def test_a_scenario_with_bad_input_names_it(page, site_url):
    page.goto(f"{site_url}en/terms/nrr/")
    root = page.locator("#calc-nrr")
    root.locator("[data-add-scenario]").click()
    scenario = root.locator("[data-scenario]")
    scenario.locator('[name="start_mrr"]').fill("abc")
    reply = json.loads(browser.run("nrr", json.dumps({**EXAMPLE, "start_mrr": "abc"}), "en"))
    error = scenario.locator("[data-scenario-error]")
    expect(error).to_have_text(reply["message"], timeout=ENGINE_TIMEOUT)
    expect(scenario.locator('[name="start_mrr"]')).to_have_attribute("aria-invalid", "true")
    expect(scenario.locator(".calculator__scenario-result")).to_be_hidden()
    # The first set is untouched.
    expect(root.locator("[data-error]")).to_be_hidden()


def nps_margin(inputs: dict) -> float:
    return json.loads(browser.run("nps_margin_of_error", json.dumps(inputs), "en"))["value"]


# (second survey, whether its difference from the first is larger than the noise)
# The same 15-point drop: within the noise with 100 answers each, beyond it with 1,000.
SURVEYS = [
    ({"promoters": "60", "passives": "25", "detractors": "15"}, {"promoters": "50", "passives": "30", "detractors": "20"}),
    ({"promoters": "600", "passives": "250", "detractors": "150"}, {"promoters": "500", "passives": "300", "detractors": "200"}),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("first, second", SURVEYS, ids=["n100", "n1000"])
def test_comparing_two_surveys_says_whether_the_difference_beats_the_noise(page, site_url, lang, first, second):
    page.goto(f"{site_url}{lang}/terms/nps/")
    root = page.locator("#calc-nps")
    for name, text in first.items():
        root.locator(f"#calc-nps-{name}").fill(text)
    expect(root.locator("[data-margin-value]")).to_have_text(
        f"± {json.loads(browser.run('nps_margin_of_error', json.dumps(first), lang))['formatted']}",
        timeout=ENGINE_TIMEOUT)
    root.locator("[data-add-scenario]").click()
    scenario = root.locator("[data-scenario]")
    for name, text in second.items():
        scenario.locator(f'[name="{name}"]').fill(text)
    nps = [json.loads(browser.run("nps", json.dumps(x), "en"))["value"] for x in (first, second)]
    delta = nps[1] - nps[0]
    combined = (nps_margin(first) ** 2 + nps_margin(second) ** 2) ** 0.5
    key = "calc_diff_signal" if abs(delta) > combined else "calc_diff_noise"
    sentence = ui(key, lang, margin=f"{combined:.1f}".removesuffix(".0"))
    diff = scenario.locator("[data-scenario-diff]")
    expect(diff).to_contain_text(sentence, timeout=ENGINE_TIMEOUT)
    assert (key == "calc_diff_noise") == (second is SURVEYS[0][1])     # 100 answers: noise; 1,000: a signal
