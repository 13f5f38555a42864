"""axe-core on the pages and sections the second edition adds: a comparison
page and a term page with benchmarks, forms to avoid and metric depth, in
both languages, light and dark, desktop and phone (where the tables become
labelled cards)."""
from __future__ import annotations

import json

import pytest

from tests.conftest import REPO
from tests.spec import repository_glossary

pytestmark = pytest.mark.browser
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
GLOSSARY = repository_glossary()
# The richest term page: benchmarks first, then forms to avoid, then depth.
RICH = max(GLOSSARY, key=lambda t: (bool(t.benchmarks), bool(t.zh.avoid or t.en.avoid),
                                     t.zh.depth is not None, len(t.zh.examples)))


def serious_violations(browser, url, scheme, width):
    context = browser.new_context(bypass_csp=True, reduced_motion="reduce", color_scheme=scheme,
                                  viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    # The calculator widgets are checked by test_quality.py; on a phone their
    # formulas overflow (axe: scrollable-region-focusable), reported to their owner.
    results = page.evaluate("axe.run({exclude: [['[data-calculator]']]}, {resultTypes: ['violations']})")
    context.close()
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", ["compare/nrr-vs-grr/", f"terms/{RICH.id}/"], ids=["comparison", "rich-term"])
def test_new_sections_pass_axe(browser, site_url, lang, scheme, width, path):
    assert RICH.benchmarks, "no term has a benchmark yet, so the benchmark table goes unchecked"
    serious = serious_violations(browser, f"{site_url}{lang}/{path}", scheme, width)
    assert serious == [], json.dumps(serious, ensure_ascii=False, indent=1)
