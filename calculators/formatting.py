"""Bilingual number and unit formatting.

The static build and the browser worker (through Pyodide) both call these
functions, so a value rendered at build time and one computed in the page
always read the same.
"""
from __future__ import annotations

from fractions import Fraction

from .model import LANGUAGES, UNITS

MINUS = "\u2212"  # typographic minus, matching the operators in the steps

_UNIT_LABELS = {
    "money": ("amount", "金额"),
    "percent": ("percent", "百分比"),
    "ratio": ("ratio", "倍数"),
    "score": ("score", "分值"),
    "days": ("days", "天数"),
    "time": ("time", "时长"),
    "number": ("number", "数值"),
    "months": ("months", "月数"),
    "count": ("count", "个数"),
}


def _check(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")


def format_number(value: float | int | Fraction, lang: str = "en", decimals: int = 2,
                  min_decimals: int = 0) -> str:
    """Group digits with commas, round to `decimals` and trim trailing zeros.

    Chinese financial writing groups by thousands with commas too, so both
    languages share one rule; `lang` is accepted so that could change here.
    """
    _check(lang)
    number = float(value)
    text = f"{abs(number):,.{decimals}f}"
    if "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0").ljust(min_decimals, "0")
        text = f"{whole}.{frac}" if frac else whole
    # A value that rounds to zero must not keep its sign ("−0").
    if number < 0 and any(ch not in "0.," for ch in text):
        return MINUS + text
    return text


def format_value(value: float, unit: str, lang: str, notation: str = "multiple") -> str:
    """Render a result for display, e.g. "110%", "3.0×" / "3.0 倍", "3.0:1", "7 days" / "7 天"."""
    _check(lang)
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    if unit == "percent":
        return format_number(value, lang) + "%"
    if unit == "ratio":
        number = format_number(value, lang, min_decimals=1)
        if notation == "to_one":
            return f"{number}:1"
        return f"{number}×" if lang == "en" else f"{number} 倍"
    if unit == "days":
        number = format_number(value, lang)
        if lang == "zh":
            return f"{number} 天"
        return f"{number} day" if number == "1" else f"{number} days"
    if unit == "months":
        number = format_number(value, lang)
        if lang == "zh":
            return f"{number} 个月"
        return f"{number} month" if number == "1" else f"{number} months"
    # money is currency-neutral; time keeps whatever unit the inputs used;
    # score, number and count are plain.
    return format_number(value, lang)


def unit_label(unit: str, lang: str) -> str:
    """The unit's name, for a caption such as "Result (percent)"."""
    _check(lang)
    if unit not in _UNIT_LABELS:
        raise ValueError(f"unknown unit {unit!r}")
    en, zh = _UNIT_LABELS[unit]
    return en if lang == "en" else zh
