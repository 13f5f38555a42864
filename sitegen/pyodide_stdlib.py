"""The standard library the site's Pyodide loads: only what the calculators
use, precompiled to bytecode.

Pyodide ships python_stdlib.zip (about 2.5 MB, already compressed, so it
does not shrink on the wire) as source for some 600 modules. The site keeps
the files listed in pyodide_stdlib_keep.txt, which `make record-stdlib`
writes by running every calculator case of the test suite under Pyodide and
listing the standard-library files Python loaded, plus MARGIN below; and
pyodide_stdlib.mjs compiles each kept module to bytecode, so start-up does
not compile them in the reader's browser.

The result depends only on the Pyodide release, the script and the list, so
it is built once and cached under node_modules/.cache/ (which `npm ci` clears
along with the release it belongs to). Without node the site still works: it
keeps the full source zip and starts slower, and the build says so.
tests/calculators/test_pyodide_trimmed.py runs every case under Pyodide with
the trimmed zip, so an import the list misses fails there, not in a browser.
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
KEEP_FILE = Path(__file__).with_name("pyodide_stdlib_keep.txt")
CACHE = REPO / "node_modules" / ".cache" / "cs-glossary"

# Beyond what the recorded run loaded, and why:
MARGIN = (
    # Codecs Python itself looks up by name (file and stream defaults, BOMs,
    # "latin-1" fallbacks); each is a few kilobytes.
    "encodings/__init__.py", "encodings/aliases.py", "encodings/utf_8.py",
    "encodings/utf_8_sig.py", "encodings/ascii.py", "encodings/latin_1.py",
    # The worker unpacks calculators.zip with pyodide.unpackArchive, and
    # zipfile decodes member names as cp437; the test runner writes the
    # package file by file instead, so its recording does not see this one.
    "encodings/cp437.py",
    # Pyodide formats a Python exception for JavaScript with these; an engine
    # failure must reach the page as a message, not as a second ImportError.
    "traceback.py", "linecache.py", "tokenize.py", "token.py", "textwrap.py",
    # Lazy imports on error paths the cases may not take: datetime.strptime
    # (date inputs), and the standard normal quantile (margins of error).
    "_strptime.py", "calendar.py", "locale.py", "statistics.py", "fractions.py",
    "numbers.py", "decimal.py", "random.py", "bisect.py",
)


def keep_list() -> list[str]:
    recorded = [line.strip() for line in KEEP_FILE.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    return sorted(set(recorded) | set(MARGIN))


def _digest(*parts: bytes) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part)
    return sha.hexdigest()[:16]


def _valid(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return False
    return "json/__init__.pyc" in names and "json/__init__.py" not in names


def trimmed(source: Path) -> Path | None:
    """The site's version of ``source`` (python_stdlib.zip), from the cache or
    built now; None when it cannot be built here."""
    keep = "\n".join(keep_list()).encode("utf-8")
    cached = CACHE / f"python_stdlib-{_digest(source.read_bytes(), SCRIPT.read_bytes(), keep)}.zip"
    if cached.is_file() and _valid(cached):
        return cached
    node = shutil.which("node")
    if node is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    keep_path = cached.with_suffix(f".{os.getpid()}.keep")
    try:
        keep_path.write_bytes(keep)
        subprocess.run([node, str(SCRIPT), str(source), str(partial), str(keep_path)],
                       cwd=REPO, check=True, capture_output=True, timeout=300)
        if not _valid(partial):
            return None
        os.replace(partial, cached)
    except (OSError, subprocess.SubprocessError):
        return None
    finally:
        partial.unlink(missing_ok=True)
        keep_path.unlink(missing_ok=True)
    return cached


def install(target: Path) -> None:
    """Swap the trimmed bytecode stdlib into a copied runtime folder, if it can be had."""
    stdlib = target / "python_stdlib.zip"
    smaller = trimmed(stdlib)
    if smaller is None:
        print("warning: could not build the trimmed standard library (is node installed?); "
              "calculators will download more and start about a second slower", file=sys.stderr)
        return
    shutil.copyfile(smaller, stdlib)
