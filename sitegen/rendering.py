"""The one Jinja environment for every template in sitegen/templates/, and
the fixed UI strings (ui.yml) in both languages."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
import yaml

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _ui_strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load((Path(__file__).parent / "ui.yml").read_text(encoding="utf-8"))


def ui(key: str, lang: str, **values) -> str:
    text = _ui_strings()[key][lang]
    return text.format(**values) if values else text


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,                      # term text is data, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
