""""Solve for" on the calculators, in real Chromium on the built site: pick an
input, give the result you want, and the widget works that input out with
the engine's solve() (the same Python under Pyodide), shows the whole number
for a count, names an unreachable target, and keeps it all in the link."""
from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from calculators import FORMULAS, browser
from sitegen.calculator_views import example_inputs, js_number, solvable_inputs
from sitegen.rendering import ui

pytestmark = pytest.mark.browser

LANGS = ("zh", "en")
ENGINE_TIMEOUT = 30_000

# (term page, formula, target, unknown, the other inputs as typed)
SOLVES = [
    ("nrr", "nrr", "110", "expansion_mrr",
     {"start_mrr": "100000", "contraction_mrr": "2000", "churned_mrr": "3000"}),
    ("nps", "nps", "30", "promoters", {"passives": "25", "detractors": "15"}),
    ("nps", "nps", "30", "detractors", {"promoters": "60", "passives": "25"}),
    ("ltv-cac-ratio", "ltv_cac_ratio", "3", "cac", {"ltv": "12000"}),
]


def solved(formula_id, target, unknown, known, lang) -> dict:
    return json.loads(browser.solve(formula_id, target, unknown, json.dumps(known), lang))


def fill(root, values: dict) -> None:
    for name, value in values.items():
        root.locator(f'[name="{name}"]').fill(value)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("term, formula_id, target, unknown, known", SOLVES,
                         ids=[f"{s[1]}-{s[3]}" for s in SOLVES])
def test_solving_for_an_input_gives_the_engine_answer(page, site_url, lang, term, formula_id, target,
                                                      unknown, known):
    page.goto(f"{site_url}{lang}/terms/{term}/")
    root = page.locator(f"#calc-{formula_id}")
    fill(root, known)
    choose = root.locator("[data-solve-for]")
    expect(choose).to_be_visible()
    choose.select_option(unknown)
    root.locator("[data-target]").fill(target)
    reply = solved(formula_id, target, unknown, known, lang)
    assert reply["ok"], reply
    result = root.locator("[data-result]")
    expect(result).to_have_attribute("data-value", js_number(reply["value"]), timeout=ENGINE_TIMEOUT)
    expect(result).to_have_attribute("aria-busy", "false")
    expect(root.locator("[data-steps] > li")).to_have_text(reply["steps"])
    # The answer is written into its field, which is not for typing now.
    answer = root.locator(f'[name="{unknown}"]')
    expect(answer).to_have_value(reply["formatted"])
    expect(answer).not_to_be_editable()
    label = FORMULAS[formula_id].input(unknown).label[lang]
    expect(root.locator("[data-result-label]")).to_have_text(f"{label} =")
    details = {d["name"]: d for d in reply.get("details", [])}
    if "whole_above" in details:          # a count: "38.57 → 39"
        expect(result).to_contain_text("→")
        whole = root.locator("[data-whole]")
        expect(whole).to_be_visible()
        expect(whole).to_contain_text(details["result_above"]["label"])
        expect(whole).to_contain_text(details["result_above"]["formatted"])
    else:
        expect(result).to_have_text(reply["formatted"])
    query = dict(parse_qsl(urlsplit(page.url).query))
    assert query[f"{formula_id}.solve"] == unknown and query[f"{formula_id}.target"] == target


def test_a_count_answer_shows_the_whole_number_that_reaches_the_target(page, site_url):
    page.goto(f"{site_url}en/terms/nps/")
    root = page.locator("#calc-nps")
    fill(root, {"passives": "25", "detractors": "15"})
    root.locator("[data-solve-for]").select_option("promoters")
    root.locator("[data-target]").fill("30")
    expect(root.locator("[data-result]")).to_have_text("38.57 → 39", timeout=ENGINE_TIMEOUT)


@pytest.mark.parametrize("lang", LANGS)
def test_an_unreachable_target_is_named(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nps/")
    root = page.locator("#calc-nps")
    fill(root, {"passives": "25", "detractors": "15"})
    root.locator("[data-solve-for]").select_option("promoters")
    target = root.locator("[data-target]")
    target.fill("120")
    reply = solved("nps", "120", "promoters", {"passives": "25", "detractors": "15"}, lang)
    assert not reply["ok"] and reply["field"] == "target"
    error = root.locator("[data-error]")
    expect(error).to_have_text(reply["message"], timeout=ENGINE_TIMEOUT)
    expect(target).to_have_attribute("aria-invalid", "true")
    assert error.get_attribute("id") in target.get_attribute("aria-describedby").split()
    expect(root.locator(".calculator__result")).to_be_hidden()
    target.fill("20")
    expect(root.locator("[data-error]")).to_be_hidden(timeout=ENGINE_TIMEOUT)
    expect(target).not_to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("lang", LANGS)
def test_a_shared_solve_link_restores_the_question_and_the_answer(page, site_url, lang):
    known = {"start_mrr": "100000", "contraction_mrr": "2000", "churned_mrr": "3000"}
    query = "&".join(f"nrr.{k}={v}" for k, v in known.items()) + "&nrr.solve=expansion_mrr&nrr.target=110"
    page.goto(f"{site_url}{lang}/terms/nrr/?{query}#calc-nrr")
    root = page.locator("#calc-nrr")
    expect(root.locator("[data-solve-for]")).to_have_value("expansion_mrr")
    expect(root.locator("[data-target]")).to_have_value("110")
    reply = solved("nrr", "110", "expansion_mrr", known, lang)
    expect(root.locator("[data-result]")).to_have_attribute("data-value", js_number(reply["value"]),
                                                            timeout=ENGINE_TIMEOUT)
    expect(root.locator('[name="expansion_mrr"]')).to_have_value(reply["formatted"])


def test_back_to_the_result_makes_the_input_editable_again(page, site_url):
    page.goto(f"{site_url}en/terms/nrr/")
    root = page.locator("#calc-nrr")
    expect(root).to_have_attribute("data-state", "ready", timeout=ENGINE_TIMEOUT)
    root.locator("[data-solve-for]").select_option("churned_mrr")
    # The target starts at the result on screen, so the answer is the input it had.
    example = example_inputs(FORMULAS["nrr"])
    expect(root.locator("[data-result]")).to_have_attribute("data-value", js_number(example["churned_mrr"]),
                                                            timeout=ENGINE_TIMEOUT)
    root.locator("[data-solve-for]").select_option("")
    expect(root.locator("[data-target-field]")).to_be_hidden()
    control = root.locator('[name="churned_mrr"]')
    expect(control).to_be_editable()
    control.fill("5000")
    reply = json.loads(browser.run("nrr", json.dumps({**example, "churned_mrr": "5000"}), "en"))
    expect(root.locator("[data-result]")).to_have_attribute("data-value", js_number(reply["value"]),
                                                            timeout=ENGINE_TIMEOUT)
    expect(root.locator("[data-result-label]")).to_have_text(f"{FORMULAS['nrr'].symbol['en']} =")


def test_every_calculator_with_a_numeric_input_offers_solve_for(built_site):
    from bs4 import BeautifulSoup
    checked = 0
    for lang in LANGS:
        for path in sorted((built_site / lang / "terms").rglob("index.html")):
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for root in page.select("section[data-calculator]"):
                formula = FORMULAS[root["data-calculator"]]
                if not solvable_inputs(formula):          # dates, lists, a table: nothing to solve for
                    assert root.select_one("[data-solve]") is None, formula.id
                    continue
                options = [o["value"] for o in root.select("[data-solve-for] option")]
                assert options == [""] + [i.name for i in solvable_inputs(formula)], formula.id
                assert root.select_one("[data-solve]").has_attr("hidden")      # shown by the script
                label = page.find("label", attrs={"for": root.select_one("[data-solve-for]")["id"]})
                assert label.get_text(strip=True) == ui("calc_solve_for", lang)
                checked += 1
    assert checked > 40
