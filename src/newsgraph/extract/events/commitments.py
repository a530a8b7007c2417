"""Commitments: what a promise, a vow of self-defence, an accusation or a request makes of the act it governs.

- A promise of a material-conflict act is a threat: "Nigeria vowed to attack the rebels" is
  THREATEN, not AGREE (CAMEO 13 "threaten" covers announced coercive and violent acts; the PLOVER
  GSR and the news-dev gold code "vowed to attack X" so). The promising verbs are `plover_cues.tsv`
  kind `commissive`.
- Defending oneself is no support of another: "Kenya would defend itself if Somalia attacks" warns
  Somalia (THREATEN, when the clause is future or possible); said of the past or naming no adversary,
  it is no event. The verbs are kind `self_defence`; the adversary is the `against` phrase or the
  subject of a conditional clause (kind `conditional`).
- An act someone is accused of is the accused's, and the accuser's claim: "Iran accused Israel of
  attacking its embassy" is ASSAULT Israel -> ..., reported (`accused_of`; prepositions kind
  `accused_of`).
- An act someone is asked to do did not happen: in "Chile urged Peru to withdraw from Bolivia" the
  REQUEST is the event; the withdrawal is not coded as a fact (`requested`); nor is an act talked about
  ("discussed sanctions against X": `discussed`), nor one argued against ("France warned against
  attacking Iran", "cautioned against cutting ties with X": `argued_against`; the subject opposes the act,
  which did not happen and would not be the subject's).

    >>> doc = nlp("Nigeria vowed to attack the rebels.")
    >>> promised_threat(doc[1], lookup(doc[1])).type
    'THREATEN'
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ...model import Modality
from ..syntax import OBJECT_DEPS, prep_objects
from .actors import ActorIndex
from .lexicons import cues, prepositions, reflexive_pronouns, type_group
from .modality import promised_infinitive
from .triggers import Trigger, lookup

#: modalities under which a vow of self-defence is a warning (it is held out, not done)
_HELD_OUT: tuple[Modality, ...] = ("future", "possible")


def promised_threat(tok: Token, trig: Trigger) -> Trigger:
    """THREATEN for a promising verb whose infinitive is a material-conflict act ("vowed to attack",
    "pledged to impose sanctions on X"), else the trigger unchanged."""
    if trig.type != "AGREE" or tok.lemma_.lower() not in cues("commissive"):
        return trig
    for act in (c for c in tok.children if (c.dep_ == "xcomp" or promised_infinitive(c)) and c.pos_ in ("VERB", "AUX")):
        promised = lookup(act) or next((found for o in act.children if o.dep_ in OBJECT_DEPS
                                        and (found := lookup(o)) is not None), None)
        if promised is not None and promised.type in type_group("material_conflict"):
            return replace(trig, type="THREATEN", mode=promised.mode or trig.mode)
    return trig


@dataclass(frozen=True)
class SelfDefence:
    """A vow of self-defence: the warning it makes (None: no event) and whom it warns."""

    trigger: Trigger | None
    adversaries: list[str]


def self_defence(tok: Token, trig: Trigger, modality: Modality, sources: list[str],
                 index: ActorIndex) -> SelfDefence | None:
    """What a defending verb with a reflexive object codes ("would defend itself"), or None when the
    object is not reflexive (then the verb keeps its own entry: "defended Ukraine" is SUPPORT)."""
    if tok.lemma_.lower() not in cues("self_defence") or not any(
            c.dep_ in OBJECT_DEPS and c.lower_ in reflexive_pronouns() for c in tok.children):
        return None
    against = prep_objects(tok).get("against")
    adversaries = index.np_actors(against) or _conditional_subjects(tok, index)
    adversaries = [a for a in adversaries if a not in sources]
    if modality not in _HELD_OUT or not adversaries:
        return SelfDefence(None, [])
    return SelfDefence(replace(trig, type="THREATEN"), adversaries)


def _conditional_subjects(tok: Token, index: ActorIndex) -> list[str]:
    """The actors of the subject of a conditional clause on the verb ("if Somalia attacks")."""
    for clause in (c for c in tok.children if c.dep_ == "advcl"):
        if any(m.dep_ == "mark" and m.lower_ in cues("conditional") for m in clause.children):
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            # "if Somalia attacks" is at times parsed as a noun clause headed by "attacks"
            return index.of_all(subjects) if subjects else index.np_actors(clause) if clause.pos_ == "NOUN" else []
    return []


#: entity types of a modifier that names an event noun's actor ("Russian strikes", "NATO exercises")
_NAMED = ("GPE", "NORP", "ORG", "PERSON")


def discussed(tok: Token) -> bool:
    """Whether an event noun is what a discussion is about ("discussed sanctions against X", "discussed
    military aid to Y", "discussed trade and security with Z"; the object of a verb of plover_cues kind
    `topic_verb`, or a conjunct of it): talked about, not done; the CONSULT is the event. An event noun that
    names its own actors is a fact talked about and stays an event ("discussed a phone call between X and Y",
    "discussed Russia's attack on Kyiv")."""
    return talked_about(tok) and not _names_its_actor(tok)


def argued_against(tok: Token) -> bool:
    """Whether a verb is the gerund of an `against` phrase of another verb ("warned against attacking Iran",
    "argued against suspending aid"), or an event noun its object ("voted against imposing tariffs"): an act
    opposed, not done, and not by the subject."""
    if tok.pos_ == "NOUN" and tok.dep_ in OBJECT_DEPS:
        tok = tok.head
    prep = tok.head
    return tok.dep_ == "pcomp" and tok.tag_ == "VBG" and prep.lower_ == "against" and prep.head.pos_ in ("VERB", "AUX")


def talked_about(tok: Token) -> bool:
    """Whether an event noun is the object of a verb of plover_cues kind `topic_verb`, or a conjunct of it
    ("discussed Russia's attack on Kyiv"): a topic of the talks, whose phrases name no partner of them."""
    if tok.pos_ != "NOUN" or lookup(tok) is None:
        return False
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    return head.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in cues("topic_verb")


def _names_its_actor(noun: Token) -> bool:
    """Whether an event noun names who does it: a possessor, a named modifier ("Russian strikes") or a
    `by`/`between` phrase."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in _NAMED):
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "between"):
            return True
    return False


def requested(tok: Token) -> bool:
    """Whether a trigger is the act a REQUEST asks for ("urged Peru to withdraw", "called on Russia to
    halt", "demanded the resignation of X", "called for the release of Y", "sought talks"; `requested` prepositions): the request is
    the event, the act has not happened. An order's object is no such act ("ordered strikes on X": cue kind
    `command`), as the one who orders carries it out through those under orders."""
    if tok.pos_ == "NOUN":
        asked_for = tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in prepositions("requested")
        verb = tok.head.head if asked_for else tok.head if tok.dep_ == "dobj" else None
        if tok.dep_ == "dobj" and verb is not None and verb.pos_ == "VERB" and requested(verb):
            return True  # "urged Japan to send aid", "called on Israel to allow aid in": asked for, as the sending is
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() in cues("command"):
            return False
        asking = lookup(verb)
        return asking is not None and asking.type == "REQUEST" and (tok.dep_ == "dobj" or verb.i < tok.head.i)
    if tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.head.pos_ == "NOUN" and lookup(tok.head) is not None:
        return requested(tok.head)  # "requested India's cooperation to extradite her": nor is what it is for
    if tok.dep_ != "xcomp" or tok.pos_ not in ("VERB", "AUX"):
        return False
    asking = lookup(tok.head)
    return asking is not None and asking.type == "REQUEST"


def accused_of(tok: Token, index: ActorIndex) -> list[str] | None:
    """The accused, when the trigger is the act an accusation names ("Iran accused Israel of attacking
    its embassy", "blamed Russia for the shelling"): they are its actor, not the accuser, and the act is
    the accuser's claim. None when the trigger is no such act; [] when the accusation names no actor."""
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.dep_ != "prep" or tok.head.lower_ not in cues("accused_of"):
        return None
    accusation = lookup(tok.head.head) if tok.head.head.pos_ == "VERB" else None
    if accusation is None or accusation.type != "ACCUSE":
        return None
    return index.of_all(c for c in tok.head.head.children if c.dep_ in OBJECT_DEPS)
