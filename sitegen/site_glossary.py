"""The glossary as one build sees it: loaded and checked against the
calculators once per process, shared by every hook."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from glossary import Glossary, load_glossary


@lru_cache(maxsize=1)
def formula_ids() -> frozenset[str]:
    from calculators import FORMULAS
    return frozenset(FORMULAS)


@lru_cache(maxsize=None)
def load_site_glossary(root: Path) -> Glossary:
    """Raises glossary.GlossaryError naming every broken file and field."""
    return load_glossary(root, known_formulas=formula_ids())


def glossary_dir(config_file: str, configured: str) -> Path:
    return (Path(config_file).parent / configured).resolve()
