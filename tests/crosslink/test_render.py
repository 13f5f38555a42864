"""The exact markup of links, attribute escaping, and byte-for-byte preservation."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosslink import Disambiguation, Linker, LinkTarget

EXACT = [
    # (lang, html in, html out); page "guide/", first mention only.
    ("en", "<p>Our NRR grew.</p>",
     '<p>Our <a class="glossary-link" href="terms/nrr/" title="Recurring revenue kept from '
     'existing customers." data-term="nrr">NRR</a> grew.</p>'),
    ("zh", "<p>我们的NRR提升了</p>",
     '<p>我们的<a class="glossary-link" href="terms/nrr/" title="老客户经常性收入的留存比例。" '
     'data-term="nrr">NRR</a>提升了</p>'),
    ("zh", "<li>客户流失率上升</li>",
     '<li><a class="glossary-link" href="terms/churn-rate/" title="流失客户的比例。" '
     'data-term="churn-rate">客户流失率</a>上升</li>'),
    # Summaries with quotes, < and & are escaped in the attribute.
    ("en", "<p>R&amp;D</p>",
     '<p><a class="glossary-link" href="terms/rnd/" title="R&amp;D: &quot;research&quot; '
     '&lt;and&gt; development" data-term="rnd">R&amp;D</a></p>'),
    ("zh", "<p>研发</p>",
     '<p><a class="glossary-link" href="terms/rnd/" title="研发 &quot;R&amp;D&quot; &lt;部门&gt;" '
     'data-term="rnd">研发</a></p>'),
    # A disambiguation link.
    ("en", "<p>Ask an SME.</p>",
     '<p>Ask an <a class="glossary-link glossary-ambiguous" href="acronyms/sme/" '
     'title="SME: subject-matter expert / small business" data-ambiguous="SME">SME</a>.</p>'),
    # Source text inside the link is kept as written.
    ("en", "<p>Net\n  Revenue&nbsp;Retention</p>",
     '<p><a class="glossary-link" href="terms/nrr/" title="Recurring revenue kept from existing '
     'customers." data-term="nrr">Net\n  Revenue&nbsp;Retention</a></p>'),
    # Nothing to link: the very same string comes back.
    ("en", "<p>Nothing here.</p>", "<p>Nothing here.</p>"),
]


@pytest.mark.parametrize(("lang", "html", "expected"), EXACT)
def test_exact_output(linkers, lang, html, expected):
    assert linkers[lang].link_html(html, page_url="guide/") == expected


@pytest.mark.parametrize(("title", "escaped"), [
    ('say "hi"', "say &quot;hi&quot;"),
    ("it's", "it&#x27;s"),
    ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("&amp; stays literal", "&amp;amp; stays literal"),
    ("多行\n摘要", "多行\n摘要"),
])
def test_title_is_escaped(title, escaped):
    linker = Linker([LinkTarget(term_id="x", name="Widget", url="terms/x/", title=title)])
    assert f'title="{escaped}"' in linker.link_html("<p>Widget</p>", page_url="a/")


def test_empty_title_has_no_attribute():
    linker = Linker([LinkTarget(term_id="x", name="Widget", url="terms/x/")])
    assert linker.link_html("<p>Widget</p>", page_url="a/") == (
        '<p><a class="glossary-link" href="terms/x/" data-term="x">Widget</a></p>')


def test_href_and_ids_are_escaped():
    linker = Linker([LinkTarget(term_id='x"y', name="Widget", url="terms/x/?a=1&b=2", title="t")],
                    ambiguous={"W<>": Disambiguation('d/"q"/', "t")})
    html = linker.link_html("<p>Widget, W<></p>".replace("W<>", "W&lt;&gt;"), page_url="a/")
    assert 'href="terms/x/?a=1&amp;b=2"' in html
    assert 'data-term="x&quot;y"' in html
    assert 'href="d/&quot;q&quot;/"' in html and 'data-ambiguous="W&lt;&gt;"' in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_make_href_is_applied_and_reported(linkers, lang):
    result = linkers[lang].link("<p>NRR and SME</p>", page_url="guide/",
                                make_href=lambda url: "../" + url)
    assert [link.href for link in result.links] == ["../terms/nrr/", "../acronyms/sme/"]
    assert 'href="../terms/nrr/"' in result.html and 'href="../acronyms/sme/"' in result.html


def test_make_href_called_once_per_url(linkers):
    calls = []

    def make_href(url):
        calls.append(url)
        return url

    linkers["en"].link("<p>NRR, NRR, NDR, churn</p>", page_url="g/", first_only=False,
                       make_href=make_href)
    assert calls == ["terms/nrr/", "terms/churn/"]


# ---------------------------------------------------------------------------
# Everything but the links is preserved byte for byte
# ---------------------------------------------------------------------------

# An inserted anchor wraps text only (a slice of one text node), so the
# anchor and its own end tag can be matched together.
_INSERTED = re.compile(r'<a class="glossary-link[^"]*" href="[^"]*"(?: title="[^"]*")? '
                       r'data-(?:term|ambiguous)="[^"]*">([^<]*)</a>')


def strip_links(html: str) -> str:
    """Remove the anchors the linker added, keeping their text."""
    return _INSERTED.sub(r"\1", html)


ODD_MARKUP = [
    '<!DOCTYPE html><html><head><title>NRR</title><meta charset="utf-8"></head>'
    "<body><p>NRR</p></body></html>",
    '<p data-x="a > b" title=\'NRR > 1\'>NRR &gt; 1</p>',
    "<P CLASS=x>NRR</P><BR/><HR>",
    "<p>a < b and NRR <3 and NRR</p>",
    "<![CDATA[ NRR ]]><p>NRR</p><?php echo 'NRR' ?>",
    "<p>NRR<!-- NRR -->NRR</p>\r\n<p>\tNRR\u00a0</p>",
    "<p>unterminated <b class='x NRR</p>",
    "<p>&amp;&lt;&gt;&quot;&#39;&#x27;&nbsp;&copy NRR&</p>",
    "<p>emoji 👍NRR👍 and \U0001F600净收入留存率</p>",
]


@pytest.mark.parametrize("html", ODD_MARKUP)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_odd_markup_is_preserved(linkers, lang, html):
    result = linkers[lang].link(html, page_url="g/", first_only=False)
    assert result.links, "the row should link something"
    assert strip_links(result.html) == html


_FRAGMENTS = st.sampled_from([
    "NRR", "净收入留存率", "客户流失率", "Net Revenue Retention", "SME", "CSM", " ", "\n",
    "的", "X", "_", "&amp;", "&lt;", "&nbsp;", "<p>", "</p>", "<code>", "</code>", "<h2>", "</h2>",
    "<a href='x'>", "</a>", "<!-- c -->", "<!-- glossary-skip-start -->",
    "<!-- glossary-skip-end -->", "<br>", '<div class="glossary-skip">', "</div>", "<",
    ">", '"', "不同比例", "CS Ops", "CS", "R&amp;D", "<script>x<y</script>", "[", "]",
])


@settings(max_examples=300, deadline=None)
@given(html=st.lists(_FRAGMENTS, max_size=30).map("".join), first_only=st.booleans())
def test_only_links_are_added(linkers, html, first_only):
    for linker in linkers.values():
        result = linker.link(html, page_url="g/", first_only=first_only)
        assert strip_links(result.html) == html
        assert [m.group(1) for m in _INSERTED.finditer(result.html)] == [
            link.text for link in result.links]
