"""Country names, codes and demonyms → ISO3, through country_converter plus a demonym table.

country_converter's regular expressions know names ("the Russian Federation", "DPRK") and
some adjectives; `data/demonyms.tsv` adds the demonyms they miss ("American", "Chinese"). A state with
limited recognition and no code of its own (`data/limited_recognition.tsv`: "Somaliland", "Transnistria") is
no country here, though country_converter's patterns read "Somaliland" as Somalia: it stays its own actor.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from ..lexicon import mapping
from .text import bare, fold

_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    import country_converter as coco  # deferred: it imports pandas

    return coco.CountryConverter()


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym (singular and plural) → ISO3."""
    table: dict[str, str] = {}
    for line in (_DATA / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, iso3 = line.split("\t")
        key = fold(word)
        table[key] = iso3
        table.setdefault(key + "s", iso3)
        if key.endswith("man"):
            table.setdefault(key[:-3] + "men", iso3)
    return table


@lru_cache(maxsize=1)
def limited_recognition() -> dict[str, str]:
    """Folded name of a state with limited recognition and no ISO code → ISO3 of the state claiming it."""
    return {fold(name): iso3 for name, iso3 in mapping("newsgraph.resolve", "limited_recognition.tsv", lower=False).items()}


@lru_cache(maxsize=65536)
def demonym_of(iso3: str) -> str | None:
    """The country's adjective as the demonym table first gives it ("Omani", "Chinese"), for printing
    an institution the way news names it ("the Omani foreign ministry"); None when the table has none."""
    return _first_demonyms().get(iso3)


@lru_cache(maxsize=1)
def _first_demonyms() -> dict[str, str]:
    first: dict[str, str] = {}
    for line in (_DATA / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, iso3 = line.split("\t")
            first.setdefault(iso3, word)
    return first


# The longest country name country_converter knows is under 60 characters. Its regular expressions
# take time that grows with the square of the input (2,000 characters: about 1.3 s), so a longer
# string is answered None without them: no caller's text, however long, can stall the resolver.
MAX_COUNTRY_NAME_CHARS = 80


@lru_cache(maxsize=65_536)
def iso3_of(name: str) -> str | None:
    """ISO3 of a country name, code or demonym; None when it is not one (or is longer than any country name)."""
    key = fold(bare(name))
    if not key or len(name) > MAX_COUNTRY_NAME_CHARS or key in limited_recognition():
        return None
    if key in demonyms():
        return demonyms()[key]
    result = _converter().convert(bare(name), to="ISO3", not_found=None)
    if isinstance(result, str) and len(result) == 3 and result.isupper() and result != bare(name):
        return result
    if isinstance(result, str) and result == bare(name) and len(result) == 3 and _is_iso3(result):
        return result
    return None


def is_demonym(name: str) -> bool:
    return fold(bare(name)) in demonyms()


@lru_cache(maxsize=1)
def _iso3_codes() -> frozenset[str]:
    return frozenset(str(c) for c in _converter().data["ISO3"])


def _is_iso3(code: str) -> bool:
    return code in _iso3_codes()


@lru_cache(maxsize=512)
def short_name(iso3: str) -> str:
    """The country's common English short name ('Russia', 'North Korea')."""
    name = _converter().convert(iso3, src="ISO3", to="name_short", not_found=None)
    return name if isinstance(name, str) else iso3


_EXTRA_NAMES = {"uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR", "us": "USA",
                "u.s.": "USA", "u.s": "USA", "usa": "USA", "america": "USA", "united states": "USA",
                "the united states": "USA", "south korea": "KOR", "north korea": "PRK", "dprk": "PRK", "rok": "KOR",
                "russia": "RUS", "iran": "IRN", "syria": "SYR", "vietnam": "VNM", "laos": "LAO", "taiwan": "TWN",
                "palestine": "PSE", "kosovo": "XKX", "czech republic": "CZE", "czechia": "CZE", "turkey": "TUR",
                "turkiye": "TUR", "ivory coast": "CIV", "burma": "MMR", "holland": "NLD", "prc": "CHN", "uae": "ARE",
                "bosnia": "BIH", "congo": "COD", "drc": "COD", "moldova": "MDA", "bolivia": "BOL", "venezuela": "VEN",
                "tanzania": "TZA"}


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Folded country names (short and official), codes and demonyms → ISO3: an exact-match table."""
    table = dict(_EXTRA_NAMES)
    data = _converter().data
    for short, official, iso3 in zip(data["name_short"], data["name_official"], data["ISO3"], strict=True):
        if isinstance(iso3, str) and len(iso3) == 3:
            table.setdefault(fold(str(short)), iso3)
            table.setdefault(fold(str(official)), iso3)
    for word, iso3 in demonyms().items():
        table.setdefault(word, iso3)
    return table


@lru_cache(maxsize=65536)
def country_word(name: str) -> str | None:
    """ISO3 when `name` is exactly a country name, code or demonym (no regular expressions: fast)."""
    surface = bare(name)
    hit = _names().get(fold(surface))
    if hit:
        return hit
    if surface.isupper() and len(surface) == 3 and _is_iso3(surface):
        return surface
    return None


_DEFINITE = re.compile(r"\b(?:United|Republic|Kingdom|Islands|Federation|Emirates|Netherlands|Philippines|Bahamas|"
                       r"Maldives|Comoros|Seychelles|Gambia)\b")


def with_article(name: str) -> str:
    """A country's short name as it follows "of": with "the" for plural names and names of a union, republic,
    kingdom or islands ("the United Kingdom", "the Philippines", "the Czech Republic"; "Russia", "Iran")."""
    return f"the {name}" if _DEFINITE.search(name) and not name.startswith("the ") else name
