"""A description asked as a name (`newsgraph resolve`): honorific forms, offices and institutions → an actor.

The same rules the article resolvers apply, for a name without its article:

- an honorific and a family name ("Mr. Trump", "Mrs. Clinton") → the one person of the actor table
  with that family name and an agreeing gender (`people.known_person` at the date, else the only
  such person in the table);
- an office with its owner ("the Russian president", "NATO chief", "Brazil's top economic
  adviser") → the holder at the date (`knowledge.holder`), else a role actor with the owner's
  country, keyed as the article resolver keys it (`role:<owner id>:<description>`, `roles._role_actor`);
- an office without an owner ("the president") → its holder in the country `context` names, else
  the office itself as a role (type PERSON, no country): which president is for the context to say;
- an institution of a state ("the French embassy", "Russia's defence ministry") → `<institution> of
  <country>`, or the state itself for a government or regime.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.descriptors import role_words
from .countries import country_word, short_name, with_article
from .ids import actor_id
from .institutions import institutions, state_names
from .knowledge import Entry, builtin
from .organizations import lookup, org_key
from .people import known_person
from .person_names import given_name_gender, honorific_gender, parse
from .places import seat_of_power
from .roles import named_offices, phrase_role, role_class, role_of
from .sectors import GENERIC_OFFICERS, sector_of
from .text import fold

_WORD = re.compile(r"[^\W\d_][\w.'’\-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")
_DETERMINERS = {"the", "a", "an", "this", "that"}


@dataclass(frozen=True)
class Described:
    """What a description resolves to (the fields of `names.Resolved`)."""

    key: str
    name: str
    type: str
    country: str | None
    sector: str | None
    role: str | None = None
    of: str | None = None
    how: str = "rules"


def honorific_person(surface: str, date: str | None) -> Described | None:
    """"Mr. Trump", "Mrs. Clinton": the table's person of that family name and gender (see the module docstring)."""
    parts = parse(surface)
    gender = next((g for t in parts.titles if (g := honorific_gender(t))), None)
    if gender is None or parts.given or not parts.family:
        return None
    person = known_person(parts.family, gender, date)
    if person is None:
        family = fold(parts.family)
        named = {fold(e.name): e for e in builtin().entries if e.type == "PERSON" and len(e.name.split()) > 1
                 and fold(e.name.split()[-1]) == family and given_name_gender(e.name) in {gender, None}}
        if len(named) != 1:
            return None
        name = next(iter(named.values())).name
    else:
        name = person.name
    entry = builtin().lookup(name, date)
    return Described(f"person:{fold(name)}", name, "PERSON", entry.country if entry else None,
                     entry.sector if entry else None, entry.role if entry else None, entry.of if entry else None,
                     "knowledge")


def _words(surface: str) -> list[str]:
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(surface)]


def _owner(words: list[str]) -> tuple[str | None, str | None, int, int]:
    """(ISO3, organization acronym, first index, end index) of the first country, seat, state name or table
    organization among the words (up to three words: "United States", "White House")."""
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i + n > len(words) or not words[i + n - 1][:1].isupper():
                continue
            gram = " ".join(words[i:i + n])
            if (iso := country_word(gram) or (state_names().get(fold(gram)) or (None,))[0]):
                return iso, None, i, i + n
            seat = seat_of_power(gram)
            if seat is not None and words[i][:1].isupper():
                # a legislature's or army's seat is that body, not the state's government
                return seat.country, None if seat.sector == "GOV" else gram, i, i + n
            org = lookup(gram)
            if org is not None:
                return org.country, org.acronym, i, i + n
    return None, None, -1, -1


def _holder(role: str, country: str | None, org: str | None, date: str | None) -> Entry | None:
    key_role = "head" if role_class(role) == "leader" else role
    kb = builtin()
    if org is None and country and role in named_offices():  # "Russia's prime minister": no other leader
        entry = kb.holder(role, country, None, date)
        return entry if entry is not None and fold(entry.role or "") in {role, *named_offices()[role]} else None
    return kb.holder(key_role, country if org is None else None, org, date) or (
        kb.holder(role, country if org is None else None, org, date) if key_role != role else None)


def office(surface: str, date: str | None, context_country: str | None = None) -> Described | None:
    """An office with or without its owner (see the module docstring); None when no role word is in it, when
    words other than the office's own are left over without an owner, or when "of" names something else
    than the owner ("President of the Chadian Human Rights League")."""
    words = [w for w in _words(surface) if fold(w) not in _DETERMINERS]
    country, org, at, end = _owner(words)
    rest = [fold(w) for k, w in enumerate(words) if not at <= k < end]
    role = " ".join(rest) if " ".join(rest) in builtin().by_role else role_of(rest)  # "secretary of state"
    if role is None or any(fold(w) in institutions() for w in rest[-1:]):
        return None
    role = phrase_role(surface, role) or role  # "army chief", "former president": not the head of state
    if "of" in rest and rest.index("of") < len(rest) - 1 and role != " ".join(rest):
        return None  # "of" names something else than the owner
    if country is None and org is None:
        if any(w not in role_words() for w in rest):
            return None  # "Chief Minister Jam Kamal Khan": a name, not an office alone
        country = context_country
    entry = _holder(role, country, org, date) if (country or org) else None
    if entry is not None:
        return Described(f"person:{fold(entry.name)}", entry.name, "PERSON", entry.country, entry.sector,
                         entry.role, entry.of, "knowledge")
    label = " ".join(rest) if role == " ".join(rest) else " ".join(w for w in rest if w != "of")
    table_org = lookup(org) if org else None
    # the president or spokesman of a body is of that body's sector ("president of the Riigikogu": LEG)
    sector = table_org.sector if table_org and role in GENERIC_OFFICERS else sector_of(label)
    if country is None and org is None:
        return Described(f"role::{label}", label, "PERSON", None, sector, role, None, "role")
    owner_id = actor_id(f"org:{org_key(org)}") if org else actor_id(f"country:{country}")
    owner_name = table_org.name if table_org else org or short_name(country or "")
    return Described(f"role:{owner_id}:{label}", f"{owner_name}'s {label}", "PERSON", country, sector, role,
                     org or country, "role")


def institution(surface: str) -> Described | None:
    """"The French embassy", "Russia's defence ministry": an institution of a state, or the state itself."""
    words = [w for w in _words(surface) if fold(w) not in _DETERMINERS]
    country, org, at, end = _owner(words)
    if country is None or org is not None:
        return None
    found = institutions().get(" ".join(fold(w) for k, w in enumerate(words) if not at <= k < end))
    if found is None:
        return None
    if found.kind == "state":
        return Described(f"country:{country}", short_name(country), "GPE", country, None, how="metonym")
    return Described(f"org:{country.lower()} {fold(found.canonical)}",
                     f"{found.canonical} of {with_article(short_name(country))}",
                     "ORG", country, found.sector, how="rules")


def described(surface: str, date: str | None, context_country: str | None = None) -> Described | None:
    """The first of honorific person, institution, office that applies to `surface`."""
    return honorific_person(surface, date) or institution(surface) or office(surface, date, context_country)


def described_id(found: Described) -> str:
    return actor_id(found.key)
