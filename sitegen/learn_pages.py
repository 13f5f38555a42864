"""Build glue for learning mode: the practice page's deck file and the
cheat sheet's content, per language.

The decks themselves come from `learning` (plain Python over the glossary);
this module only adds what the build knows: formula texts from the
calculators catalog, the week-one list in the glossary folder, and URLs.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from glossary import Glossary, GlossaryError, Term
from glossary.week_one import load_week_one
from learning import build_learn_data

from . import urls

LEARN = "learn/"
CHEAT_SHEET = "cheat-sheet/"
DECKS_FILE = "learn/decks.json"

# The metrics a new hire meets first, in the order the cheat sheet lists them.
CORE_METRICS = ("arr", "mrr", "nrr", "grr", "churn-rate", "revenue-churn-rate",
                "ltv", "cac", "ltv-cac-ratio", "cac-payback", "nps", "csat")


def pdf_name(lang: str) -> str:
    return f"cs-glossary-cheat-sheet-{lang}.pdf"


@dataclass(frozen=True)
class CoreMetric:
    term: Term
    formula: str        # the main formula, written out in the page's language


@dataclass(frozen=True)
class Trap:
    label: str          # the shared abbreviation or form
    terms: tuple[Term, ...]


def formula_texts(lang: str) -> dict[str, list[str]]:
    """Each term's formulas as plain text in ``lang``, catalog order."""
    from calculators import FORMULAS
    texts: dict[str, list[str]] = {}
    for formula in FORMULAS.values():
        texts.setdefault(formula.term, []).append(formula.formula[lang])
    return texts


def _week_one(glossary: Glossary, glossary_root: Path) -> tuple[str, ...]:
    """The week-one ids; a glossary without the list (a test fixture, a
    glossary of another domain) simply has no week-one deck or section."""
    if not (glossary_root / "week-one.yml").is_file():
        return ()
    try:
        return load_week_one(glossary, glossary_root)
    except GlossaryError:
        return ()       # hooks/week_one.py reports it, against the concepts page


def decks_json(glossary: Glossary, lang: str, glossary_root: Path) -> str:
    data = build_learn_data(
        glossary, lang, formula_texts=formula_texts(lang),
        week_one=_week_one(glossary, glossary_root),
        term_url=lambda term_id: urls.relative(urls.term(term_id), LEARN))
    return json.dumps(data.as_json(), ensure_ascii=False, separators=(",", ":"))


def cheat_sheet_context(glossary: Glossary, lang: str, glossary_root: Path) -> dict:
    texts = formula_texts(lang)
    week_one = [glossary[tid] for tid in _week_one(glossary, glossary_root)]
    metrics = [CoreMetric(glossary[tid], texts[tid][0])
               for tid in CORE_METRICS if tid in glossary.terms and texts.get(tid)]
    traps = [Trap(a.abbr, tuple(glossary[i] for i in a.term_ids)) for a in glossary.shared_acronyms()]
    seen = {frozenset(t.id for t in trap.terms) for trap in traps}
    for term in glossary:
        for other_id in term.homonyms:
            pair = frozenset((term.id, other_id))
            if pair not in seen and other_id in glossary.terms:
                seen.add(pair)
                traps.append(Trap(term.lang(lang).name, (term, glossary[other_id])))
    return {"week_one": week_one, "core_metrics": metrics, "traps": traps,
            "pdf_name": pdf_name(lang)}
