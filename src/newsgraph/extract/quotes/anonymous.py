"""Unnamed sources: "a senior European official", "diplomats", "people familiar with the matter".

Journalism research counts anonymous sourcing (Duffy & Freeman 2011), so such a speaker is not
left null: it becomes an explicit actor of type `ANONYMOUS` holding what the text says of it, its
description as written (without determiners and numbers: "senior European official"), the country
a place or nationality in the phrase names, and the sector its head noun or institution implies.
The id depends on the description and the country only, so "officials" of one country are one
actor across articles, and a later "the official" of the same article is the same actor.
"""
from __future__ import annotations

import hashlib
from functools import cache

from spacy.tokens import Token

from ...lexicon import table
from ...model import Actor
from ..syntax import token_end
from .index import ArticleIndex

PACKAGE = "newsgraph.extract"
#: the actor type of an unnamed source
ANONYMOUS_TYPE = "ANONYMOUS"
#: what the description leaves out at its start: determiners, numbers, quantifiers ("two", "some")
_LEADING_POS = ("DET", "NUM", "PRON")
#: what ends a description: a relative clause, an apposition, a clause of its own
_TAIL_DEPS = ("relcl", "appos", "acl", "advcl", "punct", "cc", "conj")
#: the longest description kept, in tokens
MAX_DESCRIPTION_TOKENS = 10
#: entity types whose mention in the description names the source's country or institution
_COUNTRY_TYPES = ("GPE", "NORP")
_INSTITUTION_TYPES = ("ORG",)


@cache
def anonymous_heads() -> dict[str, str | None]:
    """Head noun of an unnamed source -> the sector it implies (`data/anonymous_sources.tsv`)."""
    return {noun.lower(): (None if sector == "-" else sector)
            for noun, sector in table(PACKAGE, "anonymous_sources.tsv", 2, min_columns=2)}


def is_unnamed_source(head: Token) -> bool:
    """A common-noun head of the unnamed-source list with no name in its phrase ("officials",
    "a senior official", not "official Jane Doe")."""
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ == "PERSON":
        return False
    if head.lemma_.lower() not in anonymous_heads() and head.lower_ not in anonymous_heads():
        return False
    return not any(t.ent_type_ == "PERSON" for t in head.lefts)


def description_range(head: Token) -> tuple[int, int]:
    """The description's token range: the head's phrase without leading determiners and numbers
    and without trailing relative clauses or appositions, at most MAX_DESCRIPTION_TOKENS long."""
    lo = head.left_edge.i
    doc = head.doc
    while lo < head.i and (doc[lo].pos_ in _LEADING_POS or doc[lo].dep_ in ("det", "nummod", "predet", "poss")
                           or doc[lo].is_punct or doc[lo].tag_ == "POS"):
        lo += 1
    hi = head.i + 1
    for child in head.rights:
        if child.dep_ in _TAIL_DEPS:
            break  # "officials, who ...", "officials speaking on condition of anonymity"
        hi = child.right_edge.i + 1  # "familiar with the matter", "at the ministry"
    return lo, min(hi, lo + MAX_DESCRIPTION_TOKENS)


def anonymous_speaker(index: ArticleIndex, head: Token) -> str:
    """The actor id of the unnamed source headed by `head`, added to `index.actors` (see the
    module docstring); a definite description ("the official") takes the article's earlier
    unnamed source of the same head word when there is one."""
    lemma = head.lemma_.lower()
    det = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
    if det in ("the", "this", "that") and lemma in index.anonymous_by_head:
        return index.anonymous_by_head[lemma]
    doc = head.doc
    lo, hi = description_range(head)
    span = doc[lo:hi]
    country = sector = None
    for tok in head.subtree:
        m = index.mention_at(tok.idx, token_end(tok), tok)
        actor = index.actors.get(m.actor) if m is not None else None
        if actor is None:
            continue
        if actor.type in _COUNTRY_TYPES and country is None:
            country = actor.country
        elif actor.type in _INSTITUTION_TYPES:
            country = country or actor.country
            sector = sector or actor.sector
    sector = sector or anonymous_heads().get(lemma) or anonymous_heads().get(head.lower_)
    name = " ".join(span.text.split()) or head.text
    if span and span[0].pos_ != "PROPN" and not span[0].ent_type_ and span[0].is_title:
        name = name[:1].lower() + name[1:]  # "Officials said": the word, not a sentence's capital
    key = f"anonymous:{name.lower()}:{country or ''}"
    aid = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    if aid not in index.actors:
        index.actors[aid] = Actor(id=aid, name=name, type=ANONYMOUS_TYPE, country=country, sector=sector)
    index.anonymous_by_head[lemma] = aid
    return aid
