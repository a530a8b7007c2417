"""The event extractor: each trigger of a parsed article through the stages, into `Event` records.

For every trigger (`triggers`), in text order: whether it is someone's claim (`attribution`),
its source and target (`roles`, `nominal_roles`), its type in context (`coding`), its modality
(`modality`), place (`places`) and date (`dates`); a demanded clause (`X said Y must ...`) adds
a REQUEST (`demands`). Events of one sentence come in order of syntactic prominence
(`prominence`). Thresholds are in `EventSettings` (`settings`).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...model import Actor, Event, Mention, Modality, Quote
from ..syntax import root_distance, token_end
from .actors import ActorIndex
from .agentless import state_agents
from .attribution import QuoteIndex, attribution
from .coding import event_context, recode
from .commitments import accused_of, argued_against, discussed, requested, self_defence
from .confidence import confidence, evidence
from .dates import DateIndex, event_date
from .demands import claims_only, deontic_demand, interview_question
from .ended_acts import Ending, ending, halted_movement, lifted, lifted_restriction
from .ended_ties import EndedTie, ended_tie, ended_tie_noun
from .lexicons import type_group
from .material import material_reading
from .modality import conditioned, modality_cue, modality_if_quoted
from .nominal_roles import given_by_verb
from .places import beside, location, place_country, place_index
from .responses import answer_targets
from .roles import each_other, event_roles
from .settings import EventSettings
from .triggers import Trigger, lookup
from .verdicts import verdict_trigger

#: (sentence start token, prominence, trigger token, symmetric?, event, confidence features): the sort key
#: of an article's events, whether it is one event between its two actors (`pairs`), the event, and what
#: its confidence was computed from
_Found = tuple[int, int, int, bool, Event, dict[str, float]]
#: an event with the features its confidence comes from (`confidence.evidence`)
ScoredEvent = tuple[Event, dict[str, float]]


@dataclass(frozen=True)
class _Article:
    """The per-article lookups every trigger reads, built once."""

    doc: Doc
    actors: ActorIndex
    quotes: QuoteIndex
    places: dict[int, Span]
    dates: DateIndex
    date: str | None
    settings: EventSettings


@dataclass(frozen=True)
class _Setting:
    """What a trigger's event shares with the demand its clause may carry: sentence, quote, date, place, context."""

    sent: Span
    quote: int | None
    date: str | None
    date_source: str | None
    location: str | None
    location_iso3: str | None
    mode: str | None


def extract_events(doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
                   quotes: list[Quote], article_date: str | None,
                   settings: EventSettings = EventSettings()) -> list[Event]:
    """PLOVER events of a parsed article, in text order of sentences, main clause first.

    Args:
        doc: the article's one spaCy parse (needs the dependency parser).
        mentions: actor mentions with character offsets into `doc.text`.
        actors: actor id → Actor.
        quotes: attributions; an event inside a quote's content is `reported` with `quote` = its index.
        article_date: YYYY-MM-DD or None; relative dates in a sentence are normalized against it.
        settings: thresholds and window sizes of the rules.
    Returns:
        Events with source/target actor ids (or None), trigger and sentence offsets, modality, date, location,
        and a calibrated confidence.
    """
    return [event for event, _ in scored_events(doc, mentions, actors, quotes, article_date, settings)]


def scored_events(doc: Doc, mentions: list[Mention], actors: dict[str, Actor], quotes: list[Quote],
                  article_date: str | None, settings: EventSettings = EventSettings()) -> list[ScoredEvent]:
    """`extract_events` with each event's confidence features, for calibration (`calibrate`)."""
    if not doc.has_annotation("DEP") or len(doc) == 0:
        return []
    article = _Article(doc, ActorIndex(doc, mentions, actors, settings, quotes), QuoteIndex(doc, quotes),
                       place_index(doc), DateIndex(doc), article_date, settings)
    found: list[_Found] = []
    seen: set[tuple[str, str | None, str | None, int]] = set()
    for sent in doc.sents:
        for tok in sent:
            ended: Ending | EndedTie | None = ending(tok, article.actors) or ended_tie(tok, article.actors) \
                or lifted(tok, article.actors)
            trig = ended.trigger if ended is not None else lookup(tok) or verdict_trigger(tok, article.actors)
            if trig is not None and not requested(tok) and not discussed(tok) and not ended_tie_noun(tok) \
                    and not argued_against(tok) and not lifted_restriction(tok) and not given_by_verb(tok) \
                    and not conditioned(tok, article.settings) and not halted_movement(tok, article.actors):
                # "will fight until X halts its raids": a condition, no event;
                # "urged Peru to withdraw", "discussed sanctions": the REQUEST or CONSULT is the event;
                # "severed ties with X": the SANCTION, not the ties; "warned against attacking X": no attack;
                # "lifted sanctions on X": the easing, not the sanctions; "provided 25,000 tons of aid": one act
                found += _trigger_events(tok, trig, sent, article, seen, ended)
    found.sort(key=lambda x: x[:3])
    # "Islamabad rejected the charge": whose charge (`responses`)
    answered = answer_targets([(f[4], f[5]) for f in found], doc, article.actors, settings)
    # "the case will be dropped, the Kremlin's spokesman said": Russia drops it (`agentless`)
    answered = state_agents(answered, doc, article.actors, article.quotes.quotes)
    found = [(*f[:4], event, features) for f, (event, features) in zip(found, answered, strict=True)]
    return [(event, features) for *_, event, features in _once_per_sentence(found)]


def _once_per_sentence(found: list[_Found]) -> Iterator[_Found]:
    """The most prominent of the events a sentence codes twice (same type, actors and modality from two
    triggers: "the talks ... the meeting"): one fact, one event. A symmetric event is the same fact as its
    mirror ("A and B met ... talks between B and A"). An event missing one actor is dropped
    when the sentence has the same event with that actor and the missing one ("met and held talks
    with X": CONSULT K -> X, not also K -> nobody)."""
    complete = {(e.sentence_start, e.type, e.modality, side, actor) for *_, e, _ in found if e.source and e.target
                for side, actor in (("source", e.source), ("target", e.target))}
    kept: set[tuple[int, str, str | None, str | None, str]] = set()
    for item in found:
        symmetric, event = item[3], item[4]
        key = (event.sentence_start, event.type, event.source, event.target, event.modality)
        mirror = (event.sentence_start, event.type, event.target, event.source, event.modality)
        if symmetric and mirror in kept:
            continue
        partial = ("source", event.source) if event.target is None else ("target", event.target) \
            if event.source is None else None
        if key in kept or (partial is not None and (event.sentence_start, event.type, event.modality, *partial)
                           in complete):
            continue
        kept.add(key)
        yield item


def _trigger_events(tok: Token, trig: Trigger, sent: Span, article: _Article,
                    seen: set[tuple[str, str | None, str | None, int]],
                    ended: Ending | EndedTie | None = None) -> Iterator[_Found]:
    """The events of one trigger (one per source × target pair), then the demand its clause may carry;
    `ended`: the trigger ends an act (`ended_acts`), whose aim is the target, or a tie (`ended_ties`), whose
    other side is.

    Over 60 lines on purpose: the readings (attribution, accusation, ended act, material or figurative,
    self-defence, place as patient) each adjust the same sources, targets and type, in this order, and
    read best as one sequence; each reading's rule lives in its own stage module."""
    settings = article.settings
    qi = article.quotes.containing(tok)
    reported, speaker = attribution(tok, article.actors, settings)
    if qi is not None:
        reported = True
        speaker = article.quotes.quotes[qi].speaker or speaker
    sources, targets, mutual = event_roles(tok, trig, article.actors, speaker, settings)
    accused = accused_of(tok, article.actors)
    if accused is not None:  # "accused Israel of attacking X": Israel's act, by the accuser's claim
        sources, targets, reported = accused, [t for t in targets if t not in accused], True
    if ended is not None and [t for t in ended.targets if t not in sources]:
        # "halted its advance on Kosovo": whom the ended act was aimed at; "severed ties with X": the partner
        targets = [t for t in ended.targets if t not in sources]
    recoded = material_reading(tok, recode(tok, trig, settings), sources, targets, article.actors, settings)
    # a conflict word in its figurative sense with no verbal reading ("a fight for jobs"), or in the verbal
    # one where an accusation names it: an accusation of an accusation is a misreading
    # or a verb that reports and demands telling a fact ("insisted X would pay": a claim, not a request),
    # or a reporter's question ("when asked whether ...")
    figurative = recoded is None or (accused is not None and recoded.type == "ACCUSE" and trig.type != "ACCUSE") \
        or claims_only(tok, trig) or interview_question(tok, trig)
    trig = recoded or trig
    modality = modality_cue(tok, settings, trig.type) or ("reported" if reported else "asserted")
    defence = self_defence(tok, trig, modality, sources, article.actors)
    if defence is not None:  # "would defend itself if Somalia attacks": a warning to Somalia, or no event
        trig, targets, figurative = defence.trigger or trig, defence.adversaries, defence.trigger is None
        if defence.trigger is not None and speaker is not None and speaker not in targets:
            # the warning is made by saying it: "the president said his country would defend itself if X
            # attacks" is the president's threat, though the defending would be the country's
            sources = [speaker]
    place = location(tok, article.places, settings)
    place_target = False
    if figurative or ("needs_both" in trig.roles and not (sources and [t for t in targets if t not in sources])):
        # "turned to the economy", "the talks turned to X": a trigger that is an event only between two actors
        # (two: "launched a rocket from its space centre" names the launcher twice)
        sources, targets = [], []
    elif not targets and place is not None and not mutual and trig.type in type_group("place_patient") \
            and not beside(place):
        # no recipient named: a coercive or violent act is done to the place it happens in ("imposed
        # a curfew in Cizre", "killed 23 people in Tel Aviv"), as PLOVER and CAMEO code it; talks in
        # Geneva are not done to Switzerland
        place_actor = article.actors.tok_actor[place.start]
        if place_actor is not None and place_actor not in sources:
            targets, place_target = [place_actor], True
    date, date_source = event_date(tok, article.date, article.dates, settings)
    setting = _Setting(sent, qi, date, date_source, place.text if place is not None else None,
                       place_country(place, article.actors), event_context(tok, trig, settings))
    depth = root_distance(tok, settings.prominence_depth_cap)
    symmetric = "sym" in trig.roles or trig.type in type_group("reciprocal")
    directed = each_other(tok) and not symmetric  # "blamed each other": each accuses the other, two acts
    reciprocal = symmetric or directed
    # no actor named: no dyadic event (an event between no one is not a fact about anyone)
    found = [(s, t) for s, t in pairs(sources, targets, reciprocal, directed)
             if _named(s, t) >= settings.min_actors]
    paired = reciprocal and len(set(sources)) >= 2 and not any(t not in sources for t in targets)
    one_for_two = not directed and (mutual or paired)  # one event standing for both directions
    # the readings the trigger has, as the confidence was calibrated: a symmetric event reads both ways
    fanout = len(found) * (2 if one_for_two else 1)
    for src, tgt in found:
        if _first_time(seen, (trig.type, src, tgt, tok.i)):
            features = evidence(tok, trig, trig.type, src, tgt, modality, qi is not None, depth=depth,
                                fanout=fanout, place_target=place_target, paired=paired, demand=False,
                                index=article.actors)
            yield (sent.start, depth, tok.i, one_for_two and src is not None and tgt is not None,
                   _event(trig.type, tok, src, tgt, modality, setting, features), features)
    yield from _demand_events(tok, trig, sent, article, seen, qi, setting)


def _demand_events(tok: Token, trig: Trigger, sent: Span, article: _Article,
                   seen: set[tuple[str, str | None, str | None, int]], qi: int | None,
                   setting: _Setting) -> Iterator[_Found]:
    """The REQUEST a trigger's clause may carry ("X must withdraw", `deontic_demand`): its speakers ask
    its addressees, in the trigger's setting."""
    settings = article.settings
    demand = deontic_demand(tok, article.actors, settings)
    if demand is None:
        return
    cue, speakers, addressees = demand
    cue_modality = modality_cue(cue, settings) or modality_if_quoted(qi)
    cue_depth = root_distance(cue, settings.prominence_depth_cap)
    asked = [(s, t) for s, t in pairs(speakers, addressees, False) if _named(s, t) >= settings.min_actors]
    for src, tgt in asked:
        if _first_time(seen, ("REQUEST", src, tgt, cue.i)):
            features = evidence(cue, trig, "REQUEST", src, tgt, cue_modality, qi is not None, depth=cue_depth,
                                fanout=len(asked), place_target=False, paired=False, demand=True,
                                index=article.actors)
            yield sent.start, cue_depth, cue.i, False, _event("REQUEST", cue, src, tgt, cue_modality, setting,
                                                              features), features


def _named(source: str | None, target: str | None) -> int:
    """How many of an event's two ends name an actor."""
    return (source is not None) + (target is not None)


def _first_time(seen: set[tuple[str, str | None, str | None, int]], key: tuple[str, str | None, str | None, int]) -> bool:
    """Whether an event key (type, source, target, trigger token) is new to the article; records it."""
    if key in seen:
        return False
    seen.add(key)
    return True


def _event(etype: str, trigger: Token, source: str | None, target: str | None, modality: Modality,
           setting: _Setting, features: dict[str, float]) -> Event:
    return Event(type=etype, mode=setting.mode, source=source, target=target, trigger=trigger.text,
                 trigger_start=trigger.idx, trigger_end=token_end(trigger),
                 sentence_start=setting.sent.start_char, sentence_end=setting.sent.end_char,
                 modality=modality, quote=setting.quote, date=setting.date,
                 location=setting.location, location_iso3=setting.location_iso3, date_source=setting.date_source,
                 confidence=confidence(features))


def pairs(sources: list[str], targets: list[str], reciprocal: bool,
          directed: bool = False) -> list[tuple[str | None, str | None]]:
    """Source × target pairs. A reciprocal trigger with several actors and no recipient pairs them
    up, once per two actors, the first-named as source ("Chile and Peru signed a trade agreement": one
    event between the two, issue 16); `directed` when each acts on the other ("Chile and Peru blamed each
    other": two accusations), then both directions. A `mutual` event ("ties between A and B", "A clashed
    with B") is one event too: A -> B, never also B -> A.

    Co-subjects named again as the recipient refer to themselves ("A and B agreed to enter the next phase
    of their talks"): that recipient is dropped, so the co-subjects pair up when the trigger is reciprocal."""
    sources = list(dict.fromkeys(sources))
    targets = list(dict.fromkeys(targets))
    if len(sources) >= 2 and all(t in sources for t in targets):
        targets = []
    if reciprocal and not targets and len(sources) >= 2:
        if directed:
            return [(a, b) for a in sources for b in sources if a != b]
        return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:]]
    out: list[tuple[str | None, str | None]] = []
    no_one: list[str | None] = [None]
    for s in sources or no_one:
        ts: list[str | None] = [t for t in targets if t != s]
        for t in ts or no_one:
            out.append((s, t))
    return out
