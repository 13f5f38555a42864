"""Lenient reading of form values, strict about what they mean.

A web form sends text ("1,200", " 45 ", "12.5%", "１２"), a test sends
Python numbers, a worker sends JSON; all of them end up here. Numbers become
`Fraction`s so the formulas do exact decimal arithmetic: 110% comes out as
110.0 rather than 110.00000000000001, and nothing can overflow before the
single conversion back to float.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import Any

from . import errors
from .model import Input

# Integers above 2**53 stop being exact as floats, and no customer metric
# needs more than a quadrillion; a bound also keeps every result finite for
# ordinary inputs.
MAX_MAGNITUDE = Fraction(10**15)
MAX_ITEMS = 1000

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_NOT_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "-∞"}
# NFKC already folds full-width forms (＄, ￥, －, ％, ，); these are left.
_DASHES = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_CURRENCY = "$¥€£"
_LIST_LINES = re.compile(r"[\n\r\t;]+")
_LIST_COMMAS = re.compile(r"[,、]")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse(inp: Input, raw: Any) -> Any:
    """Turn one raw value into a Fraction, a tuple of Fractions, a date or a choice."""
    if inp.kind in ("money", "number", "percent", "count"):
        return _scalar(inp, raw, inp.kind)
    if inp.kind in ("list_money", "list_number"):
        return _list(inp, raw)
    if inp.kind == "date":
        return _date(inp, raw)
    if inp.kind == "choice":
        return _choice(inp, raw)
    raise ValueError(f"unknown input kind {inp.kind!r}")


# --- numbers -----------------------------------------------------------------

def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASHES).strip()


def _strip_currency(text: str) -> str:
    sign = ""
    if text[:1] in "+-" and text[1:2] in tuple(_CURRENCY):
        sign, text = text[0], text[1:]
    if text[:1] in tuple(_CURRENCY):
        text = text[1:].strip()
    if text.endswith("元"):
        text = text[:-1].strip()
    return sign + text


def _from_text(inp: Input, raw: str, kind: str, position: int | None) -> Fraction:
    text = _normalise(raw)
    if kind == "percent" and text.endswith("%"):
        text = text[:-1].strip()
    if kind == "money":
        text = _strip_currency(text)
    if text.lower() in _NOT_FINITE:
        raise errors.not_finite(inp, raw, position)
    if "," in text:
        # Commas are accepted only as thousands separators: "1,2" is not 1.2.
        if not _GROUPED.fullmatch(text):
            raise errors.not_a_number(inp, raw, position)
        text = text.replace(",", "")
    if not _NUMBER.fullmatch(text):
        raise errors.not_a_number(inp, raw, position)
    number = float(text)
    if math.isinf(number):
        raise errors.too_large(inp, float(MAX_MAGNITUDE), position)
    # Going through the float's shortest repr keeps "0.1" exact while
    # refusing to build a Fraction from an absurd exponent such as 1e-999999999.
    return Fraction(repr(number))


def _to_fraction(inp: Input, raw: Any, kind: str, position: int | None) -> Fraction:
    # bool is an int subclass; a checkbox value is never a quantity.
    if isinstance(raw, bool):
        raise errors.not_a_number(inp, raw, position)
    if isinstance(raw, int):
        return Fraction(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise errors.not_finite(inp, raw, position)
        return Fraction(repr(raw))
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise errors.not_finite(inp, raw, position)
        return _from_text(inp, str(raw), kind, position)
    if isinstance(raw, Fraction):
        return raw
    if isinstance(raw, str):
        if is_blank(raw):
            raise errors.missing(inp)
        return _from_text(inp, raw, kind, position)
    raise errors.not_a_number(inp, raw, position)


def _check_bounds(inp: Input, value: Fraction, position: int | None) -> None:
    if abs(value) > MAX_MAGNITUDE:
        raise errors.too_large(inp, float(MAX_MAGNITUDE), position)
    low = inp.minimum
    if low is not None:
        below = value <= low if inp.minimum_exclusive else value < low
        if below:
            if low == 0 and value < 0:
                raise errors.negative(inp, position)
            raise errors.below_minimum(inp, position)
    if inp.maximum is not None and value > inp.maximum:
        raise errors.above_maximum(inp, position)


def _scalar(inp: Input, raw: Any, kind: str, position: int | None = None) -> Fraction:
    value = _to_fraction(inp, raw, kind, position)
    _check_bounds(inp, value, position)
    if kind == "count" and value.denominator != 1:
        raise errors.not_whole(inp, raw, position)
    return value


# --- lists ---------------------------------------------------------------------

def _split(text: str) -> list[str]:
    text = _normalise(text)
    # Newlines (a pasted spreadsheet column) win over commas, so "1,200" on its
    # own line keeps its thousands separator; otherwise commas separate items,
    # and as a last resort so do spaces.
    if _LIST_LINES.search(text):
        parts = _LIST_LINES.split(text)
    elif _LIST_COMMAS.search(text):
        parts = _LIST_COMMAS.split(text)
    else:
        parts = text.split()
    return [part.strip() for part in parts if part.strip()]


def _list(inp: Input, raw: Any) -> tuple[Fraction, ...]:
    item_kind = "money" if inp.kind == "list_money" else "number"
    if isinstance(raw, str):
        items: list[Any] = _split(raw)
    elif isinstance(raw, (list, tuple)):
        items = [item for item in raw if not is_blank(item)]
    elif isinstance(raw, (int, float, Decimal, Fraction)) and not isinstance(raw, bool):
        items = [raw]
    else:
        raise errors.not_a_number(inp, raw)
    if not items:
        raise errors.empty_list(inp)
    if len(items) > MAX_ITEMS:
        raise errors.list_too_long(inp, MAX_ITEMS)
    if any(isinstance(item, (list, tuple, dict)) for item in items):
        raise errors.not_a_number(inp, raw)
    return tuple(_scalar(inp, item, item_kind, position) for position, item in enumerate(items, 1))


# --- dates and choices -------------------------------------------------------------

def _date(inp: Input, raw: Any) -> _dt.date:
    if isinstance(raw, _dt.datetime):
        return raw.date()
    if isinstance(raw, _dt.date):
        return raw
    if not isinstance(raw, str):
        raise errors.bad_date(inp, raw)
    match = _DATE.fullmatch(_normalise(raw))
    if not match:
        raise errors.bad_date(inp, raw)
    try:
        return _dt.date(*(int(group) for group in match.groups()))
    except ValueError:
        raise errors.bad_date(inp, raw) from None


def _choice(inp: Input, raw: Any) -> str:
    if not isinstance(raw, str):
        raise errors.bad_choice(inp, raw)
    wanted = _normalise(raw).lower()
    for choice in inp.choices:
        names = (choice.value, choice.label.en, choice.label.zh, *choice.aliases)
        if wanted in (name.lower() for name in names):
            return choice.value
    raise errors.bad_choice(inp, raw)
