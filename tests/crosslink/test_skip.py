"""Where nothing is linked: elements, attributes, comment regions, raw text."""
from __future__ import annotations

import pytest

from crosslink._html import NOLINK_TAGS, VERBATIM_TAGS

MENTION = {"zh": ("净收入留存率", "nrr"), "en": ("NRR", "nrr")}
LANGS = ("zh", "en")

# Every element the rules name; each row wraps a mention in it, with another
# mention after it that must link (so the skipped one would have been first).
SKIPPED_ELEMENTS = sorted(VERBATIM_TAGS | NOLINK_TAGS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tag", SKIPPED_ELEMENTS)
def test_element_is_skipped(linked, lang, tag):
    word, term = MENTION[lang]
    html = f"<div><{tag}>{word}</{tag}><p>{word}</p></div>"
    assert linked(lang, html, first_only=True) == [(word, term)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tag", ["CODE", "Pre", "H2", "A"])
def test_tag_names_are_case_insensitive(linked, lang, tag):
    word, term = MENTION[lang]
    assert linked(lang, f"<{tag}>{word}</{tag}><p>{word}</p>") == [(word, term)]


SKIPPED_BY_ATTRIBUTE = [
    '<div class="glossary-skip">{w}</div>',
    '<div class="note glossary-skip wide">{w}</div>',
    "<div class='glossary-skip'>{w}</div>",
    "<div class=glossary-skip>{w}</div>",
    '<div CLASS="glossary-skip">{w}</div>',
    "<span data-glossary-skip>{w}</span>",
    '<span data-glossary-skip="">{w}</span>',
    '<p data-glossary-skip="true">{w}</p>',
    '<div data-calculator="nrr"><label>x</label><output>{w}</output></div>',
    '<div data-calculator="nrr"><p>{w} is <b>{w}</b></p></div>',
    "<section data-calculator><p>{w}</p></section>",
    '<div class="glossary-skip"><div><p>{w}</p></div></div>',
    '<ul class="glossary-skip"><li>{w}<li>{w}</ul>',
    # Text in skipped elements is skipped even around void and self-closing tags.
    '<div class="glossary-skip">a<br>{w}<img src="x" alt="y"/>{w}</div>',
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("wrapper", SKIPPED_BY_ATTRIBUTE)
def test_marked_element_is_skipped(linked, lang, wrapper):
    word, term = MENTION[lang]
    html = wrapper.format(w=word) + f"<p>{word}</p>"
    assert linked(lang, html) == [(word, term)]


NOT_SKIPPED = [
    '<div class="glossary-skipper">{w}</div>',
    '<div class="no-glossary-skip">{w}</div>',
    '<div data-glossary="skip">{w}</div>',
    '<div title="glossary-skip">{w}</div>',
    '<div data-calculators="x">{w}</div>',
    '<p>a<br>{w}</p>',
    '<p><img src="a.png" alt="glossary-skip">{w}</p>',
    '<div class="glossary-skip"></div><p>{w}</p>',
    '<code>x</code>{w}',
    '<p><span>x</span>{w}</p>',
    '<p><strong>{w}</strong></p>',
    '<table><tr><td>{w}</td></tr></table>',
    '<details><summary>title</summary><p>{w}</p></details>',
    '<p><a href="x">link</a>, {w}</p>',
    # An end tag closes what was left open inside it (Markdown never leaves
    # inline code open; browsers would reopen it, this tokenizer does not).
    '<p><code>x</p><p>{w}</p>',
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("html", NOT_SKIPPED)
def test_unmarked_element_links(linked, lang, html):
    word, term = MENTION[lang]
    assert linked(lang, html.format(w=word)) == [(word, term)]


# ---------------------------------------------------------------------------
# Comment regions
# ---------------------------------------------------------------------------

REGIONS = [
    # (html, how many of the {w} mentions link)
    ("<!-- glossary-skip-start --><p>{w}</p><!-- glossary-skip-end --><p>{w}</p>", 1),
    ("<p>{w}<!-- glossary-skip-start -->{w}<!-- glossary-skip-end -->{w}</p>", 2),
    ("<!--glossary-skip-start--><p>{w}</p><!--glossary-skip-end--><p>{w}</p>", 1),
    # A region may start in one element and end in another.
    ("<p>{w}<!-- glossary-skip-start -->{w}</p><p>{w}<!-- glossary-skip-end -->{w}</p>", 2),
    # Regions nest.
    ("<!-- glossary-skip-start --><!-- glossary-skip-start -->{w}"
     "<!-- glossary-skip-end -->{w}<!-- glossary-skip-end -->{w}", 1),
    # An unmatched end is ignored; an unterminated start skips the rest.
    ("<!-- glossary-skip-end -->{w}", 1),
    ("{w}<!-- glossary-skip-start --><p>{w}</p><p>{w}</p>", 1),
    # Other comments change nothing, and their content is never linked.
    ("<!-- {w} --><p>{w}</p><!-- glossary-skip -->{w}", 2),
    ("<!-- unterminated {w}", 0),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("html", "count"), REGIONS)
def test_comment_region(linked, lang, html, count):
    word, term = MENTION[lang]
    assert linked(lang, html.format(w=word)) == [(word, term)] * count


# ---------------------------------------------------------------------------
# Raw text: script, style, textarea and friends are not markup
# ---------------------------------------------------------------------------

RAW = [
    '<script>var s = "<p>{w}</p>";</script>',
    "<script type=module>if (a < b && c) {{ x = '{w}' }}</script>",
    "<style>.x:after {{ content: '{w}' }}</style>",
    "<textarea><b>{w}</b></textarea>",
    "<title>{w}</title>",
    "<SCRIPT>x = '</scriptx>{w}'</SCRIPT >",
    "<svg><text>{w}</text><path d='M0 0'/></svg>",
    "<math><mi>{w}</mi></math>",
    "<pre><code>{w} = 1\n<span>{w}</span></code></pre>",
    # An unclosed code element skips what follows until an enclosing end tag.
    "<code>{w}<p>{w}</p>{w}",
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("html", RAW)
def test_raw_text_is_never_linked(linked, lang, html):
    word, _ = MENTION[lang]
    assert linked(lang, html.format(w=word)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_text_after_raw_text_links(linked, lang):
    word, term = MENTION[lang]
    html = f"<script>var s = '<a>';</script><p>{word}</p><style>a{{}}</style>{word}"
    assert linked(lang, html) == [(word, term)] * 2


@pytest.mark.parametrize("lang", LANGS)
def test_nested_links_and_headings(linked, lang):
    word, term = MENTION[lang]
    html = (f'<h2 id="x">{word} <a class="headerlink" href="#x">¶</a></h2>'
            f'<p><a href="y"><span>{word}</span></a></p><p><em>{word}</em></p>')
    assert linked(lang, html) == [(word, term)]


@pytest.mark.parametrize("lang", LANGS)
def test_stray_end_tags_do_not_confuse(linked, lang):
    word, term = MENTION[lang]
    html = f"</code></a><p>{word}</p></h2><p>{word}</p>"
    assert linked(lang, html) == [(word, term)] * 2


@pytest.mark.parametrize("junk", ["<a ", "<!x ", "</a ", '<a "', "<a title='", "<!-- "])
def test_malformed_markup_is_text_and_cheap(linkers, junk):
    # Quadratic tokenizing would take minutes here; linear takes milliseconds.
    html = junk * 20_000 + "<p>NRR</p>"
    result = linkers["en"].link(html, page_url="g/")
    assert result.html.startswith(junk * 100)
