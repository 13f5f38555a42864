"""Sample files for the calculators that read a table or a column of answers.

Generated at build time into each language tree (assets/samples/), so a
reader can download one, see the shape the calculator expects, and fill it
in. The Chinese sample uses the Chinese headers the engine accepts (账户,
期初MRR, 期末MRR). Both accounts samples start with a UTF-8 byte-order mark, which is what
makes Excel open a UTF-8 CSV with its Chinese text intact.
The accounts are invented; between them they show every kind of row the
engine sorts (expansion, contraction, churn, unchanged, new).
"""
from __future__ import annotations

from dataclasses import dataclass

SAMPLE_DIR = "assets/samples/"
_BOM = "\ufeff"


@dataclass(frozen=True)
class Sample:
    formula: str
    filename: str
    content: str

    @property
    def path(self) -> str:
        """Where the file lives, relative to the language root."""
        return SAMPLE_DIR + self.filename


_ACCOUNT_ROWS = (
    # (zh name, en name, start, end)
    ("华东物流", "Harbor Logistics", 12000, 13500),
    ("青禾教育", "Bluebell Learning", 8000, 8000),
    ("远帆制造", "Northwind Tools", 15000, 11000),
    ("星河零售", "Cedar Retail", 6000, 0),
    ("云栈科技", "Stackline Labs", 9000, 10800),
    ("锦程旅行", "Meridian Travel", 4000, 3200),
    ("拾光影像", "Lumen Studio", 0, 2500),
)
_SCORES = (10, 9, 8, 10, 6, 7, 9, 3, 10, 8, 9, 5, 10, 9, 7, 0, 9, 10, 8, 6)


def _accounts(lang: str) -> str:
    header = "账户,期初MRR,期末MRR" if lang == "zh" else "account,start_mrr,end_mrr"
    rows = [f"{zh if lang == 'zh' else en},{start},{end}" for zh, en, start, end in _ACCOUNT_ROWS]
    return _BOM + "\r\n".join([header, *rows]) + "\r\n"


def _scores(lang: str) -> str:
    # One answer per line and nothing else: the engine reads a bare column
    # (no header, no byte-order mark), the same in both languages.
    return "\r\n".join(map(str, _SCORES)) + "\r\n"


def samples(lang: str) -> dict[str, Sample]:
    """This language's sample files, by formula id."""
    return {
        "retention_from_accounts": Sample("retention_from_accounts", f"accounts-sample-{lang}.csv", _accounts(lang)),
        "nps_from_scores": Sample("nps_from_scores", f"nps-scores-sample-{lang}.csv", _scores(lang)),
    }
