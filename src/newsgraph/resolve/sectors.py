"""PLOVER sector of a name or description from its words (data/sectors.tsv).

After the agent dictionaries of CAMEO/PLOVER (Schrodt 2012; Halterman et al. 2023): the head of
an English noun phrase comes last, so the rightmost sector word before a preposition decides
("Kyiv police" COP, "Norway's central bank" GOV, "Deputy Minister of Defense ..." GOV); a
"former"/"retired" official is ELI; without a sector word in the head, one after "of" decides
("members of SANDF").
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .text import fold

_DATA = Path(__file__).parent / "data"
_WORD = re.compile(r"[^\W\d_][\w.'’\-]*|\d+", re.UNICODE)
_PREPOSITIONS = {"of", "to", "in", "for", "at", "from", "with", "on", "who", "that", "which", "named"}
_ELITE = {"former", "retired", "disgraced", "ex", "ex-president", "ousted", "exiled"}
_MAX_PHRASE = 5
# Officers whose sector is that of the body they head or speak for ("X of <body>").
GENERIC_OFFICERS = {"president", "chairman", "chairwoman", "head", "leader", "director", "chief", "spokesman",
                     "spokeswoman", "spokesperson", "official", "officials", "member", "members", "secretary general",
                     "speaker", "representative", "representatives"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in (_DATA / "sectors.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, sector = line.split("\t")[:2]
            table[fold(phrase)] = sector
    return table


def words(text: str) -> list[str]:
    return [fold(w).replace("’", "'") for w in _WORD.findall(text)]


def _match(ws: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, sector) of the longest lexicon phrases, left to right."""
    table, found, i = lexicon(), [], 0
    while i < len(ws):
        for n in range(min(_MAX_PHRASE, len(ws) - i), 0, -1):
            phrase = " ".join(ws[i:i + n])
            sector = table.get(phrase) or (table.get(phrase[:-1]) if phrase.endswith("s") and n == 1 else None)
            if sector:
                found.append((i, i + n, sector))
                i += n
                break
        else:
            i += 1
    return found


@lru_cache(maxsize=65536)
def sector_of(text: str) -> str | None:
    """The PLOVER sector a name or description denotes, or None."""
    ws = words(text)
    if not ws:
        return None
    cut = next((i for i, w in enumerate(ws) if w in _PREPOSITIONS and i > 0), len(ws))
    hits = _match(ws)
    head = [h for h in hits if h[0] < cut and h[2] != "ELI"]
    if any(w in _ELITE for w in ws[:cut]) and (head or not hits):
        return "ELI"
    after = [h for h in hits if h[0] > cut and h[2] != "ELI"]
    if after and (any(w in GENERIC_OFFICERS for w in ws[:cut]) or " ".join(ws[:cut][-2:]) in GENERIC_OFFICERS):
        return after[-1][2]  # "president of the Riigikogu" is a legislator, "head of the union" labour
    if head:
        return head[-1][2]
    rest = [h for h in hits if h[2] != "ELI"]
    if rest:
        return rest[-1][2]
    return "ELI" if any(h[2] == "ELI" for h in hits) else None
