"""Checks across terms: every id a term points to exists, surface forms do
not clash, `not_confused_with` is mutual, and every ``[[id]]`` reference in
a term's text names a term.

An id whose own file is broken (``broken``) was already reported as itself,
so references to it are not reported again as "unknown".
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from .fields import Problems, display
from .model import LANGUAGES, Term

# The linker's reference syntax (crosslink/linker.py): [[term-id]] or
# [[link text|term-id]]. Checked here so that an unknown id is reported
# against the term file and field that holds it, not the rendered page.
REFERENCE = re.compile(r"\[\[([^\[\]\n]+?)\]\]")


def check_glossary(terms: dict[str, Term], broken: Collection[str], problems: Problems) -> None:
    _check_ids(terms, broken, problems)
    _check_not_confused_mutual(terms, problems)
    _check_text_references(terms, broken, problems)
    _check_surface_form_clashes(terms, problems)


def text_fields(term: Term) -> Iterator[tuple[str, str]]:
    """(field, text) for every reader-facing prose field of ``term``."""
    for lang in LANGUAGES:
        entry = term.lang(lang)
        yield f"{lang}.summary", entry.summary
        yield f"{lang}.definition", entry.definition
        for index, example in enumerate(entry.examples):
            yield f"{lang}.examples[{index}]", example
        for index, avoided in enumerate(entry.avoid):
            yield f"{lang}.avoid[{index}].reason", avoided.reason
        if entry.depth:
            yield f"{lang}.why_it_matters", entry.depth.why_it_matters
            yield f"{lang}.how_to_improve", entry.depth.how_to_improve
            yield f"{lang}.owner", entry.depth.owner
            for index, mistake in enumerate(entry.depth.mistakes):
                yield f"{lang}.mistakes[{index}]", mistake
        if term.disagreement:
            yield f"disagreement.{lang}", term.disagreement[lang]
        for index, benchmark in enumerate(term.benchmarks):
            for key in ("figure", "segment", "definition", "sample", "note"):
                value = getattr(benchmark, key)
                if value is not None:
                    yield f"benchmarks[{index}].{key}.{lang}", value[lang]


def _check_ids(terms, broken, problems) -> None:
    for term in terms.values():
        for field in ("related", "homonyms", "not_confused_with"):
            for index, other in enumerate(getattr(term, field)):
                if other == term.id:
                    problems.add(term.source_file, f"{field}[{index}]", "a term cannot refer to itself")
                elif other not in terms and other not in broken:
                    problems.add(term.source_file, f"{field}[{index}]", f"unknown term id '{other}'")


def _check_not_confused_mutual(terms, problems) -> None:
    for term in terms.values():
        for index, other_id in enumerate(term.not_confused_with):
            other = terms.get(other_id)
            if other is not None and other_id != term.id and term.id not in other.not_confused_with:
                problems.add(term.source_file, f"not_confused_with[{index}]",
                             f"'{other_id}' must list '{term.id}' in its own not_confused_with "
                             f"({display(other.source_file, problems.root)}): the warning goes both ways")


def _check_text_references(terms, broken, problems) -> None:
    for term in terms.values():
        for field, text in text_fields(term):
            if "[[" not in text:
                continue
            for match in REFERENCE.finditer(text):
                target = match.group(1).rpartition("|")[2].strip()
                if target not in terms and target not in broken:
                    problems.add(term.source_file, field, f"unknown term id in {match.group()}")


def _check_surface_form_clashes(terms, problems) -> None:
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
                f"'{form}' is also used by {display(first.source_file, problems.root)}; "
                f"rename it, or declare both terms homonyms of each other",
            )
