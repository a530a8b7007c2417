"""PLOVER event coding (issue 4) — placeholder until the extractor lands: finds nothing."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor, Event, Mention, Quote


def extract_events(doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
                   quotes: list[Quote], article_date: str | None) -> list[Event]:
    return []
