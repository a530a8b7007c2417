"""Who is to act in an infinitive a verb governs: the governing verb's object ("urged Japan to send
aid": Japan sends), not its subject (object control; Huddleston & Pullum 2002, ch. 14 §6). Shared by the
verbal roles (roles.py) and the roles of an event noun under a light verb (nominal_roles.py: "urged
Japan to send aid" is Japan's aid). A verb of contacting someone ("called", "phoned", "visited") governs a
purpose clause instead: its subject acts, and the one contacted is whom the act is addressed to
(`contacted`: "Macron phoned Putin to demand a ceasefire" is Macron's demand of Putin). A passive
participle opening a sentence is done to the main clause's subject (`passive_participle`: "Asked by Chile to
mediate, Peru agreed" is Chile's request of Peru; Huddleston & Pullum 2002, ch. 14 §9, supplementive clauses).
Who is to act in a threat's condition is whom it threatens (`condition_subjects`: "threatened to close the
border unless Togo arrested them": Togo; CAMEO 13, threaten, codes the one the threat is meant to move).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children
from .actors import ActorIndex
from .lexicons import cues
from .modality import prevented


def object_controller(clause: Token) -> Token | None:
    """The object of the verb that governs an infinitive ("prompted the United States to strike", "forced
    Ethiopia to withdraw"): the one who is to act (object control); also for a coordinated infinitive
    ("to form a coalition and to strike"). None for verbs of promising ("promised Peru to ...": the
    subject acts) and when the governing verb has no object; an object naming no actor is an instrument
    ("used illegal schemes to finance ..."), and the subject stays the actor. A gerund a verb of prevention
    keeps its object from is the object's ("banned Polish officials from visiting")."""
    t = clause
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if prevented(t):
        return next((o for o in children(t.head.head, OBJECT_DEPS) if o.i < t.i), None)
    while True:
        if t.dep_ != "xcomp" or t.head.lemma_.lower() in cues("commissive") or t.head.pos_ != "VERB" \
                or contacting(t.head):
            return None
        obj = next((o for o in children(t.head, OBJECT_DEPS) if o.i < t.i), None)
        if obj is not None or t.head.dep_ != "xcomp" or children(t.head, ("nsubj", "nsubjpass")):
            return obj
        t = t.head  # "asked Seoul to consider supplying": who supplies is who considers, Seoul


def contacting(verb: Token) -> bool:
    """Whether a verb contacts its object (`contact_verb` of plover_cues.tsv: "called X", "phoned X", "visited X"),
    not "called on X", which asks X to act ("called X on Wednesday" still contacts X)."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in cues("contact_verb") and not any(
        c.dep_ in ("prt", "prep") and c.lower_ in ("on", "upon") and c.i == verb.i + 1 for c in verb.children)


def contacted(clause: Token, index: ActorIndex) -> list[str]:
    """The actors a verb of contact reaches, for the purpose clause it governs ("called Netanyahu to discuss
    the war": Netanyahu); [] for any other clause."""
    if clause.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return []
    verb = clause.head
    if not contacting(verb):
        return []
    return index.first_of(o for o in children(verb, OBJECT_DEPS) if o.i < clause.i)


def passive_participle(verb: Token) -> bool:
    """Whether a verb is a bare passive participle adjoined to a clause ("Asked by Chile to mediate, Peru
    agreed", "Backed by Iran, the rebels advanced"): the clause's subject, which it inherits, is then its
    patient and the by-phrase its agent. Not a perfect participle ("Having attacked X, the rebels ...": an
    auxiliary) nor one with a subject of its own."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not children(
        verb, SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + ("aux", "auxpass"))


def condition_subjects(verb: Token, threatener: list[str], index: ActorIndex) -> list[Token]:
    """The subjects of the if/unless clauses (cue kind `conditional`) of a threatening verb or of the act it
    threatens, when that act is the threatener's own ("threatened tariffs if Peru does not act", "threatened
    to strike unless Togo withdrew", "warned it would close the border unless Togo acted"): who is to act for the
    threat not to be carried out. A that-clause of someone else's act is a prediction, no threat of the speaker's
    ("warned that Peru would suffer if Chile left": no one threatened)."""
    clauses = [verb, *children(verb, ("xcomp",))]
    clauses += [c for c in children(verb, ("ccomp",))
                if (own := index.of_all(children(c, ("nsubj",)))) and all(a in threatener for a in own)]
    return [s for clause in clauses for c in children(clause, ("advcl",))
            if any(m.dep_ == "mark" and m.lower_ in cues("conditional") for m in c.children)
            for s in children(c, ("nsubj",))]
