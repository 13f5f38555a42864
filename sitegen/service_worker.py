"""The service worker at the site root (sw.js): the static code in
sitegen/static/sw.js behind a manifest of what it may cache.

Builds for the preview server, or with CS_GLOSSARY_OFFLINE=off, write
sw-remove.js as sw.js instead: a browser that installed the real worker from
an earlier build removes it, and its caches, on its next update check.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

STATIC = Path(__file__).parent / "static"
FILE_NAME = "sw.js"
LANGUAGES = ("zh", "en")
# The calculators' runtime, cached by content hash (site_root.py writes them).
RUNTIME_DIRS = ("pyodide", "py")
# Not worth storing for offline reading: compressed twins are a server
# matter, and the other files are downloads, not pages.
SKIPPED_SUFFIXES = {".gz", ".br", ".map"}
SKIPPED_NAMES = {FILE_NAME}


def enabled() -> bool:
    return os.environ.get("CS_GLOSSARY_OFFLINE", "on").lower() not in ("off", "0", "false", "no")


def write_service_worker(site: Path) -> Path:
    target = site / FILE_NAME
    if not enabled():
        target.write_text((STATIC / "sw-remove.js").read_text(encoding="utf-8"), encoding="utf-8")
        return target
    manifest = build_manifest(site)
    target.write_text(f"self.CS_MANIFEST = {json.dumps(manifest, separators=(',', ':'))};\n"
                      + (STATIC / "sw.js").read_text(encoding="utf-8"), encoding="utf-8")
    return target


def build_manifest(site: Path) -> dict:
    runtime = sorted(_files(site, *RUNTIME_DIRS))
    pages = {}
    for lang in LANGUAGES:
        # Calculator code (the worker, KaTeX) is stored when a calculator page
        # loads it, never in the background: a page without a calculator moves
        # no engine bytes.
        tree = sorted(p for p in _files(site, lang) if "/assets/javascripts/calculator" not in p)
        # Directory URLs, as readers request them: "zh/terms/nrr/" for its index.html.
        pages[lang] = [p[: -len("index.html")] if p.endswith("/index.html") or p == f"{lang}/index.html" else p
                       for p in tree]
    manifest = {
        "runtime": {"version": _digest(site, runtime), "files": runtime},
        "pages": pages,
    }
    manifest["build"] = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()[:16]
    return manifest


def _files(site: Path, *folders: str) -> list[str]:
    found = []
    for folder in folders:
        for path in (site / folder).rglob("*"):
            if path.is_file() and path.suffix not in SKIPPED_SUFFIXES and path.name not in SKIPPED_NAMES:
                found.append(path.relative_to(site).as_posix())
    return found


def _digest(site: Path, paths: list[str]) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.encode())
        sha.update(hashlib.sha256((site / path).read_bytes()).digest())
    return sha.hexdigest()[:16]
