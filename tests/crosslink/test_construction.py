"""Building a Linker: validation, clashes between terms, homonym declarations."""
from __future__ import annotations

import jieba
import pytest

from crosslink import Disambiguation, Linker, LinkTarget


def target(term_id, name, forms=(), acronyms=(), url=None, title="t"):
    return LinkTarget(term_id=term_id, name=name, forms=forms, acronyms=acronyms,
                      url=url or f"terms/{term_id}/", title=title)


# ---------------------------------------------------------------------------
# LinkTarget
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "message"), [
    ({"term_id": ""}, "term_id"),
    ({"term_id": "  "}, "term_id"),
    ({"name": ""}, "name"),
    ({"url": ""}, "url"),
    ({"title": None}, "title"),
    ({"forms": "NRR"}, "forms must be a list"),
    ({"forms": ("ok", "")}, "forms holds ''"),
    ({"acronyms": (None,)}, "acronyms holds None"),
])
def test_link_target_rejects(fields, message):
    values = {"term_id": "x", "name": "X", "url": "terms/x/", "title": "t", **fields}
    with pytest.raises(ValueError, match=message):
        LinkTarget(**values)


def test_link_target_from_json_record():
    record = {"term_id": "nrr", "name": "NRR", "forms": ["a", "b"], "acronyms": ["NRR"],
              "url": "https://example.org/terms/nrr/", "title": "t"}
    made = LinkTarget(**record)
    assert made.forms == ("a", "b") and made.acronyms == ("NRR",)
    assert hash(made) == hash(LinkTarget(**record))


def test_link_target_is_keyword_only():
    with pytest.raises(TypeError):
        LinkTarget("nrr", "NRR", (), (), "terms/nrr/", "t")  # type: ignore[misc]


# ---------------------------------------------------------------------------
# Clashes: a form two terms share must be declared ambiguous
# ---------------------------------------------------------------------------

CLASHES = [
    # (targets, the form reported)
    ([target("a", "Alpha", acronyms=("SME",)), target("b", "Beta", acronyms=("SME",))], "'SME'"),
    ([target("a", "Health Score"), target("b", "health score")], "'Health Score'"),
    ([target("a", "Alpha", forms=("客户",)), target("b", "客户")], "'客户'"),
    ([target("a", "Alpha", acronyms=("ARR",)), target("b", "arr")], "'ARR'"),
    ([target("a", "Alpha", forms=("Net  Retention",)), target("b", "net retention")],
     "'Net  Retention'"),
]


@pytest.mark.parametrize(("targets", "form"), CLASHES)
def test_shared_forms_must_be_declared(targets, form):
    with pytest.raises(ValueError, match="list each in `ambiguous`") as caught:
        Linker(targets)
    assert form in str(caught.value) and "'a'" in str(caught.value) and "'b'" in str(caught.value)


def test_all_clashes_are_reported_together():
    with pytest.raises(ValueError) as caught:
        Linker([target("a", "One", acronyms=("X1",)), target("b", "one", acronyms=("X1",))])
    assert "'X1'" in str(caught.value) and "'One'" in str(caught.value)


def test_no_clash_within_one_term():
    linker = Linker([target("a", "SaaS", forms=("saas", "SAAS"), acronyms=("SaaS",))])
    result = linker.link("<p>SAAS, SaaS, saas</p>", page_url="g/", first_only=False)
    assert [link.term_id for link in result.links] == ["a", "a", "a"]


def test_acronyms_differing_in_case_do_not_clash():
    linker = Linker([target("a", "Alpha", acronyms=("SaaS",)), target("b", "Beta", acronyms=("SAAS",))])
    result = linker.link("<p>SAAS, SaaS, saas</p>", page_url="g/", first_only=False)
    assert [(link.text, link.term_id) for link in result.links] == [("SAAS", "b"), ("SaaS", "a")]


def test_duplicate_ids_are_rejected():
    with pytest.raises(ValueError, match="duplicate term id 'a'"):
        Linker([target("a", "One"), target("a", "Two")])


def test_targets_must_be_link_targets():
    with pytest.raises(TypeError):
        Linker([{"term_id": "a"}])  # type: ignore[list-item]


# ---------------------------------------------------------------------------
# ambiguous
# ---------------------------------------------------------------------------

def test_ambiguous_accepts_plain_tuples():
    linker = Linker([target("a", "Alpha", acronyms=("SME",)), target("b", "Beta", acronyms=("SME",))],
                    ambiguous={"SME": ("acronyms/sme/", "two meanings")})
    assert 'href="acronyms/sme/"' in linker.link_html("<p>SME</p>", page_url="g/")


@pytest.mark.parametrize("value", ["acronyms/sme/", ("acronyms/sme/",), ("", "t"), (1, 2),
                                   ("u", "t", (), "extra"), {"url": "u", "title": "t"}])
def test_ambiguous_values_are_checked(value):
    with pytest.raises(ValueError, match=r"Disambiguation\(url, title"):
        Linker([target("a", "Alpha")], ambiguous={"SME": value})


def test_ambiguous_term_ids_are_checked():
    with pytest.raises(ValueError, match="term_ids must be a list"):
        Linker([target("a", "Alpha")], ambiguous={"SME": Disambiguation("u", "t", "a")})


def test_glossary_json_style_input():
    """Targets that leave the shared form out, with term_ids on the disambiguation
    (the shape sitegen's glossary.json "crosslink" section can give)."""
    records = [{"term_id": "a", "name": "Alpha", "forms": [], "acronyms": [], "url": "https://x/a/",
                "title": "t"},
               {"term_id": "b", "name": "Beta", "forms": [], "acronyms": [], "url": "https://x/b/",
                "title": "t"}]
    ambiguous = {"SME": {"url": "https://x/acronyms/sme/", "title": "SME: Alpha / Beta",
                         "term_ids": ["a", "b"]}}
    linker = Linker([LinkTarget(**r) for r in records],
                    ambiguous={form: Disambiguation(**d) for form, d in ambiguous.items()})
    assert [link.href for link in linker.link("<p>SME</p>", page_url="c/").links] == [
        "https://x/acronyms/sme/"]
    assert linker.link("<p>SME</p>", page_url="a/", current_term="a").links == ()


def test_ambiguous_name_is_case_insensitive_like_the_names_it_replaces():
    linker = Linker([target("a", "Health Score"), target("b", "health score")],
                    ambiguous={"health score": Disambiguation("d/health-score/", "two")})
    result = linker.link("<p>HEALTH SCORE</p>", page_url="g/")
    assert [(link.text, link.ambiguous) for link in result.links] == [("HEALTH SCORE", "health score")]


def test_ambiguous_acronym_is_case_sensitive():
    linker = Linker([target("a", "Alpha", acronyms=("SME",)), target("b", "Beta", acronyms=("SME",))],
                    ambiguous={"SME": Disambiguation("d/sme/", "two")})
    assert linker.link("<p>sme Sme</p>", page_url="g/").links == ()


def test_ambiguous_form_without_any_target_still_links():
    linker = Linker([target("a", "Alpha")], ambiguous={"CSM": Disambiguation("d/csm/", "t")})
    assert [link.href for link in linker.link("<p>CSM</p>", page_url="g/").links] == ["d/csm/"]


def test_ambiguous_chinese_form():
    linker = Linker([target("a", "客户经理"), target("b", "客户经理")],
                    ambiguous={"客户经理": Disambiguation("d/kehu-jingli/", "两种含义")})
    result = linker.link("<p>每位客户经理都</p>", page_url="g/")
    assert [(link.text, link.href) for link in result.links] == [("客户经理", "d/kehu-jingli/")]


# ---------------------------------------------------------------------------
# jieba
# ---------------------------------------------------------------------------

def test_global_jieba_dictionary_is_untouched():
    word = "独一无二的术语测试词"
    Linker([target("a", word)])
    jieba.dt.check_initialized()
    assert word not in jieba.dt.FREQ


def test_linkers_do_not_share_words():
    first = Linker([target("a", "同比例")])
    second = Linker([target("b", "比例")])
    # The first linker's word does not change how the second segments.
    assert first.link("<p>同比例</p>", page_url="g/").links
    assert second.link("<p>不同比例</p>", page_url="g/").links
    assert "同比例" not in second._tokenizer.FREQ


def test_latin_only_glossary_needs_no_jieba():
    linker = Linker([target("a", "Alpha", acronyms=("AL",))])
    assert linker._tokenizer is None
    assert len(linker.link("<p>中文AL</p>", page_url="g/").links) == 1


def test_targets_mapping_is_read_only(linkers):
    assert linkers["en"].targets["nrr"].name == "Net Revenue Retention"
    with pytest.raises(TypeError):
        linkers["en"].targets["x"] = None  # type: ignore[index]
