"""What `make build` and `make serve` tell the person running them: no wall of
INFO lines, one note when SITE_URL is missing, and a port you can choose."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.ahead import build_ahead
from tests.conftest import REPO


@build_ahead
def build_without_site_url(ahead) -> subprocess.CompletedProcess:
    """`make build` with no SITE_URL (made ahead, tests/ahead.py)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "GLOSSARY_DIR")}
    return ahead.run([sys.executable, "scripts/site.py", "build", "--out", str(ahead.tmp.mktemp("quiet") / "site")],
                     cwd=REPO, env=env, capture_output=True, text=True)


@pytest.mark.build
def test_build_without_site_url_is_quiet_and_says_where_links_point(build_without_site_url):
    result = build_without_site_url
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    lines = output.splitlines()
    assert not [line for line in lines if line.startswith("INFO")], output
    assert "not included in the" not in output
    assert not [line for line in lines if line.startswith(("Building prefix dict", "Loading model"))]
    notes = [line for line in lines if "SITE_URL" in line]
    assert len(notes) == 1, output
    for what in ("canonical links", "sitemap", "JSON-LD", "http://127.0.0.1:8000/"):
        assert what in notes[0]
    assert len(lines) <= 3, output


@pytest.mark.parametrize("port", ["8001", "8123"])
def test_make_serve_takes_a_port(port):
    result = subprocess.run(["make", "-n", "serve", f"PORT={port}"], cwd=REPO,
                            capture_output=True, text=True)
    assert f"scripts/site.py serve --port {port}" in result.stdout


def test_readme_says_how_to_pick_the_port():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make serve PORT=8001" in readme
