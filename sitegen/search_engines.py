"""What search engines read beyond the pages: each tree's sitemap with its
language alternates, a sitemap index at the site root, and robots.txt.

Both trees have the same paths, so a page's alternate is the same path in
the other tree; the pages say so in their own <head> (overrides/main.html),
and the sitemaps repeat it, as search engines recommend doing in one or both.
"""
from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

LANGUAGES = {"zh": "zh-Hans", "en": "en"}
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def write_search_engine_files(site: Path, site_url: str) -> list[Path]:
    root = site_url.rstrip("/") + "/"
    written = [_with_alternates(site / lang / "sitemap.xml", lang, root) for lang in LANGUAGES]
    written.append(_sitemap_index(site / "sitemap.xml", root))
    robots = site / "robots.txt"
    robots.write_text(f"User-agent: *\nAllow: /\n\nSitemap: {root}sitemap.xml\n", encoding="utf-8")
    written.append(robots)
    return written


def _with_alternates(path: Path, lang: str, root: str) -> Path:
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    tree = ET.parse(path)
    prefix = f"{root}{lang}/"
    for url in tree.getroot().findall(f"{{{SITEMAP}}}url"):
        loc = url.findtext(f"{{{SITEMAP}}}loc") or ""
        if not loc.startswith(prefix):
            continue
        rest = loc[len(prefix):]
        for other, tag in LANGUAGES.items():
            ET.SubElement(url, f"{{{XHTML}}}link", {"rel": "alternate", "hreflang": tag,
                                                     "href": f"{root}{other}/{rest}"})
        ET.SubElement(url, f"{{{XHTML}}}link", {"rel": "alternate", "hreflang": "x-default", "href": root})
    tree.write(path, encoding="utf-8", xml_declaration=True)
    # MkDocs also writes a gzipped copy; keep it the same.
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), mtime=0))
    return path


def _sitemap_index(path: Path, root: str) -> Path:
    ET.register_namespace("", SITEMAP)
    index = ET.Element(f"{{{SITEMAP}}}sitemapindex")
    for lang in LANGUAGES:
        entry = ET.SubElement(index, f"{{{SITEMAP}}}sitemap")
        ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = f"{root}{lang}/sitemap.xml"
    ET.ElementTree(index).write(path, encoding="utf-8", xml_declaration=True)
    return path
