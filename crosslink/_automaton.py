"""An Aho-Corasick automaton over plain strings, built once and reused.

Scanning a text costs one step per character plus one per match, whatever the
number of keys: that is what keeps per-page linking flat as the glossary grows.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Sequence


class Automaton:
    """Finds every occurrence of every key in a text, in one left-to-right pass."""

    __slots__ = ("_goto", "_fail", "_out", "_lengths")

    def __init__(self, keys: Sequence[str]):
        goto: list[dict[str, int]] = [{}]
        own: list[tuple[int, ...]] = [()]
        for index, key in enumerate(keys):
            if not key:
                raise ValueError("an automaton key must not be empty")
            node = 0
            for ch in key:
                nxt = goto[node].get(ch)
                if nxt is None:
                    nxt = len(goto)
                    goto[node][ch] = nxt
                    goto.append({})
                    own.append(())
                node = nxt
            own[node] = (*own[node], index)

        fail = [0] * len(goto)
        out: list[tuple[int, ...]] = list(own)
        queue = deque(goto[0].values())
        while queue:
            node = queue.popleft()
            for ch, child in goto[node].items():
                state = fail[node]
                while state and ch not in goto[state]:
                    state = fail[state]
                fail[child] = goto[state].get(ch, 0)
                # Every key ending at the fallback state also ends here.
                out[child] = own[child] + out[fail[child]]
                queue.append(child)

        self._goto = goto
        self._fail = fail
        self._out = out
        self._lengths = tuple(len(key) for key in keys)

    def __len__(self) -> int:
        return len(self._goto)

    def find_all(self, text: str) -> list[tuple[int, int, int]]:
        """Every match as ``(start, end, key_index)``, by end then longest first."""
        goto, fail, out, lengths = self._goto, self._fail, self._out, self._lengths
        matches: list[tuple[int, int, int]] = []
        node = 0
        for end, ch in enumerate(text, 1):
            nxt = goto[node].get(ch)
            while nxt is None and node:
                node = fail[node]
                nxt = goto[node].get(ch)
            if nxt is None:
                node = 0
                continue
            node = nxt
            found = out[node]
            if found:
                for index in found:
                    matches.append((end - lengths[index], end, index))
        return matches
