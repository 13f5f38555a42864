"""python -m calculators, run as a real subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from calculator_cases import REPO


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C", "LANG": "C"}
    return subprocess.run([sys.executable, "-m", "calculators", *args], cwd=REPO, env=env,
                          capture_output=True, timeout=60)


@pytest.mark.parametrize(("args", "expected"), [
    (["nrr", "start_mrr=100000", "expansion_mrr=15000", "contraction_mrr=2000", "churned_mrr=3000"],
     {"formula": "nrr", "value": 110.0, "unit": "percent"}),
    (["arr_from_fees", "fees=100,200", "billing_period=quarter"], {"formula": "arr_from_fees", "value": 1200.0, "unit": "money"}),
    (["cac_payback", "cac=1200", "arpa=100", "gross_margin=80%"], {"formula": "cac_payback", "value": 15.0, "unit": "months"}),
    (["ttv", "start_date=2026-03-01", "value_date=2026-03-08"], {"formula": "ttv", "value": 7.0, "unit": "days"}),
    (["tcv", "recurring_per_month=100", "term_months=12", "one_time_fees="], {"formula": "tcv", "value": 1200.0, "unit": "money"}),
])
def test_success(args, expected):
    done = _run(*args)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout) == expected
    assert done.stderr == b""


@pytest.mark.parametrize("args", [
    ["nrr", "start_mrr=abc", "expansion_mrr=1", "contraction_mrr=1", "churned_mrr=1"],
    ["nrr", "start_mrr=100000"],
    ["nrr", "start_mrr"],
    ["nrr", "=5"],
    ["nrr", "start_mrr=1", "start_mrr=2"],
    ["no_such_formula", "x=1"],
    ["customer_churn_rate", "start_customers=10", "lost_customers=11"],
])
def test_bad_input_exits_2_with_both_languages(args):
    done = _run(*args)
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 2
    assert lines[0].endswith(".") and not any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
    assert lines[1].endswith("。") and any("\u4e00" <= ch <= "\u9fff" for ch in lines[1])


def test_no_arguments_prints_usage_and_exits_2():
    done = _run()
    assert done.returncode == 2 and b"usage" in done.stderr


def test_help_and_list():
    assert _run("--help").returncode == 0
    listing = _run("--list")
    assert listing.returncode == 0 and len(listing.stdout.decode().splitlines()) == 56


# --- issue 10, item 7: closed and broken streams --------------------------------

def _popen(*args: str, **streams) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C", "LANG": "C"}
    return subprocess.Popen([sys.executable, "-m", "calculators", *args], cwd=REPO, env=env, **streams)


@pytest.mark.parametrize("args", [["--list"], ["--help"], ["nrr", "start_mrr=1", "expansion_mrr=0",
                                                            "contraction_mrr=0", "churned_mrr=0"]])
def test_broken_pipe_prints_no_traceback(args):
    # The reader goes away before the child writes, as `| head -c 10` does.
    child = _popen(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()
    err = child.stderr.read()
    child.wait(timeout=60)
    assert err == b""
    assert child.returncode == 1


def test_list_into_head_prints_no_traceback():
    done = subprocess.run(f"'{sys.executable}' -m calculators --list | head -c 10", shell=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, timeout=60)
    assert done.stdout == b"arr: mrr\na" and done.stderr == b""


@pytest.mark.parametrize(("args", "code"), [
    (["--list"], 1),
    (["nrr", "start_mrr=1", "expansion_mrr=0", "contraction_mrr=0", "churned_mrr=0"], 1),
    (["nrr", "start_mrr=abc"], 2),
])
def test_stdout_closed(args, code):
    done = subprocess.run(f"'{sys.executable}' -m calculators {' '.join(args)} >&-", shell=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, timeout=60)
    assert b"Traceback" not in done.stderr
    assert done.returncode == code


@pytest.mark.parametrize(("args", "code"), [
    (["nrr", "start_mrr=abc"], 2),
    (["no_such_formula"], 2),
    ([], 2),
    (["nrr", "start_mrr=1", "expansion_mrr=0", "contraction_mrr=0", "churned_mrr=0"], 0),
])
def test_stderr_closed_keeps_the_exit_code(args, code):
    done = subprocess.run(f"'{sys.executable}' -m calculators {' '.join(args)} 2>&-", shell=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, timeout=60)
    assert done.returncode == code
