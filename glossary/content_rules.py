"""Editorial rules every term must meet, checked on the loaded model
(issue 15): true abbreviations only, example sentences, metric depth,
tooltip-length summaries, US spelling and Chinese Latin-CJK spacing.

Each problem names the file and field, like every other loader problem.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from .checks import text_fields
from .cjk_spacing import spacing_problems
from .fields import Problems
from .model import LANGUAGES, Category, Term
from .spelling import british_forms

MAX_SUMMARY_WORDS = 25        # en tooltip
MAX_SUMMARY_CHARS = 50        # zh tooltip, counting every character but spaces


def check_content(terms: dict[str, Term], categories: dict[str, Category],
                  categories_file: Path, problems: Problems, *,
                  seed_ids: Collection[str] = (), formula_ids: Collection[str] | None = None) -> None:
    internal = _internal_words(seed_ids, formula_ids or ())
    for term in terms.values():
        path = term.source_file
        _check_abbreviation(path, term, problems)
        _check_internal_words(path, term, internal, problems)
        for lang in LANGUAGES:
            entry = term.lang(lang)
            if not entry.examples:
                problems.add(path, f"{lang}.examples", "required: one or two sentences as people "
                             "say the term in meetings, written in this language (not a translation)")
            if term.is_metric and entry.depth is None:
                problems.add(path, f"{lang}.why_it_matters", "required for a metric: why_it_matters, "
                             "how_to_improve, owner and mistakes")
        _check_summaries(path, term, problems)
        _check_spelling(path, term, problems)
        _check_spacing(path, term, problems)
    for category in categories.values():
        for british, us in british_forms(category.name("en")):
            problems.add(categories_file, f"{category.id}.en", f"US spelling: '{british}' → '{us}'")


# ---------------------------------------------------------------------------
# Abbreviations
# ---------------------------------------------------------------------------

def is_abbreviation(text: str) -> bool:
    """At least 2 capital Latin letters, at most 2 words, no word of 5+ letters
    unless it is all capitals (a plural s aside): NRR, SaaS, CS Ops, LTV:CAC,
    OKRs, VoC, ARPPU and MEDDIC are; Onboarding, Churn, High-Touch, Health
    Score and Lifecycle Stages are not."""
    capitals = sum(1 for ch in text if "A" <= ch <= "Z")
    words = text.split()
    letter_runs = re.findall(r"[A-Za-z]+", text)
    return capitals >= 2 and len(words) <= 2 and all(
        len(run) < 5 or run.removesuffix("s").isupper() for run in letter_runs)


def _check_abbreviation(path, term: Term, problems) -> None:
    if term.abbr and not is_abbreviation(term.abbr):
        problems.add(path, "abbr", f"'{term.abbr}' is not an abbreviation (2+ capitals, at most 2 words, "
                     "no word of 5+ letters unless all capitals); move it to en.short_name")


# ---------------------------------------------------------------------------
# Words readers must never see
# ---------------------------------------------------------------------------

def _internal_words(seed_ids, formula_ids) -> list[tuple[re.Pattern, str]]:
    """Readers know the source articles by name and the formulas by what they
    compute: our internal article ids ("004 给出的"), the word for them, and
    formula ids such as `ltv_churn` mean nothing to them."""
    rules = [(re.compile(r"\bseeds?\b(?=\s*(?:article\s*)?\d)|\bseed articles?\b", re.IGNORECASE),
              "name the source article as readers know it (seeds.yml `short`), not as a seed"),
             (re.compile(r"种子\s*(?:文章|来源|\d)"), "用文章名称（seeds.yml 的 short）称呼来源，不要说“种子” "
              "(name the article, not the seed)")]
    if seed_ids:
        ids = "|".join(re.escape(s) for s in sorted(seed_ids))
        rules.append((re.compile(rf"(?<![\d.,:])(?:{ids})(?![\d%.,:])"),
                      "a source article's id; name the article as readers know it (seeds.yml `short`)"))
    internal_formulas = sorted(f for f in formula_ids if "_" in f)
    if internal_formulas:
        rules.append((re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, internal_formulas)) + r")(?!\w)"),
                      "a formula id; name the variant in words (the margin-adjusted LTV)"))
    return rules


def _check_internal_words(path, term: Term, rules, problems) -> None:
    for field, text in text_fields(term):
        for pattern, advice in rules:
            match = pattern.search(text)
            if match:
                problems.add(path, field, f"'{match.group()}': {advice}")


# ---------------------------------------------------------------------------
# Summaries, spelling, spacing
# ---------------------------------------------------------------------------

def _check_summaries(path, term: Term, problems) -> None:
    words = len(term.en.summary.split())
    if words > MAX_SUMMARY_WORDS:
        problems.add(path, "en.summary", f"{words} words; a tooltip takes at most {MAX_SUMMARY_WORDS}")
    chars = len(re.sub(r"\s", "", term.zh.summary))
    if chars > MAX_SUMMARY_CHARS:
        problems.add(path, "zh.summary", f"{chars} 个字符；提示框最多 {MAX_SUMMARY_CHARS} 个字符 "
                     f"({chars} characters; a tooltip takes at most {MAX_SUMMARY_CHARS})")
    if "本站" in term.zh.summary:
        problems.add(path, "zh.summary", "提示框里不写“本站…”：说明放在定义里 "
                     "(no “本站…” in a tooltip; say it in the definition)")


def _english_texts(term: Term):
    """Every English text a reader sees, except forms recorded as people
    write them (aliases, forms to avoid) and titles as published."""
    entry = term.en
    yield "en.name", entry.name
    if entry.full_name != entry.name:
        yield "en.full_name", entry.full_name
    if entry.short_name:
        yield "en.short_name", entry.short_name
    if entry.pronunciation:
        yield "en.pronunciation", entry.pronunciation
    for field, text in text_fields(term):
        if field.startswith("en.") or field.endswith(".en"):
            yield field, text


def _check_spelling(path, term: Term, problems) -> None:
    for field, text in _english_texts(term):
        for british, us in british_forms(text):
            problems.add(path, field, f"US spelling: '{british}' → '{us}'")


def _check_spacing(path, term: Term, problems) -> None:
    entry = term.zh
    names = [("zh.name", entry.name)]
    if entry.full_name != entry.name:
        names.append(("zh.full_name", entry.full_name))
    if entry.short_name:
        names.append(("zh.short_name", entry.short_name))
    names += [(f"zh.aliases[{i}]", alias) for i, alias in enumerate(entry.aliases)]
    for field, text in names:
        for problem in spacing_problems(text):
            problems.add(path, field, f"Latin and Chinese take one space between them: {problem}")
