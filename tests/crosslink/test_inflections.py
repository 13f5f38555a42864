"""English inflections: plurals of names and aliases, acronym plurals, verb
forms only where a term shows the verb, and no false positives on acronyms.
All generated when the Linker is built (crosslink/_inflect.py); a page is
still one pass of the automaton."""
from __future__ import annotations

import pytest

from crosslink import Disambiguation, Linker, LinkTarget
from crosslink._inflect import acronym_plurals, plurals, verb_forms


def target(term_id, name, forms=(), acronyms=()):
    return LinkTarget(term_id=term_id, name=name, forms=forms, acronyms=acronyms,
                      url=f"terms/{term_id}/")


TARGETS = [
    target("cs", "Customer Success", acronyms=("CS",)),
    target("csm", "Customer Success Manager", forms=("CS manager",)),
    target("csm-practice", "Customer Success Management"),
    target("renewal", "Renewal", forms=("Contract Renewal",)),
    target("kpi", "Key Performance Indicator", acronyms=("KPI",)),
    target("qbr", "Quarterly Business Review", acronyms=("QBR",)),
    target("saas", "Software as a Service", acronyms=("SaaS",)),
    target("okr", "Objectives and Key Results", acronyms=("OKRs",)),
    target("churn", "Churn", forms=("churned customers",)),
    target("market", "Market"),
    target("lead", "Lead"),
    target("company", "Company"),
    target("journey", "Customer Journey"),
    target("business", "Business"),
    target("sales", "Sales"),
    target("cross-sell", "Cross-sell"),
    target("policy", "Policy"),
    # Listed forms beat generated ones: "Accounts" is its own term here.
    target("account", "Account"),
    target("accounts", "Accounts"),
    # Two terms whose generated plural would be the same word: neither gets it.
    target("index-a", "Index"),
    target("index-b", "Indexe"),
]
AMBIGUOUS = {"CSM": Disambiguation("acronyms/csm/", "CSM: manager / management")}


@pytest.fixture(scope="module")
def linker():
    targets = [*TARGETS[:1],
               target("csm", "Customer Success Manager", forms=("CS manager",), acronyms=("CSM",)),
               target("csm-practice", "Customer Success Management", acronyms=("CSM",)),
               *TARGETS[3:]]
    return Linker(targets, ambiguous=AMBIGUOUS)


ROWS = [
    # The two cases: the whole plural name wins over "customer success".
    ("Our customer success managers meet weekly.", [("customer success managers", "csm")]),
    ("Two CS managers left.", [("CS managers", "csm")]),
    ("renewals are due", [("renewals", "renewal")]),
    ("Renewals and contract renewals", [("Renewals", "renewal"), ("contract renewals", "renewal")]),
    # Plural spelling rules.
    ("companies", [("companies", "company")]),
    ("customer journeys", [("customer journeys", "journey")]),
    ("businesses", [("businesses", "business")]),
    ("policies", [("policies", "policy")]),
    ("cross-sells", [("cross-sells", "cross-sell")]),
    ("companys, policys, businesss", []),
    # A word already ending in s is not inflected further.
    ("saleses", []),
    # Possessives need no generated form: the apostrophe is a boundary.
    ("the customer success manager's plan", [("customer success manager", "csm")]),
    ("the customer success managers' plans", [("customer success managers", "csm")]),
    ("the renewal’s terms", [("renewal", "renewal")]),
    # Acronyms: a plain plural, case-sensitive; nothing else.
    ("KPIs and QBRs", [("KPIs", "kpi"), ("QBRs", "qbr")]),
    ("kpis, Kpis, KPIS, KPIes, KPIed, KPIing", []),
    ("the KPI's owner", [("KPI", "kpi")]),
    ("SaaSs, OKRss", []),
    ("OKRs", [("OKRs", "okr")]),
    # An ambiguous acronym's plural goes to the same disambiguation page.
    ("CSMs", [("CSMs", "?CSM")]),
    # -ed / -ing only where the term shows the verb ("churned customers").
    ("churned, churning, churns", [("churned", "churn"), ("churning", "churn"), ("churns", "churn")]),
    ("marketing, marketed, leading, leaded", []),
    ("markets, leads", [("markets", "market"), ("leads", "lead")]),
    # A listed form is never displaced by a generated one.
    ("accounts", [("accounts", "accounts")]),
    ("account", [("account", "account")]),
    # A generated form two terms would share links neither.
    ("indexes", []),
]


@pytest.mark.parametrize(("html", "expected"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_inflected_mentions(linker, html, expected):
    result = linker.link(f"<p>{html}</p>", page_url="g/", first_only=False)
    assert [(link.text, link.term_id or f"?{link.ambiguous}") for link in result.links] == expected


def test_shared_generated_form_is_dropped_not_guessed():
    linker = Linker([target("a", "Box"), target("b", "Boxe")])
    result = linker.link("<p>boxes</p>", page_url="g/", first_only=False)
    assert result.links == ()


@pytest.mark.parametrize(("key", "expected"), [
    ("renewal", ("renewals",)), ("customer success manager", ("customer success managers",)),
    ("policy", ("policies",)), ("journey", ("journeys",)), ("index", ("indexes",)),
    ("business", ("businesses",)), ("sales", ()), ("rule of 40", ()), ("客户", ()),
    ("ltv:cac", ("ltv:cacs",)), ("a", ()),
])
def test_plurals(key, expected):
    assert plurals(key) == expected


@pytest.mark.parametrize(("acronym", "expected"), [
    ("KPI", ("KPIs",)), ("B2B", ("B2Bs",)), ("SaaS", ()), ("OKRs", ()), ("CS Ops", ()),
    ("LTV:CAC", ("LTV:CACs",)), ("VoC", ("VoCs",)), ("Rule of 40%", ()),
])
def test_acronym_plurals(acronym, expected):
    assert acronym_plurals(acronym) == expected


@pytest.mark.parametrize(("key", "siblings", "expected"), [
    ("churn", {"churned customers"}, ("churned", "churning")),
    ("churn", {"customer churn"}, ()),
    ("market", set(), ()),
    ("escalate", {"escalating issues"}, ("escalated", "escalating")),
    ("upsell", {"upselling"}, ("upselled", "upselling")),
    ("cs", {"csing"}, ()),
])
def test_verb_forms_need_evidence(key, siblings, expected):
    assert verb_forms(key, frozenset(siblings)) == expected
