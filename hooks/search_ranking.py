"""MkDocs hook: correct the search index Material wrote (sitegen/search_entries.py says what and why)."""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitegen.search_entries import rewrite_index
from sitegen.site_glossary import glossary_dir, load_site_glossary


@event_priority(-50)    # after the search plugin has written search/search_index.json
def on_post_build(*, config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    import jieba     # what the theme segments Chinese with; loaded by it already

    glossary = load_site_glossary(glossary_dir(config.config_file_path, config.extra["glossary_dir"]))
    index = json.loads(path.read_text(encoding="utf-8"))
    index = rewrite_index(index, glossary, config.extra["lang"], segment=lambda han: list(jieba.cut(han)))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
