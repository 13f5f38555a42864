"""What a link carries for its tooltip and its language.

``tooltips="title"`` (the default, for Material's content.tooltips) writes the
summary as ``title``; ``tooltips="data"`` (the site's own tooltips.js) writes
the heading, the counterpart-language name with its tag, and the summary as
``data-tooltip*`` and no ``title``. ``lang`` marks link text in the other
script."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from crosslink import Disambiguation, Linker, LinkTarget

NRR = {"zh": LinkTarget(term_id="nrr", name="净收入留存率", forms=("Net Revenue Retention",),
                        acronyms=("NRR",), url="terms/nrr/", title="老客户收入留存。",
                        counterpart="Net Revenue Retention (NRR)", counterpart_lang="en"),
       "en": LinkTarget(term_id="nrr", name="Net Revenue Retention", forms=("净收入留存率",),
                        acronyms=("NRR",), url="terms/nrr/", title='Kept "revenue" <&>.',
                        label="Net Revenue Retention (NRR)", counterpart="净收入留存率",
                        counterpart_lang="zh-Hans")}
SME = {"SME": Disambiguation("acronyms/sme/", "SME: expert / business")}
TAGS = {"zh": "zh-Hans", "en": "en"}


def links(html: str):
    return BeautifulSoup(html, "html.parser").select("a.glossary-link")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_data_mode_carries_name_counterpart_and_summary(lang):
    linker = Linker([NRR[lang]], ambiguous=SME, tooltips="data", lang=TAGS[lang])
    (link, ambiguous) = links(linker.link_html("<p>NRR，SME</p>", page_url="g/"))
    assert not link.has_attr("title")
    assert link["data-tooltip"] == NRR[lang].title
    assert link["data-tooltip-name"] == {"zh": "净收入留存率", "en": "Net Revenue Retention (NRR)"}[lang]
    assert link["data-tooltip-other"] == NRR[lang].counterpart
    assert link["data-tooltip-other-lang"] == NRR[lang].counterpart_lang
    assert ambiguous["data-tooltip-name"] == "SME"
    assert ambiguous["data-tooltip"] == "SME: expert / business"
    assert not ambiguous.has_attr("data-tooltip-other") and not ambiguous.has_attr("title")


def test_title_mode_is_the_default_and_unchanged():
    html = Linker([NRR["en"]]).link_html("<p>NRR</p>", page_url="g/")
    assert html == ('<p><a class="glossary-link" href="terms/nrr/" '
                    'title="Kept &quot;revenue&quot; &lt;&amp;&gt;." data-term="nrr">NRR</a></p>')


def test_data_attributes_are_escaped():
    html = Linker([NRR["en"]], tooltips="data").link_html("<p>NRR</p>", page_url="g/")
    assert 'data-tooltip="Kept &quot;revenue&quot; &lt;&amp;&gt;."' in html


@pytest.mark.parametrize(("lang", "html", "expected"), [
    # English inside a Chinese page, Chinese inside an English page.
    ("zh", "<p>净收入留存率，NRR，Net Revenue Retention</p>", [None, "en", "en"]),
    ("en", "<p>Net Revenue Retention, NRR, 净收入留存率</p>", [None, None, "zh-Hans"]),
    # Explicit references too, with their own text or the term's name.
    ("zh", "<p>[[nrr]]，[[NRR|nrr]]</p>", [None, "en"]),
    ("en", "<p>[[nrr]], [[净留存|nrr]]</p>", [None, "zh-Hans"]),
])
def test_link_text_in_the_other_script_carries_lang(lang, html, expected):
    linker = Linker([NRR[lang]], lang=TAGS[lang], tooltips="data")
    result = linker.link(html, page_url="g/", first_only=False)
    assert [a.get("lang") for a in links(result.html)] == expected


def test_without_lang_no_attribute():
    html = Linker([NRR["zh"]]).link_html("<p>NRR</p>", page_url="g/")
    assert "lang=" not in html


@pytest.mark.parametrize(("options", "message"), [
    ({"tooltips": "popup"}, "tooltips must be one of title, data"),
    ({"lang": ""}, "lang must be a BCP 47 tag"),
])
def test_bad_options_are_named(options, message):
    with pytest.raises(ValueError, match=message):
        Linker([NRR["zh"]], **options)


def test_counterpart_needs_its_language():
    with pytest.raises(ValueError, match="counterpart and counterpart_lang go together"):
        LinkTarget(term_id="x", name="X", url="x/", counterpart="Y")
