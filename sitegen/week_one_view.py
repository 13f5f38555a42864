"""The "20 words for week one" list as HTML, for the page that asks for it.

A hand-written page places the list with a marker line; the words come from
glossary/week-one.yml, so the page and any learning material share one list.
Each word is an ``[[id]]`` reference, which the linker turns into a link with
a tooltip like every other mention.
"""
from __future__ import annotations

from pathlib import Path

from glossary import Glossary
from glossary.week_one import load_week_one

from .rendering import render

MARKER = "<!-- week-one -->"


def week_one_html(glossary: Glossary, root: Path, lang: str) -> str:
    """Raises glossary.GlossaryError naming week-one.yml and what is wrong."""
    terms = [glossary[term_id] for term_id in load_week_one(glossary, root)]
    return render("week-one.html.j2", terms=terms, lang=lang)


def fill_markers(markdown: str, glossary: Glossary, root: Path, lang: str) -> str:
    """Replace each marker line with the list (once rendered)."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, week_one_html(glossary, root, lang))
