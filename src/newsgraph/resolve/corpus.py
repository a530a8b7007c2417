"""The corpus step of actor resolution: what only the corpus knows, decided before a batch is stored.

`extract` without a store resolves what the article and the knowledge table decide; before a
batch is stored (`ingest`, `load` of shards; pipeline.corpus_step is the one caller),
`resolve_with_corpus` adds what only the corpus knows: a definite description left unresolved
in its article ("the Acme Secretary General") goes to the actor seen in that role in the stored
articles (and earlier articles of the same batch) nearest before the article's date, else the
first after; user dictionaries (`import-actors`) give country and sector to actors that lack
them; and the analyst's curation rules are re-applied. Without a store (a shard being written)
only the batch itself is the corpus.

The store is read through `CorpusReader` (store.CorpusRows implements it over DuckDB), rows in,
decisions here, so the store never imports resolution code.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import Any, Protocol

from ..model import Actor, Article, Mention
from .curation import Rule, apply_rules
from .dictionaries import stored_knowledge
from .knowledge import Knowledge
from .roles import _compatible

# (role, of actor id or None, article date) -> [(actor id, role, date)] seen in the store
HolderLookup = Callable[[str | None], list[tuple[str, str, str | None]]]


class CorpusReader(Protocol):
    """What the corpus step reads of a store: role holders, actors, curation rules, dictionary rows."""

    def role_holders(self, of: str | None) -> list[tuple[str, str, str | None]]:
        """(actor id, role, date) of every stored appositive/pre-modifier role of actor `of` (None: any)."""
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
    needs_holders = any(d.actor is None and d.role for a in articles for d in a.descriptors)
    if not rules and dictionary is None and not needs_holders:
        return articles
    cache: dict[str | None, list[tuple[str, str, str | None]]] = {}

    def holders(of: str | None) -> list[tuple[str, str, str | None]]:
        if of not in cache:
            cache[of] = reader.role_holders(of) if reader is not None else []
        return cache[of]

    def stored_actors(ids: Sequence[str]) -> dict[str, Actor]:
        return {a.id: a for a in reader.actors(ids)} if reader is not None and ids else {}

    ids = sorted({r.actor for r in rules} | {r.value for r in rules if r.op == "merge"} |
                 {d.actor for a in articles for d in a.descriptors if d.actor})
    stored = stored_actors(ids) if (rules or needs_holders) else {}
    if needs_holders:
        extra = {aid for of in {d.of for a in articles for d in a.descriptors if d.actor is None}
                 for aid, _, _ in holders(of)}
        stored.update(stored_actors(sorted(extra - stored.keys())))
    return resolve_batch(articles, holders, rules, dictionary, stored)


def _pick(candidates: list[tuple[str, str, str | None]], role: str, date: str | None) -> str | None:
    fits = [c for c in candidates if _compatible(role, c[1])]
    if not fits:
        return None
    if date:
        before = [c for c in fits if c[2] and c[2] <= date]
        if before:
            return max(before, key=lambda c: c[2] or "")[0]
        after = [c for c in fits if c[2]]
        if after:
            return min(after, key=lambda c: c[2] or "")[0]
    return fits[-1][0]


def resolve_batch(articles: Sequence[Article], holders: HolderLookup, rules: Sequence[Rule],
                  dictionary: Knowledge | None, stored: dict[str, Actor]) -> list[Article]:
    """Apply the corpus step to a batch of analyzed articles (in place; returned for convenience)."""
    seen: list[tuple[str | None, str, str, str | None]] = []  # (of, actor, role, date) from this batch
    for article in sorted(articles, key=lambda a: a.date or ""):
        names = {a.id: a for a in article.actors}
        added: list[Mention] = []
        descriptors = []
        for d in article.descriptors:
            if d.actor is None and d.role:
                candidates = holders(d.of) + [(aid, role, date) for of, aid, role, date in seen if of == d.of]
                aid = _pick(candidates, d.role, article.date)
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
