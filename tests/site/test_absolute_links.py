"""Absolute URLs of our own site resolve too: every page's canonical link
and hreflang alternates, the JSON-LD `url` and `@id` values, and every
sitemap entry. The site is built with site_url http://127.0.0.1:<port>/, so
each such URL maps onto a file of the built site."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def own_file(site: Path, site_url: str, url: str) -> Path | None:
    """The built file an absolute URL of ours names; None for outside URLs."""
    if not url.startswith(site_url):
        return None
    path = url[len(site_url):].split("#", 1)[0].split("?", 1)[0]
    target = site / path
    return target / "index.html" if (path == "" or path.endswith("/")) else target


def json_ld_urls(node) -> list[str]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("url", "@id") and isinstance(value, str):
                found.append(value)
            else:
                found += json_ld_urls(value)
    elif isinstance(node, list):
        for item in node:
            found += json_ld_urls(item)
    return found


def broken_absolute_urls(site: Path, site_url: str) -> list[str]:
    problems = []

    def check(where: str, url: str):
        target = own_file(site, site_url, url)
        if target is not None and not target.is_file():
            problems.append(f"{where}: {url}")

    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = str(page.relative_to(site))
        for link in soup.select('head link[rel=canonical], head link[rel=alternate][hreflang]'):
            check(f"{where} link {link.get('rel')}", link["href"])
        for script in soup.select('script[type="application/ld+json"]'):
            for url in json_ld_urls(json.loads(script.string or "null")):
                check(f"{where} JSON-LD", url)
    for sitemap in sorted(site.rglob("sitemap.xml")):
        root = ET.parse(sitemap).getroot()
        for loc in root.iter(f"{SITEMAP}loc"):
            check(str(sitemap.relative_to(site)), loc.text or "")
    return problems


def test_every_absolute_url_of_ours_resolves(built_site, site_url):
    assert broken_absolute_urls(built_site, site_url) == []
    pages = list(built_site.rglob("*.html"))
    canonicals = sum(1 for p in pages if 'rel="canonical"' in p.read_text(encoding="utf-8"))
    assert canonicals > 300                       # the check looked at real links


def test_the_checker_catches_a_dangling_canonical_and_sitemap_entry(tmp_path):
    site_url = "http://127.0.0.1:9/"
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text(
        f'<html><head><link rel="canonical" href="{site_url}en/gone/">'
        f'<script type="application/ld+json">{{"@id": "{site_url}en/missing/", "url": "https://elsewhere.example/"}}</script>'
        '</head><body></body></html>', encoding="utf-8")
    (tmp_path / "en" / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site_url}en/nowhere/</loc></url><url><loc>{site_url}en/</loc></url></urlset>", encoding="utf-8")
    problems = broken_absolute_urls(tmp_path, site_url)
    assert len(problems) == 3 and all("gone" in p or "missing" in p or "nowhere" in p for p in problems)
