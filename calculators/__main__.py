"""Command line: python -m calculators nrr start_mrr=100000 expansion_mrr=15000 ...

Prints {"formula", "value", "unit"} as JSON on stdout and exits 0; on bad
input prints the error in English and Chinese on stderr and exits 2.
"""
from __future__ import annotations

import json
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


def _write_error(error: InputError) -> None:
    text = f"{error.messages['en']}\n{error.messages['zh']}\n"
    # Write UTF-8 bytes directly: a C/POSIX locale must not turn the Chinese
    # line into a UnicodeEncodeError.
    buffer = getattr(sys.stderr, "buffer", None)
    if buffer is not None:
        sys.stderr.flush()
        buffer.write(text.encode("utf-8", "backslashreplace"))
        buffer.flush()
    else:
        sys.stderr.write(text)


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
        sys.stdout.write(USAGE)
        return 0
    if args and args[0] == "--list":
        for formula in FORMULAS.values():
            sys.stdout.write(f"{formula.id}: {' '.join(formula.input_names)}\n")
        return 0
    if not args:
        sys.stderr.write(USAGE)
        return 2
    try:
        result = compute(args[0], **_parse_args(args[1:]))
    except InputError as error:
        _write_error(error)
        return 2
    sys.stdout.write(json.dumps({"formula": result.formula, "value": result.value, "unit": result.unit}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
