"""Build glue between the model (glossary, calculators) and MkDocs.

Renders the generated pages, the exports and the landing page from Jinja
templates. Knows nothing of MkDocs itself: hooks/ is the thin adapter.
"""
