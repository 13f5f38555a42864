"""MkDocs hook for *other* projects: link mentions of our glossary's terms to
our published site, with the one-sentence summary as a tooltip.

Not used by this site (that is hooks/term_links.py). Another team copies this
file and our ``crosslink/`` package next to each other and adds to its
mkdocs.yml::

    hooks:
      - hooks/glossary_links_external.py     # with hooks/crosslink/ beside it
    extra:
      cs_glossary:
        json: https://glossary.example.com/glossary.json   # or a local path
        base_url: https://glossary.example.com/            # optional
        lang: zh                                            # zh or en
        first_only: true                                    # optional, default true

``json`` is a local file (relative to mkdocs.yml) or an http(s) URL, read
once per build. ``base_url`` is where our site is published; it replaces the
``site_url`` recorded in glossary.json, so a copy of the file can be used.
Links are absolute. A page opts out with front matter ``glossary_links: false``.
Needs ``jieba`` installed. See docs/en/linking.md ("Linking terms").
"""
from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from crosslink import Disambiguation, Linker, LinkTarget

log = logging.getLogger("mkdocs.hooks.cs_glossary")

FORMAT_VERSION = 1
TIMEOUT_SECONDS = 30

_linker: Linker | None = None
_first_only = True


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read glossary.json and build the linker, once per build."""
    global _linker, _first_only
    settings = _settings(config.extra.get("cs_glossary"))
    source = settings["json"]
    data = _load(source, Path(config.config_file_path or ".").parent)
    section = _crosslink_section(data, settings["lang"], source)
    rebase = _rebaser(data, settings.get("base_url"), source)
    try:
        targets = [LinkTarget(**{**t, "url": rebase(t["url"])}) for t in section["targets"]]
        ambiguous = {form: Disambiguation(**{**d, "url": rebase(d["url"])})
                     for form, d in section["ambiguous"].items()}
        _linker = Linker(targets, ambiguous=ambiguous)
    except (TypeError, ValueError, KeyError) as error:
        raise PluginError(f"cs_glossary: {source} is not a usable glossary.json: {error}") from None
    _first_only = settings["first_only"]
    log.info("cs_glossary: %d %s terms from %s", len(targets), settings["lang"], source)
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if _linker is None or page.meta.get("glossary_links") is False:
        return html
    result = _linker.link(html, page_url=page.url, first_only=_first_only)
    for problem in result.unknown:
        log.warning("%s: %s", page.file.src_uri, problem)   # --strict turns this into a failure
    return result.html


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def _settings(raw) -> dict:
    example = "extra: {cs_glossary: {json: <path or URL of glossary.json>, lang: zh}}"
    if not isinstance(raw, dict):
        raise PluginError(f"cs_glossary: add the settings to mkdocs.yml, e.g. {example}")
    unknown = sorted(set(raw) - {"json", "base_url", "lang", "first_only"})
    if unknown:
        raise PluginError(f"cs_glossary: unknown setting(s) {', '.join(unknown)}; "
                          "known: json, base_url, lang, first_only")
    if not isinstance(raw.get("json"), str) or not raw["json"].strip():
        raise PluginError(f"cs_glossary.json is required: a path or http(s) URL ({example})")
    if raw.get("lang") not in ("zh", "en"):
        raise PluginError(f"cs_glossary.lang must be zh or en, got {raw.get('lang')!r}")
    base_url = raw.get("base_url")
    if base_url is not None and not (isinstance(base_url, str)
                                     and base_url.startswith(("http://", "https://"))):
        raise PluginError(f"cs_glossary.base_url must be an http(s) URL, got {base_url!r}")
    first_only = raw.get("first_only", True)
    if not isinstance(first_only, bool):
        raise PluginError(f"cs_glossary.first_only must be true or false, got {first_only!r}")
    return {**raw, "json": raw["json"].strip(), "first_only": first_only}


def _load(source: str, project_dir: Path) -> dict:
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=TIMEOUT_SECONDS) as response:
                raw = response.read()
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", None) or error
            raise PluginError(f"cs_glossary: cannot download {source}: {reason}") from None
    else:
        path = project_dir / source
        try:
            raw = path.read_bytes()
        except OSError as error:
            reason = error.strerror or error
            raise PluginError(f"cs_glossary: cannot read {path}: {reason}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PluginError(f"cs_glossary: {source} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise PluginError(f"cs_glossary: {source} is not a glossary.json (not a JSON object)")
    return data


def _crosslink_section(data: dict, lang: str, source: str) -> dict:
    if data.get("version") != FORMAT_VERSION:
        raise PluginError(f"cs_glossary: {source} has format version {data.get('version')!r}; "
                          f"this hook reads version {FORMAT_VERSION}")
    section = data.get("crosslink", {})
    section = section.get(lang) if isinstance(section, dict) else None
    if not (isinstance(section, dict) and isinstance(section.get("targets"), list)
            and isinstance(section.get("ambiguous"), dict)):
        raise PluginError(f"cs_glossary: {source} has no crosslink.{lang} section "
                          "with targets and ambiguous")
    return section


def _rebaser(data: dict, base_url: str | None, source: str):
    """url -> the same page under base_url (json's URLs are absolute, under its site_url)."""
    if not base_url:
        return lambda url: url
    site_url = data.get("site_url")
    if not isinstance(site_url, str) or not site_url:
        raise PluginError(f"cs_glossary: {source} has no site_url, so base_url cannot replace it")
    old, new = site_url.rstrip("/") + "/", base_url.rstrip("/") + "/"

    def rebase(url: str) -> str:
        if not isinstance(url, str) or not url.startswith(old):
            raise PluginError(f"cs_glossary: {source}: {url!r} is not under its site_url {old}")
        return new + url[len(old):]
    return rebase
