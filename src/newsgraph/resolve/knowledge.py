"""Actor knowledge with validity dates: the project's own table (data/actors.tsv) plus user dictionaries.

An entry says that a named actor had a country, a PLOVER sector and possibly a role (office) of a
country or organization between two dates. `lookup(name, date)` gives the entry valid at a date,
`holder(role, of, date)` the actor who held a role then ("the head of the Kremlin" in 2024).
A person with roles none of which is valid at the date, but one that ended before it, is a former
official: sector ELI (PLOVER's "elite"), as the CAMEO/PLOVER coding rules do.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicon import table
from .text import bare, fold

_DATA = Path(__file__).parent / "data"

# Roles that mean "the leader of": a description with one of these matches a holder of any other.
LEADER_ROLES = frozenset({"president", "leader", "head", "head of state", "dictator", "ruler", "supreme leader",
                          "autocrat", "tyrant", "despot", "strongman", "king", "queen", "emir", "chancellor",
                          "prime minister", "premier", "chief", "boss", "master", "tsar", "czar", "owner"})
# The head of an international organization: what "the NATO chief" or "the UN head" holds.
ORGANIZATION_HEADS = frozenset({"secretary general", "secretary-general", "director general", "director-general",
                                "managing director", "president", "chairman", "chair", "high commissioner",
                                "commission president"})
# Of these, the head of state (when a country has both a president and a prime minister).
HEAD_OF_STATE = frozenset({"president", "head of state", "supreme leader", "king", "queen", "emir", "dictator",
                           "autocrat", "tyrant", "despot", "strongman", "ruler", "tsar", "czar", "master", "owner", "boss"})


@dataclass(frozen=True)
class Entry:
    """One row of actor knowledge: valid from/to are ISO dates or None (open)."""

    type: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    role: str | None = None
    of: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    source: str = "newsgraph"

    def valid(self, date: str | None) -> bool:
        if date is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= date) and (self.valid_to is None or date < self.valid_to)


def today() -> str:
    return dt.date.today().isoformat()


def parse_rows(lines: Iterable[str], source: str) -> list[Entry]:
    entries: list[Entry] = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        type_, name, aliases, country, sector, role, of, start, end = (line.rstrip("\n").split("\t") + [""] * 9)[:9]
        entries.append(Entry(type_ or "PERSON", name, tuple(a for a in aliases.split("|") if a), country or None,
                             sector or None, role or None, of or None, start or None, end or None, source))
    return entries


class Knowledge:
    """An index over entries by folded name/alias and by (role, of)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self.by_name: dict[str, list[Entry]] = {}
        self.by_role: dict[str, list[Entry]] = {}
        self.surnames: dict[str, list[Entry]] = {}
        canonical: dict[str, str] = {}
        for e in self.entries:
            canonical.setdefault(fold(e.name), e.name)
        aliases: dict[str, set[str]] = {}
        for e in self.entries:
            aliases.setdefault(fold(e.name), set()).update(fold(a) for a in e.aliases)
        for e in self.entries:
            for form in {fold(e.name), *aliases[fold(e.name)]}:
                self.by_name.setdefault(form, []).append(e)
            if e.role:
                self.by_role.setdefault(fold(e.role), []).append(e)
        # A surname alone ("Trump", "Merkel") when exactly one person in the table has it.
        surnames: dict[str, set[str]] = {}
        for e in self.entries:
            if e.type == "PERSON" and len(e.name.split()) >= 2 and e.name.split()[-1][:1].isupper():
                surnames.setdefault(fold(e.name.split()[-1]), set()).add(fold(e.name))
        for surname, people in surnames.items():
            if len(people) == 1 and surname not in self.by_name:
                self.surnames[surname] = self.by_name[next(iter(people))]

    def entries_for(self, name: str) -> list[Entry]:
        key = fold(bare(name))
        return self.by_name.get(key) or self.surnames.get(key, [])

    def lookup(self, name: str, date: str | None = None) -> Entry | None:
        """The entry for `name` valid at `date` (today when None); a former official gets sector ELI."""
        found = self.entries_for(name)
        if not found:
            return None
        date = date or today()
        valid = [e for e in found if e.valid(date)]
        if valid:
            return min(valid, key=_rank)
        ended = [e for e in found if e.valid_to and e.valid_to <= date]
        base = max(ended, key=lambda e: e.valid_to or "") if ended else min(found, key=lambda e: e.valid_from or "9")
        if ended and base.type == "PERSON":
            return Entry(base.type, base.name, base.aliases, base.country, "ELI", None, None, None, None, base.source)
        return Entry(base.type, base.name, base.aliases, base.country, None if base.type == "PERSON" else base.sector,
                     None, None, None, None, base.source)

    def holder(self, role: str, of_country: str | None, of_name: str | None, date: str | None) -> Entry | None:
        """Who held `role` of a country (ISO3) or organization (name/acronym) at `date`."""
        date = date or today()
        role = fold(role)
        candidates = self.by_role.get(role, [])
        for alias in role_synonyms().get(role, ()):
            candidates = candidates + self.by_role.get(alias, [])
        if role in LEADER_ROLES:
            leaders = LEADER_ROLES | (ORGANIZATION_HEADS if of_name and not of_country else frozenset())
            pool = [e for r in sorted(leaders) for e in self.by_role.get(r, [])]
            heads = [e for e in pool if fold(e.role or "") in HEAD_OF_STATE]
            others = [e for e in pool if e not in heads]
            exact = [e for e in pool if fold(e.role or "") == role]
            candidates = exact + heads + others if role not in {"head", "leader", "chief", "boss"} else heads + others
        for e in candidates:
            if not e.valid(date):
                continue
            if of_country and (e.of == of_country or (e.of is None and e.country == of_country)):
                return e
            if of_name and e.of and fold(e.of) in {fold(of_name), fold(bare(of_name))}:
                return e
        return None


def _rank(e: Entry) -> tuple[int, int, str]:
    """Prefer head-of-state roles, then any office, when a person holds several at once."""
    return (0 if fold(e.role or "") in HEAD_OF_STATE else 1 if e.role else 2,
            0 if (e.valid_from or e.valid_to) else 1, e.valid_from or "")


@lru_cache(maxsize=1)
def role_synonyms() -> dict[str, tuple[str, ...]]:
    """A description's role → the roles of the actor table it may mean ("military chief" → "commander")."""
    return {fold(r): tuple(fold(x) for x in others.split("|"))
            for r, others in table("newsgraph.resolve", "role_synonyms.tsv", 2, min_columns=2)}


@lru_cache(maxsize=1)
def builtin() -> Knowledge:
    """The project's own table (data/actors.tsv)."""
    return Knowledge(parse_rows((_DATA / "actors.tsv").read_text(encoding="utf-8").splitlines(), "newsgraph"))
