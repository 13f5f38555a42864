"""English inflections of glossary forms, generated once when a Linker is built.

The automaton then holds "renewals" and "customer success managers" as keys of
their own, so a page is still one pass: no regex per term, no stemming at page
time. Only the last word of a Latin form is inflected ("customer success
manager" -> "... managers"), because that is where English inflects a noun
phrase.

What is generated, and why it is safe:

- **Plurals** of names and aliases (matched case-insensitively): +s, +es after
  s/x/z/ch/sh, y -> ies after a consonant. A last word that already ends in a
  single "s" ("Sales", "Analytics", "Ops") is left alone: it is plural, or
  would become a word nobody writes.
- **Acronym plurals**, case-sensitively: "KPIs", "QBRs". Nothing else is done
  to an acronym: no possessive, no -ed, no folding, so "kpis" or "KPIS" still
  do not link.
- **-ed / -ing**, only for a one-word form that the target itself shows being
  used as a verb: another of its forms starts with that word + "ed" or "ing"
  ("churned customers" makes "churn" yield "churned", "churning"). Guessing
  verbs from spelling would link "marketing" to a term named "Market" and
  "leading" to "Lead".
- **Possessives** need nothing here: an apostrophe is not a word character,
  so "the customer's" already links "customer".

A generated form never replaces a form some target lists itself; the Linker
drops a generated form that two destinations would share (see linker.py).
"""
from __future__ import annotations

import re

# The last word of a form, when it is plain ASCII letters (hyphenated compounds
# inflect on their last part: "cross-sell" -> "cross-sells").
_LAST_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]{2,})$")
_SIBILANT = ("ss", "x", "z", "ch", "sh")
_VOWELS = frozenset("aeiou")
_FIRST_WORD = re.compile(r"[a-z]+")


def plurals(key: str) -> tuple[str, ...]:
    """Plural forms of a folded (lower-case) name or alias."""
    match = _LAST_WORD.search(key)
    if match is None or not key.isascii():
        return ()
    word = match.group(1)
    stem = key[: match.start(1)]
    if word.endswith(_SIBILANT):
        return (f"{stem}{word}es",)
    if word.endswith("s"):
        return ()
    if word.endswith("y") and word[-2] not in _VOWELS:
        return (f"{stem}{word[:-1]}ies",)
    return (f"{stem}{word}s",)


def acronym_plurals(acronym: str) -> tuple[str, ...]:
    """"KPI" -> "KPIs"; nothing for an acronym that ends in s or S ("SaaS",
    "OKRs", "CS Ops") or in anything but a capital letter or digit."""
    last = acronym[-1:]
    if not last or last in "sS" or not (last.isascii() and (last.isupper() or last.isdigit())):
        return ()
    return (acronym + "s",)


def verb_forms(key: str, sibling_keys: frozenset[str]) -> tuple[str, ...]:
    """"churn" -> ("churned", "churning") if a sibling form starts with either."""
    if not (key.isascii() and key.isalpha() and len(key) >= 4):
        return ()
    stem = key[:-1] if key.endswith("e") else key
    forms = (f"{stem}ed", f"{stem}ing")
    first_words = {m.group() for k in sibling_keys if (m := _FIRST_WORD.match(k))}
    if not first_words.intersection(forms):
        return ()
    return forms
