"""Reading a published glossary.json: from a path or a URL, with an optional
cached copy the team asked for, checked for the format this plugin reads.

Plain Python, no MkDocs: every problem is a GlossarySourceError whose message
is one line a reader can act on.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from crosslink import Disambiguation, Linker, LinkTarget

FORMAT_VERSION = 1
LANGUAGES = ("zh", "en")


class GlossarySourceError(Exception):
    """glossary.json cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class Loaded:
    data: dict
    origin: str          # where it came from: the source, or "<cache> (cached copy)"
    from_cache: bool


def load(source: str, project_dir: Path, *, cache: str | None = None,
         timeout: float = 30) -> Loaded:
    """Read glossary.json. A URL that cannot be downloaded is an error naming
    it, unless ``cache`` names a file: then a good download refreshes that
    file, and a failed one falls back to it."""
    cache_path = (project_dir / cache) if cache else None
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=timeout) as response:
                raw = response.read()
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", None) or error
            if cache_path is not None and cache_path.is_file():
                return Loaded(_parse(cache_path.read_bytes(), str(cache_path)),
                              f"{cache_path} (cached copy; {source} failed: {reason})", True)
            raise GlossarySourceError(f"cannot download {source}: {reason}") from None
        data = _parse(raw, source)
        if cache_path is not None:
            cache_path.parent.mkdir(parents=True, exist_ok=True)
            cache_path.write_bytes(raw)
        return Loaded(data, source, False)
    path = project_dir / source
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GlossarySourceError(f"cannot read {path}: {error.strerror or error}") from None
    return Loaded(_parse(raw, str(path)), str(path), False)


def linker_for(data: dict, lang: str, origin: str, base_url: str | None = None) -> tuple[Linker, int]:
    """The crosslink.Linker for ``lang`` and how many terms it links."""
    if lang not in LANGUAGES:
        raise GlossarySourceError(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    version = data.get("format_version", data.get("version"))
    if version != FORMAT_VERSION:
        raise GlossarySourceError(f"{origin} has format version {version!r}; "
                                  f"this plugin reads version {FORMAT_VERSION}")
    section = data.get("crosslink", {})
    section = section.get(lang) if isinstance(section, dict) else None
    if not (isinstance(section, dict) and isinstance(section.get("targets"), list)
            and isinstance(section.get("ambiguous"), dict)):
        raise GlossarySourceError(f"{origin} has no crosslink.{lang} section with targets and ambiguous")
    rebase = _rebaser(data, base_url, origin)
    try:
        targets = [LinkTarget(**{**t, "url": rebase(t["url"])}) for t in section["targets"]]
        ambiguous = {form: Disambiguation(**{**d, "url": rebase(d["url"])})
                     for form, d in section["ambiguous"].items()}
        return Linker(targets, ambiguous=ambiguous), len(targets)
    except (TypeError, ValueError, KeyError) as error:
        raise GlossarySourceError(f"{origin} is not a usable glossary.json: {error}") from None


def _parse(raw: bytes, origin: str) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GlossarySourceError(f"{origin} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise GlossarySourceError(f"{origin} is not a glossary.json (not a JSON object)")
    return data


def _rebaser(data: dict, base_url: str | None, origin: str):
    """url -> the same page under base_url (glossary.json's URLs are absolute, under its site_url)."""
    if not base_url:
        return lambda url: url
    if not base_url.startswith(("http://", "https://")):
        raise GlossarySourceError(f"base_url must be an http(s) URL, got {base_url!r}")
    site_url = data.get("site_url")
    if not isinstance(site_url, str) or not site_url:
        raise GlossarySourceError(f"{origin} has no site_url, so base_url cannot replace it")
    old, new = site_url.rstrip("/") + "/", base_url.rstrip("/") + "/"

    def rebase(url: str) -> str:
        if not isinstance(url, str) or not url.startswith(old):
            raise GlossarySourceError(f"{origin}: {url!r} is not under its site_url {old}")
        return new + url[len(old):]
    return rebase
