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

from . import _chinese, _html, _inflect
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
TOOLTIPS = ("title", "data")

# Two links must never touch: "KPIs CS" would read as one link to one page.
# A mention is not linked when only whitespace, and inline tags that do not
# separate words visually, lie between it and another link.
_INLINE = r"(?:\s|&(?:nbsp|#160|#x[aA]0);|</?(?:span|strong|em|b|i|mark|small|sup|sub|u|s|cite|bdi|bdo)\b[^<>]*>)*"
_LINK_BEFORE = re.compile(rf"</a\s*>{_INLINE}\Z", re.I)
_LINK_AFTER = re.compile(rf"{_INLINE}(?:<a[\s>]|\[\[)", re.I)
_GAP = re.compile(rf"{_INLINE}\Z", re.I)
_LOOK_BEHIND = 160  # characters of source searched for a preceding </a>


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
    def term(cls, target: LinkTarget, tooltips: str) -> _Destination:
        tip = _tooltip(tooltips, target.title, target.label or target.name,
                       target.counterpart, target.counterpart_lang)
        return cls(target.url, _page_key(target.url), target.term_id,
                   frozenset((target.term_id,)), target.term_id, None,
                   f'{tip} data-term="{escape(target.term_id)}"', "glossary-link")

    @classmethod
    def disambiguation(cls, surface: str, page: Disambiguation,
                       owners: frozenset[str], tooltips: str) -> _Destination:
        return cls(page.url, _page_key(page.url), "#" + page.url, owners, None, surface,
                   f'{_tooltip(tooltips, page.title, surface)} data-ambiguous="{escape(surface)}"',
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

    English plurals (and, where a target shows the verb, -ed/-ing) of every
    Latin form are generated here, once (see _inflect.py).

    ``lang`` is the BCP 47 tag of the pages ("zh-Hans" or "en"); link text in
    the other script then carries ``lang``: "en" for Latin text on a Chinese
    page, "zh-Hans" for Chinese text on any other. None adds no ``lang``.

    ``tooltips`` says where the tooltip goes: "title" (the default) puts the
    target's title in the ``title`` attribute, for Material's
    ``content.tooltips`` and the browser; "data" puts it, with the heading and
    counterpart name, in ``data-tooltip*`` attributes for a script of one's
    own (the site's tooltips.js), and writes no ``title``.
    """

    def __init__(self, targets: Iterable[LinkTarget], *,
                 ambiguous: Mapping[str, Disambiguation | tuple[str, str]] = MappingProxyType({}),
                 lang: str | None = None, tooltips: str = "title"):
        if tooltips not in TOOLTIPS:
            raise ValueError(f"tooltips must be one of {', '.join(TOOLTIPS)}, got {tooltips!r}")
        if lang is not None and (not isinstance(lang, str) or not lang.strip()):
            raise ValueError(f"lang must be a BCP 47 tag such as 'zh-Hans' or 'en', got {lang!r}")
        self._foreign = None if lang is None else ("en" if lang.lower().startswith("zh") else "zh-Hans")
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
            destinations[target.term_id] = _Destination.term(target, tooltips)
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
                surface, page, frozenset((*page.term_ids, *(t.term_id for t in owners))), tooltips)
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

        _add_inflections(entries)
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
                text = page.anchor(destination, text, explicit=True, lang=self._lang_of(text))
                page.linked_to = match.end()
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
            source_start, source_end = start + span[0], start + span[1]
            if page.touches_link(source_start, source_end):
                continue
            if page.may_link(entry.destination, explicit=False):
                text = page.html[source_start:source_end]
                page.replace(source_start, source_end, page.anchor(
                    entry.destination, text, explicit=False, lang=self._lang_of(text)))
                page.linked_to = source_end

    def _lang_of(self, text: str) -> str | None:
        """The lang a link's text needs, if it is in the other script."""
        foreign = self._foreign
        if foreign is None:
            return None
        has_han = any(is_han(ch) for ch in text)
        if foreign == "zh-Hans":
            return foreign if has_han else None
        return foreign if not has_han and any(ch.isascii() and ch.isalpha() for ch in text) else None


# ---------------------------------------------------------------------------
# One page's state
# ---------------------------------------------------------------------------


class _Page:
    __slots__ = ("html", "url", "key", "current_term", "first_only", "make_href",
                 "hrefs", "pieces", "last", "counted", "links", "unknown", "linked_to")

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
        self.linked_to = -1  # source offset where the last inserted link ends

    def touches_link(self, start: int, end: int) -> bool:
        """Whether a link over html[start:end] would touch another link: one
        just inserted, one already in the page, or a [[reference]] after it."""
        html = self.html
        if 0 <= self.linked_to <= start and _GAP.match(html, self.linked_to, start):
            return True
        if _LINK_BEFORE.search(html, max(0, start - _LOOK_BEHIND), start):
            return True
        return _LINK_AFTER.match(html, end) is not None

    def may_link(self, destination: _Destination, *, explicit: bool) -> bool:
        """Whether to link here; counts the link for first_only if so."""
        counter = destination.counter
        if self.current_term in destination.owners or destination.page_key == self.key:
            return False
        if self.first_only and not explicit and counter in self.counted:
            return False
        self.counted.add(counter)
        return True

    def anchor(self, destination: _Destination, text: str, *, explicit: bool,
               lang: str | None = None) -> str:
        """``<a class="glossary-link" href title data-term>text</a>``; a link to a
        disambiguation page has classes ``glossary-link glossary-ambiguous`` and
        ``data-ambiguous`` instead of ``data-term``. ``text`` is HTML."""
        href = self.hrefs.get(destination.url)
        if href is None:
            href = self.hrefs[destination.url] = self.make_href(destination.url)
        self.links.append(Link(destination.term_id, text, href, explicit, destination.ambiguous))
        lang_attribute = f' lang="{lang}"' if lang else ""
        return (f'<a class="{destination.css_class}" href="{escape(href)}"'
                f'{destination.attributes}{lang_attribute}>{text}</a>')

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


def _tooltip(tooltips: str, text: str, heading: str, counterpart: str = "",
             counterpart_lang: str = "") -> str:
    """The anchor's tooltip attributes, escaped once per destination."""
    if tooltips == "title":
        return f' title="{escape(text)}"' if text else ""
    parts = [f' data-tooltip-name="{escape(heading)}"']
    if counterpart:
        parts.append(f' data-tooltip-other="{escape(counterpart)}"'
                     f' data-tooltip-other-lang="{escape(counterpart_lang)}"')
    if text:
        parts.append(f' data-tooltip="{escape(text)}"')
    return "".join(parts)


def _add_inflections(entries: dict[str, list[_Entry]]) -> None:
    """Add the generated English forms (_inflect.py) of every key to ``entries``.

    A generated form never displaces a listed one, and one that two
    destinations would share is left out: "renewals" is Renewal's unless some
    term lists "renewals" itself, and nobody's if two terms both inflect to it.
    """
    siblings: dict[int, set[str]] = {}
    for key, key_entries in entries.items():
        for entry in key_entries:
            if entry.exact is None:
                siblings.setdefault(id(entry.destination), set()).add(key)
    frozen = {owner: frozenset(keys) for owner, keys in siblings.items()}
    generated: dict[str, list[_Entry]] = {}
    for key, key_entries in list(entries.items()):
        for entry in key_entries:
            if entry.exact is not None:
                forms = [(fold(p), p) for p in _inflect.acronym_plurals(entry.exact)]
            else:
                variants = _inflect.plurals(key) + _inflect.verb_forms(
                    key, frozen.get(id(entry.destination), frozenset()))
                forms = [(v, None) for v in variants]
            for variant, exact in forms:
                if variant in entries:
                    continue
                new = _Entry(exact, entry.destination)
                bucket = generated.setdefault(variant, [])
                if new not in bucket:
                    bucket.append(new)
    for variant, bucket in generated.items():
        if len({id(e.destination) for e in bucket}) == 1:
            entries[variant] = bucket


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
