"""One extra full build for the tests that need the real glossary with test
terms added: the real glossary plus

- the hostile terms of tests/fixtures/xss-glossary (tests/site/test_xss.py);
- alpha-rate and beta-score from tests/fixtures/glossary, their comparison,
  and full citation metadata for seed 002 (tests/site/test_term_sections.py);
- one new term file, aardvark-rate, for the learning decks
  (tests/browser/test_learn.py, which serves it).

Built once, like `make build` (scripts/site.py, its own site URL), instead of
once per module: none of these tests looks at a page another one adds. The
cheat-sheet PDFs are skipped (no Chromium for this build): none of them reads
a PDF, and the real build's PDFs are checked in test_learn.py.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import yaml

from sitegen.local_preview import free_port
from tests.ahead import build_ahead

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
XSS_TERMS = sorted((FIXTURES / "xss-glossary" / "terms").glob("*.yml"))
DEPTH_TERMS = ("alpha-rate.yml", "beta-score.yml")
SEED = {"id": "002", "short": {"zh": "《术语汇总》", "en": "the terminology roundup"},
        "date": "2023-04", "venue": {"zh": "某某公众号", "en": "a WeChat account"},
        "url": "https://example.org/roundup"}
NEW_TERM = """\
id: aardvark-rate
category: retention
zh:
  name: 土豚留存率
  summary: 只为测试而存在的留存指标。
  definition: 只为测试而存在的留存指标，用来确认新术语会自动进入所属类别的卡组。
  examples: [这个季度的土豚留存率是多少？]
en:
  name: Aardvark Retention
  summary: A retention metric that exists only for this test.
  definition: A retention metric that exists only for this test, to show a new term joins its category deck.
  examples: ["What was aardvark retention last quarter?"]
related: [nrr]
sources:
  references: [{title: "Test fixture", url: "https://example.org/aardvark"}]
"""


@build_ahead
def fixture_site(ahead) -> dict:
    """{"site": the built site, "glossary": its glossary folder, "port": the
    port its site URL names (http://127.0.0.1:<port>/), for serving it}."""
    root = ahead.tmp.mktemp("fixture-site")
    glossary = root / "glossary"
    shutil.copytree(REPO / "glossary", glossary, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    for term_file in XSS_TERMS:                                   # test_xss.py
        shutil.copy(term_file, glossary / "terms" / term_file.name)
    for name in DEPTH_TERMS:                                      # test_term_sections.py
        shutil.copy(FIXTURES / "glossary" / "terms" / name, glossary / "terms" / name)
    (glossary / "comparisons").mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "glossary" / "comparisons" / "alpha-vs-beta.yml", glossary / "comparisons")
    seeds = yaml.safe_load((glossary / "seeds.yml").read_text(encoding="utf-8"))
    for seed in seeds:
        if seed["id"] == SEED["id"]:
            seed.update(SEED)
    (glossary / "seeds.yml").write_text(yaml.safe_dump(seeds, allow_unicode=True), encoding="utf-8")
    (glossary / "terms" / "aardvark-rate.yml").write_text(NEW_TERM, encoding="utf-8")   # test_learn.py
    out = root / "site"
    port = free_port()
    result = ahead.run(
        [sys.executable, str(REPO / "scripts" / "site.py"), "build", "--out", str(out),
         "--site-url", f"http://127.0.0.1:{port}/"],
        cwd=REPO, capture_output=True, text=True,
        env=dict(os.environ, GLOSSARY_DIR=str(glossary), CHROMIUM_PATH="/nonexistent"))
    assert result.returncode == 0, f"fixture site build failed:\n{result.stdout}\n{result.stderr[-3000:]}"
    return {"site": out, "glossary": glossary, "port": port}
