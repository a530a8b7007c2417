"""Modality: what an event's own clause says about whether it happened.

Precedence `negated` > `possible` > `future` > `reported` > `asserted`: what the event's own
clause says about its factuality is more specific than who claims it, and the claim stays
traceable through the event's `quote` either way. The cues (auxiliaries, control verbs such as
`refused to` / `plans to`, adverbs, `it is possible that`, conditionals) are in
`data/plover_cues.tsv`. A nominal event inside a prepositional phrase (`goals in the war`) is
presupposed, so it does not inherit the verb's negation. An act of group `deliverable` that is the
object of a promise (`pledged aid to X`, `offered Sudan $5 million in aid`, `a pledge of aid`; cue
kind `promise_object`) is held out, not done: `future`; so is the to-infinitive of a noun of intent
(`an agreement to grant X a loan`, `a plan to send aid`; kind `intent_noun`), negated after `no plans to`.
An act someone is kept from or keeps from (`were barred from attending`, `banned X from visiting`,
`refrained from striking`; kind `prevent`) did not happen: `negated`.

    >>> modality_cue(nlp("Japan did not send troops to Iraq.")[3])
    'negated'
"""
from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from ...model import Modality
from ..syntax import governing_verb
from .lexicons import cues, first_person_pronouns, type_group
from .settings import EventSettings

MODALITY_PRECEDENCE: tuple[Modality, ...] = ("negated", "possible", "future", "reported", "asserted")


def modality_cue(tok: Token, settings: EventSettings = EventSettings(),
                 etype: str | None = None) -> Modality | Literal[""]:
    """negated / possible / future / reported / '' from the trigger's own clause and its control chain;
    `etype`, the event's type, for the acts a promise holds out."""
    found = _noun_cues(tok)
    if etype in type_group("deliverable") and promised_object(tok):
        found.add("future")
    t = governing_verb(tok, settings.governing_verb_steps)
    steps = 0
    while t is not None and steps < settings.modality_steps:
        steps += 1
        found |= _clause_cues(t)
        if hedged_performative(t):  # "I would like to thank X": the thanks are given
            break
        if t.dep_ == "xcomp" or (t.dep_ == "acomp" and t.pos_ == "ADJ") or promised_infinitive(t):
            found |= _control_cues(t)
            t = t.head
            continue
        if intended_infinitive(t):  # "an agreement to grant", "no plans to send"
            found |= {"negated"} & _noun_cues(t.head) or {"future"}
            break
        if t.dep_ == "ccomp" and any(c.dep_ in ("acomp", "attr") and c.lower_ in cues("possible") for c in t.head.children):
            found.add("possible")  # "it is possible that ..."
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in cues("negate"):
            found.add("negated")  # "Chad denied that it attacked Niger", as "denied attacking" is
        if t.i == tok.i and prevented(t):  # "were barred from attending" (not the summit they would attend)
            found.add("negated")
        break
    return next((m for m in MODALITY_PRECEDENCE if m in found), "")


#: how an event noun hangs below the promise that holds it out: its object, the amount it is
#: counted in ("$5 million in aid"), a noun of promising's of-phrase ("a pledge of aid")
_PROMISED_DEPS = ("dobj", "dative", "pobj")


def promised_object(tok: Token) -> bool:
    """Whether an event noun is what a verb or noun of promising holds out: "pledged aid", "offered
    Sudan $5 million in aid", "a pledge of aid to Sudan"."""
    if tok.pos_ != "NOUN":
        return False
    promise = cues("promise_object")
    t = tok
    for _ in range(3):  # aid -> in -> million -> offered
        if t.dep_ not in _PROMISED_DEPS and t.dep_ != "prep":
            return False
        t = t.head
        if t.lemma_.lower() in promise and t.pos_ in ("VERB", "NOUN"):
            return True
        if t.pos_ == "VERB":
            return False
    return False


def conditioned(tok: Token, settings: EventSettings = EventSettings()) -> bool:
    """Whether a trigger's clause, or the clause an infinitive of it hangs on, is a `pending_condition`:
    no event then (issue 16: "until Israel halts military actions" is no act of anyone yet)."""
    t = governing_verb(tok, settings.governing_verb_steps)
    for _ in range(settings.modality_steps):
        if t is None or pending_condition(t):
            return t is not None
        if t.dep_ not in ("xcomp", "conj"):
            return False
        t = t.head
    return False


def pending_condition(clause: Token) -> bool:
    """An `until` clause under a main clause not done ("the fighting will continue until Peru halts its
    raids", "will not withdraw until X frees them"; cue kind `pending_condition`): what it names has not
    happened, it is what would end the main act."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues("pending_condition")
                                          for c in clause.children) \
        and modality_cue(clause.head) in ("future", "negated", "possible")


def hedged_performative(clause: Token) -> bool:
    """A speech act said politely by its own speaker: "I would like to thank X", "we wish to congratulate
    X" (cue kinds `polite_wish`, `polite_act`). Saying it does it, so the wish adds no future; with any
    other subject ("Chile would like to thank ...") the wish stays one."""
    wish = clause.head
    return clause.dep_ == "xcomp" and clause.lemma_.lower() in cues("polite_act") \
        and wish.lemma_.lower() in cues("polite_wish") and not any(c.dep_ == "neg" for c in wish.children) \
        and any(c.dep_ == "nsubj" and c.lower_ in first_person_pronouns() for c in wish.children)


def intended_infinitive(clause: Token) -> bool:
    """A to-infinitive on a noun of intent ("an agreement to grant", "a plan to send"; cue kind `intent_noun`)."""
    return clause.dep_ == "acl" and clause.head.pos_ == "NOUN" and clause.head.lemma_.lower() in cues("intent_noun") \
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def promised_infinitive(clause: Token) -> bool:
    """A to-infinitive the parser hangs as an adverbial clause on a verb of intent ("vowed in November to
    attack"): the complement of that verb, as an `xcomp` would be."""
    return clause.dep_ == "advcl" and clause.head.lemma_.lower() in cues("future") and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def prevented(verb: Token) -> bool:
    """Whether a gerund is what a verb of prevention keeps someone from ("were barred from attending",
    "banned X from visiting", "refrained from striking"; cue kind `prevent`), the prevention itself not
    negated ("did not stop X from visiting" lets it happen)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "from":
        return False
    preventer = prep.head
    return preventer.pos_ in ("VERB", "AUX") and preventer.lemma_.lower() in cues("prevent") \
        and not any(c.dep_ == "neg" for c in preventer.children)


def modality_if_quoted(quote: int | None) -> Modality:
    """`reported` for an event inside a quote, else `asserted`."""
    return "reported" if quote is not None else "asserted"


def _noun_cues(tok: Token) -> set[str]:
    """A nominal trigger's own determiner, adjective or subordinator: "no attack", "the alleged attack",
    "if Somalia attacks" (a clause the parser heads with a noun)."""
    found: set[str] = set()
    if tok.pos_ != "NOUN":
        return found
    if any(c.dep_ == "neg" or c.lower_ == "no" and c.dep_ == "det" for c in tok.children):
        found.add("negated")
    if any(c.dep_ == "amod" and c.lower_ in cues("reported") for c in tok.children):
        found.add("reported")  # "the alleged attack"
    if any(c.dep_ == "mark" and c.lower_ in cues("conditional") for c in tok.children):
        found.add("possible")  # "if Somalia attacks" parsed as a noun clause
    return found


def _clause_cues(verb: Token) -> set[str]:
    """Cues among a verb's children: negation, modal auxiliaries, adverbs, conditionals."""
    found: set[str] = set()
    possible, future, conditional = cues("possible"), cues("future"), cues("conditional")
    for c in verb.children:
        low = c.lower_
        if c.dep_ == "neg":
            found.add("negated")
        elif c.dep_ in ("aux", "auxpass"):
            if low in possible or c.lemma_ in possible:
                found.add("possible")
            elif low in future or c.lemma_ in future:
                found.add("future")
        elif c.dep_ == "advmod" and low in possible:
            found.add("possible")
        elif c.dep_ in ("advmod", "amod") and low in cues("reported"):
            found.add("reported")  # "reportedly shelled", "the alleged attack"
        elif c.dep_ == "mark" and low in conditional:
            found.add("possible")
        elif c.dep_ == "advcl" and c.i > verb.i and any(g.dep_ == "mark" and g.lower_ in conditional for g in c.children):
            found.add("possible")  # "will withdraw ... unless X holds elections": conditional
    return found


def _control_cues(clause: Token) -> set[str]:
    """Cues of the verb or adjective that controls an infinitive: "refused to", "plans to",
    "is to visit", "is willing to"."""
    found: set[str] = set()
    head = clause.head
    lemma = head.lemma_.lower()
    if lemma in cues("negate"):
        found.add("negated")
    elif lemma in cues("future") or lemma == "be" and clause.tag_ == "VB":  # "is to visit"
        found.add("future")
    elif lemma in cues("deliberate"):  # "is considering sending aid", "weighs imposing sanctions"
        found.add("possible")
    if clause.pos_ == "ADJ" and clause.lemma_.lower() in cues("future"):  # "is willing to withdraw"
        found.add("future")
    return found
