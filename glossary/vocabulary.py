"""The two closed lists terms point into: categories.yml and seeds.yml
(the source articles, with what a reader needs to find each one)."""
from __future__ import annotations

import re
from pathlib import Path

from . import fields
from .fields import Problems
from .model import LANGUAGES, Category, Seed
from .yaml_reader import read_yaml

SEED_FIELDS = {"id", "zh", "en", "short", "date", "venue", "url"}
# A year, a month or a day: "2024", "2024-05", "2024-05-17".
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _records(path: Path, problems: Problems, allowed: set[str]) -> list[tuple[str, dict]]:
    result = read_yaml(path)
    for field, message in result.problems:
        problems.add(path, field, message)
    if not result.ok:
        return []
    raw = result.data
    if not isinstance(raw, list):
        problems.add(path, None, "must be a list of {id, zh, en}")
        return []
    records = []
    for index, item in enumerate(raw):
        where = f"[{index}]"
        if not isinstance(item, dict):
            problems.add(path, where, "must be a mapping with id, zh and en")
            continue
        fields.unknown_fields(path, where, item, allowed, problems)
        item_id = item.get("id")
        names = {lang: item.get(lang) for lang in LANGUAGES}
        if not fields.nonempty_str(item_id) or not all(fields.nonempty_str(n) for n in names.values()):
            problems.add(path, where, "needs a non-empty id, zh and en")
            continue
        for lang, value in names.items():
            fields.check_text(path, f"{where}.{lang}", value, problems,
                              limit=fields.MAX_NAME_CHARS, single_line=True)
        records.append((where, item))
    return records


def load_categories(path: Path, problems: Problems) -> dict[str, Category]:
    return {item["id"]: Category(item["id"], {lang: item[lang].strip() for lang in LANGUAGES})
            for _, item in _records(path, problems, {"id", "zh", "en"})}


def load_seeds(path: Path, problems: Problems) -> dict[str, Seed]:
    """``zh``/``en`` are the titles; ``short``, ``date``, ``venue`` and ``url``
    are optional, so seeds.yml and the code can change in either order."""
    seeds = {}
    for where, item in _records(path, problems, SEED_FIELDS):
        date = item.get("date")
        if isinstance(date, int):
            date = str(date)
        elif date is not None and not isinstance(date, str):
            date = date.isoformat() if hasattr(date, "isoformat") else date
        if date is not None and not (isinstance(date, str) and _DATE.match(date)):
            problems.add(path, f"{where}.date", "must be a year, year-month or date: 2024, 2024-05, 2024-05-17")
            date = None
        seeds[item["id"]] = Seed(
            id=item["id"],
            titles={lang: item[lang].strip() for lang in LANGUAGES},
            short=fields.bilingual(path, f"{where}.short", item.get("short"), problems,
                                   required=False, limit=fields.MAX_NAME_CHARS, single_line=True),
            date=date,
            venue=fields.bilingual(path, f"{where}.venue", item.get("venue"), problems,
                                   required=False, limit=fields.MAX_NAME_CHARS, single_line=True),
            url=fields.https_url(path, f"{where}.url", item.get("url"), problems, required=False),
        )
    return seeds
