"""Very long texts analyzed segment by segment, so an article's cost grows linearly with its length.

The extractors compare candidates within a Doc, and some of that work grows with the square of
the Doc's length: a 62,500-character text of short sentences took 120 s and a 125,000-character
one 423 s here (benchmarks/memory.py), and one article near the size limit (1,000,000
characters) took minutes and over 3 GB. A text longer than `SEGMENT_CHARS` is therefore cut at
block boundaries (paragraphs, headings; readers/clean.py) into segments of at most that length
(a block longer than that is cut at its last sentence end, else line break, else space, before
the limit), each segment is parsed and annotated on its own, and the records are joined back
with their offsets moved to the whole text. So cost and peak memory are those of a
`SEGMENT_CHARS` article times the number of segments.

20,000 characters is about 3,000 words, longer than nearly every news article, which is
therefore analyzed whole as before. What a segment cannot see is the other segments: a surname
or pronoun whose full name stands only in an earlier segment is resolved as the article's own
resolution would resolve it without that name (by the actor table, or as its own actor).
Actors are merged by id (canonical, so the same actor has the same id in every segment).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any, TypeVar

from .model import Actor, Article, Event

SEGMENT_CHARS = 20_000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
R = TypeVar("R")


def _cut(text: str, start: int, limit: int) -> int:
    """Where a run of text from `start` longer than `limit` ends: after its last sentence end, else line
    break, else space, within the limit; at the limit itself when there is none."""
    window = text[start:start + limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends and ends[-1] > limit // 2:
        return start + ends[-1]
    for mark in ("\n", " "):
        at = window.rfind(mark)
        if at > limit // 2:
            return start + at + 1
    return start + limit


def spans(article: Article, limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the segments of the article's text: one span for a text within `limit`
    (default `SEGMENT_CHARS`); else runs of whole blocks up to `limit` characters, a longer block cut
    at a sentence end."""
    limit = limit or SEGMENT_CHARS
    text = article.text
    if len(text) <= limit:
        return [(0, len(text))]
    bounds = sorted({b.end for b in article.blocks if 0 < b.end < len(text)} | {len(text)})
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        fits = [b for b in bounds if start < b <= start + limit]
        end = fits[-1] if fits else _cut(text, start, limit)
        out.append((start, end))
        start = end
    return out


def segment(article: Article, span: tuple[int, int]) -> Article:
    """The part of an article within `span`, as an article of its own (same id, source and date)."""
    start, end = span
    blocks = [dataclasses.replace(b, start=max(b.start, start) - start, end=min(b.end, end) - start)
              for b in article.blocks if b.start < end and b.end > start]
    return dataclasses.replace(article, text=article.text[start:end], blocks=blocks, actors=[], mentions=[],
                               quotes=[], events=[], descriptors=[])


def _shifted(record: R, by: int) -> R:
    """A record with every character offset (`start`, `end`, `*_start`, `*_end`) moved by `by`."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if isinstance(value, int) and not isinstance(value, bool) and (
                f.name in ("start", "end") or f.name.endswith(("_start", "_end"))):
            changes[f.name] = value + by
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


def _merged_actor(a: Actor, b: Actor) -> Actor:
    aliases = tuple(sorted(set(a.aliases) | set(b.aliases)))
    return dataclasses.replace(a, aliases=aliases, country=a.country or b.country, sector=a.sector or b.sector)


def join(article: Article, parts: Sequence[tuple[tuple[int, int], Article]]) -> Article:
    """The whole article's records from its annotated segments ((span, segment) pairs in text order):
    offsets moved to the whole text, an event's quote index to the whole list, actors merged by id."""
    actors: dict[str, Actor] = {}
    article.mentions, article.descriptors, article.quotes, article.events = [], [], [], []
    for (start, _), part in parts:
        for actor in part.actors:
            actors[actor.id] = _merged_actor(actors[actor.id], actor) if actor.id in actors else actor
        quotes_before = len(article.quotes)
        article.mentions.extend(_shifted(m, start) for m in part.mentions)
        article.descriptors.extend(_shifted(d, start) for d in part.descriptors)
        article.quotes.extend(_shifted(q, start) for q in part.quotes)
        article.events.extend(_event(e, start, quotes_before) for e in part.events)
    article.actors = sorted(actors.values(), key=lambda a: a.id)
    return article


def _event(event: Event, start: int, quotes_before: int) -> Event:
    moved = _shifted(event, start)
    return dataclasses.replace(moved, quote=moved.quote + quotes_before) if moved.quote is not None else moved
