"""MkDocs hook: load the glossary and generate this language's pages.

Thin on purpose: loading and validation live in `glossary`, rendering in
`sitegen`. This file only translates between them and MkDocs events.
"""
from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from glossary import GlossaryError
from glossary.changelog import ChangelogError, load_changelog
from sitegen.calculator_views import calculator_extras
from sitegen.pages import PageRenderer
from sitegen.site_glossary import formula_ids, glossary_dir, load_site_glossary

log = logging.getLogger("mkdocs.hooks.glossary")

_renderer: PageRenderer | None = None


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail before anything is written if a term file is invalid."""
    global _renderer
    lang = config.extra["lang"]
    try:
        glossary = load_site_glossary(glossary_dir(config.config_file_path, config.extra["glossary_dir"]))
    except GlossaryError as error:
        # PluginError is printed as a plain message, without a traceback.
        raise PluginError(str(error)) from None
    root = glossary_dir(config.config_file_path, config.extra["glossary_dir"])
    try:
        changes = load_changelog(root, glossary.terms)
    except ChangelogError as error:
        raise PluginError(str(error)) from None
    _renderer = PageRenderer(
        glossary, lang,
        site_context={"formula_count": len(formula_ids()), "site_url": config.site_url or ""},
        term_extras=calculator_extras,
        glossary_root=root,
        changes=changes,
    )
    log.info("glossary: %d terms loaded for %s", len(glossary), lang)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    assert _renderer is not None
    for page in _renderer.all_pages():
        if files.get_file_from_path(page.src_path):
            raise PluginError(
                f"docs/{config.extra['lang']}/{page.src_path} is generated from the glossary; "
                "delete the hand-written file"
            )
        files.append(File.generated(config, page.src_path, content=page.content))
    for generated in _renderer.all_files():
        files.append(File.generated(config, generated.path, content=generated.content))
    return files
