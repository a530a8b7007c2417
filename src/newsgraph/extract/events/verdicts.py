"""Verdicts: calling someone's act a wrong accuses its doer (issue 16, the speaker as source of a speech act).

A verdict noun (`data/verdict_nouns.txt`: violation, provocation, aggression, crime ...) said of an act codes
an ACCUSE (CAMEO 111 criticize or denounce) from whoever passes the verdict to whoever did the act:

- as the predicate of a copula, the act its subject: "the incursion by Rwanda was a violation of our
  sovereignty", the ministry said: the speaker accuses Rwanda;
- as the predicate of a naming verb, the act its object: "Kinshasa called the raid by Rwandan troops an act of
  aggression", "described the Russian strike as a war crime": the namer accuses the doer.

The doer is the act's perpetrator when the act is an event noun (its possessor, modifier or by-phrase:
`nominal_roles`), else the actor the subject or object names ("Ethiopia's move", "the interference of Ethiopia").
With no doer named there is no event: a verdict on nobody's act accuses no one.

    >>> doc = nlp("Lima called the raid by Chilean troops a provocation.")    # index = ActorIndex(...)
    >>> v = verdict(doc[8], index)
    >>> [actors[a].name for a in v.targets], [actors[a].name for a in v.namers]
    (['Chile'], ['Peru'])
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ...lexicon import words
from ..syntax import children, inherited_subject, prep_objects
from .actors import ActorIndex
from .lexicons import PACKAGE, cues
from .nominal_roles import agent_phrase, nominal_roles
from .triggers import Trigger, lookup

#: the PLOVER event a verdict codes
_ACCUSE = Trigger("ACCUSE", None, frozenset(), key="verdict")


@dataclass(frozen=True)
class Verdict:
    """A verdict noun's event: its trigger, the doers it accuses and, for a naming verb, who named the act."""

    trigger: Trigger
    targets: list[str]
    namers: list[str]


@cache
def verdict_nouns() -> frozenset[str]:
    """The nouns of a verdict on an act (`data/verdict_nouns.txt`)."""
    return words(PACKAGE, "verdict_nouns.txt")


def verdict(tok: Token, index: ActorIndex) -> Verdict | None:
    """The ACCUSE a verdict noun codes as the predicate of a copula or naming verb, when the act's doer is named."""
    if tok.pos_ != "NOUN" or not _is_verdict(tok):
        return None
    act, namer_verb = _judged_act(tok)
    if act is None:
        return None
    doers = _doers(act, index) or index.np_actors(agent_phrase(tok))  # "a violation ... by Ethiopia"
    namers: list[str] = []
    if namer_verb is not None:
        subj, passive = inherited_subject(namer_verb)
        namers = [] if passive else index.of_all(subj)
        if not doers and not passive:  # "called the intrusion by X an act of aggression", the by-phrase on the verb
            doers = index.np_actors(prep_objects(namer_verb).get("by"))
    doers = [d for d in doers if d not in namers]
    return Verdict(_ACCUSE, doers, namers) if doers else None


def verdict_trigger(tok: Token, index: ActorIndex) -> Trigger | None:
    """The ACCUSE trigger of a verdict noun that accuses a named doer (`verdict`), else None; its roles come from
    `roles.event_roles`, which asks `verdict` again with the speaker known."""
    return _ACCUSE if verdict(tok, index) is not None else None


def _is_verdict(tok: Token) -> bool:
    """A verdict noun, or "act" of one ("an act of aggression")."""
    if tok.lemma_.lower() in verdict_nouns():
        return tok.head.lemma_.lower() != "act" or tok.dep_ != "pobj"
    of = prep_objects(tok).get("of")
    return tok.lemma_.lower() == "act" and of is not None and of.lemma_.lower() in verdict_nouns()


def _judged_act(tok: Token) -> tuple[Token | None, Token | None]:
    """(the act judged, the naming verb or None): the copula's subject ("the raid was a crime"), the naming
    verb's object ("called the raid a crime", "described the raid as a crime")."""
    head = tok.head
    if tok.dep_ == "attr" and head.lemma_ == "be":
        subj = children(head, ("nsubj",))
        return (subj[0] if subj else None), None
    if tok.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    elif tok.dep_ not in ("oprd", "xcomp", "attr"):
        return None, None
    if head.pos_ != "VERB" or head.lemma_.lower() not in cues("naming"):
        return None, None
    obj = [o for o in children(head, ("dobj",)) if o.i != tok.i]
    return (obj[0] if obj else None), head


def _doers(act: Token, index: ActorIndex) -> list[str]:
    """Who did the judged act: an event noun's perpetrator, else the actors its phrase names. A pronoun ("called
    it a violation") stands for an act, which the pronoun resolver, resolving to actors, does not give."""
    if act.pos_ == "PRON":
        return []
    event = lookup(act) if act.pos_ == "NOUN" and not index.tok_actor[act.i] else None
    if event is not None:
        return nominal_roles(act, event, index)[0]
    return index.np_actors(act) or index.np_actors(agent_phrase(act))  # "the decision by Uganda to ..."
