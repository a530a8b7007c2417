"""Quote attribution (issue 3) — placeholder until the extractor lands: finds nothing."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor, Mention, Quote


def extract_quotes(doc: Doc, mentions: list[Mention], actors: dict[str, Actor]) -> list[Quote]:
    return []
