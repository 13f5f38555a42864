"""Text as displayed: entities decoded, whitespace normalised, case folded.

Matching runs on that display text; every match is mapped back to offsets in
the HTML source, so the link wraps the source text unchanged (``&amp;`` stays
``&amp;``). Glossary forms go through the same normalisation.
"""
from __future__ import annotations

import html
import re

# Whitespace that separates words of a Latin name; each counts as one space,
# and a run of them as a single space (so a name wrapped over two lines of
# Markdown, or written with &nbsp;, still matches).
_SPACES = {ord(ch): " " for ch in "\t\n\r\f\v\xa0\u2009\u202f"}
_RUN = re.compile(r"  +")
# Only complete references (with the semicolon) are decoded; Python-Markdown
# writes no other kind. Anything html.unescape does not know stays literal.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

HAN_FIRST, HAN_LAST = "\u4e00", "\u9fd5"  # the range jieba segments
_CJK_FIRST = "\u2e80"  # from here on, nothing is a Latin word character


def is_word_char(ch: str) -> bool:
    """A character a Latin name or acronym must not touch: ASCII letters and
    digits, '_', and other non-CJK letters and digits (é, ß, Ж). CJK
    characters and punctuation are not word characters, so "NRR" links in
    "我们的NRR提升了" but not in "NRRX"."""
    return ch == "_" or (ch < _CJK_FIRST and ch.isalnum())


def is_han(ch: str) -> bool:
    return HAN_FIRST <= ch <= HAN_LAST


def fold(text: str) -> str:
    """Lower-case without changing the length (characters whose lower case is
    longer, like 'İ', are kept as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def normalize(form: str) -> str:
    """A glossary form as it is matched: whitespace runs become one space."""
    return _RUN.sub(" ", form.translate(_SPACES)).strip(" ")


class TextView:
    """One run of HTML text, decoded for matching, with a map back to the source.

    ``text`` is the display text with whitespace normalised; ``low`` is the same
    folded to lower case (same length). ``source_span`` maps a span of either
    back to offsets in ``raw``.
    """

    __slots__ = ("raw", "text", "low", "_pos")

    def __init__(self, raw: str):
        self.raw = raw
        decoded, decoded_pos = _decode(raw)
        text = decoded.translate(_SPACES)
        pos = decoded_pos
        if "  " in text:
            text, kept = _collapse(text)
            pos = [decoded_pos[i] for i in kept] if decoded_pos else kept
        self.text = text
        self.low = fold(text)
        self._pos = pos

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Source offsets of text[start:end], or None when the span would cut an
        entity that decodes to several characters."""
        pos = self._pos
        if pos is None:
            return start, end
        raw_start, raw_end = pos[start], pos[end]
        if raw_start < 0 or raw_end < 0:
            return None
        return raw_start, raw_end


def _decode(raw: str) -> tuple[str, list[int] | None]:
    """Decode character references. The list maps each decoded character (and the
    end) to its source offset; -1 marks the 2nd+ character of one reference."""
    if "&" not in raw:
        return raw, None
    parts: list[str] = []
    pos: list[int] = []
    last = 0
    for match in _ENTITY.finditer(raw):
        value = html.unescape(match.group())
        if value == match.group():
            continue
        parts.append(raw[last:match.start()])
        pos.extend(range(last, match.start()))
        parts.append(value)
        pos.append(match.start())
        pos.extend([-1] * (len(value) - 1))
        last = match.end()
    if not parts:
        return raw, None
    parts.append(raw[last:])
    pos.extend(range(last, len(raw) + 1))
    return "".join(parts), pos


def _collapse(text: str) -> tuple[str, list[int]]:
    """Collapse runs of spaces to one; also return, for each kept character and
    the end, its index in the input."""
    parts: list[str] = []
    kept: list[int] = []
    last = 0
    for match in _RUN.finditer(text):
        keep_end = match.start() + 1
        parts.append(text[last:keep_end])
        kept.extend(range(last, keep_end))
        last = match.end()
    parts.append(text[last:])
    kept.extend(range(last, len(text) + 1))
    return "".join(parts), kept
