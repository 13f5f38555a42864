"""A Linker over 5,000 synthetic targets links correctly (correctness, not timing:
timing is benchmarks/crosslink.py)."""
from __future__ import annotations

import random

import pytest

from crosslink import Disambiguation, Linker, LinkTarget
from crosslink._automaton import Automaton

SIZE = 5_000
WORDS = """account adoption advocacy alert annual baseline benchmark billing bundle
capacity champion churn cohort community contract cost coverage credit customer
dashboard deployment discount dollar downgrade effort enablement engagement
escalation executive expansion feature feedback forecast goal gross growth handoff
health index integration invoice journey kickoff lead license lifetime logo margin
metric migration milestone model monthly net onboarding opportunity outcome payment
persona pipeline plan playbook policy pricing product promoter propensity quota rate
ratio recurring referral refund release renewal report retention revenue review risk
roadmap satisfaction score seat segment signal sponsor stage success support survey
target territory ticket tier training trigger upgrade usage value workflow""".split()
MORPHEMES = """客户 成功 留存 收入 流失 续约 扩展 健康 评分 满意 推荐 价值 实现 时间 订阅
经常 合同 账户 管理 经理 团队 渠道 产品 使用 活跃 用户 数据 指标 模型 分析 预测 风险
预警 增购 降级 升级 交叉 销售 营收 成本 获客 周期 年度 月度 季度 净额 毛利 比例 指数
生命 旅程 目标 业务 高管 支持 工单 反馈 调查 问卷 体验 价格 折扣 账单 发票 回款 信用
退款 服务 等级 协议 政策 流程 自动 触发 告警 看板 报告 线索""".split()


def acronym(index: int) -> str:
    """A unique 3-5 letter acronym per index."""
    letters = []
    value = index + 26 * 26
    while value:
        value, digit = divmod(value, 26)
        letters.append(chr(65 + digit))
    return "".join(reversed(letters))[:5]


def build_targets() -> list[LinkTarget]:
    rng = random.Random(5000)
    targets, seen = [], set()
    for index in range(SIZE):
        while True:
            en = " ".join(rng.sample(WORDS, rng.choice((2, 3, 3, 4))))
            if en not in seen:
                break
        seen.add(en)
        first, second = divmod(index, len(MORPHEMES))
        zh = MORPHEMES[first % len(MORPHEMES)] + MORPHEMES[second] + "率"
        forms = (zh,)
        if index % 3 == 0 and (alias := en + " " + rng.choice(WORDS)) not in seen:
            seen.add(alias)
            forms += (alias,)
        targets.append(LinkTarget(term_id=f"t{index:04d}", name=en, forms=forms,
                                  acronyms=(acronym(index),) if index % 2 == 0 else (),
                                  url=f"terms/t{index:04d}/", title=f"summary {index} <&>"))
    return targets


@pytest.fixture(scope="module")
def big():
    targets = build_targets()
    # Two extra terms sharing an acronym, declared ambiguous.
    targets += [LinkTarget(term_id="h1", name="homonym one", acronyms=("HMN",), url="terms/h1/"),
                LinkTarget(term_id="h2", name="homonym two", acronyms=("HMN",), url="terms/h2/")]
    linker = Linker(targets, ambiguous={"HMN": Disambiguation("acronyms/hmn/", "two")})
    return targets, linker


def test_every_kind_of_form_links_to_its_term(big):
    targets, linker = big
    sample = targets[:SIZE:37]
    parts, expected = [], []
    for target in sample:
        parts.append(f"的{target.name.upper()}，")
        expected.append(target.term_id)
        parts.append(f"「{target.forms[0]}」")
        expected.append(target.term_id)
        if target.acronyms:
            parts.append(f"我们的{target.acronyms[0]}提升了；")
            expected.append(target.term_id)
    html = "<p>" + "".join(parts) + "</p>"
    result = linker.link(html, page_url="g/", first_only=False)
    assert [link.term_id for link in result.links] == expected
    assert linker.link(html, page_url="g/").linked_terms == tuple(dict.fromkeys(expected))


def test_near_misses_do_not_link(big):
    targets, linker = big
    parts = []
    for target in targets[:SIZE:53]:
        if target.acronyms:
            acr = target.acronyms[0]
            parts += [f"x{acr}", f"{acr}9", acr.lower(), f"_{acr}"]
        parts.append(target.name.replace(" ", "") + "s")
    html = "<p>" + " ".join(parts) + "</p>"
    assert linker.link(html, page_url="g/", first_only=False).links == ()


def test_homonym_and_skip_rules_hold_at_scale(big):
    targets, linker = big
    name = targets[10].name
    html = (f"<h2>{name}</h2><p><code>{name}</code> HMN {name} {name}</p>"
            f"<!-- glossary-skip-start --><p>{targets[11].name}</p><!-- glossary-skip-end -->")
    result = linker.link(html, page_url="g/")
    assert [(link.text, link.term_id or link.href) for link in result.links] == [
        ("HMN", "acronyms/hmn/"), (name, targets[10].term_id)]


def plural(name: str) -> str:
    """The English plural of a name's last word, written out independently."""
    if name.endswith(("s", "x", "z", "ch", "sh")):
        return name + "es" if name.endswith(("ss", "x", "z", "ch", "sh")) else ""
    if name.endswith("y") and name[-2] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def with_plurals(forms: dict[str, str], make) -> dict[str, str]:
    """``forms`` plus each one's plural, unless some form is already spelt that
    way or two terms would share it."""
    owners: dict[str, set[str]] = {}
    for form, term in forms.items():
        if (variant := make(form)) and variant not in forms:
            owners.setdefault(variant, set()).add(term)
    return {**forms, **{v: ids.pop() for v, ids in owners.items() if len(ids) == 1}}


def oracle(text: str, folded: dict[str, str], exact: dict[str, str], longest: int):
    """Leftmost-longest by brute force, with the ASCII boundary rule, and no
    link touching the previous one (only spaces between them)."""
    def word(ch):
        return ch == "_" or (ch < "\u2e80" and ch.isalnum())

    found, i, linked_to = [], 0, -1
    while i < len(text):
        for length in range(min(longest, len(text) - i), 0, -1):
            piece = text[i:i + length]
            term = exact.get(piece) or folded.get(piece.lower())
            if term and not (i and word(text[i - 1])) and not (
                    i + length < len(text) and word(text[i + length])):
                if linked_to < 0 or text[linked_to:i].strip(" "):
                    found.append((piece, term))
                    linked_to = i + length
                i += length
                break
        else:
            i += 1
    return found


@pytest.mark.parametrize("seed", range(8))
def test_latin_text_matches_a_brute_force_oracle(big, seed):
    targets, linker = big
    targets = targets[:SIZE]
    folded = with_plurals({f.lower(): t.term_id for t in targets
                           for f in (t.name, *t.forms) if f.isascii()}, plural)
    exact = with_plurals({a: t.term_id for t in targets for a in t.acronyms}, lambda a: a + "s")
    longest = max(map(len, [*folded, *exact]))
    rng = random.Random(seed)
    tokens = []
    for _ in range(400):
        roll = rng.random()
        if roll < 0.5:
            tokens.append(rng.choice(WORDS))
        elif roll < 0.7:
            tokens.append(rng.choice(targets).name)
        elif roll < 0.85:
            acr = acronym(rng.randrange(0, SIZE, 2))
            tokens.append(rng.choice((acr, acr.lower(), acr.title())))
        else:
            tokens.append(rng.choice(("的", "，", "(", ")", "x", "1", "-")))
        tokens.append(rng.choice((" ", " ", " ", "", "的")))
    text = "".join(tokens).strip()
    result = linker.link(f"<p>{text}</p>", page_url="g/", first_only=False)
    assert [(link.text, link.term_id) for link in result.links] == oracle(text, folded, exact, longest)


@pytest.mark.parametrize("seed", range(20))
def test_automaton_finds_exactly_what_brute_force_finds(seed):
    rng = random.Random(seed)
    alphabet = "abc的客"
    keys = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5)))
                   for _ in range(rng.randint(1, 40))})
    text = "".join(rng.choice(alphabet + "x") for _ in range(200))
    automaton = Automaton(keys)
    expected = {(i, i + len(k), n) for n, k in enumerate(keys)
                for i in range(len(text)) if text.startswith(k, i)}
    found = automaton.find_all(text)
    assert set(found) == expected and len(found) == len(expected)


def test_automaton_rejects_empty_keys():
    with pytest.raises(ValueError):
        Automaton(["a", ""])
