"""MkDocs hook: the UI strings Material does not translate for us.

Both language builds share one markdown_extensions list (INHERIT replaces
lists instead of merging them), so per-language settings are made here.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from sitegen.rendering import ui


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui("permalink_title", config.extra["lang"])
    return config
