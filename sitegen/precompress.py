"""Precompressed copies of the site's larger files, for servers that send a
file's .br or .gz twin with Content-Encoding (nginx gzip_static /
brotli_static, Caddy's `precompressed`, our own preview server).

Every text file and the WebAssembly runtime of at least MIN_SIZE bytes gets
a .gz (level 9, no timestamp, so builds are reproducible) when that saves at
least a tenth. Files of BROTLI_MIN_SIZE or more also get a .br. The
calculators' runtime (RUNTIME_DIRS) is where the bytes are: at brotli's
highest quality the 9.6 MB pyodide.asm.wasm becomes 2.7 MB (3.5 MB gzipped),
but that takes a minute or more, so those results are cached under
node_modules/.cache/ by content hash: an unchanged runtime is compressed once
per machine, not once per build. Other large files (search indexes, the
glossary exports) change with the content and get a fast quality instead.

The dev server passes a TwinRun (sitegen/rebuild_cache.py): a file whose
content is unchanged since its last build gets that build's twins,
hard-linked, instead of being compressed again.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .rebuild_cache import TwinRun, file_digest

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "node_modules" / ".cache" / "cs-glossary" / "brotli"

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".jsonld", ".xml", ".svg", ".txt",
                ".csv", ".tbx", ".wasm", ".zip", ".map"}
MIN_SIZE = 1024
BROTLI_MIN_SIZE = 64 * 1024
RUNTIME_DIRS = ("pyodide", "py", "katex")
RUNTIME_QUALITY = 11
CONTENT_QUALITY = 5
WORTH_IT = 0.9          # keep a compressed twin only if it is at most 90% of the file


@dataclass(frozen=True)
class Stats:
    files: int
    gzip_files: int
    brotli_files: int


def precompress(site: Path, reuse: TwinRun | None = None) -> Stats:
    candidates = [p for p in site.rglob("*")
                  if p.is_file() and p.suffix in COMPRESSIBLE and p.stat().st_size >= MIN_SIZE]
    # zlib and brotli release the GIL, so threads use both cores.
    runtime = {site / folder for folder in RUNTIME_DIRS}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda p: _twins(p, bool(runtime & set(p.parents)), reuse), candidates))
    if reuse is not None:
        reuse.close()
    return Stats(len(candidates), sum(g for g, _ in results), sum(b for _, b in results))


def _twins(path: Path, is_runtime: bool, reuse: TwinRun | None) -> tuple[bool, bool]:
    data = path.read_bytes()
    if reuse is None:
        return _compress_one(path, data, is_runtime)
    digest = file_digest(data)
    linked = reuse.take(path, digest)
    if linked is not None:
        return linked
    wrote = _compress_one(path, data, is_runtime)
    reuse.remember(path, digest)
    return wrote


def _compress_one(path: Path, data: bytes, is_runtime: bool) -> tuple[bool, bool]:
    wrote_gzip = _write_if_smaller(path.with_name(path.name + ".gz"),
                                   gzip.compress(data, compresslevel=9, mtime=0), len(data))
    wrote_brotli = False
    if len(data) >= BROTLI_MIN_SIZE:
        compressed = _brotli_cached(data) if is_runtime else _brotli(data, CONTENT_QUALITY)
        if compressed is not None:
            wrote_brotli = _write_if_smaller(path.with_name(path.name + ".br"), compressed, len(data))
    return wrote_gzip, wrote_brotli


def _write_if_smaller(target: Path, compressed: bytes, original: int) -> bool:
    if len(compressed) > original * WORTH_IT:
        return False
    target.write_bytes(compressed)
    return True


def _brotli(data: bytes, quality: int) -> bytes | None:
    try:
        import brotli
    except ImportError:          # the site still works with gzip alone
        return None
    return brotli.compress(data, quality=quality)


def _brotli_cached(data: bytes) -> bytes | None:
    cached = CACHE / (hashlib.sha256(data).hexdigest()[:32] + ".br")
    if cached.is_file():
        return cached.read_bytes()
    compressed = _brotli(data, RUNTIME_QUALITY)
    if compressed is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.{id(data)}.part")
    partial.write_bytes(compressed)
    os.replace(partial, cached)
    return compressed
