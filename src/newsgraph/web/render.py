"""Presentation helpers for the web pages: records from `query` -> what templates and charts draw.

No queries here (pages read through `newsgraph.query`), only shaping: an article's text cut into
displaCy-like segments, an actor's counterparts as Cytoscape elements, activity and relation
rows as Chart.js series. Everything returned is plain data; templates escape it and scripts
draw it with `textContent` or on a canvas.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from ..model import Article
from ..query import ACTIVITY_KINDS, ActivityRow, Counterpart, RelationRow

UNDATED = "undated"


@dataclass
class Segment:
    """A run of text under the same annotations (mention, quote content, cue, speaker, trigger)."""

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

    @property
    def plain(self) -> bool:
        return self.actor is None and self.quote is None and self.cue is None and self.speaker is None \
            and self.trigger is None


@dataclass
class Block:
    kind: str
    segments: list[Segment] = field(default_factory=list)


def _covering(spans: Sequence[tuple[int, int, Any]], start: int, end: int) -> tuple[int, int, Any] | None:
    for span in spans:
        if span[0] <= start and end <= span[1]:
            return span
    return None


def article_blocks(article: Article) -> list[Block]:
    """The article text as blocks of segments, cut at every annotation boundary (displaCy-like).

    Mentions link to their canonical actor; quote content, cue and speaker spans and event
    triggers are marked; overlapping annotations simply share a segment.
    """
    text = article.text
    actors = {a.id: a for a in article.actors}
    mentions = [(m.start, m.end, m) for m in article.mentions if m.start < m.end]
    quotes = [(q.start, q.end, i) for i, q in enumerate(article.quotes) if q.start < q.end]
    cues = [(q.cue_start, q.cue_end, i) for i, q in enumerate(article.quotes)
            if q.cue_start is not None and q.cue_end is not None and q.cue_start < q.cue_end]
    speakers = [(q.speaker_start, q.speaker_end, i) for i, q in enumerate(article.quotes)
                if q.speaker_start is not None and q.speaker_end is not None and q.speaker_start < q.speaker_end]
    triggers = [(e.trigger_start, e.trigger_end, i) for i, e in enumerate(article.events) if e.trigger_start < e.trigger_end]
    spans = [*mentions, *quotes, *cues, *speakers, *triggers]
    raw_blocks = [(b.start, b.end, b.kind) for b in article.blocks] or [(0, len(text), "paragraph")]
    blocks = []
    for b_start, b_end, kind in raw_blocks:
        cuts = {b_start, b_end}
        for s, e, _ in spans:
            cuts.update(x for x in (s, e) if b_start < x < b_end)
        ordered = sorted(cuts)
        block = Block(kind)
        for start, end in pairwise(ordered):
            seg = Segment(text[start:end], start, end)
            if (m := _covering(mentions, start, end)) is not None:
                mention = m[2]
                actor = actors.get(mention.actor)
                seg.actor = {"id": mention.actor, "name": actor.name if actor else mention.actor,
                             "type": actor.type if actor else "", "country": actor.country if actor else None,
                             "how": mention.how, "text": mention.text}
                seg.mention_end = end == m[1]
            if (q := _covering(quotes, start, end)) is not None:
                seg.quote = q[2]
            if (c := _covering(cues, start, end)) is not None:
                seg.cue = c[2]
            if (sp := _covering(speakers, start, end)) is not None:
                seg.speaker = sp[2]
            if (t := _covering(triggers, start, end)) is not None:
                seg.trigger = t[2]
                seg.trigger_type = article.events[t[2]].type
                seg.trigger_end = end == t[1]
            block.segments.append(seg)
        blocks.append(block)
    return blocks


def network(center: dict[str, Any], rows: Iterable[Counterpart], limit: int = 40) -> dict[str, Any]:
    """Cytoscape elements: the actor in the middle, its `limit` busiest counterparts around it.

    One edge per counterpart and direction, labelled with its event counts by type
    (`AID 2, COOPERATE 1`); its width grows with the total.
    """
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        if r.counterpart not in nodes:
            if len(nodes) >= limit:
                continue
            nodes[r.counterpart] = {"id": r.counterpart, "label": r.counterpart_name, "type": r.counterpart_type,
                                    "total": 0}
        nodes[r.counterpart]["total"] += r.events
        key = (r.counterpart, r.direction)
        edge = edges.setdefault(key, {"counts": {}, "total": 0})
        edge["counts"][r.type] = edge["counts"].get(r.type, 0) + r.events
        edge["total"] += r.events
    elements: list[dict[str, Any]] = [
        {"data": {"id": center["id"], "label": center["name"], "type": center["type"], "center": 1, "total": 0}}]
    elements += [{"data": n} for n in nodes.values()]
    for (other, direction), edge in edges.items():
        source, target = (center["id"], other) if direction == "out" else (other, center["id"])
        label = ", ".join(f"{t} {n}" for t, n in sorted(edge["counts"].items(), key=lambda kv: (-kv[1], kv[0])))
        elements.append({"data": {"id": f"{source}->{target}", "source": source, "target": target,
                                  "label": label, "total": edge["total"]}})
    return {"elements": elements, "counterparts": len(nodes)}


ACTIVITY_LABELS = {"events_as_source": "events as source", "events_as_target": "events as target",
                   "quotes_by": "quotes by", "quotes_about": "quotes about"}


def timeline(rows: Iterable[ActivityRow]) -> dict[str, Any]:
    """Chart.js data: one bar series per kind of activity over the periods (undated last)."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    periods: set[str] = set()
    for r in rows:
        period = r.period or UNDATED
        periods.add(period)
        counts[r.kind][period] = r.count
    labels = sorted(p for p in periods if p != UNDATED) + ([UNDATED] if UNDATED in periods else [])
    return {"labels": labels,
            "datasets": [{"key": k, "label": ACTIVITY_LABELS[k], "data": [counts[k].get(p, 0) for p in labels]}
                         for k in ACTIVITY_KINDS]}


def relation_series(rows: Iterable[RelationRow], a_name: str, b_name: str) -> dict[str, Any]:
    """Chart.js data: one series per event type and direction between two actors over time."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    periods: set[str] = set()
    for r in rows:
        period = r.period or UNDATED
        periods.add(period)
        arrow = f"{a_name} → {b_name}" if r.direction == "a->b" else f"{b_name} → {a_name}"
        key = f"{r.type} ({arrow})"
        counts[key][period] = counts[key].get(period, 0) + r.events
    labels = sorted(p for p in periods if p != UNDATED) + ([UNDATED] if UNDATED in periods else [])
    return {"labels": labels,
            "datasets": [{"key": k, "label": k, "data": [counts[k].get(p, 0) for p in labels]} for k in sorted(counts)]}


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


def counterpart_table(rows: Sequence[Counterpart]) -> list[dict[str, Any]]:
    """One row per counterpart with its event counts by type and direction, busiest first."""
    table: dict[str, dict[str, Any]] = {}
    for r in rows:
        entry = table.setdefault(r.counterpart, {"id": r.counterpart, "name": r.counterpart_name,
                                                 "type": r.counterpart_type, "out": {}, "in": {}, "total": 0})
        entry[r.direction][r.type] = r.events
        entry["total"] += r.events
    return sorted(table.values(), key=lambda e: (-e["total"], e["name"]))
