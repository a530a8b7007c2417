"""Attribution: whether an event is someone's claim, and whose.

An event is `reported` when its trigger lies inside a quote's content span (then the event's
`quote` is that quote's index), in the complement of a speech verb (`X said that ...`, `...,
officials said`), or in the clause an `according to X` phrase belongs to. An event noun that is the whole
content of a stance quote (`X condemned the attack`) is no claim: the quote is a stance towards
an event the writer presents as having happened.

A trailing participle of saying with no subject of its own (`X accused Y of ..., saying ...`,
`X declined to comment, indicating ...`) is the actor's own elaboration, not a reporter's source:
the act it follows is narrated as fact; so is such a participle itself (`the IMF said in a
statement, praising X`: the praise is the IMF's act, not the content of what it said). `according to X` inside a complement (`X warned that,
according to its data, Y supports Z`) makes that complement reported, not the warning above it.

    >>> doc = nlp("Officials said Egypt arrested ten fishermen.")   # index = ActorIndex(doc, ...)
    >>> attribution(doc[3], index)    # reported, by no named actor
    (True, None)
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Quote
from ..syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, children, inherited_subject, prep_object, token_span
from .actors import ActorIndex
from .lexicons import cues
from .settings import EventSettings

#: relations of a clause to the speech verb that reports it ("said that ...", "..., the ministry said")
_REPORTED_CLAUSE_DEPS = ("ccomp", "parataxis")
#: relations of a speech verb the parser hangs below the event's root ("X attacked Y, officials said")
_TRAILING_SPEECH_DEPS = ("parataxis", "ccomp", "advcl")


class QuoteIndex:
    """The article's quotes by character range, to find the quote an event lies in."""

    def __init__(self, doc: Doc, quotes: list[Quote]) -> None:
        self.doc = doc
        self.quotes = quotes
        self._spans = sorted(((q.start, q.end, i) for i, q in enumerate(quotes)), key=lambda x: x[0])

    def containing(self, tok: Token) -> int | None:
        """The index of the quote whose content holds the trigger, unless the trigger heads that
        content ("X condemned the attack", "X signed an agreement": the event itself is no claim)."""
        qi = next((i for s, e, i in self._spans if s <= tok.idx < e), None)
        if qi is not None and _heads_the_content(self.doc, tok, self.quotes[qi]):
            return None
        return qi


def _heads_the_content(doc: Doc, tok: Token, quote: Quote) -> bool:
    """True when an event noun is the head of a quote's whole content: the quote is a stance
    towards that event ("condemned the attack"), which the writer presents as having happened,
    not a claim that it did."""
    if tok.pos_ != "NOUN" or quote.kind != "indirect":
        return False
    span = token_span(doc, quote.start, quote.end)
    return span is not None and span.root.i == tok.i


def attribution(tok: Token, index: ActorIndex, settings: EventSettings = EventSettings()) -> tuple[bool, str | None]:
    """(is the trigger reported speech?, the speaker's actor) from `according to X` or `X said that`."""
    according = _according_to(tok, index)
    if according is not None:
        return according
    speech = cues("speech")
    t = tok
    for _ in range(settings.attribution_steps):
        if _content_of_claim(t):  # "claims that Russia attacked Georgia": somebody's claim
            return True, next(iter(index.of_all(c for c in t.head.children if c.dep_ == "poss")), None)
        if t.dep_ == "advcl" and t.head.lemma_.lower() in speech and _elaboration(t):
            return False, None  # "the IMF said in a statement, praising X": the speaker's own act, narrated
        if t.dep_ in _REPORTED_CLAUSE_DEPS or (t.dep_ == "ROOT" and t.i != tok.i):
            head = t.head if t.dep_ != "ROOT" else t
            if head.lemma_.lower() in speech:
                return True, _first_subject_actor(head, index, settings)
        if t.head.i == t.i:
            for c in t.children:  # "X attacked Y, officials said": speech verb attached below the root
                if c.dep_ in _TRAILING_SPEECH_DEPS and c.lemma_.lower() in speech and c.i > tok.i \
                        and not _elaboration(c):
                    return True, _first_subject_actor(c, index, settings)
            break
        t = t.head
    return False, None


def _elaboration(verb: Token) -> bool:
    """A present participle with no subject of its own ("..., saying Kigali was to blame"): the subject of
    the clause it trails says it, elaborating an act the writer narrates, so it reports nothing. A finite
    verb without a subject ("..., state media reported") is a misparse of a reporting clause."""
    return verb.tag_ == "VBG" and not children(verb, SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS)


def _content_of_claim(clause: Token) -> bool:
    """Whether a clause is the that-content of a noun of saying ("claims that", "reports that", "allegations
    that"; `plover_cues.tsv` kind `claim_noun`); a relative clause ("the report that said") has no `mark`."""
    return clause.dep_ in ("acl", "relcl", "ccomp") and clause.head.pos_ == "NOUN" and \
        clause.head.lemma_.lower() in cues("claim_noun") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _according_to(tok: Token, index: ActorIndex) -> tuple[bool, str | None] | None:
    """(True, the source's actor) when the trigger lies in the clause an `according to X` phrase belongs
    to (the phrase's head and what it governs)."""
    for t in tok.sent:
        if t.lower_ == "according" and t.dep_ == "prep" and (tok.i == t.head.i or t.head.is_ancestor(tok)):
            for to in t.children:
                obj = prep_object(to) if to.lower_ == "to" else None
                if obj is not None:
                    who = index.np_actors(obj)
                    return True, (who[0] if who else None)
    return None


def _first_subject_actor(verb: Token, index: ActorIndex, settings: EventSettings) -> str | None:
    subj, _ = inherited_subject(verb, settings.subject_inherit_steps)
    who = index.of_all(subj)
    return who[0] if who else None
