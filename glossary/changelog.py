"""The glossary's change log: which definitions were added, renamed or
substantively changed, and when (glossary/changelog.yml).

Why a file and not git history: the site must build from a shallow clone or
a source archive, where history is missing or one commit deep; and a change
worth telling other teams about deserves a sentence, which only a person can
write. The build fails on an entry naming an unknown term, so the log cannot
drift from the glossary.

    - {date: 2026-12-01, term: nrr, change: changed,
       note: {zh: 补充了各来源口径的差异。, en: Added how the sources' formulas differ.}}
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import LANGUAGES
from .yaml_reader import safe_load_file

CHANGE_KINDS = ("added", "renamed", "changed")
FILE_NAME = "changelog.yml"


class ChangelogError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join([f"{len(problems)} problem(s) in the change log:",
                                    *(f"  - {p}" for p in problems)]))


@dataclass(frozen=True)
class Change:
    date: dt.date
    term: str
    change: str               # one of CHANGE_KINDS
    note: dict[str, str]      # lang -> one sentence


def load_changelog(root: Path, term_ids: Collection[str]) -> tuple[Change, ...]:
    """Entries newest first (a stable sort keeps the file's order within a day).
    A missing file is an empty log."""
    path = root / FILE_NAME
    if not path.is_file():
        return ()
    shown = f"{root.name}/{FILE_NAME}"
    try:
        raw = safe_load_file(path)     # parsed again only when it changed
    except yaml.YAMLError as error:
        raise ChangelogError([f"{shown}: not valid YAML: {error}"]) from None
    if not isinstance(raw, list):
        raise ChangelogError([f"{shown}: must be a list of {{date, term, change, note}}"])
    problems: list[str] = []
    changes: list[Change] = []
    for index, item in enumerate(raw):
        where = f"{shown}: [{index}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be a mapping with date, term, change and note")
            continue
        unknown = sorted(set(item) - {"date", "term", "change", "note"})
        if unknown:
            problems.append(f"{where}.{unknown[0]}: unknown field; allowed: change, date, note, term")
        date = item.get("date")
        if isinstance(date, str):
            try:
                date = dt.date.fromisoformat(date)
            except ValueError:
                pass
        if not isinstance(date, dt.date):
            problems.append(f"{where}.date: must be a date written YYYY-MM-DD")
        term = item.get("term")
        if term not in term_ids:
            problems.append(f"{where}.term: unknown term id {term!r}")
        change = item.get("change")
        if change not in CHANGE_KINDS:
            problems.append(f"{where}.change: must be one of {', '.join(CHANGE_KINDS)}, got {change!r}")
        note = item.get("note")
        if not (isinstance(note, dict) and all(isinstance(note.get(l), str) and note[l].strip()
                                               for l in LANGUAGES)):
            problems.append(f"{where}.note: needs a non-empty zh and en sentence")
        if len(problems) == 0:
            changes.append(Change(date, term, change, {l: note[l].strip() for l in LANGUAGES}))
    if problems:
        raise ChangelogError(problems)
    return tuple(sorted(changes, key=lambda c: c.date, reverse=True))
