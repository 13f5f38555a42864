"""Read one YAML data file strictly, turning every way it can be malformed
into a (field, message) problem instead of an exception or a silent guess.

PyYAML on its own accepts a second `en:` key by letting it replace the first,
reads an empty or comment-only file as None, and recurses once per nesting
level, so a deeply nested file ends in a RecursionError with thousands of
traceback lines. This reader rejects all three, and refuses files past
MAX_FILE_BYTES before parsing them.

Parsed files are kept per process, keyed by their bytes: the dev server's
warm build workers (sitegen/build_workers.py) load the glossary again on
every save, and pure-Python YAML is most of that time, so only a file whose
content changed is parsed again. Callers get their own copy of the data.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_FILE_BYTES = 256 * 1024   # the longest term file today is under 10 KB
MAX_DEPTH = 20                # a term file nests 4 levels deep (benchmarks[0].figure.zh)

# path -> (the bytes it was parsed from, what parsing them gave)
_parsed: dict[Path, tuple[bytes, "ReadResult"]] = {}


@dataclass
class ReadResult:
    data: Any = None
    problems: list[tuple[str | None, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class _Refused(Exception):
    def __init__(self, message, mark):
        self.message = message
        self.mark = mark


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that stops composing past MAX_DEPTH levels (before Python's
    recursion limit is anywhere near)."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nested more than {MAX_DEPTH} levels deep; "
                               "a term file needs only a few", self.peek_event().start_mark)
            # Aliases (*name) let a few lines expand into millions of values;
            # a term file has no use for them.
            if self.check_event(yaml.AliasEvent):
                raise _Refused("uses a YAML alias (*name); write the value out instead",
                               self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def read_yaml(path: Path) -> ReadResult:
    """Parse ``path``; on any problem ``data`` is None and ``problems`` says why."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return ReadResult(problems=[(None, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")])
        raw = path.read_bytes()
    except OSError as exc:
        return ReadResult(problems=[(None, f"cannot be read ({exc.strerror or exc})")])
    key = Path(path).resolve()
    cached = _parsed.get(key)
    if cached is None or cached[0] != raw:
        cached = (raw, _parse(raw))
        _parsed[key] = cached
    result = cached[1]
    # A copy: the cached data must stay as parsed whatever a caller does with it.
    return ReadResult(copy.deepcopy(result.data), list(result.problems))


def _parse(raw: bytes) -> ReadResult:
    result = ReadResult()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        result.problems.append((None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})"))
        return result

    loader = None
    try:
        loader = _StrictLoader(text)
        node = loader.get_single_node()
        if node is None:
            what = "empty" if not text.strip() else "only comments"
            result.problems.append((None, f"the file is {what}: it must hold a term's fields "
                                          "(id, category, zh, en, sources); delete the file "
                                          "to remove the term"))
            return result
        duplicates = list(_duplicate_keys(node, ""))
        if duplicates:
            result.problems.extend(duplicates)
            return result
        result.data = loader.construct_document(node)
    except _Refused as exc:
        result.problems.append((None, f"at {_where(exc.mark)}: {exc.message}"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        result.problems.append((None, f"YAML syntax error at {_where(mark)}: {exc.problem or exc.context}"))
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        result.problems.append((None, f"contains the control character U+{exc.character:04X} "
                                      f"at line {line}; remove it"))
    except yaml.YAMLError as exc:
        result.problems.append((None, f"YAML error: {exc}"))
    except RecursionError:      # belt and braces: MAX_DEPTH should always come first
        result.problems.append((None, "nested too deeply to read"))
    finally:
        if loader is not None:
            loader.dispose()
    return result


def _where(mark) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else "an unknown line"


def _duplicate_keys(node: Node, path: str):
    """(field, message) for every key that appears twice in one mapping."""
    if isinstance(node, MappingNode):
        seen: dict[Any, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            child = f"{path}.{key}" if path else str(key)
            if key is not None and key in seen:
                first = seen[key].start_mark.line + 1
                yield (child, f"appears twice (lines {first} and {key_node.start_mark.line + 1}); "
                              "the second would silently replace the first: merge them")
            elif key is not None:
                seen[key] = key_node
            yield from _duplicate_keys(value_node, child)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, f"{path}[{index}]")


# path -> (bytes, value) for safe_load_file
_loaded: dict[Path, tuple[bytes, Any]] = {}


def safe_load_file(path: Path) -> Any:
    """``yaml.safe_load`` of a file's text, cached by its bytes like read_yaml.
    Raises what reading and safe_load raise (OSError, UnicodeDecodeError,
    yaml.YAMLError); the caller gets its own copy of the value."""
    raw = Path(path).read_bytes()
    key = Path(path).resolve()
    cached = _loaded.get(key)
    if cached is None or cached[0] != raw:
        cached = (raw, yaml.safe_load(raw.decode("utf-8")))
        _loaded[key] = cached
    return copy.deepcopy(cached[1])
