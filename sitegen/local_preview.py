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
