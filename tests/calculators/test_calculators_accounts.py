"""retention_from_accounts: the tables people paste, and errors that name the row and column."""
from __future__ import annotations

import time

import pytest

from calculators import InputError, compute
from calculators.accounts import MAX_ROWS

EXAMPLE = "account,start_mrr,end_mrr\nA,1000,1200\nB,2000,1500\nC,500,0\nD,1500,1500\nE,0,800\n"

# Each spelling of the contract's example table must give NRR 84 and GRR 80.
SPELLINGS = {
    "csv": EXAMPLE,
    "crlf": EXAMPLE.replace("\n", "\r\n"),
    "bom": "\ufeff" + EXAMPLE,
    "tsv (pasted from a spreadsheet)": EXAMPLE.replace(",", "\t"),
    "semicolons": EXAMPLE.replace(",", ";"),
    "semicolons with decimal commas": "account;start_mrr;end_mrr\nA;1.000,00;1.200\nB;2000,0;1500\nC;500;0\nD;1.500;1500\nE;0;800\n",
    "quoted fields": '"account","start_mrr","end_mrr"\n"A, Inc.","1,000","1,200"\nB,2000,1500\n"C ""the third""",500,0\nD,1500,1500\nE,0,800\n',
    "chinese headers": EXAMPLE.replace("account,start_mrr,end_mrr", "账户,期初MRR,期末MRR"),
    "chinese headers with spaces and extra column": EXAMPLE.replace("account,start_mrr,end_mrr", "备注,账户,期初 MRR,期末 MRR").replace("\nA", "\nx,A").replace("\nB", "\nx,B").replace("\nC", "\nx,C").replace("\nD", "\nx,D").replace("\nE", "\nx,E"),
    "columns in another order": "end_mrr,account,start_mrr\n1200,A,1000\n1500,B,2000\n0,C,500\n1500,D,1500\n800,E,0\n",
    "trailing empty fields": EXAMPLE.replace("\n", ",,\n"),
    "currency and blank lines": "\n\naccount,start_mrr,end_mrr\nA,$1000,$1200\n\nB,¥2000,¥1500\nC,500,0\nD,1500,1500\nE,0,800\n\n",
    "full-width digits": EXAMPLE.replace("1000", "１０００"),
    "list of rows": [["A", 1000, 1200], ["B", 2000, 1500], ["C", 500, 0], ["D", 1500, 1500], ["E", 0, 800]],
    "list of rows with header": [["account", "start_mrr", "end_mrr"], ["A", "1,000", 1200], ["B", 2000, 1500],
                                 ["C", 500, 0], ["D", 1500, 1500], ["E", 0, 800]],
}


@pytest.mark.parametrize("table", list(SPELLINGS.values()), ids=list(SPELLINGS))
def test_every_spelling_of_the_example(table):
    result = compute("retention_from_accounts", accounts=table)
    assert result.value == 84.0
    assert result.detail("grr") == 80.0
    assert result.detail_values == {
        "grr": 80.0, "start_mrr": 5000.0, "expansion": 200.0, "contraction": 500.0, "churned": 500.0,
        "end_mrr": 4200.0, "new": 800.0, "accounts": 5.0, "expanded_accounts": 1.0, "contracted_accounts": 1.0,
        "churned_accounts": 1.0, "unchanged_accounts": 1.0, "new_accounts": 1.0,
    }


def test_waterfall_adds_up_and_details_are_labelled():
    result = compute("retention_from_accounts", accounts=EXAMPLE)
    d = result.detail_values
    assert d["start_mrr"] + d["expansion"] - d["contraction"] - d["churned"] == d["end_mrr"]
    for detail in result.details:
        assert detail.label.en and detail.label.zh and detail.label.en != detail.label.zh or detail.name == "grr"


# (case, table, expected en message, expected zh message)
ERRORS = [
    ("not a number", "account,start_mrr,end_mrr\nA,1,1\nB,2,abc\n",
     "Row 3: end_mrr must be a number; got “abc”.", "第 3 行：「end_mrr」必须是数字，收到的是“abc”。"),
    ("negative", "账户,期初MRR,期末MRR\nA,-5,1\n",
     "Row 2: 期初MRR cannot be negative.", "第 2 行：「期初MRR」不能为负数。"),
    ("duplicate", "account,start_mrr,end_mrr\nA,1,1\nB,1,1\nA,2,2\n",
     "Row 4: account “A” already appears in row 2.", "第 4 行：账户“A”已在第 2 行出现过。"),
    ("empty cell", "account\tstart_mrr\tend_mrr\nA\t\t5\n",
     "Row 2: start_mrr is empty; enter 0 if the account had no MRR.", "第 2 行：「start_mrr」为空；如果该账户没有 MRR，请填写 0。"),
    ("short row", "account,start_mrr,end_mrr\nA,1\n",
     "Row 2: it has 2 fields, but the header needs 3.", "第 2 行：只有 2 个字段，而表头需要 3 个。"),
    ("unquoted thousands", "account,start_mrr,end_mrr\nA,1,000,1,200\n",
     "Row 2: it has 5 fields, but the header has 3; in a comma-separated table, write numbers without thousands "
     "separators or in quotes (\"1,000\").",
     "第 2 行：有 5 个字段，而表头只有 3 个；逗号分隔的表格中，数字请不要加千位分隔符，或用引号括起来（\"1,000\"）。"),
    ("no account", "account,start_mrr,end_mrr\n,1,1\n",
     "Row 2: account is empty; every row needs an account.", "第 2 行：「account」为空；每一行都需要写明账户。"),
    ("superscript", "account,start_mrr,end_mrr\nA,10²,1\n",
     "Row 2: start_mrr must be a plain number written with the digits 0–9; “10²” has other characters in it.",
     "第 2 行：「start_mrr」必须是用数字 0–9 写成的普通数字，“10²”中含有其他字符。"),
    ("only new accounts", "account,start_mrr,end_mrr\nA,0,5\n",
     "No account in the table has a starting MRR above 0, so there is no revenue to retain.",
     "表中没有期初 MRR 大于 0 的账户，因此没有可留存的收入。"),
    ("missing column", "account,start_mrr\nA,1\n",
     "The table has no “end_mrr” column: its first row must name the columns account, start_mrr and end_mrr "
     "(the Chinese headers work too); row 1 reads “account, start_mrr”.",
     "表中缺少“期末MRR”列：第一行须为列名 account、start_mrr、end_mrr（或 账户、期初MRR、期末MRR），"
     "第 1 行却是“account, start_mrr”。"),
]


@pytest.mark.parametrize(("table", "en", "zh"), [row[1:] for row in ERRORS], ids=[row[0] for row in ERRORS])
def test_errors_name_row_and_column(table, en, zh):
    with pytest.raises(InputError) as caught:
        compute("retention_from_accounts", accounts=table)
    assert caught.value.field == "accounts"
    assert caught.value.messages == {"en": en, "zh": zh}


def test_row_cap_is_checked_before_reading():
    rows = "account,start_mrr,end_mrr\n" + "".join(f"a{i},1,1\n" for i in range(2 * MAX_ROWS))
    start = time.process_time()
    with pytest.raises(InputError, match="at most 100,000 accounts"):
        compute("retention_from_accounts", accounts=rows)
    assert time.process_time() - start < 0.05 * 3


def test_exactly_the_cap_computes():
    rows = "account,start_mrr,end_mrr\n" + "".join(f"a{i},100,{100 + i % 3 - 1}\n" for i in range(MAX_ROWS))
    result = compute("retention_from_accounts", accounts=rows)
    assert result.detail("accounts") == MAX_ROWS
    # ends cycle 99, 100, 101: one more 99 than 101 in 100,000 rows
    assert result.value == pytest.approx((100 * MAX_ROWS - 1) / MAX_ROWS, rel=1e-12)
