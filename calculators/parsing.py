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
import sys
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
# Below the smallest normal float a value cannot be carried to the result
# (1e-400 would silently become 0), so it is refused by name.
MIN_MAGNITUDE = Fraction(sys.float_info.min)
MAX_ITEMS = 1000
# No honest number is longer than this; a longer text is refused before any
# work is done on it, so a pasted megabyte fails at once.
MAX_NUMBER_TEXT = 200
# A list's text may hold its items plus separators and padding.
_LIST_CHARS_PER_ITEM = 64

# ASCII digits only: Python's \d and float() also accept Arabic-Indic and
# other digits, which would pass through unnoticed.
_NUMBER = re.compile(r"[+-]?(?P<mantissa>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE](?P<exp>[+-]?[0-9]+))?")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")
# "1 234": thousands grouped by a space, as many locales write them. As a
# single value it is ambiguous with two values, so it gets its own message.
_SPACED = re.compile(r"[+-]?[0-9]{1,3}(?:\s[0-9]{3})+(?:\.[0-9]*)?")
_NOT_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "-∞"}
# NFKC folds full-width forms (＄, ￥, －, ％, ，, １); these are left.
_DASHES = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_CURRENCY = "$¥€£"
# Characters a number may contain besides ASCII and full-width forms. NFKC
# would also fold superscripts, circled digits and vulgar fractions into
# plain digits ("10²" into "102"), so anything else is refused before folding.
_ALLOWED = frozenset("\u2212\u2012\u2013\u2014¥€£元、∞")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Items of a pasted list: lines (and tabs, semicolons) first, else commas.
# Spaces never separate items: "1 234" is one number to many readers.
# Plain str methods, not a regex: a character class scans a megabyte in
# ~70 ms, str.replace and str.split in about one.
_LINE_SEPARATORS = ("\r", "\t", ";", "\uff1b", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")
_COMMAS = ("、", "\uff0c")
_DATE = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?")


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def default(inp: Input) -> Any:
    """The value of an optional input left blank."""
    if inp.kind == "choice":
        # A numeric default names the choice whose value spells it (scale_max 7 -> "7").
        wanted = f"{inp.default:g}" if isinstance(inp.default, (int, float)) else str(inp.default)
        return next(choice.value for choice in inp.choices if choice.value == wanted)
    return Fraction(inp.default or 0)


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
    if inp.kind == "table":
        # Read by the formula itself (accounts.py), which names rows and columns.
        return raw
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


def is_plain(text: str) -> bool:
    """True unless the text holds a character that only looks like part of a number (² ⁵ ① ½ ١)."""
    for match in _NON_ASCII.finditer(text):
        char = match.group()
        if char in _ALLOWED or char.isspace():
            continue
        if unicodedata.decomposition(char).startswith("<wide>"):
            continue
        return False
    return True


def _from_text(inp: Input, raw: str, kind: str, position: int | None) -> Fraction:
    if len(raw) > MAX_NUMBER_TEXT:
        raise errors.not_a_number(inp, raw, position)
    if not is_plain(raw):
        raise errors.not_plain(inp, raw, position)
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
    if _SPACED.fullmatch(text):
        raise errors.spaced_number(inp, raw, position)
    match = _NUMBER.fullmatch(text)
    if not match:
        raise errors.not_a_number(inp, raw, position)
    # The exponent is bounded before an exact Fraction is built, so
    # "1e-999999999" costs nothing; within the bounds the value is exact.
    exponent = int(match.group("exp") or 0)
    if abs(exponent) > 2 * MAX_NUMBER_TEXT + 400:
        if not any(digit in "123456789" for digit in match.group("mantissa")):
            return Fraction(0)
        if exponent > 0:
            raise errors.too_large(inp, float(MAX_MAGNITUDE), position)
        raise errors.too_small(inp, raw, position)
    return Fraction(text)


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
        if raw.is_zero():
            return Fraction(0)
        # adjusted() is the decimal exponent, read without expanding the digits.
        if raw.adjusted() > 20:
            raise errors.too_large(inp, float(MAX_MAGNITUDE), position)
        if raw.adjusted() < -400:
            raise errors.too_small(inp, raw, position)
        digits = len(raw.as_tuple().digits)
        return Fraction(raw) if digits <= 60 else Fraction(repr(float(raw)))
    if isinstance(raw, Fraction):
        return raw
    if isinstance(raw, str):
        if is_blank(raw):
            raise errors.missing(inp)
        return _from_text(inp, raw, kind, position)
    raise errors.not_a_number(inp, raw, position)


def _check_bounds(inp: Input, value: Fraction, position: int | None, raw: Any = None) -> None:
    if abs(value) > MAX_MAGNITUDE:
        raise errors.too_large(inp, float(MAX_MAGNITUDE), position)
    if value and abs(value) < MIN_MAGNITUDE:
        raise errors.too_small(inp, value if raw is None else raw, position)
    low = inp.minimum
    if low is not None:
        below = value <= low if inp.minimum_exclusive else value < low
        if below:
            if low == 0 and value < 0:
                raise errors.negative(inp, position)
            raise errors.below_minimum(inp, position)
    if inp.maximum is not None and value > inp.maximum:
        raise errors.above_maximum(inp, position)


def check_bounds(inp: Input, value: Fraction) -> None:
    """The input's own bounds, for a value that did not come from text (the solver's answer)."""
    _check_bounds(inp, value, None)


def _scalar(inp: Input, raw: Any, kind: str, position: int | None = None) -> Fraction:
    value = _to_fraction(inp, raw, kind, position)
    _check_bounds(inp, value, position, raw)
    if kind == "count" and value.denominator != 1:
        raise errors.not_whole(inp, raw, position)
    return value


# --- lists ---------------------------------------------------------------------

def max_items(inp: Input) -> int:
    return inp.max_items if inp.max_items is not None else MAX_ITEMS


def _split(text: str) -> list[str]:
    # Newlines (a pasted spreadsheet column) win over commas, so "1,200" on its
    # own line keeps its thousands separator; otherwise commas separate items.
    # Items keep the reader's own characters, so a message quotes what was typed.
    for separator in _LINE_SEPARATORS:
        if separator in text:
            text = text.replace(separator, "\n")
    if "\n" not in text:
        for comma in _COMMAS:
            if comma in text:
                text = text.replace(comma, ",")
        parts = text.split(",")
    else:
        parts = text.split("\n")
    return [part.strip() for part in parts if part.strip()]


def _without_column_header(items: list[str]) -> list[str]:
    # A column copied from a spreadsheet brings its header ("Score", "评分").
    # Only a first item with no digit at all, followed by values, counts as
    # one: a word further down is still an error that names its item.
    if len(items) > 1 and not any(ch.isdigit() for ch in items[0]):
        return items[1:]
    return items


def _list(inp: Input, raw: Any) -> tuple[Fraction, ...]:
    item_kind = "money" if inp.kind == "list_money" else "number"
    limit = max_items(inp)
    if isinstance(raw, str):
        # Refuse an oversized paste before splitting it.
        # A few blank lines are forgiven; a column far past the limit is not split at all.
        if len(raw) > limit * _LIST_CHARS_PER_ITEM or raw.count("\n") > limit + limit // 10 + 10:
            raise errors.list_too_long(inp, limit)
        raw = raw.lstrip("\ufeff")
        items: list[Any] = _split(raw)
        if "\n" in raw or any(separator in raw for separator in _LINE_SEPARATORS):
            items = _without_column_header(items)
    elif isinstance(raw, (list, tuple)):
        # Blank entries are skipped, but a list far past the limit is refused
        # before any of it is read.
        if len(raw) > limit:
            raise errors.list_too_long(inp, limit)
        items = [item for item in raw if not is_blank(item)]
    elif isinstance(raw, (int, float, Decimal, Fraction)) and not isinstance(raw, bool):
        items = [raw]
    else:
        raise errors.not_a_number(inp, raw)
    if not items:
        raise errors.empty_list(inp)
    if len(items) > limit:
        raise errors.list_too_long(inp, limit)
    for position, item in enumerate(items, 1):
        if isinstance(item, (list, tuple, dict)):
            raise errors.not_a_number(inp, item, position)
    # A pasted survey column repeats a handful of values many times: each
    # distinct spelling is parsed once.
    seen: dict[tuple[type, Any], Fraction] = {}
    values: list[Fraction] = []
    for position, item in enumerate(items, 1):
        key = (type(item), item)
        try:
            value = seen.get(key)
        except TypeError:  # an unhashable oddity: parse it (and fail) without the cache
            value = _scalar(inp, item, item_kind, position)
        if value is None:
            value = seen[key] = _scalar(inp, item, item_kind, position)
        values.append(value)
    return tuple(values)


# --- dates and choices -------------------------------------------------------------

def _date(inp: Input, raw: Any) -> _dt.date:
    if isinstance(raw, _dt.datetime):
        return raw.date()
    if isinstance(raw, _dt.date):
        return raw
    if not isinstance(raw, str) or len(raw) > MAX_NUMBER_TEXT or not is_plain(raw.replace("年", "").replace("月", "").replace("日", "")):
        raise errors.bad_date(inp, raw)
    match = _DATE.fullmatch(_normalise(raw))
    if not match:
        raise errors.bad_date(inp, raw)
    try:
        return _dt.date(*(int(group) for group in match.groups()))
    except ValueError:
        raise errors.bad_date(inp, raw) from None


def _choice(inp: Input, raw: Any) -> str:
    # A numeric choice may come as a number: scale_max=5 means the "5" scale.
    if type(raw) in (int, float) and -1000 < raw < 1000:
        spelled = f"{raw:g}"
        if any(choice.value == spelled for choice in inp.choices):
            return spelled
    if not isinstance(raw, str) or len(raw) > MAX_NUMBER_TEXT:
        raise errors.bad_choice(inp, raw)
    wanted = _normalise(raw).lower()
    for choice in inp.choices:
        names = (choice.value, choice.label.en, choice.label.zh, *choice.aliases)
        if wanted in (_normalise(name).lower() for name in names):
            return choice.value
    raise errors.bad_choice(inp, raw)
