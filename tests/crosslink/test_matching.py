"""What matches: boundaries, case, longest match, whitespace and entities.

Every row runs with first_only=False, so it shows every mention the linker
recognises. Rows name the language whose linker runs them; both linkers know
both languages' names, so most rows hold for both.
"""
from __future__ import annotations

import pytest

BOTH = ("zh", "en")


def rows(lang_rows):
    """Expand ('both', html, expected) into one row per language."""
    out = []
    for lang, html, expected in lang_rows:
        for code in (BOTH if lang == "both" else (lang,)):
            out.append(pytest.param(code, html, expected, id=f"{code}:{html[:40]}"))
    return out


# ---------------------------------------------------------------------------
# Latin acronyms and names: ASCII word boundaries, not \b
# ---------------------------------------------------------------------------

LATIN = [
    ("both", "我们的NRR提升了", [("NRR", "nrr")]),
    ("both", "NRR提升", [("NRR", "nrr")]),
    ("both", "提升到NRR", [("NRR", "nrr")]),
    ("both", "Our NRR grew.", [("NRR", "nrr")]),
    ("both", "(NRR), NRR; NRR: 'NRR' “NRR”", [("NRR", "nrr")] * 5),
    ("both", "NRRX and XNRR", []),
    ("both", "NRR2 and 2NRR and NRR_ and _NRR", []),
    ("both", "éNRR and NRRß", []),
    ("both", "NRR-based, NRR/GRR, NRR.", [("NRR", "nrr")] * 3),
    ("both", "NRR，NDR", [("NRR", "nrr"), ("NDR", "nrr")]),
    ("both", "ARR增长", [("ARR", "arr")]),
    ("both", "PARR", []),
    # Acronyms are case-sensitive.
    ("both", "nrr Nrr nRR", []),
    ("both", "SaaS产品", [("SaaS", "saas")]),
    ("both", "Saas and SAAS and saas", []),
    ("both", "TTV, ttv", [("TTV", "ttv")]),
    # Names and aliases are case-insensitive.
    ("both", "Net Revenue Retention", [("Net Revenue Retention", "nrr")]),
    ("both", "net revenue retention", [("net revenue retention", "nrr")]),
    ("both", "NET REVENUE RETENTION", [("NET REVENUE RETENTION", "nrr")]),
    ("both", "Net Dollar Retention and net retention",
     [("Net Dollar Retention", "nrr"), ("net retention", "nrr")]),
    ("both", "Software As A Service", [("Software As A Service", "saas")]),
    ("both", "the churn rate rose", [("churn rate", "churn-rate")]),
    # A name inside a longer word is not a mention; its English inflections
    # are (test_inflections.py), but only the verb forms a term shows.
    ("both", "churned customers", [("customers", "customer")]),
    ("both", "renewals", [("renewals", "renewal")]),
    ("both", "unsubscription", []),
    # ... but the failed longer candidate lets a shorter one through.
    ("both", "Net Revenue Retentionx, again", [("Revenue", "revenue")]),
    # Acronyms with spaces and punctuation.
    ("both", "CS Ops and CS", [("CS Ops", "cs-ops"), ("CS", "cs")]),
    ("both", "CS ops", [("CS", "cs")]),
    ("both", "LTV:CAC高于3", [("LTV:CAC", "ltv-cac")]),
    ("both", "LTV:CACX", []),
    ("both", "R&amp;D团队", [("R&amp;D", "rnd")]),
    ("both", "R&amp;Distribution", []),
    ("both", "Research and Development", [("Research and Development", "rnd")]),
]


@pytest.mark.parametrize(("lang", "html", "expected"), rows(LATIN))
def test_latin(linked, lang, html, expected):
    assert linked(lang, f"<p>{html}</p>") == expected


# ---------------------------------------------------------------------------
# Longest match wins, leftmost first
# ---------------------------------------------------------------------------

LONGEST = [
    ("both", "Net Revenue Retention and Revenue",
     [("Net Revenue Retention", "nrr"), ("Revenue", "revenue")]),
    ("both", "expansion revenue", [("expansion revenue", "expansion")]),
    ("both", "Annual Recurring Revenue", [("Annual Recurring Revenue", "arr")]),
    ("both", "Customer Success Operations team", [("Customer Success Operations", "cs-ops")]),
    ("both", "Customer Success Manager", [("Customer Success Manager", "csm-role")]),
    ("both", "Customer Success", [("Customer Success", "cs")]),
    ("both", "customer churn rate", [("customer churn rate", "churn-rate")]),
    ("both", "customer churn", [("customer churn", "churn")]),
    ("both", "customer health score", [("customer health score", "health-score")]),
    ("both", "客户流失率和客户流失", [("客户流失率", "churn-rate"), ("客户流失", "churn")]),
    ("both", "净收入留存率", [("净收入留存率", "nrr")]),
    ("both", "年度经常性收入", [("年度经常性收入", "arr")]),
    ("both", "扩展收入", [("扩展收入", "expansion")]),
    ("both", "客户成功经理", [("客户成功经理", "csm-role")]),
    ("both", "客户成功运营", [("客户成功运营", "cs-ops")]),
    ("both", "客户成功", [("客户成功", "cs")]),
    ("both", "retention rate", [("retention rate", "retention-rate")]),
]


@pytest.mark.parametrize(("lang", "html", "expected"), rows(LONGEST))
def test_longest_match(linked, lang, html, expected):
    assert linked(lang, f"<p>{html}</p>") == expected


# ---------------------------------------------------------------------------
# Chinese: longest match plus jieba token boundaries
# ---------------------------------------------------------------------------

CHINESE = [
    # retention
    ("both", "我们的净收入留存率提升了", [("净收入留存率", "nrr")]),
    ("both", "提高留存率的三个方法", [("留存率", "retention-rate")]),
    ("both", "本季度客户流失率上升", [("客户流失率", "churn-rate")]),
    ("both", "客户流失的主要原因", [("客户流失", "churn")]),
    ("both", "流失率高于预期", [("流失率", "churn-rate")]),
    ("both", "按时续约的客户", [("续约", "renewal"), ("客户", "customer")]),
    ("both", "保留存款", []),
    # satisfaction
    ("both", "本次客户满意度调查显示，净推荐值有所提高",
     [("客户满意度", "csat"), ("净推荐值", "nps")]),
    ("both", "CSAT调研和NPS问卷", [("CSAT", "csat"), ("NPS", "nps")]),
    # Two touching mentions: only the first links (test_adjacency.py).
    ("both", "客户健康度评分下降", [("客户", "customer")]),
    ("both", "客户的健康度评分下降", [("客户", "customer"), ("健康度评分", "health-score")]),
    ("both", "客户健康度下降", [("客户健康度", "health-score")]),
    # roles
    ("both", "客户成功经理负责续约", [("客户成功经理", "csm-role"), ("续约", "renewal")]),
    ("both", "客户成功团队", [("客户成功", "cs")]),
    ("both", "客户成功运营团队支持客户成功经理",
     [("客户成功运营", "cs-ops"), ("客户成功经理", "csm-role")]),
    ("both", "请领域专家评审", [("领域专家", "sme-expert")]),
    # revenue
    ("both", "营收同比增长了20%", [("同比", "yoy")]),
    ("both", "年度经常性收入和扩展收入都同比上升",
     [("年度经常性收入", "arr"), ("扩展收入", "expansion"), ("同比", "yoy")]),
    ("both", "收入增长", [("收入", "revenue")]),
    ("both", "面向中小企业的定价", [("中小企业", "sme-business")]),
    # false positives the boundary rule prevents
    ("both", "不同比例的客户", [("客户", "customer")]),
    ("both", "如同比赛一样", []),
    ("both", "客户端崩溃了", []),
    ("both", "在知识库里搜索答案", [("知识库", "kb")]),
    ("both", "订阅制的商业模式", [("订阅", "subscription")]),
    ("both", "取消订阅", [("订阅", "subscription")]),
    # mixed scripts
    ("both", "SaaS订阅", [("SaaS", "saas")]),
    ("both", "SaaS的订阅", [("SaaS", "saas"), ("订阅", "subscription")]),
    ("both", "我们的NRR和净留存率", [("NRR", "nrr"), ("净留存率", "nrr")]),
    ("both", "每个CSM都", [("CSM", "?CSM")]),
    ("both", "SME客户", [("SME", "?SME")]),
    ("both", "SME、客户", [("SME", "?SME"), ("客户", "customer")]),
]


@pytest.mark.parametrize(("lang", "html", "expected"), rows(CHINESE))
def test_chinese(linked, lang, html, expected):
    assert linked(lang, f"<p>{html}</p>") == expected


# ---------------------------------------------------------------------------
# Text as displayed: whitespace and entities
# ---------------------------------------------------------------------------

DISPLAY = [
    ("both", "Net\nRevenue Retention", [("Net\nRevenue Retention", "nrr")]),
    ("both", "Net   Revenue\n   Retention", [("Net   Revenue\n   Retention", "nrr")]),
    ("both", "Net&nbsp;Revenue\tRetention", [("Net&nbsp;Revenue\tRetention", "nrr")]),
    ("both", "CS\nOps", [("CS\nOps", "cs-ops")]),
    ("both", "&lt;NRR&gt;", [("NRR", "nrr")]),
    ("both", "&amp;NRR&amp;", [("NRR", "nrr")]),
    ("both", "&#78;RR", [("&#78;RR", "nrr")]),
    ("both", "&#x4e2d;小企业", [("&#x4e2d;小企业", "sme-business")]),
    ("both", "R&amp;D and R&#38;D and R&D", [("R&amp;D", "rnd"), ("R&#38;D", "rnd"), ("R&D", "rnd")]),
    ("both", "&unknown;NRR", [("NRR", "nrr")]),
    ("both", "NetRevenue Retention", [("Retention", "retention")]),
]


@pytest.mark.parametrize(("lang", "html", "expected"), rows(DISPLAY))
def test_display_text(linked, lang, html, expected):
    assert linked(lang, f"<p>{html}</p>") == expected


def test_mention_split_by_markup_is_not_matched(linked):
    assert linked("en", "<p>Net <em>Revenue</em>, Retention</p>") == [
        ("Revenue", "revenue"), ("Retention", "retention")]
    # Without the comma the two would touch: only the first links.
    assert linked("en", "<p>Net <em>Revenue</em> Retention</p>") == [("Revenue", "revenue")]


def test_tags_are_boundaries(linked):
    assert linked("en", "<p><b>X</b>NRR<i>Y</i></p>") == [("NRR", "nrr")]
