"""Serving the built site on this machine, and the flags for opening it in
headless Chromium: shared by the tests and the benchmarks."""
from __future__ import annotations

import email.utils
import functools
import http.server
import socket
import threading
from pathlib import Path

# Without the background-networking flags Chromium keeps trying to reach
# Google's hosts, which this offline machine refuses many at a time.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # The MIME types Pyodide needs (see README): a wrong .wasm type hangs it.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript",
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # A missing page under /zh/ or /en/ gets that tree's 404 page, as on a
        # static host configured per README.
        tree = self.path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory) / tree / "404.html"
        if code != 404 or tree not in ("zh", "en") or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self):
        """Serve a file's precompressed twin (.br, else .gz) when the browser
        accepts it, as nginx's *_static and Caddy's `precompressed` do."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()            # the redirect to ".../"
            path = path / "index.html"
        twin = precompressed_twin(path, self.headers.get("Accept-Encoding", ""))
        if twin is None:
            return super().send_head()
        encoding, compressed = twin
        modified = int(path.stat().st_mtime)
        if self._not_modified_since(modified):
            self.send_response(304)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        handle = open(compressed, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(compressed.stat().st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.end_headers()
        return handle

    def _not_modified_since(self, modified: int) -> bool:
        """A revalidation (the service worker's "no-cache" fetches) costs no body."""
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            return email.utils.parsedate_to_datetime(since).timestamp() >= modified
        except (TypeError, ValueError, IndexError, OverflowError):
            return False


def precompressed_twin(path: Path, accept_encoding: str) -> tuple[str, Path] | None:
    """("br" | "gzip", the twin's path) for ``path``, or None to send it as it is."""
    if not path.is_file():
        return None
    accepted = {token.split(";")[0].strip().lower() for token in accept_encoding.split(",")}
    for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
        twin = path.with_name(path.name + suffix)
        if encoding in accepted and twin.is_file():
            return encoding, twin
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that drops a connection mid-response (an aborted route, a
        # closed tab) is normal here, not worth a traceback on stderr.
        import sys
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Serve ``site`` on 127.0.0.1:``port`` from a daemon thread; call .shutdown() to stop."""
    server = _Server(
        ("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
