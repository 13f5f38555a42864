"""Helpers for tests that break the fixture glossary on purpose."""
from __future__ import annotations

from pathlib import Path

from .cases import CopyOf

def apply_edits(root: Path, edits) -> None:
    for name, old, new in edits:
        path = root / "terms" / name
        if old is None:
            if isinstance(new, CopyOf):
                new = (root / "terms" / new).read_text(encoding="utf-8")
            path.write_text(new, encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test case edit does not apply to {name}: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def expected_line(message: str, file: str, field: str | None, words) -> str:
    """The line of ``message`` that names ``file`` and ``field`` and says ``words``."""
    words = (words,) if isinstance(words, str) else words
    where = file if "/" in file or file in ("seeds.yml", "categories.yml") else f"terms/{file}"
    for line in message.splitlines():
        if f"glossary/{where}:" in line and (field is None or f": {field}: " in line) \
                and all(w in line for w in words):
            return line
    raise AssertionError(f"no line names {where}, field {field!r} and {words!r} in:\n{message}")
