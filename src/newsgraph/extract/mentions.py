"""Candidate actor mentions: named entities of the actor types, trimmed to the name itself.

spaCy's NER includes a leading "the" ("the Russian Federation") and sometimes a possessive;
the span is trimmed so that offsets point at the name, while the resolver sees the same
surface for "the Russian Federation" and "Russian Federation".
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..model import ACTOR_TYPES

_TRIM_LEFT = {"the", "The", "THE"}
_TRIM_RIGHT = {"'s", "’s", "'", "’"}


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and (span.doc[start].text in _TRIM_LEFT or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].text in _TRIM_RIGHT or span.doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return span.doc[start:end] if (start, end) != (span.start, span.end) else span


def entity_mentions(doc: Doc) -> Iterator[Span]:
    """Yield trimmed entity spans whose label is one of the actor types, in text order."""
    for ent in doc.ents:
        if ent.label_ not in ACTOR_TYPES:
            continue
        span = _trim(ent)
        if span is None or not any(ch.isalpha() for ch in span.text):  # "U.S." has letters, no alpha token
            continue
        if span.label_ != ent.label_:
            span = Span(doc, span.start, span.end, label=ent.label_)
        yield span
