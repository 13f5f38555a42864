"""What a site build does after the two MkDocs builds, in order, and the swap
that puts a finished build in place: shared by `scripts/site.py build` and
the dev server's build workers (sitegen/build_workers.py), so that what
`make serve` shows is what a deployment gets.

A rebuild under the dev server may pass a ``Reuse``: the cheat-sheet PDFs and
the precompressed twins of files whose input did not change are then taken
from the previous build (sitegen/rebuild_cache.py) instead of being printed
and compressed again. The production build never does; its output is the
same either way.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from glossary import Glossary

from .cheat_sheet_pdf import write_cheat_sheet_pdfs
from .downloads import fill_sizes
from .exports import write_exports
from .precompress import precompress
from .rebuild_cache import PdfCache, TwinCache
from .search_engines import write_search_engine_files
from .server_config import write_headers_file
from .service_worker import write_service_worker
from .site_root import write_root
from .team_exports import write_team_exports


@dataclass
class Reuse:
    """What a rebuild may take from the site it replaces (``previous``)."""
    previous: Path
    pdfs: PdfCache
    twins: TwinCache


def finish_site(site: Path, glossary: Glossary, site_url: str, reuse: Reuse | None = None) -> None:
    """Everything after the MkDocs builds of ``site``/zh and ``site``/en."""
    write_root(site)
    write_exports(site, glossary, site_url)
    write_team_exports(site, glossary, site_url)
    if reuse is None:
        write_cheat_sheet_pdfs(site, site_url)
    else:
        reuse.pdfs.write(site, site_url, write_cheat_sheet_pdfs)
    fill_sizes(site)           # the downloads pages list every file above
    write_search_engine_files(site, site_url)   # sitemaps with alternates, robots.txt
    write_headers_file(site)   # _headers for static hosts (README, "Serving")
    write_service_worker(site)  # lists every file above
    # Last: every file above gets its .gz / .br twin.
    precompress(site, reuse=None if reuse is None else reuse.twins.run(site, reuse.previous))


def swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging``; if that fails, the previous ``out`` stays."""
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    try:
        staging.rename(out)
    except BaseException:
        if old.exists() and not out.exists():
            old.rename(out)          # put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)
