"""MkDocs hook: render "20 words for week one" (glossary/week-one.yml) where a
page has the marker line ``<!-- week-one -->`` (the concepts page does).
Runs before the linker, which then links the words it writes."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from glossary import GlossaryError
from sitegen.site_glossary import glossary_dir, load_site_glossary
from sitegen.week_one_view import fill_markers


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    root = glossary_dir(config.config_file_path, config.extra["glossary_dir"])
    try:
        return fill_markers(markdown, load_site_glossary(root), root, config.extra["lang"])
    except GlossaryError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
