"""Datelines, agency tags, photo credits, bylines and "read more" lines: text that names without acting.

"PARIS (AP) —", "NAIROBI, Kenya —", "GENEVA:", "(Reuters) -", "(Photo: Jane Doe/Reuters)",
"By Jane Doe and John Roe", "(Reporting by ...; Editing by ...)": a city, an agency or a
photographer named there is no actor of the story and never its speaker (AP Stylebook,
"datelines"; Reuters Handbook, "bylines"). The patterns are data (`data/zones.tsv`); one more form,
a city in capitals followed by a colon at a paragraph's start ("GENEVA:"), is a dateline only when
the gazetteer knows a city of that name of 100,000 people or more (or a capital or country), so a
transcript's speaker label ("TRUMP:") or an exclamation ("BOOM:") is not taken for one.

    >>> [kind for _, _, kind in non_text_zones("PARIS (AP) — The minister said ...")]
    ['dateline']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import table
from .countries import country_word
from .places import place_country, place_population, seat_of_power

CITY_MIN_POPULATION = 100_000  # a colon dateline names a city this large ("GENEVA:"), not "BOOM:"

_COLON_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]+){0,2})(?:,[ \t]+[A-Z][\w.'’\-]*)?[ \t]*:(?=[ \t])",
                             re.MULTILINE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(pattern, re.MULTILINE)) for kind, pattern in table("newsgraph.resolve", "zones.tsv", 2))


def _is_place(name: str) -> bool:
    title = name.title()
    return bool(place_country(title) or seat_of_power(title) or country_word(title))


def non_text_zones(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every dateline, agency tag, credit, byline and "read more" line, by start."""
    found = [(m.start(), m.end(), kind) for kind, pattern in _patterns() for m in pattern.finditer(text)
             if "place" not in pattern.groupindex or _is_place(m.group("place"))]
    for m in _COLON_DATELINE.finditer(text):
        place = m.group(1).title()
        if seat_of_power(place) or country_word(place) or place_population(place) >= CITY_MIN_POPULATION:
            found.append((m.start(), m.end(), "dateline"))
    return sorted(found)


@dataclass
class Zones:
    """The zones of one text, for fast "is this span inside one?" questions."""

    spans: list[tuple[int, int, str]]

    @classmethod
    def of(cls, text: str) -> Zones:
        return cls(_merged(non_text_zones(text)))

    def covers(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside a zone."""
        i = bisect_right([s for s, _, _ in self.spans], start) - 1
        return i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]


def _merged(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if out and start <= out[-1][1]:
            s, e, k = out[-1]
            out[-1] = (s, max(e, end), k)
        else:
            out.append((start, end, kind))
    return out
