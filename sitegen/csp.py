"""The Content Security Policy every page carries in a <meta> tag.

Only this site's own origin may provide scripts, styles, workers and data.
Material's few inline bootstrap scripts are allowed by their SHA-256 hashes,
computed per page (one of them embeds the page's depth), never by
'unsafe-inline'. Pyodide compiles WebAssembly, hence 'wasm-unsafe-eval'.

Only the inline scripts Material emits are hashed, each known by its body
with the page's depth taken out (KNOWN_INLINE_SCRIPTS); any other inline
script, such as one pasted into a Markdown page, fails the build instead of
being allowed. After a Material upgrade the build names the new body; check
it, then add its digest here.
"""
from __future__ import annotations

import base64
import hashlib
import re

# Executable inline scripts: no src, and no non-JavaScript type (JSON, JSON-LD).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|type)=)[^>]*>(.*?)</script>", re.S)
# The one part of Material's bootstrap that varies per page: the site root,
# relative to the page ("../..") or, on 404 pages, absolute ("/en/"). Only
# path characters: nothing that could end the string literal.
_SCOPE = re.compile(r'new URL\("[./A-Za-z0-9_-]*",location\)')
# SHA-256 of Material 9.8.1's inline scripts, scope normalized: the storage
# helpers (__md_scope, __md_get), the palette restore, and the tabbed-content
# anchor fix.
KNOWN_INLINE_SCRIPTS = frozenset({
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e",
    "e455a08e913d869896dc2af13151cdc8b03ef6cf601cec6c9e5c3e64b29adccd",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f",
})


class UnexpectedInlineScript(ValueError):
    """A page holds an inline script that neither the theme nor we emit."""


def _known(body: str) -> bool:
    normalized = _SCOPE.sub("new URL(SCOPE,location)", body)
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest() in KNOWN_INLINE_SCRIPTS


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        if not _known(body):
            shown = " ".join(body.split())[:80]
            raise UnexpectedInlineScript(f"an inline <script> the site does not emit: {shown!r}; "
                                         "move it to a file under overrides/assets/javascripts/")
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
