"""Ended ties: a verb or noun that breaks off, suspends or leaves a cooperative tie codes SANCTION on the
partner, and the tie itself is no event.

"Nicaragua severed diplomatic relations with Taiwan", "Washington suspended military aid to Egypt",
"Colombia halted its talks with the rebels", "the suspension of the fisheries agreement with Peru",
"Mali withdrew from ECOWAS", "Russia pulled out of the grain deal with Ukraine": CAMEO 16 "reduce
relations" (161 break diplomatic relations, 162 reduce or stop aid, 164 halt negotiations, 166
expel or withdraw), which CAMEO2PLOVER-2021 maps to PLOVER SANCTION. The tie is the ending word's
object ("severed relations"), the subject of its passive, the `of` phrase of an ending noun ("the
suspension of the agreement") or, for a verb or noun of leaving, its `from`/`out of` phrase ("withdrew
from the treaty"); a tie is a cooperative noun of the lexicon ("ties", "agreement", "aid", "talks":
plover_types.tsv group `cooperative`, and AGREE) or a noun of a standing tie (`tie_noun`: "relations",
"membership"), never an indefinite one ("struck a deal") nor an agreement after a verb that also makes one
("cut deals with X", kind `makes_deal`; "cut ties with X" ends one). A body left is an organization
named in that phrase ("withdrew from ECOWAS"; as the object of "quit" and "exit"), left by a state or an
organization the sentence names as the leaver: a person leaving one changes jobs. Not a place: "withdrew from Kherson" stays RETREAT.

The partner is the tie's own phrase ("relations with Taiwan", "aid to Egypt", "ties between A and B"),
else an actor of its noun phrase ("suspended Russia's membership", "the Iran deal"); the extractor drops
the ending's own actor from it. The tie noun names what ended, not a new act: `ended_tie_noun` tells the
extractor to code no COOPERATE "ties" or AID "aid" from it. The verbs and nouns are data
(`plover_cues.tsv` kinds `end_tie`, `leave_body`, `leave_object`, `tie_noun`; `event_prepositions.tsv`
slots `tie_partner`, `left_body`).

    >>> doc = nlp("Nicaragua severed diplomatic relations with Taiwan.")   # index = ActorIndex(doc, ...)
    >>> tie = ended_tie(doc[1], index)
    >>> tie.trigger.type, [actors[a].name for a in tie.targets]
    ('SANCTION', ['Taiwan'])
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ..syntax import OBJECT_DEPS, coordination_head, prep_objects, with_conjuncts
from .actors import ActorIndex
from .lexicons import cues, prepositions, type_group
from .triggers import Trigger, lookup

#: where a verb's ended tie is: its object, or the subject of its passive ("the talks were suspended")
_TIE_DEPS = OBJECT_DEPS + ("nsubjpass",)
#: determiners of a tie not yet made ("cut a deal", "struck an agreement")
_INDEFINITE = frozenset({"a", "an"})
#: actor types that are states or bodies, which leave organizations (a person leaving one changes jobs)
_BODY_TYPES = frozenset({"ORG", "GPE", "NORP"})
#: the mode of an ended tie that is not aid: breaking relations, halting talks (CAMEO 161, 164)
_DIPLOMATIC = "diplomatic"


@dataclass(frozen=True)
class EndedTie:
    """An ending word's SANCTION and the actors on the other side of the tie it ends."""

    trigger: Trigger
    targets: list[str]


@cache
def _tie_types() -> frozenset[str]:
    return type_group("cooperative") | {"AGREE"}


def _out_of(tok: Token) -> Token | None:
    """The "out" of "pulled out of X", which the parser hangs as a preposition governing "of"."""
    return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "out"
                 and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)), None)


def _key(tok: Token, kind: str) -> str | None:
    """The cue of `kind` a word is: its lemma, or lemma and particle for a phrasal verb ("break off")."""
    lemma = tok.lemma_.lower()
    found = cues(kind)
    particles = [c.lower_ for c in tok.children if c.dep_ == "prt"] + (["out"] if _out_of(tok) is not None else [])
    for p in particles:
        if f"{lemma} {p}" in found:
            return f"{lemma} {p}"
    return lemma if lemma in found and not particles else None


def is_tie(tok: Token) -> bool:
    """A noun of a standing cooperative tie, not an indefinite one ("relations", "the agreement"; not "a deal")."""
    if tok.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in tok.children):
        return False
    own = lookup(tok)
    return (own is not None and own.type in _tie_types()) or tok.lemma_.lower() in cues("tie_noun")


def _ended_by(word: Token, tie: Token) -> bool:
    """Is `tie` a tie that `word` ends? Not an agreement after a verb that makes one with it ("cut deals with X")."""
    if not is_tie(tie):
        return False
    own = lookup(tie)
    return not (own is not None and own.type == "AGREE" and _key(word, "makes_deal") is not None)


def _tie_slots(word: Token) -> Iterator[Token]:
    """The noun phrases where an ending word's ended tie or left body can be (see the module docstring)."""
    leaving = _key(word, "leave_body") is not None
    if word.pos_ == "VERB":
        yield from (c for c in word.children if c.dep_ in _TIE_DEPS)
    preps = prep_objects(word)
    if word.pos_ == "NOUN" and "of" in preps:
        yield preps["of"]
    if leaving:
        out = _out_of(word)
        if out is not None:
            preps = prep_objects(out)
        yield from (preps[p] for p in prepositions("left_body") if p in preps)


def ended_tie(word: Token, index: ActorIndex) -> EndedTie | None:
    """The SANCTION a verb or noun codes by ending a tie or leaving a body, or None."""
    if word.pos_ not in ("VERB", "NOUN") or (_key(word, "end_tie") is None and _key(word, "leave_body") is None):
        return None
    for slot in _tie_slots(word):
        for tie in with_conjuncts(slot):
            body = _left_body(word, tie, index)
            if body is None and not _ended_by(word, tie):
                continue
            own = lookup(tie)
            mode = own.mode if own is not None and own.type == "AID" else _DIPLOMATIC
            key = _key(word, "end_tie") or _key(word, "leave_body") or word.lemma_.lower()
            targets = [body] if body is not None else _partners(tie, index)
            return EndedTie(Trigger("SANCTION", mode, frozenset(), key, "rule"), targets)
    return None


def _left_body(word: Token, tok: Token, index: ActorIndex) -> str | None:
    """The organization a state or body leaves ("Mali withdrew from ECOWAS", "Britain quit the EU"), or None."""
    if _key(word, "leave_body") is None or (tok.dep_ in OBJECT_DEPS and _key(word, "leave_object") is None):
        return None
    actor_id = index.tok_actor[tok.i]
    actor = index.actors.get(actor_id) if actor_id else None
    if actor is None or actor.type != "ORG":
        return None
    leaver = next((index.tok_actor[c.i] for c in word.children if c.dep_ in ("nsubj", "poss")), None)
    leaver_actor = index.actors.get(leaver) if leaver else None
    return actor_id if leaver_actor is not None and leaver_actor.type in _BODY_TYPES else None


def _partners(tie: Token, index: ActorIndex) -> list[str]:
    """The other side of a tie: its own phrase ("relations with Taiwan"), else an actor of its noun phrase."""
    found = index.in_phrases(prep_objects(tie), prepositions("tie_partner"))
    return found or index.np_actors(tie)


def ended_tie_noun(tok: Token) -> bool:
    """Is `tok` a tie that an ending word ends ("severed ties", "the suspension of aid")? It is then no event."""
    head = coordination_head(tok)
    if not is_tie(tok):
        return False
    if head.dep_ in _TIE_DEPS:
        word = head.head
        return word.pos_ == "VERB" and (_key(word, "end_tie") is not None or _key(word, "leave_object") is not None) \
            and _ended_by(word, tok)
    if head.dep_ != "pobj" or head.head.dep_ != "prep":
        return False
    prep, word = head.head.lower_, head.head.head
    if word.dep_ == "prep" and word.lower_ == "out":  # "pulled out of the deal"
        word = word.head
    if prep == "of" and word.pos_ == "NOUN" and _key(word, "end_tie") is not None:
        return True
    return prep in prepositions("left_body") and _key(word, "leave_body") is not None
