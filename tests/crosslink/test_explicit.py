"""Explicit references: [[term-id]] and [[text|term-id]], and unknown ids."""
from __future__ import annotations

import pytest

from crosslink import LinkResult, UnknownTermError

EXPLICIT = [
    # (lang, html, expected links as (text, term id, explicit))
    ("zh", "<p>见[[nrr]]。</p>", [("净收入留存率", "nrr", True)]),
    ("en", "<p>See [[nrr]].</p>", [("Net Revenue Retention", "nrr", True)]),
    ("zh", "<p>[[ nrr ]]</p>", [("净收入留存率", "nrr", True)]),
    ("en", "<p>[[the retention figure|nrr]]</p>", [("the retention figure", "nrr", True)]),
    ("zh", "<p>[[这个指标|nrr]]</p>", [("这个指标", "nrr", True)]),
    ("en", "<p>[[ SME | sme-expert ]]</p>", [("SME", "sme-expert", True)]),
    ("en", "<p>[[|nrr]]</p>", [("Net Revenue Retention", "nrr", True)]),
    # The name is escaped as HTML text; given text is kept as written.
    ("en", "<p>[[rnd]] and [[R&amp;D|rnd]]</p>",
     [("research and development", "rnd", True), ("R&amp;D", "rnd", True)]),
    # Always linked, even after the term's first mention...
    ("en", "<p>NRR and [[nrr]] and [[nrr]]</p>",
     [("NRR", "nrr", False), ("Net Revenue Retention", "nrr", True),
      ("Net Revenue Retention", "nrr", True)]),
    # ... and they count as the first mention.
    ("zh", "<p>[[nrr]]，NRR</p>", [("净收入留存率", "nrr", True)]),
    # Text around references is still matched; the reference covers its text.
    ("en", "<p>churn, [[NRR|nrr]]NDR</p>", [("churn", "churn", False), ("NRR", "nrr", True)]),
    # A mention right before a reference would touch its link: it stays text.
    ("en", "<p>churn [[NRR|nrr]]</p>", [("NRR", "nrr", True)]),
    ("zh", "<p>客户流失率与[[净留存|nrr]]和收入</p>",
     [("客户流失率", "churn-rate", False), ("净留存", "nrr", True), ("收入", "revenue", False)]),
]


@pytest.mark.parametrize(("lang", "html", "expected"), EXPLICIT)
def test_explicit_reference(linkers, lang, html, expected):
    result = linkers[lang].link(html, page_url="g/")
    assert [(link.text, link.term_id, link.explicit) for link in result.links] == expected
    assert "[[" not in result.html and not result.unknown


def test_explicit_reference_markup(linkers):
    html = linkers["en"].link_html("<p>[[R&amp;D|rnd]]</p>", page_url="g/")
    assert html == ('<p><a class="glossary-link" href="terms/rnd/" title="R&amp;D: '
                    '&quot;research&quot; &lt;and&gt; development" data-term="rnd">R&amp;D</a></p>')


PLAIN = [
    # (lang, html, output): where a link would be wrong, the text stays, unlinked.
    ("en", "<h2>About [[nrr]]</h2>", "<h2>About Net Revenue Retention</h2>"),
    ("zh", "<h3>[[留存|nrr]]</h3>", "<h3>留存</h3>"),
    ("en", '<a href="x">[[nrr]]</a>', '<a href="x">Net Revenue Retention</a>'),
    ("zh", "<button>[[nrr]]</button>", "<button>净收入留存率</button>"),
    # On the term's own page.
    ("en", "<p>This is [[nrr]].</p>", "<p>This is Net Revenue Retention.</p>"),
    ("zh", "<p>[[它|nrr]]</p>", "<p>它</p>"),
    ("en", "<p>[[rnd]]</p>", None),
]


@pytest.mark.parametrize(("lang", "html", "expected"), PLAIN)
def test_explicit_reference_as_plain_text(linkers, lang, html, expected):
    result = linkers[lang].link(html, page_url="terms/nrr/", current_term="nrr")
    if expected is None:  # a control row: other terms still link
        assert result.links
    else:
        assert result.html == expected and not result.links and not result.unknown


VERBATIM = [
    "<code>[[nrr]]</code>",
    "<pre><code>[[unknown-id]]</code></pre>",
    '<div class="glossary-skip">[[nrr]] [[nope]]</div>',
    "<!-- glossary-skip-start -->[[nrr]]<!-- glossary-skip-end -->",
    "<script>a = [[1]]</script>",
    '<p title="[[nrr]]">x</p>',
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("html", VERBATIM)
def test_explicit_reference_left_verbatim(linkers, lang, html):
    result = linkers[lang].link(html, page_url="g/")
    assert result == LinkResult(html, (), ())


# ---------------------------------------------------------------------------
# Unknown ids
# ---------------------------------------------------------------------------

UNKNOWN = [
    # (html, [(term id, source, line)])
    ("<p>[[nope]]</p>", [("nope", "[[nope]]", 1)]),
    ("<p>ok</p>\n<p>[[NRR]]</p>", [("NRR", "[[NRR]]", 2)]),
    ("<p>[[Net Revenue Retention]]</p>", [("Net Revenue Retention", "[[Net Revenue Retention]]", 1)]),
    ("<p>[[text|missing-id]]</p>", [("missing-id", "[[text|missing-id]]", 1)]),
    ("<p>[[a]]\n[[b]]</p>\n<h2>[[c]]</h2>", [("a", "[[a]]", 1), ("b", "[[b]]", 2), ("c", "[[c]]", 3)]),
    ("<p>[[净收入留存率]]</p>", [("净收入留存率", "[[净收入留存率]]", 1)]),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("html", "expected"), UNKNOWN)
def test_unknown_ids_are_collected(linkers, lang, html, expected):
    result = linkers[lang].link(html, page_url="guide/x/")
    assert [(u.term_id, u.source, u.line) for u in result.unknown] == expected
    assert all(u.page_url == "guide/x/" for u in result.unknown)
    for _, source, _ in expected:
        assert source in result.html  # left as written, visible to the reader


def test_unknown_ids_do_not_stop_other_links(linkers):
    result = linkers["en"].link("<p>[[nope]] NRR, [[nrr]]</p>", page_url="g/")
    assert [u.term_id for u in result.unknown] == ["nope"]
    assert [link.term_id for link in result.links] == ["nrr", "nrr"]


def test_unknown_reference_message(linkers):
    (problem,) = linkers["en"].link("<p>\n[[nope]]</p>", page_url="guide/").unknown
    assert str(problem) == ("guide/: unknown glossary term id 'nope' in [[nope]] "
                            "(line 2 of the rendered HTML)")


def test_link_html_raises_with_the_full_result(linkers):
    with pytest.raises(UnknownTermError) as caught:
        linkers["zh"].link_html("<p>NRR：[[nope]] [[nada]]</p>", page_url="g/")
    error = caught.value
    assert [u.term_id for u in error.unknown] == ["nope", "nada"]
    assert "2 unknown glossary references" in str(error) and "'nada'" in str(error)
    assert error.result.links and "[[nope]]" in error.result.html
    assert isinstance(error, ValueError)


def test_link_html_without_unknown_ids_returns_html(linkers):
    assert linkers["en"].link_html("<p>[[nrr]]</p>", page_url="g/").startswith("<p><a ")
