"""The site's trimmed standard library (sitegen/pyodide_stdlib.py) holds every
module the calculators need: each case of the Pyodide suite gives the same
answer with the built site's python_stdlib.zip as with CPython, and the
recorded keep list covers everything Python loads with the full library."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile

import pytest

from calculators import browser
from sitegen.pyodide_stdlib import keep_list
from test_pyodide import CASES, PYODIDE, RUNNER, SOLVES
from calculator_cases import REPO

FULL_STDLIB = REPO / "node_modules" / "pyodide" / "python_stdlib.zip"


def run_cases(stdlib=None, package=None) -> dict:
    node = shutil.which("node")
    if node is None or not PYODIDE.is_file():
        pytest.fail("node and the pyodide npm package are needed: run `make setup`")
    request = {"cases": [{"formula": fid, "inputs_json": inputs, "lang": lang} for _, fid, inputs, lang in CASES],
               "solves": [{"formula": fid, "target": target, "unknown": unknown, "inputs_json": inputs, "lang": lang}
                          for _, fid, target, unknown, inputs, lang in SOLVES]}
    env = dict(os.environ, **({"PYODIDE_STDLIB": str(stdlib)} if stdlib else {}),
               **({"CALCULATORS_ZIP": str(package)} if package else {}))
    done = subprocess.run([node, str(RUNNER)], input=json.dumps(request), capture_output=True, text=True,
                          encoding="utf-8", timeout=300, cwd=REPO, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def trimmed_run(built_site):
    # The browser's way in: the site's own stdlib and its calculators.zip.
    return run_cases(built_site / "pyodide" / "python_stdlib.zip", built_site / "py" / "calculators.zip")


def test_the_site_ships_a_smaller_stdlib_in_bytecode(built_site):
    shipped = built_site / "pyodide" / "python_stdlib.zip"
    names = zipfile.ZipFile(shipped).namelist()
    full = zipfile.ZipFile(FULL_STDLIB).namelist()
    assert len(names) < len(full) / 2
    assert "json/__init__.pyc" in names and "json/__init__.py" not in names
    assert not any(n.startswith(("unittest/", "tkinter/", "email/", "xml/")) for n in names)
    # Precompressed for the wire: brotli over the stored archive.
    assert (shipped.with_name(shipped.name + ".br")).stat().st_size < FULL_STDLIB.stat().st_size / 2


def test_every_case_gives_the_cpython_answer_with_the_trimmed_stdlib(trimmed_run):
    expected = [browser.run(fid, inputs, lang) for _, fid, inputs, lang in CASES]
    assert trimmed_run["results"] == expected
    expected_solves = [browser.solve(fid, target, unknown, inputs, lang)
                       for _, fid, target, unknown, inputs, lang in SOLVES]
    assert trimmed_run["solve_results"] == expected_solves


def test_the_keep_list_covers_what_python_loads():
    loaded = set(run_cases()["modules"])
    missing = sorted(loaded - set(keep_list()))
    assert not missing, (f"the calculators now load {missing}: run `make record-stdlib` "
                         "and commit sitegen/pyodide_stdlib_keep.txt")
