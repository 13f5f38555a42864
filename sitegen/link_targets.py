"""Glossary terms as crosslink targets, for one language.

The site's own hook and the published glossary.json both use this, so a team
linking to us from its own docs gets exactly the links our pages get.
See sitegen/exports.py for the rules in prose.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from glossary import Glossary

from . import urls

_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")


def link_targets(glossary: Glossary, lang: str, url_for: Callable[[str], str], *,
                 tooltip_names: bool = False) -> dict:
    """``{"targets": [LinkTarget kwargs], "ambiguous": {form: {"url", "title", "term_ids"}}}``
    for ``lang``.

    ``url_for`` turns a path under the language root ("terms/nrr/") into the
    URL the links should carry: absolute for glossary.json, unchanged for the
    site's own pages (the hook makes them relative per page).

    ``tooltip_names`` adds each target's tooltip heading and counterpart-language
    name (``label``, ``counterpart``, ``counterpart_lang``), which the site's
    own tooltips show. glossary.json leaves them out: its targets feed
    ``title`` tooltips, and older copies of crosslink do not know the fields.
    """
    owners: dict[str, set[str]] = {}
    for term in glossary:
        for form in term.surface_forms():
            owners.setdefault(_form_key(form), set()).add(term.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}

    ambiguous: dict[str, dict] = {}
    acronyms = glossary.shared_acronyms()
    for key, ids in shared.items():
        page = next((a for a in acronyms if ids <= set(a.term_ids)), None)
        if page is None:
            continue
        # The spelling shown: the shared abbreviation itself, else the first owner's form.
        form = page.abbr if _form_key(page.abbr) == key else next(
            f for f in glossary[sorted(ids)[0]].surface_forms() if _form_key(f) == key)
        names = " / ".join(glossary[i].lang(lang).name for i in page.term_ids)
        ambiguous[form] = {
            "url": url_for(urls.acronym(page.slug)),
            "title": f"{form}：{names}" if lang == "zh" else f"{form}: {names}",
            # The terms sharing the form: on their own pages it is not linked
            # (the targets leave the form out, so the linker cannot tell).
            "term_ids": list(page.term_ids),
        }

    targets = []
    for term in glossary:
        entry, other = term.lang(lang), term.other(lang)
        # Short names ("Onboarding", "Champion") are preferred forms: they link too.
        candidates = [entry.full_name, *_short(entry), *entry.aliases,
                      other.name, other.full_name, *_short(other), *other.aliases]
        forms: list[str] = []
        acronyms_of: list[str] = []
        # An abbr that is an ordinary word ("Renewal", "Onboarding") is matched
        # like a name, case-insensitively and with its plural, not as an acronym.
        if term.abbr and _form_key(term.abbr) not in shared:
            (acronyms_of if looks_like_acronym(term.abbr) else forms).append(term.abbr)
        seen = {_form_key(entry.name)} | {_form_key(a) for a in (*acronyms_of, *forms)}
        for form in candidates:
            key = _form_key(form)
            if key in seen or key in shared:
                continue
            seen.add(key)
            (acronyms_of if looks_like_acronym(form) else forms).append(form)
        targets.append({
            "term_id": term.id,
            "name": entry.name,
            "forms": forms,
            "acronyms": acronyms_of,
            "url": url_for(urls.term(term.id)),
            "title": entry.summary,
            **(tooltip_names_of(term, lang) if tooltip_names else {}),
        })
    return {"targets": targets, "ambiguous": ambiguous}


def tooltip_names_of(term, lang: str) -> dict[str, str]:
    """The tooltip's heading and the counterpart-language name. The abbreviation
    goes with the English name, once: "净收入留存率 · Net Revenue Retention (NRR)"
    on a Chinese page, "Net Revenue Retention (NRR) · 净收入留存率" on an English one."""
    english = term.en.name
    # Only a true abbreviation is worth repeating: not "Customer Churn (Churn)".
    if term.abbr and term.abbr != english and looks_like_acronym(term.abbr):
        english = f"{english} ({term.abbr})"
    if lang == "zh":
        return {"label": term.zh.name, "counterpart": english, "counterpart_lang": "en"}
    return {"label": english, "counterpart": term.zh.name, "counterpart_lang": "zh-Hans"}


def _short(entry) -> list[str]:
    return [entry.short_name] if entry.short_name else []


def _form_key(form: str) -> str:
    return _WHITESPACE.sub(" ", form).strip().casefold()


def looks_like_acronym(form: str) -> bool:
    """"NDR", "SaaS", "CS Ops", "LTV:CAC": only cased letters (no Chinese), no
    all-lower-case word ("LTV to CAC Ratio" is a name), at least two capitals,
    and capitals at least half of the letters. Such forms are matched
    case-sensitively."""
    letters = [ch for ch in form if ch.isalpha()]
    if any(not (ch.isupper() or ch.islower()) for ch in letters):
        return False
    if any(word.islower() for word in _WORD.findall(form)):
        return False
    capitals = sum(1 for ch in letters if ch.isupper())
    return capitals >= 2 and capitals * 2 >= len(letters)
