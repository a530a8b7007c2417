"""Documents that speak for their issuers: "a joint statement said", "the ministry's statement",
"a post on X by the embassy", "X issued a statement saying ...".

A quote whose speaker phrase is a document (`data/document_nouns.txt`) is the issuer's: the
possessor ("the ministry's statement"), the object of "by" or "from" ("a statement from A and B",
"the statement, issued by the army,"),
a name modifying the noun ("a Kremlin statement"), the subject of the verb that issued it ("X
released a statement saying ..."), or, for "the statement", the issuer of the last document the
article attributed. Coordinated issuers ("by A and B") all speak: a joint statement is each
party's (the convention of the news development set). "On X", "on Telegram" name the platform,
never the issuer; a media report ("Russian state media reports said") names none.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Token

from ...lexicon import words
from ..syntax import first_child, prep_object, subject, token_end, with_conjuncts
from .index import ArticleIndex

PACKAGE = "newsgraph.extract"
#: prepositions whose object issues the document ("a statement by/from the ministry")
ISSUER_PREPOSITIONS = ("by", "from", "of")
#: how far back (tokens) "the statement" looks for the document it refers to
DOCUMENT_LOOKBACK_TOKENS = 400
#: determiners of a document mentioned before ("the statement", "this letter")
DEFINITE = ("the", "this", "that")

#: resolves a phrase head to an actor id (speakers.resolve_head, passed in to avoid a cycle)
HeadResolver = Callable[[ArticleIndex, Token], "str | None"]


@cache
def document_nouns() -> frozenset[str]:
    """Nouns of documents and posts (`data/document_nouns.txt`)."""
    return words(PACKAGE, "document_nouns.txt")


@cache
def media_nouns() -> frozenset[str]:
    """Nouns of the media (`data/media_nouns.txt`): a document they modify names no issuer."""
    return words(PACKAGE, "media_nouns.txt")


def is_document(head: Token) -> bool:
    """A common noun naming a statement, release, post, letter ..."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in document_nouns()


def _named(index: ArticleIndex, tok: Token) -> str | None:
    """The actor of the mention holding `tok`."""
    m = index.mention_at(tok.idx, token_end(tok), tok)
    return m.actor if m is not None else None


def _all(index: ArticleIndex, head: Token, resolve: HeadResolver) -> tuple[str, ...]:
    """The actors of `head` and its conjuncts ("A and B"), in order, without repeats."""
    out: list[str] = []
    for tok in with_conjuncts(head):
        actor = resolve(index, tok)
        if actor is not None and actor not in out:
            out.append(actor)
    return tuple(out)


def own_issuers(index: ArticleIndex, doc_head: Token, resolve: HeadResolver) -> tuple[str, ...]:
    """Issuers the document's own phrase or its issuing verb names (see the module docstring)."""
    poss = first_child(doc_head, ("poss",))
    if poss is not None:
        found = _all(index, poss, resolve)
        if found:
            return found
    for child in doc_head.children:
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
            obj = prep_object(child, ("pobj",))
            if obj is not None and not is_document(obj):
                found = _all(index, obj, resolve)
                if found:
                    return found
    found = _participle_agents(index, doc_head, resolve)
    if found:
        return found
    lefts = [t for t in doc_head.subtree if t.i < doc_head.i]
    if any(t.lower_ in media_nouns() for t in lefts):
        return ()  # "Russian state media reports said": the media's, not Russia's
    modifiers = tuple(dict.fromkeys(a for t in doc_head.lefts if t.dep_ in ("compound", "amod", "nmod")
                                    for a in (_named(index, t),) if a is not None))
    if modifiers:
        return modifiers
    verb = doc_head.head
    if doc_head.dep_ in ("dobj", "pobj") and verb.pos_ != "VERB" and verb.dep_ == "prep":
        verb = verb.head  # "said in a statement"
    if doc_head.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
        subj = subject(verb, ("nsubj",))
        if subj is not None and not is_document(subj):
            return _all(index, subj, resolve)
    return ()


def _participle_agents(index: ArticleIndex, doc_head: Token, resolve: HeadResolver) -> tuple[str, ...]:
    """The agents of a passive participle on the document ("The statement, issued by the army, said",
    "a letter signed by A and B"): whoever issued or signed it speaks through it."""
    for child in doc_head.children:
        if child.dep_ != "acl" or child.tag_ != "VBN":
            continue
        agent = first_child(child, ("agent",))
        obj = prep_object(agent, ("pobj",)) if agent is not None else None
        if obj is not None and not is_document(obj):
            return _all(index, obj, resolve)
    return ()


def document_issuers(index: ArticleIndex, doc_head: Token, resolve: HeadResolver) -> tuple[str, ...]:
    """The issuers of the document headed by `doc_head`: its own (`own_issuers`), else, for a
    definite "the statement", those of the nearest earlier document of the article that is not
    itself only a definite back-reference ("the statement added ... According to the statement")."""
    found = own_issuers(index, doc_head, resolve)
    if found:
        return found
    det = first_child(doc_head, ("det",))
    if det is not None and det.lower_ not in DEFINITE:
        return ()  # "a statement said": an issuer the text does not give
    doc = doc_head.doc
    for k in range(doc_head.i - 1, max(-1, doc_head.i - DOCUMENT_LOOKBACK_TOKENS), -1):
        earlier = doc[k]
        if is_document(earlier) and not index.inside_passage(earlier):
            found = own_issuers(index, earlier, resolve)
            earlier_det = first_child(earlier, ("det",))
            if found or earlier_det is None or earlier_det.lower_ not in DEFINITE:
                return found  # the nearest one that says whose it is, found or not
            # "the statement added ... According to the statement": a chain of definite mentions
    return ()
