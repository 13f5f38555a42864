"""The "20 words for week one": an ordered list of term ids in week-one.yml.

The concepts page renders it, and learning material (decks, the cheat sheet)
can reuse the same list, so the words a new hire meets first are chosen once.
Knows nothing of MkDocs.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .loader import GLOSSARY_DIR, GlossaryError
from .model import Glossary

FILE_NAME = "week-one.yml"
SIZE = 20


def load_week_one(glossary: Glossary, root: Path = GLOSSARY_DIR) -> tuple[str, ...]:
    """The ids in order. Raises GlossaryError naming the file and every problem:
    not a list of ``SIZE`` ids, an unknown id, an id listed twice."""
    path = Path(root) / FILE_NAME
    where = f"{path.parent.name}/{FILE_NAME}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GlossaryError([f"{where}: cannot be read: {error.strerror or error}"]) from None
    except yaml.YAMLError as error:
        raise GlossaryError([f"{where}: not valid YAML: {error}"]) from None
    ids = data
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise GlossaryError([f"{where}: must be a YAML list of term ids"])
    problems = []
    if len(ids) != SIZE:
        problems.append(f"{where}: must list {SIZE} term ids, lists {len(ids)}")
    seen: set[str] = set()
    for index, term_id in enumerate(ids, 1):
        if term_id not in glossary.terms:
            problems.append(f"{where}: item {index}: unknown term id {term_id!r}")
        if term_id in seen:
            problems.append(f"{where}: item {index}: {term_id!r} is listed twice")
        seen.add(term_id)
    if problems:
        raise GlossaryError(problems)
    return tuple(ids)
