"""Frames of cue nouns: a that-clause ("X's statement that ...") or a prepositional object
("support for ...")."""
from __future__ import annotations

from spacy.tokens import Token

from ...syntax import subtree_range
from .frame import Frame, prep_frame


def noun_frames(tok: Token) -> list[Frame]:
    """`that` and `prep:P` frames of a noun."""
    out: list[Frame] = []
    for child in tok.children:
        if child.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
            out.append(Frame("that", *_that_clause(tok, child)))
        else:
            frame = prep_frame(tok, child)
            if frame is not None:
                out.append(frame)
    return out


def _that_clause(tok: Token, clause: Token) -> tuple[int, int]:
    """The that-clause's token range; when the noun is the subject of a later verb, the clause
    runs up to that verb (the parser may hang the clause's last words on it: "the claim that
    the mine was safe | was denied"), without the verb's auxiliaries and negation."""
    doc = tok.doc
    lo, hi = subtree_range(clause)
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i:
        hi = tok.head.i
        while hi > lo and doc[hi - 1].head == tok.head and doc[hi - 1].dep_ in ("aux", "auxpass", "neg"):
            hi -= 1
    return lo, hi
