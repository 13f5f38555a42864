"""Run `scripts/site.py build` with the exports step failing the way a full
disk does, after both MkDocs builds have succeeded (issue 10, item 11).

    python tests/site/_fail_after_mkdocs.py build --out DIR
"""
import errno
import runpy
import sys
from pathlib import Path

import sitegen.exports

REPO = Path(__file__).resolve().parents[2]


def no_space(out, *args, **kwargs):
    # Proof that the failure comes after the MkDocs step: both trees are built.
    if all((Path(out) / lang / "index.html").is_file() for lang in ("zh", "en")):
        print("both language trees were built", flush=True)
    (Path(out) / "glossary.json").write_text("{", encoding="utf-8")   # half-written, as a full disk leaves it
    raise OSError(errno.ENOSPC, "No space left on device", str(Path(out) / "glossary.json"))


sitegen.exports.write_exports = no_space
sys.argv = [str(REPO / "scripts" / "site.py"), *sys.argv[1:]]
runpy.run_path(str(REPO / "scripts" / "site.py"), run_name="__main__")
