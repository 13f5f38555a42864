"""Record which standard-library files the calculators need under Pyodide.

    python scripts/record_stdlib.py        (make record-stdlib)

Runs every calculator case of the test suite (tests/calculators/test_pyodide.py)
through Pyodide in node with the full standard library, and writes the files
Python loaded to sitegen/pyodide_stdlib_keep.txt. Run it after a change to
the calculators that imports something new; the trimmed-stdlib test fails
until you do.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests" / "calculators")]

from sitegen.pyodide_stdlib import KEEP_FILE  # noqa: E402
from test_pyodide import CASES, RUNNER, SOLVES  # noqa: E402


def request() -> dict:
    return {"cases": [{"formula": fid, "inputs_json": inputs, "lang": lang} for _, fid, inputs, lang in CASES],
            "solves": [{"formula": fid, "target": target, "unknown": unknown, "inputs_json": inputs, "lang": lang}
                       for _, fid, target, unknown, inputs, lang in SOLVES]}


def loaded_modules(env: dict | None = None) -> list[str]:
    done = subprocess.run(["node", str(RUNNER)], input=json.dumps(request()), capture_output=True,
                          text=True, encoding="utf-8", timeout=300, cwd=REPO, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])["modules"]


def main() -> int:
    modules = loaded_modules()
    KEEP_FILE.write_text(
        "# Standard-library files the calculators load under Pyodide, recorded by\n"
        "# `make record-stdlib` from every calculator case in the test suite.\n"
        "# sitegen/pyodide_stdlib.py adds a margin and ships only these.\n"
        + "".join(f"{m}\n" for m in modules), encoding="utf-8")
    print(f"{len(modules)} files -> {KEEP_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
