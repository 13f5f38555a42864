"""Read term files from disk into the model, rejecting anything malformed.

Every problem is collected and reported together, each as
``<file>: <field>: <what is wrong>``, so a contributor fixes all of them in
one round instead of one per build.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from .model import (
    LANGUAGES,
    Category,
    Glossary,
    LocalizedEntry,
    Reference,
    Seed,
    Sources,
    Term,
)

GLOSSARY_DIR = Path(__file__).resolve().parent
TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

TERM_FIELDS = {"id", "category", "abbr", "homonyms", "zh", "en", "related",
               "formulas", "sources", "disagreement",
               # second-edition fields, parsed by the schema work in progress
               "metric", "not_confused_with", "benchmarks"}
ENTRY_FIELDS = {"name", "full_name", "aliases", "summary", "definition",
                # second-edition fields, parsed by the schema work in progress
                "short_name", "avoid", "examples", "pronunciation",
                "why_it_matters", "how_to_improve", "owner", "mistakes"}


class GlossaryError(Exception):
    """One or more term files are invalid. ``problems`` lists each one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        count = len(problems)
        header = f"{count} problem{'s' if count > 1 else ''} in the glossary:"
        super().__init__("\n".join([header, *(f"  - {p}" for p in problems)]))


class _Problems:
    def __init__(self, root: Path):
        self.root = root
        self.items: list[str] = []

    def add(self, path: Path, field: str | None, message: str) -> None:
        where = _display(path, self.root)
        self.items.append(f"{where}: {field}: {message}" if field else f"{where}: {message}")


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve().parent))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

def load_glossary(
    root: Path = GLOSSARY_DIR,
    known_formulas: Collection[str] | None = None,
) -> Glossary:
    """Load ``root/categories.yml`` and ``root/terms/*.yml``.

    ``known_formulas`` is the set of formula ids terms may cite; None skips
    that check (the glossary does not depend on the calculators package).
    """
    problems = _Problems(root)
    categories = _load_categories(root / "categories.yml", problems)
    seeds = {c.id: Seed(c.id, c.names) for c in _load_categories(root / "seeds.yml", problems).values()}
    parsed: list[Term] = []
    for path in sorted((root / "terms").glob("*.yml")):
        raw = _read_yaml(path, problems)
        if raw is not None:
            term = _parse_term(path, raw, categories, seeds, known_formulas, problems)
            if term is not None:
                parsed.append(term)
    terms = _claim_ids(parsed, problems)
    _check_references(terms, problems)
    _check_surface_form_clashes(terms, problems)
    if problems.items:
        raise GlossaryError(problems.items)
    return Glossary(terms=terms, categories=categories, seeds=seeds)


# ---------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------

def _read_yaml(path: Path, problems: _Problems) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.add(path, None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")
        return None
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        problems.add(path, None, f"YAML syntax error at {line}: {exc.problem or exc.context}")
    except yaml.YAMLError as exc:
        problems.add(path, None, f"YAML error: {exc}")
    return None


def _load_categories(path: Path, problems: _Problems) -> dict[str, Category]:
    """Read a list of {id, zh, en} records (categories.yml, seeds.yml)."""
    raw = _read_yaml(path, problems)
    categories: dict[str, Category] = {}
    if not isinstance(raw, list):
        problems.add(path, None, "must be a list of {id, zh, en}")
        return categories
    for index, item in enumerate(raw):
        field = f"[{index}]"
        if not isinstance(item, dict):
            problems.add(path, field, "must be a mapping with id, zh and en")
            continue
        names = {lang: item.get(lang) for lang in LANGUAGES}
        if not _nonempty_str(item.get("id")) or not all(_nonempty_str(n) for n in names.values()):
            problems.add(path, field, "needs a non-empty id, zh and en")
            continue
        categories[item["id"]] = Category(item["id"], names)
    return categories


# ---------------------------------------------------------------------------
# One term
# ---------------------------------------------------------------------------

def _parse_term(path, raw, categories, seeds, known_formulas, problems) -> Term | None:
    if not isinstance(raw, dict):
        problems.add(path, None, "must be a mapping of fields (id, category, zh, en, ...)")
        return None
    before = len(problems.items)
    for unknown in sorted(set(raw) - TERM_FIELDS):
        problems.add(path, unknown, f"unknown field; allowed: {', '.join(sorted(TERM_FIELDS))}")

    term_id = raw.get("id")
    if not _nonempty_str(term_id):
        problems.add(path, "id", "required, a non-empty string")
    elif not TERM_ID.match(term_id):
        problems.add(path, "id", f"'{term_id}' must be lowercase words joined by hyphens")

    category = raw.get("category")
    if not _nonempty_str(category):
        problems.add(path, "category", "required, a non-empty string")
    elif category not in categories:
        problems.add(path, "category", f"unknown category '{category}'; "
                     f"known: {', '.join(categories)}")

    abbr = raw.get("abbr")
    if abbr is not None and not _nonempty_str(abbr):
        problems.add(path, "abbr", "must be a non-empty string when given")

    entries = {lang: _parse_entry(path, lang, raw.get(lang), problems) for lang in LANGUAGES}
    related = _string_list(path, "related", raw.get("related", []), problems)
    homonyms = _string_list(path, "homonyms", raw.get("homonyms", []), problems)
    formulas = _string_list(path, "formulas", raw.get("formulas", []), problems)
    if known_formulas is not None:
        for index, formula in enumerate(formulas):
            if formula not in known_formulas:
                problems.add(path, f"formulas[{index}]", f"unknown formula id '{formula}'")
    sources = _parse_sources(path, raw.get("sources"), seeds, problems)
    disagreement = _parse_bilingual(path, "disagreement", raw.get("disagreement"), problems)

    if len(problems.items) > before:
        return None
    return Term(
        id=term_id, category=category, abbr=abbr.strip() if abbr else None,
        zh=entries["zh"], en=entries["en"], related=related, formulas=formulas,
        sources=sources, homonyms=homonyms, disagreement=disagreement, source_file=path,
    )


def _parse_entry(path, lang, raw, problems) -> LocalizedEntry | None:
    if raw is None:
        problems.add(path, lang, f"missing language '{lang}': every term needs zh and en")
        return None
    if not isinstance(raw, dict):
        problems.add(path, lang, "must be a mapping with name, summary and definition")
        return None
    for unknown in sorted(set(raw) - ENTRY_FIELDS):
        problems.add(path, f"{lang}.{unknown}", f"unknown field; allowed: {', '.join(sorted(ENTRY_FIELDS))}")
    texts = {}
    for key in ("name", "summary", "definition"):
        value = raw.get(key)
        if not _nonempty_str(value):
            problems.add(path, f"{lang}.{key}", "required, must not be empty")
        texts[key] = value.strip() if _nonempty_str(value) else ""
    full_name = raw.get("full_name")
    if full_name is not None and not _nonempty_str(full_name):
        problems.add(path, f"{lang}.full_name", "must be a non-empty string when given")
    aliases = _string_list(path, f"{lang}.aliases", raw.get("aliases", []), problems)
    return LocalizedEntry(
        name=texts["name"], full_name=(full_name or texts["name"]).strip(),
        aliases=aliases, summary=texts["summary"], definition=texts["definition"],
    )


def _parse_sources(path, raw, known_seeds, problems) -> Sources:
    if not isinstance(raw, dict):
        problems.add(path, "sources", "required: a mapping with seeds and/or references")
        return Sources((), ())
    seeds = _string_list(path, "sources.seeds", raw.get("seeds", []), problems)
    for index, seed in enumerate(seeds):
        if seed not in known_seeds:
            problems.add(path, f"sources.seeds[{index}]",
                         f"unknown seed '{seed}'; known: {', '.join(known_seeds)}")
    references = []
    raw_refs = raw.get("references", [])
    if not isinstance(raw_refs, list):
        problems.add(path, "sources.references", "must be a list of {title, url}")
        raw_refs = []
    for index, ref in enumerate(raw_refs):
        field = f"sources.references[{index}]"
        if not isinstance(ref, dict) or not _nonempty_str(ref.get("title")) \
                or not _nonempty_str(ref.get("url")):
            problems.add(path, field, "needs a non-empty title and url")
        elif not ref["url"].startswith("https://"):
            problems.add(path, f"{field}.url", "must be an https:// address")
        else:
            references.append(Reference(ref["title"].strip(), ref["url"].strip()))
    if not seeds and not references:
        problems.add(path, "sources", "name at least one seed article or public reference")
    return Sources(seeds, tuple(references))


def _parse_bilingual(path, field, raw, problems) -> dict[str, str] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not all(_nonempty_str(raw.get(lang)) for lang in LANGUAGES):
        problems.add(path, field, "must have non-empty zh and en texts")
        return None
    return {lang: raw[lang].strip() for lang in LANGUAGES}


def _string_list(path, field, raw, problems) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add(path, field, "must be a list")
        return ()
    values = []
    for index, item in enumerate(raw):
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        if not _nonempty_str(item):
            problems.add(path, f"{field}[{index}]", "must be a non-empty string")
        else:
            values.append(item.strip())
    return tuple(values)


# ---------------------------------------------------------------------------
# Whole-glossary checks
# ---------------------------------------------------------------------------

def _claim_ids(parsed: list[Term], problems: _Problems) -> dict[str, Term]:
    """An id belongs to the file of the same name; any other file claiming it is wrong."""
    owners = {term.source_file.stem: term for term in parsed if term.id == term.source_file.stem}
    for term in parsed:
        if term.id == term.source_file.stem:
            continue
        if term.id in owners:
            problems.add(term.source_file, "id", f"'{term.id}' is already claimed by "
                         f"{_display(owners[term.id].source_file, problems.root)}")
        else:
            problems.add(term.source_file, "id",
                         f"'{term.id}' must match the file name '{term.source_file.stem}'")
    return owners


def _check_references(terms: dict[str, Term], problems: _Problems) -> None:
    for term in terms.values():
        for field in ("related", "homonyms"):
            for index, other in enumerate(getattr(term, field)):
                if other not in terms:
                    problems.add(term.source_file, f"{field}[{index}]", f"unknown term id '{other}'")
                elif other == term.id:
                    problems.add(term.source_file, f"{field}[{index}]", "a term cannot refer to itself")


def _check_surface_form_clashes(terms: dict[str, Term], problems: _Problems) -> None:
    """Two terms may share a name, alias or abbreviation only as declared homonyms."""
    owner: dict[str, Term] = {}
    for term in terms.values():
        for form in term.surface_forms():
            key = form.casefold()
            first = owner.setdefault(key, term)
            if first is term:
                continue
            if term.id in first.homonyms and first.id in term.homonyms:
                continue
            problems.add(
                term.source_file, "aliases",
                f"'{form}' is also used by {_display(first.source_file, problems.root)}; "
                f"rename it, or declare both terms homonyms of each other",
            )


def _nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())
