"""Shared fixtures: a small real glossary, as the site's hook would pass it.

Each language's linker gets that language's names as ``name``, its aliases and
the other language's names as ``forms`` (pages mix both), and the acronyms.
Linkers are built once per session: building copies jieba's dictionary.
"""
from __future__ import annotations

import logging

import jieba
import pytest

from crosslink import Disambiguation, Linker, LinkResult, LinkTarget

jieba.setLogLevel(logging.WARNING)

# id: (zh name, zh aliases, en name, en aliases, acronyms, zh summary, en summary)
TERMS: dict[str, tuple] = {
    "nrr": ("净收入留存率", ("净收入留存", "净留存率"), "Net Revenue Retention",
            ("net retention", "Net Dollar Retention"), ("NRR", "NDR"),
            "老客户经常性收入的留存比例。", "Recurring revenue kept from existing customers."),
    "revenue": ("收入", (), "Revenue", (), (), "收入。", "Revenue."),
    "retention": ("留存", (), "retention", (), (), "留存。", "Retention."),
    "retention-rate": ("留存率", (), "retention rate", (), (), "留存率。", "Retention rate."),
    "customer": ("客户", (), "customer", (), (), "客户。", "Customer."),
    "churn-rate": ("客户流失率", ("流失率",), "churn rate", ("customer churn rate",), (),
                   "流失客户的比例。", "Share of customers lost."),
    "churn": ("客户流失", ("流失",), "churn", ("customer churn",), (), "客户流失。", "Churn."),
    "cs": ("客户成功", (), "Customer Success", (), ("CS",), "客户成功。", "Customer success."),
    "csm-role": ("客户成功经理", (), "Customer Success Manager", (), ("CSM",),
                 "负责客户成果的人。", "The person who owns customer outcomes."),
    "cs-management": ("客户成功管理", (), "Customer Success Management", (), ("CSM",),
                      "客户成功的管理实践。", "The practice of managing customer success."),
    "cs-ops": ("客户成功运营", (), "Customer Success Operations", (), ("CS Ops",),
               "客户成功的运营支持。", "Operations support for CS."),
    "ltv-cac": ("客户终身价值与获客成本比", (), "LTV to CAC ratio", (), ("LTV:CAC",),
                "终身价值与获客成本之比。", "Lifetime value over acquisition cost."),
    "saas": ("软件即服务", (), "software as a service", (), ("SaaS",), "软件即服务。", "SaaS."),
    "yoy": ("同比", (), "year over year", (), ("YoY",), "与上年同期相比。", "Compared with a year before."),
    "kb": ("知识库", (), "knowledge base", (), ("KB",), "知识库。", "Knowledge base."),
    "subscription": ("订阅", (), "subscription", (), (), "订阅。", "Subscription."),
    "csat": ("客户满意度", (), "customer satisfaction", (), ("CSAT",), "满意度。", "Satisfaction."),
    "nps": ("净推荐值", (), "Net Promoter Score", (), ("NPS",), "推荐意愿。", "Likelihood to recommend."),
    "health-score": ("健康度评分", ("客户健康度",), "health score", ("customer health score",), (),
                     "客户健康程度的评分。", "A score of customer health."),
    "renewal": ("续约", (), "renewal", (), (), "续约。", "Renewal."),
    "expansion": ("扩展收入", (), "expansion revenue", (), (), "扩展收入。", "Expansion revenue."),
    "arr": ("年度经常性收入", (), "Annual Recurring Revenue", (), ("ARR",), "年度经常性收入。", "ARR."),
    "sme-expert": ("领域专家", (), "subject-matter expert", (), ("SME",), "领域专家。", "An expert."),
    "sme-business": ("中小企业", (), "small and medium-sized enterprise", (), ("SME",),
                     "中小企业。", "A small business."),
    "rnd": ("研发", (), "research and development", (), ("R&D",),
            '研发 "R&D" <部门>', 'R&D: "research" <and> development'),
    "ttv": ("价值实现时间", (), "time to value", (), ("TTV",), "价值实现时间。", "Time to value."),
    "qbr": ("季度业务回顾", (), "Quarterly Business Review", (), ("QBR",), "季度业务回顾。", "QBR."),
    "onboarding": ("客户入职", (), "onboarding", (), (), "客户入职。", "Onboarding."),
}

AMBIGUOUS = {
    "SME": Disambiguation("acronyms/sme/", "SME: subject-matter expert / small business"),
    "CSM": Disambiguation("acronyms/csm/", "CSM: manager / management"),
}


def targets_for(lang: str) -> list[LinkTarget]:
    out = []
    for term_id, (zh, zh_aliases, en, en_aliases, acronyms, zh_sum, en_sum) in TERMS.items():
        if lang == "zh":
            name, forms, title = zh, (*zh_aliases, en, *en_aliases), zh_sum
        else:
            name, forms, title = en, (*en_aliases, zh, *zh_aliases), en_sum
        out.append(LinkTarget(term_id=term_id, name=name, forms=forms, acronyms=acronyms,
                              url=f"terms/{term_id}/", title=title))
    return out


@pytest.fixture(scope="session")
def linkers() -> dict[str, Linker]:
    return {lang: Linker(targets_for(lang), ambiguous=AMBIGUOUS) for lang in ("zh", "en")}


def pairs(result: LinkResult) -> list[tuple[str, str]]:
    """(link text, term id) per link; a disambiguation link shows as '?FORM'."""
    return [(link.text, link.term_id or f"?{link.ambiguous}") for link in result.links]


@pytest.fixture(scope="session")
def linked(linkers):
    """linked(lang, html, **options) -> [(text, term id)], all mentions by default."""
    def run(lang: str, html: str, **options) -> list[tuple[str, str]]:
        options.setdefault("page_url", "guide/")
        options.setdefault("first_only", False)
        return pairs(linkers[lang].link(html, **options))
    return run
