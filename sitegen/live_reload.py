"""The development server behind `make serve`: MkDocs' live-reload server,
changed so that what you preview is what you deploy, and so that a page
follows a save as soon as its own content is rebuilt.

1. The reload poller is an external script, not an inline one. MkDocs injects
   an inline <script> whose body changes on every request (it embeds two
   timestamps), and our Content Security Policy allows inline scripts only by
   hash; 'unsafe-inline' is ignored by browsers as soon as a hash is present.
   Served from this origin as /.live-reload.js, the poller is allowed by
   script-src 'self', so the dev site runs under the very policy production has.
2. A missing page under /zh/ or /en/ gets that tree's 404 page, as a static
   host configured per README does, instead of a bare "404 Not Found".
3. Files with a precompressed twin (.br, .gz; sitegen/precompress.py) are sent
   as that twin with Content-Encoding, as production servers do. Pages are
   not: the poller is injected into each one as it is served.
4. The builder is told which files changed, and it says when the served tree
   changed (``publish``), possibly more than once per rebuild: the fast path
   of sitegen/dev_builds.py publishes a term's page before the full build
   publishes the rest. Pages are served meanwhile, from the previous tree,
   instead of waiting for the whole rebuild.
5. A page reloads only when its own content changed (or, for a change that
   can alter every page, such as a stylesheet, when anything did): each page
   tells the poller the digest of what it was served as, so the full build
   after a fast path does not reload the page a second time.
"""
from __future__ import annotations

import hashlib
import mimetypes
import posixpath
import re
import threading
import time
import traceback
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import watchdog.events
from mkdocs.livereload import LiveReloadServer, _timestamp

from .local_preview import precompressed_twin

# What production servers send (README); Python 3.11 knows neither.
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")

SCRIPT_URL = "/.live-reload.js"
_SCRIPT = (Path(__file__).parent / "static" / "live-reload.js").read_bytes()
LANGUAGES = ("zh", "en")


_POLL = re.compile(r"/livereload/([0-9]+)/[0-9]+")
# How often the watcher looks at the watched files (a few hundred): MkDocs'
# 0.5 s would be a quarter of the authors' loop (issue 13: <= 2.5 s).
POLLING_INTERVAL = 0.1


class DevServer(LiveReloadServer):
    """``LiveReloadServer`` with a CSP-friendly poller, per-language 404 pages,
    and reloads of the pages that changed, as soon as they changed.

    ``builder`` is called with the paths that changed since the last call and
    calls ``publish`` each time the served tree changed."""

    def __init__(self, builder: Callable[[frozenset[str]], None], host: str, port: int, root: str):
        super().__init__(builder=builder, host=host, port=port, root=root,   # type: ignore[arg-type]
                         polling_interval=POLLING_INTERVAL)
        self._changed: set[str] = set()
        self._tree = threading.Lock()
        # The last epoch published as "every page may have changed".
        self._everything_epoch = 0

    # -- builds --------------------------------------------------------------

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """MkDocs' watch(), keeping the changed paths for the builder."""
        path = str(Path(path).absolute())
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def changed(event) -> None:
            if event.is_directory:
                return
            with self._rebuild_cond:
                self._changed.add(event.src_path)
                if getattr(event, "dest_path", ""):
                    self._changed.add(event.dest_path)     # an editor's save by rename
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = changed      # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def _build_loop(self) -> None:
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(lambda: self._want_rebuild or self._shutdown,
                                                      timeout=self.shutdown_delay):
                    pass
                if self._shutdown:
                    break
                while self._rebuild_cond.wait(timeout=self.build_delay):
                    pass                        # until a burst of saves is over
                changed, self._changed = frozenset(self._changed), set()
                self._want_rebuild = False
            try:
                self.builder(changed)           # type: ignore[call-arg]
            except Exception:
                traceback.print_exc()

    def tree_lock(self) -> threading.Lock:
        """Held while the builder changes the served tree: no request sees it
        half swapped."""
        return self._tree

    def publish(self, everything: bool) -> None:
        """The served tree changed: pages whose content changed reload (all
        pages, with ``everything``)."""
        with self._epoch_cond:
            epoch = max(_timestamp(), self._visible_epoch + 1)
            if everything:
                self._everything_epoch = epoch
            # Both, so that MkDocs' request handler never waits for a build.
            self._wanted_epoch = self._visible_epoch = epoch
            self._epoch_cond.notify_all()

    # -- the poller ----------------------------------------------------------

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        # As MkDocs': the page reloads once the poller answers with an epoch
        # newer than the one the page was served at, which it does when the
        # page's content is no longer ``data-digest``.
        tag = (f'<script src="{SCRIPT_URL}" data-epoch="{epoch}" '
               f'data-request-id="{id(content)}" data-digest="{_digest(content)}"></script>').encode()
        try:
            body_end = content.rindex(b"</body>")
        except ValueError:
            body_end = len(content)
        return content[:body_end] + tag + content[body_end:]

    def _poll(self, epoch: int, query: str, start_response):
        """Answer once the page changed, or after a minute with its own epoch
        (then the poller just asks again)."""
        params = urllib.parse.parse_qs(query)
        page = urllib.parse.unquote(params.get("page", [""])[0])
        digest = params.get("digest", [""])[0]
        deadline = time.monotonic() + self.poll_response_timeout
        seen, answer = epoch, epoch
        while answer == epoch:
            with self._epoch_cond:
                self._epoch_cond.wait_for(lambda: self._visible_epoch > seen,
                                          timeout=max(0.0, deadline - time.monotonic()))
                if self._visible_epoch <= seen:
                    break                           # a minute without a change
                seen = self._visible_epoch
                everything = self._everything_epoch > epoch
            # The page's file is read without holding the epoch lock: a
            # request holds the tree lock and then takes that one.
            if everything or self._served_digest(page) != digest:
                answer = seen
        start_response("200 OK", [("Content-Type", "text/plain"), ("Cache-Control", "no-store")])
        return [b"%d" % answer]

    def _served_digest(self, page: str) -> str:
        """Digest of what ``page`` (a URL path) would be served as now."""
        with self._tree:
            file = self._page_file(page)
            if file is None:
                return ""
            try:
                return _digest(file.read_bytes())
            except OSError:
                return ""

    def _page_file(self, page: str) -> Path | None:
        rel = posixpath.normpath("/" + page).lstrip("/")
        file = Path(self.root) / rel
        if page.endswith("/") or file.is_dir():
            file = file / "index.html"
        if file.is_file():
            return file
        tree = rel.split("/", 1)[0]
        missing = Path(self.root) / tree / "404.html"     # what _not_found serves
        return missing if tree in LANGUAGES else None

    # -- requests ------------------------------------------------------------

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        if path == SCRIPT_URL:
            start_response("200 OK", [("Content-Type", "text/javascript"),
                                      ("Content-Length", str(len(_SCRIPT))),
                                      ("Cache-Control", "no-store")])
            return [_SCRIPT]
        poll = _POLL.fullmatch(path)
        if poll:
            return self._poll(int(poll[1]), environ.get("QUERY_STRING", ""), start_response)
        with self._tree:
            compressed = self._precompressed(path, environ)
            if compressed is not None:
                return compressed(start_response)
            result = super()._serve_request(environ, start_response)
            if result is None:
                return self._not_found(path, start_response)
            return result

    def _precompressed(self, path: str, environ):
        if path.endswith("/") or path.endswith(".html"):
            return None
        file = Path(self.root) / posixpath.normpath(path).lstrip("/")
        if not file.resolve().is_relative_to(Path(self.root).resolve()):
            return None
        twin = precompressed_twin(file, environ.get("HTTP_ACCEPT_ENCODING", ""))
        if twin is None:
            return None
        encoding, compressed = twin
        body = compressed.read_bytes()
        mime = mimetypes.guess_type(file.name)[0] or "application/octet-stream"

        def respond(start_response):
            start_response("200 OK", [("Content-Type", mime), ("Content-Encoding", encoding),
                                      ("Content-Length", str(len(body))), ("Vary", "Accept-Encoding")])
            return [body]
        return respond

    def _not_found(self, path: str, start_response):
        tree = posixpath.normpath(path).lstrip("/").split("/", 1)[0]
        page = Path(self.root) / tree / "404.html"
        if tree not in LANGUAGES or not page.is_file():
            return None                       # MkDocs' plain "404 Not Found"
        content = self._inject_js_into_html(page.read_bytes(), self._visible_epoch)
        start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8"),
                                         ("Content-Length", str(len(content)))])
        return [content]


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:20]
