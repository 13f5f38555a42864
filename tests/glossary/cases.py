"""Broken term files, as edits to the valid fixture glossary (tests/fixtures/glossary).

Each case: (id, edits, file the error must name, field it must name, words it
must say: one string or a tuple of strings).
An edit is (file, old text, new text); old None means create or overwrite the
file with the new text, or with a copy of another term file given as CopyOf(name).
"""


class CopyOf(str):
    """The whole text of another fixture term file."""

BAD_GLOSSARIES = [
    ("yaml-syntax", [("alpha-rate.yml", "abbr: AR", "abbr: [AR")],
     "alpha-rate.yml", None, "YAML syntax error at line 5"),
    ("missing-field", [("alpha-rate.yml", "  summary: A fixture term for tests.\n", "")],
     "alpha-rate.yml", "en.summary", "required"),
    ("empty-field", [("beta-score.yml", "  name: 贝塔分", "  name: '  '")],
     "beta-score.yml", "zh.name", "must not be empty"),
    ("missing-language", [("beta-score.yml", "en:\n  name: Beta Score\n  summary: Another fixture term.\n"
                           "  definition: Another fixture definition.\n", "")],
     "beta-score.yml", "en", "missing language"),
    ("unknown-category", [("alpha-rate.yml", "category: retention", "category: loyalty")],
     "alpha-rate.yml", "category", "unknown category 'loyalty'"),
    ("unknown-related", [("alpha-rate.yml", "related: [beta-score]", "related: [beta-scor]")],
     "alpha-rate.yml", "related[0]", "unknown term id 'beta-scor'"),
    ("unknown-formula", [("alpha-rate.yml", "formulas: [nrr]", "formulas: [nrr, nps_v2]")],
     "alpha-rate.yml", "formulas[1]", "unknown formula id 'nps_v2'"),
    ("unknown-seed", [("beta-score.yml", "sources:\n", "sources:\n  seeds: [\"009\"]\n")],
     "beta-score.yml", "sources.seeds[0]", "unknown seed '009'"),
    ("unknown-field", [("beta-score.yml", "category: satisfaction", "category: satisfaction\ncolour: red")],
     "beta-score.yml", "colour", "unknown field"),
    ("duplicate-id", [("alpha-copy.yml", None, CopyOf("alpha-rate.yml"))],
     "alpha-copy.yml", "id", ("already claimed by", "terms/alpha-rate.yml")),
    ("id-not-file-name", [("beta-score.yml", "id: beta-score", "id: beta")],
     "beta-score.yml", "id", "must match the file name"),
    ("alias-clash", [("beta-score.yml", "  summary: Another fixture term.",
                      "  aliases: [alpha rate]\n  summary: Another fixture term.")],
     "beta-score.yml", "aliases", ("'alpha rate' is also used by", "terms/alpha-rate.yml")),
    ("homonym-undeclared", [("gamma-two.yml", "homonyms: [gamma-one]\n", "")],
     "gamma-two.yml", "aliases", "'GX' is also used by"),
    ("not-a-mapping", [("beta-score.yml", None, "- just\n- a list\n")],
     "beta-score.yml", None, "must be a mapping"),
]
