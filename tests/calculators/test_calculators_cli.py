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


# --- issue 11: solve and file arguments ------------------------------------------

@pytest.mark.parametrize(("args", "expected"), [
    (["solve", "nrr", "target=110", "unknown=expansion_mrr", "start_mrr=100000", "contraction_mrr=2000",
      "churned_mrr=3000"],
     {"formula": "nrr", "unknown": "expansion_mrr", "value": 15000.0, "unit": "money", "result": 110.0}),
    (["solve", "nps", "target=30", "unknown=promoters", "passives=25", "detractors=15"],
     {"formula": "nps", "unknown": "promoters", "value": 38.57142857142857, "unit": "count", "result": 30.0}),
])
def test_solve(args, expected):
    done = _run(*args)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout) == expected


@pytest.mark.parametrize("args", [
    ["solve", "nps", "target=120", "unknown=promoters", "passives=25", "detractors=15"],
    ["solve", "nps", "unknown=promoters", "passives=25", "detractors=15"],
    ["solve", "nps", "target=10", "unknown=bogus"],
    ["solve"],
])
def test_solve_bad_input_exits_2(args):
    done = _run(*args)
    assert done.returncode == 2 and done.stdout == b""
    assert b"Traceback" not in done.stderr


def test_solve_unreachable_says_why():
    done = _run("solve", "nps", "target=120", "unknown=promoters", "passives=25", "detractors=15")
    assert done.stderr.decode("utf-8").splitlines() == ["NPS cannot exceed 100.", "NPS 不可能超过 100。"]


@pytest.mark.parametrize(("content", "encoding"), [
    ("\ufeff账户;期初MRR;期末MRR\nA;1.000;1.200\nB;2000;1500\nC;500;0\nD;1500;1500\nE;0;800\n", "utf-8"),
    ("账户,期初MRR,期末MRR\nA,1000,1200\nB,2000,1500\nC,500,0\nD,1500,1500\nE,0,800\n", "gb18030"),
    ("account\tstart_mrr\tend_mrr\r\nA\t1,000\t1,200\r\nB\t2000\t1500\r\nC\t500\t0\r\nD\t1500\t1500\r\nE\t0\t800\r\n", "utf-8"),
], ids=["bom-semicolons", "gb18030-excel", "tsv-crlf"])
def test_file_argument(tmp_path, content, encoding):
    path = tmp_path / "accounts.csv"
    path.write_bytes(content.encode(encoding))
    done = _run("retention_from_accounts", f"accounts=@{path}")
    assert done.returncode == 0, done.stderr.decode()
    reply = json.loads(done.stdout)
    assert reply["value"] == 84.0 and reply["details"]["grr"] == 80.0


def test_file_argument_from_stdin():
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "calculators", "retention_from_accounts", "accounts=@-"], cwd=REPO,
                          env=env, input=b"account,start_mrr,end_mrr\nA,100,110\n", capture_output=True, timeout=60)
    assert done.returncode == 0 and json.loads(done.stdout)["value"] == 110.0


@pytest.mark.parametrize(("path", "en"), [
    ("/no/such/file.csv", "Could not read the file “/no/such/file.csv” for accounts: there is no such file."),
    ("/", "Could not read the file “/” for accounts: it is a folder, not a file."),
])
def test_file_argument_that_cannot_be_read(path, en):
    done = _run("retention_from_accounts", f"accounts=@{path}")
    assert done.returncode == 2
    lines = done.stderr.decode("utf-8").splitlines()
    assert lines[0] == en and "无法读取输入项 accounts 的文件" in lines[1]


def test_file_argument_row_error_names_the_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("account,start_mrr,end_mrr\nA,1,1\nB,x,1\n", encoding="utf-8")
    done = _run("retention_from_accounts", f"accounts=@{path}")
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").splitlines() == ["Row 3: start_mrr must be a number; got “x”.",
                                                       "第 3 行：「start_mrr」必须是数字，收到的是“x”。"]
