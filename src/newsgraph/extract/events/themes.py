"""Whose forces are sent: the sender of a sending or deployment that names none is the forces' own state.

"a plan to send Ghanaian police units to Liberia", "Iranian drones were sent to Russia", "Zambian
troops were deployed to Malawi": no subject or by-agent names who sends, but forces and arms are sent by the state
they belong to (PLOVER AID and MOBILIZE code the sending state as source; CAMEO 074 and 15 likewise). The sent
noun must be forces or arms (`data/sent_forces.txt`), named with their actor ("Ghanaian", "of Chad", "from
Rwanda"); refugees or migrants sent somewhere are moved, not sent by their state. A passive with such forces as
subject is the sending of them, not an act done to their state ("Zambian troops were deployed to Malawi" is no
deployment against Zambia).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...lexicon import words
from ..syntax import OBJECT_DEPS, children
from .actors import ActorIndex
from .lexicons import PACKAGE

#: the types of sending and deployment triggers whose theme may be forces
SENDING_TYPES = frozenset({"AID", "MOBILIZE"})


def sent_forces() -> frozenset[str]:
    """Lemmas of forces and arms a state sends (`data/sent_forces.txt`)."""
    return words(PACKAGE, "sent_forces.txt")


def removal_words() -> frozenset[str]:
    """Particles of removal ("out", "home", "back"; `data/removal_words.txt`)."""
    return words(PACKAGE, "removal_words.txt")


def forces_sender(theme: Token | None, index: ActorIndex) -> list[str]:
    """The actors whose forces or arms `theme` names ("Ghanaian police units": Ghana), [] when `theme` is
    no such noun or names no actor."""
    if theme is None or theme.lemma_.lower() not in sent_forces():
        return []
    return index.np_actors(theme)


def sent_theme(verb: Token, passive: bool, subjects: list[Token]) -> Token | None:
    """What a sending verb sends when that may name its sender: the object of an active verb with a single object
    ("send troops to X"; not "gave Tanzania a grant"), the subject of a passive one with no object left ("troops
    were deployed"; not "refugees were granted asylum", whose subject is the recipient)."""
    if any(c.lower_ in removal_words() and c.dep_ in ("prt", "advmod", "prep") for c in verb.children):
        return None  # "shipped out of the town", "sent home": a removal, not a sending
    objs = children(verb, OBJECT_DEPS)
    if passive:
        return subjects[0] if subjects and not objs else None
    recipient = [d for d in children(verb, ("dative",)) if d.pos_ != "ADP"]  # not "to X", which the parser may label so
    return objs[0] if len(objs) == 1 and not recipient else None
