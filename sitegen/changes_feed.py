"""The Changes page's data and its Atom feed (<lang>/changes.xml), from the
glossary's change log. Atom (RFC 4287) because every feed reader and most
chat integrations take it; the XML is built with ElementTree, so every text
is escaped by the serializer."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from glossary import Glossary
from glossary.changelog import Change

from . import urls

CHANGES = "changes/"
FEED_FILE = "changes.xml"
ATOM = "http://www.w3.org/2005/Atom"
FEED_TITLE = {"zh": "客户成功术语库：更新记录", "en": "Customer Success Glossary: changes"}
KIND_TITLE = {
    "zh": {"added": "新增", "renamed": "更名", "changed": "修订"},
    "en": {"added": "Added", "renamed": "Renamed", "changed": "Changed"},
}


@dataclass(frozen=True)
class DayOfChanges:
    date: dt.date
    changes: tuple[Change, ...]


def by_day(changes: Sequence[Change]) -> list[DayOfChanges]:
    days: dict[dt.date, list[Change]] = {}
    for change in changes:
        days.setdefault(change.date, []).append(change)
    return [DayOfChanges(day, tuple(items)) for day, items in days.items()]


def render_feed(glossary: Glossary, changes: Sequence[Change], lang: str, site_url: str) -> str:
    """``site_url`` is the language tree's absolute URL (".../zh/")."""
    base = site_url.rstrip("/") + "/"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _text(feed, "title", FEED_TITLE[lang])
    _text(feed, "id", base + FEED_FILE)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": base + FEED_FILE})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": base + CHANGES})
    newest = max((c.date for c in changes), default=dt.date(2026, 1, 1))
    _text(feed, "updated", _stamp(newest))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", FEED_TITLE[lang].split("：")[0].split(":")[0])
    for change in changes:
        term = glossary[change.term]
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        name = term.lang(lang).name
        _text(entry, "title", f"{KIND_TITLE[lang][change.change]}{'：' if lang == 'zh' else ': '}{name}")
        _text(entry, "id", f"{base}{urls.term(term.id)}#{change.change}-{change.date.isoformat()}")
        _text(entry, "updated", _stamp(change.date))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": base + urls.term(term.id)})
        _text(entry, "summary", change.note[lang])
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element
