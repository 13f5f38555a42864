"""Typed records shared by the catalog, the engine and the front ends.

They are frozen so the catalog, which is module-level data imported by the
build and by the browser worker alike, cannot be mutated by accident.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("en", "zh")

UNITS = ("money", "percent", "ratio", "score", "days", "time", "number", "months", "count")

KINDS = (
    "money",
    "count",
    "number",
    "percent",
    "list_money",
    "list_number",
    "date",
    "choice",
    # A pasted table (CSV or TSV text, or a list of rows); see accounts.py.
    "table",
)


@dataclass(frozen=True)
class Text:
    """A string in both site languages; `text["zh"]` and `text.zh` both work."""

    en: str
    zh: str

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return getattr(self, lang)

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "zh": self.zh}


@dataclass(frozen=True)
class Choice:
    """One allowed value of a `choice` input, plus the words people type for it."""

    value: str
    label: Text
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Input:
    name: str
    kind: str
    label: Text
    help: Text
    suffix: Text | None = None
    optional: bool = False
    default: float | None = None
    choices: tuple[Choice, ...] = ()
    # Bounds are checked by the parser so every formula gets the same
    # bilingual message; `minimum=None` means any sign is meaningful.
    minimum: float | None = 0
    minimum_exclusive: bool = False
    maximum: float | None = None
    # Lists only: how many values the input takes (None: parsing.MAX_ITEMS).
    # A pasted survey column is longer than a list of fees.
    max_items: int | None = None


@dataclass(frozen=True)
class Example:
    """A worked example exactly as the contract states it."""

    inputs: Mapping[str, Any]
    value: float
    source: str


@dataclass(frozen=True)
class Formula:
    id: str
    term: str
    symbol: Text
    formula: Text
    latex: Text
    unit: str
    inputs: tuple[Input, ...]
    examples: tuple[Example, ...] = ()
    when_to_use: Text | None = None
    # The variant's name where a term has several formulas ("Margin-adjusted
    # LTV"); see labels.py. None: the symbol names it.
    label: Text | None = None
    # Inputs the widget is pre-filled with when the sources give no worked
    # example (see catalog.SAMPLES).
    sample: Mapping[str, Any] = field(default_factory=dict)

    @property
    def prefill(self) -> Mapping[str, Any]:
        """What a reader sees first: the sources' worked example, else the sample."""
        return self.examples[0].inputs if self.examples else self.sample

    def input(self, name: str) -> Input:
        for item in self.inputs:
            if item.name == name:
                return item
        raise KeyError(name)

    @property
    def input_names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.inputs)


@dataclass(frozen=True)
class Detail:
    """One more figure a result carries beside its value, labelled for display.

    `name` is a stable key (e.g. "grr", "churned_accounts"); `unit` is one of
    UNITS, so `format_value(detail.value, detail.unit, lang)` renders it.
    """

    name: str
    value: float
    unit: str
    label: Text


@dataclass(frozen=True)
class Result:
    formula: str
    value: float
    unit: str
    # Each step is {"en": ..., "zh": ...}; the last one states the result.
    steps: tuple[dict[str, str], ...] = field(default=())
    # Extra figures, in display order: GRR and the waterfall's amounts and
    # account counts for retention_from_accounts, the answer counts for
    # nps_from_scores, the neighbouring whole numbers for a solved count.
    details: tuple[Detail, ...] = field(default=())

    def detail(self, name: str) -> float:
        """The value of one detail; KeyError if the result has none of that name."""
        for item in self.details:
            if item.name == name:
                return item.value
        raise KeyError(name)

    @property
    def detail_values(self) -> dict[str, float]:
        return {item.name: item.value for item in self.details}
