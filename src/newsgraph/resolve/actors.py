"""Mentions → canonical actors, within an article, with ids stable across articles.

An actor's id is a hash of a canonical key that depends only on the name, never on the
article or the store: `country:RUS` for every way of naming Russia (country_converter plus
demonyms), `org:nato` for NATO and "North Atlantic Treaty Organization" (organization table or
initials), `person:mark rutte` for a full name (a middle initial makes no other person:
`person_names.py`). A family name alone, with or without an honorific ("Rutte", "Mrs. Clinton"),
joins the article's full name of that family name and gender (`people.py`); an organization the
table knows keeps its key whatever label NER gave it ("the Houthis" as a person); a one-word
organization name joins the article's longer name that starts with it ("Reform" for "Reform UK").
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..extract.descriptors import has_appositive_role
from ..extract.mentions import bare_group_mentions, entity_mentions
from ..lexicon import words
from ..model import Actor, Descriptor, Mention
from .coref import resolve_pronouns
from .countries import country_word, demonym_of, is_demonym, iso3_of, limited_recognition, short_name, with_article
from .ids import actor_id
from .institutions import dominant_country, find_institutions, state_names
from .knowledge import builtin
from .metonyms import PlaceMetonym, place_metonym, seat_metonym
from .names import country_in
from .organizations import KnownOrganization, article_acronyms, bracketed_table_names, is_acronym, lookup, org_key
from .people import PeopleIndex, Person, canonical
from .person_names import given_name_gender, is_given_name, parse
from .places import place_country, seat_of_power
from .roles import find_roles
from .sectors import sector_of
from .text import bare, fold

__all__ = ["Resolution", "actor_id", "resolve_doc", "resolve_mentions"]

# Words that make an ORG span an organization *of* a country rather than the country itself.
_ORG_WORDS = {"ministry", "army", "forces", "force", "party", "government", "parliament", "council",
              "department", "office", "agency", "police", "navy", "embassy", "court", "bank", "service",
              "committee", "guard", "command", "news", "media", "times", "post", "university", "tribunal"}
_COUNTRY_LABELS = {"GPE", "NORP"}


@dataclass
class _Draft:
    key: str
    type: str
    name: str
    country: str | None = None
    sector: str | None = None
    surfaces: dict[str, None] = field(default_factory=dict)  # ordered set


def _country_actor(surface: str, label: str) -> str | None:
    """ISO3 when the whole span names a country (not an organization or a region of it): the exact names and
    codes first ("Congo", "DRC"), then country_converter's patterns."""
    words = {w.lower() for w in surface.split()}
    if label in _COUNTRY_LABELS:
        return country_word(surface) or iso3_of(surface)
    if label == "ORG" and not (words & _ORG_WORDS) and len(surface.split()) <= 4:
        # a demonym alone is the country ("Kazakh President ...", which NER may label ORG), not one of several
        # words of a name ("Russian Railways" has an ORG word or is no country word)
        if (exact := country_word(surface)) and (is_acronym(surface) or not is_demonym(surface)
                                                 or len(surface.split()) == 1):
            return exact
        return iso3_of(surface) if (is_acronym(surface) or fold(surface) == fold(short_name(iso3_of(surface) or ""))) else None
    if label == "LOC":  # "South Sudan's leaders" labelled a region: the exact name of a state is the state
        return iso3_of(surface) if is_demonym(surface) else country_word(surface)
    return None


def _non_person(surface: str, label: str) -> tuple[str, str, str, str | None, str]:
    """(key, type, canonical name, country, how) for a GPE/NORP/LOC/ORG surface."""
    if (claimant := limited_recognition().get(fold(surface))) and label in {"GPE", "LOC", "NORP", "ORG"}:
        return f"gpe:{fold(surface)}", "GPE", surface, claimant, "name"  # "Somaliland": its own actor, whatever NER said
    iso3 = _country_actor(surface, label)
    if not iso3 and (said := state_names().get(fold(surface))) and said[1] == "name":
        iso3 = said[0]  # "the Islamic Republic", "the Zionist regime"
    if iso3:
        name = short_name(iso3)
        how = "demonym" if is_demonym(surface) else ("name" if fold(surface) == fold(name) else "alias")
        return f"country:{iso3}", "GPE", name, iso3, how
    table = lookup(surface)
    if table:
        how = "name" if fold(surface) == fold(table.name) else ("acronym" if is_acronym(surface) else "alias")
        return f"org:{fold(table.acronym)}", "ORG", table.name, table.country, how
    if label == "ORG":
        country = _building_country(surface) or (_country_inside(surface) if len(surface.split()) > 1 else None)
        return f"org:{org_key(surface)}", "ORG", surface, country, "acronym" if is_acronym(surface) else "name"
    seat = seat_of_power(surface) if label in {"GPE", "LOC", "FAC"} else None
    country = seat.country if seat else place_country(surface) if label in {"GPE", "LOC", "FAC"} else None
    return f"{label.lower()}:{fold(surface)}", label, surface, country, "name"


def _building_country(surface: str) -> str | None:
    """The country of a seat-of-power building NER took for an organization where it does not act as the
    government ("a spokesman for the Kremlin", "according to the Elysee"): the seat table's country,
    as "White House" gets the USA (`data/seats.tsv`); capitals are not buildings and stay out."""
    seat = seat_of_power(surface)
    return seat.country if seat is not None and seat.kind == "seat" else None


def _country_inside(surface: str) -> str | None:
    """The name resolver's rule: a country, demonym, seat or place inside the name."""
    return country_in(surface)[0]


def _person_link(span: Span, surface: str, people: PeopleIndex) -> tuple[Person, str] | None:
    """(person, how) of a PERSON span: its full name's person, else the person its family name denotes."""
    person = people.full_name(span)
    if person:
        return person, "name" if fold(surface) == fold(person.name) else "alias"
    person = people.lone(span)
    if person:
        return person, "surname"
    return None


def _metonym_target(row: PlaceMetonym) -> tuple[str, str, _Draft]:
    if row.kind == "country":
        key = f"country:{row.target}"
        return key, "metonym", _Draft(key, "GPE", short_name(row.target), row.target)
    org = lookup(row.target)
    name, country = (org.name, org.country) if org else (row.target, None)
    key = f"org:{org_key(row.target)}"
    return key, "metonym", _Draft(key, "ORG", name, country)


def _named_in(spans: list[Span]) -> set[str]:
    """ISO3 codes and organization acronyms the article names (the context of `metonyms.place_metonym`)."""
    named: set[str] = set()
    for span in spans:
        surface = bare(span.text)
        if (iso := country_word(surface)) and span.label_ != "PERSON":
            named.add(iso)
        if (org := lookup(surface)) is not None:
            named.add(org.acronym)
    return named


def _link(span: Span, people: PeopleIndex, org_heads: dict[str, tuple[str, str, str, str | None, str]],
          named: set[str]) -> tuple[str, str, _Draft]:
    """(key, how, draft actor) of one span (see the module docstring)."""
    surface = bare(span.text)
    label = span.label_
    table = lookup(surface) if not _country_actor(surface, label if label != "PERSON" else "ORG") else None
    if table and label == "PERSON" and len(surface.split()) == 1 and is_given_name(surface):
        table = None  # "Tasnim said": a person's name the table also knows as an organization's
    if table is None and label == "ORG" and len(surface.split()) > 1 and surface in org_heads:
        key, type_, name, country, _ = org_heads[surface]  # "the National Liberation Army (ELN)": the table's
        return key, "alias", _Draft(key, type_, name, country)
    # a several-word name of the table is the organization whatever NER said ("Hayat Tahrir al-Sham" as a person)
    table_name = table is not None and len(surface.split()) > 1
    if label == "PERSON" and not table_name and \
            not (table and people.lone(span, knowledge=False) is None and not people.full_name(span)):
        found = _person_link(span, surface, people)
        if found:
            person, how = found
            return person.key, how, _Draft(person.key, "PERSON", person.name)
        if surface in org_heads and len(surface.split()) == 1:
            key, type_, name, country, _ = org_heads[surface]  # "Reform said": no person, the party
            return key, "alias", _Draft(key, type_, name, country)
        parts = parse(surface)
        key = f"person:{parts.key or fold(surface)}"
        return key, "name", _Draft(key, "PERSON", parts.display or surface)
    if label == "PERSON":
        label = "ORG"  # "the Houthis" labelled a person: the organization table knows better
    elif label == "ORG" and not table and (printed := people.printed(surface) or _apposed_person(span, surface)):
        return printed.key, "name" if fold(surface) == fold(printed.name) else "alias", _Draft(printed.key, "PERSON", printed.name)
    if len(surface.split()) == 1 and not table and not _country_actor(surface, label):
        # The small model often labels a lone surname GPE or ORG ("Yoon said", "Rutte warned"); the
        # article's own full name decides before the gazetteer, the actor table only after it.
        lone = people.lone(span, knowledge=False) or (
            people.lone(span) if label in {"ORG", "GPE"} and place_country(surface) is None else None)
        if lone:
            return lone.key, "surname", _Draft(lone.key, "PERSON", lone.name)
    if (row := place_metonym(span, surface, named)) is not None:
        return _metonym_target(row)
    if (seat := seat_metonym(span, surface, label)) and iso3_of(seat.country):
        key = f"country:{seat.country}"
        return key, "metonym", _Draft(key, "GPE", short_name(seat.country), seat.country)
    if (capital := _named_capital(surface, label, named)) is not None:
        key = f"country:{capital}"
        return key, "place", _Draft(key, "GPE", short_name(capital), capital)
    if label == "ORG" and not table and len(surface.split()) == 1 and surface in org_heads:
        key, type_, name, country, _ = org_heads[surface]
        return key, "alias", _Draft(key, type_, name, country)
    if label == "ORG" and not table and (org := _qualified_acronym(surface, named)) is not None:
        key = f"org:{fold(org.acronym)}"
        return key, "acronym", _Draft(key, "ORG", org.name, org.country)
    key, type_, name, country, how = _non_person(surface, label)
    return key, how, _Draft(key, type_, name, country)


def _named_capital(surface: str, label: str, named: set[str]) -> str | None:
    """ISO3 of a capital (or seat city) named as a place ("talks in Muscat") in an article that also names
    its country: there the capital is that country's mention (how `place`), so the country is one actor
    under all its names, as news annotation lists capitals among a state's forms. A capital in an article
    that names no country of it stays a place of its own ("The minister flew to Kigali"); buildings
    (the Kremlin) are seats, not places, and other cities keep their own actor."""
    if label not in {"GPE", "LOC"}:
        return None
    seat = seat_of_power(surface)
    if seat is None or seat.country not in named or place_country(surface) is None or not iso3_of(seat.country):
        return None
    return seat.country


@lru_cache(maxsize=1)
def _shared_party_names() -> frozenset[str]:
    return words("newsgraph.resolve", "shared_party_names.txt")


def _countries_named(spans: list[Span]) -> set[str]:
    """ISO3 of every country the article names: by name or demonym, by a seat of power or capital, by a
    place in it ("Pennsylvania", "Busan"), or by a full name of one of its people in the actor table
    ("Chuck Schumer")."""
    found: set[str] = set()
    for span in spans:
        surface = bare(span.text)
        if span.label_ == "PERSON":
            people = builtin().by_name.get(fold(surface), []) if len(surface.split()) > 1 else []
            found.update(e.country for e in people if e.type == "PERSON" and e.country)
        elif iso := country_word(surface):
            found.add(iso)
        elif seat := seat_of_power(surface):
            found.add(seat.country)
        elif span.label_ in {"GPE", "LOC"} and (iso := place_country(surface)):
            found.add(iso)
    return found


def _local_party(surface: str, key: str, how: str, draft: _Draft, countries: set[str]) -> tuple[str, str, _Draft]:
    """A party name that parties of several countries bear (`data/shared_party_names.txt`: "the Democratic
    Party") is the table's party only in an article that names the table's country or no country at all;
    elsewhere it is the party of the one country the article names ("South Korea's main opposition
    Democratic Party"), or a party of no known country when it names several. A wrong merge with another
    country's party would join their facts for good; a party left without a country costs less."""
    org = lookup(surface) if draft.type == "ORG" else None
    if org is None or not org.country or not countries or org.country in countries or \
            not {fold(surface), fold(org.name)} & _shared_party_names():
        return key, how, draft
    here = next(iter(countries)) if len(countries) == 1 else None
    new_key = f"org:{(here or 'xxx').lower()} {fold(org.name)}"
    return new_key, how, _Draft(new_key, "ORG", org.name, here)


def _apposed_person(span: Span, surface: str) -> Person | None:
    """A name NER labelled an organization that reads as a personal name (a given name first, no word of an
    organization) and has a role set off after it ("Marta Quispe, the de facto leader of Peru,"): a person."""
    words = surface.split()
    if len(words) < 2 or not is_given_name(words[0]) or {w.lower() for w in words} & _ORG_WORDS or \
            not all(w[:1].isupper() for w in words) or not has_appositive_role(span):
        return None
    parts = parse(surface)
    if not parts.is_full:
        return None
    key, name = canonical(parts)
    return Person(key, name, given_name_gender(name))


def _qualified_acronym(surface: str, named: set[str]) -> KnownOrganization | None:
    """The organization an ambiguous acronym stands for in this article: the table keys such bodies by the
    acronym and a qualifier ("MSS Haiti", "MSS China"; `organizations.tsv`), so a bare "MSS" is the one
    of them the article names in full ("the Multinational Security Support Mission ... MSS said"). None
    when the article names none or several of them (the acronym-definition pairing of Schwartz & Hearst
    2003, with the table as the definitions)."""
    if not is_acronym(surface):
        return None
    hits = {n for n in named if " " in n and n.split(" ", 1)[0] == surface.replace(".", "")}
    return lookup(hits.pop()) if len(hits) == 1 else None


def _org_heads(spans: list[Span]) -> dict[str, tuple[str, str, str, str | None, str]]:
    """First word of each several-word organization name → what that name resolves to ("Reform" of
    "Reform UK")."""
    heads: dict[str, tuple[str, str, str, str | None, str]] = {}
    for span in spans:
        surface = bare(span.text)
        words = surface.split()
        if span.label_ == "ORG" and len(words) >= 2 and words[0][:1].isupper() and not iso3_of(words[0]) \
                and not is_demonym(words[0]):
            heads.setdefault(words[0], _non_person(surface, "ORG"))
    return heads


def resolve_mentions(spans: Iterable[Span], date: str | None = None) -> tuple[list[Mention], dict[str, Actor]]:
    """Link entity spans to canonical actors; returns mentions in text order and actors by id.

    `date` (the article's) lets a family name the article never spells out join a public figure of the
    actor table (`people.known_person`)."""
    spans = list(spans)
    people = PeopleIndex(spans, date)
    org_heads = _org_heads(spans) | {a: _non_person(name, "ORG") for a, name in article_acronyms(spans).items()} | {
        name: (f"org:{fold(org.acronym)}", "ORG", org.name, org.country, "alias")
        for name, org in bracketed_table_names(spans).items()}
    named = _named_in(spans)
    countries = _countries_named(spans)
    drafts: dict[str, _Draft] = {}
    linked: list[tuple[Span, str, str]] = []  # span, key, how
    for span in spans:
        key, how, draft = _local_party(bare(span.text), *_link(span, people, org_heads, named), countries)
        drafts.setdefault(key, draft).surfaces[bare(span.text)] = None
        linked.append((span, key, how))

    actors: dict[str, Actor] = {}
    for draft in drafts.values():
        aid = actor_id(draft.key)
        table = lookup(draft.name) if draft.type == "ORG" else None
        # an organization of the table is known by all its names ("FSB", "Federal Security Service")
        known_as = [*draft.surfaces, *((table.acronym,) if table and " " not in table.acronym else ()),
                    *(table.aliases if table else ())]
        aliases = tuple(s for s in dict.fromkeys(bare(a) for a in known_as) if s and s != draft.name)
        sector = draft.sector
        if sector is None and draft.type == "ORG":
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
    spans = list(entity_mentions(doc))
    spans += [Span(doc, e.start + (e[0].lower_ == "the"), e.end, label="FAC") for e in doc.ents
              if e.label_ == "FAC" and seat_of_power(e.text) is not None and len(e) > (e[0].lower_ == "the")]
    spans = [_place_agency(doc, s) for s in sorted(spans, key=lambda s: s.start)]
    mentions, actors = resolve_mentions(spans, date)
    _country_by_possessor(spans, mentions, actors)
    institutions = find_institutions(doc, mentions, actors, date)
    actors.update(institutions.actors)
    for k in institutions.replaced:  # a printed institution name takes the institution's actor
        m = mentions[k]
        mentions[k] = replace(m, actor=next(i.actor for i in institutions.mentions if i.start <= m.start and m.end <= i.end))
    linked = [(span, m.actor) for span, m in zip(spans, mentions, strict=True)]
    mentions = _merged(mentions, [i for i in institutions.mentions
                                  if not any(i.start == m.start and i.end == m.end for m in mentions)])
    mentions = _merged(mentions, _story_groups(doc, mentions, actors))
    found = find_roles(doc, linked, actors, date, actor_id)
    actors.update(found.new_actors)
    mentions = _merged(mentions, found.mentions)
    mentions = _merged(mentions, resolve_pronouns(doc, mentions, actors))
    _people_country_and_sector(actors, found.descriptors, date)
    return Resolution(mentions, _referenced(actors, mentions, found.descriptors), found.descriptors)


def _story_groups(doc: Doc, mentions: list[Mention], actors: dict[str, Actor]) -> list[Mention]:
    """Collectives named bare ("protesters", "criminal gangs": `extract.mentions.bare_group_mentions`) are the
    groups of the country the article is about ("Haitian gangs", the actor "Haitian gangs" printed so
    elsewhere), when one country stands out (`institutions.dominant_country`); else no mention, since a bare
    "protesters" would be one actor for every protest in the corpus. Adds their actors to `actors`."""
    country = dominant_country(mentions, actors)
    demonym = demonym_of(country) if country else None
    if not country or not demonym:
        return []
    out = []
    for span in bare_group_mentions(doc):
        if any(m.start < span.end_char and span.start_char < m.end for m in mentions):
            continue
        name = f"{demonym} {span.text.lower()}"
        aid = actor_id(f"org:{org_key(name)}")
        actors.setdefault(aid, Actor(aid, name, "ORG", country, (), sector_of(name)))
        out.append(Mention(aid, span.start_char, span.end_char, span.text, "description"))
    return out


def _merged(mentions: list[Mention], more: list[Mention]) -> list[Mention]:
    return sorted(mentions + more, key=lambda m: (m.start, -m.end))


def _referenced(actors: dict[str, Actor], mentions: list[Mention], descriptors: list[Descriptor]) -> dict[str, Actor]:
    """The actors some mention or descriptor names (an NER printing replaced by its institution goes)."""
    used = {m.actor for m in mentions} | {d.actor for d in descriptors if d.actor} | {d.of for d in descriptors if d.of}
    return {aid: a for aid, a in actors.items() if aid in used}


def _people_country_and_sector(actors: dict[str, Actor], descriptors: list[Descriptor], date: str | None) -> None:
    """People's country and sector: the knowledge at the article's date, else the roles the article gives."""
    roles: dict[str, list[Descriptor]] = {}
    for d in descriptors:
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


def _state_body(actor: Actor) -> Actor:
    """An organization of a country whose name is a state body's (`_ORG_WORDS`: "Ministry of Commerce",
    "High Court") and names no country: named "<name> of <country>" like the institutions of
    `institutions.py`, with the plain name and the demonym printing ("Chinese Ministry of Commerce") as aliases."""
    iso3 = actor.country or ""
    words = fold(actor.name).split()
    if not iso3 or not words or not set(words) & _ORG_WORDS or any(country_word(w) for w in actor.name.split()):
        return actor
    demonym = demonym_of(iso3)
    aliases = [actor.name, *actor.aliases] + ([f"{demonym} {actor.name}"] if demonym else [])
    return replace(actor, name=f"{actor.name} of {with_article(short_name(iso3))}", aliases=tuple(dict.fromkeys(aliases)))


def _country_by_possessor(spans: list[Span], mentions: list[Mention], actors: dict[str, Actor]) -> None:
    """An organization without a country right after a country's possessive or name ("Britain's Defense
    Ministry") takes that country; its sector comes from its words. A state body so named is that state's
    (`_state_body`): "Kenya's High Court" is the High Court of Kenya, also printed "Kenyan High Court"."""
    by_start = {s.start: (s, m) for s, m in zip(spans, mentions, strict=True)}
    moved: dict[str, str] = {}
    for span, m in zip(spans, mentions, strict=True):
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
            actors[new_id] = _state_body(replace(actor, id=new_id, country=owner_actor.country))
            del actors[m.actor]
    if moved:
        mentions[:] = [replace(x, actor=moved.get(x.actor, x.actor)) for x in mentions]
