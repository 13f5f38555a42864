"""The sentences solve() explains itself with, in both languages.

Every unreachable target says why: the formula's own range ("NPS cannot
exceed 100"), the check the answer would break, or the range the other
inputs allow. Chinese gets one space between Chinese and Latin or digits.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from . import errors
from .errors import InputError
from .formatting import format_value
from .model import Formula, Input

NUMERIC_KINDS = ("money", "count", "number", "percent")

# The formula's own range, whatever the inputs: a target outside it is
# refused in those words before any search.
RESULT_RANGES: dict[str, tuple[float | None, float | None]] = {
    "nps": (-100, 100), "nps_from_scores": (-100, 100),
    "grr": (0, 100), "customer_retention_rate": (0, 100), "customer_churn_rate": (0, 100),
    "revenue_churn_rate": (0, 100), "logo_retention": (0, 100), "renewal_rate": (0, 100),
    "conversion_rate": (0, 100), "repeat_purchase_rate": (0, 100), "repeat_purchase_rate_customers": (0, 100),
    "upsell_rate": (0, 100), "cross_sell_rate": (0, 100), "referral_rate": (0, 100),
    "customer_concentration": (0, 100), "adoption_rate": (0, 100), "csat": (0, 100), "ces": (0, 100),
    "fcr": (0, 100), "stickiness": (0, 100), "churn_monthly_to_annual": (0, 100),
    "churn_annual_to_monthly": (0, 100), "nrr": (0, None), "net_revenue_churn": (None, 100),
    "user_net_growth_rate": (-100, None), "roi": (-100, None), "yoy_growth": (-100, None),
    "rule_of_40": (-200, 200), "dollar_renewal_rate": (0, None), "expansion_rate": (0, None),
    "nps_margin_of_error": (0, None), "csat_margin_of_error": (0, None),
}

# --- messages ------------------------------------------------------------------------

def _shown(value: Any, unit: str, lang: str) -> str:
    return format_value(float(value), unit, lang)


_CJK_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9−])|(?<=[A-Za-z0-9%])(?=[\u4e00-\u9fff])")


def spaced(error: InputError) -> InputError:
    """One space between Chinese and Latin or digits, as Chinese typesetting wants ("让 NPS 误差范围")."""
    return InputError(error.field, error.messages["en"], _CJK_LATIN.sub(" ", error.messages["zh"]))


def zh_gap(text: str) -> str:
    """One space between a Latin symbol and the Chinese that follows it ("NPS 不可能")."""
    return " " if text[-1:].isascii() and text[-1:].isalnum() else ""


def range_error(formula: Formula, target: Fraction) -> InputError | None:
    low, high = RESULT_RANGES.get(formula.id, (None, None))
    symbol = formula.symbol
    if high is not None and target > high:
        en = f"{symbol.en} cannot exceed {_shown(high, formula.unit, 'en')}."
        zh = f"{symbol.zh}{zh_gap(symbol.zh)}不可能超过 {_shown(high, formula.unit, 'zh')}。"
        return InputError("target", en, zh)
    if low is not None and target < low:
        if low == 0:
            return InputError("target", f"{symbol.en} cannot be negative.",
                              f"{symbol.zh}{zh_gap(symbol.zh)}不可能为负数。")
        return InputError("target", f"{symbol.en} cannot be below {_shown(low, formula.unit, 'en')}.",
                          f"{symbol.zh}{zh_gap(symbol.zh)}不可能低于 {_shown(low, formula.unit, 'zh')}。")
    return None


def out_of_range(formula: Formula, item: Input, target: Fraction, reachable: list[float]) -> InputError:
    symbol, label, unit = formula.symbol, item.label, formula.unit
    goal_en, goal_zh = _shown(target, unit, "en"), _shown(target, unit, "zh")
    if not reachable:
        return InputError(
            "target",
            f"No value of {errors.mid_en(label)} gives {symbol.en} {goal_en} with the other inputs as entered.",
            f"在其他输入不变的情况下，「{label.zh}」取任何值都无法使{symbol.zh}{zh_gap(symbol.zh)}达到 {goal_zh}。",
        )
    low, high = min(reachable), max(reachable)
    if low == high:
        return InputError(
            "target",
            f"With the other inputs as entered, {symbol.en} is {_shown(low, unit, 'en')} whatever "
            f"{errors.mid_en(label)} is, so it cannot be {goal_en}.",
            f"在其他输入不变的情况下，无论「{label.zh}」取何值，{symbol.zh}{zh_gap(symbol.zh)}都是 "
            f"{_shown(low, unit, 'zh')}，不可能达到 {goal_zh}。",
        )
    return InputError(
        "target",
        f"With the other inputs as entered, changing {errors.mid_en(label)} moves {symbol.en} only between "
        f"{_shown(low, unit, 'en')} and {_shown(high, unit, 'en')}, so it cannot reach {goal_en}.",
        f"在其他输入不变的情况下，调整「{label.zh}」只能让{symbol.zh}{zh_gap(symbol.zh)}在 "
        f"{_shown(low, unit, 'zh')} 到 {_shown(high, unit, 'zh')} 之间变化，无法达到 {goal_zh}。",
    )


def broken_check(formula: Formula, item: Input, target: Fraction, x: Fraction, error: InputError) -> InputError:
    symbol, goal = formula.symbol, target
    x_en = x_zh = errors.shown_number(x) + ("%" if item.kind == "percent" else "")
    return InputError(
        "target",
        f"{symbol.en} {_shown(goal, formula.unit, 'en')} is out of reach: {errors.mid_en(item.label)} would have "
        f"to be {x_en}, and {_lower_first(error.messages['en'])}",
        f"{symbol.zh}{zh_gap(symbol.zh)}无法达到 {_shown(goal, formula.unit, 'zh')}：「{item.label.zh}」需要为 "
        f"{x_zh}，而{error.messages['zh']}",
    )


def _lower_first(sentence: str) -> str:
    first = sentence.split(" ", 1)[0]
    # Keep acronyms and labels that start with one ("MRR", "NPS", "ARPA (monthly)").
    if len(first) > 1 and first[:2].isupper():
        return sentence
    return sentence[:1].lower() + sentence[1:]


# --- requests that do not fit ------------------------------------------------------------

def unknown_input(formula: Formula, unknown: Any) -> Input:
    solvable = [item.name for item in formula.inputs if item.kind in NUMERIC_KINDS]
    if not solvable:
        raise InputError(
            unknown if isinstance(unknown, str) else "unknown",
            f"The {formula.symbol.en} calculator has no single number to solve for: its inputs are lists, "
            f"dates, choices or a table.",
            f"{formula.symbol.zh}{zh_gap(formula.symbol.zh)}计算器没有可以反推的单个数值：它的输入是列表、日期、选项或表格。",
        )
    if not isinstance(unknown, str) or unknown not in solvable:
        field = unknown if isinstance(unknown, str) else "unknown"
        shown = formula.input(unknown).label.en if unknown in formula.input_names else errors._shown(unknown)
        raise InputError(
            field,
            f"The {formula.symbol.en} calculator cannot solve for \u201c{shown}\u201d; it can solve for "
            f"{', '.join(solvable)}.",
            f"{formula.symbol.zh}{zh_gap(formula.symbol.zh)}计算器无法反推\u201c{errors._shown(unknown)}\u201d，"
            f"可以反推的输入项有 {'、'.join(solvable)}。",
        )
    return formula.input(unknown)
