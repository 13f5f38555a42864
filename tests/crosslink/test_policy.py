"""What gets linked among the mentions: first_only, current_term, the page itself,
and homonyms (disambiguation pages)."""
from __future__ import annotations

import pytest

# ---------------------------------------------------------------------------
# first_only: the first mention of each term id, whatever the form
# ---------------------------------------------------------------------------

FIRST_ONLY = [
    # (lang, html, first_only=True, first_only=False)
    ("en", "<p>NRR, Net Revenue Retention and NDR.</p>",
     [("NRR", "nrr")], [("NRR", "nrr"), ("Net Revenue Retention", "nrr"), ("NDR", "nrr")]),
    ("zh", "<p>NRR、净收入留存率和净留存率。</p>",
     [("NRR", "nrr")], [("NRR", "nrr"), ("净收入留存率", "nrr"), ("净留存率", "nrr")]),
    ("zh", "<p>客户流失率</p><p>流失率</p><p>客户流失</p>",
     [("客户流失率", "churn-rate"), ("客户流失", "churn")],
     [("客户流失率", "churn-rate"), ("流失率", "churn-rate"), ("客户流失", "churn")]),
    ("en", "<p>churn rate, churn, customer churn rate, customer churn</p>",
     [("churn rate", "churn-rate"), ("churn", "churn")],
     [("churn rate", "churn-rate"), ("churn", "churn"), ("customer churn rate", "churn-rate"),
      ("customer churn", "churn")]),
    # A repeat that is not linked still covers its text: no "Revenue" link
    # inside the second "Net Revenue Retention".
    ("en", "<p>NRR, then Net Revenue Retention.</p>", [("NRR", "nrr")],
     [("NRR", "nrr"), ("Net Revenue Retention", "nrr")]),
    ("zh", "<p>净收入留存率，再说净收入留存率里的收入</p>",
     [("净收入留存率", "nrr"), ("收入", "revenue")],
     [("净收入留存率", "nrr"), ("净收入留存率", "nrr"), ("收入", "revenue")]),
    # A disambiguation page counts once, whichever terms share the form.
    ("en", "<p>SME, SME</p>", [("SME", "?SME")], [("SME", "?SME"), ("SME", "?SME")]),
    ("zh", "<p>每个CSM和CSM</p>", [("CSM", "?CSM")], [("CSM", "?CSM"), ("CSM", "?CSM")]),
    # Mentions in skipped elements do not count as the first.
    ("en", "<h2>NRR</h2><p><code>NRR</code> NRR, NRR</p>", [("NRR", "nrr")],
     [("NRR", "nrr"), ("NRR", "nrr")]),
]


@pytest.mark.parametrize(("lang", "html", "first", "every"), FIRST_ONLY)
def test_first_only(linked, lang, html, first, every):
    assert linked(lang, html, first_only=True) == first
    assert linked(lang, html, first_only=False) == every


def test_first_only_is_the_default(linkers):
    result = linkers["en"].link("<p>NRR NRR</p>", page_url="g/")
    assert len(result.links) == 1


def test_first_only_is_per_page(linkers):
    for _ in range(2):
        assert len(linkers["zh"].link("<p>净收入留存率</p>", page_url="g/").links) == 1


# ---------------------------------------------------------------------------
# current_term and the page itself
# ---------------------------------------------------------------------------

CURRENT = [
    # (lang, html, page_url, current_term, expected)
    ("en", "<p>NRR and Net Revenue Retention, churn</p>", "terms/nrr/", "nrr",
     [("churn", "churn")]),
    ("zh", "<p>净收入留存率和流失率</p>", "terms/nrr/", "nrr", [("流失率", "churn-rate")]),
    # The current term's mention covers its text: no shorter term inside it.
    ("zh", "<p>客户流失率上升</p>", "terms/churn-rate/", "churn-rate", []),
    ("zh", "<p>客户流失率上升，客户流失</p>", "terms/churn-rate/", "churn-rate",
     [("客户流失", "churn")]),
    ("en", "<p>Customer Success Manager</p>", "terms/csm-role/", "csm-role", []),
    # Matching by url also works without current_term...
    ("en", "<p>NRR</p>", "terms/nrr/", None, []),
    ("en", "<p>NRR</p>", "/terms/nrr/", None, []),
    ("en", "<p>NRR</p>", "terms/nrr/index.html", None, []),
    # ... and keeps a disambiguation page from linking its own form.
    ("en", "<p>SME can mean two things; see subject-matter expert.</p>", "acronyms/sme/", None,
     [("subject-matter expert", "sme-expert")]),
    ("zh", "<p>CSM可能指客户成功经理</p>", "acronyms/csm/", None,
     [("客户成功经理", "csm-role")]),
    # On the page of a term that shares an ambiguous form, that form means it.
    ("en", "<p>An SME (subject-matter expert) and a CSM.</p>", "terms/sme-expert/", "sme-expert",
     [("CSM", "?CSM")]),
    ("zh", "<p>SME即中小企业</p>", "terms/sme-business/", "sme-business", []),
    # Other pages are unaffected.
    ("en", "<p>NRR</p>", "terms/grr/", "grr", [("NRR", "nrr")]),
]


@pytest.mark.parametrize(("lang", "html", "page_url", "current_term", "expected"), CURRENT)
def test_current_term_and_page(linked, lang, html, page_url, current_term, expected):
    assert linked(lang, html, page_url=page_url, current_term=current_term) == expected


# ---------------------------------------------------------------------------
# Homonyms
# ---------------------------------------------------------------------------

HOMONYMS = [
    ("en", "<p>Ask the SME.</p>", [("SME", "?SME")]),
    ("zh", "<p>请SME评审</p>", [("SME", "?SME")]),
    ("en", "<p>Every CSM knows.</p>", [("CSM", "?CSM")]),
    ("zh", "<p>每位CSM都知道</p>", [("CSM", "?CSM")]),
    # Only the shared form is ambiguous: each term's own names link to it.
    ("en", "<p>subject-matter expert, small and medium-sized enterprise</p>",
     [("subject-matter expert", "sme-expert"), ("small and medium-sized enterprise", "sme-business")]),
    ("zh", "<p>领域专家和中小企业</p>", [("领域专家", "sme-expert"), ("中小企业", "sme-business")]),
    # Matched like the acronym it is: case-sensitively.
    ("en", "<p>sme, Sme</p>", []),
    # An explicit reference picks one meaning.
    ("en", "<p>[[SME|sme-business]] pricing</p>", [("SME", "sme-business")]),
    ("zh", "<p>面向[[SME|sme-business]]的定价</p>", [("SME", "sme-business")]),
]


@pytest.mark.parametrize(("lang", "html", "expected"), HOMONYMS)
def test_homonyms(linked, lang, html, expected):
    assert linked(lang, html) == expected


def test_disambiguation_link_markup(linkers):
    result = linkers["zh"].link("<p>SME</p>", page_url="g/")
    (link,) = result.links
    assert link.term_id is None and link.ambiguous == "SME" and link.href == "acronyms/sme/"
    assert 'class="glossary-link glossary-ambiguous"' in result.html
    assert 'data-ambiguous="SME"' in result.html and "data-term" not in result.html
