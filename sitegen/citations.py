"""How a page names a source article: title, where it appeared, when, and a
link where one exists, written the way each language writes citations."""
from __future__ import annotations

from dataclasses import dataclass

from glossary.model import Seed

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def format_date(value: str, lang: str) -> str:
    """``2024`` / ``2024-05`` / ``2024-05-17`` as a reader writes them."""
    parts = [int(p) for p in value.split("-")]
    if lang == "zh":       # 2024 年 5 月 7 日: a space between digits and Chinese
        return " ".join(f"{n} {unit}" for n, unit in zip(parts, ("年", "月", "日")))
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{_MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"


@dataclass(frozen=True)
class Citation:
    title: str
    details: tuple[str, ...]      # venue, date: what follows the title
    url: str | None


def seed_citation(seed: Seed, lang: str) -> Citation:
    details = []
    if seed.venue:
        details.append(seed.venue[lang])
    if seed.date:
        details.append(format_date(seed.date, lang))
    return Citation(seed.title(lang), tuple(details), seed.url)
