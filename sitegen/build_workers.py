"""Long-lived build processes for the dev server, one per language.

`scripts/site.py build` starts two fresh `mkdocs build` processes, which is
right for a deployment and slow for an author: every save would pay the
imports, jieba's dictionary (about 0.6 s) and parsing every term file again.
A worker keeps all of that loaded and builds on request, over a pipe:

    parent -> worker   one JSON request per line on stdin
    worker -> parent   one JSON reply per line on the original stdout

Requests (each starts by loading and checking the glossary; only term files
whose bytes changed are parsed again, glossary/yaml_reader.py):

- ``build``: this language's full MkDocs build into ``site``/<lang>, as
  `mkdocs build --strict` does it (MkDocs' own build function).
- ``render``: only the pages ``pages`` (the fast path, sitegen/dev_builds.py),
  written into ``site``/<lang>. It runs MkDocs' own steps up to the navigation
  and then renders just those pages, with the navigation titles of the last
  full build (the other pages are not rendered, so their titles are unknown).
- ``finish``: the steps after both MkDocs builds (sitegen/post_build.py),
  reusing the PDFs and twins of the build in ``previous``.

Code is not reloaded: the dev server restarts the workers when a Python file
or anything else under sitegen/ changes.
"""
from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.plugins import BasePlugin

REPO = Path(__file__).resolve().parent.parent
CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}


# ---------------------------------------------------------------------------
# The parent's side
# ---------------------------------------------------------------------------

@dataclass
class Reply:
    ok: bool
    log: list[str] = field(default_factory=list)    # what to show the author
    problem: str | None = None       # the glossary's own error, when that is what failed
    data: dict[str, Any] = field(default_factory=dict)


class BuildWorker:
    """One worker process for ``lang``; started on first use, and again after
    it stopped or was restarted."""

    def __init__(self, lang: str, env: dict[str, str]):
        self.lang = lang
        self._env = env
        self._process: subprocess.Popen | None = None

    def send(self, op: str, **arguments) -> None:
        if self._process is None or self._process.poll() is not None:
            self._start()
        assert self._process and self._process.stdin
        try:
            self._process.stdin.write(json.dumps({"op": op, **arguments}) + "\n")
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            pass                # receive() reports the stopped worker

    def receive(self) -> Reply:
        assert self._process and self._process.stdout
        line = self._process.stdout.readline()
        if not line:
            self.stop()
            return Reply(False, [f"the {self.lang} build worker stopped unexpectedly; "
                                 "it restarts with the next build"])
        raw = json.loads(line)
        return Reply(raw["ok"], raw["log"], raw.get("problem"), raw.get("data", {}))

    def call(self, op: str, **arguments) -> Reply:
        self.send(op, **arguments)
        return self.receive()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin:
            with contextlib.suppress(OSError):
                process.stdin.close()     # the worker's loop ends at end of input
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _start(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "sitegen.build_workers", self.lang], cwd=REPO, env=self._env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")


def call_all(workers: list[BuildWorker], op: str, **arguments) -> list[Reply]:
    """The same request to every worker at once; the replies in that order."""
    for worker in workers:
        worker.send(op, **arguments)
    return [worker.receive() for worker in workers]


# ---------------------------------------------------------------------------
# The worker's side
# ---------------------------------------------------------------------------

class _Worker:
    def __init__(self, lang: str):
        from .rebuild_cache import PdfCache, TwinCache

        self.lang = lang
        self.pdfs = PdfCache()
        self.twins = TwinCache()
        # Navigation titles of the last full build, by source path: what the
        # fast path shows in the navigation of the pages it renders.
        self.titles: dict[str, str] | None = None

    def handle(self, request: dict) -> dict:
        op = request.pop("op")
        log = _Log()
        started = time.perf_counter()
        with log.capturing():
            try:
                problem = _check_glossary()
                if problem is not None:
                    return {"ok": False, "log": [], "problem": problem}
                data = getattr(self, "op_" + op)(**request) or {}
                ok = not log.warnings
            except Exception as error:
                ok, data = False, {}
                log.failed(error)
        data["seconds"] = time.perf_counter() - started
        return {"ok": ok, "log": log.lines, "data": data}

    def op_build(self, site: str) -> dict:
        from mkdocs.commands.build import build

        config = _load_config(self.lang, site)
        recorder = _TitleRecorder()
        config.plugins["cs-glossary-dev/titles"] = recorder
        with _mkdocs_session(config):
            build(config)
        self.titles = recorder.titles
        return {}

    def op_render(self, site: str, pages: list[str]) -> dict:
        if self.titles is None:
            return {"skipped": "no full build yet"}
        written = _render_pages(_load_config(self.lang, site), pages, self.titles)
        return {"written": written}

    def op_finish(self, site: str, previous: str, site_url: str) -> dict:
        from .post_build import Reuse, finish_site
        from .site_glossary import load_site_glossary

        finish_site(Path(site), load_site_glossary(_glossary_root()), site_url,
                    reuse=Reuse(Path(previous), self.pdfs, self.twins))
        return {"pdf_hits": self.pdfs.hits, "twins_reused": self.twins.reused,
                "twins_compressed": self.twins.compressed}


def _glossary_root() -> Path:
    return (REPO / os.environ.get("GLOSSARY_DIR", "glossary")).resolve()


def _check_glossary() -> str | None:
    """Load the glossary afresh (unchanged files come from the per-file cache);
    its error text when it is invalid, so the author sees it once, not once
    per language and MkDocs step."""
    from glossary import GlossaryError
    from glossary.changelog import ChangelogError, load_changelog

    from .site_glossary import load_site_glossary

    load_site_glossary.cache_clear()
    root = _glossary_root()
    try:
        load_changelog(root, load_site_glossary(root).terms)
    except (GlossaryError, ChangelogError) as error:
        return str(error)
    return None


def _load_config(lang: str, site: str):
    """This language's config, building into ``site``/<lang>."""
    from mkdocs.config import load_config

    return load_config(str(REPO / CONFIGS[lang]), site_dir=str(Path(site) / lang), strict=True)


@contextlib.contextmanager
def _mkdocs_session(config):
    """What `mkdocs build` wraps a build in."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        yield
    finally:
        config.plugins.on_shutdown()


class _TitleRecorder(BasePlugin):
    """Keeps the navigation of a full build, to read its titles at the end."""

    def __init__(self):
        super().__init__()
        self.titles: dict[str, str] = {}
        self._nav = None

    def on_nav(self, nav, *, config, files):
        self._nav = nav
        return nav

    def on_post_build(self, *, config):
        self.titles = {page.file.src_uri: page.title for page in self._nav.pages}


def _render_pages(config, pages: list[str], titles: dict[str, str]) -> list[str]:
    """MkDocs' build (mkdocs/commands/build.py) for ``pages`` only: the same
    events in the same order, minus the other pages, the static files and
    on_post_build. Returns the files written, relative to site_dir."""
    from mkdocs.commands.build import _build_page, _populate_page, get_files
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    with _mkdocs_session(config):
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        for page in nav.pages:
            if page.file.src_uri not in titles:
                raise PluginError(f"fast path: {page.file.src_uri} is new since the last build")
            page.read_source(config)            # its front matter, as the full build has it
            # What render() would have taken from the page's first heading.
            page._title_from_render = titles[page.file.src_uri]
        targets = []
        for src in pages:
            file = files.get_file_from_path(src)
            if file is None:
                raise PluginError(f"fast path: no page {src}")
            if file.page is None:
                Page(None, file, config)
            _populate_page(file.page, config, files)
            targets.append(file)
        env = config.plugins.on_env(env, config=config, files=files)
        doc_files = files.documentation_pages()
        for file in targets:
            _build_page(file.page, config, doc_files, nav, env)
    return [file.dest_uri for file in targets]


class _Log:
    """MkDocs' warnings and errors, and anything printed, during one request,
    as `mkdocs build` would print them (INFO is left out, as the production
    build leaves it out)."""

    def __init__(self):
        self.lines: list[str] = []
        self.warnings = 0
        self._printed = io.StringIO()

    @contextlib.contextmanager
    def capturing(self):
        from mkdocs.utils import DuplicateFilter

        handler = _ListHandler(self)
        logger = logging.getLogger("mkdocs")
        # Each repeated warning once per build, as the mkdocs command filters them.
        duplicates = DuplicateFilter()
        build_log = logging.getLogger("mkdocs.commands.build")
        logger.addHandler(handler)
        build_log.addFilter(duplicates)
        try:
            with contextlib.redirect_stdout(self._printed):
                yield
        finally:
            logger.removeHandler(handler)
            build_log.removeFilter(duplicates)
            self.lines[:0] = self._printed.getvalue().splitlines()

    def failed(self, error: BaseException) -> None:
        from mkdocs.exceptions import Abort, BuildError, ConfigurationError

        if isinstance(error, Abort):
            self.lines.append(str(error))       # "Aborted with 2 warnings in strict mode!"
        elif isinstance(error, (BuildError, ConfigurationError)):
            self.lines.append(f"ERROR    -  {error}")
        else:
            self.lines.extend(traceback.format_exception(error)[-12:])


class _ListHandler(logging.Handler):
    def __init__(self, log: _Log):
        super().__init__(level=logging.WARNING)
        self._log = log

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self._log.warnings += 1
        self._log.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per worker. MkDocs makes a new
    Jinja environment for every build, which would compile Material's
    templates again each time (about half a second); Jinja checks each
    template's source checksum, so an edited override is compiled afresh."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _keep_compiled_templates() -> None:
    from mkdocs.theme import Theme

    compiled = _CompiledTemplates()
    new_environment = Theme.get_env

    def get_env(theme: Theme) -> jinja2.Environment:
        env = new_environment(theme)
        env.bytecode_cache = compiled
        return env

    Theme.get_env = get_env       # type: ignore[method-assign]


def main(lang: str) -> int:
    # Ctrl-C in the terminal reaches the whole process group; the dev server
    # stops its workers itself (end of input), without a traceback from each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Replies go to the original stdout; anything else written there (by
    # Chromium, say) goes to stderr, so it cannot break the protocol.
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    logging.getLogger("mkdocs").propagate = False
    import jieba
    jieba.setLogLevel(logging.WARNING)       # its start-up chatter
    _keep_compiled_templates()
    worker = _Worker(lang)
    for line in sys.stdin:
        reply = worker.handle(json.loads(line))
        replies.write(json.dumps(reply, ensure_ascii=False) + "\n")
        replies.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
