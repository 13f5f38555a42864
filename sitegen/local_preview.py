"""Serving the built site on this machine, and the flags for opening it in
headless Chromium: shared by the tests and the benchmarks."""
from __future__ import annotations

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

    def send_head(self):
        """Serve a file's precompressed twin (.br, else .gz) when the browser
        accepts it, as nginx's *_static and Caddy's `precompressed` do."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        twin = precompressed_twin(path, self.headers.get("Accept-Encoding", ""))
        if twin is None:
            return super().send_head()
        encoding, compressed = twin
        handle = open(compressed, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(compressed.stat().st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return handle


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


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Serve ``site`` on 127.0.0.1:``port`` from a daemon thread; call .shutdown() to stop."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
