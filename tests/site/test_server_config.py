"""The server settings we ship (the build's _headers file, deploy/nginx.conf,
deploy/Caddyfile) carry the same headers as sitegen/server_config.py, and the
policy they add is one a <meta> tag cannot carry."""
from __future__ import annotations

import pytest

from sitegen.server_config import HEADER_POLICY, HEADERS
from tests.conftest import REPO


def test_the_build_writes_a_headers_file_for_static_hosts(built_site):
    text = (built_site / "_headers").read_text(encoding="utf-8")
    assert text.startswith("/*\n")
    for name, value in HEADERS.items():
        assert f"  {name}: {value}\n" in text
    assert "/sw.js\n  Cache-Control: no-cache\n" in text


@pytest.mark.parametrize("config", ["nginx.conf", "Caddyfile"])
def test_server_snippets_match_the_build(config):
    text = (REPO / "deploy" / config).read_text(encoding="utf-8")
    for name, value in HEADERS.items():
        assert name in text and value in text, (config, name)
    assert "application/wasm" in text and "text/javascript" in text
    assert ("gzip_static on" in text) if config == "nginx.conf" else ("precompressed br gzip" in text)
    assert "/zh/404.html" in text and "/en/404.html" in text


def test_the_header_policy_holds_what_a_meta_policy_cannot(built_site):
    assert "frame-ancestors" in HEADER_POLICY
    page = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page and "frame-ancestors" not in page
