"""What a rebuild under the dev server takes from the build before it,
instead of doing the work again: the cheat-sheet PDFs (Chromium takes about
2 s to print them) and the precompressed twins (about 2 s of gzip and
brotli for the whole site). Both are keyed by content, so a reused file is
byte for byte what the work would have produced.

Only the dev server's build worker keeps these (sitegen/build_workers.py);
`scripts/site.py build` always does the work.
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .learn_pages import CHEAT_SHEET, pdf_name

# Local files a page loads: stylesheets, scripts, images (not links to pages).
_RESOURCE = re.compile(r'(?:href|src)="(?![a-z]+:|//|#)([^"#?]+)')


# ---------------------------------------------------------------------------
# Cheat-sheet PDFs
# ---------------------------------------------------------------------------

@dataclass
class PdfCache:
    """Each language's last PDF and the digest of what it was printed from."""
    hits: int = 0
    printed: int = 0
    _saved: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    def write(self, site: Path, site_url: str, printer: Callable[..., list[Path]],
              languages: tuple[str, ...] = ("zh", "en")) -> list[Path]:
        """Write each language's PDF under ``site``: the saved one when the
        page and everything it loads are unchanged, else ``printer``'s."""
        keys = {lang: print_input_digest(site, lang, site_url) for lang in languages}
        written, missing = [], []
        for lang in languages:
            saved = self._saved.get(lang)
            if saved is not None and saved[0] == keys[lang]:
                target = _pdf_path(site, lang)
                target.write_bytes(saved[1])
                written.append(target)
                self.hits += 1
            else:
                missing.append(lang)
        if missing:
            for path in printer(site, site_url, languages=tuple(missing)):
                lang = path.relative_to(site).parts[0]
                self._saved[lang] = (keys[lang], path.read_bytes())
                written.append(path)
                self.printed += 1
        return written


def print_input_digest(site: Path, lang: str, site_url: str) -> str:
    """Digest of the cheat-sheet page, every local file it loads, and the
    site's address (the PDF's links point there)."""
    page = site / lang / CHEAT_SHEET / "index.html"
    digest = hashlib.sha256(site_url.encode() + b"\0")
    html = page.read_bytes() if page.is_file() else b""
    digest.update(html)
    for ref in sorted(set(_RESOURCE.findall(html.decode("utf-8", "replace")))):
        resource = (page.parent / ref).resolve()
        if resource.is_file():
            digest.update(ref.encode() + b"\0" + resource.read_bytes())
    return digest.hexdigest()


def _pdf_path(site: Path, lang: str) -> Path:
    return site / lang / CHEAT_SHEET / pdf_name(lang)


# ---------------------------------------------------------------------------
# Precompressed twins
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Compressed:
    """A file precompress() handled in the last build, as it lies in that
    build's tree: the stat fields tell that the file found there later is
    still that very file (a page the dev server's fast path rewrote is not)."""
    digest: bytes
    inode: int
    size: int
    mtime_ns: int


@dataclass
class TwinCache:
    """The files of the last build and their twins, by path in the tree."""
    reused: int = 0            # files whose twins the last run linked
    compressed: int = 0        # files the last run compressed
    _files: dict[str, _Compressed] = field(default_factory=dict)

    def run(self, site: Path, previous: Path) -> TwinRun:
        return TwinRun(self, site, previous)


class TwinRun:
    """One precompress() pass over ``site``, taking twins from ``previous``."""

    def __init__(self, cache: TwinCache, site: Path, previous: Path):
        self._cache, self._site, self._previous = cache, site, previous
        self._files: dict[str, _Compressed] = {}
        self._lock = threading.Lock()
        self._reused = self._compressed = 0

    def take(self, path: Path, digest: bytes) -> tuple[bool, bool] | None:
        """Hard-link the previous build's twins of an unchanged file next to
        ``path``; (gzip, brotli) linked, or None when it must be compressed."""
        rel = path.relative_to(self._site).as_posix()
        known = self._cache._files.get(rel)
        old = self._previous / rel
        if known is None or known.digest != digest or not _same_file(old, known):
            return None
        linked = tuple(_link(old.with_name(old.name + suffix), path.with_name(path.name + suffix))
                       for suffix in (".gz", ".br"))
        self.remember(path, digest, reused=True)
        return linked

    def remember(self, path: Path, digest: bytes, reused: bool = False) -> None:
        rel = path.relative_to(self._site).as_posix()
        stat = path.stat()
        with self._lock:
            self._files[rel] = _Compressed(digest, stat.st_ino, stat.st_size, stat.st_mtime_ns)
            if reused:
                self._reused += 1
            else:
                self._compressed += 1

    def close(self) -> None:
        """This tree is now what the next run takes twins from."""
        self._cache._files = self._files
        self._cache.reused, self._cache.compressed = self._reused, self._compressed


def file_digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _same_file(path: Path, known: _Compressed) -> bool:
    try:
        stat = path.stat()
    except OSError:
        return False
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns) == (known.inode, known.size, known.mtime_ns)


def _link(source: Path, target: Path) -> bool:
    if not source.is_file():
        return False            # precompress wrote none: not worth it for this file
    try:
        os.link(source, target)
    except OSError:             # another file system: a copy does as well
        target.write_bytes(source.read_bytes())
    return True
