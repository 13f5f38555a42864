"""MkDocs hook: schema.org JSON-LD for search engines and other tools.

Each term page describes its DefinedTerm; each home page the DefinedTermSet.
overrides/main.html prints `page.meta.jsonld` in <head>; sitegen/jsonld.py
does the escaping that makes it safe there.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitegen import jsonld, urls
from sitegen.site_glossary import glossary_dir, load_site_glossary


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    glossary = load_site_glossary(glossary_dir(config.config_file_path, config.extra["glossary_dir"]))
    lang = config.extra["lang"]
    home = config.site_url
    src = page.file.src_uri
    if src == "index.md":
        page.meta["jsonld"] = jsonld.script_tag_payload(jsonld.defined_term_set(glossary, lang, home))
    elif src.startswith("terms/"):
        term = glossary[src.removeprefix("terms/").removesuffix(".md")]
        page_url = home + urls.term(term.id)
        page.meta["jsonld"] = jsonld.script_tag_payload(jsonld.defined_term(term, lang, page_url, home))
    return markdown
