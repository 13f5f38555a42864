"""The development server behind `make serve`: MkDocs' live-reload server,
changed in two ways so that what you preview is what you deploy.

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
"""
from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from .local_preview import precompressed_twin

# What production servers send (README); Python 3.11 knows neither.
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")

SCRIPT_URL = "/.live-reload.js"
_SCRIPT = (Path(__file__).parent / "static" / "live-reload.js").read_bytes()
LANGUAGES = ("zh", "en")


class DevServer(LiveReloadServer):
    """``LiveReloadServer`` with a CSP-friendly poller and per-language 404 pages."""

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        # Same contract as MkDocs': the page reloads once the server reports an
        # epoch newer than the one the page was served at.
        tag = (f'<script src="{SCRIPT_URL}" data-epoch="{epoch}" '
               f'data-request-id="{id(content)}"></script>').encode()
        try:
            body_end = content.rindex(b"</body>")
        except ValueError:
            body_end = len(content)
        return content[:body_end] + tag + content[body_end:]

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        if path == SCRIPT_URL:
            start_response("200 OK", [("Content-Type", "text/javascript"),
                                      ("Content-Length", str(len(_SCRIPT))),
                                      ("Cache-Control", "no-store")])
            return [_SCRIPT]
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
