"""Read glossary/comparisons/<id>.yml: "X vs Y" tables of terms readers confuse.

    id: nrr-vs-grr
    terms: [nrr, grr]
    title: {zh: NRR 与 GRR, en: NRR vs. GRR}
    intro: {zh: ..., en: ...}
    rows:
      - aspect: {zh: 是否计入扩展收入, en: Counts expansion}
        cells: {nrr: {zh: 计入, en: "Yes"}, grr: {zh: 不计入, en: "No"}}
    takeaway: {zh: ..., en: ...}

Every row has a cell for every listed term, in both languages.
"""
from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from . import fields
from .fields import Problems
from .checks import REFERENCE
from .model import LANGUAGES, Comparison, ComparisonRow
from .yaml_reader import read_yaml

FIELDS = {"id", "terms", "title", "intro", "rows", "takeaway"}
ROW_FIELDS = {"aspect", "cells"}
MAX_TERMS = 4     # wider tables stop fitting a phone screen


def load_comparisons(folder: Path, term_ids: Collection[str], broken: Collection[str],
                     problems: Problems) -> dict[str, Comparison]:
    """The comparisons of ``folder`` by id. One that lists a term whose own
    file is broken (``broken``) is left out without a word: that file is
    reported as itself."""
    comparisons = {}
    for path in fields.data_files(folder, problems, "comparison"):
        result = read_yaml(path)
        for field, message in result.problems:
            problems.add(path, field, message)
        if not result.ok:
            continue
        if isinstance(result.data, dict) and isinstance(result.data.get("terms"), list) \
                and any(t in broken for t in result.data["terms"] if isinstance(t, str)):
            continue
        comparison = _parse(path, result.data, term_ids, problems)
        if comparison is not None:
            comparisons[comparison.id] = comparison
    return comparisons


def _parse(path: Path, raw, term_ids: Collection[str], problems: Problems) -> Comparison | None:
    if not isinstance(raw, dict):
        problems.add(path, None, "must be a mapping of fields (id, terms, title, intro, rows, takeaway)")
        return None
    before = len(problems)
    fields.unknown_fields(path, "", raw, FIELDS, problems)
    comparison_id = fields.name(path, "id", raw.get("id"), problems, required=True)
    if comparison_id is not None and comparison_id != path.stem:
        problems.add(path, "id", f"'{comparison_id}' must match the file name '{path.stem}'")
    terms = fields.name_list(path, "terms", raw.get("terms"), problems)
    if raw.get("terms") is None:
        problems.add(path, "terms", "required: the ids of the terms compared")
    elif len(terms) < 2 or len(terms) > MAX_TERMS:
        problems.add(path, "terms", f"list 2 to {MAX_TERMS} term ids")
    for index, term_id in enumerate(terms):
        if term_id not in term_ids:
            problems.add(path, f"terms[{index}]", f"unknown term id '{term_id}'")
        if term_id in terms[:index]:
            problems.add(path, f"terms[{index}]", f"'{term_id}' is listed twice")
    title = fields.bilingual(path, "title", raw.get("title"), problems, required=True,
                             limit=fields.MAX_NAME_CHARS, single_line=True)
    intro = fields.bilingual(path, "intro", raw.get("intro"), problems, required=True)
    takeaway = fields.bilingual(path, "takeaway", raw.get("takeaway"), problems, required=True)
    rows = _rows(path, raw.get("rows"), terms, problems)
    if len(problems) > before:
        return None
    _check_references(path, title, intro, takeaway, rows, term_ids, problems)
    if len(problems) > before:
        return None
    return Comparison(id=comparison_id, terms=terms, title=title, intro=intro, rows=rows,
                      takeaway=takeaway, source_file=path)


def _check_references(path, title, intro, takeaway, rows, term_ids, problems) -> None:
    """An unknown [[id]] is this file's problem, named by field (not the rendered page's)."""
    texts = [("title", title), ("intro", intro), ("takeaway", takeaway)]
    for index, row in enumerate(rows):
        texts.append((f"rows[{index}].aspect", row.aspect))
        texts.extend((f"rows[{index}].cells.{t}", cell) for t, cell in row.cells.items())
    for field, bilingual in texts:
        for lang in LANGUAGES:
            for match in REFERENCE.finditer(bilingual[lang]):
                if match.group(1).rpartition("|")[2].strip() not in term_ids:
                    problems.add(path, f"{field}.{lang}", f"unknown term id in {match.group()}")


def _rows(path: Path, raw, terms: tuple[str, ...], problems: Problems) -> tuple[ComparisonRow, ...]:
    if not isinstance(raw, list) or not raw:
        problems.add(path, "rows", "required: a non-empty list of {aspect, cells}")
        return ()
    rows = []
    for index, item in enumerate(raw):
        where = f"rows[{index}]"
        if not isinstance(item, dict):
            problems.add(path, where, "must be a mapping with aspect and cells")
            continue
        fields.unknown_fields(path, where, item, ROW_FIELDS, problems)
        aspect = fields.bilingual(path, f"{where}.aspect", item.get("aspect"), problems, required=True,
                                  limit=fields.MAX_NAME_CHARS, single_line=True)
        raw_cells = item.get("cells")
        if not isinstance(raw_cells, dict):
            problems.add(path, f"{where}.cells", "required: one {zh, en} cell per listed term")
            continue
        for extra in sorted(set(raw_cells) - set(terms), key=str):
            problems.add(path, f"{where}.cells.{extra}", "is not one of the listed terms")
        cells = {}
        for term_id in terms:
            if term_id not in raw_cells:
                problems.add(path, f"{where}.cells.{term_id}", "missing: every row needs a cell for every term")
                continue
            cell = fields.bilingual(path, f"{where}.cells.{term_id}", raw_cells[term_id], problems,
                                    required=True)
            if cell is not None:
                cells[term_id] = cell
        if aspect is not None and len(cells) == len(terms):
            rows.append(ComparisonRow(aspect, cells))
    return tuple(rows)
