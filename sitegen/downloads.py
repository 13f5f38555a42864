"""The downloads page's table: which files readers can download, what each
is for and which tools open it (sitegen/downloads.yml), and each file's size.

Sizes are filled in once the whole site is built, because the export files
are written after the MkDocs builds: the page carries
``<span data-download-size="glossary.json">`` placeholders and
``fill_sizes(site)`` replaces their text. Plain Python, no MkDocs import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .cheat_sheet_pdf import chromium_path

SOURCE = Path(__file__).with_name("downloads.yml")
LANGUAGES = ("zh", "en")
_PLACEHOLDER = re.compile(r'(<span data-download-size="([^"]+)">)[^<]*(</span>)')


class DownloadsError(ValueError):
    pass


@dataclass(frozen=True)
class Download:
    path: str | None            # relative to the site root; None: not a file of its own
    format: str
    purpose: dict[str, str]
    tools: dict[str, str]

    @property
    def name(self) -> str | None:
        return self.path.rsplit("/", 1)[-1] if self.path else None


@lru_cache(maxsize=None)
def load_downloads(source: Path = SOURCE) -> tuple[Download, ...]:
    rows = yaml.safe_load(source.read_text(encoding="utf-8"))
    if not isinstance(rows, list) or not rows:
        raise DownloadsError(f"{source.name}: expected a list of downloads")
    return tuple(_row(source.name, number, row) for number, row in enumerate(rows, 1))


def _row(file: str, number: int, row) -> Download:
    where = f"{file}: download {number}"
    if not isinstance(row, dict):
        raise DownloadsError(f"{where}: expected a mapping with format, purpose and tools")
    unknown = set(row) - {"path", "format", "purpose", "tools"}
    if unknown:
        raise DownloadsError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    path = row.get("path")
    if path is not None and (not isinstance(path, str) or path.startswith("/") or ".." in path.split("/")):
        raise DownloadsError(f"{where}: path: a path inside the site, like glossary.json")
    if not isinstance(row.get("format"), str) or not row["format"].strip():
        raise DownloadsError(f"{where}: format: missing")
    texts = {}
    for field in ("purpose", "tools"):
        value = row.get(field)
        if not isinstance(value, dict) or any(not isinstance(value.get(l), str) or not value[l].strip()
                                              for l in LANGUAGES):
            raise DownloadsError(f"{where}: {field}: needs zh and en text")
        texts[field] = {l: value[l].strip() for l in LANGUAGES}
    return Download(path, row["format"], texts["purpose"], texts["tools"])


def human_size(size: int, lang: str) -> str:
    """1536 -> "1.5 KB"; the same units in both languages, as Chinese readers use them too."""
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}" if size < 10 else f"{size:.0f} {unit}"
    raise AssertionError("unreachable")


def fill_sizes(site: Path, languages=LANGUAGES) -> None:
    """Write each listed file's size into both downloads pages under ``site``."""
    for lang in languages:
        page = site / lang / "downloads" / "index.html"
        if not page.is_file():
            continue

        def size(match: re.Match) -> str:
            target = site / match[2]
            if not target.is_file() and target.suffix == ".pdf" and chromium_path() is None:
                # The cheat-sheet PDFs need Chromium, which a build may lack
                # (sitegen/cheat_sheet_pdf.py says so once); the row stays.
                return f"{match[1]}{'—'}{match[3]}"
            if not target.is_file():
                raise FileNotFoundError(
                    f"sitegen/downloads.yml lists {match[2]}, but the build wrote no such file")
            return f"{match[1]}{human_size(target.stat().st_size, lang)}{match[3]}"

        page.write_text(_PLACEHOLDER.sub(size, page.read_text(encoding="utf-8")), encoding="utf-8")
