"""MkDocs hook: the UI strings Material does not translate for us.

Both language builds share one markdown_extensions list (INHERIT replaces
lists instead of merging them), so per-language settings are made here.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from sitegen.rendering import ui


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui("permalink_title", config.extra["lang"])
    # The theme toggle's label says what a click does, in this tree's language.
    for option in config.theme.get("palette") or []:
        key = "palette_to_light" if option.get("scheme") == "slate" else "palette_to_dark"
        option["toggle"]["name"] = ui(key, config.extra["lang"])
    return config


def on_env(env, *, config: MkDocsConfig, files):
    """Theme templates (overrides/) read the same strings: {{ ui("key") }}."""
    lang = config.extra["lang"]
    env.globals["ui"] = lambda key, **values: ui(key, lang, **values)
    return env
