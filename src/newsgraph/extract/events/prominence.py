"""Prominence: events of one sentence in order of syntactic prominence, and the one that leads.

Events of a sentence come main clause first (fewest arcs from the trigger to the root), which is
how `main_event` and the PLOVER evaluation pick one event per sentence: coded data (PLOVER GSR,
PETRARCH validation) gives one event per sentence, that of its main clause.
"""
from __future__ import annotations

from ...model import Event
from .settings import EventSettings

_DEFAULTS = EventSettings()


def main_event(events: list[Event], sentence_start: int | None = None,
               reach: int = _DEFAULTS.main_event_reach) -> Event | None:
    """The most prominent event (of one sentence, if given) that names its actor.

    Events come in order of prominence; among the first `reach` triggers the first event with a
    source wins (a headline event without an actor says little), else the first event."""
    cands = [e for e in events if sentence_start is None or e.sentence_start == sentence_start]
    if not cands:
        return None
    triggers: list[int] = []
    for e in cands:
        if e.trigger_start not in triggers:
            triggers.append(e.trigger_start)
        if len(triggers) > reach:
            break
        if e.source:
            return e
    return cands[0]
