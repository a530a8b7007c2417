"""Material reading: a conflict word codes ASSAULT, FIGHT, COERCE or MOBILIZE only when the act is physical.

PLOVER's material-conflict categories (manual draft 0.8, 2021, ch. 3.14-3.16) are acts by armed
actors, with weapons, on people, places or things. News uses the same words for contests of words,
votes and money: "Trump attacked the plan", "a fight for jobs", "a war of words", "beat Clinton in
Iowa", "captured Texas". A trigger listed in `data/material_senses.tsv` keeps its material type only
when the sentence gives a material reading (`data/material_cues.tsv`):

- an armed actor: an actor of sector MIL or REB, or an armed word near the trigger ("troops", "militants");
- a weapon or a casualty near the trigger ("missiles", "killing five");
- a physical object or place acted on ("attacked a convoy", "struck the port");
- a military modifier of an event noun ("air strike", "suicide attack", "deadly clashes");
- for `victim` words, people as the object ("killed 20 people"); for `state` words, a state or place
  acted on by an actor that is no person ("Russia attacked Ukraine"; "Trump attacked Mexico" is verbal).

A figurative modifier ("trade war", "war of words", "legal battle") rules the material reading out.
Without one, the word takes its figurative type: ACCUSE for verbal attacks ("Clinton attacked Trump"),
no event for the rest ("fight for jobs").

Giving is aid only when something material goes to someone: a verb of giving (`obj_theme` AID: send,
give, hand, deliver ...) that names no recipient codes AID only when what it gives is aid, money,
people or arms (kinds `given`, `armed`, `weapon`): "sent aid" and "delivered tanks" are AID; "sent the
balloons over the border", "handed out the first sanctions", "the capture gives the rebels control" are not.

    >>> material_reading(doc[1], lookup(doc[1]), ["usa"], ["mex"], index)   # "Trump attacked Mexico's plan."
    Trigger(type='ACCUSE', ...)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import islice

from spacy.tokens import Token

from ...lexicon import table
from ..descriptors import role_words
from ..syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, governing_verb, inherited_subject, is_passive
from .actors import ActorIndex
from .lexicons import PACKAGE, cues, personal_pronouns, plural_pronouns, type_group
from .modality import promised_infinitive
from .settings import EventSettings
from .triggers import Trigger, lookup

#: sectors of armed actors (PLOVER agent codes): military and rebels
ARMED_SECTORS = frozenset({"MIL", "REB"})
#: actor types that are places or states ("state" words acted on by a non-person)
PLACE_TYPES = frozenset({"GPE", "LOC"})
#: relations of a trigger whose phrases are read for material cues
_NEIGHBOUR_DEPS = frozenset(SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + OBJECT_DEPS + (
    "dative", "attr", "agent", "prep", "npadvmod", "compound", "amod", "nmod", "poss", "advcl", "xcomp", "oprd",
    "acl", "relcl", "appos"))
#: relations of a verb to the clause it continues, whose words count as its own ("shelled the town, killing five")
_CLAUSE_CHAIN_DEPS = ("advcl", "xcomp", "conj")
#: modifiers of an event noun that can make it armed force or a contest of words
_MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")
_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")
_NOUN_POS = ("NOUN", "PROPN")
_TIME_ENTS = ("DATE", "TIME")
_KEEP, _NO_EVENT = "=", "-"
#: prepositions of the grounds of an act on an object ("attacked X for ...")
_GROUNDS_PREPOSITIONS = ("for",)


@dataclass(frozen=True, slots=True)
class Sense:
    """A conflict word's readings: its type when material and when figurative ('=' keep, '-' no event)."""

    material: str
    figurative: str
    also: frozenset[str]  # `victim`, `state`: what else reads as material


#: the sense a dictionary verb of armed force gets when the sense table does not list it
DICTIONARY_SENSE = Sense(_KEEP, _NO_EVENT, frozenset({"victim", "state"}))


@cache
def senses() -> dict[tuple[str, str], Sense]:
    """(lemma or phrase, POS) → Sense, from `data/material_senses.tsv`."""
    return {(lemma.lower(), pos): Sense(material, figurative, frozenset(x.strip() for x in also.split(",") if x.strip()))
            for lemma, pos, material, figurative, also in table(PACKAGE, "material_senses.tsv", 5, min_columns=4)}


@cache
def material_cues() -> dict[str, frozenset[str]]:
    """kind (armed, weapon, casualty, literal, military, figurative, person) → lemmas."""
    kinds: dict[str, set[str]] = {}
    for kind, lemma in table(PACKAGE, "material_cues.tsv", 2, min_columns=2):
        kinds.setdefault(kind, set()).add(lemma.lower())
    return {k: frozenset(v) for k, v in kinds.items()}


def material_reading(tok: Token, trig: Trigger, sources: list[str], targets: list[str], index: ActorIndex,
                     settings: EventSettings = EventSettings()) -> Trigger | None:
    """The trigger with the type its reading gives: the material type, the figurative one, or None (no event)."""
    if not targets and not material_gift(tok, trig):
        return None
    promise = promised_act(tok, trig)
    if promise is not None:  # "vowed to hit X" threatens only when hitting X is a physical act
        reading = material_reading(promise[0], promise[1], sources, targets, index, settings)
        return trig if reading is not None and reading.type in type_group("material_conflict") else None
    sense = senses().get((trig.key or tok.lemma_.lower(), "VERB" if tok.pos_ == "VERB" else tok.pos_))
    if sense is None and trig.origin == "cameo" and trig.type in type_group("armed_force"):
        sense = DICTIONARY_SENSE  # "launched a campaign", "rushed to the stage": CAMEO knows no other sense
    if sense is None:
        return trig
    chosen = sense.material if is_material(tok, sense, sources, targets, index, settings) else sense.figurative
    if chosen == _NO_EVENT:
        return None
    return trig if chosen == _KEEP else replace(trig, type=chosen)


def promised_act(tok: Token, trig: Trigger) -> tuple[Token, Trigger] | None:
    """The material-conflict act a promise that codes as a threat holds out ("vowed to strike X": "strike"), whose own
    reading decides whether the promise threatens anything: "vowed to fight for working families" promises no armed act
    (CAMEO 13 threaten is a threat of force or coercion; `plover_cues.tsv` kind `commissive`)."""
    if trig.type != "THREATEN" or tok.lemma_.lower() not in cues("commissive"):
        return None
    for act in (c for c in tok.children if (c.dep_ == "xcomp" or promised_infinitive(c)) and c.pos_ in ("VERB", "AUX")):
        found = lookup(act)
        if found is not None and found.type in type_group("material_conflict"):
            return act, found
    return None


def material_gift(tok: Token, trig: Trigger) -> bool:
    """Whether a verb of giving gives something material ("sent aid", "gave $20 million", "delivered
    tanks"): an AID verb whose object is what is given has an object (in its whole phrase) of kind
    `given`, `armed` or `weapon`. True for every other trigger."""
    if trig.type != "AID" or "obj_theme" not in trig.roles or tok.pos_ != "VERB":
        return True
    cues = material_cues()
    material = cues.get("given", frozenset()) | cues.get("armed", frozenset()) | cues.get("weapon", frozenset())
    themes = [c for c in tok.children if c.dep_ in OBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "the weapons delivered last week"
        themes.append(tok.head)
    return any(t.lemma_.lower() in material for theme in themes for t in theme.subtree)


def is_material(tok: Token, sense: Sense, sources: list[str], targets: list[str], index: ActorIndex,
                settings: EventSettings = EventSettings()) -> bool:
    """Whether the sentence reads the trigger as a physical act (see the module docstring for the cues)."""
    cues = material_cues()
    own = {c.lemma_.lower() for c in tok.children if c.dep_ in _MODIFIER_DEPS}
    own |= {o.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children}
    if own & cues.get("figurative", frozenset()):
        return False  # "trade war", "war of words", "legal battle"
    if own & cues.get("military", frozenset()):
        return True  # "air strike", "suicide attack", "deadly clashes"
    if any(_sector(a, index) in ARMED_SECTORS for a in (*sources, *targets)):
        return True
    near = [t for t in neighbourhood(tok, settings) if t.pos_ in _CONTENT_POS and not _figurative_compound(t)]
    weapons, armed = cues.get("weapon", frozenset()), cues.get("armed", frozenset())
    things = {t.lemma_.lower() for t in near if t.pos_ in _NOUN_POS + ("ADJ",) and not _classifier(t, tok, weapons)}
    if things & (weapons | armed):  # (not verbs: "to force"; not "his gun record")
        return True  # "missiles", "an explosive device", "troops", "a terrorist group"
    if {t.lemma_.lower() for t in near} & cues.get("casualty", frozenset()):  # "killing five", "dead"
        return True
    if {t.lemma_.lower() for t in _acted_on(tok) if t.pos_ in _NOUN_POS} & cues.get("literal", frozenset()):
        # (a name's head too: "blocked the Europe Bridge", "shelled Port Sudan")
        return True
    if "victim" in sense.also:  # "killed 20 people", "were killed": people or no patient; "killed the bill" is not
        patients = [t for t in _patients(tok) if t.pos_ in _NOUN_POS + ("NUM", "PRON") and t.ent_type_ not in _TIME_ENTS]
        if not patients:  # "were killed", "those injured": the victims are the sentence's topic
            return tok.pos_ != "VERB" or is_passive(tok) or tok.dep_ in ("acl", "amod", "relcl")
        return any(_is_people(t, index) for t in patients)
    return "state" in sense.also and _state_acted_on(tok, sources, targets, index)


def neighbourhood(tok: Token, settings: EventSettings = EventSettings()) -> Iterator[Token]:
    """The words of the trigger's own phrases and, for an event noun, of the clause of its verb ("the
    attack killed five": "killed"); each phrase read up to `settings.context_cue_tokens` words."""
    heads = [tok]
    if tok.pos_ == "NOUN":
        verb = governing_verb(tok, settings.governing_verb_steps) or _verb_above(tok, settings.governing_verb_steps)
        if verb is not None and verb.i != tok.i:
            heads.append(verb)
            yield verb
    elif tok.dep_ in _CLAUSE_CHAIN_DEPS and tok.head.i != tok.i:  # "fired rockets at the camps, killing 50"
        heads.append(tok.head)
        yield tok.head
    heads += [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]  # "struck and killed by an airstrike"
    for head in heads:
        for c in head.children:
            if c.dep_ in _NEIGHBOUR_DEPS and c.i != tok.i and c not in heads and not _grounds(head, c):
                yield from islice(c.subtree, settings.context_cue_tokens)


def _grounds(verb: Token, phrase: Token) -> bool:
    """Whether a phrase gives the grounds of a verb's act on its object ("attacked Clinton for her support of military
    action", "slammed Kyiv for its drone strikes"): what the object is blamed for, whose words say nothing of how the
    act itself is done (PLOVER manual 3.2: the grounds of an accusation are its content)."""
    return phrase.dep_ == "prep" and phrase.lower_ in _GROUNDS_PREPOSITIONS and verb.pos_ == "VERB" \
        and any(c.dep_ in OBJECT_DEPS and c.i < phrase.i for c in verb.children)


def _verb_above(tok: Token, steps: int) -> Token | None:
    """The nearest verb above a noun in a phrase ("launched dozens of strikes": "launched")."""
    t = tok
    for _ in range(steps + 1):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _acted_on(tok: Token) -> Iterable[Token]:
    """What the trigger acts on: its objects, the subject of a passive, the objects of its prepositions."""
    for c in tok.children:
        if c.dep_ in OBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS:
            yield c
            yield from c.conjuncts
        elif c.dep_ == "prep" and c.lower_ != "by":  # "the attack by Chile": the one who acts
            yield from (o for o in c.children if o.dep_ == "pobj")


def _patients(tok: Token) -> Iterable[Token]:
    """Who a victim word is done to: its objects, the subject of a passive, the noun a participle
    modifies ("those injured"); not the phrases of place and cause ("killed in the attack")."""
    for c in tok.children:
        if c.dep_ in OBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS:
            yield c
            yield from c.conjuncts
    if tok.dep_ in ("acl", "amod") and tok.head.i != tok.i:
        yield tok.head


def _classifier(tok: Token, trigger: Token, weapons: frozenset[str]) -> bool:
    """A weapon noun that only classifies another noun of the phrase ("his gun record", "gun laws", "the missile
    program"): the phrase names that noun, not a weapon, unless it is a weapon too ("rocket launchers") or the
    trigger itself ("weapons attacks")."""
    head = tok.head
    return tok.dep_ == "compound" and tok.lemma_.lower() in weapons and head.pos_ == "NOUN" and head.i != trigger.i \
        and head.lemma_.lower() not in weapons


def _figurative_compound(tok: Token) -> bool:
    """A cue word made figurative by its compound ("think tank")."""
    figurative = material_cues().get("figurative", frozenset())
    return any(c.dep_ == "compound" and c.lemma_.lower() in figurative for c in tok.children)


def _is_people(tok: Token, index: ActorIndex) -> bool:
    """People as a victim: a person or group named ("a reporter", "Kurds"), people of a nationality
    ("Iraqi youths"), or a count of them ("killing 50", "wounded five others")."""
    if tok.ent_type_ in ("PERSON", "NORP"):  # "Syrians" (resolved to the country), "a reporter named ..."
        return True
    if tok.pos_ == "PRON":  # "killed them", not "killed it"
        return tok.lower_ in plural_pronouns() or tok.lower_ in personal_pronouns() or tok.lower_ in ("those", "who")
    actor = index.actors.get(index.tok_actor[tok.i] or "")
    if actor is not None:
        return actor.type in ("PERSON", "NORP")
    if tok.pos_ == "NUM" or tok.lemma_.lower() in material_cues().get("person", frozenset()):
        return True
    if tok.lemma_.lower() in material_cues().get("quantity", frozenset()):  # "dozens of people", "hundreds"
        of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        return not of or any(_is_people(o, index) for o in of)
    return tok.tag_ in ("NNS", "NNPS") and any(  # "Iraqi youths"; not "the Democratic primary"
        c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in tok.children)


def _state_acted_on(tok: Token, sources: list[str], targets: list[str], index: ActorIndex) -> bool:
    """A state or place acted on by an actor that is no person ("Russia attacked Ukraine"), or by no one
    named ("Ukraine was attacked overnight"); or a state's act on nothing named ("the attack by Chile"; a
    union's strike stays a strike).
    A person's act on a state is verbal ("Trump attacked Mexico"; "the governor vowed to fight Washington", where
    the person is no actor of the index), and so is an act on a thing that is no place ("China attacked the decision")."""
    if any(index.is_person(s) for s in sources) or (not sources and _person_subject(tok)):
        return False
    if any((a := index.actors.get(t)) is not None and a.type in PLACE_TYPES for t in targets):
        return True
    states = [a for s in sources if (a := index.actors.get(s)) is not None and a.type in PLACE_TYPES]
    return bool(states) and not targets and not any(t.pos_ in _NOUN_POS for t in _acted_on(tok))


def _person_subject(tok: Token) -> bool:
    """Whether a verb's subject (inherited through "vowed to ...") is a person: a person's name, a personal
    pronoun or an office (`role_words.txt`: "the senator", "the governor")."""
    if tok.pos_ != "VERB":
        return False
    subjects, passive = inherited_subject(tok)
    return not passive and any(s.ent_type_ == "PERSON" or s.lower_ in personal_pronouns() or
                               s.lemma_.lower() in role_words() for s in subjects)


def _sector(actor_id: str, index: ActorIndex) -> str | None:
    actor = index.actors.get(actor_id)
    return actor.sector if actor is not None else None
