"""MkDocs hook: put the site's Content Security Policy on every page.

Runs on the final HTML because the policy lists the hashes of the page's own
inline scripts (sitegen/csp.py says why). Pages come through on_post_page;
404.html does not (MkDocs renders it as a static template), so it comes
through on_post_template.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitegen import csp
from sitegen.rendering import render

CHARSET = '<meta charset="utf-8">'


@event_priority(-100)   # after every other hook has changed the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, f"docs/{config.extra['lang']}/{page.file.src_uri}")


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Static templates include sitemap.xml; only HTML gets a policy.
    if not template_name.endswith(".html"):
        return output_content
    return _with_policy(output_content, template_name)


def _with_policy(output: str, source: str) -> str:
    try:
        policy = csp.policy(output)
    except csp.UnexpectedInlineScript as error:
        raise PluginError(f"{source}: {error}") from None
    meta = render("csp-meta.html.j2", policy=policy)
    # The policy governs only what follows it, so it goes first in <head>.
    return output.replace(CHARSET, CHARSET + meta, 1)
