"""Demands: `X said Y must/should do Z` is X's REQUEST of Y on the speech cue (PLOVER manual 3.8).

The clause with a deontic auxiliary (`must`, `should`, `ought`: `deontic` in
`data/plover_cues.tsv`) is climbed to the speech verb or noun that reports it (`said`, `a
statement that`); its subject is the one who demands, the clause's subject the addressee.

    >>> doc = nlp("Norway said Chile must release the journalists.")   # index = ActorIndex(doc, ...)
    >>> cue, speakers, addressees = deontic_demand(doc[4], index)
    >>> cue.text, [actors[a].name for a in speakers + addressees]
    ('said', ['Norway', 'Chile'])

A verb that both reports and demands (`insist`: a REQUEST trigger and a speech cue) demands only what
it asks for: `insisted that Chile release`, `insisted that Chile must release`, `insisted on talks`. With a
clause that tells a fact (`insisted Chile would be happy to pay`, `insisted it was ready`) it reports a
claim, and is no REQUEST (`claims_only`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..syntax import OBJECT_DEPS, inherited_subject
from .actors import ActorIndex
from .lexicons import cues
from .settings import EventSettings
from .triggers import Trigger, lookup

#: relations from a demanded clause up to what reports it ("said that ...", "a statement that ...")
_REPORTED_DEPS = ("ccomp", "acl", "relcl", "conj")
#: finite verb tags: a clause headed or helped by one tells a fact ("would pay", "was ready"); a bare verb
#: with no finite helper is a subjunctive, which demands ("insisted that Chile release", "be released")
_FINITE_TAGS = ("MD", "VBD", "VBZ", "VBP")
#: prepositions of what a demanding speech verb asks for ("insisted on talks")
_ASKED_FOR_PREPS = ("on", "upon")
#: relations of a speech noun to the verb whose subject issued it ("issued a statement", "it was a message")
_ISSUED_DEPS = frozenset(OBJECT_DEPS + ("attr",))


def deontic_demand(tok: Token, index: ActorIndex,
                   settings: EventSettings = EventSettings()) -> tuple[Token, list[str], list[str]] | None:
    """(cue token, speaker actors, addressee actors) when `tok`'s clause is demanded by a speaker.

    None when the clause has no deontic auxiliary, no speech cue reports it within
    `settings.deontic_steps` clauses, or the cue is a trigger itself (`warned that ... must` is
    already a THREATEN)."""
    if not any(c.dep_ == "aux" and c.lower_ in cues("deontic") for c in tok.children):
        return None
    steps = settings.subject_inherit_steps
    t = tok
    for _ in range(settings.deontic_steps):
        if t.dep_ not in _REPORTED_DEPS or t.head.i == t.i:
            return None
        head = t.head
        if _is_speech_cue(head):
            if lookup(head) is not None:
                return None
            verb = head if head.pos_ == "VERB" else (head.head if head.dep_ in _ISSUED_DEPS else None)
            subj, passive = inherited_subject(verb, steps) if verb is not None else ([], False)
            speaker = [] if passive else index.of_all(subj)
            addressee_subj, _ = inherited_subject(tok, steps)
            return head, speaker, index.of_all(addressee_subj)
        t = head
    return None


def _is_speech_cue(tok: Token) -> bool:
    """A speech verb ("said") or a speech noun ("a statement") that can carry a claimed clause."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ == "VERB" and lemma in cues("speech")) or (tok.pos_ == "NOUN" and lemma in cues("speech_noun"))


def interview_question(tok: Token, trig: Trigger) -> bool:
    """Whether a REQUEST verb of asking is a bare participle clause ("..., when asked whether the port would
    reopen", "Asked about the clash, the minister said"): a reporter's question put to the main clause's
    speaker, with no asker and nothing asked for, not a request between actors. "If asked by Kyiv" names
    the asker and stays a request."""
    if trig.type != "REQUEST" or tok.tag_ != "VBN" or tok.dep_ != "advcl" or tok.lemma_.lower() not in cues("question"):
        return False
    return not any(c.dep_ in (*OBJECT_DEPS, "nsubj", "nsubjpass", "agent", "xcomp", "dative") for c in tok.children)


def claims_only(tok: Token, trig: Trigger) -> bool:
    """Whether a REQUEST verb that is also a speech verb ("insisted") only reports a claim: its complement is a
    clause telling a fact ("Trump insisted Mexico would pay"), with no deontic modal, no subjunctive, and
    nothing asked for ("insisted on", an object or an infinitive)."""
    if trig.type != "REQUEST" or tok.pos_ != "VERB" or tok.lemma_.lower() not in cues("speech"):
        return False
    if any(c.dep_ in (*OBJECT_DEPS, "xcomp", "dative") or (c.dep_ == "prep" and c.lower_ in _ASKED_FOR_PREPS)
           for c in tok.children):
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(_tells_a_fact(c) for c in clauses)


def _tells_a_fact(clause: Token) -> bool:
    """A finite clause with no deontic modal ("Mexico would pay", "it was ready"; not "Chile must release",
    "that Chile release")."""
    helpers = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in cues("deontic") for c in helpers):
        return False
    return clause.tag_ in _FINITE_TAGS or any(c.tag_ in _FINITE_TAGS for c in helpers)
