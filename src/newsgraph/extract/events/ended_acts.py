"""Ended acts: a verb that stops the act its object names codes the de-escalation, not a new act.

"Serbia halted its advance on Kosovo" is no sanction: ending a military act is RETREAT (CAMEO 087
"de-escalate military engagement", mapped to PLOVER RETREAT by CAMEO2PLOVER-2021); "the charges
against Kabila were dropped" is CONCEDE (CAMEO 081 "ease administrative sanctions", mode legal), and so is
"the union called off its strike" (CAMEO 082 "ease political dissent").
The ending verbs, the armed-movement nouns and the direction prepositions are data
(`plover_cues.tsv` kinds `end_act` and `military_movement`, `event_prepositions.tsv` slot
`advance_direction`), and so are the legal nouns that name an act only when ended (`legal_action`:
"dropped the charges against X"; "in charge of" is none). Ending a cooperative act ("suspended aid", "halted the talks") keeps the
verb's own lexicon entry (SANCTION).

The target is whom the ended act was aimed at, from the act noun's own phrase ("advance on
Kosovo", "charges against Kabila"), else the verb's, where the parser often hangs it ("called off
their march on Kinshasa"). An armed-movement noun that is no event of the lexicon
("advance", "march") or a legal noun ("charges") counts only with such a phrase naming an actor: "called off the march" of
protesters stays what the lexicon says. So does an armed-movement noun that is the subject's own ("halted its
advance", "halted the advance of its troops"): RETREAT with no target (`own_forces`).

Lifting a restriction is easing it ("lifted sanctions on Iran", "eased the restrictions imposed on Gaza",
"scrapped tariffs on Chile"): CAMEO 081 "ease administrative sanctions" and 0871 "ease blockade", PLOVER
CONCEDE (RETREAT for a military blockade, as the lexicon's "lift blockade" says), aimed at whom the restriction
was on (its own `on`/`against` phrase or its participle's, slot `restricted`). The restriction itself is no
new act (`lifted_restriction`): the sanctions are being ended, not imposed. The lifting verbs and the
restriction nouns that are no trigger alone are data (`plover_cues.tsv` kinds `lift_restriction`,
`restriction_noun`); a SANCTION or COERCE noun of the lexicon is a restriction too.

    >>> doc = nlp("Serbia halted its advance on Kosovo.")     # index = ActorIndex(doc, ...)
    >>> ending(doc[1], index).trigger.type, [actors[a].name for a in ending(doc[1], index).targets]
    ('RETREAT', ['Kosovo'])
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..syntax import OBJECT_DEPS, coordination_head, prep_objects, with_conjuncts
from .actors import ActorIndex
from .lexicons import cues, prepositions, type_group
from .modality import modality_cue
from .triggers import Trigger, lookup

#: where the ended act is: the object of an active verb, the subject of a passive one ("the charges were dropped")
_ENDED_DEPS = OBJECT_DEPS + ("nsubjpass",)
#: prepositions whose phrase names whom an act was aimed at
_DIRECTION = prepositions("advance_direction")
#: the types of a lexicon noun that restricts someone ("sanctions", "embargo", "ban", "curfew", "blockade")
_RESTRICTION_TYPES = frozenset({"SANCTION", "COERCE"})
#: the types a lifting verb keeps from its own lexicon entry ("lift blockade": RETREAT); else it codes CONCEDE
_EASING_TYPES = frozenset({"CONCEDE", "RETREAT"})


@dataclass(frozen=True)
class Ending:
    """An ending verb's event: its trigger and the actors the ended act was aimed at."""

    trigger: Trigger
    targets: list[str]


def ending(verb: Token, index: ActorIndex) -> Ending | None:
    """The RETREAT or CONCEDE a verb codes by ending the act its object names, or None."""
    if verb.pos_ != "VERB" or _ending_key(verb) is None:
        return None
    for act in (c for c in verb.children if c.dep_ in _ENDED_DEPS and c.pos_ == "NOUN"):
        own = lookup(act)
        aimed_at = index.in_phrases(prep_objects(act), _DIRECTION) or index.in_phrases(prep_objects(verb), _DIRECTION)
        if own is not None and own.mode == "legal" and own.type in ("ACCUSE", "COERCE"):
            etype, mode = "CONCEDE", "legal"
        elif own is not None and own.type == "PROTEST":  # "called off the strike": CAMEO 082 ease political dissent
            etype, mode = "CONCEDE", None
        elif own is not None and own.type in type_group("armed_force"):
            etype, mode = "RETREAT", "military"
        elif armed_movement(act) and (aimed_at or own_forces(act)):
            etype, mode = "RETREAT", "military"
        elif act.lemma_.lower() in cues("legal_action") and aimed_at:
            etype, mode = "CONCEDE", "legal"
        else:
            continue
        key = _ending_key(verb) or verb.lemma_.lower()
        return Ending(Trigger(etype, mode, frozenset(), key, "rule"), aimed_at)
    return None


def halted_movement(verb: Token, index: ActorIndex) -> bool:
    """Whether an ending verb stops an armed movement that is neither the subject's own nor aimed at anyone
    ("Chile halted the Peruvian advance", "halted the movement of Wagner fighters"): no sanction, and no
    event the verb alone can say (resisting it, or agreeing to stop it, needs more than the verb; issue 16)."""
    return verb.pos_ == "VERB" and _ending_key(verb) is not None and ending(verb, index) is None \
        and any(c.dep_ in _ENDED_DEPS and armed_movement(c) for c in verb.children)


def armed_movement(act: Token) -> bool:
    """An armed-movement noun ("advance", "offensive"; kind `military_movement`), or a movement noun whose
    of-phrase names armed men ("the movement of its fighters"; kinds `movement_noun`, `moving_force`)."""
    lemma = act.lemma_.lower()
    if lemma in cues("military_movement"):
        return True
    return lemma in cues("movement_noun") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in cues("moving_force")
        for p in act.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)


def own_forces(act: Token) -> bool:
    """Whether an armed-movement noun is the subject's own: a possessive pronoun on it ("halted its
    advance") or on its of-phrase ("halted the advance of its troops"). Halting one's own forces is
    de-escalation (CAMEO 087, PLOVER RETREAT); halting "the advance" of others is not, and stays unread."""
    owners = [act] + [o for p in act.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"]
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for o in owners for c in o.children)


def lifted(verb: Token, index: ActorIndex) -> Ending | None:
    """The CONCEDE (or RETREAT) a verb codes by lifting a restriction its object names, aimed at whom the
    restriction was on ("lifted sanctions on Iran": Iran); None when the verb lifts no restriction."""
    key = _ending_key(verb, "lift_restriction") if verb.pos_ == "VERB" else None
    if key is None:
        return None
    for noun in (c for c in verb.children if c.dep_ in _ENDED_DEPS and _is_restriction(c)):
        own = lookup(verb)
        trig = own if own is not None and own.type in _EASING_TYPES else Trigger("CONCEDE", None, frozenset(), key,
                                                                                   "rule")
        return Ending(trig, restricted_actors(noun, index))
    return None


def restricted_actors(noun: Token, index: ActorIndex) -> list[str]:
    """Whom a restriction is on: its own `on`/`against` phrase ("sanctions on Iran"), else that of its
    participle ("a travel ban imposed on Chilean citizens")."""
    order = prepositions("restricted")
    for n in with_conjuncts(noun):
        found = index.in_phrases(prep_objects(n), order)
        for c in n.children:
            if not found and c.dep_ == "acl" and c.tag_ == "VBN":
                found = index.in_phrases(prep_objects(c), order)
        if found:
            return found
    return []


def lifted_restriction(tok: Token) -> bool:
    """Is `tok` a restriction a verb lifts ("lifted the sanctions", "the curfew was eased")? It is then no event.
    A restriction not lifted, or not yet ("refused to lift the curfew on X", "may ease the sanctions"), still
    holds and stays one."""
    head = coordination_head(tok)
    verb = head.head
    return _is_restriction(tok) and head.dep_ in _ENDED_DEPS and verb.pos_ == "VERB" \
        and _ending_key(verb, "lift_restriction") is not None and modality_cue(verb) in ("", "reported")


def _is_restriction(noun: Token) -> bool:
    if noun.pos_ != "NOUN":
        return False
    own = lookup(noun)
    return (own is not None and own.type in _RESTRICTION_TYPES) or noun.lemma_.lower() in cues("restriction_noun")


def _ending_key(verb: Token, kind: str = "end_act") -> str | None:
    """The cue of `kind` a verb is (`end_act`, `lift_restriction`): its lemma, or lemma and particle for a
    phrasal verb ("call off", "roll back")."""
    lemma = verb.lemma_.lower()
    ends = cues(kind)
    for c in verb.children:
        if c.dep_ == "prt" and f"{lemma} {c.lower_}" in ends:
            return f"{lemma} {c.lower_}"
    if lemma in ends and not any(c.dep_ == "prt" for c in verb.children):
        return lemma
    return None
