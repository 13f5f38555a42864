"""retention_from_accounts: NRR and GRR from a pasted table, one row per account.

The table is what people have: a spreadsheet pasted as text (tab-separated),
a CSV saved by Excel (perhaps with a byte-order mark, perhaps with ";" as
the separator where the comma is the decimal mark), Chinese or English
headers, quoted names, thousands separators. Or, from code, a list of
[account, start, end] rows.

Every problem names the row, counted as a spreadsheet counts it (the header
is row 1), and the column by the header the reader wrote. The sums are exact
(ints and Fractions), so a 100,000-row table gives the same NRR as its
hand-summed totals.
"""
from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from . import errors, parsing
from .errors import InputError
from .formulas import MINUS, Context, _formula
from .model import Input, Text

MAX_ROWS = 100_000
# Generous for three columns and a few extra ones; anything longer is refused
# before it is read.
MAX_TABLE_CHARS = 256 * MAX_ROWS
# csv's own default (128 KiB) is also its hard limit for one field.
_MAX_FIELD = 1000
_MAX_COLUMNS = 100

# Header spellings, compared after NFKC, lower-casing and dropping spaces,
# underscores and hyphens ("Start MRR", "start_mrr", "期初 MRR" all match).
_HEADERS: dict[str, tuple[str, ...]] = {
    "account": ("account", "accountid", "accountname", "customer", "customerid", "账户", "账户名称", "账户名",
                "客户", "客户名称"),
    "start_mrr": ("startmrr", "mrrstart", "期初mrr"),
    "end_mrr": ("endmrr", "mrrend", "期末mrr"),
}
_COLUMN_WORDS = {"account": ("account", "账户"), "start_mrr": ("start_mrr", "期初MRR"), "end_mrr": ("end_mrr", "期末MRR")}
_HEADER_NOISE = re.compile(r"[\s_\-]+")

# Amounts are kept as exact integers in units of 10**-12, so 200,000 cells
# add up as ints rather than as Fractions (a gcd per addition); a rare amount
# finer than that stays a Fraction, still exact.
_DECIMALS = 12
SCALE = 10**_DECIMALS
_PLAIN_AMOUNT = re.compile(r"([0-9]{1,15})(?:\.([0-9]{1,12}))?")
# With ";" as the separator the comma is the decimal mark and dots group
# thousands, as Excel writes in those locales: "1.234,5" is 1234.5.
_DECIMAL_COMMA = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+,[0-9]+")


class Account(NamedTuple):
    """One row of the table. A NamedTuple, not a frozen dataclass: 100,000 of
    them are built per table, and a frozen dataclass's __init__ costs twice as much."""

    row: int
    name: str
    start: Fraction | int    # in units of 10**-12 (see SCALE)
    end: Fraction | int


def _key(header: Any) -> str:
    text = unicodedata.normalize("NFKC", str(header)).strip().lower()
    return _HEADER_NOISE.sub("", text)


_LOOKUP = {spelling: column for column, spellings in _HEADERS.items() for spelling in spellings}


def _table_error(en: str, zh: str) -> InputError:
    return InputError("accounts", en, zh)


def _row_error(row: int, en: str, zh: str) -> InputError:
    return _table_error(f"Row {row}: {en}", f"第 {row} 行：{zh}")


# --- reading text -----------------------------------------------------------------

def _delimiter(header_line: str) -> str:
    if "\t" in header_line:
        return "\t"
    if header_line.count(";") > header_line.count(","):
        return ";"
    return ","


def _first_line(text: str) -> str:
    """The first non-blank line, found without splitting the whole text."""
    position = 0
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if text[position:end].strip():
            return text[position:end]
        position = end + 1
    return ""


def _records(text: str, delimiter: str) -> Iterator[tuple[int, Sequence[Any]]]:
    """(row number, fields) for every non-blank record of a CSV or TSV text."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    row = 0
    try:
        for fields in reader:
            row += 1
            if any(field.strip() for field in fields):
                yield row, fields
    except csv.Error:
        # csv reports the physical line; the record it was reading is the next one.
        raise _row_error(row + 1, "a quoted field is not closed, or a field is far too long.",
                         "有引号未闭合，或某个字段过长。") from None


def _rows(raw: list | tuple) -> Iterator[tuple[int, Sequence[Any]]]:
    """(row number, fields) for every non-blank row of a list of rows."""
    for row, fields in enumerate(raw, 1):
        if not isinstance(fields, (list, tuple)):
            raise _row_error(row, f"each row must list an account, its start MRR and its end MRR; "
                                  f"got \u201c{errors._shown(fields)}\u201d.",
                             f"每一行须依次写明账户、期初 MRR 和期末 MRR，收到的是\u201c{errors._shown(fields)}\u201d。")
        if len(fields) > _MAX_COLUMNS:
            raise _row_error(row, f"it has {len(fields):,} fields; a row may have at most {_MAX_COLUMNS}.",
                             f"共有 {len(fields):,} 个字段，每行最多 {_MAX_COLUMNS} 个。")
        if any(not parsing.is_blank(field) for field in fields):
            yield row, fields


def _too_many() -> InputError:
    return _table_error(f"The table can hold at most {MAX_ROWS:,} accounts.",
                        f"表中最多只能有 {MAX_ROWS:,} 个账户。")


# --- columns and cells --------------------------------------------------------------

def _columns(row: int, header: Sequence[Any]) -> dict[str, tuple[int, str]]:
    """Where each needed column is, and how the reader spelled its header."""
    found: dict[str, tuple[int, str]] = {}
    for index, cell in enumerate(header):
        if not isinstance(cell, str):
            continue
        column = _LOOKUP.get(_key(cell))
        if column and column not in found:
            found[column] = (index, cell.strip())
    missing = [column for column in _HEADERS if column not in found]
    if missing:
        en_names = ", ".join(f"\u201c{_COLUMN_WORDS[c][0]}\u201d" for c in missing)
        zh_names = "、".join(f"\u201c{_COLUMN_WORDS[c][1]}\u201d" for c in missing)
        raise _table_error(
            f"The table has no {en_names} {'column' if len(missing) == 1 else 'columns'}: its first row must "
            f"name the columns account, start_mrr and "
            f"end_mrr (the Chinese headers work too); row {row} reads \u201c{errors._shown(list(header))}\u201d.",
            f"表中缺少{zh_names}列：第一行须为列名 account、start_mrr、end_mrr（或 账户、期初MRR、期末MRR），"
            f"第 {row} 行却是\u201c{errors._shown(list(header))}\u201d。",
        )
    return found


def _amount(row: int, header: str, cell: Any, decimal_comma: bool) -> Fraction | int:
    if isinstance(cell, str):
        text = cell.strip()
        if decimal_comma and _DECIMAL_COMMA.fullmatch(text):
            text = cell = text.replace(".", "").replace(",", ".")
        match = _PLAIN_AMOUNT.fullmatch(text)
        if match:   # the common case, read without the general parser
            whole, fraction = match.groups()
            return int(whole + (fraction or "").ljust(_DECIMALS, "0"))
    if parsing.is_blank(cell):
        raise _row_error(row, f"{header} is empty; enter 0 if the account had no MRR.",
                         f"「{header}」为空；如果该账户没有 MRR，请填写 0。")
    # Anything else goes through the general parser, labelled with the
    # reader's own header: "Row 3: start_mrr must be a number; got “abc”."
    column = Input(name="accounts", kind="money", label=Text(header, header), help=Text("", ""))
    try:
        value = parsing.parse(column, cell) * SCALE
    except InputError as error:
        raise _row_error(row, error.messages["en"], error.messages["zh"]) from None
    return int(value) if value.denominator == 1 else value


def _name(row: int, header: str, cell: Any) -> str:
    if isinstance(cell, bool) or not isinstance(cell, (str, int)):
        raise _row_error(row, f"{header} must be an account name or id; got \u201c{errors._shown(cell)}\u201d.",
                         f"「{header}」必须是账户名称或编号，收到的是\u201c{errors._shown(cell)}\u201d。")
    name = str(cell).strip() if isinstance(cell, str) else str(cell)
    if not name:
        raise _row_error(row, f"{header} is empty; every row needs an account.",
                         f"「{header}」为空；每一行都需要写明账户。")
    if len(name) > _MAX_FIELD:
        raise _row_error(row, f"the account name is longer than {_MAX_FIELD:,} characters.",
                         f"账户名称超过了 {_MAX_FIELD:,} 个字符。")
    return name


def read_table(raw: Any) -> list[Account]:
    """The accounts of a pasted table or a list of rows; InputError naming the row otherwise.

    The size is checked before anything is read and the header before any
    row, so a hostile paste fails at once; a table whose first problem is in
    its last row is read up to that row (under 1 s at the 100,000-row cap).
    """
    decimal_comma = False
    if isinstance(raw, str):
        text = raw[1:] if raw.startswith("\ufeff") else raw
        if len(text) > MAX_TABLE_CHARS or text.count("\n") > MAX_ROWS + MAX_ROWS // 10 + 10:
            raise _too_many()
        delimiter = _delimiter(_first_line(text))
        decimal_comma = delimiter == ";"
        records = _records(text, delimiter)
    elif isinstance(raw, (list, tuple)):
        if len(raw) > MAX_ROWS + 1:
            raise _too_many()
        records = _rows(raw)
    else:
        raise _table_error(
            f"The accounts table must be text (CSV or tab-separated) or a list of rows; got \u201c{errors._shown(raw)}\u201d.",
            f"账户明细表必须是文本（CSV 或制表符分隔）或由多行组成的列表，收到的是\u201c{errors._shown(raw)}\u201d。")
    first = next(records, None)
    if first is None:
        raise _table_error("The accounts table is empty.", "账户明细表为空。")
    header_row, header = first
    if len(header) > _MAX_COLUMNS:
        raise _row_error(header_row, f"it has {len(header):,} fields; a row may have at most {_MAX_COLUMNS}.",
                         f"共有 {len(header):,} 个字段，每行最多 {_MAX_COLUMNS} 个。")
    pending: list[tuple[int, Sequence[Any]]] = []
    if not isinstance(raw, str) and not any(isinstance(cell, str) and _key(cell) in _LOOKUP for cell in header):
        # A list of rows may come without a header: then the columns are in the contract's order.
        pending.append(first)
        header_row, header = 0, list(_HEADERS)
    columns = _columns(header_row, header)
    (a_index, a_name), (s_index, s_name), (e_index, e_name) = (columns[c] for c in _HEADERS)
    width = max(a_index, s_index, e_index) + 1
    seen: dict[str, int] = {}
    accounts: list[Account] = []
    for row, fields in itertools.chain(pending, records):
        if len(accounts) == MAX_ROWS:
            raise _too_many()
        if len(fields) < width:
            raise _row_error(row, f"it has {len(fields)} fields, but the header needs {width}.",
                             f"只有 {len(fields)} 个字段，而表头需要 {width} 个。")
        if len(fields) > len(header) and any(not parsing.is_blank(field) for field in fields[len(header):]):
            # "A,1,000,1,200": an unquoted thousands separator splits a number in two.
            raise _row_error(
                row,
                f"it has {len(fields)} fields, but the header has {len(header)}; in a comma-separated table, "
                f"write numbers without thousands separators or in quotes (\"1,000\").",
                f"有 {len(fields)} 个字段，而表头只有 {len(header)} 个；逗号分隔的表格中，数字请不要加千位分隔符，"
                f"或用引号括起来（\"1,000\"）。")
        name = _name(row, a_name, fields[a_index])
        if name in seen:
            raise _row_error(row, f"account \u201c{errors._shown(name)}\u201d already appears in row {seen[name]}.",
                             f"账户\u201c{errors._shown(name)}\u201d已在第 {seen[name]} 行出现过。")
        seen[name] = row
        accounts.append(Account(row, name, _amount(row, s_name, fields[s_index], decimal_comma),
                                _amount(row, e_name, fields[e_index], decimal_comma)))
    if not accounts:
        raise _table_error("The accounts table has a header but no accounts.", "账户明细表只有表头，没有账户。")
    return accounts


# --- the formula ----------------------------------------------------------------------

@_formula("retention_from_accounts")
def _retention_from_accounts(c: Context) -> Fraction:
    accounts = read_table(c["accounts"])
    start = end = expansion = contraction = churned = new = 0
    expanded = contracted = lost = unchanged = added = 0
    for account in accounts:
        s, e = account.start, account.end
        if s == 0:
            # New in the period: NRR leaves them out, the breakdown shows them.
            if e > 0:
                added += 1
                new += e
            continue
        start += s
        end += e
        if e > s:
            expanded += 1
            expansion += e - s
        elif e == 0:
            lost += 1
            churned += s
        elif e < s:
            contracted += 1
            contraction += s - e
        else:
            unchanged += 1
    if start == 0:
        raise _table_error(
            "No account in the table has a starting MRR above 0, so there is no revenue to retain.",
            "表中没有期初 MRR 大于 0 的账户，因此没有可留存的收入。")
    kept = start - contraction - churned
    money = {key: Fraction(value) / SCALE for key, value in
             (("s", start), ("e", expansion), ("c", contraction), ("g", churned), ("k", end))}
    c.step("({s} + {e} " + MINUS + " {c} " + MINUS + " {g}) ÷ {s} × 100", **{k: money[k] for k in "secg"})
    c.step("{k} ÷ {s} × 100", k=money["k"], s=money["s"])
    grr = Fraction(kept) * 100 / start
    c.detail("grr", grr, "percent", "GRR", "GRR")
    c.detail("start_mrr", Fraction(start) / SCALE, "money", "Starting MRR", "期初 MRR")
    c.detail("expansion", Fraction(expansion) / SCALE, "money", "Expansion", "扩展")
    c.detail("contraction", Fraction(contraction) / SCALE, "money", "Contraction", "收缩")
    c.detail("churned", Fraction(churned) / SCALE, "money", "Churned", "流失")
    c.detail("end_mrr", Fraction(end) / SCALE, "money", "Ending MRR of those accounts", "这些账户的期末 MRR")
    c.detail("new", Fraction(new) / SCALE, "money", "New accounts' MRR (not in NRR)", "新账户 MRR（不计入 NRR）")
    c.detail("accounts", len(accounts), "count", "Accounts in the table", "表中账户数")
    c.detail("expanded_accounts", expanded, "count", "Accounts that expanded", "扩展的账户")
    c.detail("contracted_accounts", contracted, "count", "Accounts that contracted", "收缩的账户")
    c.detail("churned_accounts", lost, "count", "Accounts that churned", "流失的账户")
    c.detail("unchanged_accounts", unchanged, "count", "Accounts unchanged", "未变化的账户")
    c.detail("new_accounts", added, "count", "New accounts", "新账户")
    return Fraction(end) * 100 / start
