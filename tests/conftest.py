"""Shared fixtures: the real site built once per test session, served over
HTTP on localhost, and Debian's Chromium driven by Playwright.

Builds are made ahead, in the background (tests/ahead.py): the tests that need
no build run first, meanwhile; then the browser tests; then the rest."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from sitegen.local_preview import CHROMIUM_ARGS, free_port, serve
from tests.ahead import Ahead, build_ahead, needed
from tests.fixture_site import fixture_site  # noqa: F401 - a session fixture for several modules

REPO = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(session, config, items):
    """Run the modules that need no build first, while the builds they do not
    need are made (tests/ahead.py); then the browser tests; then the rest.
    A module's tests stay together, in their order."""
    modules: dict[str, list] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)

    def rank(module: str) -> int:
        if not needed(modules[module]):
            return 0
        return 1 if module.startswith("tests/browser/") else 2

    items[:] = [item for module in sorted(modules, key=rank) for item in modules[module]]


@pytest.fixture(scope="session", autouse=True)
def _ahead(tmp_path_factory, site_port, request):
    """Starts every build the selected tests need, in the order they need them."""
    ahead = Ahead(tmp_path_factory)
    ahead.site_port = site_port
    ahead.start(needed(request.session.items))
    yield ahead
    ahead.stop()


@pytest.fixture
def fixture_glossary(tmp_path) -> Path:
    """A private copy of the small valid glossary in tests/fixtures/glossary."""
    root = tmp_path / "glossary"
    shutil.copytree(REPO / "tests" / "fixtures" / "glossary", root)
    return root


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@build_ahead
def built_site(ahead) -> Path:
    """The real site, built by the same command as `make build`."""
    out = ahead.tmp.mktemp("built") / "site"
    result = ahead.run(
        [sys.executable, str(REPO / "scripts" / "site.py"), "build", "--out", str(out),
         "--site-url", f"http://127.0.0.1:{ahead.site_port}/"],
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
