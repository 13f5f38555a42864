"""MkDocs hook: put the site's Content Security Policy on every page.

Runs on the final HTML because the policy lists the hashes of the page's own
inline scripts (sitegen/csp.py says why).
"""
from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitegen import csp
from sitegen.rendering import render

# Set by `scripts/site.py serve`, whose live-reload script is inline.
DEV_SERVER = os.environ.get("CS_GLOSSARY_DEV_SERVER") == "1"
CHARSET = '<meta charset="utf-8">'


@event_priority(-100)   # after every other hook has changed the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    meta = render("csp-meta.html.j2", policy=csp.policy(output, dev_server=DEV_SERVER))
    # The policy governs only what follows it, so it goes first in <head>.
    return output.replace(CHARSET, CHARSET + meta, 1)
