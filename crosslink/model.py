"""The linker's data: what it links to, and what one page's linking produced.

Plain dataclasses with no MkDocs import, so the site's hook and other teams'
projects (through the published glossary.json) build them the same way.
Every text field is plain text, never HTML: the linker escapes it.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class LinkTarget:
    """One glossary term, in the language of the site being built.

    - ``name``: the term's name in this language. It is matched like a form,
      and it is the link text of an explicit ``[[term_id]]`` reference.
    - ``forms``: more names and aliases, matched case-insensitively for Latin
      letters (Chinese has no case).
    - ``acronyms``: matched case-sensitively ("NRR", "CS Ops", "LTV:CAC", "SaaS").
    - ``url``: relative to the language's site root ("terms/nrr/") or absolute;
      ``Linker.link(make_href=...)`` turns it into each page's href.
    - ``title``: the tooltip text, usually the one-sentence summary. Empty means
      no tooltip text.
    - ``label``: the tooltip's heading, when it should differ from ``name``
      ("Net Revenue Retention (NRR)"). Used by ``Linker(tooltips="data")``.
    - ``counterpart``: the term's name in the other language, shown next to the
      heading ("净收入留存率 · Net Revenue Retention (NRR)"), with
      ``counterpart_lang`` its BCP 47 tag ("en", "zh-Hans"). Both or neither.

    Lists are accepted and stored as tuples, so a record read from JSON can be
    passed as ``LinkTarget(**record)``.
    """

    term_id: str
    name: str
    forms: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    url: str
    title: str = ""
    label: str = ""
    counterpart: str = ""
    counterpart_lang: str = ""

    def __post_init__(self) -> None:
        for field in ("term_id", "name", "url"):
            value = getattr(self, field)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"LinkTarget.{field} must be a non-empty string, got {value!r}")
        for field in ("title", "label", "counterpart", "counterpart_lang"):
            if not isinstance(getattr(self, field), str):
                raise ValueError(f"LinkTarget.{field} must be a string, got {getattr(self, field)!r}")
        if bool(self.counterpart.strip()) != bool(self.counterpart_lang.strip()):
            raise ValueError(f"LinkTarget {self.term_id!r}: counterpart and counterpart_lang "
                             "go together (the name and its language tag)")
        for field in ("forms", "acronyms"):
            object.__setattr__(self, field, _strings(self.term_id, field, getattr(self, field)))


class Disambiguation(NamedTuple):
    """Where a surface form shared by several terms links: a page listing them.

    ``term_ids`` (optional) names the terms that share the form: on their own
    pages the form is not linked. The linker adds every target that lists the
    form itself, so it is needed only when the targets leave the shared form
    out (as glossary.json's ready-made targets do).

    A plain ``(url, title)`` tuple works wherever a Disambiguation is expected,
    and ``Disambiguation(**record)`` reads a JSON record.
    """

    url: str
    title: str
    term_ids: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """One link the linker inserted.

    ``term_id`` is None for a link to a disambiguation page; ``ambiguous`` is then
    the shared surface form. ``text`` is the link text as it appears in the HTML
    source (entities kept). ``explicit`` is True for a ``[[...]]`` reference.
    """

    term_id: str | None
    text: str
    href: str
    explicit: bool = False
    ambiguous: str | None = None


@dataclass(frozen=True)
class UnknownReference:
    """A ``[[...]]`` reference to a term id the linker does not know.

    ``line`` is 1-based, in the HTML that was linked (not the Markdown source);
    ``source`` is the reference exactly as written, so it can be searched for.
    """

    term_id: str
    source: str
    line: int
    page_url: str

    def __str__(self) -> str:
        return (f"{self.page_url or '<page>'}: unknown glossary term id {self.term_id!r} "
                f"in {self.source} (line {self.line} of the rendered HTML)")


@dataclass(frozen=True)
class LinkResult:
    """What ``Linker.link`` returns: the new HTML and what happened on the way.

    Unknown references are left in ``html`` exactly as written, so a reader
    sees them too; a caller should report each of ``unknown`` (the MkDocs hook
    logs a warning, which ``mkdocs build --strict`` turns into a failure).
    """

    html: str
    links: tuple[Link, ...] = ()
    unknown: tuple[UnknownReference, ...] = ()

    @property
    def linked_terms(self) -> tuple[str, ...]:
        """Ids of the terms linked on the page, in order of first link."""
        return tuple(dict.fromkeys(link.term_id for link in self.links if link.term_id))


class UnknownTermError(ValueError):
    """Raised by ``Linker.link_html`` when the page has unknown ``[[...]]`` ids.

    ``result`` holds the complete LinkResult (the linked HTML included), so a
    caller that catches this loses nothing.
    """

    def __init__(self, result: LinkResult):
        self.result = result
        self.unknown = result.unknown
        count = len(result.unknown)
        lines = [f"{count} unknown glossary reference{'s' if count > 1 else ''}:"]
        lines.extend(f"  - {ref}" for ref in result.unknown)
        super().__init__("\n".join(lines))


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _strings(term_id: str, field: str, values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise ValueError(f"LinkTarget {term_id!r}: {field} must be a list of strings, not a string")
    result = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"LinkTarget {term_id!r}: {field} holds {value!r}, not a non-empty string")
        result.append(value)
    return tuple(result)
