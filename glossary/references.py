"""Reading ``[[term-id]]`` and ``[[link text|term-id]]`` references as plain text.

On a built page the linker turns a reference into a link whose text is the
link text, or the referenced term's name in the page's language. Exports
(glossary.json, glossary.tbx) promise plain text, so they carry what that link
would read, not the markup: a translator's tool or a team's script should never
see ``[[AHT|aht]]``.
"""
from __future__ import annotations

from .checks import REFERENCE
from .model import Glossary


def as_plain_text(text: str, glossary: Glossary, lang: str) -> str:
    """``text`` with each reference replaced by the words a reader sees in its place.

    A reference to an id the glossary does not hold is left as written: the
    loader has already reported it, and silently dropping it would hide that.
    """
    if "[[" not in text:
        return text

    def link_text(match) -> str:
        label, _, target = match.group(1).rpartition("|")
        if label.strip():
            return label.strip()
        term = glossary.terms.get(target.strip())
        return term.lang(lang).name if term else match.group(0)

    return REFERENCE.sub(link_text, text)
