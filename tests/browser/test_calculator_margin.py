"""NPS and CSAT show how sure they are: the margin of error beside the result
("NPS = 45 ± 14.5"), with its confidence level and sample size, computed at
build time for the worked example and live as the reader types."""
from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from calculators import FORMULAS, browser
from sitegen.calculator_views import MARGINS, example_inputs
from sitegen.rendering import ui

pytestmark = pytest.mark.browser

LANGS = ("zh", "en")
ENGINE_TIMEOUT = 30_000
# (term page, formula, inputs as typed)
TYPED = [
    ("nps", "nps", {"promoters": "60", "passives": "25", "detractors": "15"}),
    ("csat", "csat", {"satisfied_responses": "80", "total_responses": "100"}),
]


def margin_texts(formula_id: str, inputs: dict, lang: str) -> tuple[str, str]:
    reply = json.loads(browser.run(MARGINS[formula_id], json.dumps(inputs), lang))
    assert reply["ok"], reply
    details = {d["name"]: d["formatted"] for d in reply["details"]}
    return (f"± {reply['formatted']}",
            ui("calc_margin", lang, margin=reply["formatted"], confidence=details["confidence"],
               n=details["responses"]))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("term, formula_id, typed", TYPED, ids=[t[1] for t in TYPED])
def test_the_margin_of_error_sits_beside_the_result(page, site_url, lang, term, formula_id, typed):
    page.goto(f"{site_url}{lang}/terms/{term}/")
    root = page.locator(f"#calc-{formula_id}")
    value, line = margin_texts(formula_id, {k: str(v) for k, v in example_inputs(FORMULAS[formula_id]).items()}, lang)
    expect(root.locator("[data-margin-value]")).to_have_text(value)       # the worked example's, at build time
    expect(root.locator("[data-margin-line]")).to_have_text(line)
    for name, text in typed.items():
        root.locator(f'[name="{name}"]').fill(text)
    value, line = margin_texts(formula_id, typed, lang)
    expect(root.locator("[data-margin-value]")).to_have_text(value, timeout=ENGINE_TIMEOUT)
    expect(root.locator("[data-margin-line]")).to_have_text(line)
    expect(root.locator("[data-margin-value]")).to_be_visible()
    # Bad input: no margin for a result that is not there.
    root.locator(f'[name="{next(iter(typed))}"]').fill("abc")
    expect(root.locator("[data-error]")).to_be_visible(timeout=ENGINE_TIMEOUT)
    expect(root.locator("[data-margin-line]")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_only_survey_results_carry_a_margin(built_site, lang):
    for path in sorted((built_site / lang / "terms").rglob("index.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for root in page.select("section[data-calculator]"):
            has = root.select_one("[data-margin-line]") is not None
            assert has == (root["data-calculator"] in MARGINS), root["data-calculator"]
