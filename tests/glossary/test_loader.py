"""The loader accepts the fixture glossary and rejects each kind of broken term file."""
from __future__ import annotations

import shutil

import pytest

from glossary import GlossaryError, load_glossary
from glossary.loader import GLOSSARY_DIR

from .cases import BAD_GLOSSARIES, SCHEMA_CASES
from .conftest import apply_edits, expected_line

KNOWN_FORMULAS = {"nrr"}


def test_fixture_glossary_loads(fixture_glossary):
    glossary = load_glossary(fixture_glossary, KNOWN_FORMULAS)
    assert sorted(glossary.terms) == ["alpha-rate", "beta-score", "gamma-one", "gamma-two"]
    alpha = glossary["alpha-rate"]
    assert alpha.zh.name == "阿尔法率" and alpha.en.name == "Alpha Rate"
    assert alpha.zh.paragraphs == ("测试用的定义，第一段。", "第二段。")
    assert alpha.en.full_name == "Alpha Rate"          # defaults to the name
    assert alpha.formulas == ("nrr",) and alpha.related == ("beta-score",)
    assert glossary.categories["retention"].name("en") == "Retention and churn"


def test_declared_homonyms_share_an_acronym(fixture_glossary):
    glossary = load_glossary(fixture_glossary, KNOWN_FORMULAS)
    [acronym] = glossary.shared_acronyms()
    assert acronym.abbr == "GX" and acronym.term_ids == ("gamma-one", "gamma-two")
    assert glossary.acronym_for(glossary["gamma-one"]) == acronym
    assert glossary.acronym_for(glossary["alpha-rate"]) is None


@pytest.mark.parametrize("case, edits, file, field, words", BAD_GLOSSARIES + SCHEMA_CASES,
                         ids=[c[0] for c in BAD_GLOSSARIES + SCHEMA_CASES])
def test_broken_term_file_is_named_with_its_field(fixture_glossary, case, edits, file, field, words):
    apply_edits(fixture_glossary, edits)
    with pytest.raises(GlossaryError) as raised:
        load_glossary(fixture_glossary, KNOWN_FORMULAS)
    expected_line(str(raised.value), file, field, words)


def test_every_problem_is_reported_at_once(fixture_glossary):
    apply_edits(fixture_glossary, [
        ("alpha-rate.yml", "category: retention", "category: loyalty"),
        ("beta-score.yml", "  name: 贝塔分", "  name: ''"),
    ])
    with pytest.raises(GlossaryError) as raised:
        load_glossary(fixture_glossary, KNOWN_FORMULAS)
    assert len(raised.value.problems) == 2
    assert str(raised.value).startswith("2 problems in the glossary:")


def test_the_real_glossary_loads():
    from calculators import FORMULAS
    glossary = load_glossary(GLOSSARY_DIR, set(FORMULAS))
    assert len(glossary) >= 12


def test_second_edition_fields_are_loaded(fixture_glossary):
    glossary = load_glossary(fixture_glossary, KNOWN_FORMULAS)
    alpha = glossary["alpha-rate"]
    assert alpha.is_metric and not glossary["beta-score"].is_metric
    assert alpha.zh.short_name == "阿尔法" and alpha.en.short_name is None
    assert alpha.en.examples == ("Our alpha rate hit 112% this quarter, mostly from the top accounts.",
                                 "Alpha is down two points since the price change.")
    assert alpha.en.pronunciation == "letter by letter: A-R" and alpha.zh.pronunciation is None
    assert alpha.zh.depth.owner == "客户成功负责人"
    assert alpha.en.depth.mistakes == ("Comparing a monthly figure with an annual one.",)
    assert glossary["beta-score"].en.depth is None
    assert alpha.not_confused_with == ("beta-score",)
    [benchmark] = alpha.benchmarks
    assert benchmark.year == 2025 and benchmark.publisher == "Fixture Capital"
    assert benchmark.figure["en"] == "median 101%" and benchmark.sample["zh"].startswith("约 1,000")
    assert benchmark.url == "https://example.org/benchmarks" and benchmark.note is None
    assert [c.id for c in glossary.comparisons_of("beta-score")] == ["alpha-vs-beta"]
    assert glossary.comparisons_of("gamma-one") == []


@pytest.mark.parametrize("lang, expected", [
    ("zh", [("阿尔法率", "name", "preferred"), ("AR", "abbr", "preferred"),
            ("阿尔法", "short_name", "preferred"), ("甲率", "alias", "admitted"),
            ("阿法率", "avoid", "avoid")]),
    ("en", [("Alpha Rate", "name", "preferred"), ("AR", "abbr", "preferred"),
            ("A-rate", "alias", "admitted"), ("Alfa Rate", "avoid", "avoid")]),
])
def test_every_form_has_a_status(fixture_glossary, lang, expected):
    forms = load_glossary(fixture_glossary, KNOWN_FORMULAS)["alpha-rate"].forms(lang)
    assert [(f.text, f.kind, f.status) for f in forms] == expected
    assert [f.reason for f in forms if f.status == "avoid"] == [
        {"zh": "音译走样，读者搜不到。", "en": "A misspelling that search will not find."}[lang]]


def test_seed_metadata_is_optional_and_loaded(fixture_glossary):
    seeds = fixture_glossary / "seeds.yml"
    seeds.write_text(seeds.read_text(encoding="utf-8").replace(
        '- {id: "004", zh:', '- {id: "004", short: {zh: 《十七项指标》, en: the 17 metrics article}, '
        'date: 2024-05, venue: {zh: 某公众号, en: a WeChat account}, url: "https://example.org/17", zh:'),
        encoding="utf-8")
    glossary = load_glossary(fixture_glossary, KNOWN_FORMULAS)
    seed = glossary.seeds["004"]
    assert seed.short_name("en") == "the 17 metrics article" and seed.date == "2024-05"
    assert seed.venue["zh"] == "某公众号" and seed.url == "https://example.org/17"
    plain = glossary.seeds["000"]
    assert plain.short is None and plain.date is None and plain.venue is None and plain.url is None
    assert plain.short_name("zh") == plain.title("zh")


@pytest.mark.parametrize("content", ["", "# emptied by mistake\n"])
def test_an_emptied_file_is_reported_once_as_itself(tmp_path, content):
    """Emptying nrr.yml gives one line naming nrr.yml, not a line per file
    that refers to nrr (17 of them in the first edition)."""
    from calculators import FORMULAS
    root = tmp_path / "glossary"
    shutil.copytree(GLOSSARY_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (root / "terms" / "nrr.yml").write_text(content, encoding="utf-8")
    referring = [p for p in (root / "terms").glob("*.yml") if "nrr" in p.read_text(encoding="utf-8")
                 and p.name != "nrr.yml"]
    assert len(referring) > 5
    with pytest.raises(GlossaryError) as raised:
        load_glossary(root, set(FORMULAS))
    [problem] = raised.value.problems
    assert problem.startswith("glossary/terms/nrr.yml: the file is ")


def test_every_problem_of_one_file_is_named_once(fixture_glossary):
    """A broken beta-score.yml: alpha-rate's related, not_confused_with and
    the comparison that list it are not reported as unknown ids."""
    apply_edits(fixture_glossary, [("beta-score.yml", "category: satisfaction", "category: nope")])
    with pytest.raises(GlossaryError) as raised:
        load_glossary(fixture_glossary, KNOWN_FORMULAS)
    assert raised.value.problems == [
        "glossary/terms/beta-score.yml: category: unknown category 'nope'; known: "
        + ", ".join(load_glossary_categories(fixture_glossary))]


def load_glossary_categories(root):
    import yaml
    return [c["id"] for c in yaml.safe_load((root / "categories.yml").read_text(encoding="utf-8"))]


def test_a_quoted_benchmark_year_is_read_as_a_number(fixture_glossary):
    apply_edits(fixture_glossary, [("alpha-rate.yml", "    year: 2025", "    year: '2024'")])
    [benchmark] = load_glossary(fixture_glossary, KNOWN_FORMULAS)["alpha-rate"].benchmarks
    assert benchmark.year == 2024
