"""Event locations: a GPE/LOC/FAC entity in an `in`/`at`/`near` phrase of the trigger, and its country.

The place may stand in the phrase itself (`in Hebron`) or in a phrase of its noun (`in the town
of Samarra`, `in the capital Kabul`); the trigger's governing verb is searched after the trigger
(`an attack was carried out in Kabul`). The prepositions are the `location` slot of
`data/event_prepositions.tsv`.

    >>> doc = nlp("Israeli troops clashed with Palestinians in Hebron.")
    >>> location(doc[2], place_index(doc)).text
    'Hebron'
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..syntax import governing_verb, prep_object
from .actors import ActorIndex
from .lexicons import prepositions
from .settings import EventSettings

#: entity labels of places
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: actor types whose country places an event (not FAC: buildings)
COUNTRY_PLACE_TYPES = ("GPE", "LOC")
#: relations of a noun to a place that names it more precisely ("the town of Samarra", "the capital Kabul")
_NAMING_DEPS = ("compound", "appos", "prep")


def place_index(doc: Doc) -> dict[int, Span]:
    """token index → the place entity it belongs to."""
    return {t.i: ent for ent in doc.ents if ent.label_ in PLACE_LABELS for t in ent}


def location(tok: Token, places: dict[int, Span], settings: EventSettings = EventSettings()) -> Span | None:
    """A place in an `in`/`at`/`near` phrase of the trigger (or of its governing verb)."""
    heads = [tok]
    gv = governing_verb(tok, settings.governing_verb_steps)
    if gv is not None and gv.i != tok.i:
        heads.append(gv)
    location_preps = prepositions("location")
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in location_preps:
                obj = prep_object(c)
                if obj is None:
                    continue
                found = _place_of(obj, places)
                if found is not None:
                    return found
    return None


def beside(place: Span) -> bool:
    """Whether a place stands in a phrase that puts the event next to it, not in it ("clashed near Goma",
    "fighting outside Kharkiv"; slot `beside_place`): no act is done to a place it only happens near
    (issue 16: a city is a location, not a target, unless attacked as such)."""
    t = place.root
    for _ in range(4):  # Goma -> near; Kharkiv -> of -> city -> outside
        if t.dep_ == "prep" and t.lower_ != "of":  # "of" names the place ("the town of Samarra")
            return t.lower_ in prepositions("beside_place")
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _place_of(obj: Token, places: dict[int, Span]) -> Span | None:
    """The place a prepositional object names, itself or through a naming child."""
    if obj.i in places:
        return places[obj.i]
    for k in obj.children:  # "in the town of Samarra", "in the capital Kabul"
        if k.i in places and k.dep_ in _NAMING_DEPS:
            return places[k.i]
        if k.dep_ == "prep" and k.lower_ == "of":
            o = prep_object(k)
            if o is not None and o.i in places:
                return places[o.i]
    return None


def place_country(place: Span | None, index: ActorIndex) -> str | None:
    """The ISO3 country of an event's place: the country of the country, city or region its mention resolves
    to. A building's country is left out: a name alone does not place it ("the White House" is also a
    house in another country's gazetteer)."""
    if place is None:
        return None
    for t in place:
        actor_id = index.tok_actor[t.i]
        if actor_id is not None:
            actor = index.actors.get(actor_id)
            return actor.country if actor is not None and actor.type in COUNTRY_PLACE_TYPES else None
    return None
