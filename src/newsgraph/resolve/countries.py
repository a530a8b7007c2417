"""Country names, codes and demonyms → ISO3, through country_converter plus a demonym table.

country_converter's regular expressions know names ("the Russian Federation", "DPRK") and
some adjectives; `data/demonyms.tsv` adds the demonyms they miss ("American", "Chinese").
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=65536)
def iso3_of(name: str) -> str | None:
    """ISO3 of a country name, code or demonym; None when it is not one."""
    key = fold(bare(name))
    if not key:
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
