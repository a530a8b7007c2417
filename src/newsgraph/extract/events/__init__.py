"""PLOVER event coding: who did what to whom, when, where, and how sure the text is about it.

Rules over the one spaCy parse, in the spirit of PETRARCH-2's dependency-based coder
(Norris, Schrodt & Beieler 2017, JOSS 2(9)) but with the PLOVER ontology (Halterman et al.
2023, "PLOVER and POLECAT"; PLOVER manual draft 0.8, 2021): the project's own lexicon first,
PETRARCH's CAMEO verb dictionary mapped to PLOVER for the verbs it lacks. One module per stage,
in the order an event is built:

- `triggers`: the trigger lexicons (`data/plover_triggers.tsv`, `data/plover_cameo_triggers.tsv`
  built by `build_cameo_triggers`) and the lookup per token.
- `actors`: which actors a noun phrase names (heads, modifiers, `of`/`from` phrases, pronouns).
- `roles`, `nominal_roles`: an event's source and target, from a verb's, adjective's or noun's syntax.
- `attribution`, `modality`: whose claim the event is, and whether it happened (negated >
  possible > future > reported > asserted).
- `coding`: the type and context in context (military ASSAULT is FIGHT, peacekeepers are AID),
  and `plover_category`, the manual's future rules for comparison with coded data.
- `material`: conflict words code armed force only when the sentence reads materially ("attacked
  the plan" is ACCUSE, "a fight for jobs" no event).
- `demands`: `X said Y must ...` as X's REQUEST of Y.
- `places`, `dates`: where (`location`, `location_iso3`) and when (`date`, `date_source`).
- `confidence`: a calibrated probability that the event is right (`calibrate` fits it).
- `prominence`: main clause first; `main_event` picks one event per sentence.
- `extractor`: `extract_events`, the stages over an article; an event naming no actor is not
  emitted. `settings`: `EventSettings`, every threshold. `lexicons`: the word lists in `extract/data/`.

    >>> from newsgraph.extract.events import extract_events
    >>> events = extract_events(doc, mentions, actors, quotes, "2024-11-06")
"""
from __future__ import annotations

from .coding import LEGACY_TYPES, plover_category
from .extractor import extract_events, scored_events
from .lexicons import context_cues, modality_cues
from .modality import MODALITY_PRECEDENCE
from .prominence import main_event
from .settings import EventSettings
from .triggers import PLOVER_TYPES, Trigger, lexicon, lookup

__all__ = ["LEGACY_TYPES", "MODALITY_PRECEDENCE", "PLOVER_TYPES", "EventSettings", "Trigger", "context_cues",
           "extract_events", "lexicon", "lookup", "main_event", "modality_cues", "plover_category", "scored_events"]
