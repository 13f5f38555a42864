"""Term cross-links in the built HTML, in both languages.

Two sites are checked:

- the real site (``built_site``): generated pages (term pages, A–Z, categories,
  home) and hand-written ones (concepts.md), page by page and as a whole;
- a copy of the real project with a few hand-written test pages added
  (``test_site``), for what the real pages do not show: skip markers, the
  per-page opt-out, homonyms, ``[[id]]`` references, boundaries, a failing
  ``[[nosuch]]``.

How the copy is made: every top-level entry of the repository is symlinked
into a temporary folder, except ``docs/`` (copied, then the test pages are
added to both languages) and the two MkDocs configs (copied, so that paths in
them, hooks and the theme's custom_dir included, resolve inside the copy).
Both configs are then built with ``mkdocs build --strict``, in parallel, exactly
as scripts/site.py does. The real docs folder is never written to, and the
copy picks up any hook or setting the real configs gain later.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.ahead import build_ahead
from tests.conftest import REPO
from tests.spec import repository_glossary

GLOSSARY = repository_glossary()
LANGS = ("zh", "en")
CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
ACRONYMS = {a.abbr: a for a in GLOSSARY.shared_acronyms()}
OTHER_TAG = {"zh": "en", "en": "zh-Hans"}

# Where a link never goes (crosslink/README.md, "Where nothing is linked").
NO_LINK_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math",
                "template", "noscript", "title", "iframe", "h1", "h2", "h3", "h4", "h5", "h6",
                "a", "abbr", "dfn", "button", "label", "select", "option", "optgroup",
                "datalist", "summary"}
NO_LINK_ATTRIBUTES = ("data-glossary-skip", "data-calculator")


# ---------------------------------------------------------------------------
# Reading built pages
# ---------------------------------------------------------------------------

def page_file(site: Path, lang: str, url: str) -> Path:
    path = site / lang / url / "index.html"
    assert path.is_file(), f"missing page {lang}/{url}"
    return path


def article(path: Path) -> BeautifulSoup:
    """The page's content (Material's <article>), where the hook links."""
    html = path.read_text(encoding="utf-8")
    start, end = html.find("<article"), html.find("</article>")
    assert start >= 0 and end > start, f"{path}: no <article>"
    return BeautifulSoup(html[start:end + len("</article>")], "html.parser")


def target_of(link) -> str:
    """A glossary link's target: the term id, or "acronyms/<abbr>" for a homonym page."""
    if link.has_attr("data-term"):
        return link["data-term"]
    return "acronyms/" + link["data-ambiguous"]


def glossary_links(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a.get_text(), target_of(a)) for a in soup.select("a.glossary-link")]


def resolved(site: Path, page: Path, href: str) -> Path:
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, f"{href}: glossary links are relative"
    return (page.parent / parts.path).resolve()


def check_link(site: Path, lang: str, page: Path, link) -> None:
    """The link goes to an existing page of its term (or homonym page) in the
    page's own language, with that term's summary, name and counterpart-language
    name for its tooltip (tooltips.js), and no ``title`` for Material's."""
    target = resolved(site, page, link["href"])
    where = f"{page.relative_to(site)}: {link}"
    assert (target / "index.html").is_file(), f"{where}: no page at {link['href']}"
    if link.has_attr("data-term"):
        term = GLOSSARY[link["data-term"]]
        assert target == (site / lang / "terms" / term.id).resolve(), where
        assert link["data-tooltip"] == term.lang(lang).summary, where
        assert link["data-tooltip-name"].startswith(term.lang(lang).name), where
        assert link["data-tooltip-other"].startswith(term.other(lang).name), where
        assert link["data-tooltip-other-lang"] == OTHER_TAG[lang], where
        assert not link.has_attr("title"), where
        assert "glossary-ambiguous" not in link["class"], where
    else:
        acronym = ACRONYMS[link["data-ambiguous"]]
        assert target == (site / lang / "acronyms" / acronym.slug).resolve(), where
        assert link["class"] == ["glossary-link", "glossary-ambiguous"], where
        assert link["data-tooltip-name"] == acronym.abbr, where
        for term_id in acronym.term_ids:
            assert GLOSSARY[term_id].lang(lang).name in link["data-tooltip"], where


def forbidden_ancestor(link) -> str | None:
    for parent in link.parents:
        if parent.name == "article":
            return None
        if parent.name in NO_LINK_TAGS:
            return parent.name
        if any(parent.has_attr(attribute) for attribute in NO_LINK_ATTRIBUTES):
            return str(parent.attrs)
        if "glossary-skip" in parent.get("class", []):
            return "class=glossary-skip"
    return None


def has_references(site: Path, lang: str, page: Path) -> bool:
    """Whether the hand-written source of a built page has [[...]] in it
    (generated pages have no source under docs/)."""
    url = page.parent.relative_to(site / lang).as_posix()
    docs = REPO / "docs" / lang
    sources = [docs / f"{url}.md", docs / url / "index.md"] if url != "." else [docs / "index.md"]
    if url.startswith("terms/"):       # a term's definition may hold [[id]] references too
        sources.append(REPO / "glossary" / "terms" / f"{url.removeprefix('terms/')}.yml")
    return any(source.is_file() and "[[" in source.read_text(encoding="utf-8")
               for source in sources)


def all_pages(site: Path, lang: str) -> list[Path]:
    return sorted((site / lang).rglob("*.html"))


# ---------------------------------------------------------------------------
# The real site
# ---------------------------------------------------------------------------

# (lang, page, target, link text): the first link to `target` on the page.
REAL_MENTIONS = [
    # home pages: the lead paragraph
    ("zh", "", "customer-success", "客户成功"),
    ("en", "", "subscription", "subscription"),
    # category index: the summaries after each term
    ("zh", "categories", "crr", "客户留存率"),
    ("en", "categories", "crr", "customer retention"),
    ("en", "categories", "saas", "SaaS"),
    # term pages: summary, definition, homonym acronyms
    ("zh", "terms/nrr", "churn", "流失"),
    ("zh", "terms/nrr", "mrr", "MRR"),
    ("en", "terms/nrr", "mrr", "MRR"),
    ("zh", "terms/cs-ops", "acronyms/CSM", "CSM"),    # not in source titles: those are quoted as published
    ("en", "terms/churn-rate", "kpi", "KPIs"),
    ("en", "terms/churn-rate", "crr", "customer retention rate"),
    # longest match on a term's own page: 收入流失率, not this page's own 流失率
    ("zh", "terms/churn-rate", "revenue-churn-rate", "收入流失率"),
    # hand-written pages: the concepts page through [[id]] references
    ("zh", "concepts", "nrr", "NRR"),
    ("en", "concepts", "nrr", "NRR"),
    ("zh", "concepts", "ka", "关键客户"),
    ("en", "concepts", "ka", "key accounts"),
    ("zh", "concepts", "csm", "客户成功经理"),
    ("en", "concepts", "csm", "customer success manager"),
]


@pytest.mark.parametrize("lang, url, target, text", REAL_MENTIONS,
                         ids=[f"{r[0]}:{r[1] or 'home'}:{r[2]}" for r in REAL_MENTIONS])
def test_mention_links_to_the_term_page_with_its_summary(built_site, lang, url, target, text):
    path = page_file(built_site, lang, url)
    links = [a for a in article(path).select("a.glossary-link") if target_of(a) == target]
    assert links, f"{lang}/{url}: no link to {target}"
    assert links[0].get_text() == text
    check_link(built_site, lang, path, links[0])


# (lang, page, term, tooltip heading, counterpart name): the abbreviation goes
# with the English name, once, and only if it is a real abbreviation.
TOOLTIP_NAMES = [
    ("zh", "terms/nrr", "mrr", "月度经常性收入", "Monthly Recurring Revenue (MRR)"),
    ("en", "terms/nrr", "mrr", "Monthly Recurring Revenue (MRR)", "月度经常性收入"),
    ("zh", "terms/nrr", "churn", "客户流失", "Customer Churn"),
]


@pytest.mark.parametrize("lang, url, term_id, heading, counterpart", TOOLTIP_NAMES,
                         ids=[f"{r[0]}:{r[1]}:{r[2]}" for r in TOOLTIP_NAMES])
def test_tooltip_names_the_term_in_both_languages(built_site, lang, url, term_id, heading,
                                                  counterpart):
    link = article(page_file(built_site, lang, url)).select_one(
        f'a.glossary-link[data-term="{term_id}"]')
    assert link["data-tooltip-name"] == heading
    assert link["data-tooltip-other"] == counterpart
    assert link["data-tooltip-other-lang"] == OTHER_TAG[lang]


# (lang, page, CSS selector, term text inside it): text that is a term, in a
# place where it must stay text. Each shows the whole-site check below is not
# vacuous.
REAL_UNLINKED = [
    ("zh", "terms/nrr", "h1", "NRR"),                       # the term's own heading
    ("en", "terms/nrr", "h1", "NRR"),
    ("zh", "terms/nrr", "[data-calculator]", "MRR"),        # calculator widget
    ("en", "terms/nrr", "[data-calculator]", "MRR"),
    ("zh", "terms/nrr", "abbr", "NRR"),
    ("zh", "categories", "h2#retention", "流失"),            # heading
    ("zh", "concepts", ".week-one__summary", "流失"),           # week-one summaries
    ("en", "concepts", ".week-one__summary", "churn"),
    ("zh", "a-z", ".az-list a[href='../terms/nrr/']", "净收入留存率"),
    ("en", "a-z", ".az-list a[href='../terms/nrr/']", "Net Revenue Retention"),
]


@pytest.mark.parametrize("lang, url, selector, text", REAL_UNLINKED,
                         ids=[f"{r[0]}:{r[1]}:{r[2]}" for r in REAL_UNLINKED])
def test_term_text_left_alone_where_links_do_not_belong(built_site, lang, url, selector, text):
    elements = article(page_file(built_site, lang, url)).select(selector)
    assert elements, f"{lang}/{url}: nothing matches {selector}"
    holding = [e for e in elements if text in e.get_text()]
    assert holding, f"{lang}/{url}: {text!r} not in {selector}"
    for element in holding:
        assert not element.select("a.glossary-link"), str(element)[:300]


@pytest.mark.parametrize("lang", LANGS)
def test_every_glossary_link_on_the_site_is_well_placed_and_resolves(built_site, lang):
    """Every tooltip link of the whole tree: an existing page of the same
    language, the right title, never where links do not belong, at most one
    per term and page (first mention only) unless the page's Markdown holds
    explicit [[id]] references, which may link a term again."""
    count = 0
    for path in all_pages(built_site, lang):
        if "<article" not in path.read_text(encoding="utf-8"):
            continue
        seen: set[str] = set()
        explicit = has_references(built_site, lang, path)
        for link in article(path).select("a.glossary-link"):
            count += 1
            check_link(built_site, lang, path, link)
            assert forbidden_ancestor(link) is None, \
                f"{path.relative_to(built_site)}: {link} inside {forbidden_ancestor(link)}"
            target = target_of(link)
            assert explicit or target not in seen, \
                f"{path.relative_to(built_site)}: {target} linked twice"
            seen.add(target)
    assert count > 400, f"only {count} glossary links in the {lang} tree"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("term_id", sorted(GLOSSARY.terms))
def test_term_is_not_linked_on_its_own_page(built_site, lang, term_id):
    soup = article(page_file(built_site, lang, f"terms/{term_id}"))
    linked = {target_of(a) for a in soup.select("a.glossary-link")}
    assert term_id not in linked
    # ...nor the homonym page of an abbreviation it shares ("SME" on the SME pages).
    own_acronyms = {f"acronyms/{a.abbr}" for a in ACRONYMS.values() if term_id in a.term_ids}
    assert not linked & own_acronyms
    assert not soup.h1.select("a"), "the term's own heading holds a link"


# ---------------------------------------------------------------------------
# Over-reach (issue 9, item 17): places that already say what the link would
# ---------------------------------------------------------------------------

# (selector, page kind): no glossary link anywhere inside these.
NEVER_LINKED_INSIDE = [
    (".term-sources", "terms"),              # source citations
    (".term-related__summary", "terms"),     # the "Related terms" list already links
    (".term-related__summary", "compare"),   # the compared terms, each already linked
    (".term-form__text", "terms"),           # the term's own names and aliases
    (".acronym-meanings [lang]", "acronyms"),  # the counterpart name beside the term's link
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("selector, kind", NEVER_LINKED_INSIDE,
                         ids=[row[0] for row in NEVER_LINKED_INSIDE])
def test_no_links_inside_citations_related_summaries_or_homonym_names(built_site, lang,
                                                                        selector, kind):
    seen = 0
    for path in sorted((built_site / lang / kind).glob("*/index.html")):
        for element in article(path).select(selector):
            seen += 1
            assert not element.select("a.glossary-link"), \
                f"{path.relative_to(built_site)}: {str(element)[:300]}"
    assert seen > 0, f"no {selector} on any {lang}/{kind} page"


# Two links separated by nothing but whitespace or inline markup read as one.
_TOUCHING = re.compile(
    r"</a>(?:\s|&nbsp;|</?(?:span|strong|em|b|i)\b[^>]*>)*<a\b[^>]*>", re.I)


@pytest.mark.parametrize("lang", LANGS)
def test_no_glossary_link_touches_another_link(built_site, lang):
    for path in all_pages(built_site, lang):
        html = path.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        body = html[html.find("<article"):html.find("</article>")]
        for match in _TOUCHING.finditer(body):
            before = body[max(0, body.rfind("<a ", 0, match.start())):match.start()]
            if "glossary-link" in match.group() or "glossary-link" in before:
                context = body[max(0, match.start() - 200):match.end() + 40]
                pytest.fail(f"{path.relative_to(built_site)}: links touch: {context}")


# ---------------------------------------------------------------------------
# Mixed scripts (issue 9, item 21): the other language is marked as such
# ---------------------------------------------------------------------------

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def needed_lang(lang: str, text: str) -> str | None:
    if lang == "zh":
        return "en" if LATIN.search(text) and not HAN.search(text) else None
    return "zh-Hans" if HAN.search(text) else None


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_links_in_the_other_script_carry_lang(built_site, lang):
    marked = 0
    for path in all_pages(built_site, lang):
        if "<article" not in path.read_text(encoding="utf-8"):
            continue
        for link in article(path).select("a.glossary-link"):
            expected = needed_lang(lang, link.get_text())
            assert link.get("lang") == expected, f"{path.relative_to(built_site)}: {link}"
            marked += expected is not None
    # English pages rarely quote Chinese; Chinese pages are full of acronyms.
    assert marked > (50 if lang == "zh" else 0), f"only {marked} {lang} links in the other script"


# (lang, page, selector): names in the other language that the templates emit.
OTHER_LANGUAGE_NAMES = [
    ("zh", "terms/nrr", ".term-counterpart [lang=en]"),
    ("en", "terms/nrr", ".term-counterpart [lang=zh-Hans]"),
    ("zh", "terms/nrr", ".term-facts dd [lang=en]"),          # the abbreviation in the facts table
    ("zh", "terms/nrr", "h1 abbr[lang=en]"),
    ("zh", "a-z", ".az-list__other[lang=en]"),
    ("en", "a-z", ".az-list__other[lang=zh-Hans]"),
    ("zh", "acronyms/csm", ".acronym-meanings [lang=en]"),
    ("en", "acronyms/csm", ".acronym-meanings [lang=zh-Hans]"),
    ("zh", "concepts", ".week-one__other[lang=en]"),
    ("en", "concepts", ".week-one__other[lang=zh-Hans]"),
]


@pytest.mark.parametrize("lang, url, selector", OTHER_LANGUAGE_NAMES,
                         ids=[f"{r[0]}:{r[1]}:{r[2]}" for r in OTHER_LANGUAGE_NAMES])
def test_other_language_names_carry_lang(built_site, lang, url, selector):
    elements = article(page_file(built_site, lang, url)).select(selector)
    assert elements, f"{lang}/{url}: nothing matches {selector}"
    for element in elements:
        text = element.get_text()
        assert (HAN.search(text) if lang == "en" else LATIN.search(text)), str(element)


# ---------------------------------------------------------------------------
# The concepts page (issue 9 item 20, issue 15 section 4)
# ---------------------------------------------------------------------------

# Every one of these is linked from the page, in both languages.
CONCEPTS_TERMS = [
    "lifecycle-stages", "customer-journey",                                  # the lifecycle
    "csm", "account-manager", "customer-support", "cs-ops", "onboarding",         # roles
    "implementation",
    "subject-matter-expert", "cco",
    "customer-segmentation", "enterprise-segment", "mid-market", "smb",      # coverage
    "high-touch", "low-touch", "tech-touch",
    "nrr", "grr", "logo-retention",                                          # outcomes
    "health-score", "adoption", "ttv", "engagement",                         # leading indicators
    "nps", "csat", "ces",                                                    # surveys
    "ltv-cac-ratio", "cac-payback", "quick-ratio",                           # efficiency
    "customer-success-management", "small-medium-enterprise", "crc", "crr", "churn-rate",  # traps
]
WEEK_ONE = yaml.safe_load((REPO / "glossary" / "week-one.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_concepts_page_links_every_term_through_the_linker(built_site, lang):
    """No hand-written term links: each carries a tooltip like everywhere else."""
    source = (REPO / "docs" / lang / "concepts.md").read_text(encoding="utf-8")
    assert "](terms/" not in source, "a hand-written Markdown link to a term page"
    soup = article(page_file(built_site, lang, "concepts"))
    for link in soup.select("a[href]"):
        if "/terms/" in link["href"] or "/acronyms/" in link["href"]:
            assert "glossary-link" in link.get("class", []), str(link)
            assert link.has_attr("data-tooltip-name"), str(link)
    linked = {a.get("data-term") for a in soup.select("a.glossary-link")}
    assert not set(CONCEPTS_TERMS) - linked, f"not linked: {set(CONCEPTS_TERMS) - linked}"


@pytest.mark.parametrize("lang", LANGS)
def test_concepts_page_has_the_traps_box(built_site, lang):
    box = article(page_file(built_site, lang, "concepts")).select_one(".admonition.warning")
    assert box is not None
    text = box.get_text()
    for trap in ("CSM", "SME", "CRC", "CCR", "NPS", "12"):
        assert trap in text, trap
    for term_id in ("csm", "customer-success-management", "subject-matter-expert",
                    "small-medium-enterprise", "crc", "crr", "churn-rate"):
        assert box.select(f'a.glossary-link[data-term="{term_id}"]'), term_id


@pytest.mark.parametrize("lang", LANGS)
def test_week_one_words_come_from_week_one_yml(built_site, lang):
    items = article(page_file(built_site, lang, "concepts")).select("ol.week-one > li")
    assert len(WEEK_ONE) == 20
    assert [li.select_one("a.glossary-link")["data-term"] for li in items] == WEEK_ONE
    for li, term_id in zip(items, WEEK_ONE):
        term = GLOSSARY[term_id]
        assert li.select_one("a.glossary-link").get_text() == term.lang(lang).name
        assert li.select_one(".week-one__summary").get_text() == term.lang(lang).summary
        assert len(li.select("a")) == 1, "only the name links"


# ---------------------------------------------------------------------------
# A copy of the project with hand-written test pages
# ---------------------------------------------------------------------------

FOLDER = "linking-tests"
TEST_PAGES = {
    "first.md": """\
# First mention

净收入留存率是核心指标。净收入留存率在同一段里又出现一次。

NRR 在下一段再出现，Net Revenue Retention 也是。
""",
    "longest.md": """\
# Longest match

客户流失率比上季度高。

Our CS Ops team owns the number.

The Customer Success Manager reviews it every month.

Revenue Churn Rate rose as well.
""",
    "boundaries.md": """\
# Boundaries

NRRX 与 XNRR 只是两个项目代号。

小写的 nrr 和 saas 都不算缩写。

各部门预算不同比例也不同。

我们的NRR提升了，SaaS 收入同比上涨。

customer acquisition cost 按季度核算。
""",
    "nolink.md": """\
# 标题里的 NRR

## Churn Rate 与 ARR

行内代码 `MRR` 不链接。

```text
CAC = 销售费用 / 新客户数
```

已有链接 [GRR 说明](https://example.com/grr) 不再套链接。

*[LTV]: Customer Lifetime Value

The LTV figure is an abbreviation here.

<div data-calculator="demo"><p>计算器里的 KPI 不链接。</p></div>

正文：NRR、Churn Rate、ARR、MRR、CAC、GRR、KPI。
""",
    "skip.md": """\
# Skip markers

这一段提到 NRR，但整段跳过。
{ .glossary-skip }

这一句里只有 *ARR*{ .glossary-skip } 被跳过，<span data-glossary-skip>MRR</span> 也是。

<!-- glossary-skip-start -->

CAC 和 [[nosuch]] 都在跳过区域里，原样保留。

<!-- glossary-skip-end -->

正文：NRR、ARR、MRR、CAC。
""",
    "inflections.md": """\
# Inflections

Our customer success managers handle renewals; they track KPIs and prepare QBRs.
""",
    "touching.md": """\
# Touching

B2B SaaS 公司，KPIs CS 团队。
""",
    "off.md": """\
---
glossary_links: false
---

# Page opt-out

NRR、客户流失率和 [[nrr]] 在这一页都保持原样。
""",
    "explicit.md": """\
# Homonyms and references

SME 可以指两类人，CSM 也有两个意思。

这里的 [[SME|subject-matter-expert]] 指懂行的同事。

显式引用 [[nrr]] 总会链接，第二次写 [[nrr]] 也一样；自定义文字：[[净留存|nrr]]。

第二次出现的 SME 不再链接。
""",
}
NRR_NAME = {lang: GLOSSARY["nrr"].lang(lang).name for lang in LANGS}


def _expected(page: str, lang: str) -> list[tuple[str, str]]:
    return {
        "first.md": [("净收入留存率", "nrr")],
        "longest.md": [("客户流失率", "churn-rate"), ("CS Ops", "cs-ops"),
                       ("Customer Success Manager", "csm"),
                       ("Revenue Churn Rate", "revenue-churn-rate")],
        "boundaries.md": [("NRR", "nrr"), ("SaaS", "saas"), ("同比", "yoy"),
                          ("customer acquisition cost", "cac")],
        "nolink.md": [("NRR", "nrr"), ("Churn Rate", "churn-rate"), ("ARR", "arr"), ("MRR", "mrr"),
                      ("CAC", "cac"), ("GRR", "grr"), ("KPI", "kpi")],
        "skip.md": [("NRR", "nrr"), ("ARR", "arr"), ("MRR", "mrr"), ("CAC", "cac")],
        "inflections.md": [("customer success managers", "csm"), ("renewals", "renewal"),
                           ("KPIs", "kpi"), ("QBRs", "qbr")],
        "touching.md": [("B2B", "b2b"), ("KPIs", "kpi")],
        "off.md": [],
        "explicit.md": [("SME", "acronyms/SME"), ("CSM", "acronyms/CSM"),
                        ("SME", "subject-matter-expert"), (NRR_NAME[lang], "nrr"),
                        (NRR_NAME[lang], "nrr"), ("净留存", "nrr")],
    }[page]


def mirror_project(dest: Path, pages: dict[str, str]) -> Path:
    """The repository, symlinked, with a private docs/ holding ``pages`` in
    both languages (under linking-tests/) and private copies of the configs."""
    dest.mkdir(parents=True)
    for entry in REPO.iterdir():
        if entry.name == "docs" or entry.name in CONFIGS.values():
            continue
        (dest / entry.name).symlink_to(entry)
    for config in CONFIGS.values():
        shutil.copy2(REPO / config, dest / config)
    shutil.copytree(REPO / "docs", dest / "docs")
    for lang in LANGS:
        folder = dest / "docs" / lang / FOLDER
        folder.mkdir()
        for name, text in pages.items():
            (folder / name).write_text(text, encoding="utf-8")
    return dest


def build_both(project: Path, out: Path, popen=subprocess.Popen) -> dict[str, tuple[int, str]]:
    """`mkdocs build --strict` of both configs in parallel: {lang: (exit code, output)}.
    ``popen``: how to start them (the builds made ahead pass tests/ahead.py's)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    processes = {
        lang: popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config),
             "-d", str(out / lang)],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for lang, config in CONFIGS.items()
    }
    outputs = {lang: p.stdout.read() for lang, p in processes.items()}
    return {lang: (p.wait(), outputs[lang]) for lang, p in processes.items()}


@build_ahead
def test_site(ahead) -> Path:
    root = ahead.tmp.mktemp("linking")
    project = mirror_project(root / "project", TEST_PAGES)
    out = root / "site"
    for lang, (code, output) in build_both(project, out, ahead.popen).items():
        assert code == 0, f"{lang} build of the test copy failed:\n{output}"
    return out


def test_test_pages_exist_only_in_the_copy():
    for lang in LANGS:
        assert not (REPO / "docs" / lang / FOLDER).exists()


ROWS = [(lang, page) for page in TEST_PAGES for lang in LANGS]


@pytest.mark.parametrize("lang, page", ROWS, ids=[f"{l}:{p}" for l, p in ROWS])
def test_test_page_links_exactly_these_mentions(test_site, lang, page):
    """In page order, every link on the page: first mentions only, longest
    match, boundaries and case, skipped places, homonyms, [[id]] references."""
    path = page_file(test_site, lang, f"{FOLDER}/{page.removesuffix('.md')}")
    soup = article(path)
    assert glossary_links(soup) == _expected(page, lang)
    for link in soup.select("a.glossary-link"):
        check_link(test_site, lang, path, link)
        assert forbidden_ancestor(link) is None, str(link)


# (page, CSS selector, text): term text in a place the linker must leave alone.
TEST_UNLINKED = [
    ("nolink.md", "h1", "NRR"),
    ("nolink.md", "h2", "Churn Rate"),
    ("nolink.md", "p code", "MRR"),
    ("nolink.md", "pre", "CAC"),
    ("nolink.md", "a[href='https://example.com/grr']", "GRR"),
    ("nolink.md", "abbr", "LTV"),
    ("nolink.md", "[data-calculator]", "KPI"),
    ("skip.md", "p.glossary-skip", "NRR"),
    ("skip.md", "em.glossary-skip", "ARR"),
    ("skip.md", "span[data-glossary-skip]", "MRR"),
    ("off.md", "p", "NRR"),
]
UNLINKED_ROWS = [(lang, *row) for row in TEST_UNLINKED for lang in LANGS]


@pytest.mark.parametrize("lang, page, selector, text", UNLINKED_ROWS,
                         ids=[f"{r[0]}:{r[1]}:{r[2]}" for r in UNLINKED_ROWS])
def test_test_page_leaves_term_text_alone(test_site, lang, page, selector, text):
    soup = article(page_file(test_site, lang, f"{FOLDER}/{page.removesuffix('.md')}"))
    holding = [e for e in soup.select(selector) if text in e.get_text()]
    assert holding, f"{page}: {text!r} not in {selector}"
    for element in holding:
        assert not element.select("a.glossary-link"), str(element)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page, literal", [("skip.md", "[[nosuch]]"), ("off.md", "[[nrr]]")])
def test_references_in_skipped_places_stay_as_written(test_site, lang, page, literal):
    """A skipped region, and a page with glossary_links: false, keep [[...]]
    as written; neither is checked, so [[nosuch]] there does not fail the build."""
    soup = article(page_file(test_site, lang, f"{FOLDER}/{page.removesuffix('.md')}"))
    assert literal in soup.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_every_glossary_link_of_the_copy_resolves(test_site, lang):
    for path in all_pages(test_site, lang):
        if "<article" in path.read_text(encoding="utf-8"):
            for link in article(path).select("a.glossary-link"):
                check_link(test_site, lang, path, link)


@build_ahead
def build_with_unknown_reference(ahead) -> dict[str, tuple[int, str]]:
    pages = {"broken.md": "# Broken\n\n这一页引用了不存在的 [[nosuch]] 术语。\n"}
    root = ahead.tmp.mktemp("unknown-reference")
    project = mirror_project(root / "project", pages)
    return build_both(project, root / "site", ahead.popen)


def test_unknown_reference_fails_the_strict_build_naming_the_page(build_with_unknown_reference):
    for lang, (code, output) in build_with_unknown_reference.items():
        assert code != 0, f"{lang}: the build passed despite [[nosuch]]"
        lines = [line for line in output.splitlines() if "'nosuch'" in line]
        assert lines, output
        assert f"{FOLDER}/broken.md" in lines[0] and "[[nosuch]]" in lines[0], lines[0]
        assert "Traceback" not in output


@build_ahead
def build_with_broken_week_one(ahead) -> subprocess.CompletedProcess:
    root = ahead.tmp.mktemp("week-one")
    glossary = root / "glossary"
    shutil.copytree(REPO / "glossary", glossary, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = glossary / "week-one.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("- nrr\n", "- nrrr\n"), encoding="utf-8")
    env = dict(os.environ, GLOSSARY_DIR=str(glossary), NO_MKDOCS_2_WARNING="1")
    return ahead.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.en.yml",
         "-d", str(root / "site")], cwd=REPO, env=env, capture_output=True, text=True)


def test_broken_week_one_list_fails_the_build_naming_file_and_item(build_with_broken_week_one):
    result = build_with_broken_week_one
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "concepts.md" in output and "week-one.yml: item 15: unknown term id 'nrrr'" in output
    assert "Traceback" not in output
