"""Agentless concessions announced by a state's voice: the state that speaks is the one that concedes.

"The criminal case against X will be dropped, the Kremlin spokesman said": a passive with no by-agent names no
one who drops the case, but a government's own spokesman announcing its decision is that government's act (PLOVER
codes a CONCEDE by the state that eases, releases or drops; CAMEO 08 likewise). Only for concessions
(`STATE_ACTS`): an agentless killing or arrest reported by a ministry is often the other side's act, so no
other type takes its speaker as agent. The speaker's state is the speaker when a country, else the
speaker's country when the article names it ("Kremlin spokesman Dmitry Peskov" → Russia, "Peru's justice
ministry" → Peru).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ...model import Event, Quote
from ...resolve.ids import actor_id
from .actors import ActorIndex

#: the types whose agentless passive, in a state's own announcement, is that state's act
STATE_ACTS = frozenset({"CONCEDE"})


def state_agents(events: list[tuple[Event, dict[str, float]]], doc: Doc, index: ActorIndex,
                 quotes: list[Quote]) -> list[tuple[Event, dict[str, float]]]:
    """`events` with each agentless concession inside a state's announcement given that state as source."""
    by_char = {t.idx: t for t in doc}
    out: list[tuple[Event, dict[str, float]]] = []
    for event, features in events:
        trigger = by_char.get(event.trigger_start)
        state = _announcing_state(event, trigger, index, quotes) if trigger is not None else None
        if state is None:
            out.append((event, features))
            continue
        named = any(index.tok_actor[t.i] == state and t.pos_ != "PRON" for t in trigger.sent) if trigger else False
        out.append((replace(event, source=state),
                    {**features, "has_source": 1.0,
                     "unnamed_actor": max(features.get("unnamed_actor", 0.0), float(not named))}))
    return out


def _announcing_state(event: Event, trigger: Token, index: ActorIndex, quotes: list[Quote]) -> str | None:
    if event.source is not None or event.type not in STATE_ACTS or event.quote is None or not agentless(trigger):
        return None
    speaker = quotes[event.quote].speaker
    state = state_of(speaker, index) if speaker else None
    return state if state != event.target else None


def agentless(verb: Token) -> bool:
    """A passive verb with no by-phrase ("will be dropped", "were released")."""
    deps = {c.dep_ for c in verb.children}
    return verb.pos_ == "VERB" and bool(deps & {"auxpass", "nsubjpass"}) and "agent" not in deps


def state_of(actor: str, index: ActorIndex) -> str | None:
    """The state an actor speaks for: a country itself, else its country when the article names it."""
    a = index.actors.get(actor)
    if a is None or not a.country:
        return None
    if a.type == "GPE" and actor == actor_id(f"country:{a.country}"):
        return actor
    country = actor_id(f"country:{a.country}")
    return country if country in index.actors else None
