"""The browser build of the calculators: same answers in Pyodide as in CPython.

All cases go through node and Pyodide in one run (loading Pyodide takes a few
seconds), then each case is compared, character for character, with
calculators.browser.run under CPython.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from calculator_cases import ERROR_CASES, OWN_EXAMPLES, REPO
from calculators import FORMULAS, browser
from test_calculators_solve import EDGE_CASES, SOLVE_EXAMPLES

RUNNER = REPO / "tests" / "pyodide" / "run_calculators.mjs"
PYODIDE = REPO / "node_modules" / "pyodide" / "package.json"

EXTRA = [
    ("arr", {"mrr": "１２，０００"}),
    ("arr", {"mrr": "¥1,200元"}),
    ("ltv_churn", {"arpa": "100", "gross_margin": "８０％", "monthly_churn_rate": "3"}),
    ("arpu", {"revenue": 10, "users": 3}),
    ("health_score", {"scores": "1\n2\n3\n4\n5\n6\n7\n8\n9\n10", "weights": "1,1,1,1,1,1,1,1,1,1"}),
    ("ttv", {"start_date": "2026年1月1日", "value_date": "2026.12.31"}),
]


def _inputs_json(inputs: dict) -> str:
    return json.dumps(inputs, default=str, ensure_ascii=False)


def _cases() -> list[tuple[str, object, str, str]]:
    rows: list[tuple[str, object, dict]] = []
    for formula in FORMULAS.values():
        rows += [(f"contract-{formula.id}-{i}", formula.id, dict(ex.inputs)) for i, ex in enumerate(formula.examples)]
    rows += [(f"own-{fid}-{i}", fid, inputs) for i, (fid, inputs, _) in enumerate(OWN_EXAMPLES)]
    rows += [(f"error-{name}", fid, inputs) for name, fid, inputs, _ in ERROR_CASES]
    rows += [(f"extra-{fid}-{i}", fid, inputs) for i, (fid, inputs) in enumerate(EXTRA)]
    return [(f"{case_id}-{lang}", fid, _inputs_json(inputs), lang) for case_id, fid, inputs in rows for lang in ("en", "zh")]


CASES = _cases()


def _solves() -> list[tuple[str, str, object, object, str, str]]:
    rows = [(f"contract-{e['formula']}-{e['unknown']}-{e['target']}", e["formula"], e["target"], e["unknown"], e["known"])
            for e in SOLVE_EXAMPLES]
    rows += [(f"edge-{fid}-{unknown}-{i}", fid, target, unknown, known)
             for i, (fid, target, unknown, known, _) in enumerate(EDGE_CASES)]
    return [(f"{case_id}-{lang}", fid, target, unknown, _inputs_json(known), lang)
            for case_id, fid, target, unknown, known in rows for lang in ("en", "zh")]


SOLVES = _solves()


@pytest.fixture(scope="module")
def pyodide_run() -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the Pyodide comparison needs Node.js 20 or later")
    if not PYODIDE.is_file():
        pytest.fail(f"{PYODIDE.parent} is missing: run `npm ci` in {REPO} to install pyodide")
    request = {"cases": [{"formula": fid, "inputs_json": inputs_json, "lang": lang}
                         for _, fid, inputs_json, lang in CASES],
               "solves": [{"formula": fid, "target": target, "unknown": unknown, "inputs_json": inputs_json, "lang": lang}
                          for _, fid, target, unknown, inputs_json, lang in SOLVES]}
    done = subprocess.run([node, str(RUNNER)], input=json.dumps(request), capture_output=True,
                          text=True, encoding="utf-8", timeout=300, cwd=REPO)
    if done.returncode != 0:
        pytest.fail(f"Pyodide runner failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    reply = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(reply["results"]) == len(CASES)
    assert len(reply["solve_results"]) == len(SOLVES)
    return reply


def test_runs_on_python_314(pyodide_run):
    assert pyodide_run["python"].startswith("3.14")


def test_catalog_description_is_identical(pyodide_run):
    assert pyodide_run["describe"] == browser.describe()


@pytest.mark.parametrize(("index", "formula_id", "inputs_json", "lang"),
                         [(i, fid, inputs_json, lang) for i, (_, fid, inputs_json, lang) in enumerate(CASES)],
                         ids=[case_id for case_id, *_ in CASES])
def test_same_answer_as_cpython(pyodide_run, index, formula_id, inputs_json, lang):
    expected = browser.run(formula_id, inputs_json, lang)
    assert pyodide_run["results"][index] == expected


@pytest.mark.parametrize(("index", "formula_id", "target", "unknown", "inputs_json", "lang"),
                         [(i, *row[1:]) for i, row in enumerate(SOLVES)], ids=[row[0] for row in SOLVES])
def test_same_solve_as_cpython(pyodide_run, index, formula_id, target, unknown, inputs_json, lang):
    expected = browser.solve(formula_id, target, unknown, inputs_json, lang)
    assert pyodide_run["solve_results"][index] == expected


def test_contract_examples_hold_in_pyodide(pyodide_run):
    """Not only equal to CPython: the contract's own numbers, read back from Pyodide's replies."""
    index = {case_id: i for i, (case_id, *_rest) in enumerate(CASES)}
    for formula in FORMULAS.values():
        for i, example in enumerate(formula.examples):
            reply = json.loads(pyodide_run["results"][index[f"contract-{formula.id}-{i}-en"]])
            assert reply["ok"] and reply["value"] == example.value, formula.id
    for i, (case_id, *_rest) in enumerate(SOLVES):
        if case_id.startswith("contract-") and case_id.endswith("-en"):
            example = next(e for e in SOLVE_EXAMPLES if case_id == f"contract-{e['formula']}-{e['unknown']}-{e['target']}-en")
            reply = json.loads(pyodide_run["solve_results"][i])
            if "error" in example:
                assert not reply["ok"] and reply["field"] == example["error"]
            else:
                assert reply["ok"] and reply["value"] == example["value"]
