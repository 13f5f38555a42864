"""`mkdocs build --strict` fails on every kind of broken term file, names the
file and the field, prints no traceback, and writes no site."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO
from tests.glossary.cases import BAD_GLOSSARIES
from tests.glossary.conftest import apply_edits, expected_line


def mkdocs_build(config: str, glossary_dir, site_dir) -> subprocess.CompletedProcess:
    env = dict(os.environ, GLOSSARY_DIR=str(glossary_dir), NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site_dir)],
        cwd=REPO, env=env, capture_output=True, text=True)


@pytest.mark.build
@pytest.mark.parametrize("case, edits, file, field, words", BAD_GLOSSARIES,
                         ids=[c[0] for c in BAD_GLOSSARIES])
def test_broken_term_file_fails_the_build(fixture_glossary, tmp_path, case, edits, file, field, words):
    apply_edits(fixture_glossary, edits)
    site_dir = tmp_path / "site"
    result = mkdocs_build("mkdocs.yml", fixture_glossary, site_dir)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    expected_line(output, file, field, words)
    assert "Traceback" not in output
    assert not site_dir.exists(), "a failed build must not leave a site behind"


def test_failed_full_build_keeps_no_partial_site(fixture_glossary, tmp_path):
    """scripts/site.py builds into a staging folder: a failure leaves nothing that looks built."""
    apply_edits(fixture_glossary, [("alpha-rate.yml", "category: retention", "category: loyalty")])
    out = tmp_path / "site"
    env = dict(os.environ, GLOSSARY_DIR=str(fixture_glossary))
    result = subprocess.run([sys.executable, "scripts/site.py", "build", "--out", str(out)],
                            cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "alpha-rate.yml: category: unknown category 'loyalty'" in result.stderr + result.stdout
    assert not out.exists() and not (tmp_path / "site.building").exists()
