"""Practice decks for new hires, drawn from the glossary at build time.

Plain Python over the glossary model: it knows nothing of MkDocs or the
browser. The browser side (scheduling, answer matching, distractors) is the
small JavaScript module overrides/assets/javascripts/learn/learn-core.mjs,
which reads the JSON this package produces.
"""
from .decks import Card, Deck, LearnData, build_learn_data

__all__ = ["Card", "Deck", "LearnData", "build_learn_data"]
