"""Command line: python -m calculators nrr start_mrr=100000 expansion_mrr=15000 ...

Prints {"formula", "value", "unit"} as JSON on stdout and exits 0; on bad
input prints the error in English and Chinese on stderr and exits 2.
"""
from __future__ import annotations

import json
import os
import sys

from . import errors
from .catalog import FORMULAS
from .engine import compute
from .errors import InputError

USAGE = """usage: python -m calculators FORMULA name=value [name=value ...]
       python -m calculators --list

Lists are comma-separated (fees=100,200); dates are YYYY-MM-DD.
Example: python -m calculators nrr start_mrr=100000 expansion_mrr=15000 contraction_mrr=2000 churned_mrr=3000
"""


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
        inputs[name] = value
    return inputs


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args and args[0] in ("-h", "--help"):
        return _out(USAGE)
    if args and args[0] == "--list":
        return _out("".join(f"{formula.id}: {' '.join(formula.input_names)}\n" for formula in FORMULAS.values()))
    if not args:
        _write("stderr", USAGE)
        return 2
    try:
        result = compute(args[0], **_parse_args(args[1:]))
    except InputError as error:
        _write_error(error)
        return 2
    return _out(json.dumps({"formula": result.formula, "value": result.value, "unit": result.unit}) + "\n")


if __name__ == "__main__":
    sys.exit(main())
