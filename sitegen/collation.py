"""Sorting and index letters for the A–Z pages.

Chinese is sorted by Hanyu Pinyin (pypinyin), English alphabetically; in both,
a name that starts with a Latin letter sorts by that letter and one that starts
with a digit goes under "#". Stated on the A–Z page, tested in tests/.
"""
from __future__ import annotations

from pypinyin import Style, lazy_pinyin

OTHER = "#"


def sort_key(name: str, lang: str) -> tuple[str, str]:
    if lang == "zh":
        # Pinyin first; the name itself breaks ties between homophones.
        return (" ".join(lazy_pinyin(name, style=Style.NORMAL)).casefold(), name)
    return (name.casefold(), name)


def index_letter(name: str, lang: str) -> str:
    key = sort_key(name, lang)[0]
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else OTHER
