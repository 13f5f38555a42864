"""Read term files from disk into the model, rejecting anything malformed.

Every problem is collected and reported together, each as
``<file>: <field>: <what is wrong>``, so a contributor fixes all of them in
one round instead of one per build. A file that cannot be read at all is
reported once, as itself: references to its id from other files are not
repeated as "unknown id" lines.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from . import fields
from .checks import check_glossary
from .comparison_loader import load_comparisons
from .content_rules import check_content
from .fields import Problems, display
from .model import (
    LANGUAGES,
    AvoidedForm,
    Benchmark,
    Glossary,
    LocalizedEntry,
    MetricDepth,
    Reference,
    Sources,
    Term,
)
from .vocabulary import load_categories, load_seeds
from .yaml_reader import read_yaml

GLOSSARY_DIR = Path(__file__).resolve().parent
TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

TERM_FIELDS = {"id", "category", "abbr", "metric", "homonyms", "zh", "en", "related",
               "not_confused_with", "formulas", "benchmarks", "sources", "disagreement"}
ENTRY_FIELDS = {"name", "full_name", "short_name", "aliases", "avoid", "summary", "definition",
                "examples", "pronunciation", "why_it_matters", "how_to_improve", "owner", "mistakes"}
DEPTH_FIELDS = ("why_it_matters", "how_to_improve", "owner", "mistakes")
BENCHMARK_FIELDS = {"figure", "segment", "definition", "source", "publisher", "year", "sample",
                    "url", "read_at", "note"}
MAX_EXAMPLES, MAX_MISTAKES = 2, 4
FIRST_YEAR = 1990           # no SaaS benchmark predates this

# Kept for callers of the first edition.
GlossaryProblems = Problems


class GlossaryError(Exception):
    """One or more term files are invalid. ``problems`` lists each one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        count = len(problems)
        header = f"{count} problem{'s' if count > 1 else ''} in the glossary:"
        super().__init__("\n".join([header, *(f"  - {p}" for p in problems)]))


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

def load_glossary(
    root: Path = GLOSSARY_DIR,
    known_formulas: Collection[str] | None = None,
) -> Glossary:
    """Load ``root/categories.yml``, ``root/seeds.yml``, ``root/terms/*.yml``
    and ``root/comparisons/*.yml``.

    ``known_formulas`` is the set of formula ids terms may cite; None skips
    that check (the glossary does not depend on the calculators package).
    """
    root = Path(root)
    problems = Problems(root)
    categories = load_categories(root / "categories.yml", problems)
    seeds = load_seeds(root / "seeds.yml", problems)
    parsed: list[Term] = []
    broken: set[str] = set()      # ids whose own file is reported as broken
    for path in fields.data_files(root / "terms", problems, "term"):
        result = read_yaml(path)
        for field, message in result.problems:
            problems.add(path, field, message)
        term = None
        if result.ok:
            term = _parse_term(path, result.data, categories, seeds, known_formulas, problems)
        if term is None:
            broken.add(path.stem)
        else:
            parsed.append(term)
    terms = _claim_ids(parsed, problems)
    comparisons = load_comparisons(root / "comparisons", terms, broken, problems)
    check_glossary(terms, broken, problems)
    check_content(terms, categories, root / "categories.yml", problems,
                  seed_ids=seeds, formula_ids=known_formulas)
    if problems.items:
        raise GlossaryError(problems.items)
    return Glossary(terms=terms, categories=categories, seeds=seeds, comparisons=comparisons)


# ---------------------------------------------------------------------------
# One term
# ---------------------------------------------------------------------------

def _parse_term(path, raw, categories, seeds, known_formulas, problems: Problems) -> Term | None:
    if not isinstance(raw, dict):
        problems.add(path, None, "must be a mapping of fields (id, category, zh, en, ...)")
        return None
    before = len(problems)
    fields.unknown_fields(path, "", raw, TERM_FIELDS, problems)

    term_id = raw.get("id")
    if not fields.nonempty_str(term_id):
        problems.add(path, "id", "required, a non-empty string")
    elif not TERM_ID.match(term_id) or len(term_id) > 80:
        problems.add(path, "id", f"'{term_id[:80]}' must be lowercase words joined by hyphens")

    category = raw.get("category")
    if not fields.nonempty_str(category):
        problems.add(path, "category", "required, a non-empty string")
    elif category not in categories:
        problems.add(path, "category", f"unknown category '{category[:80]}'; "
                     f"known: {', '.join(categories)}")

    abbr = fields.name(path, "abbr", raw.get("abbr"), problems, required=False)
    metric = raw.get("metric", False)
    if not isinstance(metric, bool):
        problems.add(path, "metric", "must be true or false")

    entries = {lang: _parse_entry(path, lang, raw.get(lang), problems) for lang in LANGUAGES}
    related = fields.name_list(path, "related", raw.get("related", []), problems)
    homonyms = fields.name_list(path, "homonyms", raw.get("homonyms", []), problems)
    not_confused = fields.name_list(path, "not_confused_with", raw.get("not_confused_with", []), problems)
    formulas = fields.name_list(path, "formulas", raw.get("formulas", []), problems)
    if known_formulas is not None:
        for index, formula in enumerate(formulas):
            if formula not in known_formulas:
                problems.add(path, f"formulas[{index}]", f"unknown formula id '{formula}'")
    benchmarks = _parse_benchmarks(path, raw.get("benchmarks"), problems)
    sources = _parse_sources(path, raw.get("sources"), seeds, problems)
    disagreement = fields.bilingual(path, "disagreement", raw.get("disagreement"), problems,
                                    required=False, limit=fields.MAX_DEFINITION_CHARS)

    is_metric = metric is True or bool(formulas)
    for lang, entry in entries.items():
        if entry is not None and entry.depth is not None and not is_metric:
            problems.add(path, f"{lang}.why_it_matters", "only metrics carry why_it_matters, "
                         "how_to_improve, owner and mistakes; add `metric: true` if this is one")

    if len(problems) > before:
        return None
    return Term(
        id=term_id, category=category, abbr=abbr,
        zh=entries["zh"], en=entries["en"], related=related, formulas=formulas,
        sources=sources, homonyms=homonyms,
        disagreement=disagreement.as_dict() if disagreement else None, source_file=path,
        metric=metric, not_confused_with=not_confused, benchmarks=benchmarks,
    )


def _parse_entry(path, lang, raw, problems: Problems) -> LocalizedEntry | None:
    if raw is None:
        problems.add(path, lang, f"missing language '{lang}': every term needs zh and en")
        return None
    if not isinstance(raw, dict):
        problems.add(path, lang, "must be a mapping with name, summary and definition")
        return None
    before = len(problems)
    fields.unknown_fields(path, lang, raw, ENTRY_FIELDS, problems)
    name = fields.name(path, f"{lang}.name", raw.get("name"), problems, required=True)
    full_name = fields.name(path, f"{lang}.full_name", raw.get("full_name"), problems, required=False)
    short_name = fields.name(path, f"{lang}.short_name", raw.get("short_name"), problems, required=False)
    aliases = fields.name_list(path, f"{lang}.aliases", raw.get("aliases", []), problems)
    summary = fields.text(path, f"{lang}.summary", raw.get("summary"), problems, required=True)
    definition = fields.text(path, f"{lang}.definition", raw.get("definition"), problems,
                             required=True, limit=fields.MAX_DEFINITION_CHARS)
    avoid = _parse_avoid(path, lang, raw.get("avoid"), problems)
    examples = _bounded_list(path, f"{lang}.examples", raw.get("examples"), MAX_EXAMPLES, problems)
    pronunciation = fields.text(path, f"{lang}.pronunciation", raw.get("pronunciation"), problems,
                                required=False, limit=fields.MAX_NAME_CHARS, single_line=True)
    if pronunciation is not None and lang != "en":
        problems.add(path, f"{lang}.pronunciation", "only English entries say how an acronym is pronounced")
    depth = _parse_depth(path, lang, raw, problems)

    preferred = {name, full_name, short_name, *aliases} - {None}
    for index, form in enumerate(avoid):
        if form.form in preferred:
            problems.add(path, f"{lang}.avoid[{index}].form",
                         f"'{form.form}' is also listed as a name or alias; a form is either used or avoided")
    if len(problems) > before:
        return None
    return LocalizedEntry(
        name=name, full_name=full_name or name, aliases=aliases, summary=summary,
        definition=definition, short_name=short_name, avoid=avoid, examples=examples,
        pronunciation=pronunciation, depth=depth,
    )


def _bounded_list(path, field, raw, most, problems) -> tuple[str, ...]:
    if raw is None:
        return ()
    values = fields.string_list(path, field, raw, problems)
    if isinstance(raw, list) and not 1 <= len(raw) <= most:
        problems.add(path, field, f"give 1 to {most} items, not {len(raw)}")
    return values


def _parse_avoid(path, lang, raw, problems) -> tuple[AvoidedForm, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add(path, f"{lang}.avoid", "must be a list of {form, reason}")
        return ()
    forms = []
    for index, item in enumerate(raw):
        where = f"{lang}.avoid[{index}]"
        if not isinstance(item, dict):
            problems.add(path, where, "must be a mapping {form, reason}: say why to avoid it")
            continue
        fields.unknown_fields(path, where, item, {"form", "reason"}, problems)
        form = fields.name(path, f"{where}.form", item.get("form"), problems, required=True)
        reason = fields.text(path, f"{where}.reason", item.get("reason"), problems, required=True)
        if form and reason:
            forms.append(AvoidedForm(form, reason))
    return tuple(forms)


def _parse_depth(path, lang, raw: dict, problems) -> MetricDepth | None:
    present = [key for key in DEPTH_FIELDS if raw.get(key) is not None]
    if not present:
        return None
    for key in DEPTH_FIELDS:
        if key not in present:
            problems.add(path, f"{lang}.{key}", f"required with {present[0]}: a metric gives "
                         "why_it_matters, how_to_improve, owner and mistakes together")
    why = fields.text(path, f"{lang}.why_it_matters", raw.get("why_it_matters"), problems, required=True)
    how = fields.text(path, f"{lang}.how_to_improve", raw.get("how_to_improve"), problems, required=True)
    owner = fields.text(path, f"{lang}.owner", raw.get("owner"), problems, required=True,
                        limit=fields.MAX_NAME_CHARS * 2, single_line=True)
    mistakes = _bounded_list(path, f"{lang}.mistakes", raw.get("mistakes"), MAX_MISTAKES, problems) \
        if "mistakes" in present else ()
    if None in (why, how, owner) or not mistakes:
        return None
    return MetricDepth(why, how, owner, mistakes)


def _parse_benchmarks(path, raw, problems) -> tuple[Benchmark, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add(path, "benchmarks", "must be a list of cited figures")
        return ()
    benchmarks = []
    for index, item in enumerate(raw):
        where = f"benchmarks[{index}]"
        if not isinstance(item, dict):
            problems.add(path, where, "must be a mapping: figure, segment, definition, source, "
                         "publisher, year, sample, read_at (url and note optional)")
            continue
        before = len(problems)
        fields.unknown_fields(path, where, item, BENCHMARK_FIELDS, problems)
        missing = [k for k in ("source", "publisher", "year", "sample", "read_at") if item.get(k) is None]
        if missing:
            problems.add(path, where, f"an uncited figure: {', '.join(missing)} missing; "
                         "every benchmark names its source, publisher, year and sample")
        bi = lambda key, required=True: fields.bilingual(          # noqa: E731
            path, f"{where}.{key}", item.get(key), problems, required=required)
        figure, segment, definition, sample = bi("figure"), bi("segment"), bi("definition"), \
            (bi("sample") if item.get("sample") is not None else None)
        note = bi("note", required=False)
        source = publisher = read_at = None
        if "source" not in missing:
            source = fields.name(path, f"{where}.source", item["source"], problems, required=True)
        if "publisher" not in missing:
            publisher = fields.name(path, f"{where}.publisher", item["publisher"], problems, required=True)
        if "read_at" not in missing:
            read_at = fields.text(path, f"{where}.read_at", item["read_at"], problems, required=True,
                                  limit=fields.MAX_NAME_CHARS * 2, single_line=True)
        year = item.get("year")
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year)            # year: "2025" is as clear as year: 2025
        if "year" not in missing and (isinstance(year, bool) or not isinstance(year, int)
                                      or not FIRST_YEAR <= year <= 2100):
            problems.add(path, f"{where}.year", "must be the four-digit publication year, e.g. 2025")
        url = fields.https_url(path, f"{where}.url", item.get("url"), problems, required=False)
        if len(problems) == before:
            benchmarks.append(Benchmark(figure=figure, segment=segment, definition=definition,
                                        source=source, publisher=publisher, year=year, sample=sample,
                                        read_at=read_at, url=url, note=note))
    return tuple(benchmarks)


def _parse_sources(path, raw, known_seeds, problems: Problems) -> Sources:
    if not isinstance(raw, dict):
        problems.add(path, "sources", "required: a mapping with seeds and/or references")
        return Sources((), ())
    fields.unknown_fields(path, "sources", raw, {"seeds", "references"}, problems)
    seeds = fields.name_list(path, "sources.seeds", raw.get("seeds", []), problems)
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
        where = f"sources.references[{index}]"
        if not isinstance(ref, dict) or not fields.nonempty_str(ref.get("title")) \
                or not fields.nonempty_str(ref.get("url")):
            problems.add(path, where, "needs a non-empty title and url")
            continue
        title = fields.name(path, f"{where}.title", ref["title"], problems, required=True)
        url = fields.https_url(path, f"{where}.url", ref["url"], problems, required=True)
        if title and url:
            references.append(Reference(title, url))
    if not seeds and not references and not raw_refs:
        problems.add(path, "sources", "name at least one seed article or public reference")
    return Sources(seeds, tuple(references))


# ---------------------------------------------------------------------------
# Ids
# ---------------------------------------------------------------------------

def _claim_ids(parsed: list[Term], problems: Problems) -> dict[str, Term]:
    """An id belongs to the file of the same name; any other file claiming it is wrong."""
    owners = {term.source_file.stem: term for term in parsed if term.id == term.source_file.stem}
    for term in parsed:
        if term.id == term.source_file.stem:
            continue
        if term.id in owners:
            problems.add(term.source_file, "id", f"'{term.id}' is already claimed by "
                         f"{display(owners[term.id].source_file, problems.root)}")
        else:
            problems.add(term.source_file, "id",
                         f"'{term.id}' must match the file name '{term.source_file.stem}'")
    return owners
