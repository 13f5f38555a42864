"""The specifications the tests hold the project to, read from the project's
own copies in tests/data (a fresh clone has nothing else)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
INVENTORY_FILE = DATA / "term-inventory.yml"
CONTRACT_FILE = DATA / "formula-contract.yml"


def load_inventory() -> list[dict]:
    return yaml.safe_load(INVENTORY_FILE.read_text(encoding="utf-8"))


def load_contract() -> list[dict]:
    return yaml.safe_load(CONTRACT_FILE.read_text(encoding="utf-8"))


def repository_glossary(root: Path | None = None, known_formulas=None):
    """load_glossary(root, known_formulas), loaded once per test session for
    the many modules that read the repository's glossary at import (parsing
    it takes a second or more each time). A Glossary is frozen dataclasses;
    no test changes one."""
    from glossary import GLOSSARY_DIR
    return _load_glossary(Path(root or GLOSSARY_DIR).resolve(),
                          None if known_formulas is None else frozenset(known_formulas))


@lru_cache(maxsize=None)
def _load_glossary(root: Path, known_formulas):
    from glossary import load_glossary
    return load_glossary(root, known_formulas)
