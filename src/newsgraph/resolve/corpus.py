"""The corpus step of actor resolution: what only the corpus knows, decided before a batch is stored.

`extract` without a store resolves what the article and the knowledge table decide; before a
batch is stored (`ingest`, `load` of shards; pipeline.corpus_step is the one caller),
`resolve_with_corpus` adds what only the corpus knows: a definite description left unresolved
in its article ("the Acme Secretary General") goes to the actor seen in that role in the stored
articles (and earlier articles of the same batch) nearest before the article's date, else the
first after; user dictionaries (`import-actors`) give country and sector to actors that lack
them; and the analyst's curation rules are re-applied. Without a store (a shard being written)
only the batch itself is the corpus.

The store answers with one row per holder of a compatible role (store/summaries.py
`role_holders`): the last day it was seen so on or before the article's date and the first day
it was seen so, each with the write position of its first description that day, and the write
position of its last description. So a batch reads as many rows from a store of a million
articles as from one of ten thousand, and decides as it did when it read every stored
description in the order stored (on a tie, the first stored; undated, the last stored).
Earlier articles of the same batch count as written after everything stored, in the order seen.

The store is read through `CorpusReader` (store.CorpusRows implements it over DuckDB), rows in,
decisions here, so the store never imports resolution code.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ..model import Actor, Article, Mention
from .curation import Rule, apply_rules
from .dictionaries import stored_knowledge
from .knowledge import Knowledge
from .roles import _compatible


@dataclass
class Holder:
    """One actor seen in a role of an organization or country (`of`; None for none): `before` is the
    last day it was seen so on or before the date asked about, `first` the first day (None: no such
    day, or only undated articles say so); each `_row` is the write position of the first description
    that day, `last_row` that of its last description (`_BATCH` and up: this batch's, in the order seen)."""

    of: str | None
    actor: str
    role: str
    before: str | None
    before_row: int | None
    first: str | None
    first_row: int | None
    last_row: int

    def seen(self, day: str | None, date: str | None, row: int) -> None:
        """One more description on `day` written at position `row`, for a question about `date`."""
        self.last_row = max(self.last_row, row)
        if not day:
            return
        if self.first is None or (day, row) < (self.first, self.first_row or 0):
            self.first, self.first_row = day, row
        if date and day <= date and (self.before is None or (day, -row) > (self.before, -(self.before_row or 0))):
            self.before, self.before_row = day, row


_BATCH = 10**40  # write positions of a batch's own descriptions: after every stored one


# (of actor id or None, role, article date) -> the stored holders of roles compatible with it, oldest stored first
HolderLookup = Callable[[str | None, str, str | None], list[Holder]]


class CorpusReader(Protocol):
    """What the corpus step reads of a store: role holders, actors, curation rules, dictionary rows."""

    def role_names(self, of: str | None) -> list[str]:
        """The distinct roles stored holders hold of actor `of` (None: of any actor or of none)."""
        ...

    def role_holders(self, of: str | None, roles: Sequence[str], date: str | None) -> Sequence[Sequence[Any]]:
        """One row per stored holder of these roles of actor `of` (None: of any actor or of none):
        (of, actor id, role, last day seen so on or before `date`, its write position, first day seen
        so, its write position, write position of the last description): the fields of `Holder`."""
        ...

    def actors(self, ids: Sequence[str]) -> list[Actor]:
        """The stored actors with these ids."""
        ...

    def curation_rules(self) -> Sequence[tuple[str, str, str, str | None]]:
        """(op, actor id, value, actor name) of every curation rule, in the order made."""
        ...

    def dictionary_version(self) -> Hashable | None:
        """A key that changes with the imported dictionaries; None when there are none."""
        ...

    def dictionary_rows(self) -> Sequence[Sequence[Any]]:
        """The imported dictionary entries as rows (dictionaries.entry_from_row)."""
        ...


def stored_dictionary(reader: CorpusReader) -> Knowledge | None:
    """The user dictionaries imported into the store, indexed once per version; None when there are none."""
    return stored_knowledge(reader.dictionary_version(), reader.dictionary_rows)


def resolve_with_corpus(reader: CorpusReader | None, articles: list[Article]) -> list[Article]:
    """The corpus step for a batch of analyzed articles about to be stored (in place; returned).

    `reader` is the store the batch goes into, None for none (only the batch is the corpus).
    Stored actors are read only for the ids the rules and descriptors name.
    """
    rules = [Rule(*r) for r in reader.curation_rules()] if reader is not None else []
    dictionary = stored_dictionary(reader) if reader is not None else None
    open_roles = sorted({(d.of or "", d.role, a.date or "") for a in articles for d in a.descriptors
                         if d.actor is None and d.role})
    if not rules and dictionary is None and not open_roles:
        return articles
    holders = _stored_holders(reader, [(of or None, role, date or None) for of, role, date in open_roles])

    def stored_actors(ids: Sequence[str]) -> dict[str, Actor]:
        return {a.id: a for a in reader.actors(ids)} if reader is not None and ids else {}

    ids = sorted({r.actor for r in rules} | {r.value for r in rules if r.op == "merge"} |
                 {d.actor for a in articles for d in a.descriptors if d.actor})
    stored = stored_actors(ids) if (rules or open_roles) else {}
    extra = {h.actor for found in holders.values() for h in found}
    stored.update(stored_actors(sorted(extra - stored.keys())))
    return resolve_batch(articles, lambda of, role, date: holders[(of, role, date)], rules, dictionary, stored)


Wanted = tuple[str | None, str, str | None]  # (of actor id or None, role, article date)


def _stored_holders(reader: CorpusReader | None, wanted: Sequence[Wanted]) -> dict[Wanted, list[Holder]]:
    """The stored holders of roles compatible with each (of, role, date) a batch leaves open: the role
    names are read once per `of`, compared here (roles._compatible), and only holders of those read."""
    found: dict[Wanted, list[Holder]] = {}
    names: dict[str | None, list[str]] = {}
    for of, role, date in wanted:
        if reader is None:
            found[(of, role, date)] = []
            continue
        if of not in names:
            names[of] = reader.role_names(of)
        compatible = [n for n in names[of] if _compatible(role, n)]
        found[(of, role, date)] = [Holder(*row) for row in reader.role_holders(of, compatible, date)] if compatible else []
    return found


def _pick(fits: Sequence[Holder], date: str | None) -> str | None:
    """The holder seen nearest before `date`, else the first seen after it, else (undated) the last
    written; on the same day, the one written first."""
    if not fits:
        return None
    if date:
        before = [h for h in fits if h.before]
        if before:
            return max(before, key=lambda h: (h.before or "", -(h.before_row or 0))).actor
        after = [h for h in fits if h.first]
        if after:
            return min(after, key=lambda h: (h.first or "", h.first_row or 0)).actor
    return max(fits, key=lambda h: h.last_row).actor


def _candidates(stored: Sequence[Holder], seen: Sequence[tuple[str | None, str, str, str | None]],
                of: str | None, role: str, date: str | None) -> list[Holder]:
    """The stored holders (copies), updated by this batch's earlier descriptions of the same `of` with a
    compatible role (written after everything stored, in the order seen)."""
    merged = {(h.of, h.actor, h.role): replace(h) for h in stored}
    for position, (seen_of, actor, seen_role, day) in enumerate(seen):
        if seen_of != of or not _compatible(role, seen_role):
            continue
        key = (seen_of, actor, seen_role)
        if key not in merged:
            merged[key] = Holder(seen_of, actor, seen_role, None, None, None, None, _BATCH + position)
        merged[key].seen(day, date, _BATCH + position)
    return list(merged.values())


def resolve_batch(articles: Sequence[Article], holders: HolderLookup, rules: Sequence[Rule],
                  dictionary: Knowledge | None, stored: dict[str, Actor]) -> list[Article]:
    """Apply the corpus step to a batch of analyzed articles (in place; returned for convenience).

    `holders(of, role, date)` gives the stored holders of roles compatible with `role` (of `of`), as of `date`.
    Articles are decided in input order, each seeing the stored holders and those of the batch's earlier
    articles only, so a batch decides what storing its articles one at a time would:
    walking the batch by date let a description see holders of later-input articles of its own batch but
    not of later batches, so the store changed with the batch size.
    """
    seen: list[tuple[str | None, str, str, str | None]] = []  # (of, actor, role, date) from this batch
    for article in articles:  # input order, as stored one by one: the batch boundaries change nothing
        names = {a.id: a for a in article.actors}
        added: list[Mention] = []
        descriptors = []
        for d in article.descriptors:
            if d.actor is None and d.role:
                aid = _pick(_candidates(holders(d.of, d.role, article.date), seen, d.of, d.role, article.date), article.date)
                if aid:
                    d = replace(d, actor=aid)
                    added.append(Mention(aid, d.start, d.end, d.text, "role"))
                    if aid not in names and aid in stored:
                        names[aid] = stored[aid]
            descriptors.append(d)
        article.descriptors = descriptors
        if added:
            article.mentions = sorted([*article.mentions, *added], key=lambda m: (m.start, -m.end))
            article.actors = sorted(names.values(), key=lambda a: a.id)
        if dictionary is not None:
            article.actors = [_with_dictionary(a, dictionary, article.date) for a in article.actors]
        for d in article.descriptors:
            if d.actor and d.role and d.kind != "description":
                seen.append((d.of, d.actor, d.role, article.date))
        if rules:
            apply_rules(article, rules, stored)
    return list(articles)


def _with_dictionary(actor: Actor, dictionary: Knowledge, date: str | None) -> Actor:
    if actor.country and actor.sector:
        return actor
    entry = dictionary.lookup(actor.name, date)
    if entry is None:
        return actor
    return replace(actor, country=actor.country or entry.country, sector=actor.sector or entry.sector)
