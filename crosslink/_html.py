"""Find the text of an HTML fragment that the linker may touch.

A small tokenizer rather than ``html.parser``: it reports offsets into the
original string, so everything it does not link is copied byte for byte.
It tracks open elements only to know whether text is inside a skipped one.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

LINK = 1
"""Text where terms are linked and ``[[...]]`` references resolved."""
NOLINK = 2
"""Text that gets no links; ``[[...]]`` references there become plain text."""

# Left exactly as written, ``[[...]]`` included: code and machine text, widgets,
# and whatever an author marked with glossary-skip.
VERBATIM_TAGS = frozenset({
    "code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math",
    "template", "noscript", "head", "title", "iframe",
})
# Readable text where a link would be wrong: headings, existing links and
# interactive controls (a link inside a button or a summary is not clickable
# on its own), abbreviations and defining instances.
NOLINK_TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "dfn", "button", "label",
    "select", "option", "optgroup", "datalist", "summary",
})
SKIP_CLASS = "glossary-skip"
SKIP_ATTRIBUTES = frozenset({"data-glossary-skip", "data-calculator"})
REGION_START = "glossary-skip-start"
REGION_END = "glossary-skip-end"

# Elements whose content is not markup: jump to their end tag.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe",
                       "noembed", "noframes"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input",
                   "link", "meta", "param", "source", "track", "wbr"})

_PLAIN, _NOLINK, _VERBATIM = 0, 1, 2

# ---------------------------------------------------------------------------
# Tokenizer
# ---------------------------------------------------------------------------

# Outside quoted values a tag may not contain '<': malformed input then costs
# one scan to the next '<', not to the end of the page (no quadratic blow-up).
_TOKEN = re.compile(r"""
    <!--(?P<comment>.*?)(?:-->|\Z)
  | <!\[CDATA\[.*?(?:\]\]>|\Z)
  | </(?P<end>[A-Za-z][^\s/<>]*)[^<>]*>
  | <(?P<start>[A-Za-z][^\s/<>]*)(?P<attrs>(?:[^<>"']|"[^"]*"|'[^']*')*)>
  | <[!?][^<>]*>
""", re.S | re.X)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_raw_end_cache: dict[str, re.Pattern[str]] = {}


def text_runs(html: str) -> Iterator[tuple[int, int, int]]:
    """Yield ``(start, end, mode)`` for each run of text the linker may touch.

    ``mode`` is LINK or NOLINK; verbatim text is not yielded at all.
    """
    stack: list[tuple[str, int]] = []
    nolink = verbatim = region = 0
    pos = 0
    size = len(html)
    while pos < size:
        match = _TOKEN.search(html, pos)
        token_start = match.start() if match else size
        if token_start > pos and not verbatim and not region:
            yield pos, token_start, NOLINK if nolink else LINK
        if match is None:
            return
        pos = match.end()
        if match.group("comment") is not None:
            marker = match.group("comment").strip()
            if marker == REGION_START:
                region += 1
            elif marker == REGION_END and region:
                region -= 1
        elif (name := match.group("start")) is not None:
            name = name.lower()
            attrs = match.group("attrs")
            kind = _kind(name, attrs)
            if name in _RAW_TEXT:
                pos = _skip_raw_text(html, name, pos)
            elif name in _VOID or attrs.rstrip().endswith("/"):
                pass
            else:
                stack.append((name, kind))
                if kind == _VERBATIM:
                    verbatim += 1
                elif kind == _NOLINK:
                    nolink += 1
        elif (name := match.group("end")) is not None:
            name = name.lower()
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == name:
                    for _, kind in stack[depth:]:
                        if kind == _VERBATIM:
                            verbatim -= 1
                        elif kind == _NOLINK:
                            nolink -= 1
                    del stack[depth:]
                    break


def _kind(name: str, attrs: str) -> int:
    if name in VERBATIM_TAGS:
        return _VERBATIM
    lowered = attrs.lower()
    if (SKIP_CLASS in lowered or "data-calculator" in lowered) and _marked_skip(attrs):
        return _VERBATIM
    if name in NOLINK_TAGS:
        return _NOLINK
    return _PLAIN


def _marked_skip(attrs: str) -> bool:
    for match in _ATTRIBUTE.finditer(attrs):
        key = match.group(1).lower()
        if key in SKIP_ATTRIBUTES:
            return True
        if key == "class":
            value = match.group(2) or match.group(3) or match.group(4) or ""
            if SKIP_CLASS in value.split():
                return True
    return False


def _skip_raw_text(html: str, name: str, pos: int) -> int:
    pattern = _raw_end_cache.get(name)
    if pattern is None:
        pattern = _raw_end_cache[name] = re.compile(rf"</{name}(?=[\s/>])[^>]*>", re.I)
    end = pattern.search(html, pos)
    return end.end() if end else len(html)
