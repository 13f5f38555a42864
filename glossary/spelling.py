"""US spelling for English text: British forms and their US spelling.

A small table of the forms that actually turn up in customer-success
writing, not a dictionary. Matched as whole words, case-insensitively.
"""
from __future__ import annotations

import re

# -ise / -isation verbs and nouns whose US spelling is -ize / -ization.
_ISE_STEMS = ("organ", "recogn", "real", "util", "priorit", "optim", "maxim", "minim", "standard",
              "custom", "summar", "categor", "emphas", "final", "monet", "incentiv", "visual",
              "normal", "personal", "capital", "central", "special", "apolog", "critic", "author",
              "character", "familiar", "harmon", "jeopard", "memor", "mobil", "modern", "operational",
              "annual", "synchron", "symbol", "stabil", "subsid", "revolution", "industrial",
              "human", "legal", "local", "global", "digit", "commercial", "democrat", "equal",
              "emphas", "hospital", "item", "author", "economi", "energ", "general", "internal")
_ISE_ENDINGS = {"ise": "ize", "ises": "izes", "ised": "ized", "ising": "izing", "isation": "ization",
                "isations": "izations", "iser": "izer", "isers": "izers"}

_WORDS = {
    "programme": "program", "programmes": "programs",
    "behaviour": "behavior", "behaviours": "behaviors", "behavioural": "behavioral",
    "colour": "color", "colours": "colors", "coloured": "colored",
    "favour": "favor", "favours": "favors", "favourable": "favorable", "favourite": "favorite",
    "favourites": "favorites", "favoured": "favored",
    "honour": "honor", "labour": "labor", "neighbour": "neighbor", "endeavour": "endeavor",
    "rumour": "rumor", "humour": "humor", "flavour": "flavor", "harbour": "harbor",
    "analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing",
    "paralyse": "paralyze", "catalyse": "catalyze",
    "centre": "center", "centres": "centers", "centred": "centered",
    "licence": "license", "licences": "licenses",
    "defence": "defense", "offence": "offense",
    "practise": "practice", "practised": "practiced", "practising": "practicing",
    "modelling": "modeling", "modelled": "modeled", "labelled": "labeled", "labelling": "labeling",
    "travelled": "traveled", "travelling": "traveling",
    "fulfil": "fulfill", "fulfilment": "fulfillment", "enrol": "enroll", "enrolment": "enrollment",
    "instalment": "installment", "instalments": "installments",
    "judgement": "judgment", "ageing": "aging", "grey": "gray", "cheque": "check", "cheques": "checks",
    "whilst": "while", "amongst": "among",
}
for stem in _ISE_STEMS:
    for british, us in _ISE_ENDINGS.items():
        _WORDS.setdefault(stem + british, stem + us)

# One dictionary look-up per word, not one regular expression of every
# British form: that alternation took most of a glossary load (about 0.5 s).
# \w+ splits text where the old \b(...)\b matched, as every form is one word.
_WORD = re.compile(r"\w+")
assert all(_WORD.fullmatch(form) for form in _WORDS), "every British form is one word"


def british_forms(text: str) -> list[tuple[str, str]]:
    """(British form as written, US spelling) for each one in ``text``."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        us = _WORDS.get(word.lower())
        if us is not None:
            found.append((word, us.capitalize() if word[0].isupper() else us))
    return list(dict.fromkeys(found))
