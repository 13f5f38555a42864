"""One JSON file per term, and the JSON Schema of glossary.json.

    api/v1/terms/<id>.json       that term's entry from glossary.json, byte for
                                 byte the same object, so a page or a bot can
                                 fetch one definition instead of the whole file
    api/v1/glossary.schema.json  JSON Schema (draft 2020-12) for glossary.json;
                                 its $defs/term describes each per-term file

The path carries the format version: a change that breaks readers gets v2
beside v1, never an edit of v1 in place.
"""
from __future__ import annotations

import json
from pathlib import Path

from glossary import Glossary

from ..exports import FORMAT_VERSION, glossary_data

API_ROOT = f"api/v{FORMAT_VERSION}"
SCHEMA_NAME = "glossary.schema.json"
SCHEMA_SOURCE = Path(__file__).with_name("glossary.schema.json")


def term_path(term_id: str) -> str:
    return f"{API_ROOT}/terms/{term_id}.json"


def write(out: Path, glossary: Glossary, site_url: str) -> list[Path]:
    written = []
    for entry in glossary_data(glossary, site_url)["terms"]:
        path = out / term_path(entry["id"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(entry, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    schema = out / API_ROOT / SCHEMA_NAME
    schema.write_text(SCHEMA_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    written.append(schema)
    return written
