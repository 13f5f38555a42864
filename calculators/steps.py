"""Worked steps: the formula with the reader's numbers in it, in both languages.

Formulas record each line as a template plus raw values; numbers are only
formatted when the steps are rendered, after the result is known to be
finite, and in the reader's language.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from fractions import Fraction
from collections.abc import Sequence
from typing import Any

from .formatting import format_number, format_value
from .model import LANGUAGES, Text

_STEP_DECIMALS = 4
_SHOWN_TERMS = 8


@dataclass(frozen=True)
class Pct:
    """A value shown with a percent sign, e.g. a gross margin of 80 → "80%"."""

    value: Fraction


def _render_value(value: Any, lang: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Pct):
        text = format_number(value.value, lang, _STEP_DECIMALS) + "%"
        negative = value.value < 0
    else:
        text = format_number(value, lang, _STEP_DECIMALS)
        negative = value < 0
    # "30% + (−10%)" reads better than "30% + −10%".
    return f"({text})" if negative and text[0] == "\u2212" else text


def terms(prefix: str, values: Sequence[Any], joiner: str = " + ") -> tuple[str, dict[str, Any]]:
    """A template fragment such as "{f0} + {f1} + {f2}" and the values it names.

    Long lists keep their first few items and the last one, so a pasted
    column of 500 fees does not turn the steps into a wall of numbers.
    """
    # Only the items shown are named, so a column of 100,000 answers formats
    # four numbers, not 100,000.
    count = len(values)
    shown = [0, 1, 2, count - 1] if count > _SHOWN_TERMS else range(count)
    names = {f"{prefix}{i}": values[i] for i in shown}
    parts = ["{" + key + "}" for key in names]
    if count > _SHOWN_TERMS:
        parts.insert(3, "…")
    return joiner.join(parts), names


def elide(parts: list[str]) -> list[str]:
    """Keep the first three parts and the last, with "…" between, when there are many."""
    return parts[:3] + ["…"] + parts[-1:] if len(parts) > _SHOWN_TERMS else parts


class Steps:
    def __init__(self) -> None:
        self._lines: list[tuple[str, str, dict[str, Any]]] = []

    def add(self, en: str, zh: str | None = None, **values: Any) -> None:
        """Record one line; `zh` defaults to `en` for lines that are pure arithmetic."""
        self._lines.append((en, en if zh is None else zh, values))

    def render(self, symbol: Text, value: float, unit: str) -> tuple[dict[str, str], ...]:
        rendered: list[dict[str, str]] = []
        for index, (en, zh, values) in enumerate(self._lines):
            line: dict[str, str] = {}
            for lang, template in zip(LANGUAGES, (en, zh)):
                body = template.format(**{key: _render_value(v, lang) for key, v in values.items()})
                lead = f"{symbol[lang]} = " if index == 0 else "= "
                line[lang] = lead + body
            rendered.append(line)
        final = {lang: format_value(value, unit, lang) for lang in LANGUAGES}
        if not rendered:
            rendered.append({lang: f"{symbol[lang]} = {final[lang]}" for lang in LANGUAGES})
        else:
            rendered.append({lang: f"= {final[lang]}" for lang in LANGUAGES})
        return tuple(rendered)
