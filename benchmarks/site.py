"""Benchmark: what a reader's connection pays, and what a second visit saves.
Not a test.

    .venv/bin/python benchmarks/site.py                 # builds the site first
    .venv/bin/python benchmarks/site.py --site site     # an existing build
    .venv/bin/python benchmarks/site.py --only-authors-loop --runs 5

Serves the built site as a production server would (precompressed .br / .gz
twins with Content-Encoding; sitegen/local_preview.py) and measures in
headless Chromium, each a median of --runs fresh contexts:

- bytes over the wire (encoded bodies plus headers, workers included): a
  calculator page's first visit until its first live result, and a page
  without a calculator until it is idle; the service worker's background
  offline copy is counted apart;
- cold first live result (navigation start -> first result of an edit made
  as soon as the page is interactive) with the network throttled through CDP
  to 10 Mbps / 40 ms RTT and to 50 Mbps / 20 ms;
- repeat visit: a new tab after one visit, with the service worker warm and
  the engine's memory snapshot stored;
- offline: after one visit, with the context offline, a term page never
  opened, search, and a calculator;
- the author's loop: with `scripts/site.py serve` running, saving one term
  file until the open page shows the change (--no-serve skips it).

Aims (issue 13): calculator page <= 5 MB, other pages <= 300 KB, repeat
visit <= 0.7 s, save-to-refresh <= 2.5 s.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.local_preview import CHROMIUM_ARGS, free_port, serve  # noqa: E402

CALCULATOR_PAGE = "terms/nrr/"
PLAIN_PAGE = "terms/qbr/"
FIELD = "#calc-nrr [name=start_mrr]"
RECORDER = """
window.__bench = {results: []};
document.addEventListener("calculator:result", (e) => window.__bench.results.push(
  {t: performance.now(), ok: e.detail.ok}), true);
"""
PROFILES = {"10 Mbps / 40 ms": (10e6, 40), "50 Mbps / 20 ms": (50e6, 20)}


class WireBytes:
    """Bytes each finished request moved: encoded body plus headers."""

    def __init__(self, context):
        self.page_bytes = 0
        self.worker_bytes = 0          # the service worker's own fetches (offline copy)
        context.on("requestfinished", self._finished)

    def _finished(self, request):
        try:
            sizes = request.sizes()
        except Exception:              # a request the browser dropped
            return
        moved = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if request.service_worker is not None:
            self.worker_bytes += max(moved, 0)
        else:
            self.page_bytes += max(moved, 0)


def throttle(context, page, bits_per_second: float, rtt_ms: int) -> None:
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": rtt_ms,
        "downloadThroughput": bits_per_second / 8, "uploadThroughput": bits_per_second / 8})


def first_result(page, base: str, lang: str, timeout_ms: int = 180_000) -> float:
    page.goto(f"{base}{lang}/{CALCULATOR_PAGE}", wait_until="domcontentloaded")
    page.locator(FIELD).fill("200000")
    page.wait_for_function("() => window.__bench.results.some(r => r.ok)", timeout=timeout_ms)
    return page.evaluate("() => window.__bench.results.find(r => r.ok).t")


def cold(browser, base, lang, profile=None) -> dict:
    context = browser.new_context()
    context.add_init_script(RECORDER)
    wire = WireBytes(context)
    page = context.new_page()
    if profile:
        throttle(context, page, *profile)
    ms = first_result(page, base, lang)
    moved = wire.page_bytes
    context.close()
    return {"ms": ms, "bytes": moved}


def plain_page(browser, base, lang) -> dict:
    context = browser.new_context()
    wire = WireBytes(context)
    page = context.new_page()
    page.goto(f"{base}{lang}/{PLAIN_PAGE}")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(3000)
    page_bytes = wire.page_bytes
    # Then let the service worker store the tree, and count that apart.
    page.wait_for_function("() => window.csOffline && ['ready', 'partial'].includes(window.csOffline.state.phase)",
                           timeout=180_000)
    result = {"bytes": page_bytes, "offline_copy": wire.worker_bytes}
    context.close()
    return result


def repeat_visit(browser, base, lang) -> dict:
    """A new tab after one visit: the service worker is warm and the engine's
    memory snapshot is stored. Returns the first live result and where the
    engine started from ("snapshot", or "cold" if the snapshot was not used)."""
    context = browser.new_context()
    context.add_init_script(RECORDER)
    page = context.new_page()
    first_result(page, base, lang)
    page.wait_for_function("() => window.csOffline && window.csOffline.state.phase === 'ready'", timeout=180_000)
    page.wait_for_function("() => window.csCalculatorEngine.snapshotStored", timeout=60_000)
    page.wait_for_timeout(500)               # the runtime's cache.put()s settle
    page.close()
    again = context.new_page()
    ms = first_result(again, base, lang)
    started_from = again.evaluate("() => window.csCalculatorEngine.timings.from")
    context.close()
    return {"ms": ms, "from": started_from}


def offline_check(browser, base, lang) -> dict:
    context = browser.new_context()
    context.add_init_script(RECORDER)
    page = context.new_page()
    first_result(page, base, lang)
    page.wait_for_function("() => window.csOffline && window.csOffline.state.phase === 'ready'", timeout=180_000)
    context.set_offline(True)
    checks = {}
    other = context.new_page()
    other.goto(f"{base}{lang}/terms/churn-rate/")
    checks["term page"] = other.locator("h1").count() == 1
    other.locator("input.md-search__input").click()
    other.locator("input.md-search__input").fill("GRR")
    other.keyboard.press("End")
    try:
        other.locator(".md-search-result__item").first.wait_for(timeout=20_000)
        checks["search"] = True
    except Exception:
        checks["search"] = False
    calc = context.new_page()
    try:
        first_result(calc, base, lang, timeout_ms=60_000)
        checks["calculator"] = True
    except Exception:
        checks["calculator"] = False
    context.close()
    return checks


def authors_loop(browser, runs: int) -> list[float]:
    """Save a term file with `serve` running; time from the save until the
    open page, reloaded by the live-reload poller on its own, shows it."""
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    glossary = work / "glossary"
    shutil.copytree(ROOT / "glossary", glossary, ignore=shutil.ignore_patterns("__pycache__"))
    port = free_port()
    log = open(work / "serve.log", "w+", encoding="utf-8")
    # Its own --out: the default is site/, which may be the very tree this
    # benchmark is serving (--site site).
    server = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "site.py"), "serve", "--port", str(port),
                               "--out", str(work / "site")],
                              cwd=ROOT, env=dict(os.environ, GLOSSARY_DIR=str(glossary)),
                              stdout=log, stderr=subprocess.STDOUT)
    times = []
    try:
        context = browser.new_context()
        page = context.new_page()
        deadline = time.time() + 600
        while True:
            if server.poll() is not None:
                raise SystemExit(f"the dev server exited:\n{_tail(log)}")
            try:
                page.goto(f"http://127.0.0.1:{port}/en/terms/nrr/", timeout=5000)
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(1)
        term = glossary / "terms" / "nrr.yml"
        original = term.read_text(encoding="utf-8")
        # Replace the English summary: a marker added to it would pass the
        # tooltip's word limit (25), the build would fail and keep serving the
        # old page, and the marker would never show.
        summary = next(line for line in original.splitlines() if line.startswith("  summary: ") and line.isascii())
        summary_text = page.locator(".term-summary")
        for i in range(runs):
            marker = f"Benchmark edit {i} at {time.time():.0f}."
            _settled(page, log, builds=i + 1)    # the previous run's full rebuild is over
            started = time.perf_counter()
            term.write_text(original.replace(summary, f"  summary: {marker}", 1), encoding="utf-8")
            try:
                summary_text.filter(has_text=marker).wait_for(timeout=120_000)
            except Exception:
                raise SystemExit(f"the page never showed the edit; the server said:\n{_tail(log)}") from None
            times.append((time.perf_counter() - started) * 1000)
            print(f"  save-to-refresh run {i + 1}: {times[-1]:,.0f} ms "
                  f"(server: {_last_fast_path(log)})", flush=True)
        term.write_text(original, encoding="utf-8")
        context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    return times


def _settled(page, log, builds: int) -> None:
    """Wait until the server has finished ``builds`` builds (its first one and
    one full rebuild per save so far), so that no rebuild is running."""
    while True:
        log.flush()
        text = Path(log.name).read_text(encoding="utf-8")
        if text.count("Site rebuilt in") + text.count("Build failed") >= builds:
            return
        page.wait_for_timeout(200)


def _last_fast_path(log) -> str:
    """What the server said its fast path took ("Updated nrr in 0.6 s; ...")."""
    lines = [line for line in Path(log.name).read_text(encoding="utf-8").splitlines()
             if line.startswith("Updated ")]
    return lines[-1].split(";")[0] if lines else "no fast path"


def _tail(log, lines: int = 40) -> str:
    log.flush()
    log.seek(0)
    return "\n".join(log.read().splitlines()[-lines:])


def mb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.2f} MB"


def median(values) -> float:
    return statistics.median(values)


def _report_authors_loop(loop: list[float]) -> None:
    load = os.getloadavg()[0]
    print(f"author's save-to-refresh with make serve: median {median(loop):,.0f} ms "
          f"(runs {min(loop):,.0f}-{max(loop):,.0f}; aim 2,500 ms; load average {load:.1f})", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", default="en", choices=("zh", "en"))
    parser.add_argument("--no-serve", action="store_true", help="skip the author's-loop measurement")
    parser.add_argument("--only-authors-loop", action="store_true",
                        help="measure only the author's loop (no site to build or serve)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
                        or "/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if args.only_authors_loop:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            _report_authors_loop(authors_loop(browser, args.runs))
            browser.close()
        return 0
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    temp = None
    site = args.site
    if site is None:
        temp = Path(tempfile.mkdtemp(prefix="bench-site-"))
        site = temp / "site"
        print(f"building the site into {site} ...", flush=True)
        subprocess.run([sys.executable, str(ROOT / "scripts" / "site.py"), "build", "--out", str(site),
                        "--site-url", base], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    server = serve(site, port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            runs = range(args.runs)
            first = [cold(browser, base, args.lang) for _ in runs]
            plain = [plain_page(browser, base, args.lang) for _ in runs]
            print(f"bytes over the wire, median of {args.runs} (aims: 5 MB / 300 KB):")
            print(f"  calculator page, first visit to first result: {mb(median(r['bytes'] for r in first))}")
            print(f"  page without a calculator:                    {mb(median(r['bytes'] for r in plain))}")
            print(f"  then the offline copy, in the background:     {mb(median(r['offline_copy'] for r in plain))}")
            print(f"cold first live result, unthrottled localhost: {median(r['ms'] for r in first):,.0f} ms")
            for name, profile in PROFILES.items():
                times = [cold(browser, base, args.lang, profile)["ms"] for _ in runs]
                print(f"cold first live result at {name}: {median(times):,.0f} ms "
                      f"(runs {min(times):,.0f}-{max(times):,.0f})", flush=True)
            visits = [repeat_visit(browser, base, args.lang) for _ in runs]
            repeat = [v["ms"] for v in visits]
            starts = ", ".join(sorted({v["from"] for v in visits}))
            print(f"repeat visit (warm service worker, engine from: {starts}), first live result: "
                  f"{median(repeat):,.0f} ms (runs {min(repeat):,.0f}-{max(repeat):,.0f}; aim 700 ms)", flush=True)
            checks = offline_check(browser, base, args.lang)
            print("offline after one visit: " + ", ".join(f"{k} {'works' if v else 'FAILS'}" for k, v in checks.items()))
            if not args.no_serve:
                _report_authors_loop(authors_loop(browser, args.runs))
            browser.close()
    finally:
        server.shutdown()
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
