"""newsgraph's extractors as spaCy components, for people who run spaCy pipelines of their own.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsgraph_quotes")          # adds newsgraph_mentions before it if missing
    doc = nlp(text)
    doc._.newsgraph_quotes[0].speaker, .cue, .content   # Spans, plus .actor and .record

The components are registered through the `spacy_factories` entry point, so `add_pipe`
finds them by name once newsgraph is installed. They call the same functions as
`newsgraph.extract`, so both give the same records for the same text. Set
`doc._.newsgraph_date = "YYYY-MM-DD"` before the events component to date events relative
to the article (with `nlp.pipe(..., component_cfg=...)` or a component of your own).

Thresholds and window sizes are the extractors' settings objects (`QuoteSettings`,
`EventSettings`), exposed as each factory's `default_config` as spaCy's own factories do; change
one with `nlp.add_pipe("newsgraph_quotes", config={"settings": {"min_frame_score": 0.3}})`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract.events import EventSettings, extract_events
from .extract.quotes import QuoteSettings, extract_quotes
from .model import Actor, Event, Mention, Quote
from .pipeline import annotate_mentions

MENTIONS, QUOTES, EVENTS = "newsgraph_mentions", "newsgraph_quotes", "newsgraph_events"


@dataclass(frozen=True)
class QuoteSpans:
    """A quote as Spans of the Doc, with its resolved speaker and the plain record."""

    speaker: Span | None
    cue: Span | None
    content: Span
    actor: Actor | None
    record: Quote


@dataclass(frozen=True)
class EventSpans:
    """An event's trigger and sentence as Spans, its actors, and the plain record."""

    trigger: Span
    sentence: Span
    source: Actor | None
    target: Actor | None
    record: Event


for _name, _default in (("newsgraph_date", None), ("newsgraph_actors", None), ("newsgraph_mention_records", None),
                        ("newsgraph_quote_records", None), ("newsgraph_event_records", None), (MENTIONS, None), (QUOTES, None), (EVENTS, None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _span(doc: Doc, start: int | None, end: int | None, label: str = "") -> Span | None:
    if start is None or end is None:
        return None
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _ensure_mentions(doc: Doc) -> tuple[list[Mention], dict[str, Actor]]:
    if doc._.newsgraph_mention_records is None:
        mentions, actors = annotate_mentions(doc)
        doc._.newsgraph_mention_records = mentions
        doc._.newsgraph_actors = actors
        doc._.set(MENTIONS, mentions)
        doc.spans[MENTIONS] = [s for m in mentions
                               if (s := _span(doc, m.start, m.end, actors[m.actor].name if m.actor in actors else "")) is not None]
    return doc._.newsgraph_mention_records, doc._.newsgraph_actors


def _ensure_quotes(doc: Doc, settings: QuoteSettings = QuoteSettings()) -> list[Quote]:
    if doc._.newsgraph_quote_records is None:
        mentions, actors = _ensure_mentions(doc)
        quotes = extract_quotes(doc, mentions, actors, settings=settings)
        doc._.newsgraph_quote_records = quotes
        views = []
        for q in quotes:
            actor = actors.get(q.speaker) if q.speaker else None
            content = _span(doc, q.start, q.end, actor.name if actor else (q.speaker_text or "QUOTE"))
            if content is None:
                continue
            views.append(QuoteSpans(_span(doc, q.speaker_start, q.speaker_end, "SPEAKER"),
                                    _span(doc, q.cue_start, q.cue_end, "CUE"), content, actor, q))
        doc._.set(QUOTES, views)
        doc.spans[QUOTES] = [s for v in views for s in (v.speaker, v.cue, v.content) if s is not None]
    return doc._.newsgraph_quote_records


@Language.component(MENTIONS, requires=["doc.ents"], assigns=[f"doc._.{MENTIONS}", "doc.spans"])
def mentions_component(doc: Doc) -> Doc:
    """Actor mentions resolved to canonical actors: `doc._.newsgraph_mentions` (Mention records)."""
    _ensure_mentions(doc)
    return doc


@Language.factory(QUOTES, default_config={"settings": asdict(QuoteSettings())},
                  requires=["doc.ents", "token.dep"], assigns=[f"doc._.{QUOTES}", "doc.spans"])
def quotes_component(nlp: Language, name: str, settings: dict[str, Any]) -> Callable[[Doc], Doc]:
    """Quotes and reported claims: `doc._.newsgraph_quotes` (QuoteSpans) and `doc.spans["newsgraph_quotes"]`."""
    quote_settings = QuoteSettings(**settings)

    def quotes(doc: Doc) -> Doc:
        _ensure_quotes(doc, quote_settings)
        return doc

    return quotes


@Language.factory(EVENTS, default_config={"settings": asdict(EventSettings()), "quote_settings": asdict(QuoteSettings())},
                  requires=["doc.ents", "token.dep"], assigns=[f"doc._.{EVENTS}", "doc.spans"])
def events_component(nlp: Language, name: str, settings: dict[str, Any],
                     quote_settings: dict[str, Any]) -> Callable[[Doc], Doc]:
    """PLOVER events: `doc._.newsgraph_events` (EventSpans) and `doc.spans["newsgraph_events"]`.

    Events read the quotes (an event inside a quote is `reported`), so the component runs the quote
    step with `quote_settings` when no `newsgraph_quotes` component ran before it."""
    event_settings, quotes_settings = EventSettings(**settings), QuoteSettings(**quote_settings)

    def events(doc: Doc) -> Doc:
        _set_events(doc, event_settings, quotes_settings)
        return doc

    return events


def _set_events(doc: Doc, settings: EventSettings, quote_settings: QuoteSettings) -> None:
    mentions, actors = _ensure_mentions(doc)
    quotes = _ensure_quotes(doc, quote_settings)
    events = extract_events(doc, mentions, actors, quotes, doc._.newsgraph_date, settings=settings)
    doc._.newsgraph_event_records = events
    views = []
    for e in events:
        trigger = _span(doc, e.trigger_start, e.trigger_end, e.type)
        sentence = _span(doc, e.sentence_start, e.sentence_end, e.type)
        if trigger is None or sentence is None:
            continue
        views.append(EventSpans(trigger, sentence, actors.get(e.source or ""), actors.get(e.target or ""), e))
    doc._.set(EVENTS, views)
    doc.spans[EVENTS] = [v.trigger for v in views]


def records(doc: Doc) -> dict[str, list]:
    """The plain records the components left on a Doc (same shapes as `Article`'s lists)."""
    actors = doc._.newsgraph_actors or {}
    return {
        "actors": sorted(actors.values(), key=lambda a: a.id),
        "mentions": list(doc._.newsgraph_mention_records or []),
        "quotes": list(doc._.newsgraph_quote_records or []),
        "events": list(doc._.newsgraph_event_records or []),
    }
