"""What the web server should add to every response, in one place.

A <meta> policy (sitegen/csp.py) cannot carry frame-ancestors or reporting,
and MIME types, compression and caching are the server's to decide. The
build writes these as a `_headers` file for static hosts (Netlify,
Cloudflare Pages); deploy/nginx.conf and deploy/Caddyfile carry the same
values for those servers, and tests/site/test_server_config.py keeps all
three in step with this module.
"""
from __future__ import annotations

from pathlib import Path

# Directives a <meta> policy cannot hold, plus two that must not loosen;
# script-src stays in each page's <meta>, with that page's own hashes.
HEADER_POLICY = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'"
HEADERS = {
    "Content-Security-Policy": HEADER_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
# The service worker must be revalidated on every update check, or a new
# build would be found late.
NO_CACHE = ("/sw.js",)


def headers_file() -> str:
    lines = ["/*"] + [f"  {name}: {value}" for name, value in HEADERS.items()]
    for path in NO_CACHE:
        lines += [path, "  Cache-Control: no-cache"]
    return "\n".join(lines) + "\n"


def write_headers_file(site: Path) -> Path:
    target = site / "_headers"
    target.write_text(headers_file(), encoding="utf-8")
    return target
