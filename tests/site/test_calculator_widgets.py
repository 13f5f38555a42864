"""The calculator widgets as built, before any JavaScript runs: every formula
has exactly one widget in each language, on its term's page, with the DOM
contract tests and embedders rely on, its worked example computed at build
time, and everything in the page's language. Pages without a calculator carry
no reference to the engine."""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from calculators import FORMULAS, browser, compute
from sitegen.calculator_views import example_inputs, js_number
from sitegen.rendering import ui
from tests.conftest import REPO
from tests.spec import repository_glossary

LANGS = ("zh", "en")
FORMULA_IDS = sorted(FORMULAS)
# The build reads the same variable (mkdocs.yml: extra.glossary_dir).
GLOSSARY = repository_glossary(REPO / os.environ.get("GLOSSARY_DIR", "glossary"))
TERM_OF = {formula_id: term.id for term in GLOSSARY for formula_id in term.formulas}
ENGINE_WORDS = ("pyodide", "calculator-worker", "calculators.zip", "katex")


@lru_cache(maxsize=None)
def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@lru_cache(maxsize=None)
def widgets_by_formula(site: Path, lang: str) -> dict[str, list[tuple[str, object]]]:
    """formula id -> [(page URL, widget element)] over every page of one tree."""
    found: dict[str, list] = {}
    for path in sorted((site / lang).rglob("index.html")):
        for widget in parse(path).select("[data-calculator]"):
            url = path.parent.relative_to(site / lang).as_posix()
            found.setdefault(widget["data-calculator"], []).append((url, widget))
    return found


def widget(site: Path, lang: str, formula_id: str):
    """The widget on the page of the formula's own term (the contract's `term`).

    A formula may also appear on another term that lists it (stickiness is
    DAU ÷ MAU: both pages show it), but only on pages of terms that list it."""
    entries = widgets_by_formula(site, lang).get(formula_id, [])
    listed_by = {f"terms/{term.id}" for term in GLOSSARY if formula_id in term.formulas}
    assert {url for url, _ in entries} == listed_by, f"{lang}: {formula_id} on {[u for u, _ in entries]}"
    home = [entry for entry in entries if entry[0] == f"terms/{FORMULAS[formula_id].term}"]
    assert len(home) == 1, f"{lang}: {len(home)} widgets for {formula_id} on its term page"
    return home[0]


def form_value(value) -> str:
    if isinstance(value, (list, tuple)):
        return "\n".join(form_value(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_every_formula_is_on_a_term_page():
    assert sorted(TERM_OF) == FORMULA_IDS, "formulas no term lists: " + ", ".join(
        sorted(set(FORMULA_IDS) - set(TERM_OF)))


def test_no_unknown_widgets(built_site):
    for lang in LANGS:
        assert set(widgets_by_formula(built_site, lang)) <= set(FORMULA_IDS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("formula_id", FORMULA_IDS)
def test_widget_contract(built_site, lang, formula_id):
    formula = FORMULAS[formula_id]
    url, root = widget(built_site, lang, formula_id)
    assert url == f"terms/{formula.term}"
    assert root["id"] == f"calc-{formula_id}"
    assert root["data-state"] == "static"
    assert root["data-lang"] == lang
    assert root.find_parent(class_="calculator-group") is not None

    page = parse(built_site / lang / url / "index.html")
    for item in formula.inputs:
        controls = root.select(f'[name="{item.name}"]')
        assert len(controls) == 1, item.name
        control = controls[0]
        expected_tag = ("select" if item.kind == "choice" else
                        "textarea" if item.kind.startswith("list") or item.kind == "table" else "input")
        assert control.name == expected_tag, item.name
        if item.kind == "date":
            assert control["type"] == "date"
        if item.kind == "choice":
            assert [o["value"] for o in control.select("option")] == [c.value for c in item.choices]
            assert [o.get_text() for o in control.select("option")] == [c.label[lang] for c in item.choices]
        # A real <label for>, with the input's label in the page's language.
        labels = page.select(f'label[for="{control["id"]}"]')
        assert len(labels) == 1, item.name
        assert labels[0].get_text(" ", strip=True).startswith(item.label[lang])
        # Each variable is explained, in the page's language.
        help_ids = control["aria-describedby"].split()
        assert any(page.find(id=i) and page.find(id=i).get_text() == item.help[lang] for i in help_ids)

    result = root.select_one("[data-result]")
    assert result is not None and result.has_attr("data-value")
    error = root.select_one("[data-error]")
    assert error is not None and error.get("role") == "alert"
    assert root.select_one("[data-latex]")["data-latex"] == formula.latex[lang]
    assert root.select_one("[data-latex]").get_text() == formula.formula[lang]
    assert root.select_one("template[data-step-template]") is not None
    assert root.select_one("[data-copy-link]").get_text(strip=True) == ui("calc_copy_link", lang)
    for key, ui_key in [("loading", "calc_loading"), ("failed", "calc_failed"),
                        ("copied", "calc_copied"), ("copy-failed", "calc_copy_failed")]:
        assert root[f"data-text-{key}"] == ui(ui_key, lang)
    # The CSP allows no inline script and no inline handlers.
    assert not root.select("script")
    assert not [attr for el in [root, *root.find_all(True)] for attr in el.attrs if attr.startswith("on")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("formula_id", FORMULA_IDS)
def test_static_result_is_the_worked_example(built_site, lang, formula_id):
    formula = FORMULAS[formula_id]
    _, root = widget(built_site, lang, formula_id)
    inputs = example_inputs(formula)
    result = root.select_one("[data-result]")
    steps = [li.get_text() for li in root.select("[data-steps] > li")]
    if not inputs:
        assert result["data-value"] == "" and result.get_text() == "" and steps == []
        return
    for name, value in inputs.items():
        control = root.select_one(f'[name="{name}"]')
        if control.name == "select":
            assert control.select_one("option[selected]")["value"] == value
        elif control.name == "textarea":
            assert control.get_text() == form_value(value)
        else:
            assert control["value"] == form_value(value)
    expected = compute(formula_id, **inputs)
    if formula.examples:
        assert expected.value == pytest.approx(formula.examples[0].value)
    assert result["data-value"] == js_number(expected.value)
    reply = json.loads(browser.run(formula_id, json.dumps(inputs), lang))
    assert result.get_text() == reply["formatted"]
    assert steps == [step[lang] for step in expected.steps]
    assert root.select_one("[data-error]").has_attr("hidden")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("term_id", ["ltv", "arr", "mrr"])
def test_formula_variants_sit_together_and_say_when_to_use_each(built_site, lang, term_id):
    page = parse(built_site / lang / "terms" / term_id / "index.html")
    expected = [f for f in GLOSSARY[term_id].formulas]
    assert len(expected) > 1
    groups = page.select(".calculator-group")
    assert len(groups) == 1
    widgets = groups[0].select(":scope > [data-calculator]")
    assert [w["data-calculator"] for w in widgets] == expected
    for root in widgets:
        when = FORMULAS[root["data-calculator"]].when_to_use
        assert root.select_one(".calculator__when").get_text() == when[lang]
    assert page.select_one(".calculator-variants") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_calculators_index_links_every_widget(built_site, lang):
    index = built_site / lang / "calculators" / "index.html"
    page = parse(index)
    rows = page.select(".calculators-index tr[data-formula]")
    assert sorted(r["data-formula"] for r in rows) == FORMULA_IDS
    for row in rows:
        formula_id = row["data-formula"]
        href = row.select_one("a")["href"]
        assert href == f"../terms/{TERM_OF[formula_id]}/#calc-{formula_id}"
        target = (index.parent / href.split("#")[0] / "index.html").resolve()
        assert parse(target).find(id=f"calc-{formula_id}") is not None
    assert page.h1.get_text(strip=True).rstrip("¶") == ui("calculators_title", lang)
    # In the navigation, right after the categories.
    nav = [a["href"] for a in parse(built_site / lang / "index.html").select(".md-nav--primary a.md-nav__link[href]")]
    assert "calculators/" in nav and nav.index("calculators/") == nav.index("categories/") + 1


@pytest.mark.parametrize("lang", LANGS)
def test_pages_without_calculators_reference_no_engine(built_site, lang):
    checked = 0
    for path in sorted((built_site / lang).rglob("index.html")):
        page = parse(path)
        if page.select("[data-calculator]"):
            continue
        checked += 1
        for element in page.find_all(True):
            for attr, value in element.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                assert not any(word in text.lower() for word in ENGINE_WORDS), \
                    f"{path.relative_to(built_site)}: <{element.name} {attr}={text!r}>"
    assert checked > 10


def test_engine_files_are_self_hosted(built_site):
    for name in ("pyodide/pyodide.mjs", "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip",
                 "py/calculators.zip", "katex/katex.min.js", "katex/katex.min.css",
                 "katex/fonts/KaTeX_Main-Regular.woff2"):
        assert (built_site / name).is_file(), name
    for lang in LANGS:
        scripts = built_site / lang / "assets" / "javascripts"
        for name in ("calculators.js", "calculator-worker.mjs"):
            source = (scripts / name).read_text(encoding="utf-8")
            assert "http://" not in source and "https://" not in source, name
            assert not re.search(r"\beval\(|new Function\(|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML",
                                 source), name


def accessible_name(page: BeautifulSoup, element) -> str:
    """The name aria-labelledby gives an element (the only way widgets are named)."""
    ids = element.get("aria-labelledby", "").split()
    return " ".join(page.find(id=i).get_text(" ", strip=True) for i in ids if page.find(id=i))


@pytest.mark.parametrize("lang", LANGS)
def test_every_calculator_on_a_page_has_its_own_title_and_name(built_site, lang):
    """A page with several calculators (LTV, ARR, MRR) titles each by its
    variant, and the region names differ; no title is a formula id."""
    pages_with_several = 0
    for path in sorted((built_site / lang).rglob("index.html")):
        page = parse(path)
        widgets = page.select("section[data-calculator]")
        if not widgets:
            continue
        names = [accessible_name(page, w) for w in widgets]
        titles = [w.select_one(".calculator__title").get_text(strip=True) for w in widgets]
        where = path.relative_to(built_site).as_posix()
        assert all(names), where
        assert len(set(names)) == len(names), f"{where}: {names}"
        assert len(set(titles)) == len(titles), f"{where}: {titles}"
        for widget, title in zip(widgets, titles):
            assert widget["data-calculator"] not in title, f"{where}: {title}"
        if len(widgets) > 1:
            pages_with_several += 1
            for widget, title in zip(widgets, titles):
                label = FORMULAS[widget["data-calculator"]].label
                assert label is not None, f"{where}: {widget['data-calculator']} has no variant name"
                assert title == label[lang]
    assert pages_with_several >= 3


@pytest.mark.parametrize("lang", LANGS)
def test_calculators_index_names_each_calculator_once(built_site, lang):
    page = parse(built_site / lang / "calculators" / "index.html")
    names = [row.select_one("td").get_text(strip=True) for row in page.select(".calculators-index tr[data-formula]")]
    repeated = sorted({name for name in names if names.count(name) > 1})
    assert repeated == [], repeated


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("formula_id", FORMULA_IDS)
def test_without_javascript_the_inputs_are_read_only_and_one_note_speaks(built_site, lang, formula_id):
    _, root = widget(built_site, lang, formula_id)
    for control in root.select("[name]"):
        if control.name == "select":
            assert control.has_attr("disabled"), control["name"]
        else:
            assert control.has_attr("readonly"), control["name"]
    # The "change any input" note is for live widgets: the script shows it.
    note = root.select_one("[data-note]")
    assert note is None or note.has_attr("hidden")
    assert root.select_one("noscript").get_text(strip=True) == ui("calc_noscript", lang)
    assert root.select_one("[data-retry]").has_attr("hidden")
    # The result line is there only when there is a result.
    line = root.select_one("[data-result-line]")
    assert line.has_attr("hidden") == (root.select_one("[data-result]").get_text() == "")
