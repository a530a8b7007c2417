"""Small questions about a spaCy dependency parse that every extractor asks.

Quote attribution and event coding both read the article's one parse (ClearNLP-style labels of
spaCy's English models: `nsubj`, `dobj`, `prep`/`pobj`, `conj`, `agent`, ...; see
https://github.com/clir/clearnlp-guidelines/blob/master/md/specifications/dependency_labels.md).
The helpers here answer the questions both ask in the same way: the subject or object of a verb,
the object of a preposition, the head of a coordination, and the conversion between token
ranges and character offsets (records carry character offsets into `doc.text`).

    >>> doc = nlp("The minister was criticized by the union.")
    >>> by_agent(doc[3]).text
    'union'

Every function is pure and reads only the tokens it is given.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

#: active subjects: "Russia attacked ...", "What he said matters"
SUBJECT_DEPS: tuple[str, ...] = ("nsubj", "csubj")
#: subjects of a passive: "the plan was criticized", "that he lied was denied"
PASSIVE_SUBJECT_DEPS: tuple[str, ...] = ("nsubjpass", "csubjpass")
#: direct objects ("obj" in UD-style models)
OBJECT_DEPS: tuple[str, ...] = ("dobj", "obj")
#: what a preposition governs: a noun phrase (`pobj`) or a clause ("for providing ...", `pcomp`)
PREP_OBJECT_DEPS: tuple[str, ...] = ("pobj", "pcomp")


# --------------------------------------------------------------------------- children
def children(tok: Token, deps: Iterable[str]) -> list[Token]:
    """The children of `tok` whose dependency label is in `deps`, in sentence order."""
    wanted = frozenset(deps)
    return [c for c in tok.children if c.dep_ in wanted]


def first_child(tok: Token, deps: Iterable[str]) -> Token | None:
    """The first child of `tok` (in sentence order) whose dependency label is in `deps`."""
    wanted = frozenset(deps)
    return next((c for c in tok.children if c.dep_ in wanted), None)


def subject(verb: Token, deps: Iterable[str] = SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS) -> Token | None:
    """The verb's own subject (active or passive), without inheriting one from a governing verb."""
    return first_child(verb, deps)


def objects(verb: Token) -> list[Token]:
    """The verb's direct objects ("criticized the plan")."""
    return children(verb, OBJECT_DEPS)


def is_passive(verb: Token) -> bool:
    """A verb with a passive auxiliary ("was criticized") or a passive subject."""
    return any(c.dep_ == "auxpass" or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)


# --------------------------------------------------------------------------- prepositions
def prep_object(prep: Token, deps: Iterable[str] = PREP_OBJECT_DEPS) -> Token | None:
    """What a preposition governs ("for" -> "sanctions" in "called for sanctions"), or None."""
    return first_child(prep, deps)


def prep_objects(tok: Token) -> dict[str, Token]:
    """Preposition word (lower-cased) -> its object, for the prepositional children of `tok`
    (`prep`, `agent`, `dative`; the first of each word wins), including those the parser hangs on
    a particle ("kidnapped up to 16 advisers": `to` under `up`)."""
    out: dict[str, Token] = {}
    kids = list(tok.children)
    kids += [g for c in kids if c.dep_ == "prt" for g in c.children]
    for c in kids:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ not in out:
            obj = prep_object(c)
            if obj is not None:
                out[c.lower_] = obj
    return out


def by_agent(verb: Token) -> Token | None:
    """The noun of a passive verb's by-phrase ("criticized by the union" -> "union"): the `pobj`
    of its first `agent` child."""
    agent = first_child(verb, ("agent",))
    return None if agent is None else prep_object(agent, ("pobj",))


def first_found(preps: Mapping[str, Token], order: Iterable[str], find: Callable[[Token], list[T]]) -> list[T]:
    """What `find` yields for the first preposition in `order` that `preps` holds and for which
    `find` yields anything: the "first preposition that names an actor" search
    (`first_found(prep_objects(verb), ("to", "with"), actors_of)`)."""
    for word in order:
        obj = preps.get(word)
        if obj is not None:
            found = find(obj)
            if found:
                return found
    return []


# --------------------------------------------------------------------------- coordination
def coordination_head(tok: Token) -> Token:
    """The first conjunct of the coordination `tok` belongs to ("A rose, B fell and C held": the
    head of "held" is "rose"); `tok` itself when it is not a conjunct."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def with_conjuncts(tok: Token) -> tuple[Token, ...]:
    """`tok` followed by its conjuncts ("Russia and China" -> both heads)."""
    return (tok, *tok.conjuncts)


# --------------------------------------------------------------------------- offsets
def subtree_range(tok: Token) -> tuple[int, int]:
    """The token range [lo, hi) of the phrase `tok` heads (its whole subtree)."""
    return tok.left_edge.i, tok.right_edge.i + 1


def token_end(tok: Token) -> int:
    """The character offset just after `tok` (its text, not its trailing space)."""
    return tok.idx + len(tok)


def char_range(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Character offsets [start, end) of the token range [lo, hi) (`hi > lo`), trailing space excluded."""
    return doc[lo].idx, token_end(doc[hi - 1])


def token_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering the characters [start, end), widened to whole tokens; None when the
    range lies outside the text (spaCy's `char_span` with `alignment_mode="expand"`)."""
    return doc.char_span(start, end, alignment_mode="expand")
