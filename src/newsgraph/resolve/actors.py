"""Mentions → canonical actors, within an article, with ids stable across articles.

An actor's id is a hash of a canonical key that depends only on the name, never on the
article or the store: `country:RUS` for every way of naming Russia (country_converter plus
demonyms), `org:nato` for NATO and "North Atlantic Treaty Organization" (acronym table or
initials), `person:mark rutte` for a full name. A one-word person name ("Rutte", "Rütte")
takes the key of the full name with the same folded surname in the article.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from ..model import Actor, Descriptor, Mention
from .countries import is_demonym, iso3_of, short_name
from .organizations import is_acronym, known, org_key
from .places import Seat, place_country, seat_of_power
from .sectors import sector_of
from .text import bare, fold

# Words that make an ORG span an organization *of* a country rather than the country itself.
_ORG_WORDS = {"ministry", "army", "forces", "force", "party", "government", "parliament", "council",
              "department", "office", "agency", "police", "navy", "embassy", "court", "bank", "service",
              "committee", "guard", "command", "news", "media", "times", "post", "university"}
_COUNTRY_LABELS = {"GPE", "NORP"}


def actor_id(key: str) -> str:
    """Stable id of a canonical key (same in every article, store and run)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Draft:
    key: str
    type: str
    name: str
    country: str | None = None
    sector: str | None = None
    surfaces: dict[str, None] = field(default_factory=dict)  # ordered set


def _country_actor(surface: str, label: str) -> str | None:
    """ISO3 when the whole span names a country (not an organization or a region of it)."""
    words = {w.lower() for w in surface.split()}
    if label in _COUNTRY_LABELS:
        return iso3_of(surface)
    if label == "ORG" and not (words & _ORG_WORDS) and len(surface.split()) <= 4:
        return iso3_of(surface) if (is_acronym(surface) or fold(surface) == fold(short_name(iso3_of(surface) or ""))) else None
    if label == "LOC" and is_demonym(surface):
        return iso3_of(surface)
    return None


def _non_person(surface: str, label: str) -> tuple[str, str, str, str | None, str]:
    """(key, type, canonical name, country, how) for a GPE/NORP/LOC/ORG surface."""
    iso3 = _country_actor(surface, label)
    if iso3:
        name = short_name(iso3)
        how = "demonym" if is_demonym(surface) else ("name" if fold(surface) == fold(name) else "alias")
        return f"country:{iso3}", "GPE", name, iso3, how
    if label == "ORG":
        table = known().get(fold(surface))
        if table:
            how = "name" if fold(surface) == fold(table.name) else ("acronym" if is_acronym(surface) else "alias")
            return f"org:{fold(table.acronym)}", "ORG", table.name, table.country, how
        country = _country_inside(surface) if len(surface.split()) > 1 else None
        return f"org:{org_key(surface)}", "ORG", surface, country, "acronym" if is_acronym(surface) else "name"
    country = place_country(surface) if label in {"GPE", "LOC", "FAC"} else None
    return f"{label.lower()}:{fold(surface)}", label, surface, country, "name"


def _country_inside(surface: str) -> str | None:
    from .names import country_in  # the name resolver's rule: a country, demonym, seat or place inside

    return country_in(surface)[0]


_LOCATIVE = {"in", "at", "inside", "near", "outside", "into", "to", "around", "across", "within", "on", "toward",
             "towards", "through", "over", "visit", "visited", "arrived"}
_POLITICAL_PREPS = {"by", "of", "from", "with", "against", "between"}


def _metonym(span: Span, surface: str, label: str) -> Seat | None:
    """A seat of power or capital used for its government: the subject or possessor of a clause, or the
    agent/complement of "by"/"of" ("the head of the Kremlin"). In a locative phrase it stays a place."""
    if label not in {"GPE", "LOC", "ORG", "FAC"} or iso3_of(surface) and label != "FAC":
        return None
    seat = seat_of_power(surface)
    if seat is None:
        return None
    root = span.root
    building = seat.kind == "seat" and place_country(surface) is None  # the Kremlin, the White House
    if root.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return seat
    if root.dep_ == "conj" and root.head.dep_ in {"nsubj", "nsubjpass"}:
        return seat
    if root.dep_ == "pobj":
        prep = root.head.lower_
        if prep in _LOCATIVE:
            return None
        if prep == "by" or (building and prep in _POLITICAL_PREPS):
            return seat
        return None
    if root.dep_ in {"compound"} and building:
        return seat  # "Kremlin spokesman"
    return seat if building and root.dep_ not in {"appos"} else None


def _surname(name: str) -> str:
    return fold(name.split()[-1])


def _person_by_surname(full_names: list[tuple[int, tuple[str, ...], str]], surface: str, at: int) -> str | None:
    """Key of the full name this one word shortens: the nearest before `at`, else the first after.

    The last word is tried first ("Rutte" for "Mark Rutte"); then the first, for names that
    put the family name first ("Yoon" for "Yoon Suk Yeol", "Xi" for "Xi Jinping").
    """
    word = _surname(surface)
    for position in (-1, 0):
        candidates = [(start, key) for start, parts, key in full_names if parts[position] == word]
        if candidates:
            before = [c for c in candidates if c[0] < at]
            return (before[-1] if before else candidates[0])[1]
    return None


def resolve_mentions(spans: Iterable[Span]) -> tuple[list[Mention], dict[str, Actor]]:
    """Link entity spans to canonical actors; returns mentions in text order and actors by id."""
    spans = list(spans)
    drafts: dict[str, _Draft] = {}
    linked: list[tuple[Span, str, str]] = []  # span, key, how

    # Full person names first, so a surname anywhere in the article can find its full name.
    full_names: list[tuple[int, tuple[str, ...], str]] = []  # (start_char, folded words, key)
    first_last: dict[tuple[str, str], str] = {}
    for span in spans:
        surface = bare(span.text)
        if span.label_ == "PERSON" and len(surface.split()) >= 2:
            parts = fold(surface).split()
            key = first_last.setdefault((parts[0], parts[-1]), f"person:{fold(surface)}")
            full_names.append((span.start_char, tuple(parts), key))
            drafts.setdefault(key, _Draft(key, "PERSON", surface))

    for span in spans:
        surface = bare(span.text)
        if span.label_ == "PERSON":
            if len(surface.split()) >= 2:
                parts = fold(surface).split()
                key = first_last[(parts[0], parts[-1])]
                how = "name" if fold(surface) == fold(drafts[key].name) else "alias"
            else:
                found = _person_by_surname(full_names, surface, span.start_char)
                if found:
                    key, how = found, "surname"
                else:
                    key, how = f"person:{fold(surface)}", "name"
                    drafts.setdefault(key, _Draft(key, "PERSON", surface))
        elif (len(surface.split()) == 1 and not _country_actor(surface, span.label_)
              and (person := _person_by_surname(full_names, surface, span.start_char))):
            # The small model often labels a lone surname GPE or ORG ("Yoon said", "Rutte warned").
            key, how = person, "surname"
        elif (seat := _metonym(span, surface, span.label_)) and iso3_of(seat.country):
            key, how = f"country:{seat.country}", "metonym"
            drafts.setdefault(key, _Draft(key, "GPE", short_name(seat.country), seat.country))
        else:
            key, type_, name, country, how = _non_person(surface, span.label_)
            drafts.setdefault(key, _Draft(key, type_, name, country))
        drafts[key].surfaces[surface] = None
        linked.append((span, key, how))

    actors: dict[str, Actor] = {}
    for draft in drafts.values():
        if not draft.surfaces:
            continue
        aid = actor_id(draft.key)
        aliases = tuple(s for s in draft.surfaces if s != draft.name)
        sector = draft.sector
        if sector is None and draft.type == "ORG":
            table = known().get(fold(draft.name))
            sector = table.sector if table else sector_of(draft.name)
        actors[aid] = Actor(aid, draft.name, draft.type, draft.country, aliases, sector)
    mentions = [Mention(actor_id(key), span.start_char, span.end_char, span.text, how) for span, key, how in linked]
    return mentions, actors


@dataclass
class Resolution:
    """Everything resolved within one article: mentions in text order, actors by id, descriptors."""

    mentions: list[Mention]
    actors: dict[str, Actor]
    descriptors: list[Descriptor]


def resolve_doc(doc: Doc, date: str | None = None) -> Resolution:
    """Names, then roles and descriptions, then pronouns and short forms, all from the one Doc.

    Needs no store: the corpus step (`corpus.py`) runs later, at ingest, on what stays unresolved.
    """
    from ..extract.mentions import entity_mentions
    from .coref import resolve_pronouns
    from .knowledge import builtin
    from .roles import find_roles

    spans = list(entity_mentions(doc))
    spans += [Span(doc, e.start + (e[0].lower_ == "the"), e.end, label="FAC") for e in doc.ents
              if e.label_ == "FAC" and seat_of_power(e.text) is not None and len(e) > (e[0].lower_ == "the")]
    spans = [_place_agency(doc, s) for s in sorted(spans, key=lambda s: s.start)]
    mentions, actors = resolve_mentions(spans)
    mentions = _known_surnames(mentions, actors, date)
    _country_by_possessor(spans, mentions, actors)
    linked = [(span, m.actor) for span, m in zip(spans, mentions)]
    found = find_roles(doc, linked, actors, date, actor_id)
    actors.update(found.new_actors)
    mentions = sorted(mentions + found.mentions, key=lambda m: (m.start, -m.end))
    mentions = sorted(mentions + resolve_pronouns(doc, mentions, actors), key=lambda m: (m.start, -m.end))
    # People's country and sector: the knowledge at the article's date, else the roles the article gives.
    roles: dict[str, list[Descriptor]] = {}
    for d in found.descriptors:
        if d.actor:
            roles.setdefault(d.actor, []).append(d)
    for aid, actor in list(actors.items()):
        if actor.type != "PERSON":
            continue
        entry = builtin().lookup(actor.name, date) if len(actor.name.split()) >= 2 else None
        country, sector = actor.country, actor.sector
        if entry:
            country, sector = country or entry.country, sector or entry.sector
        for d in roles.get(aid, []):
            of = actors.get(d.of) if d.of else None
            country = country or (of.country if of else None)
            sector = sector or sector_of(d.role or "") or (of.sector if of and of.sector == "IGO" else None)
        if (country, sector) != (actor.country, actor.sector):
            actors[aid] = replace(actor, country=country, sector=sector)
    return Resolution(mentions, actors, found.descriptors)


def _known_surnames(mentions: list[Mention], actors: dict[str, Actor], date: str | None) -> list[Mention]:
    """A surname the article never spells out in full ("Zelensky said ...") becomes the office
    holder of the project's actor table with that surname, when exactly one person there has it
    and holds an office at the article's date; so "Zelensky" in one article and "Volodymyr
    Zelensky" in another are one actor. Undated articles and other surnames are left alone."""
    from .knowledge import builtin

    if date is None:
        return mentions
    kb = builtin()
    moved: dict[str, str] = {}
    for aid, actor in list(actors.items()):
        name = actor.name
        if len(name.split()) != 1 or actor.country or not name[:1].isupper():
            continue
        if actor.type != "PERSON" and not (actor.type in ("ORG", "GPE") and known().get(fold(name)) is None
                                           and place_country(name) is None):
            continue  # the small model often labels a lone surname GPE or ORG ("Scholz warned")
        entries = [e for e in kb.entries_for(name) if e.type == "PERSON"]
        if not entries or not any(e.valid(date) and e.role for e in entries):
            continue
        full = entries[0].name
        new_id = actor_id(f"person:{fold(full)}")
        moved[aid] = new_id
        del actors[aid]
        had = actors.get(new_id)
        aliases = tuple(dict.fromkeys((had.aliases if had else ()) + (name,)))
        actors[new_id] = Actor(new_id, full, "PERSON", None, aliases, None)
    if not moved:
        return mentions
    return [replace(m, actor=moved[m.actor], how="surname") if m.actor in moved else m for m in mentions]


_AGENCY_HEADS = {"police", "authorities", "officials", "government", "council", "court", "prosecutors", "governor",
                 "administration", "residents", "protesters", "officers", "firefighters", "hospital", "university"}


def _place_agency(doc: Doc, span: Span) -> Span:
    """"Shanghai police", "Kyiv authorities": a city or region naming the agency after it becomes one ORG
    mention (the agency), whose country the gazetteer gives. Countries keep their own mention."""
    if span.label_ not in {"GPE", "LOC"} or span.end >= len(doc) or iso3_of(span.text):
        return span
    head = doc[span.end]
    if head.lower_ in _AGENCY_HEADS and span.root.head.i == head.i and place_country(bare(span.text)):
        return Span(doc, span.start, span.end + 1, label="ORG")
    return span


def _country_by_possessor(spans: list[Span], mentions: list[Mention], actors: dict[str, Actor]) -> None:
    """An organization without a country right after a country's possessive or name ("Britain's Defense
    Ministry") takes that country; its sector comes from its words."""
    by_start = {s.start: (s, m) for s, m in zip(spans, mentions)}
    moved: dict[str, str] = {}
    for span, m in zip(spans, mentions):
        actor = actors.get(m.actor)
        if actor is None or actor.type != "ORG" or actor.country:
            continue
        before = span.start - 1
        if before >= 0 and span.doc[before].tag_ == "POS":
            before -= 1
        owner = next((pm for s, pm in by_start.values() if s.start <= before < s.end), None)
        owner_actor = actors.get(owner.actor) if owner else None
        if owner_actor and owner_actor.type == "GPE" and owner_actor.country and m.actor not in moved:
            # Keyed with the country: Britain's and Russia's defence ministries are two actors.
            new_id = actor_id(f"org:{owner_actor.country.lower()} {org_key(actor.name)}")
            moved[m.actor] = new_id
            actors[new_id] = replace(actor, id=new_id, country=owner_actor.country)
            del actors[m.actor]
    if moved:
        mentions[:] = [replace(x, actor=moved.get(x.actor, x.actor)) for x in mentions]
