"""Who is to act in an infinitive a verb governs: the governing verb's object ("urged Japan to send
aid": Japan sends), not its subject (object control; Huddleston & Pullum 2002, ch. 14 §6). Shared by the
verbal roles (roles.py) and the roles of an event noun under a light verb (nominal_roles.py: "urged
Japan to send aid" is Japan's aid).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..syntax import OBJECT_DEPS, children
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
        if t.dep_ != "xcomp" or t.head.lemma_.lower() in cues("commissive") or t.head.pos_ != "VERB":
            return None
        obj = next((o for o in children(t.head, OBJECT_DEPS) if o.i < t.i), None)
        if obj is not None or t.head.dep_ != "xcomp" or children(t.head, ("nsubj", "nsubjpass")):
            return obj
        t = t.head  # "asked Seoul to consider supplying": who supplies is who considers, Seoul
