"""Calculator widgets for term pages: metadata from `calculators`, a worked
example computed now with CPython so the page is useful before (or without)
Pyodide, and the HTML from templates/calculator.html.j2.

The widget's DOM is a public contract (data-calculator, data-state, name=,
data-result/data-value, data-error); overrides/assets/javascripts/calculators.js
drives it and tests/site/test_calculator_widgets.py checks it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from glossary import Glossary, Term

from . import urls
from .rendering import environment, ui
from .calculator_extras import DATA_INPUTS, example_reply, extras_for, render as render_extra
from calculators.charts import CHARTS


@dataclass(frozen=True)
class WidgetExample:
    inputs: dict[str, str]     # as the form shows them
    result: dict | None        # calculators.browser.run() output; None when there is nothing to show


@dataclass(frozen=True)
class Widget:
    formula: object            # calculators.Formula
    html: Markup


@dataclass(frozen=True)
class IndexEntry:
    formula: object            # calculators.Formula
    term: Term
    href: str                  # term page anchor, relative to the language root
    variants: int = 1          # how many calculators the term's page shows

    def name(self, lang: str) -> str:
        """The symbol, or the variant's name where the term has several."""
        if self.variants > 1 and self.formula.label is not None:
            return self.formula.label[lang]
        return self.formula.symbol[lang]


def _form_value(value) -> str:
    if isinstance(value, (list, tuple)):
        return "\n".join(_form_value(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def example_inputs(formula) -> dict:
    """What the widget opens with: the source's worked example, else the catalog's sample."""
    return dict(formula.prefill)


def example_for(formula, lang: str) -> WidgetExample:
    from calculators import browser
    inputs = example_inputs(formula)
    if not inputs:
        return WidgetExample({}, None)
    result = json.loads(browser.run(formula.id, json.dumps(inputs), lang))
    if formula.id in CHARTS:    # the same reply, with the picture's data (calculator_extras)
        result = example_reply(formula, inputs, lang)
    shown = {k: _form_value(v) for k, v in inputs.items()}
    # A choice left to its default must show that default: a <select> shows
    # its first option otherwise, and the first live result would then
    # answer a different question (CES on a 1-5 scale instead of 1-7).
    for item in formula.inputs:
        if item.kind == "choice" and item.name not in shown and item.default is not None:
            shown[item.name] = _form_value(item.default)
    return WidgetExample(shown, result)


def js_number(value: float) -> str:
    """The number as JavaScript's String(value) writes it, so data-value reads
    the same whether the build or the browser wrote it (110, not 110.0)."""
    if float(value).is_integer() and abs(value) < 1e21:
        return str(int(value))
    return repr(float(value))


def display_name(formula, lang: str, *, variants: int = 1) -> str:
    """What a reader calls this calculator: its variant's name where the term
    has several ("Margin-adjusted LTV"), else "<symbol> calculator"."""
    if variants > 1 and formula.label is not None:
        return formula.label[lang]
    return ui("calc_title", lang, symbol=formula.symbol[lang])


# Survey results shown with their margin of error: the formula that gives
# it, fed the same inputs (its confidence level left at the default).
MARGINS = {"nps": "nps_margin_of_error", "csat": "csat_margin_of_error"}


def margin_formula(formula):
    from calculators import FORMULAS
    return FORMULAS.get(MARGINS.get(formula.id, ""))


def solvable_inputs(formula) -> list:
    """The inputs solve() can work out from a target: the numeric ones."""
    from calculators.solver import NUMERIC_KINDS
    return [item for item in formula.inputs if item.kind in NUMERIC_KINDS]


def margin_for(formula, example: WidgetExample, lang: str) -> dict | None:
    """The worked example's margin of error, computed now like the result:
    {"value": "± 14.5", "line": "Margin of error: ± 14.5 (95% confidence, n = 100)"}."""
    from calculators import browser
    margin = margin_formula(formula)
    if margin is None or not example.inputs:
        return None
    reply = json.loads(browser.run(margin.id, json.dumps(dict(formula.prefill)), lang))
    if not reply["ok"]:
        return None
    details = {item["name"]: item["formatted"] for item in reply.get("details", [])}
    return {"value": f"± {reply['formatted']}", "raw": js_number(reply["value"]),
            "line": ui("calc_margin", lang, margin=reply["formatted"], confidence=details["confidence"],
                       n=details["responses"])}


def render_widget(formula, lang: str, *, variants: int = 1) -> Markup:
    template = environment().get_template("calculator.html.j2")
    example = example_for(formula, lang)
    extras = extras_for(formula, lang, example.result)
    return Markup(template.render(margin_example=margin_for(formula, example, lang),
        local_input=DATA_INPUTS.get(formula.id, ""),
        extra=lambda name: render_extra(name, formula, lang, extras, f"calc-{formula.id}", js_number),
        formula=formula, lang=lang, example=example, variants=variants,
        solvable=solvable_inputs(formula), margin=margin_formula(formula),
        title=display_name(formula, lang, variants=variants),
        t=lambda key, **values: ui(key, lang, **values), js_number=js_number,
    ))


def calculator_extras(term: Term, lang: str) -> dict:
    """Template context for a term page: its widgets, in the term's order."""
    from calculators import FORMULAS
    formulas = [FORMULAS[f] for f in term.formulas]
    return {"calculators": [Widget(f, render_widget(f, lang, variants=len(formulas)))
                            for f in formulas]}


def index_entries(glossary: Glossary) -> list[IndexEntry]:
    """Every formula a term page shows, in catalog order, with its widget's anchor."""
    from calculators import FORMULAS
    shown_on = {formula_id: term for term in glossary for formula_id in term.formulas}
    return [IndexEntry(formula, shown_on[formula.id],
                       urls.term(shown_on[formula.id].id) + f"#calc-{formula.id}",
                       variants=len(shown_on[formula.id].formulas))
            for formula in FORMULAS.values() if formula.id in shown_on]
