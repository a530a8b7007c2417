"""The event extractor's thresholds and window sizes, in one frozen object.

Every number the rules used to write inline lives here with its current value as the default, so
a caller can change one without editing the rules (trafilatura keeps its extraction options in
one settings object; spaCy factories take theirs as `default_config`):

    >>> from newsgraph.extract.events import EventSettings, extract_events
    >>> strict = EventSettings(attribution_steps=2)
    >>> # extract_events(doc, mentions, actors, quotes, "2024-11-06", settings=strict)

The fields are plain ints so that the settings can be given as a spaCy component config
(`EventSettings(**config)`). Steps count dependency arcs climbed from a token towards the root.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventSettings:
    """Thresholds of the event rules; the defaults reproduce the published dev figures."""

    #: arcs climbed from a pronoun to look for the subject of a governing clause (`Syria says it ...`)
    pronoun_head_steps: int = 6
    #: how deep the actor search goes inside such a governing subject's noun phrase
    pronoun_subject_depth: int = 2
    #: how deep the actor search follows `of`/`from`/`in` phrases and modifiers of a noun phrase
    actor_phrase_depth: int = 3
    #: governing verbs climbed to inherit a subject (`agreed to send` -> the subject of `agreed`)
    subject_inherit_steps: int = 3
    #: infinitives followed down from a trigger to find its recipient (`agreed to provide aid to X`)
    infinitive_depth: int = 2
    #: arcs from a nominal trigger to the verb whose argument it is
    governing_verb_steps: int = 2
    #: clauses of the control chain read for modality cues (`refused to plan to send`)
    modality_steps: int = 4
    #: arcs climbed from a trigger to find the speech verb whose complement holds it
    attribution_steps: int = 8
    #: clauses climbed from a `must`/`should` clause to the speech cue that makes it a demand
    deontic_steps: int = 3
    #: tokens of a trigger's phrase read for a PLOVER context cue (`sent troops`: military)
    context_cue_tokens: int = 30
    #: depth at which the prominence of a trigger (arcs to the root) stops counting
    prominence_depth_cap: int = 50
    #: triggers of a sentence among which `main_event` prefers one that names its actor
    main_event_reach: int = 2
    #: sentences before a response ("Iran rejected the charge") searched for the act it answers (`responses`)
    answer_window: int = 2
    #: actors an event must name to be emitted (1: an event between no one is not a fact about anyone)
    min_actors: int = 1
    #: years outside this range that dateparser returns are misreadings, not dates
    earliest_year: int = 1800
    latest_year: int = 2200
