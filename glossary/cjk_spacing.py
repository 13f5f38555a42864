"""Chinese typography: one space between Latin letters and Chinese characters
("CAC 回收期", "NRR 与 GRR"), none doubled. Full-width punctuation needs none."""
from __future__ import annotations

import re

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_MISSING = re.compile(rf"(?=([A-Za-z][{_HAN}]|[{_HAN}][A-Za-z]))")   # lookahead: "V与C" is two places
_DOUBLED = re.compile(rf"[A-Za-z][ \u3000]{{2,}}[{_HAN}]|[{_HAN}][ \u3000]{{2,}}[A-Za-z]|"
                      rf"[A-Za-z]\u3000[{_HAN}]|[{_HAN}]\u3000[A-Za-z]")
_BETWEEN = re.compile(rf"(?<=[A-Za-z])\s+(?=[{_HAN}])|(?<=[{_HAN}])\s+(?=[A-Za-z])")


def spacing_problems(text: str) -> list[str]:
    """What is wrong with the spacing of ``text``, quoting each place."""
    problems = [f"add a space in '{m.group(1)}'" for m in _MISSING.finditer(text)]
    problems += [f"use one ordinary space in '{m.group()}'" for m in _DOUBLED.finditer(text)]
    return problems


def without_latin_cjk_spaces(text: str) -> str:
    """``text`` with the spaces between Latin and Chinese removed, for
    comparing names written before and after the spacing rule."""
    return _BETWEEN.sub("", text)
