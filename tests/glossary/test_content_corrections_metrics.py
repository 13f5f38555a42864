"""Issue 15, section 1: the corrections to the metric and segmentation entries
(NRR, NPS, repeat purchase rate, LTV, LTV:CAC, SMB / SME, magic number, PLG,
the touch models, onboarding, lifecycle stages) hold in the term files.

These read the YAML the site is built from, so each assertion names the file
and field a writer would fix."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

TERMS = Path(__file__).resolve().parents[2] / "glossary" / "terms"


def term(term_id: str) -> dict:
    return yaml.safe_load((TERMS / f"{term_id}.yml").read_text(encoding="utf-8"))


def prose(data: dict, lang: str) -> str:
    """Every reader-facing text of one language in a term file."""
    entry = data[lang]
    parts = [entry["summary"], entry["definition"], *entry.get("examples", []),
             entry.get("why_it_matters", ""), entry.get("how_to_improve", ""),
             *entry.get("mistakes", [])]
    parts.append((data.get("disagreement") or {}).get(lang, ""))
    return "\n".join(parts)


# --- NRR ---------------------------------------------------------------------

@pytest.mark.parametrize("alias", ["净收入保留率", "净美元保留率", "净金额留存率", "NDR"])
def test_nrr_zh_aliases(alias):
    assert alias in term("nrr")["zh"]["aliases"]


def test_nrr_en_has_ndr_and_the_account_table_formula():
    data = term("nrr")
    assert "NDR" in data["en"]["aliases"]
    assert data["formulas"][0] == "nrr" and "retention_from_accounts" in data["formulas"]


@pytest.mark.parametrize("lang, needles", [
    ("zh", ["《客户成功行业术语词典》", "《需要追踪的 17 项客户成功指标》", "重复计算", "标准"]),
    ("en", ["terms dictionary", "17 metrics article", "twice", "standard form"]),
])
def test_nrr_disagreement_explains_both_sources_and_the_calculator(lang, needles):
    note = term("nrr").get("disagreement", {}).get(lang, "")
    for needle in needles:
        assert needle in note, f"nrr.yml disagreement.{lang} should mention {needle!r}"


# --- NPS ---------------------------------------------------------------------

def test_nps_carries_the_raw_score_and_margin_of_error_formulas():
    assert {"nps", "nps_from_scores", "nps_margin_of_error"} <= set(term("nps")["formulas"])


@pytest.mark.parametrize("lang, needle", [("zh", "0 到 10"), ("en", "0 to 10")])
def test_nps_warns_about_the_scale(lang, needle):
    definition = term("nps")[lang]["definition"]
    assert needle in definition and ("−100" in definition)


# --- Repeat purchase rate ----------------------------------------------------

def test_repeat_purchase_rate_defaults_to_counting_customers():
    data = term("repeat-purchase-rate")
    assert data["formulas"] == ["repeat_purchase_rate_customers", "repeat_purchase_rate"]


@pytest.mark.parametrize("alias", ["连续率", "重复率"])
def test_repeat_purchase_rate_no_longer_claims_the_retention_aliases(alias):
    assert alias not in term("repeat-purchase-rate")["zh"].get("aliases", [])


def test_repeat_purchase_rate_points_to_crr():
    data = term("repeat-purchase-rate")
    assert "crr" in data["related"]
    assert "客户留存率" in data["disagreement"]["zh"] and "retention rate" in data["disagreement"]["en"]


# --- LTV and LTV:CAC ---------------------------------------------------------

@pytest.mark.parametrize("lang, wrong", [("zh", "多数来源"), ("en", "most sources")])
def test_ltv_note_does_not_claim_a_majority(lang, wrong):
    assert wrong not in term("ltv")["disagreement"][lang]


@pytest.mark.parametrize("term_id", ["ltv", "ltv-cac-ratio"])
@pytest.mark.parametrize("lang, needles", [("zh", ["3:1", "毛利"]), ("en", ["3:1", "margin"])])
def test_both_pages_say_the_3_to_1_rule_assumes_gross_margin(term_id, lang, needles):
    text = prose(term(term_id), lang)
    for needle in needles:
        assert needle in text, f"{term_id}.yml ({lang}) should say {needle!r}"


@pytest.mark.parametrize("term_id", ["ltv", "ltv-cac-ratio"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_formula_ids_in_ltv_prose(term_id, lang):
    assert not re.search(r"\bltv_(purchase|churn)\b|\(ltv\)", prose(term(term_id), lang))


def test_ltv_names_its_variants_in_words():
    note = term("ltv")["disagreement"]["en"]
    for name in ("revenue LTV (no margin)", "LTV net of CAC", "margin-adjusted LTV"):
        assert name in note


@pytest.mark.parametrize("phrase", ["never touches", "stretches the view", "raise the price"])
def test_ltv_english_calques_are_gone(phrase):
    assert phrase not in prose(term("ltv"), "en") + prose(term("ltv-cac-ratio"), "en")


def test_ltv_cac_says_cs_can_lower_cac_through_referrals():
    text = term("ltv-cac-ratio")["en"]["definition"]
    assert "refer" in text and "lower CAC" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ltv_cac_uses_one_ratio_notation(lang):
    text = prose(term("ltv-cac-ratio"), lang)
    assert "3:1" in text and not re.search(r"\d(\.\d+)?\s?[x×](?![\w])", text)


# --- SMB / SME ---------------------------------------------------------------

@pytest.mark.parametrize("lang, tiers", [
    ("zh", ["100 人以下", "100 到 999 人", "1000 人及以上"]),
    ("en", ["under 100", "100 to 999", "1,000 or more"]),
])
def test_smb_gives_the_three_usual_tiers(lang, tiers):
    definition = term("smb")[lang]["definition"]
    for tier in tiers:
        assert tier in definition


@pytest.mark.parametrize("lang, wrong", [("zh", "员工少于 1000 人或年收入低于 10 亿美元，一家"),
                                         ("en", "common reference cut-off is fewer than 1,000")])
def test_smb_no_longer_offers_the_conflicting_cut_off(lang, wrong):
    assert wrong not in term("smb")[lang]["definition"]


@pytest.mark.parametrize("term_id", ["smb", "small-medium-enterprise"])
def test_chinese_uses_one_word_for_both(term_id):
    assert "中小企业" in term(term_id)["zh"]["definition"] and "中小企业" in term(term_id)["en"]["definition"]


def test_sme_cites_chinas_classification_rules():
    data = term("small-medium-enterprise")
    assert "《中小企业划型标准规定》" in data["zh"]["definition"] and "2011" in data["zh"]["definition"]
    assert "1000 人以下或营业收入 4 亿元以下" in data["zh"]["definition"]
    assert "2011" in data["en"]["definition"] and "¥400 million" in data["en"]["definition"]


# --- Magic number, PLG -------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_magic_number_says_gaap_and_drops_the_uncited_median(lang):
    text = term("magic-number")[lang]["definition"]
    assert "GAAP" in text and "0.7" not in text.replace("0.75", "")


@pytest.mark.parametrize("lang, wrong", [("zh", "Slack 靠免费试用"), ("en", "Slack's spread through free trials")])
def test_plg_slack_grew_on_a_free_tier(lang, wrong):
    definition = term("plg")[lang]["definition"]
    assert wrong not in definition and "Slack" in definition


# --- Forms, names, short names -----------------------------------------------

@pytest.mark.parametrize("term_id, first", [("high-touch", "高触达"), ("low-touch", "低触达")])
def test_touch_models_lead_with_the_industry_word(term_id, first):
    assert term(term_id)["zh"]["aliases"][0] == first


def test_high_touch_also_admits_zhong_fuwu():
    assert "重服务" in term("high-touch")["zh"]["aliases"]


def test_onboarding_marks_the_employee_calque_to_avoid():
    zh = term("onboarding")["zh"]
    assert "客户入职" not in zh.get("aliases", [])
    assert [a["form"] for a in zh.get("avoid", [])] == ["客户入职"] and zh["avoid"][0]["reason"]


WORD_ABBRS = {"engagement": "Engagement", "expansion": "Expansion", "feedback-loop": "Feedback Loop",
              "health-score": "Health Score", "high-touch": "High-Touch",
              "lifecycle-stages": "Lifecycle Stages", "logo-retention": "Logo Retention",
              "low-touch": "Low-Touch", "onboarding": "Onboarding", "playbook": "Playbook",
              "renewal": "Renewal", "tech-touch": "Tech-Touch"}


@pytest.mark.parametrize("term_id, word", sorted(WORD_ABBRS.items()))
def test_ordinary_words_are_short_names_not_abbreviations(term_id, word):
    data = term(term_id)
    assert "abbr" not in data and data["en"].get("short_name") == word


def test_lifecycle_stages_is_not_to_be_confused_with_customer_lifetime():
    assert term("lifecycle-stages").get("not_confused_with") == ["customer-lifetime"]


@pytest.mark.parametrize("term_id", ["nrr", "grr"])
def test_retention_tooltips_are_short_in_chinese(term_id):
    summary = term(term_id)["zh"]["summary"]
    assert len(re.findall(r"[\u4e00-\u9fff]", summary)) <= 40
