"""The customer-success glossary: term data, its typed model and its loader.

Knows nothing of MkDocs; hooks/ turns it into pages.
"""
from .loader import GLOSSARY_DIR, GlossaryError, load_glossary
from .model import LANGUAGES, Acronym, Category, Glossary, LocalizedEntry, Term

__all__ = ["GLOSSARY_DIR", "LANGUAGES", "Acronym", "Category", "Glossary",
           "GlossaryError", "LocalizedEntry", "Term", "load_glossary"]
