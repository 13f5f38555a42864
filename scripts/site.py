"""Build or serve the whole bilingual site.

    python scripts/site.py build [--out site] [--verbose]   both trees + root files
    python scripts/site.py serve [--port 8000]              build, serve, rebuild on change

The two language trees are two MkDocs configs (mkdocs.yml, mkdocs.en.yml),
built in parallel. Everything is built into a staging folder and swapped in
only when both builds succeed, so a failed build never leaves a site that
looks valid: the old one stays, or there is none.
"""
from __future__ import annotations

import argparse
import errno
import mimetypes
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from glossary import GlossaryError  # noqa: E402
from glossary.changelog import ChangelogError, load_changelog  # noqa: E402
from sitegen.build_workers import CONFIGS  # noqa: E402
from sitegen.post_build import finish_site, swap_in  # noqa: E402
from sitegen.site_glossary import load_site_glossary  # noqa: E402

WATCHED = ("docs", "glossary", "calculators", "crosslink", "sitegen", "hooks",
           "overrides", "mkdocs.yml", "mkdocs.en.yml")
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"

# What a normal build does not print: MkDocs' INFO lines (with their indented
# continuation lines, such as the list of generated pages outside the nav) and
# jieba's start-up chatter from the search plugin. Warnings and errors stay.
_NOISE = re.compile(r"^(INFO\b|Building prefix dict |Loading model |Prefix dict has been built"
                    r"|Dumping model to file cache )")


class BuildFailed(Exception):
    pass


def build(out: Path, site_url: str = DEFAULT_SITE_URL, verbose: bool = False) -> float:
    """Build both trees and the root files into ``out``; returns seconds taken."""
    started = time.perf_counter()
    # Validate once, here: a broken term file is then reported once, not by
    # each of the two MkDocs builds, and neither build is started.
    glossary_root = (REPO / os.environ.get("GLOSSARY_DIR", "glossary")).resolve()
    try:
        glossary = load_site_glossary(glossary_root)
        load_changelog(glossary_root, glossary.terms)
    except (GlossaryError, ChangelogError) as error:
        raise BuildFailed(str(error)) from None
    staging = out.with_name(out.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        _build_into(staging, site_url, verbose, glossary)
        swap_in(staging, out)
    except BaseException as error:
        # Whatever failed, nothing half-built stays behind; a previous site/ is untouched.
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, (BuildFailed, KeyboardInterrupt, SystemExit)):
            raise
        raise BuildFailed(_describe(error)) from None
    return time.perf_counter() - started


def _describe(error: BaseException) -> str:
    """One line for an unexpected failure after the MkDocs step."""
    if isinstance(error, OSError) and error.strerror:
        where = f": {error.filename}" if error.filename else ""
        return f"writing the site failed: {error.strerror}{where}"
    return f"writing the site failed: {type(error).__name__}: {error}"


def _build_into(staging: Path, site_url: str, verbose: bool, glossary) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               SITE_URL_ZH=site_url.rstrip("/") + "/zh/",
               SITE_URL_EN=site_url.rstrip("/") + "/en/")
    failed = _run_mkdocs(staging, env, verbose)
    if failed:
        raise BuildFailed(f"MkDocs build failed for: {', '.join(failed)} (see messages above)")
    finish_site(staging, glossary, site_url)   # exports, PDFs, sitemaps, twins...


def _run_mkdocs(staging: Path, env: dict, verbose: bool) -> list[str]:
    """Run both MkDocs builds in parallel; print what they said, minus the noise,
    each line once (the two builds share their warnings). Returns failed languages."""
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    logs = {lang: tempfile.TemporaryFile("w+", encoding="utf-8") for lang in CONFIGS}
    processes = {
        lang: subprocess.Popen([*mkdocs, "-f", config, "-d", str(staging / lang)], cwd=REPO,
                               env=env, stdout=logs[lang], stderr=subprocess.STDOUT)
        for lang, config in CONFIGS.items()
    }
    failed = [lang for lang, process in processes.items() if process.wait() != 0]
    shown: set[str] = set()
    for log in logs.values():
        log.seek(0)
        for line in _worth_showing(log.read().splitlines(), verbose):
            if line not in shown:
                shown.add(line)
                print(line, flush=True)
        log.close()
    return failed


def _worth_showing(lines: list[str], verbose: bool):
    skipping = False
    for line in lines:
        if verbose:
            yield line
        elif _NOISE.match(line):
            skipping = True
        elif skipping and line[:1].isspace():
            continue                      # continuation of a skipped message
        else:
            skipping = False
            yield line


def serve(out: Path, host: str, port: int) -> None:
    """Build, serve, and rebuild on change in warm build workers
    (sitegen/dev_builds.py: a saved term file's page first, then the rest)."""
    from sitegen.dev_builds import DevBuilds
    from sitegen.live_reload import DevServer

    site_url = f"http://{host}:{port}/"
    _check_port_free(host, port)             # before a 10 s build, not after it
    os.environ["CS_GLOSSARY_OFFLINE"] = "off"     # no service worker: live reload must stay live
    mimetypes.add_type("application/wasm", ".wasm")
    builds = DevBuilds(out, site_url, _glossary_root())
    try:
        builds.rebuild()
        server = DevServer(builder=lambda changed: builds.rebuild(changed, server),
                           host=host, port=port, root=str(out))
        for path in WATCHED:
            server.watch(str(REPO / path))
        glossary = _glossary_root()
        if not glossary.is_relative_to(REPO):
            server.watch(str(glossary))       # GLOSSARY_DIR outside the checkout
        print(f"Serving both languages at {site_url}  (zh: {site_url}zh/  en: {site_url}en/)", flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        except OSError as error:
            raise SystemExit(_port_message(host, port, error)) from None
        finally:
            server.shutdown()
    finally:
        builds.close()


def _glossary_root() -> Path:
    return (REPO / os.environ.get("GLOSSARY_DIR", "glossary")).resolve()


def _check_port_free(host: str, port: int) -> None:
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise SystemExit(_port_message(host, port, error)) from None


def _port_message(host: str, port: int, error: OSError) -> str:
    reason = "it is already in use" if error.errno == errno.EADDRINUSE else error.strerror
    return (f"error: cannot serve on {host}:{port}: {reason}. Is another `make serve` running? "
            f"Pick another port: make serve PORT={port + 1}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="build both languages into --out")
    build_cmd.add_argument("--out", type=Path, default=REPO / "site")
    build_cmd.add_argument("--site-url", default=os.environ.get("SITE_URL"),
                           help="public URL of the site root (default: $SITE_URL or the local server)")
    build_cmd.add_argument("--verbose", action="store_true", help="show every MkDocs message")
    serve_cmd = sub.add_parser("serve", help="build, serve and rebuild on change")
    serve_cmd.add_argument("--out", type=Path, default=REPO / "site")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    if args.command == "build":
        if not args.site_url:
            args.site_url = DEFAULT_SITE_URL
            print(f"note: SITE_URL is not set, so canonical links, the sitemaps and JSON-LD point at "
                  f"{DEFAULT_SITE_URL}. For a deployment: SITE_URL=https://your.host/ make build",
                  flush=True)
        try:
            seconds = build(args.out.resolve(), args.site_url, verbose=args.verbose)
        except (BuildFailed, FileNotFoundError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"Built {args.out} in {seconds:.1f} s")
        return 0
    serve(args.out.resolve(), args.host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
