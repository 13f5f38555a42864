"""The glossary's typed model: what a term *is*, independent of YAML and MkDocs.

Every text field is plain text, never Markdown or HTML: templates escape it,
so a term file cannot inject markup into the site.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("zh", "en")

# How a form of a term may be used (ISO 12620 administrative status, as TBX
# carries it). name, full_name, abbr and short_name are preferred, aliases
# admitted, avoid[] forms to avoid.
PREFERRED, ADMITTED, AVOID = "preferred", "admitted", "avoid"
FORM_STATUSES = (PREFERRED, ADMITTED, AVOID)


@dataclass(frozen=True)
class Bilingual:
    """One short text in both languages; ``text[lang]`` picks one."""

    zh: str
    en: str

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return getattr(self, lang)

    def as_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


@dataclass(frozen=True)
class AvoidedForm:
    """A form readers meet but should not use, and why."""

    form: str
    reason: str


@dataclass(frozen=True)
class Form:
    """One way of writing a term in one language, with its usage status.

    ``kind`` is the field it came from: name, full_name, abbr, short_name,
    alias or avoid; ``reason`` is set for avoided forms only."""

    text: str
    kind: str
    status: str
    reason: str | None = None


@dataclass(frozen=True)
class MetricDepth:
    """What a practitioner needs beyond the definition of a metric."""

    why_it_matters: str
    how_to_improve: str
    owner: str
    mistakes: tuple[str, ...]


@dataclass(frozen=True)
class LocalizedEntry:
    """One language's side of a term."""

    name: str
    full_name: str
    aliases: tuple[str, ...]
    summary: str
    definition: str
    short_name: str | None = None
    avoid: tuple[AvoidedForm, ...] = ()
    examples: tuple[str, ...] = ()
    pronunciation: str | None = None
    depth: MetricDepth | None = None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return split_paragraphs(self.definition)


def split_paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


@dataclass(frozen=True)
class Benchmark:
    """A published figure for a metric, with everything needed to judge it."""

    figure: Bilingual          # "median 101%"
    segment: Bilingual         # who the figure is about
    definition: Bilingual      # how the source defined the metric
    source: str                # title as published
    publisher: str
    year: int                  # publication year: the figure is "as of" then
    sample: Bilingual          # how many companies, of what kind
    read_at: str               # where the glossary's writers read it
    url: str | None = None
    note: Bilingual | None = None


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
    """A source article the glossary was compiled from.

    Readers see it by its title (and ``short`` in prose), where it appeared
    (``venue``), when (``date``: a year, year-month or full date) and a link."""

    id: str
    titles: dict[str, str]
    short: Bilingual | None = None
    date: str | None = None
    venue: Bilingual | None = None
    url: str | None = None

    def title(self, lang: str) -> str:
        return self.titles[lang]

    def short_name(self, lang: str) -> str:
        return self.short[lang] if self.short else self.titles[lang]


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
    metric: bool = False
    not_confused_with: tuple[str, ...] = ()
    benchmarks: tuple[Benchmark, ...] = ()

    @property
    def is_metric(self) -> bool:
        """A metric has a formula or is declared one (`metric: true`)."""
        return self.metric or bool(self.formulas)

    def lang(self, code: str) -> LocalizedEntry:
        return getattr(self, code)

    def other(self, code: str) -> LocalizedEntry:
        return self.en if code == "zh" else self.zh

    def forms(self, lang: str) -> tuple[Form, ...]:
        """Every form of the term in ``lang``, each once, the name first."""
        entry = self.lang(lang)
        candidates = [Form(entry.name, "name", PREFERRED),
                      Form(entry.full_name, "full_name", PREFERRED)]
        if self.abbr:
            candidates.append(Form(self.abbr, "abbr", PREFERRED))
        if entry.short_name:
            candidates.append(Form(entry.short_name, "short_name", PREFERRED))
        candidates.extend(Form(alias, "alias", ADMITTED) for alias in entry.aliases)
        candidates.extend(Form(a.form, "avoid", AVOID, a.reason) for a in entry.avoid)
        seen: set[str] = set()
        forms = []
        for form in candidates:
            if form.text and form.text not in seen:
                seen.add(form.text)
                forms.append(form)
        return tuple(forms)

    def surface_forms(self) -> tuple[str, ...]:
        """Every string a reader may use for this term, in either language
        (forms to avoid are not among them: nothing should link them)."""
        forms: list[str] = []
        if self.abbr:
            forms.append(self.abbr)
        for entry in (self.zh, self.en):
            forms.extend([entry.name, entry.full_name, *([entry.short_name] if entry.short_name else []),
                          *entry.aliases])
        return tuple(dict.fromkeys(f for f in forms if f))


@dataclass(frozen=True)
class ComparisonRow:
    aspect: Bilingual
    cells: dict[str, Bilingual]      # term id -> that term's cell


@dataclass(frozen=True)
class Comparison:
    """An "X vs Y" page: terms readers confuse, side by side."""

    id: str
    terms: tuple[str, ...]
    title: Bilingual
    intro: Bilingual
    rows: tuple[ComparisonRow, ...]
    takeaway: Bilingual
    source_file: Path | None = field(default=None, compare=False)


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
    comparisons: dict[str, Comparison] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.terms.values())

    def __len__(self) -> int:
        return len(self.terms)

    def __getitem__(self, term_id: str) -> Term:
        return self.terms[term_id]

    def in_category(self, category_id: str) -> list[Term]:
        return [t for t in self.terms.values() if t.category == category_id]

    def comparisons_of(self, term_id: str) -> list[Comparison]:
        """The comparison pages that list ``term_id``."""
        return [c for c in self.comparisons.values() if term_id in c.terms]

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
