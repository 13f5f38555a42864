"""Glossary cross-linking for rendered HTML, in Chinese and English.

Plain Python with no MkDocs import: the site's hook and other teams' MkDocs
projects (through the published glossary.json) use it the same way.

    linker = Linker(targets, ambiguous={"SME": Disambiguation("acronyms/sme/", "…")})
    result = linker.link(html, page_url="terms/churn/", current_term="churn")
    for problem in result.unknown:      # [[ids]] nobody defines
        log.warning(str(problem))
    html = result.html

See README.md in this folder for the rules (what links where, and why).
"""
from .linker import Linker
from .model import Disambiguation, Link, LinkResult, LinkTarget, UnknownReference, UnknownTermError

__all__ = ["Disambiguation", "Link", "LinkResult", "LinkTarget", "Linker",
           "UnknownReference", "UnknownTermError"]
