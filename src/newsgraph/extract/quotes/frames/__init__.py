"""Cue frames: the contents a verb, adjective or noun could govern (one module each), and their
scores (`scoring`): a frame is used when the hand lexicons in `data/` license it or its
precision on PolNeAR train, counted by `models/build_cue_frames.py`, is high enough."""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import QuoteLexicons
from .adjectives import adjective_frames
from .frame import Frame
from .nouns import noun_frames
from .verbs import verb_frames

__all__ = ["Frame", "candidate_frames"]


def candidate_frames(tok: Token, lex: QuoteLexicons) -> list[Frame]:
    """Candidate contents a cue word could govern, each named by its frame: a verb's (see
    `frames.verbs`), a predicative adjective's, a noun's; none for other words."""
    if tok.pos_ in ("VERB", "AUX"):
        return verb_frames(tok, lex)
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT"):
        return adjective_frames(tok)
    if tok.pos_ == "NOUN":
        return noun_frames(tok)
    return []
