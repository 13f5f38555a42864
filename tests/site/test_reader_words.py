"""Readers never meet our internal words: no "seed" / "种子" and no formula
id (ltv_churn) in the prose of any built page. Code samples, attributes and
scripts are not prose; contributor pages may name the term-file field
`seeds` in code, and do so only there."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from calculators import FORMULAS

SEED_WORDS = re.compile(r"\bseeds?\b|种子", re.IGNORECASE)
FORMULA_IDS = re.compile(r"\b(?:" + "|".join(sorted((f for f in FORMULAS if "_" in f), key=len, reverse=True)) + r")\b")
NOT_PROSE = ("code", "pre", "script", "style", "kbd", "samp", "template", "noscript")


def prose(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article") or soup.body or soup
    for element in article.find_all(NOT_PROSE):
        element.decompose()
    return article.get_text(" ")


def test_no_internal_word_in_any_page(built_site):
    problems = []
    pages = sorted(built_site.rglob("*.html"))
    for page in pages:
        text = prose(page.read_text(encoding="utf-8"))
        for pattern in (SEED_WORDS, FORMULA_IDS):
            for match in pattern.finditer(text):
                around = text[max(0, match.start() - 40):match.end() + 40].replace("\n", " ")
                problems.append(f"{page.relative_to(built_site)}: …{around}…")
    assert len(pages) > 300
    assert problems == [], "\n".join(problems[:20])


def test_the_check_sees_the_words_it_forbids():
    assert SEED_WORDS.search(prose("<article><p>Seed 004 says so.</p></article>"))
    assert SEED_WORDS.search(prose("<article><p>来源于种子文章。</p></article>"))
    assert FORMULA_IDS.search(prose("<article><p>use ltv_churn here</p></article>"))
    assert not FORMULA_IDS.search(prose("<article><p><code>ltv_churn</code></p></article>"))
