"""Benchmark: crosslink.Linker against a regex-per-term baseline. Not a test.

    .venv/bin/python benchmarks/crosslink.py            # about four minutes on 2 cores
    .venv/bin/python benchmarks/crosslink.py --quick    # fewer repeats, a smoke run
    .venv/bin/python benchmarks/crosslink.py --full-build-terms -1   # linker only, ~1 min

It builds synthetic glossaries of 100, 1,000 and 5,000 terms (each a prefix of
the next: a handful of real terms, then generated ones with Latin acronyms,
multi-word English names, Chinese names of 2-8 characters and aliases) and a
fixed set of 20 mixed zh/en pages of 1,500-3,000 characters (paragraphs, lists,
headings, code, mentions of the first 100 terms), all from a fixed seed.

For each size it reports
- construction time of the Linker (the jieba default dictionary, loaded once
  per process, is reported on its own line);
- per-page time of Linker.link: for each page the median over repeats, then the
  mean and the median over pages;
- the same for the baseline, the anti-pattern from shared/design-notes.md: one
  compiled regex per term (forms case-insensitive, acronyms case-sensitive,
  ASCII lookaround boundaries), built once, each searched over the page's
  linkable text. It only *finds* the first mention of each term, with no jieba
  check and no rewriting, so it is a lower bound of that approach's cost;
- baseline/linker (the speed-up) and linker(5000)/linker(100) (flatness).

Then it times two full ``scripts/site.py build`` runs, each in a fresh process
(zh and en in parallel, then the root files and exports; jieba's dictionary,
the glossary load and the Linker's construction included): the real site,
and a synthetic site of 5,000 terms (``--full-build-terms``): the real 115
terms, categories and seeds plus generated ones (no formulas, unique names,
summaries and definitions that mention other terms), since the hand-written
pages link real term pages. For each: total seconds, pages built (both
languages) and wall-clock milliseconds per page.
"""
from __future__ import annotations

import argparse
import logging
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this file's folder comes first on sys.path and its own name
# would shadow the package it measures.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from crosslink import Disambiguation, Linker, LinkTarget, _chinese, _html  # noqa: E402

SIZES = (100, 1_000, 5_000)
PAGES = 20
SEED = 20240607

# ---------------------------------------------------------------------------
# Synthetic glossary
# ---------------------------------------------------------------------------

EN_WORDS = """customer success revenue retention churn expansion health score onboarding
renewal account value adoption usage engagement contract subscription pipeline
forecast risk signal playbook cohort lifetime acquisition cost margin recurring
annual monthly net gross dollar logo seat license tier plan upgrade downgrade
escalation ticket support satisfaction promoter effort survey feedback journey
milestone outcome goal review business executive sponsor champion stakeholder
segment persona territory quota capacity coverage ratio rate index benchmark
baseline target growth activation time first product feature release roadmap
integration implementation deployment migration training enablement community
advocacy reference referral upsell cross sell bundle discount pricing billing
invoice payment collection dunning credit refund service level agreement policy
workflow automation trigger alert dashboard report metric analytics model
prediction propensity lead opportunity stage handoff kickoff success plan""".split()

ZH_MORPHEMES = """客户 成功 留存 收入 流失 续约 扩展 健康 评分 满意 推荐 价值 实现 时间
订阅 经常 合同 账户 管理 经理 团队 渠道 产品 使用 活跃 用户 数据 指标 模型 分析
预测 风险 预警 增购 降级 升级 交叉 销售 营收 成本 获客 周期 年度 月度 季度 净额
毛利 比例 指数 生命 旅程 里程碑 目标 业务 高管 支持 工单 反馈 调查 问卷 体验 价格
折扣 账单 发票 回款 信用 退款 服务 等级 协议 政策 流程 自动 触发 告警 看板 报告
线索 商机 阶段 交接 启动 计划 培训 赋能 社区 口碑 转介 席位 许可 套餐 功能 版本
路线 集成 部署 迁移 基线 增长 激活 首次 覆盖 配额 容量 区域 细分 画像 冠军 赞助""".split()
ZH_SUFFIXES = "率 值 度 量 期 表 制 型 化 性 额 数".split()
ZH_GLUE = """的 在 了 和 与 对 把 让 使 将 从 是 会 要 能 都 也 还 就 又 而且 因此 但是 如果 所以
我们 他们 本季度 上个月 今年 通常 往往 需要 可以 应该 已经 正在 开始 继续 明显 大幅""".split()

REAL = [
    ("nrr", "Net Revenue Retention", ("net retention", "net dollar retention"), ("NRR", "NDR"),
     "净收入留存率", ("净收入留存", "净留存率")),
    ("grr", "Gross Revenue Retention", ("gross retention",), ("GRR",), "总收入留存率", ("毛留存率",)),
    ("churn-rate", "churn rate", ("customer churn rate",), (), "客户流失率", ("流失率",)),
    ("churn", "churn", ("customer churn",), (), "客户流失", ("流失",)),
    ("csm", "Customer Success Manager", ("CS manager",), (), "客户成功经理", ()),
    ("cs", "Customer Success", (), ("CS",), "客户成功", ()),
    ("cs-ops", "Customer Success Operations", (), ("CS Ops",), "客户成功运营", ()),
    ("ltv-cac", "LTV to CAC ratio", (), ("LTV:CAC",), "客户终身价值与获客成本比", ()),
    ("saas", "software as a service", (), ("SaaS",), "软件即服务", ()),
    ("yoy", "year over year", (), ("YoY",), "同比", ()),
    ("kb", "knowledge base", (), ("KB",), "知识库", ()),
    ("arr", "Annual Recurring Revenue", (), ("ARR",), "年度经常性收入", ("年经常性收入",)),
    ("mrr", "Monthly Recurring Revenue", (), ("MRR",), "月度经常性收入", ()),
    ("nps", "Net Promoter Score", (), ("NPS",), "净推荐值", ()),
    ("csat", "customer satisfaction score", (), ("CSAT",), "客户满意度", ()),
    ("ttv", "time to value", (), ("TTV",), "价值实现时间", ()),
    ("health-score", "health score", ("customer health score",), (), "健康度评分", ("客户健康度",)),
    ("qbr", "Quarterly Business Review", (), ("QBR",), "季度业务回顾", ()),
    ("sme-expert", "subject-matter expert", (), ("SME",), "领域专家", ()),
    ("sme-business", "small and medium-sized enterprise", (), ("SME",), "中小企业", ()),
]
AMBIGUOUS = {"SME": Disambiguation("acronyms/sme/", "SME: subject-matter expert, or small business")}


def make_terms(count: int, rng: random.Random) -> list[tuple]:
    """``count`` term records (id, en name, en forms, acronyms, zh name, zh forms)."""
    terms = list(REAL)
    used = {f.casefold() for t in REAL for f in (t[1], *t[2], *t[3], t[4], *t[5])}

    def fresh(make):
        for _ in range(1000):
            value = make()
            if value.casefold() not in used:
                used.add(value.casefold())
                return value
        raise RuntimeError("vocabulary exhausted")

    def zh_name():
        parts = rng.sample(ZH_MORPHEMES, rng.choice((1, 2, 2, 3)))
        name = "".join(parts) + (rng.choice(ZH_SUFFIXES) if rng.random() < 0.4 else "")
        return name if 2 <= len(name) <= 8 else name[:8]

    while len(terms) < count:
        index = len(terms)
        length = rng.choice((2, 2, 3, 3, 4))
        en = fresh(lambda n=length: " ".join(rng.sample(EN_WORDS, n)))
        acronyms = ()
        if rng.random() < 0.6:
            acronyms = (fresh(lambda: "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                              for _ in range(rng.randint(2, 5)))),)
        en_forms = (fresh(lambda e=en: e + " " + rng.choice(EN_WORDS)),) if rng.random() < 0.3 else ()
        zh = fresh(zh_name)
        zh_forms = (fresh(zh_name),) if rng.random() < 0.3 else ()
        terms.append((f"term-{index:05d}", en, en_forms, acronyms, zh, zh_forms))
    return terms[:count]


def targets(terms: list[tuple], lang: str) -> list[LinkTarget]:
    """LinkTargets as the hook builds them for one language: that language's
    names, the other language's as extra forms, the acronyms."""
    out = []
    for term_id, en, en_forms, acronyms, zh, zh_forms in terms:
        name, forms = (zh, (*zh_forms, en, *en_forms)) if lang == "zh" else (en, (*en_forms, zh, *zh_forms))
        out.append(LinkTarget(term_id=term_id, name=name, forms=forms, acronyms=acronyms,
                              url=f"terms/{term_id}/", title=f"Summary of {en} ({zh}) & <more>"))
    return out


# ---------------------------------------------------------------------------
# Synthetic pages
# ---------------------------------------------------------------------------


def make_pages(terms: list[tuple], rng: random.Random) -> list[str]:
    mentionable = terms[:100]

    def mention(lang: str) -> str:
        term_id, en, en_forms, acronyms, zh, zh_forms = rng.choice(mentionable)
        if acronyms and rng.random() < 0.4:
            return rng.choice(acronyms)
        if lang == "zh":
            return rng.choice((zh, *zh_forms))
        return rng.choice((en, *en_forms))

    def zh_sentence() -> str:
        parts = []
        for _ in range(rng.randint(4, 9)):
            roll = rng.random()
            if roll < 0.15:
                parts.append(mention("zh"))
            elif roll < 0.55:
                parts.append(rng.choice(ZH_MORPHEMES))
            else:
                parts.append(rng.choice(ZH_GLUE))
        if rng.random() < 0.3:
            parts.append(f"{rng.randint(2, 60)}%")
        return "".join(parts) + rng.choice("。，；")

    def en_sentence() -> str:
        words = []
        for _ in range(rng.randint(8, 16)):
            roll = rng.random()
            if roll < 0.08:
                words.append(mention("en"))
            elif roll < 0.5:
                words.append(rng.choice(EN_WORDS))
            else:
                words.append(rng.choice("the a of to and in for with our their is was by "
                                        "on that this each when which".split()))
        return " ".join(words).capitalize() + "."

    def paragraph() -> str:
        zh = rng.random() < 0.6
        sentences = [zh_sentence() if zh or rng.random() < 0.2 else en_sentence()
                     for _ in range(rng.randint(2, 5))]
        return "<p>" + ("" if zh else " ").join(sentences) + "</p>\n"

    pages = []
    for number in range(PAGES):
        target_size = rng.randint(1500, 3000)
        parts = [f'<h1 id="page-{number}">{mention("zh")} / {mention("en")}</h1>\n']
        while sum(map(len, parts)) < target_size:
            roll = rng.random()
            if roll < 0.55:
                parts.append(paragraph())
            elif roll < 0.7:
                items = "".join(f"<li>{zh_sentence() if rng.random() < 0.5 else en_sentence()}</li>\n"
                                for _ in range(rng.randint(2, 5)))
                parts.append(f"<ul>\n{items}</ul>\n")
            elif roll < 0.8:
                parts.append(f'<h2 id="s{len(parts)}">{mention("zh")}</h2>\n')
            elif roll < 0.9:
                parts.append(f'<div class="highlight"><pre><span></span><code>{mention("en")} = '
                             f'compute(&quot;{mention("en")}&quot;)\n</code></pre></div>\n')
            else:
                parts.append(f"<p>使用 <code>{mention('en')}</code> 计算 {mention('zh')}，"
                             f"see <a href=\"../x/\">{mention('en')}</a> &amp; {mention('en')}。</p>\n")
        pages.append("".join(parts))
    return pages


# ---------------------------------------------------------------------------
# The baseline: one compiled regex per term
# ---------------------------------------------------------------------------


class RegexPerTerm:
    """The anti-pattern: a loop over terms, each with its own compiled regex."""

    def __init__(self, targets: list[LinkTarget]):
        self.patterns = []
        for target in targets:
            alternatives = [f"(?i:{re.escape(f)})" for f in (target.name, *target.forms)]
            alternatives += [re.escape(a) for a in target.acronyms]
            alternatives.sort(key=len, reverse=True)
            self.patterns.append((target.term_id, re.compile(
                r"(?<![A-Za-z0-9_])(?:" + "|".join(alternatives) + r")(?![A-Za-z0-9_])")))

    def first_mentions(self, html: str) -> dict[str, int]:
        text = "\x00".join(html[s:e] for s, e, mode in _html.text_runs(html) if mode == _html.LINK)
        found = {}
        for term_id, pattern in self.patterns:
            match = pattern.search(text)
            if match:
                found[term_id] = match.start()
        return found


# ---------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------


def per_page(function, pages: list[str], repeats: int) -> list[float]:
    """For each page, the median over ``repeats`` calls, in milliseconds."""
    times = [[] for _ in pages]
    for _ in range(repeats):
        for index, page in enumerate(pages):
            start = time.perf_counter()
            function(page)
            times[index].append((time.perf_counter() - start) * 1000)
    return [statistics.median(t) for t in times]


# ---------------------------------------------------------------------------
# Full builds
# ---------------------------------------------------------------------------


def synthetic_glossary(root: Path, total: int, rng: random.Random) -> int:
    """A glossary folder at ``root``: the real terms, categories and seeds, plus
    generated terms (no formulas, every name and alias unique) up to ``total``.
    Hand-written pages link real term pages, so the real terms must stay.
    Returns the number of generated terms."""
    import yaml

    from glossary import load_glossary

    real = load_glossary()
    (root / "terms").mkdir(parents=True)
    for name in ("categories.yml", "seeds.yml"):
        shutil.copy2(ROOT / "glossary" / name, root / name)
    for term in real:
        shutil.copy2(term.source_file, root / "terms" / term.source_file.name)
    used = {form.casefold() for term in real for form in term.surface_forms()}
    categories = list(real.categories)
    real_ids = list(real.terms)

    def fresh(make):
        for _ in range(1000):
            value = make()
            if value.casefold() not in used:
                used.add(value.casefold())
                return value
        raise RuntimeError("vocabulary exhausted")

    def zh_name():     # two or three morphemes: no one-word "terms" like 客户
        name = "".join(rng.sample(ZH_MORPHEMES, rng.choice((2, 2, 3))))
        return name + (rng.choice(ZH_SUFFIXES) if rng.random() < 0.4 else "")

    def en_name():
        return " ".join(rng.sample(EN_WORDS, rng.choice((2, 3, 3, 4)))).capitalize()

    names: list[tuple[str, str]] = [(t.zh.name, t.en.name) for t in real]
    count = total - len(real)
    records = []
    for index in range(count):
        record = {"id": f"synthetic-{index:05d}", "category": rng.choice(categories)}
        if rng.random() < 0.4:
            record["abbr"] = fresh(lambda: "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                                   for _ in range(rng.randint(3, 5))))
        zh, en = fresh(zh_name), fresh(en_name)
        names.append((zh, en))
        record["zh"] = {"name": zh, "aliases": [fresh(zh_name)] if rng.random() < 0.3 else []}
        record["en"] = {"name": en, "aliases": [fresh(en_name)] if rng.random() < 0.3 else []}
        records.append(record)

    def zh_text(sentences: int) -> str:
        out = []
        for _ in range(sentences):
            parts = [rng.choice(ZH_GLUE)]
            for _ in range(rng.randint(3, 7)):
                roll = rng.random()
                parts.append(rng.choice(names)[0] if roll < 0.2 else
                             rng.choice(ZH_MORPHEMES) if roll < 0.6 else rng.choice(ZH_GLUE))
            out.append("".join(parts) + "。")
        return "".join(out)

    def en_text(sentences: int) -> str:
        out = []
        for _ in range(sentences):
            words = [rng.choice(names)[1].lower() if rng.random() < 0.1 else rng.choice(EN_WORDS)
                     for _ in range(rng.randint(8, 14))]
            out.append(" ".join(words).capitalize() + ".")
        return " ".join(out)

    for record in records:
        for lang, text in (("zh", zh_text), ("en", en_text)):
            record[lang]["summary"] = text(1)
            record[lang]["definition"] = text(3) + "\n\n" + text(2)
        record["related"] = rng.sample(real_ids, 2)
        record["sources"] = {"seeds": ["000"]}
        path = root / "terms" / f"{record['id']}.yml"
        path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
    return count


def timed_site_build(out: Path, glossary_dir: Path | None = None) -> tuple[float, int]:
    """``scripts/site.py build`` into ``out``: (wall-clock seconds, HTML pages built)."""
    env = dict(os.environ)
    env.pop("GLOSSARY_DIR", None)
    if glossary_dir is not None:
        env["GLOSSARY_DIR"] = str(glossary_dir)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "site.py"), "build",
                             "--out", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"site build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    pages = sum(1 for lang in ("zh", "en") for _ in (out / lang).rglob("*.html"))
    return seconds, pages


def measure_full_build(synthetic_terms: int = 5_000) -> dict[str, tuple[float, int]] | None:
    """Time ``scripts/site.py build`` (both languages in parallel, then the root
    files and exports) of the real site and of a synthetic ``synthetic_terms``-term
    site: {label: (seconds, pages)}. Each build is a fresh process, so jieba's
    dictionary load and the Linker's construction are included."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="crosslink-bench-") as tmp:
        tmp_path = Path(tmp)
        results["real site"] = timed_site_build(tmp_path / "real")
        if synthetic_terms:
            glossary_dir = tmp_path / "glossary"
            synthetic_glossary(glossary_dir, synthetic_terms, random.Random(SEED))
            label = f"synthetic {synthetic_terms:,}-term site"
            results[label] = timed_site_build(tmp_path / "synthetic", glossary_dir)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (smoke run)")
    parser.add_argument("--full-build-terms", type=int, default=5_000, metavar="N",
                        help="terms of the synthetic site built in full (default 5000; "
                             "0: real site only; -1: no full builds)")
    args = parser.parse_args()
    linker_repeats, baseline_repeats = (2, 1) if args.quick else (7, 3)
    jieba.setLogLevel(logging.WARNING)

    rng = random.Random(SEED)
    all_terms = make_terms(max(SIZES), rng)
    pages = make_pages(all_terms, rng)
    lengths = sorted(len(p) for p in pages)
    print(f"{len(pages)} pages, {lengths[0]}-{lengths[-1]} characters of HTML "
          f"(median {statistics.median(lengths):.0f}); zh linker; "
          f"repeats: linker {linker_repeats}, baseline {baseline_repeats}")

    start = time.perf_counter()
    _chinese._default_dictionary()
    print(f"jieba default dictionary, loaded once per process: {time.perf_counter() - start:.2f} s\n")

    header = (f"{'terms':>6} | {'build (s)':>9} | {'linker ms/page':>14} | {'median':>6} | "
              f"{'links/page':>10} | {'baseline ms/page':>16} | {'median':>6} | {'baseline/linker':>15}")
    print(header)
    print("-" * len(header))
    linker_means = {}
    for size in SIZES:
        size_targets = targets(all_terms[:size], "zh")
        start = time.perf_counter()
        linker = Linker(size_targets, ambiguous=AMBIGUOUS)
        build = time.perf_counter() - start
        baseline = RegexPerTerm(size_targets)

        def run_linker(html, linker=linker):
            return linker.link(html, page_url="guide/", make_href=lambda u: "../" + u)

        links = statistics.mean(len(run_linker(p).links) for p in pages)
        mine = per_page(run_linker, pages, linker_repeats)
        theirs = per_page(baseline.first_mentions, pages, baseline_repeats)
        linker_means[size] = statistics.mean(mine)
        ratio = statistics.mean(theirs) / statistics.mean(mine)
        print(f"{size:>6} | {build:>9.2f} | {statistics.mean(mine):>14.2f} | "
              f"{statistics.median(mine):>6.2f} | {links:>10.1f} | {statistics.mean(theirs):>16.2f} | "
              f"{statistics.median(theirs):>6.2f} | {ratio:>14.1f}x")
    flat = linker_means[max(SIZES)] / linker_means[min(SIZES)]
    print(f"\nflatness, linker ms/page at {max(SIZES)} terms / at {min(SIZES)} terms: {flat:.2f} "
          f"(target <= 2)")

    if args.full_build_terms < 0:
        print("\nfull site build: not measured (--full-build-terms -1)")
        return
    print(f"\nfull `scripts/site.py build` (zh and en in parallel, plus root files), "
          f"{os.cpu_count()} cores:")
    for label, (seconds, pages) in measure_full_build(args.full_build_terms).items():
        print(f"  {label:>28}: {seconds:7.1f} s, {pages:>6,} pages, "
              f"{seconds * 1000 / pages:6.1f} ms/page")


if __name__ == "__main__":
    main()
