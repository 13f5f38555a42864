"""`make serve`'s rebuilds (sitegen/dev_builds.py) in warm build workers:
an edited term file shows everywhere it should once the rebuild is over,
the served tree is then what `scripts/site.py build` writes, unchanged
PDFs and compressed twins are reused (and changed ones are not), and a
broken term file keeps the previous site and says what broke, once.

The rebuilds run on a copy of the glossary (the small fixture glossary has
no week-one list, which the site needs), driven directly, with a stand-in
for the HTTP server that records what the rebuilds publish."""
from __future__ import annotations

import filecmp
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sitegen.dev_builds import DevBuilds
from tests.conftest import REPO

SITE_URL = "http://127.0.0.1:8123/"
TERM = "nrr"


class Served:
    """What DevServer offers the rebuilds; records each publish with the
    content of the edited term's page at that moment."""

    def __init__(self, out: Path):
        self.out = out
        self.lock = threading.Lock()
        self.published: list[tuple[bool, bytes]] = []

    def tree_lock(self):
        return self.lock

    def publish(self, everything: bool) -> None:
        self.published.append((everything, (self.out / "en" / "terms" / TERM / "index.html").read_bytes()))


@pytest.fixture(scope="module")
def glossary(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("dev") / "glossary"
    shutil.copytree(REPO / "glossary", root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.fixture(scope="module")
def builds(glossary):
    """A dev server's rebuilds after its first build, as `make serve` starts."""
    builds = DevBuilds(glossary.parent / "site", SITE_URL, glossary)
    try:
        assert builds.rebuild(), "the first build failed"
        yield builds
    finally:
        builds.close()


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def page(out: Path, lang: str, rel: str) -> str:
    return (out / lang / rel / "index.html").read_text(encoding="utf-8")


def twins(out: Path) -> dict[str, os.stat_result]:
    """precompress()'s .gz twins (MkDocs writes sitemap.xml.gz itself, dated)."""
    return {p.relative_to(out).as_posix(): p.stat() for p in out.rglob("*.gz") if p.name != "sitemap.xml.gz"}


def test_an_unchanged_rebuild_reuses_the_pdfs_and_every_twin(builds):
    out = builds.out
    before = twins(out)
    pdfs = sorted(out.glob("*/cheat-sheet/*.pdf"))
    pdf_bytes = [p.read_bytes() for p in pdfs]
    served = Served(out)
    # A save that changes nothing a build reads: the same bytes.
    categories = builds.glossary_root / "categories.yml"
    categories.write_bytes(categories.read_bytes())
    assert builds.rebuild([categories], served)
    assert builds.last_finish["twins_compressed"] == 0
    assert builds.last_finish["twins_reused"] >= len(before) > 100     # files, some with no .gz
    after = twins(out)
    assert after.keys() == before.keys()
    # The very files: hard links to the previous build's twins.
    assert [rel for rel in before if after[rel].st_ino != before[rel].st_ino] == []
    if pdfs:
        assert builds.last_finish["pdf_hits"] >= 2
        assert [p.read_bytes() for p in pdfs] == pdf_bytes


def test_an_edited_name_and_summary_show_everywhere_after_the_rebuild(builds):
    out = builds.out
    term = builds.glossary_root / "terms" / f"{TERM}.yml"
    old_link = 'data-tooltip-name="Net Revenue Retention (NRR)"'
    assert old_link in page(out, "en", "terms/grr")
    edit(term, "  name: Net Revenue Retention", "  name: Net Revenue Kept")
    text = term.read_text(encoding="utf-8")
    summary = next(line for line in text.splitlines() if line.startswith("  summary: ") and line.isascii())
    edit(term, summary, "  summary: Edited while serving.")
    served = Served(out)
    assert builds.rebuild([term], served)
    # Its own page, in both languages.
    own = page(out, "en", f"terms/{TERM}")
    assert "Net Revenue Kept" in own and "Edited while serving." in own
    assert "Net Revenue Retention" not in own
    assert "Net Revenue Kept" in page(out, "zh", f"terms/{TERM}")
    # A page that links to it: the link's tooltip and the related-terms list.
    linking = page(out, "en", "terms/grr")
    assert 'data-tooltip-name="Net Revenue Kept (NRR)"' in linking and old_link not in linking
    assert 'data-tooltip="Edited while serving."' in linking
    assert '<a href="../nrr/">Net Revenue Kept (NRR)</a>' in linking
    # The A-Z index, the search index, the exports.
    a_z = page(out, "en", "a-z")
    assert ">Net Revenue Kept (NRR)</a>" in a_z and ">Net Revenue Retention (NRR)</a>" not in a_z
    search = json.loads((out / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [doc["title"] for doc in search["docs"] if doc["location"] == f"terms/{TERM}/"] == [
        "Net Revenue Kept (NRR)"]
    assert "Net Revenue Kept" in (out / "glossary.json").read_text(encoding="utf-8")
    # Compressed twins follow their file: none is left from before the edit.
    for twin in out.rglob("*.gz"):
        assert gzip.decompress(twin.read_bytes()) == twin.with_suffix("").read_bytes(), twin
    # The fast path published the term's page first, then the full build
    # published the rest, with that page unchanged: it reloads once, not twice.
    assert [everything for everything, _ in served.published] == [False, False]
    assert served.published[0][1] == served.published[1][1] == (out / "en" / "terms" / TERM / "index.html").read_bytes()


def test_after_a_rebuild_the_served_tree_is_what_the_production_build_writes(builds, tmp_path):
    reference = tmp_path / "site"
    env = dict(os.environ, GLOSSARY_DIR=str(builds.glossary_root), CS_GLOSSARY_OFFLINE="off")
    result = subprocess.run([sys.executable, "scripts/site.py", "build", "--out", str(reference),
                             "--site-url", SITE_URL], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _tree_differences(builds.out, reference) == []
    # Both printed the cheat sheets in a folder of their own; the PDFs'
    # links point at the site, not at either folder.
    for pdf in builds.out.glob("*/cheat-sheet/*.pdf"):
        links = re.findall(rb"/URI \(([^)]*)\)", pdf.read_bytes())
        assert links and all(link.startswith(SITE_URL.encode()) for link in links), links[:3]


def test_a_broken_term_file_keeps_the_site_and_says_what_broke_once(builds, capfd):
    out = builds.out
    term = builds.glossary_root / "terms" / "qbr.yml"
    before = page(out, "en", "terms/qbr")
    good = edit(term, "\nen:\n", "\nen:\n  name: A second name\n")
    served = Served(out)
    capfd.readouterr()
    assert not builds.rebuild([term], served)
    said = capfd.readouterr().out
    assert said.count("qbr.yml: en.name") == 1, said
    assert "still serving the previous site" in said
    assert served.published == []
    assert page(out, "en", "terms/qbr") == before
    assert not out.with_name(out.name + ".building").exists()
    # Fixing it rebuilds.
    term.write_text(good.replace("  name: Quarterly Business Review", "  name: Quarterly Business Talk", 1),
                    encoding="utf-8")
    assert builds.rebuild([term], served)
    assert "Quarterly Business Talk" in page(out, "en", "terms/qbr")


# What may differ between two builds of the same sources: nothing but the
# build's own time, which the sitemaps carry in <lastmod>, the changes feed
# in <updated> and the PDFs in their creation and modification dates.
def _tree_differences(served: Path, reference: Path) -> list[str]:
    left = {p.relative_to(served).as_posix() for p in served.rglob("*") if p.is_file()}
    right = {p.relative_to(reference).as_posix() for p in reference.rglob("*") if p.is_file()}
    problems = [f"only served: {rel}" for rel in sorted(left - right)]
    problems += [f"only built: {rel}" for rel in sorted(right - left)]
    for rel in sorted(left & right):
        if not filecmp.cmp(served / rel, reference / rel, shallow=False) and not _only_dates(
                served / rel, reference / rel):
            problems.append(f"differs: {rel}")
    return problems


def _only_dates(a: Path, b: Path) -> bool:
    if a.suffix in (".gz", ".br"):       # a twin: as its file
        return _only_dates(a.with_suffix(""), b.with_suffix(""))
    if a.suffix not in _DATES:
        return False
    return _DATES[a.suffix].sub(b"", a.read_bytes()) == _DATES[b.suffix].sub(b"", b.read_bytes())


_DATES = {".xml": re.compile(rb"<lastmod>[^<]*</lastmod>|<updated>[^<]*</updated>"),
          ".pdf": re.compile(rb"/(?:CreationDate|ModDate) \(D:[0-9+'Z-]*\)")}


def test_what_a_change_asks_of_the_rebuild(tmp_path):
    from sitegen.dev_builds import Changes

    root = tmp_path / "glossary"

    def changes(*paths) -> Changes:
        return Changes(frozenset(Path(p) for p in paths), root)

    term = root / "terms" / "nrr.yml"
    # A term file: its pages first (the fast path); pages reload if they changed.
    assert changes(term).term_ids == ("nrr",) and changes(term).pages_only and not changes(term).code
    # Markdown too reloads only the pages that changed, but takes no fast path.
    both = changes(term, REPO / "docs" / "en" / "index.md")
    assert both.term_ids == () and both.pages_only
    assert changes(root / "categories.yml").term_ids == ()
    # The theme or a stylesheet can change every page: all of them reload.
    assert not changes(REPO / "overrides" / "main.html").pages_only
    assert not changes(REPO / "mkdocs.yml").pages_only
    # Code, which the workers keep loaded: they restart.
    for code in (REPO / "hooks" / "term_links.py", REPO / "sitegen" / "templates" / "term.md.j2",
                 REPO / "glossary" / "loader.py", REPO / "calculators" / "__init__.py"):
        assert changes(code).code, code


def test_editor_leftovers_in_the_glossary_neither_rebuild_nor_spoil_the_fast_path(tmp_path):
    from sitegen.dev_builds import _editor_leftover

    terms = tmp_path / "glossary" / "terms"
    for leftover in ("nrr.yml~", ".nrr.yml.swp", "#nrr.yml#", ".#nrr.yml", "4913"):
        assert _editor_leftover(terms / leftover, tmp_path / "glossary"), leftover
    for read in ("nrr.yml", "nrr.yaml", "../loader.py", "../week-one.yml"):
        assert not _editor_leftover((terms / read).resolve(), tmp_path / "glossary"), read
    # Outside the glossary every file counts: MkDocs copies what docs/ holds.
    assert not _editor_leftover(REPO / "docs" / "en" / "index.md~", tmp_path / "glossary")
