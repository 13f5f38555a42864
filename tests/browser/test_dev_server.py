"""`make serve` as a contributor uses it: the page in the browser follows an
edit to a term file by itself, under the same Content Security Policy as the
deployed site; only pages whose content changed reload, each once; and a
taken port is reported with the command that avoids it."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from sitegen.local_preview import free_port
from tests.conftest import REPO

pytestmark = pytest.mark.browser

RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""
# How many times this tab loaded a page (survives the poller's reloads).
COUNT_LOADS = "sessionStorage.loads = String(Number(sessionStorage.loads || 0) + 1);"


def start_server(tmp_path, port: int) -> subprocess.Popen:
    glossary = tmp_path / "glossary"
    shutil.copytree(REPO / "glossary", glossary)
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "scripts/site.py", "serve", "--port", str(port), "--out", str(tmp_path / "site")],
        cwd=REPO, env=dict(os.environ, GLOSSARY_DIR=str(glossary)), stdout=log, stderr=subprocess.STDOUT)


def wait_until_listening(port: int, process: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the dev server exited"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    pytest.fail("the dev server did not start listening")


def open_page(browser, url: str):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.add_init_script(COUNT_LOADS)
    page.goto(url)
    return page


def loads(page) -> int:
    return int(page.evaluate("sessionStorage.loads"))


def test_page_reloads_itself_after_a_term_file_changes(browser, tmp_path):
    port = free_port()
    server = start_server(tmp_path, port)
    try:
        wait_until_listening(port, server)
        page = open_page(browser, f"http://127.0.0.1:{port}/en/terms/nrr/")
        # GRR's page links to NRR, and the link's tooltip carries NRR's
        # summary; the Chinese QBR page shows nothing of NRR's English text.
        linking = open_page(browser, f"http://127.0.0.1:{port}/en/terms/grr/")
        unrelated = open_page(browser, f"http://127.0.0.1:{port}/zh/terms/qbr/")
        summary = page.locator(".term-summary")
        expect(summary).not_to_contain_text("Edited while serving")
        # No service worker under the dev server: it would serve cached pages
        # and keep live reload from showing the edit.
        assert page.locator('meta[name="cs-offline"]').get_attribute("content") == "off"
        page.wait_for_timeout(2000)
        assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
        assert page.evaluate("() => window.csOffline.state.phase") == "unsupported"
        # Precompressed twins are what the dev server sends, as production does.
        request = urllib.request.Request(f"http://127.0.0.1:{port}/pyodide/pyodide.asm.wasm",
                                         headers={"Accept-Encoding": "br, gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "br"
            assert response.headers["Content-Type"] == "application/wasm"
            assert len(response.read()) < (tmp_path / "site" / "pyodide" / "pyodide.asm.wasm").stat().st_size / 2
        term_file = tmp_path / "glossary" / "terms" / "nrr.yml"
        text = term_file.read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.startswith("  summary: ") and line.isascii())
        term_file.write_text(text.replace(old, "  summary: Edited while serving, no reload pressed.", 1),
                             encoding="utf-8")
        # No reload, no navigation: the page must pick up the rebuild on its own.
        expect(summary).to_have_text("Edited while serving, no reload pressed.", timeout=120_000)
        assert page.evaluate("window.__cspViolations") == []
        # Once the full rebuild after it is over: the edited page reloaded
        # once (its content did not change again), the page linking to it
        # reloaded for its new tooltip, and the unrelated one not at all.
        wait_for_log(tmp_path, "Site rebuilt in", times=2, process=server)
        expect(linking.locator('a.glossary-link[data-term="nrr"]').first).to_have_attribute(
            "data-tooltip", "Edited while serving, no reload pressed.", timeout=30_000)
        page.wait_for_timeout(2000)
        assert (loads(page), loads(linking), loads(unrelated)) == (2, 2, 1)
        for tab in (page, linking, unrelated):
            tab.context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "not included in the" not in log and "\nINFO" not in log, log[:2000]


def wait_for_log(tmp_path, text: str, times: int, process: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while (tmp_path / "serve.log").read_text(encoding="utf-8").count(text) < times:
        assert process.poll() is None, "the dev server exited"
        assert time.monotonic() < deadline, f"the dev server did not print {text!r} {times} times"
        time.sleep(0.2)


def test_taken_port_names_the_make_form_at_once(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = subprocess.run([sys.executable, "scripts/site.py", "serve", "--port", str(port),
                                 "--out", str(tmp_path / "site")],
                                cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert f"make serve PORT={port + 1}" in result.stderr
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 10, "the port is checked before the site is built"
    assert not (tmp_path / "site").exists()
