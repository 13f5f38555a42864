"""Print each language's cheat sheet page to PDF with headless Chromium.

The PDF is the page itself under its print stylesheet (learn.css), so the
two can never disagree. Chromium is optional for a build: without it the
PDFs are skipped with one line, and the page's download link says so
through the link checker in the test suite, which always has Chromium.

The page is printed from the build folder (file://), so its relative links
are made absolute under the site's public URL first: otherwise the PDF's
links would point into the build machine's file system.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from .learn_pages import CHEAT_SHEET, pdf_name
from .local_preview import CHROMIUM_ARGS


def chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).is_file() else None


# Every link, resolved against the page's public address.
_PUBLIC_LINKS = """base => document.querySelectorAll("a[href]").forEach(
  a => { a.href = new URL(a.getAttribute("href"), base).href; })"""


def write_cheat_sheet_pdfs(site: Path, site_url: str, languages=("zh", "en")) -> list[Path]:
    """Write <lang>/cheat-sheet/<pdf> next to each cheat sheet page; returns
    the files written ([] when Chromium is not installed)."""
    chromium = chromium_path()
    if chromium is None:
        print("cheat-sheet PDFs skipped: Chromium not found (set CHROMIUM_PATH)")
        return []
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for lang in languages:
                folder = site / lang / CHEAT_SHEET
                # file:// needs no server; the page's CSS is all relative.
                page.goto((folder / "index.html").resolve().as_uri(), wait_until="load")
                page.evaluate(_PUBLIC_LINKS, f"{site_url.rstrip('/')}/{lang}/{CHEAT_SHEET}")
                page.emulate_media(media="print")
                target = folder / pdf_name(lang)
                page.pdf(path=str(target), format="A4", print_background=False,
                         prefer_css_page_size=True)
                written.append(target)
        finally:
            browser.close()
    return written
