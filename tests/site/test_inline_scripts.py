"""The page policy allows only the inline scripts the theme emits, known by
their shape: every built page passes, and a script pasted into a Markdown
page stops the build naming the file, instead of being hashed into the
policy."""
from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from sitegen import csp
from tests.conftest import REPO

HOOK = REPO / "hooks" / "content_security.py"


def hook():
    spec = importlib.util.spec_from_file_location("content_security_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_built_page_holds_only_known_inline_scripts(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 300
    for page in pages:
        csp.inline_script_hashes(page.read_text(encoding="utf-8"))    # raises on anything else


PASTED = [
    "<script>alert(1)</script>",
    '<script>var palette=__md_get("__palette");alert(1)</script>',        # a known start, then more
    '<script>__md_scope=new URL("x",location);fetch("/steal")</script>',
    "<script async>document.cookie</script>",
]


@pytest.mark.parametrize("script", PASTED)
def test_a_pasted_script_stops_the_build_naming_the_page(script):
    page = SimpleNamespace(file=SimpleNamespace(src_uri="notes.md"))
    html = f'<html><head><meta charset="utf-8"></head><body>{script}</body></html>'
    with pytest.raises(PluginError) as error:
        hook().on_post_page(html, page=page, config=SimpleNamespace(extra={"lang": "en"}))
    assert "docs/en/notes.md" in str(error.value) and "inline <script>" in str(error.value)


def test_json_and_json_ld_are_not_scripts_to_hash():
    html = '<script type="application/ld+json">{"a": 1}</script><script id="__config" type="application/json">{}</script>'
    assert csp.inline_script_hashes(html) == []
