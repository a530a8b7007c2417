"""Anaphoric contents: "This was announced by the mayor Ana Ruiz", "This was stated by the ministry".

News written in (or machine-translated from) Ukrainian and Russian reports a statement first, as plain
narration, and then attributes it with a demonstrative subject of a passive speech verb ("Це повідомив ..."
→ "This was reported by ..."): the words reported are the previous sentence, not "This". Such a quote's
content is widened to that sentence (the one before the cue's sentence, across a paragraph break), unless
another quote already holds it (then the demonstrative names that quote, which keeps its own speaker).
Demonstrative pronouns are data (`data/anaphoric_contents.txt`).

    >>> # "The bridge will close until March. This was announced by the mayor Ana Ruiz."  (doctest: +SKIP)
    >>> # -> content "The bridge will close until March.", speaker Ana Ruiz
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache

from ...lexicon import words
from ...model import Quote
from ..syntax import char_range
from .index import ArticleIndex

PACKAGE = "newsgraph.extract"


@cache
def anaphoric_contents() -> frozenset[str]:
    """Demonstratives that stand for the previous sentence as a content (`data/anaphoric_contents.txt`)."""
    return words(PACKAGE, "anaphoric_contents.txt")


def with_antecedent_contents(index: ArticleIndex, quotes: list[Quote]) -> list[Quote]:
    """`quotes`, each whose whole content is a demonstrative subject ("This was stated by X") given the
    previous sentence as its content (see the module docstring)."""
    out = []
    for q in quotes:
        widened = _antecedent(index, q, quotes)
        out.append(index.carry(widened, q) if widened is not None else q)
    return out


def _antecedent(index: ArticleIndex, q: Quote, quotes: list[Quote]) -> Quote | None:
    """The quote with the previous sentence as content, or None when `q` is no such report or that
    sentence is missing, empty or already another quote's."""
    if q.text.strip().lower() not in anaphoric_contents() or q.cue_start is None:
        return None
    span = index.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubjpass":
        return None  # only the passive report, "This was said by X"; not "This means ..."
    sent = span.sent
    if sent.start == 0:
        return None
    prev = index.doc[sent.start - 1].sent
    if prev.root.pos_ not in ("VERB", "AUX"):
        return None  # a fragment ("... on the scanner: Ana Ruiz."): "This" may be anything before it
    start, end = char_range(index.doc, prev.start, prev.end)
    text = index.text[start:end].rstrip()
    end = start + len(text)
    if not text or any(k is not q and k.start < end and start < k.end for k in quotes):
        return None
    return replace(q, text=text, start=start, end=end)
