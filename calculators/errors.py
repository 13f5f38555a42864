"""InputError and the bilingual sentences that explain each kind of bad input.

Every message names the input by the label the reader sees on the form, in
the reader's language, so the page can show it as is. Keeping all wording
here lets a translator review both languages side by side.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .formatting import format_number
from .model import Input, Text

_MAX_SHOWN = 40


class InputError(ValueError):
    """Bad input: `.field` is the input's name (None when several are at fault)."""

    def __init__(self, field: str | None, en: str, zh: str) -> None:
        super().__init__(en)
        self.field = field
        self.messages = {"en": en, "zh": zh}

    def __repr__(self) -> str:
        return f"InputError(field={self.field!r}, messages={self.messages!r})"


# --- helpers -----------------------------------------------------------------

def _shown(raw: Any) -> str:
    """The reader's own text, shortened so a pasted novel cannot flood the page.

    The work is capped as well as the output: only the first few items of a
    list, a few levels deep, and the first few hundred characters of a string
    are ever looked at, so a message about a million-item or 5,000-deep
    nested value is built in microseconds and never recurses without bound.
    """
    text = " ".join(_preview(raw, _SHOWN_DEPTH).split())
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


_SHOWN_DEPTH = 3
_SHOWN_ITEMS = 8
_PREVIEW_CHARS = 4 * _MAX_SHOWN
# Exact types only: a subclass could override __str__ with anything.
_PRINTABLE = (int, float, Decimal, Fraction, _dt.date, _dt.datetime, type(None))


def _preview(raw: Any, depth: int) -> str:
    if isinstance(raw, str):
        return str.__getitem__(raw, slice(0, _PREVIEW_CHARS))
    if isinstance(raw, (list, tuple)):
        if depth <= 0:
            return "[…]"
        parts: list[str] = []
        size = 0
        for item in raw[:_SHOWN_ITEMS]:
            part = _preview(item, depth - 1)
            parts.append(part)
            size += len(part) + 2
            if size > _PREVIEW_CHARS:
                break
        if len(raw) > len(parts):
            parts.append("…")
        return ", ".join(parts)
    if isinstance(raw, dict):
        return "{…}"
    if type(raw) in _PRINTABLE or type(raw) is bool:
        try:
            return str(raw)[:_PREVIEW_CHARS]
        except Exception:  # noqa: BLE001 - e.g. an int too long for str(); the message must still be built
            pass
    return f"<{type(raw).__name__}>"


def _en(label: Text) -> str:
    return label.en


def mid_en(label: Text) -> str:
    """The English label as it reads mid-sentence: "all customers", but "MRR" stays."""
    first = label.en.split(" ", 1)[0]
    if len(first) > 1 and first.upper() == first:
        return label.en
    return label.en[:1].lower() + label.en[1:]


def _zh(label: Text) -> str:
    return f"「{label.zh}」"


quoted = _zh  # a label as a Chinese sentence quotes it: 「期初 MRR」


def shown_number(value: Any) -> str:
    """A number quoted back in a message; both languages group digits the same way."""
    return format_number(value, "en", decimals=4)


_num = shown_number


def _item(position: int | None) -> tuple[str, str]:
    """Prefixes that point at one entry of a list input."""
    if position is None:
        return "", ""
    return f"Item {position} of ", f"的第 {position} 项"


def _subject(inp: Input, position: int | None) -> tuple[str, str]:
    en_prefix, zh_suffix = _item(position)
    return f"{en_prefix}{_en(inp.label)}", f"{_zh(inp.label)}{zh_suffix}"


# --- single input --------------------------------------------------------------

def missing(inp: Input) -> InputError:
    return InputError(inp.name, f"Please enter {_en(inp.label)}.", f"请填写{_zh(inp.label)}。")


def not_a_number(inp: Input, raw: Any, position: int | None = None) -> InputError:
    en, zh = _subject(inp, position)
    return InputError(
        inp.name,
        f"{en} must be a number; got \u201c{_shown(raw)}\u201d.",
        f"{zh}必须是数字，收到的是\u201c{_shown(raw)}\u201d。",
    )


def not_finite(inp: Input, raw: Any, position: int | None = None) -> InputError:
    en, zh = _subject(inp, position)
    return InputError(
        inp.name,
        f"{en} must be an ordinary number, not \u201c{_shown(raw)}\u201d.",
        f"{zh}必须是普通数字，不能是\u201c{_shown(raw)}\u201d。",
    )


def not_plain(inp: Input, raw: Any, position: int | None = None) -> InputError:
    """Superscripts, circled digits, fractions and the like: they fold into
    other digits ("10²" would read as 102), so they are refused by name."""
    en, zh = _subject(inp, position)
    return InputError(
        inp.name,
        f"{en} must be a plain number written with the digits 0–9; “{_shown(raw)}” has other characters in it.",
        f"{zh}必须是用数字 0–9 写成的普通数字，“{_shown(raw)}”中含有其他字符。",
    )


def spaced_number(inp: Input, raw: Any, position: int | None = None) -> InputError:
    en, zh = _subject(inp, position)
    return InputError(
        inp.name,
        f"{en} must be one number without spaces; for “{_shown(raw)}” write the digits together "
        f"or group them with commas, and put separate values on separate lines.",
        f"{zh}必须是一个不含空格的数字：“{_shown(raw)}”请连写或用逗号分隔千位，多个数值请分行填写。",
    )


def too_small(inp: Input, raw: Any, position: int | None = None) -> InputError:
    en, zh = _subject(inp, position)
    return InputError(
        inp.name,
        f"{en} is too close to zero to calculate with; got “{_shown(raw)}”. Enter 0 if you mean zero.",
        f"{zh}过于接近 0，无法计算，收到的是“{_shown(raw)}”；如果指的是 0，请直接填写 0。",
    )


def too_large(inp: Input, limit: float, position: int | None = None) -> InputError:
    en, zh = _subject(inp, position)
    return InputError(
        inp.name,
        f"{en} is too large; enter a number no bigger than {_num(limit)}.",
        f"{zh}数值过大，请输入不超过 {_num(limit)} 的数字。",
    )


def negative(inp: Input, position: int | None = None) -> InputError:
    en, zh = _subject(inp, position)
    return InputError(inp.name, f"{en} cannot be negative.", f"{zh}不能为负数。")


def not_whole(inp: Input, raw: Any, position: int | None = None) -> InputError:
    en, zh = _subject(inp, position)
    return InputError(
        inp.name,
        f"{en} must be a whole number; got \u201c{_shown(raw)}\u201d.",
        f"{zh}必须是整数，收到的是\u201c{_shown(raw)}\u201d。",
    )


def _bound(value: float, inp: Input) -> tuple[str, str]:
    number = _num(value)
    # Only a percent sign is worth repeating: "Term (months) must be greater
    # than 0 months" says "months" twice.
    if inp.suffix is not None and inp.suffix.en == "%":
        return f"{number}%", f"{number}%"
    return number, number


def below_minimum(inp: Input, position: int | None = None) -> InputError:
    en, zh = _subject(inp, position)
    assert inp.minimum is not None
    low_en, low_zh = _bound(inp.minimum, inp)
    if inp.minimum_exclusive:
        return InputError(inp.name, f"{en} must be greater than {low_en}.", f"{zh}必须大于 {low_zh}。")
    return InputError(inp.name, f"{en} cannot be less than {low_en}.", f"{zh}不能小于 {low_zh}。")


def above_maximum(inp: Input, position: int | None = None) -> InputError:
    en, zh = _subject(inp, position)
    assert inp.maximum is not None
    high_en, high_zh = _bound(inp.maximum, inp)
    return InputError(inp.name, f"{en} cannot be more than {high_en}.", f"{zh}不能超过 {high_zh}。")


def bad_choice(inp: Input, raw: Any) -> InputError:
    en_options = ", ".join(choice.label.en.lower() for choice in inp.choices)
    zh_options = "、".join(choice.label.zh for choice in inp.choices)
    return InputError(
        inp.name,
        f"{_en(inp.label)} must be one of: {en_options}; got \u201c{_shown(raw)}\u201d.",
        f"{_zh(inp.label)}只能是{zh_options}之一，收到的是\u201c{_shown(raw)}\u201d。",
    )


def bad_date(inp: Input, raw: Any) -> InputError:
    return InputError(
        inp.name,
        f"{_en(inp.label)} must be a date such as 2026-01-31; got \u201c{_shown(raw)}\u201d.",
        f"{_zh(inp.label)}必须是日期，例如 2026-01-31，收到的是\u201c{_shown(raw)}\u201d。",
    )


def empty_list(inp: Input) -> InputError:
    return InputError(
        inp.name,
        f"{_en(inp.label)} needs at least one value.",
        f"{_zh(inp.label)}至少需要填写一个数值。",
    )


def list_too_long(inp: Input, limit: int) -> InputError:
    return InputError(
        inp.name,
        f"{_en(inp.label)} can hold at most {limit:,} values.",
        f"{_zh(inp.label)}最多只能填写 {limit:,} 个数值。",
    )


def zero_denominator(inp: Input) -> InputError:
    return InputError(
        inp.name,
        f"{_en(inp.label)} cannot be zero, because the formula divides by it.",
        f"{_zh(inp.label)}不能为 0，因为公式要用它作除数。",
    )


# --- several inputs --------------------------------------------------------------

def exceeds(part: Input, whole: Input, part_value: Any, whole_value: Any) -> InputError:
    return InputError(
        part.name,
        f"{_en(part.label)} ({_num(part_value)}) cannot be more than {mid_en(whole.label)} ({_num(whole_value)}).",
        f"{_zh(part.label)}（{_num(part_value)}）不能超过{_zh(whole.label)}（{_num(whole_value)}）。",
    )


def combination(field: str | None, en: str, zh: str) -> InputError:
    """An impossible mix of inputs whose wording only the formula knows."""
    return InputError(field, en, zh)


def labels(inputs: Iterable[Input], lang: str) -> str:
    """Join labels for a message about several inputs."""
    items = list(inputs)
    if lang == "zh":
        quoted = [f"「{item.label.zh}」" for item in items]
        if len(quoted) == 2:
            return "与".join(quoted)
        return "、".join(quoted[:-1]) + "和" + quoted[-1] if len(quoted) > 2 else quoted[0]
    words = [item.label.en if i == 0 else mid_en(item.label) for i, item in enumerate(items)]
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]


# --- requests that do not fit the form ----------------------------------------

def unknown_formula(formula_id: Any) -> InputError:
    return InputError(
        None,
        f"There is no calculator called \u201c{_shown(formula_id)}\u201d.",
        f"没有名为\u201c{_shown(formula_id)}\u201d的计算器。",
    )


def unknown_input(symbol: Text, name: Any, expected: Iterable[str]) -> InputError:
    names = list(expected)
    return InputError(
        name if isinstance(name, str) else _shown(name),
        f"The {symbol.en} calculator has no input called \u201c{_shown(name)}\u201d; "
        f"it takes {', '.join(names)}.",
        f"{symbol.zh}{' ' if symbol.zh[-1:].isascii() else ''}计算器没有名为\u201c{_shown(name)}\u201d的输入项，可用的输入项有 {'、'.join(names)}。",
    )


def result_too_small() -> InputError:
    return InputError(
        None,
        "The result is too close to zero to show; please check the numbers you entered.",
        "计算结果过于接近 0，无法显示，请检查输入的数字。",
    )


def result_too_large() -> InputError:
    return InputError(
        None,
        "The result is too large to calculate; please check the numbers you entered.",
        "计算结果过大，无法得出，请检查输入的数字。",
    )


def bad_request(en: str, zh: str) -> InputError:
    return InputError(None, en, zh)
