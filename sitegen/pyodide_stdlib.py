"""A faster-starting copy of Pyodide's standard library for the site.

Pyodide ships python_stdlib.zip as source, so each cold start in the browser
compiles the ~150 modules Python and the calculators load: in Chromium that
was about 1.5 s of a 3 s start. pyodide_stdlib.mjs has Pyodide (under node)
replace those modules with bytecode. The result depends only on the Pyodide
release and that script, so it is built once and cached under
node_modules/.cache/ (which `npm ci` clears along with the release it
belongs to). Without node the site still works: it keeps the original zip
and starts slower, and the build says so.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).with_suffix(".mjs")
CACHE = REPO / "node_modules" / ".cache" / "cs-glossary"


def _digest(*paths: Path) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


def _valid(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return False
    return "json/__init__.pyc" in names and "json/__init__.py" not in names


def precompiled(source: Path) -> Path | None:
    """The bytecode version of ``source`` (python_stdlib.zip), from the cache or
    built now; None when it cannot be built here."""
    cached = CACHE / f"python_stdlib-{_digest(source, SCRIPT)}.zip"
    if cached.is_file() and _valid(cached):
        return cached
    node = shutil.which("node")
    if node is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    try:
        subprocess.run([node, str(SCRIPT), str(source), str(partial), str(REPO / "calculators")],
                       cwd=REPO, check=True, capture_output=True, timeout=300)
        if not _valid(partial):
            return None
        os.replace(partial, cached)
    except (OSError, subprocess.SubprocessError):
        return None
    finally:
        partial.unlink(missing_ok=True)
    return cached


def install(target: Path) -> None:
    """Swap the bytecode stdlib into a copied runtime folder, if it can be had."""
    stdlib = target / "python_stdlib.zip"
    faster = precompiled(stdlib)
    if faster is None:
        print("warning: could not precompile Pyodide's standard library (is node installed?); "
              "calculators will start about a second slower", file=sys.stderr)
        return
    shutil.copyfile(faster, stdlib)
