"""Presentation helpers for the web pages: an article's text as annotated segments, fact anchors,
confidence, and long lists folded to their top few.

No queries here (pages read through `newsgraph.query`), only shaping: an article's text cut into
displaCy-like segments, each knowing which quote attributions and event sentences cover it, so
`/article/<id>#q-3` and `#e-5` can open the article at the fact and highlight it. Chart data is
`charts`'. Everything returned is plain data; templates escape it and scripts draw it with
`textContent` or on a canvas.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from ..model import Actor, Article, Event, Quote

Span = tuple[int, int, Any]


@dataclass(frozen=True, slots=True)
class ViewSettings:
    """Thresholds of the pages.

    `low_confidence`: a quote or event whose `confidence` (a calibrated probability that it is
    right, see `model.Event`) is below this is more likely wrong than right, so it is shown muted
    and labelled; a missing confidence is shown as unknown, never as low. `collapse_top`: a long
    list (labels, aliases, roles) shows this many entries, the rest behind "N more".
    """

    low_confidence: float = 0.5
    collapse_top: int = 5


VIEW = ViewSettings()


@dataclass
class Segment:
    """A run of text under the same annotations (mention, quote content, cue, speaker, trigger).

    `quotes` and `sentences` list every quote attribution (speaker, cue and content) and every
    event sentence that covers the run, for highlighting a fact; `anchors` are the fact ids
    (`q-3`, `e-5`) that start here.
    """

    text: str
    start: int
    end: int
    actor: dict[str, Any] | None = None  # id, name, type, country, how, text
    mention_end: bool = False  # last piece of its mention: draw the label after it
    quote: int | None = None
    cue: int | None = None
    speaker: int | None = None
    trigger: int | None = None
    trigger_type: str | None = None
    trigger_end: bool = False
    quotes: list[int] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def plain(self) -> bool:
        return self.actor is None and self.quote is None and self.cue is None and self.speaker is None \
            and self.trigger is None and not self.quotes and not self.sentences and not self.anchors


@dataclass
class Block:
    kind: str
    segments: list[Segment] = field(default_factory=list)


def _covering(spans: Sequence[Span], start: int, end: int) -> Span | None:
    for span in spans:
        if span[0] <= start and end <= span[1]:
            return span
    return None


def _all_covering(spans: Sequence[Span], start: int, end: int) -> list[int]:
    return [span[2] for span in spans if span[0] <= start and end <= span[1]]


def fact_anchor(kind: str, idx: int) -> str:
    """The fragment id of a fact on its article page: `q-3` for quote 3, `e-5` for event 5."""
    return f"{kind[0]}-{idx}"


def attribution_span(q: Quote) -> tuple[int, int]:
    """The whole attribution of a quote: from the first of speaker, cue and content to the last."""
    starts = [x for x in (q.start, q.cue_start, q.speaker_start) if x is not None]
    ends = [x for x in (q.end, q.cue_end, q.speaker_end) if x is not None]
    return min(starts), max(ends)


@dataclass(frozen=True)
class _Spans:
    """The annotation spans of one article, as (start, end, payload), and its actors by id."""

    actors: dict[str, Actor]
    mentions: list[Span]
    quotes: list[Span]
    cues: list[Span]
    speakers: list[Span]
    triggers: list[Span]
    attributions: list[Span]
    sentences: list[Span]

    @classmethod
    def of(cls, article: Article) -> _Spans:
        qs: list[Quote] = article.quotes
        es: list[Event] = article.events
        attributions = [(*attribution_span(q), i) for i, q in enumerate(qs)]
        return cls(
            actors={a.id: a for a in article.actors},
            mentions=[(m.start, m.end, m) for m in article.mentions if m.start < m.end],
            quotes=[(q.start, q.end, i) for i, q in enumerate(qs) if q.start < q.end],
            cues=[(q.cue_start, q.cue_end, i) for i, q in enumerate(qs)
                  if q.cue_start is not None and q.cue_end is not None and q.cue_start < q.cue_end],
            speakers=[(q.speaker_start, q.speaker_end, i) for i, q in enumerate(qs)
                      if q.speaker_start is not None and q.speaker_end is not None and q.speaker_start < q.speaker_end],
            triggers=[(e.trigger_start, e.trigger_end, i) for i, e in enumerate(es) if e.trigger_start < e.trigger_end],
            attributions=[s for s in attributions if s[0] < s[1]],
            sentences=[(e.sentence_start, e.sentence_end, i) for i, e in enumerate(es) if e.sentence_start < e.sentence_end])

    def all(self) -> list[Span]:
        return [*self.mentions, *self.quotes, *self.cues, *self.speakers, *self.triggers, *self.attributions,
                *self.sentences]


def _segment(article: Article, spans: _Spans, start: int, end: int, anchored: set[str]) -> Segment:
    """One run of text with every annotation that covers it; the first run of a fact carries its anchor."""
    seg = Segment(article.text[start:end], start, end)
    if (m := _covering(spans.mentions, start, end)) is not None:
        mention = m[2]
        actor = spans.actors.get(mention.actor)
        seg.actor = {"id": mention.actor, "name": actor.name if actor else mention.actor,
                     "type": actor.type if actor else "", "country": actor.country if actor else None,
                     "how": mention.how, "text": mention.text}
        seg.mention_end = end == m[1]
    if (q := _covering(spans.quotes, start, end)) is not None:
        seg.quote = q[2]
    if (c := _covering(spans.cues, start, end)) is not None:
        seg.cue = c[2]
    if (sp := _covering(spans.speakers, start, end)) is not None:
        seg.speaker = sp[2]
    if (t := _covering(spans.triggers, start, end)) is not None:
        seg.trigger = t[2]
        seg.trigger_type = article.events[t[2]].type
        seg.trigger_end = end == t[1]
    seg.quotes = _all_covering(spans.attributions, start, end)
    seg.sentences = _all_covering(spans.sentences, start, end)
    for anchor in [fact_anchor("quote", i) for i in seg.quotes] + [fact_anchor("event", i) for i in seg.sentences]:
        if anchor not in anchored:
            anchored.add(anchor)
            seg.anchors.append(anchor)
    return seg


def article_blocks(article: Article) -> list[Block]:
    """The article text as blocks of segments, cut at every annotation boundary (displaCy-like).

    Mentions link to their canonical actor; quote content, cue and speaker spans and event
    triggers are marked; overlapping annotations simply share a segment. The first segment of
    each quote's attribution and of each event's sentence carries its anchor (`q-3`, `e-5`).
    """
    text = article.text
    spans = _Spans.of(article)
    boundaries = sorted({x for s, e, _ in spans.all() for x in (s, e)})
    raw_blocks = [(b.start, b.end, b.kind) for b in article.blocks] or [(0, len(text), "paragraph")]
    anchored: set[str] = set()
    blocks = []
    for b_start, b_end, kind in raw_blocks:
        cuts = {b_start, b_end, *(x for x in boundaries if b_start < x < b_end)}
        block = Block(kind)
        block.segments = [_segment(article, spans, start, end, anchored) for start, end in pairwise(sorted(cuts))]
        blocks.append(block)
    return blocks


def placed_anchors(blocks: Iterable[Block]) -> set[str]:
    """The fact anchors the text carries; a fact whose span lies outside every block gets its anchor in the tables."""
    return {a for b in blocks for s in b.segments for a in s.anchors}


def confidence_of(record: Any) -> float | None:
    """A record's `confidence` (dict or object), None when the store or the extractor has none yet."""
    value = record.get("confidence") if isinstance(record, Mapping) else getattr(record, "confidence", None)
    return float(value) if isinstance(value, (int, float)) else None


def is_low_confidence(record: Any, settings: ViewSettings = VIEW) -> bool:
    """True when the record has a confidence and it is below `settings.low_confidence` (unknown is not low)."""
    value = confidence_of(record)
    return value is not None and value < settings.low_confidence


def label_summary(labels: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Labels of an actor summed over outlets, most used first: label, count, outlets, first and last seen."""
    merged: dict[str, dict[str, Any]] = defaultdict(lambda: {"count": 0, "outlets": set(), "first": None, "last": None})
    for row in labels:
        m = merged[row["label"]]
        m["count"] += row.get("count") or 0
        if row.get("outlet"):
            m["outlets"].add(row["outlet"])
        for key, pick, col in (("first", min, "first_seen"), ("last", max, "last_seen")):
            if row.get(col):
                m[key] = pick(filter(None, (m[key], str(row[col]))))
    return sorted(({"label": k, "count": v["count"], "outlets": len(v["outlets"]), "first_seen": v["first"],
                    "last_seen": v["last"]} for k, v in merged.items()), key=lambda r: (-r["count"], r["label"]))


def sentence_parts(sentence: str, trigger: str, trigger_start: int, sentence_start: int) -> tuple[str, str, str]:
    """The event's sentence cut around its trigger: (before, trigger, after), for highlighting.

    The stored sentence is trimmed, so the trigger is looked for at its offset first, then at
    the nearest occurrence; without one the whole sentence comes back as `before`.
    """
    n = len(trigger)
    rel = trigger_start - sentence_start
    if n and sentence[rel:rel + n] != trigger:
        hits = [m.start() for m in re.finditer(re.escape(trigger), sentence)] if trigger else []
        rel = min(hits, key=lambda h: abs(h - rel)) if hits else -1
    if not n or rel < 0:
        return sentence, "", ""
    return sentence[:rel], sentence[rel:rel + n], sentence[rel + n:]
