"""MkDocs hook: link every mention of a glossary term to its page.

The linker (crosslink/) is built once per build for this language and runs
once over each page's rendered HTML. Authors can turn it off for a page with
front matter `glossary_links: false`, or for part of a page with the markers
documented on the "Linking terms" page.
"""
from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from crosslink import Disambiguation, Linker, LinkTarget
from sitegen import urls
from sitegen.link_targets import link_targets
from sitegen.site_glossary import glossary_dir, load_site_glossary

log = logging.getLogger("mkdocs.hooks.crosslink")

_linker: Linker | None = None
_first_only = True


@event_priority(-50)      # after glossary_pages has validated the glossary
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _linker, _first_only
    glossary = load_site_glossary(glossary_dir(config.config_file_path, config.extra["glossary_dir"]))
    # Targets carry URLs under the language root; each page makes them relative.
    data = link_targets(glossary, config.extra["lang"], lambda path: path, tooltip_names=True)
    # Tooltips are drawn by overrides/assets/javascripts/tooltips.js from
    # data-tooltip* attributes (name, counterpart name, summary), not from
    # `title`, which Material's own tooltip would take over.
    _linker = Linker([LinkTarget(**t) for t in data["targets"]],
                     ambiguous={form: Disambiguation(**d) for form, d in data["ambiguous"].items()},
                     lang=config.theme["language"], tooltips="data")
    _first_only = config.extra.get("glossary_links", {}).get("first_only", True)
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    assert _linker is not None
    if page.meta.get("glossary_links") is False:
        return html
    src = page.file.src_uri
    current_term = src.removeprefix("terms/").removesuffix(".md") if src.startswith("terms/") else None
    result = _linker.link(html, page_url=page.url, current_term=current_term,
                          first_only=_first_only,
                          make_href=lambda target: urls.relative(target, page.url))
    for problem in result.unknown:
        log.warning("%s: %s", page.file.src_uri, problem)   # --strict turns this into a failure
    return result.html
