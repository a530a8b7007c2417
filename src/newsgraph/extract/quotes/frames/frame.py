"""A cue frame: a content a cue word could govern, named by how it governs it."""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from ...syntax import prep_object, subtree_range


class Frame(NamedTuple):
    """A candidate content: the frame's name (the `frame` column of cue_frames.tsv: `ccomp`,
    `xcomp`, `dobj`, `prep:for`, ...) and its token range [lo, hi)."""

    rel: str
    lo: int
    hi: int


def prep_frame(tok: Token, child: Token) -> Frame | None:
    """`prep:P`, the object of a preposition after the cue ("call for ...", "critical of ...")."""
    if child.dep_ != "prep" or child.i <= tok.i:
        return None
    obj = prep_object(child)
    return None if obj is None else Frame("prep:" + child.lower_, *subtree_range(obj))
