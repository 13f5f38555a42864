"""Shared fixtures: the real site built once per test session, served over
HTTP on localhost, and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.local_preview import CHROMIUM_ARGS, free_port, serve

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def fixture_glossary(tmp_path) -> Path:
    """A private copy of the small valid glossary in tests/fixtures/glossary."""
    root = tmp_path / "glossary"
    shutil.copytree(REPO / "tests" / "fixtures" / "glossary", root)
    return root


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The real site, built by the same command as `make build`."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "site.py"), "build", "--out", str(out),
         "--site-url", f"http://127.0.0.1:{site_port}/"],
        cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, f"site build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def site_url(built_site, site_port):
    server = serve(built_site, site_port)
    yield f"http://127.0.0.1:{site_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(f"Chromium not found at {path}: run `make test` (installs it) "
                    "or set CHROMIUM_PATH")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser context that refuses, and records, any request off localhost."""
    context = browser.new_context(locale="zh-CN")
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    # Worker fetches are reported here even where routing misses them.
    context.on("request", lambda request: None if request.url.startswith(
        ("http://127.0.0.1", "http://localhost", "data:", "blob:")) else outside.append(request.url))
    page = context.new_page()
    page.outside_requests = outside
    yield page
    context.close()
    assert not outside, f"requests left localhost: {outside}"
