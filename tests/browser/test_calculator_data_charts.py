"""Data input, pictures and units on the calculators (issue 11 §2-3), in real
Chromium on the real built site, both languages. Every expected figure comes
from the same Python under CPython (calculators.charts.run), so the test
checks that the page shows what the engine computed, bar by bar."""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from calculators import charts
from sitegen.calculator_extras import text as extra_text
from sitegen.calculator_samples import samples
from tests.browser.waits import animations_done

pytestmark = pytest.mark.browser

LANGS = ("zh", "en")
ENGINE_TIMEOUT = 60_000
ACCOUNTS = "#calc-retention_from_accounts"

# A CSV as Excel writes it where the comma is the decimal mark: a byte-order
# mark, ";" between fields, "." grouping thousands, a quoted name with a comma.
SEMICOLON_CSV = {
    "zh": "\ufeff账户;期初MRR;期末MRR\r\n\"华东, 物流\";1.000,50;1.200\r\n乙;2.000;1.500\r\n丙;500;0\r\n丁;0;800\r\n",
    "en": "\ufeffaccount;start_mrr;end_mrr\r\n\"Harbor, Inc\";1.000,50;1.200\r\nB;2.000;1.500\r\nC;500;0\r\nD;0;800\r\n",
}
BAD_ROWS = "account,start_mrr,end_mrr\nA,100,120\nB,abc,50\n"


def expected(formula_id: str, inputs: dict, lang: str) -> dict:
    return json.loads(charts.run(formula_id, json.dumps(inputs), lang))


def js_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def wait_for(root, value: str):
    expect(root.locator("[data-result]")).to_have_attribute("data-value", value, timeout=ENGINE_TIMEOUT)


def bars_shown(root) -> dict:
    """name -> (value, text) of every bar, from the SVG and from its table."""
    svg = {g.get_attribute("data-bar"): g.get_attribute("data-value")
           for g in root.locator("[data-chart-canvas] [data-bar]").all()}
    table = {r.get_attribute("data-bar-row"): (r.get_attribute("data-value"), r.locator("td").nth(1).inner_text())
             for r in root.locator("[data-chart-table] [data-bar-row]").all()}
    return {"svg": svg, "table": table}


def bars_expected(reply: dict) -> dict:
    sign = {"up": "+", "down": "−"}
    return {"svg": {b["name"]: js_number(b["value"]) for b in reply["chart"]["bars"]},
            "table": {b["name"]: (js_number(b["value"]), sign.get(b["step"], "") + b["formatted"])
                      for b in reply["chart"]["bars"]}}


@pytest.mark.parametrize("lang", LANGS)
def test_semicolon_csv_with_bom_gives_nrr_grr_and_the_waterfall(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = page.locator(ACCOUNTS)
    reply = expected("retention_from_accounts", {"accounts": SEMICOLON_CSV[lang]}, lang)
    assert reply["ok"], reply
    root.locator('[name="accounts"]').fill(SEMICOLON_CSV[lang])
    wait_for(root, js_number(reply["value"]))
    expect(root.locator("[data-result]")).to_have_text(reply["formatted"])
    grr = next(n for n in reply["chart"]["notes"] if n["name"] == "grr")
    expect(root.locator('[data-chart-table] [data-chart-note="grr"] td').nth(1)).to_have_text(grr["formatted"])
    assert bars_shown(root) == bars_expected(reply)
    # Pasted data is never written into the address (it would go to the server on reload).
    assert "accounts" not in page.url and "start_mrr" not in page.url


@pytest.mark.parametrize("lang", LANGS)
def test_bad_rows_are_named_in_the_readers_language(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = page.locator(ACCOUNTS)
    reply = expected("retention_from_accounts", {"accounts": BAD_ROWS}, lang)
    assert not reply["ok"]
    root.locator('[name="accounts"]').fill(BAD_ROWS)
    error = root.locator("[data-error]")
    expect(error).to_have_text(reply["message"], timeout=ENGINE_TIMEOUT)
    assert ("第 3 行" if lang == "zh" else "Row 3") in reply["message"]
    assert "start_mrr" in reply["message"]
    expect(root.locator('[name="accounts"]')).to_have_attribute("aria-invalid", "true")
    expect(root.locator("[data-chart]")).to_be_hidden()     # no picture of a result not shown


@pytest.mark.parametrize("lang, encoding", [("zh", "gb18030"), ("zh", "utf-8-sig"), ("en", "utf-16")])
def test_file_picker_reads_the_file_in_the_page(page, site_url, lang, encoding, tmp_path):
    requests = []
    # Anything that could carry the file: a method other than GET/HEAD, or a body.
    page.on("request", lambda request: requests.append((request.method, request.url))
            if request.method not in ("GET", "HEAD") or request.post_data_buffer else None)
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = page.locator(ACCOUNTS)
    table = samples(lang)["retention_from_accounts"].content.lstrip("\ufeff")
    path = tmp_path / f"accounts-{encoding}.csv"
    path.write_bytes(table.encode(encoding))
    reply = expected("retention_from_accounts", {"accounts": table}, lang)
    picker = root.locator("[data-file-picker]")
    expect(picker).to_be_visible()
    picker.set_input_files(str(path))
    wait_for(root, js_number(reply["value"]))
    assert bars_shown(root) == bars_expected(reply)
    expect(root.locator("[data-file-status]")).to_contain_text(path.name)
    assert requests == [], "the file was sent somewhere"
    expect(root.locator("[data-private-note]")).to_have_text(extra_text("data_private", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_sample_files_download_in_each_language(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    href = page.locator(f"{ACCOUNTS} [data-sample-link]").get_attribute("href")
    body = page.request.get(urljoin(page.url, href)).body().decode("utf-8")
    header = "账户,期初MRR,期末MRR" if lang == "zh" else "account,start_mrr,end_mrr"
    assert body.startswith("\ufeff" + header)
    reply = expected("retention_from_accounts", {"accounts": body}, lang)
    assert reply["ok"] and reply["chart"]["bars"][1]["value"] > 0   # the sample shows expansion


CHARTED = [("nrr", "nrr", "waterfall"), ("grr", "grr", "waterfall"),
           ("nrr", "retention_from_accounts", "waterfall"), ("ltv", "ltv_churn", "line"),
           ("nps", "nps", "scale"), ("nps", "nps_from_scores", "scale")]


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_has_a_text_equivalent(page, site_url, lang):
    for term, formula, kind in CHARTED:
        page.goto(f"{site_url}{lang}/terms/{term}/")
        figure = page.locator(f"#calc-{formula} [data-chart]")
        expect(figure).to_have_attribute("data-chart", kind)
        expect(figure.locator("[data-chart-canvas] svg")).to_have_count(1)       # drawn
        expect(figure.locator("[data-chart-canvas]")).to_have_attribute("aria-hidden", "true")
        table = figure.locator("[data-chart-table]")
        assert table.locator("tbody tr").count() >= 3
        # Assistive technology reads the table: rendered (only visually clipped), not aria-hidden.
        assert table.evaluate("t => getComputedStyle(t).display !== 'none' && !t.closest('[aria-hidden=true]')")
        name = figure.get_attribute("aria-labelledby")
        expect(page.locator(f"#{name}")).not_to_be_empty()


def test_ltv_line_marks_the_current_point_and_follows_the_inputs(page, site_url):
    page.goto(f"{site_url}en/terms/ltv/")
    root = page.locator("#calc-ltv_churn")
    root.locator('[name="monthly_churn_rate"]').fill("4")
    reply = expected("ltv_churn", {"arpa": "100", "gross_margin": "80", "monthly_churn_rate": "4"}, "en")
    wait_for(root, js_number(reply["value"]))
    expect(root.locator("[data-chart-canvas] [data-current]")).to_have_attribute(
        "data-value", js_number(reply["chart"]["current"]["value"]))
    cells = root.locator("[data-chart-table] tbody tr td:first-child").all_inner_texts()
    assert cells == [r["x_formatted"] + (" (Your inputs)" if r["current"] else "") for r in reply["chart"]["rows"]]


@pytest.mark.parametrize("lang", LANGS)
def test_currency_choice_survives_a_reload(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/nrr/")
    root = page.locator("#calc-nrr")
    select = root.locator("[data-currency-select]")
    expect(select).to_be_visible()
    select.select_option("€")
    expect(root.locator('[data-chart-table] [data-bar-row="start"] td').nth(1)).to_have_text(re.compile(r"^€"))
    page.reload()
    root = page.locator("#calc-nrr")
    expect(root.locator("[data-currency-select]")).to_have_value("€")
    expect(root.locator('[data-chart-table] [data-bar-row="expansion"] td').nth(1)).to_have_text(re.compile(r"^\+€"))
    # A money result carries the symbol too, on another page.
    page.goto(f"{site_url}{lang}/terms/arr/")
    expect(page.locator(".calculator[data-unit=money] [data-currency-symbol]").first).to_have_text("€")


def test_chart_code_loads_only_on_pages_that_draw(page, site_url):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(f"{site_url}en/terms/arr/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in loaded if "calculator-charts" in u or "calculator-extras.css" in u]
    page.goto(f"{site_url}en/terms/nrr/")
    expect(page.locator("#calc-nrr [data-chart-canvas] svg")).to_have_count(1)
    assert [u for u in loaded if u.endswith("calculator-charts.js")]


@pytest.mark.parametrize("lang", LANGS)
def test_churn_page_has_both_converters_and_says_which_period(page, site_url, lang):
    page.goto(f"{site_url}{lang}/terms/churn-rate/")
    for formula in ("churn_monthly_to_annual", "churn_annual_to_monthly"):
        expect(page.locator(f"#calc-{formula} [data-result]")).not_to_be_empty()
    expect(page.locator("#calc-customer_churn_rate [data-period]")).to_contain_text("换算器" if lang == "zh" else "converters")


AXE_CASES = [(lang, width, scheme) for lang in LANGS for width in (1280, 390) for scheme in ("light", "dark")]


@pytest.mark.parametrize("lang, width, scheme", AXE_CASES, ids=["-".join(map(str, c)) for c in AXE_CASES])
def test_axe_finds_nothing_serious_on_a_chart_page(browser, site_url, lang, width, scheme):
    from tests.browser.test_calculator_layout import AXE
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True,
                                  reduced_motion="reduce", color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(f"{site_url}{lang}/terms/nrr/")
        expect(page.locator(f"{ACCOUNTS} [data-chart-canvas] svg")).to_have_count(1)
        expect(page.locator(f"{ACCOUNTS} [data-currency-row]")).to_be_visible()
        # The chart stylesheet is in (loaded and applied), and nothing is still fading.
        page.wait_for_function("() => !!document.getElementById('calculator-extras-css')?.sheet")
        animations_done(page)
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("""() => axe.run(document.querySelector(".calculator-group") || document,
                                                 {resultTypes: ["violations"]})""")
    finally:
        context.close()
    serious = [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, ensure_ascii=False, indent=1)
