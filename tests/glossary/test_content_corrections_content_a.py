"""Issue 15: the corrections, names, categories and per-term depth of the
entries written by content writer A (activation … downsell, plus stickiness,
implementation, kickoff, cohort and land-and-expand) hold in the term files.

These read the YAML the site is built from, so every failure names the file
and field a writer would fix. They need neither the calculators nor the rest
of the glossary to load."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

GLOSSARY = Path(__file__).resolve().parents[2] / "glossary"
TERMS = GLOSSARY / "terms"

# The files this writer owns; each must hold up to the checks below.
OWNED = """
activation acv adoption advocacy aht ai api arpa arpu arr asv b2b b2c burn-multiple
cac-payback cac cco ceo ces cfo champion churn-analysis churn-rate churn clg
conversion-rate cpo crc crm cro cross-sell-rate cross-selling crr cs-middle-platform
cs-ops csat csm csp cto customer-concentration customer-experience customer-insights
customer-journey customer-lifecycle-management customer-maturity-model customer-outcome
customer-risk-management customer-satisfaction customer-segmentation
customer-success-management customer-success-standards customer-success-story
customer-success customer-support dau dollar-renewal-rate downsell
stickiness implementation kickoff cohort land-and-expand
""".split()


def term(term_id: str) -> dict:
    return yaml.safe_load((TERMS / f"{term_id}.yml").read_text(encoding="utf-8"))


def prose(data: dict, lang: str) -> str:
    """Every reader-facing text of one language in a term file."""
    entry = data[lang]
    parts = [entry["summary"], entry["definition"], *entry.get("examples", []),
             entry.get("why_it_matters", ""), entry.get("how_to_improve", ""),
             entry.get("owner", ""), *entry.get("mistakes", []),
             *(a["reason"] for a in entry.get("avoid", []))]
    parts.append((data.get("disagreement") or {}).get(lang, ""))
    return "\n".join(parts)


def is_metric(data: dict) -> bool:
    return bool(data.get("formulas")) or bool(data.get("metric"))


# --- Section 1 corrections, one row per fact --------------------------------

@pytest.mark.parametrize("term_id, field, needles", [
    # CES: the roundup gives only a 1-5 question and no aggregate; a mean-score calculator exists.
    ("ces", ("disagreement", "zh"), ["只给了一道 1 到 5 分的题目", "平均分计算器"]),
    ("ces", ("disagreement", "en"), ["gives only a 1 to 5 question", "does not take a mean", "mean score"]),
    # CRR: 连续率 / 重复率 are a continuation (retention) rate.
    ("crr", ("disagreement", "zh"), ["连续率", "重复率", "实际就是留存率"]),
    ("crr", ("disagreement", "en"), ["连续率", "continuation rate", "which is retention"]),
    # Churn rate: monthly and annual rates compound; CCR is not a standard abbreviation.
    ("churn-rate", ("zh", "definition"), ["复利", "46%", "1.84%"]),
    ("churn-rate", ("en", "definition"), ["compounds", "46%", "1.84%"]),
    ("churn-rate", ("disagreement", "zh"), ["CCR 也不是通行的缩写"]),
    ("churn-rate", ("disagreement", "en"), ["CCR is not a standard abbreviation"]),
    # Dollar renewal rate: the dictionary's denominator, and results above 100%.
    ("dollar-renewal-rate", ("disagreement", "zh"), ["期内所有合同", "100%", "扩展收入"]),
    ("dollar-renewal-rate", ("disagreement", "en"), ["all contract value in the period", "above 100%", "expansion"]),
    # Homonyms.
    ("arr", ("disagreement", "zh"), ["年化营收", "annual run rate"]),
    ("arr", ("disagreement", "en"), ["annual run rate"]),
    ("clg", ("zh", "definition"), ["社区主导增长", "community-led growth"]),
    ("clg", ("en", "definition"), ["community-led growth"]),
    ("customer-success", ("disagreement", "zh"), ["客服", "customer service"]),
    ("customer-success", ("disagreement", "en"), ["客服", "customer service"]),
    ("csp", ("zh", "definition"), ["云服务提供商", "cloud service provider"]),
    ("csp", ("en", "definition"), ["cloud service provider"]),
    # CSAT: small samples carry a margin of error (the new calculator).
    ("csat", ("zh", "definition"), ["误差"]),
    ("csat", ("en", "definition"), ["margin of error"]),
])
def test_correction_is_written(term_id, field, needles):
    data = term(term_id)
    text = data.get(field[0], {}).get(field[1], "")
    for needle in needles:
        assert needle in text, f"{term_id}.yml {'.'.join(field)} should say {needle!r}"


@pytest.mark.parametrize("term_id, formulas", [
    ("ces", ["ces", "ces_mean"]),
    ("churn-rate", ["customer_churn_rate", "churn_monthly_to_annual", "churn_annual_to_monthly"]),
    ("csat", ["csat", "csat_margin_of_error"]),
    ("stickiness", ["stickiness"]),
    ("dau", ["stickiness"]),
])
def test_contract_formulas_are_attached(term_id, formulas):
    assert term(term_id)["formulas"] == formulas


@pytest.mark.parametrize("term_id, lang, alias, first", [
    ("ces", "zh", "客户费力度", True),
    ("crr", "zh", "连续率", False),
    ("crr", "zh", "重复率", False),
])
def test_alias(term_id, lang, alias, first):
    aliases = term(term_id)[lang]["aliases"]
    assert alias in aliases, f"{term_id}.yml {lang}.aliases should hold {alias}"
    if first:
        assert aliases[0] == alias, f"{term_id}.yml should lead its {lang} aliases with {alias}"


def test_ccr_is_an_avoided_form_with_a_reason():
    data = term("churn-rate")
    assert "CCR" not in data["en"]["aliases"]
    avoided = {a["form"]: a["reason"] for a in data["en"]["avoid"]}
    assert "standard abbreviation" in avoided["CCR"]


# --- Abbreviations are true abbreviations; ordinary words are short names ----

def true_abbreviation(abbr: str) -> bool:
    tokens = abbr.split()
    return (len(re.findall(r"[A-Z]", abbr)) >= 2 and len(tokens) <= 2
            and all(len(re.sub(r"[^A-Za-z]", "", t)) < 5 for t in tokens))


@pytest.mark.parametrize("term_id", OWNED)
def test_abbr_is_a_true_abbreviation(term_id):
    abbr = term(term_id).get("abbr")
    assert abbr is None or true_abbreviation(abbr), f"{term_id}.yml abbr {abbr!r} is an ordinary word"


@pytest.mark.parametrize("term_id, short_name", [
    ("activation", "Activation"), ("adoption", "Adoption"), ("advocacy", "Advocacy"),
    ("champion", "Champion"), ("churn", "Churn"), ("downsell", "Downsell"),
    ("customer-segmentation", "Segmentation"), ("kickoff", "Kickoff"),
])
def test_ordinary_word_is_a_short_name(term_id, short_name):
    data = term(term_id)
    assert "abbr" not in data and data["en"]["short_name"] == short_name


# --- Categories (the rebalance) ---------------------------------------------

@pytest.mark.parametrize("term_id, category", [
    ("cac", "unit-economics"), ("crc", "unit-economics"), ("cac-payback", "unit-economics"),
    ("burn-multiple", "unit-economics"), ("conversion-rate", "growth"), ("cross-sell-rate", "growth"),
    ("land-and-expand", "growth"), ("customer-concentration", "revenue"), ("stickiness", "metrics"),
    ("cohort", "metrics"), ("implementation", "lifecycle"), ("kickoff", "lifecycle"),
    ("churn", "retention"), ("churn-rate", "retention"), ("crr", "retention"),
    ("dollar-renewal-rate", "retention"),
])
def test_category(term_id, category):
    assert term(term_id)["category"] == category


def test_roles_category_uses_us_spelling():
    categories = {c["id"]: c for c in yaml.safe_load((GLOSSARY / "categories.yml").read_text("utf-8"))}
    assert categories["roles"]["en"] == "Roles and organization"


# --- Source articles as readers see them --------------------------------------

@pytest.mark.parametrize("seed_id, date", [("000", "2024-04-16"), ("001", None), ("002", None),
                                           ("003", "2025-03-15"), ("004", None)])
def test_seed_has_reader_facing_name_venue_and_date(seed_id, date):
    seeds = {s["id"]: s for s in yaml.safe_load((GLOSSARY / "seeds.yml").read_text("utf-8"))}
    seed = seeds[seed_id]
    assert seed["short"]["zh"] and seed["short"]["en"] and seed["venue"]["zh"] and seed["venue"]["en"]
    assert (str(seed["date"]) if "date" in seed else None) == date
    assert "url" not in seed or seed["url"].startswith("https://")


JARGON = re.compile(r"\bseeds?\b|种子|来源 ?00\d|(?<![\d,.])00[0-4](?![\d,])", re.IGNORECASE)
FORMULA_ID = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("term_id", OWNED)
def test_prose_names_sources_in_words_not_ids(term_id, lang):
    text = prose(term(term_id), lang)
    assert not JARGON.search(text), f"{term_id}.yml {lang}: {JARGON.search(text).group(0)!r} in reader prose"
    assert not FORMULA_ID.search(text), f"{term_id}.yml {lang}: formula id {FORMULA_ID.search(text).group(0)!r}"


# --- Close paraphrases of the source articles are gone -----------------------
# Each phrase below is a sentence the old entry echoed from its source article.

@pytest.mark.parametrize("term_id, lang, phrase", [
    ("customer-insights", "zh", "得出对客户需求、偏好和行为规律的深入理解"),
    ("crm", "zh", "管理客户信息与客户互动的策略、流程和工具的统称"),
    ("customer-experience", "zh", "覆盖从初次接触、评估采购、上线使用、寻求帮助直到续约的每一个触点"),
    ("customer-success-story", "zh", "记录某个客户借助企业的产品或服务取得实际业务成果的具体实例"),
    ("customer-maturity-model", "zh", "据此决定该投入哪些支持和资源"),
    ("customer-lifecycle-management", "zh", "引进（吸引并获取新客户）、培养（通过培训等服务帮助客户上手）"),
    ("customer-success-standards", "zh", "不只问客户满不满意，更要问客户有没有达成预期目标"),
    ("customer-success-management", "zh", "它的兴起源于竞争加剧、客户需求越来越多样"),
    ("cs-ops", "en", "designs and runs the processes, tools and data that let a customer success team work efficiently"),
    ("cs-ops", "zh", "为客户成功团队设计和优化流程、工具与数据"),
])
def test_close_paraphrase_is_reworded(term_id, lang, phrase):
    assert phrase not in prose(term(term_id), lang)


# --- Language rules -------------------------------------------------------------

LATIN_CJK = re.compile(r"[A-Za-z0-9%][\u4e00-\u9fff]|[\u4e00-\u9fff][A-Za-z0-9]")
BRITISH = re.compile(r"\b(organis\w*|prioritis\w*|optimis\w*|analys(?:e|ed|es|ing)|behaviour\w*|colour\w*|"
                     r"favour\w*|centre\w*|programme\w*|recognis\w*|personalis\w*|standardis\w*|annualis\w*|"
                     r"cancelled|cancelling|modelling|labelled|catalogue|licence|maximis\w*|minimis\w*)\b",
                     re.IGNORECASE)


@pytest.mark.parametrize("term_id", OWNED)
def test_zh_names_space_latin_and_chinese(term_id):
    entry = term(term_id)["zh"]
    names = [entry["name"], *entry.get("aliases", []), *(a["form"] for a in entry.get("avoid", []))]
    for name in names:
        assert not LATIN_CJK.search(name), f"{term_id}.yml zh name {name!r} needs a space between Latin and Chinese"


@pytest.mark.parametrize("term_id", OWNED)
def test_zh_prose_spaces_latin_and_chinese(term_id):
    match = LATIN_CJK.search(prose(term(term_id), "zh"))
    assert not match, f"{term_id}.yml zh prose: {match.group(0)!r} needs a space"


@pytest.mark.parametrize("term_id", OWNED)
def test_en_prose_uses_us_spelling(term_id):
    match = BRITISH.search(prose(term(term_id), "en"))
    assert not match, f"{term_id}.yml: {match.group(0)!r} is British spelling"


@pytest.mark.parametrize("term_id", OWNED)
def test_tooltips_are_short(term_id):
    data = term(term_id)
    assert len(re.sub(r"\s", "", data["zh"]["summary"])) <= 50, f"{term_id}.yml zh.summary is over 50 characters"
    assert len(data["en"]["summary"].split()) <= 25, f"{term_id}.yml en.summary is over 25 words"
    assert "本站" not in data["zh"]["summary"]


# --- Per-term depth ------------------------------------------------------------

NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![A-Za-z\d])")  # not the 2 in B2B


@pytest.mark.parametrize("term_id", OWNED)
def test_examples_in_both_languages_and_not_translations(term_id):
    data = term(term_id)
    zh, en = data["zh"].get("examples", []), data["en"].get("examples", [])
    assert 1 <= len(zh) <= 2 and 1 <= len(en) <= 2, f"{term_id}.yml needs 1-2 examples per language"
    # A translated pair would carry the same figures; own sentences rarely do.
    for zh_example, en_example in zip(zh, en):
        zh_numbers = set(NUMBER.findall(zh_example.replace(",", "")))
        en_numbers = set(NUMBER.findall(en_example.replace(",", "")))
        assert not (zh_numbers and zh_numbers == en_numbers), \
            f"{term_id}.yml: the zh and en examples carry the same figures; write each language's own sentence"


METRICS = [t for t in OWNED if (TERMS / f"{t}.yml").exists() and is_metric(term(t))]
DEPTH = ["why_it_matters", "how_to_improve", "owner", "mistakes"]


def test_the_expected_entries_are_metrics():
    assert {"asv", "customer-satisfaction", "stickiness", "dau", "adoption", "ces"} <= set(METRICS)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("term_id", METRICS)
def test_metric_has_depth(term_id, lang):
    entry = term(term_id)[lang]
    for field in DEPTH:
        assert entry.get(field), f"{term_id}.yml {lang}.{field} is required for a metric"
    assert 1 <= len(entry["mistakes"]) <= 4


@pytest.mark.parametrize("term_id", [t for t in OWNED if t not in METRICS])
def test_non_metric_has_no_depth(term_id):
    for lang in ("zh", "en"):
        assert not any(field in term(term_id)[lang] for field in DEPTH)


BENCHMARKED = ["churn-rate", "cac-payback", "customer-satisfaction"]


@pytest.mark.parametrize("term_id", BENCHMARKED)
def test_benchmarks_are_fully_cited(term_id):
    benchmarks = term(term_id)["benchmarks"]
    assert benchmarks
    for item in benchmarks:
        for field in ("figure", "segment", "definition", "sample"):
            assert item[field]["zh"] and item[field]["en"], f"{term_id}.yml benchmark {field}"
        assert item["source"] and item["publisher"] and item["read_at"]
        assert isinstance(item["year"], int) and 2000 <= item["year"] <= 2026
        assert item["url"].startswith("https://")


# --- The five added entries -----------------------------------------------------

@pytest.mark.parametrize("term_id, zh, en", [
    ("stickiness", "用户黏性", "Stickiness"), ("implementation", "实施上线", "Implementation"),
    ("kickoff", "启动会", "Kickoff Meeting"), ("cohort", "同期群", "Cohort"),
    ("land-and-expand", "先落地后扩展", "Land and Expand"),
])
def test_added_entry_exists_in_both_languages(term_id, zh, en):
    data = term(term_id)
    assert data["id"] == term_id and data["zh"]["name"] == zh and data["en"]["name"] == en
    assert data["sources"].get("references") or data["sources"].get("seeds")


@pytest.mark.parametrize("first, second", [("cohort", "customer-segmentation"), ("csat", "customer-satisfaction")])
def test_easily_confused_pairs_warn_both_ways(first, second):
    assert second in term(first).get("not_confused_with", [])
    assert first in term(second).get("not_confused_with", [])
