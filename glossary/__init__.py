"""The customer-success glossary: term data, its typed model and its loader.

Knows nothing of MkDocs; hooks/ turns it into pages.
"""
from .loader import GLOSSARY_DIR, GlossaryError, load_glossary
from .model import (
    FORM_STATUSES,
    LANGUAGES,
    Acronym,
    AvoidedForm,
    Benchmark,
    Bilingual,
    Category,
    Comparison,
    ComparisonRow,
    Form,
    Glossary,
    LocalizedEntry,
    MetricDepth,
    Seed,
    Term,
)

__all__ = ["FORM_STATUSES", "GLOSSARY_DIR", "LANGUAGES", "Acronym", "AvoidedForm", "Benchmark",
           "Bilingual", "Category", "Comparison", "ComparisonRow", "Form", "Glossary",
           "GlossaryError", "LocalizedEntry", "MetricDepth", "Seed", "Term", "load_glossary"]
