"""Calculator widgets for term pages: metadata from `calculators`, a worked
example computed now with CPython so the page is useful before (or without)
Pyodide, and the HTML from templates/calculator.html.j2."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from glossary import Term

from .pages import _environment, ui


@dataclass(frozen=True)
class WidgetExample:
    inputs: dict[str, str]     # as the form shows them
    result: dict               # calculators.browser.run() output


@lru_cache(maxsize=1)
def formula_ids() -> frozenset[str]:
    from calculators import FORMULAS
    return frozenset(FORMULAS)


def _form_value(value) -> str:
    if isinstance(value, list):
        return "\n".join(_form_value(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def example_for(formula, lang: str) -> WidgetExample:
    from calculators import browser
    # The source's worked example when there is one, else the catalog's sample.
    inputs = dict(formula.examples[0].inputs if formula.examples else formula.sample)
    result = json.loads(browser.run(formula.id, json.dumps(inputs), lang))
    return WidgetExample({k: _form_value(v) for k, v in inputs.items()}, result)


def render_widget(formula, lang: str) -> str:
    template = _environment().get_template("calculator.html.j2")
    return template.render(
        formula=formula, lang=lang, example=example_for(formula, lang),
        t=lambda key, **values: ui(key, lang, **values),
    )


def calculator_extras(term: Term, lang: str) -> dict:
    from calculators import FORMULAS
    return {"calculators": [render_widget(FORMULAS[f], lang) for f in term.formulas]}
