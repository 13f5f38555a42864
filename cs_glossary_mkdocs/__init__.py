"""MkDocs plugin ``cs-glossary``: link mentions of the Customer Success
Glossary's terms in another project's pages to the published glossary, with
each term's one-line summary as the tooltip. See docs/en/linking.md."""
