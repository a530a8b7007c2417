"""Places that act: a capital or seat of power for its government, and places that stand for another actor.

A seat of power or capital is its government when it acts or is acted on as one: the subject or
possessor of a clause ("Kyiv said", "Moscow's response"), the agent of a passive, a complement of a
political preposition for a building ("the head of the Kremlin"), or the object of a verb that
addresses or targets an actor (`data/metonym_verbs.txt`: "Kinshasa accused Kigali"). In a locative
phrase ("in Kyiv", "flew to Moscow") it stays a place (Markert & Nissim 2007 on location metonymy:
the grammatical role decides).

Some places stand for an organization, or for another state than their own, in a given story
(`data/metonyms.tsv`): "Brussels" for the EU when the article names the EU, "Langley" for the CIA,
"the South" for South Korea in a story about North Korea.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from ..lexicon import table, words
from .countries import country_word
from .places import Seat, place_country, seat_of_power
from .text import fold

_LOCATIVE = {"in", "at", "inside", "near", "outside", "into", "to", "around", "across", "within", "on", "toward",
             "towards", "through", "over", "visit", "visited", "arrived"}
_POLITICAL_PREPS = {"by", "of", "from", "with", "against", "between"}
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


def acts_as_actor(span: Span, building: bool) -> bool:
    """Does the place in `span` stand where an actor stands (see the module docstring)?"""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass", "poss", "agent"}:
        return True
    if root.dep_ == "conj" and root.head.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if root.dep_ in _OBJECT_DEPS and root.head.lemma_.lower() in _addressing_verbs():
        return True
    if root.dep_ == "pobj":
        prep = root.head.lower_
        if prep in _LOCATIVE:
            return False
        return prep == "by" or (building and prep in _POLITICAL_PREPS)
    if root.dep_ == "compound" and building:
        return True  # "Kremlin spokesman"
    return building and root.dep_ != "appos"


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
