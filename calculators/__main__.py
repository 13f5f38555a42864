"""Command line: python -m calculators nrr start_mrr=100000 expansion_mrr=15000 ...

Prints {"formula", "value", "unit"} as JSON on stdout and exits 0 (with
"details" when the result has any); on bad input prints the error in
English and Chinese on stderr and exits 2. If nobody can read the result
(stdout closed, the pipe gone) it exits 1, quietly.

    python -m calculators solve nrr target=110 unknown=expansion_mrr start_mrr=100000 ...
        prints {"formula", "unknown", "value", "unit", "result"}.
    name=@path reads the value from a file (accounts=@data.csv); "-" is stdin.
"""
from __future__ import annotations

import json
import os
import sys

from . import errors
from .catalog import FORMULAS
from .engine import compute
from .errors import InputError
from .solver import solve

USAGE = """usage: python -m calculators FORMULA name=value [name=value ...]
       python -m calculators solve FORMULA target=VALUE unknown=NAME name=value [...]
       python -m calculators --list

Lists are comma-separated (fees=100,200); dates are YYYY-MM-DD; name=@file
reads a value from a file (accounts=@accounts.csv), name=@- from stdin.
Examples:
  python -m calculators nrr start_mrr=100000 expansion_mrr=15000 contraction_mrr=2000 churned_mrr=3000
  python -m calculators solve nrr target=110 unknown=expansion_mrr start_mrr=100000 contraction_mrr=2000 churned_mrr=3000
  python -m calculators retention_from_accounts accounts=@accounts.csv
"""

# A table of 100,000 accounts is a few MB; nothing honest is larger.
MAX_FILE_BYTES = 32 * 1024 * 1024


# --- output that survives closed and broken streams -----------------------------
# `--list | head -c 10` closes the pipe early, `>&-` starts Python with no
# stdout at all (sys.stdout is None), `2>&-` with no stderr. None of these
# may print a traceback, and bad input must still exit 2.

def _silence(fd: int) -> None:
    """Point a dead descriptor at /dev/null so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def _write(stream_name: str, text: str) -> bool:
    """Write UTF-8 to stdout or stderr; False if the stream is closed or gone."""
    stream = getattr(sys, stream_name)
    if stream is None:
        return False
    try:
        # UTF-8 bytes directly: a C/POSIX locale must not turn the Chinese
        # line into a UnicodeEncodeError.
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            buffer.write(text.encode("utf-8", "backslashreplace"))
            buffer.flush()
        else:
            stream.write(text)
            stream.flush()
        return True
    except (OSError, ValueError):   # BrokenPipeError, EBADF, or a closed file object
        try:
            _silence(stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        setattr(sys, stream_name, None)
        return False


def _out(text: str) -> int:
    """Print a result; exit 0, or 1 when nobody can read it (the pipe was closed)."""
    return 0 if _write("stdout", text) else 1


def _write_error(error: InputError) -> None:
    _write("stderr", f"{error.messages['en']}\n{error.messages['zh']}\n")


def _parse_args(pairs: list[str]) -> dict[str, str]:
    inputs: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise errors.bad_request(
                f"Arguments must look like name=value; got \u201c{pair}\u201d.",
                f"参数必须写成 名称=数值 的形式，收到的是\u201c{pair}\u201d。",
            )
        if name in inputs:
            raise InputError(
                name,
                f"The input \u201c{name}\u201d was given more than once.",
                f"输入项\u201c{name}\u201d重复出现了。",
            )
        inputs[name] = _read_file(name, value[1:]) if value.startswith("@") else value
    return inputs


_FILE_ERRORS = {
    FileNotFoundError: ("there is no such file", "文件不存在"),
    PermissionError: ("permission denied", "没有读取权限"),
    IsADirectoryError: ("it is a folder, not a file", "这是文件夹，不是文件"),
}


def _read_file(name: str, path: str) -> str:
    """The text of a file argument: UTF-8 (with or without BOM), else GB18030 as Chinese Excel saves CSV."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1) if sys.stdin is not None else b""
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        en, zh = _FILE_ERRORS.get(type(error), (error.strerror or type(error).__name__, "无法打开"))
        raise InputError(name, f"Could not read the file \u201c{path}\u201d for {name}: {en}.",
                         f"无法读取输入项 {name} 的文件\u201c{path}\u201d：{zh}。") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, f"The file \u201c{path}\u201d for {name} is larger than {MAX_FILE_BYTES // 2**20} MB.",
                         f"输入项 {name} 的文件\u201c{path}\u201d超过了 {MAX_FILE_BYTES // 2**20} MB。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(name, f"The file \u201c{path}\u201d for {name} is not text in UTF-8 or GB18030.",
                     f"输入项 {name} 的文件\u201c{path}\u201d不是 UTF-8 或 GB18030 编码的文本。")


def _result_json(result) -> str:
    data = {"formula": result.formula, "value": result.value, "unit": result.unit}
    if result.details:
        data["details"] = result.detail_values
    return json.dumps(data, ensure_ascii=False) + "\n"


def _solve(args: list[str]) -> int:
    if not args:
        _write("stderr", USAGE)
        return 2
    try:
        inputs = _parse_args(args[1:])
        if "target" not in inputs or "unknown" not in inputs:
            raise errors.bad_request(
                "solve needs target=VALUE and unknown=INPUT, e.g. target=110 unknown=expansion_mrr.",
                "solve 需要 target=数值 和 unknown=输入项，例如 target=110 unknown=expansion_mrr。",
            )
        target, unknown = inputs.pop("target"), inputs.pop("unknown")
        result = solve(args[0], target, unknown.strip(), **inputs)
    except InputError as error:
        _write_error(error)
        return 2
    data = {"formula": result.formula, "unknown": unknown.strip(), "value": result.value, "unit": result.unit,
            "result": result.detail("result")}
    return _out(json.dumps(data, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args and args[0] in ("-h", "--help"):
        return _out(USAGE)
    if args and args[0] == "--list":
        return _out("".join(f"{formula.id}: {' '.join(formula.input_names)}\n" for formula in FORMULAS.values()))
    if not args:
        _write("stderr", USAGE)
        return 2
    if args[0] == "solve":
        return _solve(args[1:])
    try:
        result = compute(args[0], **_parse_args(args[1:]))
    except InputError as error:
        _write_error(error)
        return 2
    return _out(_result_json(result))


if __name__ == "__main__":
    sys.exit(main())
