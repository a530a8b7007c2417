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

from collections.abc import Callable, Collection, Iterable, Mapping
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
def children(tok: Token, deps: Collection[str]) -> list[Token]:
    """The children of `tok` whose dependency label is in `deps`, in sentence order."""
    return [c for c in tok.children if c.dep_ in deps]


def first_child(tok: Token, deps: Collection[str]) -> Token | None:
    """The first child of `tok` (in sentence order) whose dependency label is in `deps`."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def subject(verb: Token, deps: Collection[str] = SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS) -> Token | None:
    """The verb's own subject (active or passive), without inheriting one from a governing verb."""
    return first_child(verb, deps)


def objects(verb: Token) -> list[Token]:
    """The verb's direct objects ("criticized the plan")."""
    return children(verb, OBJECT_DEPS)


def is_passive(verb: Token) -> bool:
    """A verb with a passive auxiliary ("was criticized") or a passive subject."""
    return any(c.dep_ == "auxpass" or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)


# --------------------------------------------------------------------------- prepositions
def prep_object(prep: Token, deps: Collection[str] = PREP_OBJECT_DEPS) -> Token | None:
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


def first_found(preps: Mapping[str, Token], order: Iterable[str], find: Callable[[Token], list[T]],
                keep: Callable[[str, list[T]], list[T]] | None = None) -> list[T]:
    """What `find` yields for the first preposition in `order` that `preps` holds and for which
    `find` yields anything: the "first preposition that names an actor" search
    (`first_found(prep_objects(verb), ("to", "with"), actors_of)`); `keep(word, found)` may drop
    what a given preposition cannot introduce."""
    for word in order:
        obj = preps.get(word)
        if obj is not None:
            found = find(obj)
            if keep is not None:
                found = keep(word, found)
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


# --------------------------------------------------------------------------- clauses (event coding)
#: clause and modifier relations through which a verb without a subject takes its governor's
#: ("agreed to send": `xcomp`; "left, crossing the border": `advcl`; "met and signed": `conj`)
INHERITING_DEPS: tuple[str, ...] = ("xcomp", "advcl", "conj", "pcomp", "acl")


def inherited_subject(verb: Token, steps: int = 3) -> tuple[list[Token], bool]:
    """(subject tokens, passive?) of a verb, inherited through up to `steps` governing verbs
    when it has none ("agreed to send": the subject of "agreed").

    A relative clause's subject is the noun it modifies ("the troops that crossed": "troops"); a
    participle modifying a noun has it as its subject, as the patient when the participle is
    passive ("troops deployed in X"). A conjunct keeps its governor's voice, other clauses are active.
    """
    subj = children(verb, SUBJECT_DEPS)
    if subj:
        s = subj[0]
        if verb.dep_ == "relcl" and (s.tag_ in ("WDT", "WP", "WP$") or s.lower_ == "that"):
            return [verb.head], False
        return [s], False
    psubj = children(verb, PASSIVE_SUBJECT_DEPS)
    if psubj:
        s = psubj[0]
        if verb.dep_ == "relcl" and s.tag_ in ("WDT", "WP"):
            return [verb.head], True
        return [s], True
    if verb.dep_ == "relcl":
        return [verb.head], False
    if steps > 0 and verb.dep_ in INHERITING_DEPS and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep":  # "for providing its soldiers, X will ..."
            head = head.head
        if verb.dep_ == "acl":  # "troops deployed in X": the noun is the patient
            return [verb.head], verb.tag_ == "VBN"
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            governor_subj, passive = inherited_subject(head, steps - 1)
            return governor_subj, (passive if verb.dep_ == "conj" else False)
    return [], False


#: relations of a noun that is an argument of the verb above it
_ARGUMENT_DEPS = frozenset(OBJECT_DEPS + SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + ("attr", "appos", "conj"))


def governing_verb(tok: Token, steps: int = 2) -> Token | None:
    """The verb a word is an argument of: a verb itself, an adjective's copula ("is ready": "is"),
    a noun's verb through up to `steps` argument relations ("the attack was condemned": "condemned";
    "a strike and an invasion were planned": through `conj`). None for a noun in a prepositional
    phrase ("goals in the war"): such a noun is presupposed, not asserted by the verb."""
    t = tok
    if t.pos_ in ("VERB", "AUX"):
        return t
    if t.pos_ == "ADJ":
        return t.head if t.dep_ in ("acomp", "attr") else t
    for _ in range(steps):
        if t.dep_ not in _ARGUMENT_DEPS:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def root_distance(tok: Token, cap: int = 50) -> int:
    """Arcs from `tok` to its sentence root, counted up to `cap` (main clause 0, its object 1, ...)."""
    d = 0
    while tok.head.i != tok.i and d < cap:
        tok = tok.head
        d += 1
    return d
