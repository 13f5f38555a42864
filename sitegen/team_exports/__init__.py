"""Exports for teams that link our definitions from their own tools:

- ``inventory``: a Sphinx ``objects.inv`` per language tree (intersphinx,
  mkdocstrings / autorefs);
- ``term_api``: one JSON file per term at ``api/v1/terms/<id>.json`` and the
  JSON Schema of glossary.json;
- ``skos``: the glossary as a SKOS concept scheme in JSON-LD;
- ``translators``: OmegaT glossaries (zh->en, en->zh) and a Trados-friendly CSV.

Each module is plain Python over the glossary model, like sitegen/exports.py,
and deterministic: the same glossary gives byte-identical files.
"""
from __future__ import annotations

from pathlib import Path

from glossary import Glossary

from . import inventory, skos, term_api, translators


def write_team_exports(out: Path, glossary: Glossary, site_url: str) -> list[Path]:
    written: list[Path] = []
    written += inventory.write(out, glossary, site_url)
    written += term_api.write(out, glossary, site_url)
    written += skos.write(out, glossary, site_url)
    written += translators.write(out, glossary)
    return written
