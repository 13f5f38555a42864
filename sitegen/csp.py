"""The Content Security Policy every page carries in a <meta> tag.

Only this site's own origin may provide scripts, styles, workers and data.
Material's few inline bootstrap scripts are allowed by their SHA-256 hashes,
computed per page (one of them embeds the page's depth), never by
'unsafe-inline'. Pyodide compiles WebAssembly, hence 'wasm-unsafe-eval'.
"""
from __future__ import annotations

import base64
import hashlib
import re

# Executable inline scripts: no src, and no non-JavaScript type (JSON, JSON-LD).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|type)=)[^>]*>(.*?)</script>", re.S)


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    # The same policy in development: `make serve` loads its live-reload poller
    # from this origin (sitegen/live_reload.py), so it needs no exception.
    scripts = ["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(html)]
    return "; ".join([
        "default-src 'self'",
        f"script-src {' '.join(scripts)}",
        "worker-src 'self'",
        # KaTeX and Material set style attributes; no outside stylesheet is allowed.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])
