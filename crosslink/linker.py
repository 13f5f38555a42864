"""Link every mention of a glossary term in a rendered HTML page.

Build one Linker per language per build; call ``link`` once per page. All the
work that depends on the glossary's size (the automaton, the jieba dictionary)
is done in the constructor; a page costs one pass over its text.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html import escape
from types import MappingProxyType
from typing import Any

from . import _chinese, _html
from ._automaton import Automaton
from ._text import TextView, fold, is_han, is_word_char, normalize
from .model import Disambiguation, Link, LinkResult, LinkTarget, UnknownReference, UnknownTermError

# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------

# [[term-id]] or [[link text|term-id]]. Anything between double brackets is a
# reference, so a misspelt one is reported rather than silently left alone.
_REFERENCE = re.compile(r"\[\[([^\[\]\n]+?)\]\]")

_NO_CHECK, _WORD, _HAN = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Destination:
    """Where a link goes: one term's page or a disambiguation page, with the
    parts of its anchor that do not depend on the page, escaped once."""

    url: str
    page_key: str  # url as compared with page_url
    counter: str  # what first_only counts: the term id, or "#" + the url
    owners: frozenset[str]  # on these terms' own pages, a mention is not linked
    term_id: str | None
    ambiguous: str | None  # the shared surface form, for a disambiguation page
    attributes: str  # ' title="..." data-term="..."'
    css_class: str

    @classmethod
    def term(cls, target: LinkTarget) -> _Destination:
        return cls(target.url, _page_key(target.url), target.term_id,
                   frozenset((target.term_id,)), target.term_id, None,
                   f'{_title(target.title)} data-term="{escape(target.term_id)}"', "glossary-link")

    @classmethod
    def disambiguation(cls, surface: str, page: Disambiguation,
                       owners: frozenset[str]) -> _Destination:
        return cls(page.url, _page_key(page.url), "#" + page.url, owners, None, surface,
                   f'{_title(page.title)} data-ambiguous="{escape(surface)}"',
                   "glossary-link glossary-ambiguous")


@dataclass(frozen=True, slots=True)
class _Entry:
    """What a matched key may be. ``exact`` is set for a case-sensitive key
    (an acronym): the display text must equal it."""

    exact: str | None
    destination: _Destination


# ---------------------------------------------------------------------------
# Linker
# ---------------------------------------------------------------------------


class Linker:
    """Turns mentions of glossary terms into links, for one language.

    ``ambiguous`` maps a surface form shared by several terms ("SME", "CSM") to
    a ``Disambiguation(url, title)`` (a plain ``(url, title)`` tuple works too).
    A mention of that form links to the disambiguation page instead of any one
    term. The form is matched case-insensitively if some target lists it among
    its name and forms, case-sensitively (like an acronym) otherwise. Any other
    form shared by two targets raises ValueError: the linker never guesses.
    """

    def __init__(self, targets: Iterable[LinkTarget], *,
                 ambiguous: Mapping[str, Disambiguation | tuple[str, str]] = MappingProxyType({})):
        by_id: dict[str, LinkTarget] = {}
        destinations: dict[str, _Destination] = {}
        folded: dict[str, list[tuple[str, LinkTarget]]] = {}  # key -> (form, target)
        exact: dict[str, list[LinkTarget]] = {}  # acronym -> targets
        for target in targets:
            if not isinstance(target, LinkTarget):
                raise TypeError(f"targets must be LinkTarget, got {type(target).__name__}")
            if target.term_id in by_id:
                raise ValueError(f"duplicate term id {target.term_id!r}")
            by_id[target.term_id] = target
            destinations[target.term_id] = _Destination.term(target)
            for form in dict.fromkeys((target.name, *target.forms)):
                _add_owner(folded.setdefault(fold(normalize(form)), []), (form, target))
            for acronym in dict.fromkeys(normalize(a) for a in target.acronyms):
                _add_owner(exact.setdefault(acronym, []), target)

        entries: dict[str, list[_Entry]] = {}
        taken_folded: set[str] = set()
        taken_exact: set[str] = set()
        for surface, value in ambiguous.items():
            page = _disambiguation(surface, value)
            form = normalize(surface)
            key = fold(form)
            if key in folded:
                taken_folded.add(key)
                owners = [t for _, t in folded[key]]
                owners += [t for a, ts in exact.items() if fold(a) == key for t in ts]
                exact_form = None
            else:
                taken_exact.add(form)
                owners = exact.get(form, [])
                exact_form = form
            destination = _Destination.disambiguation(
                surface, page, frozenset((*page.term_ids, *(t.term_id for t in owners))))
            entries.setdefault(key, []).append(_Entry(exact_form, destination))

        clashes: list[str] = []
        for key, owners in folded.items():
            if key in taken_folded:
                continue
            if len({t.term_id for _, t in owners}) > 1:
                clashes.append(_clash(owners[0][0], [t for _, t in owners]))
                continue
            entries.setdefault(key, []).append(_Entry(None, destinations[owners[0][1].term_id]))
        for acronym, holders in exact.items():
            key = fold(acronym)
            if acronym in taken_exact or key in taken_folded:
                continue
            others = [t for _, t in folded.get(key, []) if t is not holders[0]]
            if len(holders) > 1 or others:
                clashes.append(_clash(acronym, [*holders, *others]))
                continue
            entries.setdefault(key, []).append(_Entry(acronym, destinations[holders[0].term_id]))
        if clashes:
            raise ValueError("surface forms shared by several terms; list each in `ambiguous` "
                             "with its disambiguation page, or remove it from all but one:\n"
                             + "\n".join(f"  - {c}" for c in clashes))

        keys = list(entries)
        # Case-sensitive entries are tried before the case-insensitive one.
        self._entries = [tuple(sorted(entries[k], key=lambda e: e.exact is None)) for k in keys]
        self._checks = [(_edge_check(k[0]), _edge_check(k[-1])) for k in keys]
        self._automaton = Automaton(keys)
        self._targets = MappingProxyType(by_id)
        self._destinations = destinations
        han_words = [k for k in keys if _chinese.dictionary_word(k)]
        self._tokenizer = _chinese.new_tokenizer(han_words) if han_words else None

    @property
    def targets(self) -> Mapping[str, LinkTarget]:
        """The targets by term id (read-only)."""
        return self._targets

    # -- public -------------------------------------------------------------

    def link(self, html: str, *, page_url: str, current_term: str | None = None,
             first_only: bool = True, make_href: Callable[[str], str] | None = None) -> LinkResult:
        """Link one page. Unknown ``[[...]]`` ids are collected in ``unknown``.

        - ``page_url``: the page's URL relative to the language's site root;
          nothing links to it (a disambiguation page does not link to itself).
        - ``current_term``: the term whose page this is; it is not linked, nor
          is an ambiguous form it shares with other terms.
        - ``first_only``: link only the first mention of each term (counted per
          term id, explicit references included); later ones stay text.
        - ``make_href``: turns a target's url into this page's href.
        """
        page = _Page(html, page_url, current_term, first_only, make_href or _same)
        for start, end, mode in _html.text_runs(html):
            if html.find("[[", start, end) >= 0:
                self._references(page, start, end, mode)
            elif mode == _html.LINK:
                self._mentions(page, start, end)
        return page.result()

    def link_html(self, html: str, *, page_url: str, current_term: str | None = None,
                  first_only: bool = True, make_href: Callable[[str], str] | None = None) -> str:
        """Like ``link``, returning the HTML; raises UnknownTermError (which
        carries the full result) if the page has unknown ``[[...]]`` ids."""
        result = self.link(html, page_url=page_url, current_term=current_term,
                           first_only=first_only, make_href=make_href)
        if result.unknown:
            raise UnknownTermError(result)
        return result.html

    # -- explicit references ------------------------------------------------

    def _references(self, page: _Page, start: int, end: int, mode: int) -> None:
        html = page.html
        last = start
        for match in _REFERENCE.finditer(html, start, end):
            if mode == _html.LINK:
                self._mentions(page, last, match.start())
            last = match.end()
            text, bar, term_id = match.group(1).rpartition("|")
            term_id = term_id.strip()
            target = self._targets.get(term_id)
            if target is None:
                page.unknown.append(UnknownReference(
                    term_id, match.group(), html.count("\n", 0, match.start()) + 1, page.url))
                continue
            text = text.strip() if bar and text.strip() else escape(target.name, quote=False)
            destination = self._destinations[term_id]
            if mode == _html.LINK and page.may_link(destination, explicit=True):
                text = page.anchor(destination, text, explicit=True)
            page.replace(match.start(), match.end(), text)
        if mode == _html.LINK:
            self._mentions(page, last, end)

    # -- mentions -----------------------------------------------------------

    def _mentions(self, page: _Page, start: int, end: int) -> None:
        raw = page.html[start:end]
        if not raw or raw.isspace():
            return
        view = TextView(raw)
        found = self._automaton.find_all(view.low)
        if not found:
            return
        text, size = view.text, len(view.text)
        candidates = []
        for begin, finish, index in found:
            first, last = self._checks[index]
            # Inlined is_word_char: this loop runs once per raw match.
            if first == _WORD and begin:
                ch = text[begin - 1]
                if ch == "_" or (ch < "\u2e80" and ch.isalnum()):
                    continue
            if last == _WORD and finish < size:
                ch = text[finish]
                if ch == "_" or (ch < "\u2e80" and ch.isalnum()):
                    continue
            for entry in self._entries[index]:
                if entry.exact is None or text[begin:finish] == entry.exact:
                    candidates.append((begin, -finish, first == _HAN, last == _HAN, entry))
                    break
        if not candidates:
            return
        candidates.sort(key=lambda c: (c[0], c[1]))
        boundaries = None
        covered = 0
        for begin, negative_end, han_first, han_last, entry in candidates:
            finish = -negative_end
            if begin < covered:
                continue
            if han_first or han_last:
                if boundaries is None:
                    boundaries = _chinese.Boundaries(self._tokenizer, view.low)
                if han_first and not boundaries.at(begin, begin):
                    continue
                if han_last and not boundaries.at(finish, finish - 1):
                    continue
            span = view.source_span(begin, finish)
            if span is None:
                continue
            covered = finish
            if page.may_link(entry.destination, explicit=False):
                source_start, source_end = start + span[0], start + span[1]
                page.replace(source_start, source_end, page.anchor(
                    entry.destination, page.html[source_start:source_end], explicit=False))


# ---------------------------------------------------------------------------
# One page's state
# ---------------------------------------------------------------------------


class _Page:
    __slots__ = ("html", "url", "key", "current_term", "first_only", "make_href",
                 "hrefs", "pieces", "last", "counted", "links", "unknown")

    def __init__(self, html: str, url: str, current_term: str | None, first_only: bool,
                 make_href: Callable[[str], str]):
        self.html, self.url, self.current_term = html, url, current_term
        self.first_only, self.make_href = first_only, make_href
        self.key = _page_key(url)
        self.hrefs: dict[str, str] = {}  # target url -> href on this page
        self.pieces: list[str] = []
        self.last = 0
        self.counted: set[str] = set()
        self.links: list[Link] = []
        self.unknown: list[UnknownReference] = []

    def may_link(self, destination: _Destination, *, explicit: bool) -> bool:
        """Whether to link here; counts the link for first_only if so."""
        counter = destination.counter
        if self.current_term in destination.owners or destination.page_key == self.key:
            return False
        if self.first_only and not explicit and counter in self.counted:
            return False
        self.counted.add(counter)
        return True

    def anchor(self, destination: _Destination, text: str, *, explicit: bool) -> str:
        """``<a class="glossary-link" href title data-term>text</a>``; a link to a
        disambiguation page has classes ``glossary-link glossary-ambiguous`` and
        ``data-ambiguous`` instead of ``data-term``. ``text`` is HTML."""
        href = self.hrefs.get(destination.url)
        if href is None:
            href = self.hrefs[destination.url] = self.make_href(destination.url)
        self.links.append(Link(destination.term_id, text, href, explicit, destination.ambiguous))
        return (f'<a class="{destination.css_class}" href="{escape(href)}"'
                f'{destination.attributes}>{text}</a>')

    def replace(self, start: int, end: int, new: str) -> None:
        self.pieces.append(self.html[self.last:start])
        self.pieces.append(new)
        self.last = end

    def result(self) -> LinkResult:
        if not self.pieces:
            return LinkResult(self.html, (), tuple(self.unknown))
        self.pieces.append(self.html[self.last:])
        return LinkResult("".join(self.pieces), tuple(self.links), tuple(self.unknown))


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _title(title: str) -> str:
    return f' title="{escape(title)}"' if title else ""


def _same(url: str) -> str:
    return url


def _page_key(url: str) -> str:
    url = url.split("#", 1)[0]
    while url.startswith(("./", "/")):
        url = url[1:] if url.startswith("/") else url[2:]
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    return url


def _edge_check(ch: str) -> int:
    if is_han(ch):
        return _HAN
    return _WORD if is_word_char(ch) else _NO_CHECK


def _add_owner(owners: list[Any], owner: Any) -> None:
    if owner not in owners:
        owners.append(owner)


def _clash(form: str, targets: list[LinkTarget]) -> str:
    ids = ", ".join(repr(t) for t in dict.fromkeys(t.term_id for t in targets))
    return f"{form!r} is a form of {ids}"


def _disambiguation(surface: str, value: Disambiguation | tuple[str, str]) -> Disambiguation:
    if not isinstance(surface, str) or not surface.strip():
        raise ValueError(f"ambiguous: a surface form must be a non-empty string, got {surface!r}")
    if not isinstance(value, tuple) or len(value) not in (2, 3) \
            or not all(isinstance(v, str) for v in value[:2]) or not value[0].strip():
        raise ValueError(f"ambiguous[{surface!r}] must be Disambiguation(url, title[, term_ids]) "
                         f"or a (url, title) tuple, got {value!r}")
    page = Disambiguation(*value)
    term_ids = page.term_ids
    if isinstance(term_ids, str) or not all(isinstance(i, str) for i in term_ids):
        raise ValueError(f"ambiguous[{surface!r}].term_ids must be a list of term ids, "
                         f"got {term_ids!r}")
    return page._replace(term_ids=tuple(term_ids))
