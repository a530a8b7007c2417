"""Acronyms and expansions of organizations: the project's table (`data/organizations.tsv`), else initials.

The table holds regional blocs, UN bodies, armed groups, intelligence and defence agencies, parties
and media that news names by acronym or short name ("IGAD", "al-Shabaab", "Ansar Allah", "SVR"), each
with its expansions, its country (ISO3; empty for an international body) and its PLOVER sector.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from ..lexicon import table
from .countries import country_word
from .text import bare, fold
from .wordnet import is_dictionary_word

_MINOR = {"of", "the", "and", "for", "on", "in", "to", "de", "du", "la", "&"}


@dataclass(frozen=True)
class KnownOrganization:
    acronym: str
    name: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()


def _apostrophes(form: str) -> str:
    return form.replace("’", "'")


@lru_cache(maxsize=1)
def known() -> dict[str, KnownOrganization]:
    """Folded name, acronym or alias (typographic apostrophes as plain ones) → the organization it denotes."""
    found: dict[str, KnownOrganization] = {}
    for acronym, name, others, country, sector in table("newsgraph.resolve", "organizations.tsv", 5, min_columns=2):
        aliases = tuple(o for o in others.split("|") if o)
        org = KnownOrganization(acronym, name, country or None, sector or None, aliases)
        for form in [acronym, name, *aliases]:
            found.setdefault(_apostrophes(fold(bare(form))), org)
    return found


def lookup(name: str) -> KnownOrganization | None:
    """The table's organization for a name as printed ("the Houthis", "Hay’at Tahrir al-Sham"), or None; a
    party of the table with the word "party" after its name is that party ("the ZANU-PF party")."""
    key = _apostrophes(fold(bare(name)))
    found = known().get(key)
    if found is None and key.endswith(" party"):
        party = known().get(key.removesuffix(" party"))
        found = party if party is not None and party.sector == "PTY" else None
    return found


def initials(name: str) -> str | None:
    """'North Atlantic Treaty Organization' -> 'NATO'; None for names of fewer than 3 words."""
    words = [w for w in re.split(r"[\s\-]+", bare(name)) if w and w.lower() not in _MINOR]
    if len(words) < 3 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def org_key(name: str) -> str:
    """The identity of an organization name: table entry, else acronym (given or derived), else folded name."""
    surface = bare(name)
    hit = lookup(surface)
    if hit:
        return fold(hit.acronym)
    if is_acronym(surface):
        return fold(surface.replace(".", ""))
    return fold(initials(surface) or surface)


def _initials_of(name: str, lowercase: bool = True) -> list[str]:
    """Initials of a name's words, minor words left out; `lowercase=False` also leaves out the lowercase
    words of a transliterated name ("Tehreek-e-Insaf", "al-Islam wal-Muslimin")."""
    return [w[0].upper() for w in re.split(r"[\s\-]+", bare(name))
            if w and w.lower() not in _MINOR and w[0].isalpha() and (lowercase or w[0].isupper())]


def _spellings(name: str) -> list[list[str]]:
    """The initials an acronym of `name` may spell: all its words, its capitalised words, and either without
    a closing "of <Country>" ("Constitutional Democratic Party of Japan (CDP)")."""
    names = [name]
    head, of, tail = name.rpartition(" of ")
    if of and country_word(tail.removeprefix("the ")) is not None:
        names.append(head)
    return [_initials_of(n, lowercase) for n in names for lowercase in (True, False)]


def _defines(acronym: str, name: str) -> bool:
    """Can `acronym` stand for `name`? Its letters are the initials of the name's words, in order, or in
    any order for a name translated from another language ("National Electoral Institute (INE)")."""
    letters = sorted(acronym.replace(".", "").upper())
    return any(len(initials) >= 2 and letters == sorted(initials) for initials in _spellings(name))


def _foreign_acronym(acronym: str, name: str) -> bool:
    """An acronym in brackets right after an organization's English name that spells the initials of its
    name in the organization's own language ("the Croatian Democratic Union (HDZ)", "the Self-Determination
    Movement (LVV)"): news style defines it so (AP Stylebook, "abbreviations and acronyms": an acronym
    readers would not know goes in parentheses after the full name). Three to six letters, so that a
    bracketed two-letter tag or a country ("(UK)", "(US)") defines nothing."""
    letters = acronym.replace(".", "")
    return 3 <= len(letters) <= 6 and len(name.split()) >= 2 and country_word(letters) is None


def acronym_definitions(names: list[tuple[str, str | None]]) -> dict[str, str]:
    """Acronym → the organization name it stands for in one article, from `names`: (a several-word
    organization name, the acronym printed in brackets right after it or None). An acronym in brackets
    after a name whose initials it spells defines it ("the Democratic Alliance (DA)"; Schwartz & Hearst
    2003, "A simple algorithm for identifying abbreviation definitions"), as does one of another language
    (`_foreign_acronym`). Initials alone define nothing here: "GDP" would become the "Georgian Dream
    Party" of a story that names it (`initials_in_article` admits them under stricter conditions). The
    organization table's acronyms are not redefined."""
    out: dict[str, str] = {}
    for name, bracketed in names:
        if bracketed and is_acronym(bracketed) and lookup(bracketed) is None \
                and (_defines(bracketed, name) or _foreign_acronym(bracketed, name)):
            out.setdefault(bracketed.replace(".", ""), name)
    return out


def initials_in_article(acronyms: set[str], names: list[str]) -> dict[str, str]:
    """Acronym → organization name for acronyms the article prints without defining them ("the New
    Patriotic Party ... the NPP said") when the initials of exactly one of its organization names of three
    words or more spell it in order. An acronym that is also an English word in WordNet ("GDP", "CEO",
    "PPP") or a table acronym stays apart: "GDP grew" is no "Georgian Dream Party"."""
    out: dict[str, str] = {}
    for acronym in acronyms:
        letters = list(acronym.replace(".", ""))
        if lookup(acronym) is not None or is_dictionary_word(acronym) or country_word(acronym) is not None:
            continue
        spelled = {n for n in names if any(len(i) >= 3 and i == letters for i in _spellings(n))}
        if len(spelled) == 1:
            out[acronym.replace(".", "")] = spelled.pop()
    return out


def _bracketed(spans: list[Span]) -> list[tuple[str, str | None]]:
    """(organization name of two words or more, the token in brackets right after it or None) of an article."""
    names: list[tuple[str, str | None]] = []
    for span in spans:
        if span.label_ != "ORG" or len(span) < 2:
            continue
        doc = span.doc
        inside = doc[span.end + 1] if span.end + 2 < len(doc) and doc[span.end].text == "(" \
            and doc[span.end + 2].text == ")" else None
        names.append((bare(span.text), inside.text if inside is not None else None))
    return names


def bracketed_table_names(spans: list[Span]) -> dict[str, KnownOrganization]:
    """Name → the table organization whose acronym is printed in brackets right after it, when every word of
    the name is a word of the table's name or of one of its aliases ("the National Liberation Army (ELN)" is
    the table's "National Liberation Army of Colombia"; an "Armenian National Congress (ANC)" is not the
    African one): the article itself says which of the bodies so called it means."""
    out: dict[str, KnownOrganization] = {}
    for name, bracketed in _bracketed(spans):
        org = lookup(bracketed) if bracketed and is_acronym(bracketed) else None
        if org is None or lookup(name) is not None:
            continue
        words = set(fold(name).split())
        if any(words <= set(fold(full).split()) for full in (org.name, *org.aliases)):
            out[name] = org
    return out


def article_acronyms(spans: list[Span]) -> dict[str, str]:
    """`acronym_definitions` over an article's organization spans of two words or more, then
    `initials_in_article` for the acronyms NER labelled organizations that no bracket defines."""
    names = _bracketed(spans)
    defined = acronym_definitions(names)
    loose = {bare(s.text) for s in spans if s.label_ == "ORG" and is_acronym(bare(s.text))} - set(defined)
    return defined | initials_in_article(loose, [name for name, _ in names])
