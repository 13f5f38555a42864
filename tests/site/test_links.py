"""Every internal link, anchor and asset reference in both language trees resolves,
including the language switch and the cross-link tooltips' targets."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

REFERENCING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


@lru_cache(maxsize=None)
def _ids(path: Path) -> frozenset[str]:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(el["id"] for el in page.select("[id]")) | frozenset(
        el["name"] for el in page.select("a[name]"))


def _target_file(site: Path, page: Path, url_path: str) -> Path:
    base = site if url_path.startswith("/") else page.parent
    target = (base / unquote(url_path.lstrip("/"))).resolve() if url_path else page
    return target / "index.html" if target.is_dir() else target


def broken_links(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in REFERENCING.items():
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if not value or value.startswith(("mailto:", "data:", "javascript:")):
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    continue            # outside references, never loaded by the page itself
                target = _target_file(site, page, parts.path)
                where = f"{page.relative_to(site)}: {tag} {attribute}={value!r}"
                if not target.is_file():
                    problems.append(f"{where}: no such file")
                elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
                    problems.append(f"{where}: no element with id {parts.fragment!r}")
    return problems


def test_every_internal_link_and_anchor_resolves(built_site):
    problems = broken_links(built_site)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:50])


def test_link_checker_catches_a_broken_link(tmp_path):
    """The checker itself can fail: a missing page and a missing anchor are both reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here"><a href="../b/">b</a> <a href="#nowhere">x</a> <a href="#here">ok</a></p>',
        encoding="utf-8")
    problems = broken_links(tmp_path)
    assert len(problems) == 2
    assert "no such file" in problems[0] and "no element with id 'nowhere'" in problems[1]
