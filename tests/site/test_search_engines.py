"""Search engines see each page's language alternates (in the page and in
the sitemaps), a sitemap index and robots.txt at the site root; every
alternate points at a page the build wrote."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGS = {"zh": "zh-Hans", "en": "en"}


def local(built_site, site_url, href):
    assert href.startswith(site_url), href
    path = built_site / href[len(site_url):]
    return path / "index.html" if href.endswith("/") else path


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["", "terms/nrr/", "a-z/", "compare/nrr-vs-grr/", "learn/"])
def test_pages_name_both_languages_and_a_default(built_site, site_url, lang, page):
    soup = BeautifulSoup((built_site / lang / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {link["hreflang"]: link["href"] for link in soup.select('head link[rel=alternate][hreflang]')}
    assert links == {"zh-Hans": f"{site_url}zh/{page}", "en": f"{site_url}en/{page}", "x-default": site_url}
    for href in links.values():
        assert local(built_site, site_url, href).is_file(), href


@pytest.mark.parametrize("lang", LANGS)
def test_sitemaps_carry_the_alternates(built_site, site_url, lang):
    urls = ET.parse(built_site / lang / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    assert len(urls) > 150
    for url in urls:
        loc = url.findtext(f"{SITEMAP}loc")
        alternates = {l.get("hreflang"): l.get("href") for l in url.findall(f"{XHTML}link")}
        assert alternates[LANGS[lang]] == loc and set(alternates) == {"zh-Hans", "en", "x-default"}
        for tag, href in alternates.items():
            if tag != "x-default":
                assert local(built_site, site_url, href).is_file(), href


def test_robots_and_the_sitemap_index(built_site, site_url):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site_url}sitemap.xml" in robots and "Disallow: /\n" not in robots
    index = ET.parse(built_site / "sitemap.xml").getroot()
    assert index.tag == f"{SITEMAP}sitemapindex"
    locs = [s.findtext(f"{SITEMAP}loc") for s in index.findall(f"{SITEMAP}sitemap")]
    assert locs == [f"{site_url}zh/sitemap.xml", f"{site_url}en/sitemap.xml"]
