"""Render every generated page of one language tree as Markdown source.

Each page is a Jinja template (sitegen/templates/*.md.j2). Term text is
plain text and autoescaped into HTML blocks, so Markdown never interprets it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from glossary import Glossary, Term

from . import changes_feed, collation, learn_pages, urls
from .calculator_views import index_entries
from .citations import seed_citation
from .downloads import load_downloads
from .rendering import environment, ui


@dataclass(frozen=True)
class GeneratedPage:
    url: str          # relative to the language root, e.g. "terms/nrr/"
    content: str      # Markdown source

    @property
    def src_path(self) -> str:
        return urls.source_path(self.url)


@dataclass(frozen=True)
class GeneratedFile:
    """A generated file that is not a page (e.g. learn/decks.json)."""
    path: str         # relative to the language root
    content: str


def _lang_attr(text: str, page_lang: str) -> str:
    """``' lang="en"'`` / ``' lang="zh-Hans"'`` when ``text`` is not in the page's language."""
    text_lang = "zh" if any("\u3400" <= ch <= "\u9fff" for ch in text) else "en"
    if text_lang == page_lang:
        return ""
    return ' lang="zh-Hans"' if text_lang == "zh" else ' lang="en"'


@dataclass(frozen=True)
class LetterGroup:
    letter: str
    terms: list[Term]


class PageRenderer:
    """Renders the pages of one language.

    ``site_context`` and ``term_extras`` let the build add what the glossary
    does not know about (formula counts, calculator widgets)."""

    def __init__(self, glossary: Glossary, lang: str, *,
                 site_context: dict | None = None,
                 term_extras: Callable[[Term, str], dict] | None = None,
                 glossary_root: Path | None = None,
                 changes: tuple = ()):
        self.glossary = glossary
        self.changes = changes
        self.glossary_root = glossary_root or Path("glossary")
        self.lang = lang
        self.site_context = site_context or {}
        self.term_extras = term_extras or (lambda term, lang: {})

    # -- public -------------------------------------------------------------

    def all_pages(self) -> Iterator[GeneratedPage]:
        yield self.home()
        yield self.a_to_z()
        yield self.categories()
        yield self.calculators_index()
        yield self.downloads()
        for term in self.glossary:
            yield self.term(term)
        for acronym in self.glossary.shared_acronyms():
            yield self.acronym(acronym)
        yield self.comparisons_index()
        for comparison in self.glossary.comparisons.values():
            yield self.comparison(comparison)
        yield self.learn()
        yield self.cheat_sheet()
        yield self.changes_page()

    def all_files(self) -> Iterator[GeneratedFile]:
        yield GeneratedFile(learn_pages.DECKS_FILE,
                            learn_pages.decks_json(self.glossary, self.lang, self.glossary_root))
        yield GeneratedFile(changes_feed.FEED_FILE, changes_feed.render_feed(
            self.glossary, self.changes, self.lang, self.site_context.get("site_url", "")))

    def home(self) -> GeneratedPage:
        return self._render("home.md.j2", urls.HOME)

    def downloads(self) -> GeneratedPage:
        return self._render("downloads.md.j2", urls.DOWNLOADS, downloads=load_downloads())

    def a_to_z(self) -> GeneratedPage:
        return self._render("a-z.md.j2", urls.A_TO_Z, groups=self._letter_groups())

    def categories(self) -> GeneratedPage:
        return self._render("categories.md.j2", urls.CATEGORIES)

    def calculators_index(self) -> GeneratedPage:
        return self._render("calculators-index.md.j2", urls.CALCULATORS,
                            entries=index_entries(self.glossary))

    def learn(self) -> GeneratedPage:
        return self._render("learn.md.j2", learn_pages.LEARN,
                            decks_url=urls.relative(learn_pages.DECKS_FILE, learn_pages.LEARN))

    def cheat_sheet(self) -> GeneratedPage:
        return self._render("cheat-sheet.md.j2", learn_pages.CHEAT_SHEET,
                            **learn_pages.cheat_sheet_context(self.glossary, self.lang, self.glossary_root))

    def changes_page(self) -> GeneratedPage:
        return self._render("changes.md.j2", changes_feed.CHANGES,
                            days=changes_feed.by_day(self.changes),
                            kinds=changes_feed.KIND_TITLE[self.lang])

    def term(self, term: Term) -> GeneratedPage:
        return self._render(
            "term.md.j2", urls.term(term.id), term=term,
            entry=term.lang(self.lang), other=term.other(self.lang),
            acronym=self.glossary.acronym_for(term),
            **self.term_extras(term, self.lang),
        )

    def acronym(self, acronym) -> GeneratedPage:
        return self._render("acronym.md.j2", urls.acronym(acronym.slug), acronym=acronym,
                            terms=[self.glossary[i] for i in acronym.term_ids])

    def comparisons_index(self) -> GeneratedPage:
        ordered = sorted(self.glossary.comparisons.values(),
                         key=lambda c: collation.sort_key(c.title[self.lang], self.lang))
        return self._render("comparisons-index.md.j2", urls.COMPARISONS, comparisons=ordered)

    def comparison(self, comparison) -> GeneratedPage:
        return self._render("comparison.md.j2", urls.comparison(comparison.id), comparison=comparison,
                            terms=[self.glossary[i] for i in comparison.terms])

    # -- helpers ------------------------------------------------------------

    def sorted_terms(self, terms) -> list[Term]:
        return sorted(terms, key=lambda t: collation.sort_key(t.lang(self.lang).name, self.lang))

    def _letter_groups(self) -> list[LetterGroup]:
        groups: dict[str, list[Term]] = {}
        for term in self.sorted_terms(self.glossary):
            groups.setdefault(collation.index_letter(term.lang(self.lang).name, self.lang), []).append(term)
        return [LetterGroup(letter, terms) for letter, terms in groups.items()]

    def _render(self, template: str, url: str, **context) -> GeneratedPage:
        lang = self.lang
        content = environment().get_template(template).render(
            lang=lang,
            glossary=self.glossary,
            page_url=url,
            t=lambda key, **values: ui(key, lang, **values),
            link=lambda target: urls.relative(target, url),
            urls=urls,
            sorted_terms=self.sorted_terms,
            paren=lambda text: f"（{text}）" if lang == "zh" else f" ({text})",
            colon="：" if lang == "zh" else ": ",
            period="。" if lang == "zh" else ".",
            cite=lambda seed: seed_citation(seed, lang),
            # lang="…" for text that is not in the page's language (a source title as published)
            lang_attr=lambda text: _lang_attr(text, lang),
            **self.site_context,
            **context,
        )
        return GeneratedPage(url, content)
