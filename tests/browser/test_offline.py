"""Second visits and offline reading in Chromium, on the built site: the
service worker stores the calculators' runtime by content hash and a whole
language tree, serves a repeat visit from its caches, keeps the glossary
usable offline, replaces the runtime when a build changes it, and goes away
when a build drops it. Also: precompressed files are what the server sends.

Each test serves its own copy of the built site on its own port (a service
worker belongs to an origin), so no test sees another's worker."""
from __future__ import annotations

import gzip
import json
import shutil
import time
import urllib.request
import zipfile
from pathlib import Path

import brotli
import pytest
from playwright.sync_api import expect

from sitegen.local_preview import free_port, serve
from sitegen.service_worker import write_service_worker

pytestmark = pytest.mark.browser
NRR_INPUTS = "#calc-nrr [name=start_mrr]"


@pytest.fixture
def origin(built_site, tmp_path):
    """A private copy of the built site, served on a fresh port: {url, site, serve_other}."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    port = free_port()
    server = serve(site, port)

    def replace_with(other: Path):
        # As a deploy does: new files in the served folder. (A new server on the
        # same port would not do: the browser's open keep-alive connections stay
        # with the old server's handler threads, which serve the old folder.)
        shutil.rmtree(site)
        shutil.copytree(other, site)

    yield {"url": f"http://127.0.0.1:{port}/", "site": site, "replace_with": replace_with}
    server.shutdown()
    server.server_close()


def eventually(page, predicate: str, arg=None, timeout_ms: int = 60000, what: str = ""):
    """Poll an async predicate until it is truthy. (page.wait_for_function
    does not await a promise: any promise counts as truthy at once.)"""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        if page.evaluate(f"async (arg) => !!(await ({predicate})(arg))", arg):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout_ms} ms: {what or predicate}")
        page.wait_for_timeout(250)


def first_visit(context, url, path="en/terms/nrr/"):
    """Open a calculator page and wait until the engine runs and the worker
    has stored the runtime and this language's tree."""
    page = context.new_page()
    page.goto(url + path)
    page.locator(NRR_INPUTS).focus()                       # starts the engine if idle preload has not
    page.wait_for_function("() => window.csCalculators && window.csCalculators.engineReady()", timeout=60000)
    page.wait_for_function("() => window.csOffline && window.csOffline.state.phase === 'ready'", timeout=90000)
    return page


def cache_names(page) -> list[str]:
    return page.evaluate("() => caches.keys()")


def runtime_version(site: Path) -> str:
    text = (site / "sw.js").read_text(encoding="utf-8")
    manifest = json.loads(text[len("self.CS_MANIFEST = "):text.index(";\n")])
    return manifest["runtime"]["version"]


def test_a_first_visit_stores_the_runtime_by_hash_and_the_language_tree(browser, origin):
    context = browser.new_context()
    page = first_visit(context, origin["url"])
    version = runtime_version(origin["site"])
    assert f"cs-runtime-{version}" in cache_names(page)
    stored = page.evaluate("""async () => {
        const runtime = await caches.open(%r);
        const pages = await caches.open("cs-pages-v1");
        return {runtime: (await runtime.keys()).map(r => r.url), pages: (await pages.keys()).length};
    }""" % f"cs-runtime-{version}")
    assert any(u.endswith("pyodide/pyodide.asm.wasm") for u in stored["runtime"])
    assert any(u.endswith("pyodide/python_stdlib.zip") for u in stored["runtime"])
    assert any(u.endswith("py/calculators.zip") for u in stored["runtime"])
    assert stored["pages"] > 100
    context.close()


def test_a_repeat_visit_takes_the_runtime_from_the_worker(browser, origin):
    context = browser.new_context()
    first_visit(context, origin["url"]).close()
    page = context.new_page()
    from_worker = {}
    page.on("response", lambda r: from_worker.__setitem__(r.url, r.from_service_worker)
            if "/pyodide/" in r.url or "calculators.zip" in r.url else None)
    page.goto(origin["url"] + "en/terms/grr/")
    page.wait_for_function("() => window.csCalculators && window.csCalculators.engineReady()", timeout=60000)
    runtime = {u: v for u, v in from_worker.items() if u.endswith((".wasm", "python_stdlib.zip", "calculators.zip"))}
    assert runtime and all(runtime.values()), from_worker
    context.close()


SNAPSHOT_CACHE = "cs-engine-v1"
# Replies compared between a cold engine and one restored from its snapshot:
# a plain result, a chart, a solve for an input, and an input error.
SAME_REPLIES = """async () => {
    const e = window.csCalculatorEngine;
    return JSON.stringify(await Promise.all([
      e.call("nrr", JSON.stringify({start_mrr: 100000, expansion_mrr: 12000, contraction_mrr: 3000, churned_mrr: 4000}), "en"),
      e.call("nps", JSON.stringify({promoters: 50, passives: 30, detractors: 20}), "zh", "chart"),
      e.call("nrr", JSON.stringify({start_mrr: 100000, expansion_mrr: 12000, contraction_mrr: 3000, churned_mrr: 4000}),
             "en", {solve: {target: "110", unknown: "expansion_mrr"}}),
      e.call("nrr", JSON.stringify({start_mrr: -5, expansion_mrr: 0, contraction_mrr: 0, churned_mrr: 0}), "zh"),
    ]));
}"""


def engine_start(page, path_url):
    """Open a calculator page and wait for its engine; returns where it started from."""
    page.goto(path_url)
    page.locator(".calculator[data-calculator] input").first.focus()
    page.wait_for_function("() => window.csCalculators && window.csCalculators.engineReady()", timeout=60000)
    return page.evaluate("() => window.csCalculatorEngine.timings.from")


def stored_snapshot(page) -> dict | None:
    return page.evaluate("""async (name) => {
        if (!(await caches.has(name))) return null;
        const keys = await (await caches.open(name)).keys();
        if (!keys.length) return null;
        const hit = await (await caches.open(name)).match(keys[0]);
        return {url: keys[0].url, key: hit.headers.get("x-cs-engine"), bytes: (await hit.arrayBuffer()).byteLength};
    }""", SNAPSHOT_CACHE)


def first_visit_with_snapshot(context, url):
    page = first_visit(context, url)
    page.wait_for_function("() => window.csCalculatorEngine.snapshotStored", timeout=30000)
    return page


def test_a_repeat_visit_restores_the_engine_from_its_snapshot(browser, origin):
    context = browser.new_context()
    page = first_visit_with_snapshot(context, origin["url"])
    assert page.evaluate("() => window.csCalculatorEngine.timings.from") == "cold"
    cold_replies = page.evaluate(SAME_REPLIES)
    snapshot = stored_snapshot(page)
    assert snapshot and snapshot["bytes"] > 10_000_000 and snapshot["key"].startswith("pyodide ")
    page.close()
    again = context.new_page()
    assert engine_start(again, origin["url"] + "en/terms/grr/") == "snapshot"
    assert again.evaluate(SAME_REPLIES) == cold_replies
    # And the page itself answers as it always does.
    again.goto(origin["url"] + "en/terms/nrr/")
    again.locator(NRR_INPUTS).fill("200000")
    expect(again.locator("#calc-nrr output[data-result]")).to_contain_text("105", timeout=30000)
    context.close()


def test_a_snapshot_of_another_package_is_replaced_not_restored(browser, origin, tmp_path):
    context = browser.new_context()
    page = first_visit_with_snapshot(context, origin["url"])
    old_key = stored_snapshot(page)["key"]
    old_version = runtime_version(origin["site"])
    other = with_changed_runtime(origin["site"], tmp_path)
    origin["replace_with"](other)
    # The same tab, as in the test above, whose switch-over is reliable (a new
    # tab would also first ask the old worker to store its tree again).
    page.goto(origin["url"] + "en/terms/grr/")
    page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
    # Once the new worker runs, it serves the new package (until then the old
    # worker serves the old one, and the old snapshot rightly matches it).
    eventually(page, "(name) => caches.keys().then(k => k.includes(name))",
               arg=f"cs-runtime-{runtime_version(other)}")
    eventually(page, "(name) => caches.keys().then(k => !k.includes(name))",
               arg=f"cs-runtime-{old_version}", timeout_ms=90000)
    assert engine_start(page, origin["url"] + "en/terms/nrr/") == "cold"
    page.wait_for_function("() => window.csCalculatorEngine.snapshotStored", timeout=30000)
    new_key = stored_snapshot(page)["key"]
    assert new_key != old_key and new_key.startswith("pyodide ")
    page.locator(NRR_INPUTS).fill("200000")
    expect(page.locator("#calc-nrr output[data-result]")).to_contain_text("105", timeout=30000)
    context.close()


def test_a_damaged_snapshot_means_a_cold_start_not_a_failure(browser, origin):
    context = browser.new_context()
    page = first_visit_with_snapshot(context, origin["url"])
    page.evaluate("""async (name) => {
        const cache = await caches.open(name);
        const [request] = await cache.keys();
        const key = (await cache.match(request)).headers.get("x-cs-engine");
        await cache.put(request, new Response(new Uint8Array(4096).fill(7), {headers: {"x-cs-engine": key}}));
    }""", SNAPSHOT_CACHE)
    page.close()
    again = context.new_page()
    assert engine_start(again, origin["url"] + "en/terms/nrr/") == "cold"
    again.locator(NRR_INPUTS).fill("200000")
    expect(again.locator("#calc-nrr output[data-result]")).to_contain_text("105", timeout=30000)
    again.wait_for_function("() => window.csCalculatorEngine.snapshotStored", timeout=30000)
    assert stored_snapshot(again)["bytes"] > 10_000_000
    context.close()


def test_no_snapshot_is_kept_when_the_reader_turned_offline_copies_off(browser, origin):
    context = browser.new_context()
    context.add_init_script("localStorage.setItem('cs-glossary.offline', 'off')")
    page = context.new_page()
    assert engine_start(page, origin["url"] + "en/terms/nrr/") == "cold"
    page.locator(NRR_INPUTS).fill("200000")
    expect(page.locator("#calc-nrr output[data-result]")).to_contain_text("105", timeout=30000)
    page.wait_for_timeout(2000)
    assert stored_snapshot(page) is None
    assert page.evaluate("() => window.csCalculatorEngine.snapshotStored") is False
    context.close()


def test_offline_after_one_visit_pages_search_and_calculators_work(browser, origin):
    context = browser.new_context()
    first_visit(context, origin["url"]).close()
    context.set_offline(True)
    page = context.new_page()
    page.goto(origin["url"] + "en/terms/churn-rate/")          # never opened online
    expect(page.locator("h1")).to_contain_text("Churn Rate")
    # Search: its index and worker come from the cache.
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("GRR")
    page.keyboard.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20000)
    # A calculator: the engine starts from the stored runtime.
    page.goto(origin["url"] + "en/terms/nrr/")
    page.locator(NRR_INPUTS).fill("200000")
    page.wait_for_function("() => window.csCalculators && window.csCalculators.engineReady()", timeout=60000)
    expect(page.locator("#calc-nrr output[data-result]")).to_contain_text("105", timeout=30000)
    context.close()


def with_changed_runtime(site: Path, tmp: Path) -> Path:
    """The same site built again with a different calculators package."""
    other = tmp / "site-b"
    shutil.copytree(site, other)
    package = other / "py" / "calculators.zip"
    with zipfile.ZipFile(package, "a") as archive:
        archive.writestr("calculators/_build_note.py", "# rebuilt\n")
    write_service_worker(other)
    for changed in (package, other / "sw.js"):
        for twin in (".gz", ".br"):                 # or the server sends the old bytes
            changed.with_name(changed.name + twin).unlink(missing_ok=True)
    return other


def test_a_build_with_a_new_runtime_replaces_the_stored_one(browser, origin, tmp_path):
    context = browser.new_context()
    page = first_visit(context, origin["url"])
    old = runtime_version(origin["site"])
    other = with_changed_runtime(origin["site"], tmp_path)
    new = runtime_version(other)
    assert new != old
    origin["replace_with"](other)
    page.goto(origin["url"] + "en/terms/grr/")
    page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
    eventually(page, "(name) => caches.keys().then(k => k.includes(name))", arg=f"cs-runtime-{new}", timeout_ms=60000)
    eventually(page, "(name) => caches.keys().then(k => !k.includes(name))", arg=f"cs-runtime-{old}", timeout_ms=90000)
    context.close()


def without_the_feature(site: Path, tmp: Path, monkeypatch) -> Path:
    """The site as a future build that ships no service worker would leave
    it: pages without offline.js, and sw.js the remover the build writes."""
    other = tmp / "site-off"
    shutil.copytree(site, other)
    for html in other.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        text = text.replace('<meta name="cs-offline" content="on">', "")
        text = "".join(part for part in text.split("\n") if "offline.js" not in part)
        html.write_text(text, encoding="utf-8")
        html.with_name(html.name + ".gz").unlink(missing_ok=True)
    monkeypatch.setenv("CS_GLOSSARY_OFFLINE", "off")
    write_service_worker(other)
    for twin in (".gz", ".br"):
        (other / ("sw.js" + twin)).unlink(missing_ok=True)
    return other


def test_a_build_without_the_worker_removes_it_and_its_caches(browser, origin, tmp_path, monkeypatch):
    context = browser.new_context()
    page = first_visit(context, origin["url"])
    other = without_the_feature(origin["site"], tmp_path, monkeypatch)
    origin["replace_with"](other)
    page.goto(origin["url"] + "en/")
    page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r && r.update())")
    eventually(page, "() => navigator.serviceWorker.getRegistrations().then(r => r.length === 0)", timeout_ms=60000)
    eventually(page, "() => caches.keys().then(k => !k.some(n => n.startsWith('cs-')))", timeout_ms=30000)
    context.close()


def test_no_worker_when_opened_from_a_file(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / "en" / "index.html").as_uri())
    page.wait_for_function("() => window.csOffline !== undefined")
    assert page.evaluate("() => window.csOffline.state.phase") == "unsupported"
    context.close()


def test_the_downloads_page_shows_the_offline_copy_and_turns_it_off(browser, origin):
    context = browser.new_context()
    first_visit(context, origin["url"]).close()
    page = context.new_page()
    page.goto(origin["url"] + "zh/downloads/")
    panel = page.locator("[data-offline-panel]")
    expect(panel).to_be_visible()
    expect(panel).to_have_attribute("data-state", "ready", timeout=60000)
    expect(panel.locator("[role=status]")).to_contain_text("离线副本已就绪")
    panel.locator("[data-offline-toggle]").click()
    expect(panel).to_have_attribute("data-state", "off")
    eventually(page, "() => navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")
    page.reload()
    expect(page.locator("[data-offline-panel]")).to_have_attribute("data-state", "off")
    assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    context.close()


@pytest.mark.parametrize("encoding, suffix, decode", [("br", ".br", brotli.decompress),
                                                      ("gzip", ".gz", gzip.decompress)])
def test_the_server_sends_the_precompressed_twin(built_site, site_url, encoding, suffix, decode):
    for path in ("pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip", "en/index.html"):
        twin = built_site / (path + suffix)
        if not twin.exists() and encoding == "br" and path.endswith(".html"):
            continue                                   # small pages get gzip only
        request = urllib.request.Request(site_url + path, headers={"Accept-Encoding": encoding})
        with urllib.request.urlopen(request) as response:
            body = response.read()
            assert response.headers["Content-Encoding"] == encoding, path
            assert "Accept-Encoding" in response.headers["Vary"]
        assert decode(body) == (built_site / path).read_bytes()
    wasm = urllib.request.urlopen(urllib.request.Request(site_url + "pyodide/pyodide.asm.wasm",
                                                         headers={"Accept-Encoding": "br"}))
    assert wasm.headers["Content-Type"] == "application/wasm"
