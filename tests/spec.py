"""The specifications the tests hold the project to, read from the project's
own copies in tests/data (a fresh clone has nothing else)."""
from __future__ import annotations

from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
INVENTORY_FILE = DATA / "term-inventory.yml"
CONTRACT_FILE = DATA / "formula-contract.yml"


def load_inventory() -> list[dict]:
    return yaml.safe_load(INVENTORY_FILE.read_text(encoding="utf-8"))


def load_contract() -> list[dict]:
    return yaml.safe_load(CONTRACT_FILE.read_text(encoding="utf-8"))
