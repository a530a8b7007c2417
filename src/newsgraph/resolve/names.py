"""One name (with a date and some context) → the actor it denotes: `newsgraph resolve` and the NGEC scorer.

Order of evidence: the knowledge (user dictionaries first, then the project's table), valid at
the date; the organization table; a description (`descriptions.py`: an honorific form such as
"Mr. Trump", an institution of a state, an office such as "NATO chief" or "the president", whose
holder at the date the table knows, else a role); a seat of power or capital (a government, GOV); a country or
demonym; an organization or group named after a country, city or region (its country through the
gazetteer) with the sector its words give; a description ("Defense Minister", "soldiers") with a
sector only. A name none of these decides (an unknown person, "a cat") resolves to None.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from .countries import country_word, iso3_of, short_name
from .descriptions import described, described_id
from .ids import actor_id
from .knowledge import Knowledge, builtin, today
from .organizations import is_acronym, lookup, org_key
from .places import place_country, place_country_in_name, seat_of_power
from .sectors import sector_of
from .text import bare, fold

_TOKEN = re.compile(r"[^\W\d_][\w.'’\-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")
_AFFIXED = re.compile(r"-(?=(?:based|led|backed|born|run|owned|allied|linked|made)\b)")
_DETERMINERS = {"the", "a", "an", "two", "three", "several", "some", "many", "over", "members", "group"}
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "we", "i", "you"}
# Words after which a capitalised name is a person title, not a place ("President Solih").
_PERSON_TITLES = {"president", "minister", "prime", "senator", "governor", "mayor", "king", "queen", "general",
                  "chancellor", "secretary", "ambassador", "chief", "deputy", "lt.", "gen.", "colonel", "dr.", "mr.", "mrs."}


@dataclass(frozen=True)
class Resolved:
    """What a name denotes: the JSON of `newsgraph resolve`."""

    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    role: str | None = None
    of: str | None = None
    how: str = "rules"

    def to_dict(self) -> dict:
        return asdict(self)


def _actor_id(key: str) -> str:
    return actor_id(key)


def _ngrams(text: str, n_max: int = 4) -> list[str]:
    """Capitalised n-grams of a text, longest first (candidates for countries, places, organizations)."""
    toks = [_POSSESSIVE.sub("", t) for t in _TOKEN.findall(_AFFIXED.sub(" ", text))]
    grams: list[str] = []
    for n in range(min(n_max, len(toks)), 0, -1):
        for i in range(len(toks) - n + 1):
            gram = toks[i:i + n]
            if gram[0][:1].isupper() and gram[-1][:1].isupper():
                grams.append(" ".join(gram))
    return grams


@lru_cache(maxsize=65536)
def country_in(text: str) -> tuple[str | None, str | None]:
    """(ISO3, how) of a country named inside a text: country or demonym, else a place in the gazetteer."""
    grams = _ngrams(text)
    for gram in grams:
        if (iso := country_word(gram)) and (len(gram) > 3 or gram.isupper()):
            return iso, "country"
    for gram in grams:
        seat = seat_of_power(gram)
        if seat:
            return seat.country, "seat"
        if (iso := place_country_in_name(gram) if len(grams) > 1 else place_country(gram)):
            return iso, "place"
    return None, None


def cameo_country(name: str, country: str | None, sector: str | None, of: str | None = None) -> str | None:
    """The CAMEO/PLOVER country code of an actor: ISO3, or UNO/EUR/IGO for international organizations
    (also for a body or group of one: `of` names the organization)."""
    if country:
        return country
    if of and sector != "IGO":
        name, sector = of, "IGO"
    if sector != "IGO":
        return None
    key = fold(name)
    if "united nations" in key or key.startswith(("un ", "u.n.")) or org_key(name) in {"un", "unsc", "icj", "iaea", "who", "unicef", "unhcr", "wfp"}:
        return "UNO"
    if "european" in key or org_key(name) == "eu":
        return "EUR"
    return "IGO"


def resolve_name(name: str, date: str | None = None, context: str | None = None,
                 knowledge: Knowledge | None = None, table: bool = True) -> Resolved | None:
    """The actor a name denotes at a date, or None for a non-actor (see the module docstring).

    `knowledge`: a user dictionary, consulted first; `table=False` leaves out the project's own
    actor table (data/actors.tsv), to measure what the rules alone decide. Longer than 60 lines because
    it is the ordered list of evidence, one short step per source, meant to be read top to bottom."""
    surface = bare(name.strip().strip(",.;:"))
    if not surface or not any(c.isalpha() for c in surface):
        return None
    key = fold(surface)
    if key in _PRONOUNS:
        return None
    for kb in (knowledge, builtin() if table else None):
        if kb is None:
            continue
        entry = kb.lookup(surface, date) or _title_stripped(kb, surface, date)
        if entry:
            titled = sector_of(surface) if fold(entry.name) != key else None
            if titled and titled != "ELI" and entry.sector == "ELI":
                entry = replace(entry, sector=titled)  # "Minister X": the text itself says X is in office
            org_like = entry.type != "PERSON"
            k = f"org:{org_key(entry.name)}" if org_like else f"person:{fold(entry.name)}"
            return Resolved(_actor_id(k), entry.name, entry.type, entry.country, entry.sector, entry.role, entry.of,
                            "dictionary" if entry.source != "newsgraph" else "knowledge")
    org = lookup(surface)
    if org:
        return Resolved(_actor_id(f"org:{fold(org.acronym)}"), org.name, "ORG", org.country, org.sector,
                        how="organization")
    found = described(surface, date or today(), country_in(context)[0] if context else None) if table else None
    if found is not None:
        return Resolved(described_id(found), found.name, found.type, found.country, found.sector, found.role,
                        found.of, found.how)
    seat = seat_of_power(surface)
    if seat and not iso3_of(surface):
        return Resolved(_actor_id(f"country:{seat.country}"), short_name(seat.country), "GPE", seat.country, seat.sector,
                        how="metonym")
    iso = iso3_of(surface) if sector_of(surface) is None else None
    if iso and (len(surface) > 3 or surface.isupper()):
        return Resolved(_actor_id(f"country:{iso}"), short_name(iso), "GPE", iso, None, how="country")
    sector = sector_of(surface)
    words = surface.split()
    # An organization inside the name ("members of SANDF", "Kurdish-led Syrian Democratic Forces").
    inner = next((org for g in _ngrams(surface) if (org := lookup(g))), None)
    country, how = country_in(surface)
    if how == "place" and _looks_like_person(surface):
        country, how = None, None  # "Adam Curtis Brown" is no one from Adam (Oman)
    of = None
    if inner:
        country = country or inner.country
        sector = sector or inner.sector
        of = inner.name if inner.sector == "IGO" and not inner.country else None  # "EU legislators": of the EU
    if country is None and context:
        country = country_in(context)[0]
        sector = sector or sector_of(context) if not sector else sector
    if how == "place" and not sector and len(words) <= 3 and place_country(surface):
        sector = "CVL"  # a city or region named as an actor: its people (PLOVER codes it so)
    if not country and not sector:
        return None
    if _looks_like_person(surface) and not sector and not inner:
        return None
    type_ = "ORG" if inner or (sector and sector not in {"CVL", "ELI"} and not _looks_like_person(surface)) else "NORP"
    if how == "place" and place_country(surface):
        type_ = "GPE"
    k = f"org:{org_key(inner.name)}" if inner else f"agent:{country or ''}:{sector or ''}:{key}"
    return Resolved(_actor_id(k), inner.name if inner and not of else surface, type_, country, sector, of=of, how="rules")


def _title_stripped(kb: Knowledge, surface: str, date: str | None):  # type: ignore[no-untyped-def]
    """Knowledge for a name after a title ("French Foreign Minister Jean-Yves Le Drian", "Lt. Gen. X")."""
    tokens = surface.replace(",", " ").split()

    def name_like(words: list[str]) -> bool:
        part = " ".join(words)
        return all(w[:1].isupper() for w in words) and sector_of(part) is None and not country_word(part) and \
            (len(words) >= 2 or bool(kb.surnames.get(fold(part))))

    def title_like(words: list[str]) -> bool:
        part = " ".join(words)
        return bool(sector_of(part) or any(fold(w).strip(".") in _PERSON_TITLES for w in words) or country_in(part)[0])

    for i in range(1, len(tokens)):
        if title_like(tokens[:i]) and name_like(tokens[i:]) and (entry := kb.lookup(" ".join(tokens[i:]), date)):
            return entry
    for i in range(len(tokens) - 1, 1, -1):  # "Jane Roe, Taiwan's deputy foreign minister"
        if title_like(tokens[i:]) and name_like(tokens[:i]) and (entry := kb.lookup(" ".join(tokens[:i]), date)):
            return entry
    return None


def _looks_like_person(surface: str) -> bool:
    """Two to four capitalised words that are no country, place or organization: a personal name."""
    words = surface.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or is_acronym(surface):
        return False
    if any(fold(w) in _PERSON_TITLES for w in words) or sector_of(surface):
        return False
    return not (any(country_word(w) for w in words) or place_country(surface) or seat_of_power(surface))
