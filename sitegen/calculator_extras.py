"""What a calculator widget shows beyond its form and result: a data input
(file picker, sample file, privacy note) for the calculators that read a
table or a column of answers, a picture with its table equivalent, the
currency selector for money, and the period a result covers.

Each extra comes with the script that drives it (calculator-data.js,
calculator-charts.js, calculator-units.js); calculators.js loads a script
only when the page holds an element that names it (data-addon), so a page
without a chart carries no chart code. Texts live in calculator_extras.yml.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from markupsafe import Markup

from . import urls
from .calculator_samples import Sample, samples
from .rendering import environment

_DATA = Path(__file__).with_name("calculator_extras.yml")
# The calculators that take pasted data, and which input holds it.
DATA_INPUTS = {"retention_from_accounts": "accounts", "nps_from_scores": "scores"}
# The largest file the page reads; the engine refuses longer tables itself.
MAX_FILE_MB = 32
CURRENCIES = (("", "currency_none"), ("¥", "currency_cny"), ("$", "currency_usd"), ("€", "currency_eur"))


@lru_cache(maxsize=1)
def _texts() -> dict:
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))


def text(key: str, lang: str, **values) -> str:
    value = _texts()["text"][key][lang]
    return value.format(**values) if values else value


@dataclass(frozen=True)
class DataInput:
    input_name: str
    sample: Sample
    sample_href: str            # relative to the term page the widget is on


@dataclass(frozen=True)
class Extras:
    data_input: DataInput | None
    chart: dict | None          # calculators.charts.chart_for() for the worked example
    currency: bool              # money figures: offer the currency selector
    period: str | None

    @property
    def chart_json(self) -> str:
        return json.dumps(self.chart, ensure_ascii=False) if self.chart else ""


def _uses_money(formula) -> bool:
    return formula.unit == "money" or any(i.kind in ("money", "list_money", "table") for i in formula.inputs)


def extras_for(formula, lang: str, result: dict | None) -> Extras:
    """The extras of one widget; `result` is the worked example's reply."""
    data_input = None
    if formula.id in DATA_INPUTS:
        sample = samples(lang)[formula.id]
        data_input = DataInput(DATA_INPUTS[formula.id], sample,
                               urls.relative(sample.path, urls.term(formula.term)))
    chart = result.get("chart") if result and result.get("ok") else None
    period = _texts()["periods"].get(formula.id)
    return Extras(data_input, chart, _uses_money(formula), period[lang] if period else None)


def example_reply(formula, inputs: dict, lang: str) -> dict:
    """The worked example's reply, with its chart where the formula has one."""
    from calculators import charts
    return json.loads(charts.run(formula.id, json.dumps(inputs), lang))


def render(name: str, formula, lang: str, extras: Extras, cid: str, js_number) -> Markup:
    """One of the extras' templates (data | figures), for calculator.html.j2;
    stripped, because the widget must stay one block without blank lines."""
    if name == "data" and extras.data_input is None:
        return Markup("")
    template = environment().get_template(f"calculator-{name}.html.j2")
    return Markup(template.render(
        formula=formula, lang=lang, extras=extras, cid=cid, currencies=CURRENCIES,
        max_file_mb=MAX_FILE_MB, js_number=js_number,
        t=lambda key, **values: text(key, lang, **values)).strip())
