"""Two links never touch: "KPIs CS" would read as one link to one page.

The rule: a mention is not linked when only whitespace, or inline tags that
do not separate words visually (span, strong, em, ...), lie between it and
another link: one the linker just made, one already in the page, or a
[[reference]] right after it. Such a mention still covers its text (no
shorter term inside it links) and does not count as the first mention, so a
later one can link."""
from __future__ import annotations

import pytest

ROWS = [
    # (html, links: (text, term))
    ("<p>KPI CS</p>", [("KPI", "kpi")]),
    ("<p>KPI  CS</p>", [("KPI", "kpi")]),
    ("<p>KPI&nbsp;CS</p>", [("KPI", "kpi")]),
    ("<p>KPI\nCS</p>", [("KPI", "kpi")]),
    ("<p>B2B SaaS</p>", [("B2B", "b2b")]),
    ("<p>客户成功KPI</p>", [("客户成功", "cs")]),
    # Any visible separator keeps both.
    ("<p>KPI, CS</p>", [("KPI", "kpi"), ("CS", "cs")]),
    ("<p>KPI / CS</p>", [("KPI", "kpi"), ("CS", "cs")]),
    ("<p>KPI 和 CS</p>", [("KPI", "kpi"), ("CS", "cs")]),
    ("<p>客户成功、KPI</p>", [("客户成功", "cs"), ("KPI", "kpi")]),
    ("<p>KPI (CS)</p>", [("KPI", "kpi"), ("CS", "cs")]),
    # The skipped mention still counts as text: the next one links.
    ("<p>KPI CS, then CS again</p>", [("KPI", "kpi"), ("CS", "cs")]),
    # Three in a row: the middle one touches the first, the third touches nothing linked.
    ("<p>KPI CS B2B</p>", [("KPI", "kpi"), ("B2B", "b2b")]),
    # Inline markup between them does not separate them.
    ("<p><strong>KPI</strong> CS</p>", [("KPI", "kpi")]),
    ("<p>KPI <em>CS</em></p>", [("KPI", "kpi")]),
    # A block boundary does.
    ("<p>KPI</p>\n<p>CS</p>", [("KPI", "kpi"), ("CS", "cs")]),
    ("<li>KPI</li><li>CS</li>", [("KPI", "kpi"), ("CS", "cs")]),
    # Links already in the page count too, before and after.
    ('<p><a href="x">Key Performance Indicator</a> CS</p>', []),
    ('<p><strong><a href="x">KPI</a></strong> <span lang="en">CS</span></p>', []),
    ('<p>CS <a href="x">KPI</a></p>', []),
    ('<p><a href="x">KPI</a>: CS</p>', [("CS", "cs")]),
    # An explicit reference is the author's: the automatic mention gives way.
    ("<p>KPI [[cs]]</p>", [("Customer Success", "cs")]),
    ("<p>[[cs]] KPI</p>", [("Customer Success", "cs")]),
    ("<p>[[cs]], KPI</p>", [("Customer Success", "cs"), ("KPI", "kpi")]),
]


@pytest.fixture(scope="module")
def linker():
    from crosslink import Linker, LinkTarget
    return Linker([
        LinkTarget(term_id="kpi", name="Key Performance Indicator", acronyms=("KPI",), url="t/kpi/"),
        LinkTarget(term_id="cs", name="Customer Success", forms=("客户成功",), acronyms=("CS",),
                   url="t/cs/"),
        LinkTarget(term_id="b2b", name="Business to Business", acronyms=("B2B",), url="t/b2b/"),
        LinkTarget(term_id="saas", name="Software as a Service", acronyms=("SaaS",), url="t/saas/"),
    ])


@pytest.mark.parametrize(("html", "expected"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_links_never_touch(linker, html, expected):
    result = linker.link(html, page_url="g/")
    assert [(link.text, link.term_id) for link in result.links] == expected
