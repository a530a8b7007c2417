"""Responses: whom a rejection or an acceptance answers, when its object names an earlier act.

"India accused Pakistan of sheltering militants. Islamabad rejected the charge.": the charge is India's, so
the rejection is Pakistan's answer to India (PLOVER REJECT: rejecting a demand, request, proposal or
accusation, with the one answered as target). A response trigger with no recipient of its own, whose object is
a noun naming an earlier act (`data/answered_acts.tsv`: accusation → ACCUSE, demand → REQUEST, threat →
THREATEN), takes as target the one who did that act to the responder in the same or the few sentences
before (`EventSettings.answer_window`). A response with no object at all answers a request made of the
responder ("Haiti asked Kenya to send police. Nairobi agreed."). Precision first: the earlier act must be
aimed at the responder, and when two actors did such acts to it in the window the answer is left open.
Such a noun's from-phrase names whose act it is ("dismissed an appeal from the president": `answered_from`).
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from ...lexicon import table
from ...model import Event
from ..syntax import OBJECT_DEPS, children, prep_object
from .actors import ActorIndex
from .lexicons import PACKAGE
from .settings import EventSettings

#: the response types that answer an earlier act
RESPONSE_TYPES = frozenset({"REJECT", "AGREE", "CONCEDE"})
#: what answers an act of each type: an accusation or a threat is denied or dismissed, never agreed to here
_ANSWERS = {"ACCUSE": frozenset({"REJECT"}), "THREATEN": frozenset({"REJECT"}), "REQUEST": RESPONSE_TYPES}
#: clause complements that give a response its own content ("agreed to send troops", "denied that ...")
_OWN_CONTENT = ("xcomp", "ccomp")
#: prepositions that give a response its own content or partner ("agreed to a truce", "agreed with Chile")
_OWN_PHRASES = frozenset({"to", "with", "on", "about", "over", "for", "in"})


@cache
def answered_acts() -> dict[str, str]:
    """noun lemma → the PLOVER type of the act it names (`data/answered_acts.tsv`)."""
    return {row[0].lower(): row[1] for row in table(PACKAGE, "answered_acts.tsv", 2, min_columns=2)}


def answered_from(noun: Token) -> Token | None:
    """The object of the from-phrase of a noun naming someone's act ("accepted demands from the rebels",
    "dismissed an appeal from President X"): who made the demand or the appeal, as its by-phrase would."""
    if noun.lemma_.lower() not in answered_acts():
        return None
    return next((prep_object(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"), None)


def answered_type(trigger: Token) -> str | None:
    """The type of the earlier act a response trigger answers: that of its object noun ("rejected the
    accusations": ACCUSE), REQUEST when it has neither object nor clause of its own ("Kenya agreed."), else
    None ("rejected the plan": a thing, not an act of someone's)."""
    if trigger.pos_ != "VERB":
        return None
    objs = children(trigger, OBJECT_DEPS)
    if not objs:
        own = children(trigger, _OWN_CONTENT) or [c for c in children(trigger, ("prep",)) if c.lower_ in _OWN_PHRASES]
        return None if own else "REQUEST"
    return answered_acts().get(objs[0].lemma_.lower())


def answer_targets(events: list[tuple[Event, dict[str, float]]], doc: Doc, index: ActorIndex,
                   settings: EventSettings = EventSettings()) -> list[tuple[Event, dict[str, float]]]:
    """`events` (an article's, any order) with each open response aimed at whom it answers; the confidence
    features of a filled event count its new target (`has_target`, and `unnamed_actor` when the sentence does not
    name it)."""
    starts = sorted(s.start_char for s in doc.sents)
    by_char = {t.idx: t for t in doc}
    done = sorted((e for e, _ in events), key=lambda e: e.trigger_start)
    out: list[tuple[Event, dict[str, float]]] = []
    for event, features in events:
        trigger = by_char.get(event.trigger_start)
        kind = answered_type(trigger) if trigger is not None and _open_response(event) else None
        asker = _asker(event, kind, done, starts, settings) if kind is not None else None
        if asker is None:
            out.append((event, features))
            continue
        named = any(index.tok_actor[t.i] == asker and t.pos_ != "PRON" for t in trigger.sent) if trigger else False
        out.append((replace(event, target=asker),
                    {**features, "has_target": 1.0, "unnamed_actor": max(features.get("unnamed_actor", 0.0),
                                                                           float(not named))}))
    return out


def _open_response(event: Event) -> bool:
    return event.type in RESPONSE_TYPES and event.source is not None and event.target is None


def _asker(event: Event, kind: str, done: list[Event], starts: list[int], settings: EventSettings) -> str | None:
    """The one actor who did an act of `kind` to the responder in the window before the response, or None."""
    if event.type not in _ANSWERS.get(kind, frozenset()):
        return None
    first = _window_start(event.sentence_start, starts, settings.answer_window)
    askers = {e.source for e in done
              if first <= e.sentence_start and e.trigger_start < event.trigger_start and e.type == kind
              and e.target == event.source and e.source is not None and e.source != event.source}
    return askers.pop() if len(askers) == 1 else None


def _window_start(sentence_start: int, starts: list[int], window: int) -> int:
    """The start of the sentence `window` sentences before the one starting at `sentence_start`."""
    i = next((k for k, s in enumerate(starts) if s >= sentence_start), len(starts) - 1)
    return starts[max(0, i - window)]
