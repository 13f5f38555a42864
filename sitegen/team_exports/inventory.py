"""Sphinx inventories (``objects.inv``, version 2), one per language tree.

Sphinx's intersphinx and mkdocstrings' autorefs read this format to resolve
cross-project references. Each term is listed as ``std:term`` under its id
(``nrr``) and under its name in that language, lower-cased as Sphinx's own
glossaries store terms; the page is the term page. Each disambiguation page
(a shared abbreviation such as CSM) is a ``std:label`` named ``acronym-<slug>``.

Format: four header lines, then zlib-compressed lines of
``name domain:role priority uri dispname``; a ``$`` at the end of the URI
stands for the name, and ``-`` as dispname means "same as the name".
"""
from __future__ import annotations

import re
import zlib
from pathlib import Path

from glossary import LANGUAGES, Glossary

from .. import urls

FILE_NAME = "objects.inv"
PROJECT = {"zh": "客户成功术语库", "en": "Customer Success Glossary"}
# How Sphinx splits an inventory line. A name such as "rule of 40" would be
# split at "of 40" as if that were the role and priority, so a name is listed
# only when Sphinx reads it back whole; the id entry always is.
_SPHINX_LINE = re.compile(r"(.+?)\s+(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)")
VERSION = "2"


def write(out: Path, glossary: Glossary, site_url: str) -> list[Path]:
    written = []
    for lang in LANGUAGES:
        path = out / lang / FILE_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(glossary, lang))
        written.append(path)
    return written


def entries(glossary: Glossary, lang: str) -> list[tuple[str, str, str, str]]:
    """(name, domain:role, uri, dispname) rows, unique by (name, role)."""
    rows: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for term in glossary:
        uri = urls.term(term.id)
        display = term.lang(lang).name
        for name in (term.id, _inventory_name(display)):
            if _reads_back(name, "std:term", uri):
                rows.setdefault((name, "std:term"), (name, "std:term", uri, display))
    for acronym in glossary.shared_acronyms():
        name = f"acronym-{acronym.slug}"
        rows.setdefault((name, "std:label"), (name, "std:label", urls.acronym(acronym.slug), acronym.abbr))
    return sorted(rows.values())


def render(glossary: Glossary, lang: str) -> bytes:
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {PROJECT[lang]}\n"
        f"# Version: {VERSION}\n"
        "# The remainder of this file is compressed using zlib.\n"
    ).encode("utf-8")
    lines = []
    for name, role, uri, display in entries(glossary, lang):
        shown = "-" if display == name else display
        lines.append(f"{name} {role} -1 {uri} {shown}\n")
    return header + zlib.compress("".join(lines).encode("utf-8"), 9)


def _reads_back(name: str, role: str, uri: str) -> bool:
    match = _SPHINX_LINE.match(f"{name} {role} -1 {uri} -")
    return bool(match) and match.group(1) == name and match.group(2) == role


def _inventory_name(display: str) -> str:
    # Inventory names cannot hold spaces in Sphinx's reader for std:label,
    # but std:term names can; Sphinx matches terms lower-cased.
    return " ".join(display.split()).lower()
