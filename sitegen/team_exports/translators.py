"""Glossary files for translators' CAT tools.

OmegaT (``omegat/glossary-zh-en.txt``, ``omegat/glossary-en-zh.txt``):
OmegaT reads a ``.txt`` glossary as UTF-8, one entry a line, tab-separated
``source term<TAB>target term<TAB>comment``. Every form a source text may use
(name, full name, abbreviation, aliases) gets its own line with the target's
preferred name; the comment is the source language's one-line summary.

Trados (``glossary-trados.csv``): one row per concept, one column per
language (``Chinese (PRC)``, ``English (United States)``, the language names
Trados MultiTerm's Glossary Converter maps by default), the preferred term
first and synonyms separated by ``|``; then the definitions. UTF-8 with a
byte-order mark, as Excel and the converter expect.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from glossary import Glossary, Term

from ..exports import csv_cell

OMEGAT_DIR = "omegat"
TRADOS_NAME = "glossary-trados.csv"
TRADOS_COLUMNS = ("Chinese (PRC)", "English (United States)", "Definition (Chinese)",
                  "Definition (English)", "Term ID")
SYNONYM_SEPARATOR = "|"
_TABS_AND_BREAKS = re.compile(r"[\t\r\n]+")


def omegat_name(source: str, target: str) -> str:
    return f"{OMEGAT_DIR}/glossary-{source}-{target}.txt"


def write(out: Path, glossary: Glossary) -> list[Path]:
    written = []
    for source, target in (("zh", "en"), ("en", "zh")):
        path = out / omegat_name(source, target)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_omegat(glossary, source, target), encoding="utf-8")
        written.append(path)
    trados = out / TRADOS_NAME
    with open(trados, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(render_trados(glossary))
    written.append(trados)
    return written


def source_forms(term: Term, lang: str) -> list[str]:
    entry = term.lang(lang)
    forms = [entry.name, entry.full_name, *entry.aliases]
    if term.abbr:
        forms.append(term.abbr)
    return list(dict.fromkeys(_clean(f) for f in forms if f))


def render_omegat(glossary: Glossary, source: str, target: str) -> str:
    lines = []
    for term in glossary:
        preferred = _clean(term.lang(target).name)
        comment = _clean(term.lang(source).summary)
        for form in source_forms(term, source):
            lines.append(f"{form}\t{preferred}\t{comment}\n")
    return "".join(lines)


def render_trados(glossary: Glossary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TRADOS_COLUMNS)
    for term in glossary:
        writer.writerow([
            csv_cell(SYNONYM_SEPARATOR.join(_no_separator(f) for f in source_forms(term, "zh"))),
            csv_cell(SYNONYM_SEPARATOR.join(_no_separator(f) for f in source_forms(term, "en"))),
            csv_cell(_clean(term.zh.summary)),
            csv_cell(_clean(term.en.summary)),
            term.id,
        ])
    return buffer.getvalue()


def _clean(text: str) -> str:
    """A tab or line break would split an OmegaT entry or a CSV row visually."""
    return _TABS_AND_BREAKS.sub(" ", text).strip()


def _no_separator(text: str) -> str:
    return text.replace(SYNONYM_SEPARATOR, "/")
