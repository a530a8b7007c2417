"""Places that act: a capital or seat of power for its government, and places that stand for another actor.

A seat of power or capital is its government when it acts or is acted on as one: the subject or
possessor of a clause ("Kyiv said", "Moscow's response"), the agent of a passive, a complement of a
political preposition for a building ("the head of the Kremlin"), or the object of a verb that
addresses or targets an actor (`data/metonym_verbs.txt`: "Kinshasa accused Kigali"), the complement of a
preposition of relation between parties ("talks between Moscow and Beijing", "an uprising against Ankara",
"at war with Kinshasa"), the agent of a hyphenated participle ("Doha-mediated talks"; `data/metonym_participles.txt`,
not "Washington-based"), the object of a
stance ("anti-Kyiv leaflets"), or one side of a hyphenated pair of places ("Cairo-Khartoum relations"). A
conjunct takes the role of the first conjunct. In a locative phrase ("in Kyiv", "flew to Moscow") it stays
a place (Markert & Nissim 2007 on location metonymy: the grammatical role decides).

Some places stand for an organization, or for another state than their own, in a given story
(`data/metonyms.tsv`): "Brussels" for the EU when the article names the EU, "Langley" for the CIA,
"the South" for South Korea in a story about North Korea.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..extract.mentions import stance_prefixes
from ..lexicon import table, words
from .countries import country_word
from .places import Seat, place_country, seat_of_power, state_or_seat
from .text import fold

_LOCATIVE = {"in", "at", "inside", "near", "outside", "into", "to", "around", "across", "within", "on", "toward",
             "towards", "through", "over", "visit", "visited", "arrived"}
_POLITICAL_PREPS = {"by", "of", "from", "with", "against", "between"}
#: prepositions whose complement is a party to a relation, whether a building or a capital
_RELATION_PREPS = {"with", "against", "between"}
#: the longest place name (in tokens) looked for across a hyphen ("Dhaka-New Delhi")
_MAX_PLACE_TOKENS = 3
_OBJECT_DEPS = {"dobj", "iobj", "dative"}


@dataclass(frozen=True)
class PlaceMetonym:
    form: str
    context: str | None  # ISO3 or organization acronym the article must name, None = always
    kind: str  # country | org
    target: str  # ISO3 or organization acronym
    after_the: bool


@lru_cache(maxsize=1)
def place_metonyms() -> dict[str, PlaceMetonym]:
    """Folded form → its row of data/metonyms.tsv."""
    return {fold(f): PlaceMetonym(f, None if c == "-" else c, k, t, a == "the")
            for f, c, k, t, a in table("newsgraph.resolve", "metonyms.tsv", 5, min_columns=5)}


@lru_cache(maxsize=1)
def _addressing_verbs() -> frozenset[str]:
    return words("newsgraph.resolve", "metonym_verbs.txt")


@lru_cache(maxsize=1)
def _agent_participles() -> frozenset[str]:
    return words("newsgraph.resolve", "metonym_participles.txt")


def acts_as_actor(span: Span, building: bool) -> bool:
    """Does the place in `span` stand where an actor stands (see the module docstring)?"""
    return _hyphen_actor(span) or _acts(span.root, building)


def _acts(root: Token, building: bool) -> bool:
    """The grammatical roles of an actor (see the module docstring); a conjunct takes its head's."""
    if root.dep_ in {"nsubj", "nsubjpass", "poss", "agent"}:
        return True
    if root.dep_ == "conj" and root.head.i < root.i:
        return _acts(root.head, building)
    if root.dep_ in _OBJECT_DEPS and root.head.lemma_.lower() in _addressing_verbs():
        return True
    if root.dep_ == "pobj":
        prep = root.head.lower_
        if prep in _LOCATIVE:
            return False
        return prep == "by" or prep in _RELATION_PREPS or (building and prep in _POLITICAL_PREPS)
    if root.dep_ == "compound" and building:
        return True  # "Kremlin spokesman"
    return building and root.dep_ != "appos"


def _hyphen_actor(span: Span) -> bool:
    """"Doha-mediated", "anti-Kyiv", "Cairo-Khartoum": the place glued by a hyphen to a participle, a stance
    or another place (see the module docstring)."""
    doc = span.doc
    after = span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_ \
        and not doc[span.end].whitespace_
    before = span.start >= 2 and doc[span.start - 1].text == "-" and not doc[span.start - 2].whitespace_ \
        and not doc[span.start - 1].whitespace_
    if (after or before) and _one_place(doc, span):
        return False  # "Guinea-Bissau", "Bosnia-Herzegovina": one name
    if after and (doc[span.end + 1].lower_ in _agent_participles() or _place_at(doc, span.end + 1, 1)):
        return True
    if before and doc[span.start - 2].lower_ in stance_prefixes():
        return True
    return before and _place_at(doc, span.start - 2, -1)


def _one_place(doc: Doc, span: Span) -> bool:
    """Is the word the span is glued into by hyphens one place's name ("Guinea-Bissau")?"""
    start, end = span.start, span.end
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text == "-" or doc[start - 1].is_alpha):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text == "-" or doc[end].is_alpha):
        end += 1
    text = doc[start:end].text
    return bool(country_word(text) or place_country(text))


def _place_at(doc: Doc, i: int, step: int) -> bool:
    """Is there a country, capital or seat of power of up to `_MAX_PLACE_TOKENS` tokens starting (step 1) or ending (step -1)
    at token `i`?"""
    for n in range(1, _MAX_PLACE_TOKENS + 1):
        start, end = (i, i + n) if step > 0 else (i - n + 1, i + 1)
        if start < 0 or end > len(doc):
            break
        text = doc[start:end].text
        if state_or_seat(text):
            return True
    return False


def seat_metonym(span: Span, surface: str, label: str) -> Seat | None:
    """The seat of power or capital a span names, when it acts as its government; else None."""
    if label not in {"GPE", "LOC", "ORG", "FAC"} or country_word(surface) and label != "FAC":
        return None
    seat = seat_of_power(surface)
    if seat is None:
        return None
    building = seat.kind == "seat" and place_country(surface) is None  # the Kremlin, the White House
    return seat if acts_as_actor(span, building) else None


def place_metonym(span: Span, surface: str, named: set[str]) -> PlaceMetonym | None:
    """The table's reading of a place in this article (`named`: ISO3 codes and organization acronyms the
    article names), or None. A capital in the table acts only where `acts_as_actor` says so."""
    row = place_metonyms().get(fold(surface))
    if row is None or (row.context is not None and row.context not in named):
        return None
    if row.after_the:
        before = span.doc[span.start - 1] if span.start > 0 else None
        return row if before is not None and before.lower_ == "the" and span.text[:1].isupper() else None
    building = place_country(surface) is None
    return row if acts_as_actor(span, building) else None
