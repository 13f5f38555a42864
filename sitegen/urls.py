"""Where every generated page lives, in one place.

Both language trees use the same paths, which is what lets the language
switch land on the same page. URLs are relative to a language root.
"""
from __future__ import annotations

import posixpath

HOME = ""
A_TO_Z = "a-z/"
CATEGORIES = "categories/"
CALCULATORS = "calculators/"
DOWNLOADS = "downloads/"
COMPARISONS = "compare/"
# Exports live at the site root, one level above each language root.
EXPORTS_FROM_LANGUAGE_ROOT = "../"


def term(term_id: str) -> str:
    return f"terms/{term_id}/"


def acronym(slug: str) -> str:
    return f"acronyms/{slug}/"


def comparison(comparison_id: str) -> str:
    return f"{COMPARISONS}{comparison_id}/"


def category(category_id: str) -> str:
    return f"{CATEGORIES}#{category_id}"


def source_path(url: str) -> str:
    """The Markdown file MkDocs turns into ``url`` (directory URLs)."""
    return "index.md" if url == HOME else url.rstrip("/") + ".md"


def relative(target: str, page: str) -> str:
    """``target`` as a link from ``page``; both are URLs under one language root."""
    target_path, _, fragment = target.partition("#")
    start = posixpath.dirname(page.rstrip("/")) if not page.endswith("/") else page.rstrip("/")
    rel = posixpath.relpath(target_path or ".", start or ".")
    if target_path.endswith("/") or target_path == "":
        rel = rel.rstrip("/") + "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")
