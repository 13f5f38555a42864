"""Every calculator, given bad input in a real browser, shows the same clear
message CPython gives, in the page's language, and keeps working; nothing
reaches the console as an uncaught exception."""
from __future__ import annotations

import json
from itertools import groupby

import pytest
from playwright.sync_api import expect

from calculators import FORMULAS, browser as engine

pytestmark = pytest.mark.browser
NUMERIC = ("money", "count", "number", "percent", "list_money", "list_number")


def bad_cases(formula):
    """(case name, {input: typed text}) for this formula's inputs."""
    numeric = [i for i in formula.inputs if i.kind in NUMERIC]
    required = [i for i in formula.inputs if not i.optional and i.kind != "choice"]
    cases = [("empty", {required[0].name: ""})]
    if numeric:
        first = numeric[0]
        cases += [("text", {first.name: "abc"}), ("huge", {first.name: "1e300"}),
                  ("zero", {i.name: "0" for i in numeric})]
        non_negative = [i for i in numeric if i.minimum is not None and i.minimum >= 0]
        if non_negative:
            cases.append(("negative", {non_negative[0].name: "-5"}))
    dates = [i for i in formula.inputs if i.kind == "date"]
    if len(dates) == 2:
        cases.append(("backwards", {dates[0].name: "2026-03-09", dates[1].name: "2026-03-01"}))
    return cases


# Group by term page so each page is opened once; alternate the language so
# both are covered without doubling the run.
PAGES = []
for index, (term, formulas) in enumerate(groupby(sorted(FORMULAS.values(), key=lambda f: f.term),
                                                 key=lambda f: f.term)):
    PAGES.append((term, "zh" if index % 2 == 0 else "en", [f.id for f in formulas]))


def form_values(widget) -> dict[str, str]:
    return widget.locator("[name]").evaluate_all(
        "controls => Object.fromEntries(controls.map(c => [c.name, c.value]))")


@pytest.mark.parametrize("term, lang, formula_ids", PAGES, ids=[f"{p[0]}-{p[1]}" for p in PAGES])
def test_bad_input_shows_message_and_widget_recovers(page, site_url, term, lang, formula_ids):
    uncaught = []
    page.on("pageerror", lambda error: uncaught.append(str(error)))
    page.goto(f"{site_url}{lang}/terms/{term}/")
    for formula_id in formula_ids:
        widget = page.locator(f"#calc-{formula_id}")
        original = form_values(widget)
        for case, typed in bad_cases(FORMULAS[formula_id]):
            for name, text in typed.items():
                widget.locator(f"[name={name}]").fill(text)
            expected = json.loads(engine.run(formula_id, json.dumps(form_values(widget)), lang))
            where = f"{formula_id} {case} {lang}"
            if expected["ok"]:       # e.g. ARR of 0 is 0: a number, not an error
                expect(widget.locator("[data-result]"), where).to_have_attribute(
                    "data-value", str(expected["value"]).removesuffix(".0"), timeout=30_000)
            else:
                error = widget.locator("[data-error]")
                expect(error, where).to_be_visible(timeout=30_000)
                expect(error, where).to_have_text(expected["message"])
            expect(widget, where).not_to_have_attribute("data-state", "error")
        for name, text in original.items():        # still usable afterwards
            control = widget.locator(f"[name={name}]")
            if control.evaluate("c => c.tagName") == "SELECT":
                control.select_option(text)
            else:
                control.fill(text)
        expected = json.loads(engine.run(formula_id, json.dumps(original), lang))
        expect(widget.locator("[data-error]")).to_be_hidden(timeout=30_000)
        expect(widget.locator("[data-result]")).to_have_text(expected["formatted"])
    assert uncaught == []
