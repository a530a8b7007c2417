"""People within an article: full names, lone family names and honorific forms → one person each.

News names a person in full once ("Hillary Rodham Clinton", "Maia Sandu") and then by family
name, with or without an honorific ("Mrs. Clinton", "Sandu"). Full names whose given and family
names agree are one person ("Hillary Rodham Clinton" = "Hillary Clinton"; the shorter form gives the
key), and a middle initial makes no other person (`person_names.NameParts.key`). A lone family name
joins the article's full name with that family name (or, for family-name-first names, that first
word: "Yoon" for "Yoon Suk Yeol") whose gender agrees with the honorific before it, the nearest
before it first: with Bill and Hillary Clinton in one article, "Mrs. Clinton" is Hillary and
"Mr. Clinton" Bill (and the table's Bill Clinton when the article names only Hillary). A lone name the
article never spells out joins the one person of the project's
actor table with that family name and an agreeing gender, when that person held an office within
`KNOWN_FIGURE_YEARS` of the article's date (a public figure then: "Mr. Trump" in a 2016 article); in
an undated article, when that person holds an office that has not ended.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from .knowledge import Entry, builtin
from .person_names import NameParts, family_words, given_name_gender, honorific_gender, is_initial, parse, spelling_key
from .text import fold

KNOWN_FIGURE_YEARS = 4  # a presidential term: how far from an office a name still points to its holder


@dataclass(frozen=True)
class Person:
    key: str  # canonical key, "person:..."
    name: str  # display name
    gender: str | None
    firm: bool = False  # the gender comes from an honorific, not only from a given name


def honorific_before(span: Span) -> str | None:
    """Gender said by an honorific right before the name ("Mrs." in "Mrs. Clinton"), else None."""
    i = span.start - 1
    while i >= 0 and span.doc[i].text == ".":
        i -= 1
    return honorific_gender(span.doc[i].text) if i >= 0 else None


def _entry_for(name: str) -> Entry | None:
    found = builtin().by_name.get(fold(name))
    return next((e for e in found if e.type == "PERSON"), None) if found else None


def canonical(parts: NameParts) -> tuple[str, str]:
    """(key, display name) of a full name: the actor table's entry when it lists this printing (or, for a
    name without middle initials, its key), else the name's own key ("Donald J. Trump" → person:donald
    trump). A middle initial the table does not list is not looked up without it: it may tell two
    people apart ("George H. W. Bush", "George W. Bush")."""
    initials = any(is_initial(w) for w in parts.middle.split())
    entry = _entry_for(parts.name) or (None if initials else _entry_for(parts.key) or _table_spelling(parts))
    if entry:
        return f"person:{fold(entry.name)}", entry.name
    return f"person:{parts.key}", parts.display


def _spelled(parts: NameParts) -> tuple[str, str]:
    """(given name, family name's spelling key): two printings of one name romanized two ways agree on it
    ("Abbas Araghchi", "Abbas Araqchi"; `person_names.spelling_key`)."""
    return fold(parts.given.split()[0]), spelling_key(parts.family) or fold(parts.family)


@lru_cache(maxsize=1)
def _table_by_spelling() -> dict[tuple[str, str], set[str]]:
    """`_spelled` key → the actor table's people (full names) printed so."""
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in builtin().entries:
        if e.type == "PERSON" and len(e.name.split()) >= 2:
            for printed in (e.name, *e.aliases):
                if (parts := parse(printed)).is_full:
                    index[_spelled(parts)].add(e.name)
    return dict(index)


def _table_spelling(parts: NameParts) -> Entry | None:
    """The one table person whose name is this one romanized another way, else None."""
    if not parts.is_full or spelling_key(parts.family) is None:
        return None
    names = _table_by_spelling().get(_spelled(parts), set())
    return _entry_for(next(iter(names))) if len(names) == 1 else None


@lru_cache(maxsize=1)
def _table_by_family() -> dict[str, dict[str, list[Entry]]]:
    """Folded family name → {folded full name: entries} of the people in the actor table."""
    index: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for e in builtin().entries:
        if e.type == "PERSON" and len(e.name.split()) >= 2:
            for printed in (e.name, *e.aliases):  # "Lukashenka" of "Alyaksandr Lukashenka"
                for form in family_words(parse(printed)) if len(printed.split()) >= 2 else ():
                    index[form][fold(e.name)].append(e)
    return {k: dict(v) for k, v in index.items()}


def _years_apart(date: str, entry: Entry) -> float:
    day = dt.date.fromisoformat(date[:10])
    start = dt.date.fromisoformat(entry.valid_from) if entry.valid_from else dt.date.min
    end = dt.date.fromisoformat(entry.valid_to) if entry.valid_to else dt.date.max
    if start <= day < end:
        return 0.0
    return min(abs((day - start).days), abs((day - end).days)) / 365.25 if start != dt.date.min or end != dt.date.max else 0.0


def known_person(family: str, gender: str | None, date: str | None) -> Person | None:
    """The one person of the actor table with this family name (or that of an alias) and an agreeing gender,
    when a public figure around `date` (see the module docstring); None when unknown or ambiguous."""
    people = _table_by_family().get(fold(family), {})
    fits = {name: entries for name, entries in people.items()
            if gender is None or given_name_gender(entries[0].name) in {gender, None}}
    if len(fits) != 1:
        return None
    entries = next(iter(fits.values()))
    try:
        near = any(e.valid_to is None if date is None else _years_apart(date, e) <= KNOWN_FIGURE_YEARS
                   for e in entries if e.role)
    except ValueError:
        return None
    if not near:
        return None
    name = entries[0].name
    return Person(f"person:{fold(name)}", name, gender or given_name_gender(name), gender is not None)


def table_person(family: str, gender: str | None) -> Person | None:
    """The only person of the actor table with this family name and gender, whatever the date."""
    if gender is None:
        return None
    people = {name: entries for name, entries in _table_by_family().get(fold(family), {}).items()
              if given_name_gender(entries[0].name) == gender}
    if len(people) != 1:
        return None
    name = next(iter(people.values()))[0].name
    return Person(f"person:{fold(name)}", name, gender, True)


def _longer_name(parts: NameParts, people: dict[tuple[str, str], Person]) -> Person | None:
    """The person of a longer full name of the article that ends with all the words of this one: "Le Pen",
    "von der Leyen", "Lula da Silva" (a family name with a particle, or a name without its first given
    names) after "Marine Le Pen", "Ursula von der Leyen", "Luiz Inacio Lula da Silva". One such person only."""
    words = parts.key.split()
    hits = {p.key: p for p in people.values() if len(p.key.split()) > len(words)
            and p.key.removeprefix("person:").split()[-len(words):] == words}
    return next(iter(hits.values())) if len(hits) == 1 else None


def _nickname(text: str) -> Person | None:
    """The actor table's person a one-word name is an alias of ("Hemedti", "Jokowi", "Prachanda"): a name the
    table lists for one person only, so it holds at any date."""
    if " " in text.strip():
        return None
    found = {e.name for e in builtin().by_name.get(fold(text), []) if e.type == "PERSON"}
    if len(found) != 1:
        return None
    name = found.pop()
    return Person(f"person:{fold(name)}", name, given_name_gender(name))


@dataclass
class _Full:
    start: int
    parts: NameParts
    person: Person


def _family_agrees(word: str, parts: NameParts) -> bool:
    """Is the folded lone name `word` this full name's family name, as printed or romanized another way?"""
    forms = family_words(parts)
    if word in forms:
        return True
    key = spelling_key(word)
    return key is not None and key in {spelling_key(f) for f in forms}


def _at(position: str, word: str, parts: NameParts) -> bool:
    """Is the folded lone name `word` this full name's family name, first given name, or (a name of four
    letters or more) one of its middle names ("Lula" of "Luiz Inacio Lula da Silva")?"""
    if position == "family":
        return _family_agrees(word, parts)
    if position == "first":
        return fold(parts.given.split()[0]) == word
    return len(word) > 3 and word in fold(parts.middle).split()


class PeopleIndex:
    """The article's full names, built once; answers who a personal name span denotes."""

    def __init__(self, spans: list[Span], date: str | None) -> None:
        self.date = date
        groups: dict[tuple[str, str], list[tuple[Span, NameParts]]] = defaultdict(list)
        for span in spans:
            if span.label_ != "PERSON":
                continue
            parts = parse(span.text)
            if parts.is_full:
                groups[_spelled(parts)].append((span, parts))
        self.full: list[_Full] = []
        self.by_span: dict[tuple[int, int], Person] = {}
        people: dict[tuple[str, str], Person] = {}
        for group, members in sorted(groups.items(), key=lambda g: -max(len(p.key.split()) for _, p in g[1])):
            shortest = min((p for _, p in members), key=lambda p: (len(p.key.split()), p.key))
            key, name = canonical(shortest)
            said = next((g for s, _ in members if (g := honorific_before(s))), None) or \
                next((p.honorific_gender for _, p in members if p.honorific_gender), None)
            person = _longer_name(shortest, people) or Person(key, name, said or shortest.gender, said is not None)
            people[group] = person
            for span, parts in members:
                self.full.append(_Full(span.start_char, parts, person))
                self.by_span[(span.start_char, span.end_char)] = person
        self.full.sort(key=lambda f: f.start)

    def full_name(self, span: Span) -> Person | None:
        return self.by_span.get((span.start_char, span.end_char))

    def printed(self, surface: str) -> Person | None:
        """The person of the article's full name printed exactly so, or of the actor table's person of that
        name: a name NER labelled an organization elsewhere ("the Government Gustavo Petro refused")."""
        parts = parse(surface)
        if not parts.is_full or parts.titles:
            return None
        found = next((f.person for f in self.full if f.parts.key == parts.key or _spelled(f.parts) == _spelled(parts)),
                     None) or _longer_name(parts, {(f.person.key, ""): f.person for f in self.full})
        if found is None and _entry_for(surface) is not None:
            key, name = canonical(parts)
            found = Person(key, name, given_name_gender(name))
        return found

    def _two_people(self, word: str) -> bool:
        """Is the folded lone name `word` the first given name of two of the article's people ("David" after
        "David Ochieng" and "David Kamau")? Such a name joins neither: which one is meant is a guess. A first
        name that is another person's family name goes on joining the family name (checked first in `lone`):
        leaving it unjoined too lowered GUM b3 0.769 -> 0.762."""
        return len({f.person.key for f in self.full if _at("first", word, f.parts)}) > 1

    def lone(self, span: Span, knowledge: bool = True) -> Person | None:
        """The person a family name (with or without an honorific) denotes, or None; with `knowledge`
        False only the article's own full names are asked, not the actor table."""
        parts = parse(span.text)
        gender = honorific_before(span) or next((honorific_gender(t) for t in parts.titles if honorific_gender(t)), None)
        word = fold(parts.family or span.text)
        if not word:
            return None
        if self._two_people(word):
            return None
        for position in ("family", "first", "middle"):
            named = [f for f in self.full if _at(position, word, f.parts)]
            fits = [f for f in named if gender is None or f.person.gender in {gender, None}]
            if not fits and named and knowledge and (table := table_person(parts.family or span.text, gender)):
                return table  # "Mr. Clinton" in an article that names only Hillary Clinton
            # An honorific overrules a gender read from a given name alone, not another honorific.
            fits = fits or [f for f in named if not f.person.firm]
            if fits:
                before = [f for f in fits if f.start < span.start_char]
                return (before[-1] if before else fits[0]).person
        if not knowledge:
            return None
        return _nickname(span.text) or known_person(parts.family or span.text, gender, self.date)
