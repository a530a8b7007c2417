"""Frames of attitude adjectives after a copula: "X is confident that ...", "X was critical of
...", "X is eager to ..." (PolNeAR annotates such states as attributions)."""
from __future__ import annotations

from spacy.tokens import Token

from ...syntax import subtree_range
from .frame import Frame, prep_frame


def adjective_frames(tok: Token) -> list[Frame]:
    """`ccomp`, `xcomp` and `prep:P` of an adjective (the caller checks it is predicative)."""
    out: list[Frame] = []
    for child in tok.children:
        if child.dep_ == "ccomp":
            out.append(Frame("ccomp", *subtree_range(child)))
        elif child.dep_ == "xcomp" and child.i > tok.i:
            out.append(Frame("xcomp", *subtree_range(child)))
        else:
            frame = prep_frame(tok, child)
            if frame is not None:
                out.append(frame)
    return out
