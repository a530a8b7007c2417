"""Acronyms and expansions of organizations: a small table of well-known ones, else initials."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import bare, fold

_DATA = Path(__file__).parent / "data"
_MINOR = {"of", "the", "and", "for", "on", "in", "to", "de", "du", "la", "&"}


@dataclass(frozen=True)
class KnownOrganization:
    acronym: str
    name: str
    country: str | None
    sector: str | None


@lru_cache(maxsize=1)
def known() -> dict[str, KnownOrganization]:
    """Folded name, acronym or alias → the organization it denotes."""
    table: dict[str, KnownOrganization] = {}
    for line in (_DATA / "organizations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        acronym, name, others, country, sector = (line.split("\t") + [""] * 5)[:5]
        org = KnownOrganization(acronym, name, country or None, sector or None)
        for form in [acronym, name, *[o for o in others.split("|") if o]]:
            table[fold(bare(form))] = org
    return table


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
    hit = known().get(fold(surface))
    if hit:
        return fold(hit.acronym)
    if is_acronym(surface):
        return fold(surface.replace(".", ""))
    return fold(initials(surface) or surface)
