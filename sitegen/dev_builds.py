"""The rebuilds behind `make serve`: what runs when a watched file changes.

One save of a term file goes two ways (issue 13, the authors' loop):

1. The fast path renders only that term's page, in both languages, in the
   warm build workers (sitegen/build_workers.py), and puts it into the
   served tree. Open pages reload if their own content changed, so the page
   the author is looking at shows the edit in about a second.
2. The full build then runs as `scripts/site.py build` does, into a staging
   folder that replaces the served tree only when everything succeeded, so
   every other page (links and tooltips carry the term's name and summary,
   the search index, the exports) is right too. Pages that changed again
   reload again; the term page the fast path wrote is byte for byte what the
   full build writes, so it does not.

Any other change takes the full build only. A change to code (a .py file or
anything under sitegen/) restarts the workers first: they do not reload code.
A failed build keeps the previous site and says what broke.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ContextManager, Protocol

from .build_workers import CONFIGS, REPO, BuildWorker, Reply, call_all
from .post_build import swap_in

# Changes here are code, which a worker keeps loaded: restart the workers.
CODE_DIRS = ("sitegen", "hooks", "calculators", "crosslink", "learning", "cs_glossary_mkdocs")


class Served(Protocol):
    """The dev server, as the rebuilds see it (sitegen/live_reload.py)."""

    def tree_lock(self) -> ContextManager: ...

    def publish(self, everything: bool) -> None: ...


@dataclass(frozen=True)
class Changes:
    """The files a rebuild is for, and what follows from them."""
    paths: frozenset[Path]
    glossary_root: Path

    @property
    def code(self) -> bool:
        return any(p.suffix == ".py" or _under(p, *(REPO / d for d in CODE_DIRS)) for p in self.paths)

    @property
    def pages_only(self) -> bool:
        """Only pages' own content can change (term files, Markdown): a page
        then reloads only if it changed. Anything else (a stylesheet, the
        theme, a config) can change every page's look: all of them reload."""
        return all((p.suffix == ".yml" and _under(p, self.glossary_root))
                   or (p.suffix == ".md" and _under(p, REPO / "docs")) for p in self.paths)

    @property
    def term_ids(self) -> tuple[str, ...]:
        """The terms whose file changed, when nothing else did; else ()."""
        terms = self.glossary_root / "terms"
        if not self.paths or not all(p.parent == terms and p.suffix == ".yml" for p in self.paths):
            return ()
        return tuple(sorted(p.stem for p in self.paths))


class DevBuilds:
    def __init__(self, out: Path, site_url: str, glossary_root: Path):
        self.out = out
        self.site_url = site_url
        self.glossary_root = glossary_root
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CS_GLOSSARY_OFFLINE="off",
                   GLOSSARY_DIR=str(glossary_root),
                   SITE_URL_ZH=site_url.rstrip("/") + "/zh/",
                   SITE_URL_EN=site_url.rstrip("/") + "/en/")
        self.workers = [BuildWorker(lang, env) for lang in CONFIGS]
        # What the last finish step reused and did (PDFs, twins), for tests to read.
        self.last_finish: dict = {}

    def rebuild(self, changed: Iterable[str | Path] | None = None, served: Served | None = None) -> bool:
        """Build for ``changed`` (None: the first build); True if the served
        tree is now the new site."""
        paths = {Path(p).resolve() for p in changed or ()}
        read = frozenset(p for p in paths if not _editor_leftover(p, self.glossary_root))
        if paths and not read:
            return True             # nothing a build reads changed
        changes = Changes(read, self.glossary_root)
        if changes.code:
            self.restart()
        if served is not None and changes.term_ids and self._served_terms(changes.term_ids):
            self._fast_path(changes.term_ids, served)
        return self._full_build(served, everything=not changes.pages_only)

    def restart(self) -> None:
        for worker in self.workers:
            worker.stop()          # started again, with the new code, on the next request

    def close(self) -> None:
        self.restart()

    # -- the fast path -------------------------------------------------------

    def _served_terms(self, ids: tuple[str, ...]) -> bool:
        return all((self.out / lang / "terms" / term / "index.html").is_file()
                   and (self.glossary_root / "terms" / f"{term}.yml").is_file()
                   for lang in CONFIGS for term in ids)

    def _fast_path(self, ids: tuple[str, ...], served: Served) -> None:
        started = time.perf_counter()
        # Beside the served tree, so that its pages move in by a rename.
        scratch = self.out.with_name(self.out.name + ".fast")
        shutil.rmtree(scratch, ignore_errors=True)
        try:
            replies = call_all(self.workers, "render", site=str(scratch),
                               pages=[f"terms/{term}.md" for term in ids])
            # Any trouble (an invalid term file, a warning): the full build
            # that follows reports it, once; nothing is published here.
            if not all(r.ok and "written" in r.data for r in replies):
                return
            with served.tree_lock():
                for worker, reply in zip(self.workers, replies):
                    for rel in reply.data["written"]:
                        os.replace(scratch / worker.lang / rel, self.out / worker.lang / rel)
            served.publish(everything=False)
            print(f"Updated {', '.join(ids)} in {time.perf_counter() - started:.1f} s; "
                  "now rebuilding everything else", flush=True)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    # -- the full build ------------------------------------------------------

    def _full_build(self, served: Served | None, everything: bool) -> bool:
        started = time.perf_counter()
        staging = self.out.with_name(self.out.name + ".building")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            if not self._build_trees(staging) or not self._finish(staging):
                return False
            lock = served.tree_lock() if served is not None else contextlib.nullcontext()
            with lock:
                swap_in(staging, self.out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        if served is not None:
            served.publish(everything)
        print(f"Site rebuilt in {time.perf_counter() - started:.1f} s: {self.site_url}", flush=True)
        return True

    def _build_trees(self, staging: Path) -> bool:
        replies = call_all(self.workers, "build", site=str(staging))
        problem = next((r.problem for r in replies if r.problem), None)
        if problem is not None:
            _failed(problem)
            return False
        _show(replies)
        failed = [w.lang for w, r in zip(self.workers, replies) if not r.ok]
        if failed:
            _failed(f"MkDocs build failed for: {', '.join(failed)} (see messages above)")
        return not failed

    def _finish(self, staging: Path) -> bool:
        reply = self.workers[0].call("finish", site=str(staging), previous=str(self.out),
                                     site_url=self.site_url)
        if reply.problem:
            _failed(reply.problem)
            return False
        _show([reply])
        if not reply.ok:
            _failed("writing the site failed (see messages above)")
            return False
        self.last_finish = reply.data
        return True


def _show(replies: list[Reply]) -> None:
    """What the builds said, each line once: both languages share most warnings."""
    shown: set[str] = set()
    for reply in replies:
        for line in reply.log:
            if line not in shown:
                shown.add(line)
                print(line, flush=True)


def _failed(reason: str) -> None:
    # Keep serving the last good site; the messages above say what broke.
    print(f"Build failed, still serving the previous site: {reason}", flush=True)


def _editor_leftover(path: Path, glossary_root: Path) -> bool:
    """A file in the glossary that no build reads: editors' backup, swap and
    lock files (nrr.yml~, .nrr.yml.swp, #nrr.yml#, vim's 4913). The glossary
    reads only its .yml files (and refuses .yaml ones) and its code; left
    counted, such a file would turn a term's save into a full rebuild
    without the fast path."""
    return _under(path, glossary_root) and (
        path.name.startswith((".", "#")) or path.suffix.lower() not in (".yml", ".yaml", ".py"))


def _under(path: Path, *folders: Path) -> bool:
    return any(path.is_relative_to(folder.resolve()) for folder in folders)
