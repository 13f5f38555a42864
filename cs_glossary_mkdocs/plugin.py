"""The ``cs-glossary`` MkDocs plugin::

    plugins:
      - cs-glossary:
          source: https://glossary.example.com/glossary.json   # or a local path
          lang: en                                              # zh or en
          first_only: true          # link a term's first mention per page (default)
          base_url: https://glossary.example.com/   # optional: where the pages are
          cache: .cache/glossary.json               # optional: fall back to this copy
          timeout: 30                               # optional: seconds for a download

A page opts out with front matter ``glossary_links: false``. Every problem
fails ``mkdocs build --strict`` with one line; unknown options are reported
by MkDocs' own config validation.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from .source import GlossarySourceError, linker_for, load

log = logging.getLogger("mkdocs.plugins.cs_glossary")


class GlossaryLinksConfig(Config):
    source = c.Type(str)
    lang = c.Choice(("zh", "en"))
    first_only = c.Type(bool, default=True)
    base_url = c.Optional(c.Type(str))
    cache = c.Optional(c.Type(str))
    timeout = c.Type((int, float), default=30)


class GlossaryLinksPlugin(BasePlugin[GlossaryLinksConfig]):
    def __init__(self):
        self.linker = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project_dir = Path(config.config_file_path or ".").parent
        try:
            loaded = load(self.config.source.strip(), project_dir,
                          cache=self.config.cache, timeout=self.config.timeout)
            self.linker, count = linker_for(loaded.data, self.config.lang, loaded.origin,
                                            self.config.base_url)
        except GlossarySourceError as error:
            raise PluginError(f"cs-glossary: {error}") from None
        if loaded.from_cache:
            log.info("cs-glossary: using %s", loaded.origin)   # asked for: not a warning
        log.info("cs-glossary: %d %s terms from %s", count, self.config.lang, loaded.origin)
        return config

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files) -> str:
        if self.linker is None or page.meta.get("glossary_links") is False:
            return html
        result = self.linker.link(html, page_url=page.url, first_only=self.config.first_only)
        for problem in result.unknown:
            log.warning("%s: %s", page.file.src_uri, problem)   # --strict turns this into a failure
        return result.html
