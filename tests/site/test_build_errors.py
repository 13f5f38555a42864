"""`mkdocs build --strict` fails on every kind of broken term file, names the
file and the field, prints no traceback, and writes no site."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.ahead import build_ahead
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


# ---------------------------------------------------------------------------
# scripts/site.py: staging, failures after MkDocs, one report per problem
# (issue 10, items 11 and 12)
# ---------------------------------------------------------------------------

def site_build(out, glossary_dir=None, script="scripts/site.py", run=subprocess.run) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if glossary_dir is not None:
        env["GLOSSARY_DIR"] = str(glossary_dir)
    return run([sys.executable, script, "build", "--out", str(out)],
               cwd=REPO, env=env, capture_output=True, text=True)


def good_site(out):
    """A previous, good build: what a failed build must leave alone."""
    (out / "zh").mkdir(parents=True)
    (out / "index.html").write_text("<!doctype html><title>previous build</title>", encoding="utf-8")
    (out / "zh" / "index.html").write_text("previous zh", encoding="utf-8")
    return sorted(p.relative_to(out) for p in out.rglob("*"))


def test_a_broken_file_is_reported_once_and_a_good_site_stays(fixture_glossary, tmp_path):
    """One broken file: its root cause once (not once per language build), no
    follow-on lines from files that refer to it, the previous site intact."""
    (fixture_glossary / "terms" / "beta-score.yml").write_text("# emptied\n", encoding="utf-8")
    out = tmp_path / "site"
    before = good_site(out)
    result = site_build(out, fixture_glossary)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert output.count("glossary/terms/beta-score.yml: the file is only comments") == 1, output
    assert "unknown term id" not in output and "alpha-rate.yml" not in output
    assert "1 problem in the glossary" in output
    assert "Traceback" not in output
    assert "Documentation built" not in output and "mkdocs" not in output.lower(), \
        "the MkDocs builds should not start on an invalid glossary"
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert (out / "index.html").read_text(encoding="utf-8").endswith("previous build</title>")
    assert not (tmp_path / "site.building").exists()


@build_ahead
def build_failing_after_mkdocs(ahead) -> dict:
    """Both MkDocs builds succeed, then writing the exports fails (made ahead, tests/ahead.py)."""
    root = ahead.tmp.mktemp("fail-after-mkdocs")
    out = root / "site"
    before = good_site(out)
    result = site_build(out, script="tests/site/_fail_after_mkdocs.py", run=ahead.run)
    return {"root": root, "out": out, "before": before, "result": result}


@pytest.mark.build
def test_a_failure_after_the_mkdocs_step_cleans_up_in_one_line(build_failing_after_mkdocs):
    """Both MkDocs builds succeed, then writing the exports fails (a full disk):
    one clear line, no traceback, no staging folder, the previous site intact."""
    root, out, before, result = (build_failing_after_mkdocs[k] for k in ("root", "out", "before", "result"))
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: writing the site failed: No space left on device: "
                      f"{root / 'site.building' / 'glossary.json'}"]
    assert "both language trees were built" in result.stdout, "the failure must come after MkDocs"
    assert not (root / "site.building").exists(), "the staging folder must be removed"
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_an_unknown_reference_is_the_term_files_problem(fixture_glossary, tmp_path):
    """Reported as `glossary/terms/alpha-rate.yml: en.definition`, not against
    the rendered page (`terms/alpha-rate.md`, a line of generated HTML)."""
    apply_edits(fixture_glossary, [("alpha-rate.yml", "  definition: A fixture definition.",
                                    "  definition: A fixture definition, see [[beta-scor]].")])
    result = site_build(tmp_path / "site", fixture_glossary)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert output.count("glossary/terms/alpha-rate.yml: en.definition: unknown term id in [[beta-scor]]") == 1
    assert "alpha-rate.md" not in output and "rendered" not in output and "Traceback" not in output


@build_ahead
def build_of_fixture_glossary_pages(ahead) -> dict:
    """The site's pages with the fixture glossary, over a previous good site (made ahead)."""
    root = ahead.tmp.mktemp("failed-mkdocs-step")
    glossary = root / "glossary"
    shutil.copytree(REPO / "tests" / "fixtures" / "glossary", glossary)
    out = root / "site"
    before = good_site(out)
    return {"root": root, "out": out, "before": before, "result": site_build(out, glossary, run=ahead.run)}


@pytest.mark.build
def test_a_failed_mkdocs_step_keeps_the_previous_site(build_of_fixture_glossary_pages):
    """The fixture glossary is valid, but the hand-written pages link [[nrr]] and
    other real terms it lacks, so both strict MkDocs builds fail into staging."""
    root, out, before, result = (build_of_fixture_glossary_pages[k] for k in ("root", "out", "before", "result"))
    assert result.returncode == 1
    assert "error: MkDocs build failed for: zh, en" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (root / "site.building").exists()
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
