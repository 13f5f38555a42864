"""Field-level parsing shared by every glossary data file: the problem list,
strings, lists and bilingual texts, each checked for size, control
characters and (for names) line breaks.

Every problem is ``<file>: <field>: <what is wrong>``.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from .model import LANGUAGES, Bilingual

# Stated limits (docs/*/contributing/term-schema.md). Far above any real
# term, low enough that a pasted dump or a runaway generator is caught.
MAX_NAME_CHARS = 200          # name, full_name, short_name, abbr, aliases, forms
MAX_DEFINITION_CHARS = 20_000  # definition, disagreement
MAX_TEXT_CHARS = 5_000        # every other text: summary, examples, depth, benchmarks

# Text direction overrides can make a name read differently from what it is
# ("Trojan Source"); zero-width and line/paragraph separators hide in names.
_INVISIBLE = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\ufeff")


class Problems:
    """Problems collected over a whole load, reported together."""

    def __init__(self, root: Path):
        self.root = root
        self.items: list[str] = []

    def add(self, path: Path, field: str | None, message: str) -> None:
        where = display(path, self.root)
        self.items.append(f"{where}: {field}: {message}" if field else f"{where}: {message}")

    def __len__(self) -> int:
        return len(self.items)


def display(path: Path, root: Path) -> str:
    """``path`` as a contributor writes it: glossary/terms/nrr.yml."""
    try:
        return str(path.resolve().relative_to(root.resolve().parent))
    except ValueError:
        return str(path)


def nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def check_text(path: Path, field: str, value: str, problems: Problems, *,
               limit: int = MAX_TEXT_CHARS, single_line: bool = False) -> bool:
    """Size, control characters and (``single_line``) line breaks; True if clean."""
    clean = True
    if len(value) > limit:
        problems.add(path, field, f"is {len(value):,} characters long; the limit is {limit:,}")
        clean = False
    bad = sorted({ch for ch in value
                  if (unicodedata.category(ch) == "Cc" and ch != "\n") or ch in _INVISIBLE})
    if bad:
        codes = ", ".join(f"U+{ord(ch):04X}" for ch in bad)
        problems.add(path, field, f"contains control or invisible characters ({codes}); remove them")
        clean = False
    if single_line and "\n" in value.strip():
        problems.add(path, field, "must be one line: a name cannot contain a line break")
        clean = False
    return clean


def text(path: Path, field: str, raw: Any, problems: Problems, *, required: bool,
         limit: int = MAX_TEXT_CHARS, single_line: bool = False) -> str | None:
    """A non-empty string (stripped), or None when absent and not required."""
    if raw is None and not required:
        return None
    if not nonempty_str(raw):
        problems.add(path, field, "required, must not be empty" if required or raw is None
                     else "must be a non-empty string when given")
        return None
    check_text(path, field, raw, problems, limit=limit, single_line=single_line)
    return raw.strip()


def name(path: Path, field: str, raw: Any, problems: Problems, *, required: bool) -> str | None:
    return text(path, field, raw, problems, required=required, limit=MAX_NAME_CHARS, single_line=True)


def string_list(path: Path, field: str, raw: Any, problems: Problems, *,
                limit: int = MAX_TEXT_CHARS, single_line: bool = False) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add(path, field, "must be a list")
        return ()
    values = []
    for index, item in enumerate(raw):
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        if not nonempty_str(item):
            problems.add(path, f"{field}[{index}]", "must be a non-empty string")
        else:
            check_text(path, f"{field}[{index}]", item, problems, limit=limit, single_line=single_line)
            values.append(item.strip())
    return tuple(values)


def name_list(path: Path, field: str, raw: Any, problems: Problems) -> tuple[str, ...]:
    return string_list(path, field, raw, problems, limit=MAX_NAME_CHARS, single_line=True)


def bilingual(path: Path, field: str, raw: Any, problems: Problems, *, required: bool,
              limit: int = MAX_TEXT_CHARS, single_line: bool = False) -> Bilingual | None:
    """``{zh: ..., en: ...}``, both non-empty."""
    if raw is None and not required:
        return None
    if not isinstance(raw, dict):
        problems.add(path, field, "required: a mapping with zh and en texts" if raw is None
                     else "must be a mapping with zh and en texts")
        return None
    for unknown in sorted(set(raw) - set(LANGUAGES), key=str):
        hint = ""
        if raw[unknown] is None:
            # {zh: 约 1,000 家, en: ...}: YAML splits a flow mapping at every comma.
            hint = "; a comma split the text: put quotes around any text with a comma in {zh: ..., en: ...}"
        problems.add(path, f"{field}.{str(unknown)[:40]}", f"unknown field; allowed: zh, en{hint}")
    texts = {}
    for lang in LANGUAGES:
        value = raw.get(lang)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        texts[lang] = text(path, f"{field}.{lang}", value, problems, required=True,
                           limit=limit, single_line=single_line)
    if None in texts.values():
        return None
    return Bilingual(**texts)


def https_url(path: Path, field: str, raw: Any, problems: Problems, *, required: bool) -> str | None:
    value = text(path, field, raw, problems, required=required, limit=2_000, single_line=True)
    if value is not None and not re.match(r"^https://[^\s/]+", value):
        problems.add(path, field, "must be an https:// address")
        return None
    return value


def unknown_fields(path: Path, prefix: str, raw: dict, allowed: set[str], problems: Problems) -> None:
    for unknown in sorted(set(raw) - allowed, key=str):
        where = f"{prefix}.{unknown}" if prefix else str(unknown)
        problems.add(path, where, f"unknown field; allowed: {', '.join(sorted(allowed))}")


def data_files(folder: Path, problems: Problems, what: str) -> list[Path]:
    """The ``*.yml`` files of ``folder``. A ``.yaml`` (or ``.YML``) file would
    otherwise be skipped without a word, so it is refused by name."""
    if not folder.is_dir():
        return []
    paths = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix == ".yml":
            paths.append(path)
        elif path.suffix.lower() in (".yml", ".yaml"):
            problems.add(path, None, f"{what} files end in .yml: rename it to {path.stem}.yml")
    return paths
