"""The glossary's typed model: what a term *is*, independent of YAML and MkDocs.

Every text field is plain text, never Markdown or HTML: templates escape it,
so a term file cannot inject markup into the site.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class LocalizedEntry:
    """One language's side of a term."""

    name: str
    full_name: str
    aliases: tuple[str, ...]
    summary: str
    definition: str

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.definition.split("\n\n") if p.strip())


@dataclass(frozen=True)
class Reference:
    title: str
    url: str


@dataclass(frozen=True)
class Sources:
    seeds: tuple[str, ...]
    references: tuple[Reference, ...]


@dataclass(frozen=True)
class Seed:
    """A source article the glossary was compiled from."""

    id: str
    titles: dict[str, str]

    def title(self, lang: str) -> str:
        return self.titles[lang]


@dataclass(frozen=True)
class Category:
    id: str
    names: dict[str, str]

    def name(self, lang: str) -> str:
        return self.names[lang]


@dataclass(frozen=True)
class Term:
    id: str
    category: str
    abbr: str | None
    zh: LocalizedEntry
    en: LocalizedEntry
    related: tuple[str, ...]
    formulas: tuple[str, ...]
    sources: Sources
    homonyms: tuple[str, ...] = ()
    disagreement: dict[str, str] | None = None
    source_file: Path | None = field(default=None, compare=False)

    def lang(self, code: str) -> LocalizedEntry:
        return getattr(self, code)

    def other(self, code: str) -> LocalizedEntry:
        return self.en if code == "zh" else self.zh

    def surface_forms(self) -> tuple[str, ...]:
        """Every string a reader may use for this term, in either language."""
        forms: list[str] = []
        if self.abbr:
            forms.append(self.abbr)
        for entry in (self.zh, self.en):
            forms.extend([entry.name, entry.full_name, *entry.aliases])
        return tuple(dict.fromkeys(f for f in forms if f))


@dataclass(frozen=True)
class Acronym:
    """An abbreviation shared by several terms: it gets a disambiguation page."""

    abbr: str
    term_ids: tuple[str, ...]

    @property
    def slug(self) -> str:
        return "".join(ch.lower() if ch.isalnum() else "-" for ch in self.abbr).strip("-")


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, Term]
    categories: dict[str, Category]
    seeds: dict[str, Seed]

    def __iter__(self):
        return iter(self.terms.values())

    def __len__(self) -> int:
        return len(self.terms)

    def __getitem__(self, term_id: str) -> Term:
        return self.terms[term_id]

    def in_category(self, category_id: str) -> list[Term]:
        return [t for t in self.terms.values() if t.category == category_id]

    def shared_acronyms(self) -> list[Acronym]:
        by_abbr: dict[str, list[str]] = {}
        for term in self.terms.values():
            if term.abbr:
                by_abbr.setdefault(term.abbr, []).append(term.id)
        return [Acronym(a, tuple(ids)) for a, ids in sorted(by_abbr.items()) if len(ids) > 1]

    def acronym_for(self, term: Term) -> Acronym | None:
        for acronym in self.shared_acronyms():
            if term.id in acronym.term_ids:
                return acronym
        return None
