"""Word boundaries in Chinese text, from jieba, for the edges of Chinese matches.

A Chinese match is kept only if each Han edge falls on a jieba token boundary:
"同比" does not link in "不同比例" (不同/比例), "订阅" does in "订阅制" (订阅/制).
The glossary's own Chinese forms are added to a private jieba dictionary, so
jieba keeps every term whole.

Only what is needed is segmented: jieba itself cuts text into blocks of Han,
Latin letters, digits and +#&._%- and segments each block on its own, so
segmenting just the block around a candidate's edge gives exactly the tokens
that segmenting the whole text would.
"""
from __future__ import annotations

import functools
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable

import jieba

# jieba 0.42.1's re_han_default, the blocks its default mode segments.
_BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+")
_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def _default_dictionary() -> tuple[dict[str, int], int]:
    """jieba's default dictionary, loaded once per process (about 0.6 s)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


def new_tokenizer(words: Iterable[str]) -> jieba.Tokenizer:
    """A private jieba tokenizer: the default dictionary plus ``words``.

    The global ``jieba`` tokenizer (which Material's search plugin uses) is
    left untouched. Each Linker gets its own copy of the dictionary (about
    10 ms), so linkers with different glossaries do not see each other's words.
    """
    with _lock:
        freq, total = _default_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = dict(freq)
    tokenizer.total = total
    tokenizer.initialized = True
    for word in words:
        # The suggested frequency is the smallest that keeps the word whole on
        # its own; in context jieba may still split it, which is the point.
        tokenizer.add_word(word)
    return tokenizer


def dictionary_word(form: str) -> bool:
    """Whether a normalised, folded form belongs in the jieba dictionary."""
    return " " not in form and any("\u4e00" <= ch <= "\u9fd5" for ch in form)


class Boundaries:
    """Token boundaries of one text, computed block by block on demand."""

    __slots__ = ("_tokenizer", "_text", "_starts", "_ends", "_cuts")

    def __init__(self, tokenizer: jieba.Tokenizer, text: str):
        self._tokenizer = tokenizer
        self._text = text
        self._starts: list[int] = []
        self._ends: list[int] = []
        for match in _BLOCK.finditer(text):
            self._starts.append(match.start())
            self._ends.append(match.end())
        self._cuts: dict[int, frozenset[int]] = {}

    def at(self, position: int, char: int) -> bool:
        """Is ``position`` a token boundary of the block holding character ``char``?"""
        block = bisect_right(self._starts, char) - 1
        if block < 0 or char >= self._ends[block]:
            return True
        start, end = self._starts[block], self._ends[block]
        if position in (start, end):
            return True
        cuts = self._cuts.get(block)
        if cuts is None:
            cuts = self._cuts[block] = self._segment(start, end)
        return position in cuts

    def _segment(self, start: int, end: int) -> frozenset[int]:
        cuts = []
        offset = start
        for token in self._tokenizer.cut(self._text[start:end], HMM=True):
            offset += len(token)
            cuts.append(offset)
        return frozenset(cuts)
