"""Writing to a store from Python: ingest, curation rules and user dictionaries (`Curator`).

`Corpus` (query.py) only reads; a `Curator` is a `Corpus` opened read-write that also adds
articles and records the analyst's decisions. What a rule or dictionary entry means is decided
in resolve/ (curation.py, dictionaries.py); the store rewrites its rows (store/curation_rows.py)
and every later ingest or load re-applies the rules (pipeline.corpus_step).

    with newsgraph.Curator("newsgraph.duckdb") as curator:
        curator.ingest(["examples/"])
        curator.merge("NATO", "North Atlantic Treaty Organization")
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import search, store
from .api import to_article
from .ingest import ingest, store_articles
from .model import Actor
from .query import Corpus
from .resolve.corpus import stored_dictionary
from .resolve.curation import Rule, split_id
from .resolve.dictionaries import entry_row, forget_stored_knowledge, read_dictionary
from .resolve.text import fold
from .summary import RunSummary, RunTally

DEFAULT_BATCH_SIZE = 64  # articles per transaction for `Curator.ingest`


def _changed_actors(op: str, actor: str, value: str, new_actor: Actor | None) -> list[str]:
    """The actors whose names or aliases a rule changed: their search documents are replaced, so a
    renamed actor is found under its new name and a merged one under its old names at once."""
    return [actor, *([value] if op == "merge" else []), *([new_actor.id] if new_actor else [])]


class Curator(Corpus):
    """A store opened for writing: ingest articles, curate actors, import curation rules and dictionaries.

    Reads work as on a `Corpus` and see the writes at once. DuckDB allows one writing process
    per file: close the curator (or use `with`) so that others can write.
    """

    def __init__(self, path: str = "newsgraph.duckdb") -> None:
        super().__init__(path, read_only=False)

    # -- articles
    def ingest(self, paths_or_items: Iterable[str | os.PathLike[str] | Mapping[str, Any]], *,
               batch_size: int = DEFAULT_BATCH_SIZE) -> RunSummary:
        """Add files/folders (paths) or dicts (`text`, `date`, `title`, `url`, `outlet`, `id`) to the store."""
        items = list(paths_or_items)
        paths = [str(p) for p in items if isinstance(p, (str, os.PathLike))]
        records = [i for i in items if isinstance(i, Mapping)]
        summary = RunTally()
        if paths:
            ingest(paths, self._con, batch_size=batch_size, summary=summary)
        if records:
            articles = [to_article(r, i) for i, r in enumerate(records)]
            summary.read += len(articles)
            batches = (articles[i:i + batch_size] for i in range(0, len(articles), batch_size))
            store_articles(batches, self._con, summary, batch_size=batch_size)
        return summary.summary("ingest")

    # -- curation
    def curate(self, op: str, actor: str, value: str) -> dict[str, Any]:
        """Record a curation rule (merge, split, alias, rename) and apply it to the stored rows.

        `actor` and, for `merge`, `value` are names, aliases or ids; returns the rule as recorded
        (`actor` an id, `value` an id, a folded alias or a name).
        """
        target = self.actor_ids(actor)[0]
        new_actor = None
        if op == "merge":
            other = self.actor_ids(value)[0]
            if other == target:
                raise ValueError(f"{actor!r} and {value!r} are already the same actor ({target})")
            value = other
        elif op in ("alias", "split"):
            value = fold(value)
            if op == "split":
                row = store.actor(self._con, target)
                assert row is not None
                new_actor = Actor(split_id(target, value), value.title(), row["type"], row["country"], (), row.get("sector"))
        elif op != "rename":
            raise ValueError(f"op must be merge, split, alias or rename, not {op!r}")
        store.add_curation(self._con, op, target, value, new_actor)
        self._refresh_search(_changed_actors(op, target, value, new_actor))
        return {"op": op, "actor": target, "value": value}

    def merge(self, keep: str, other: str) -> dict[str, Any]:
        """Merge actor `other` into `keep`: its mentions, quotes, events and aliases become `keep`'s, now and later."""
        return self.curate("merge", keep, other)

    def split(self, actor: str, alias: str) -> dict[str, Any]:
        """Split the mentions of `actor` written as `alias` off into an actor of their own, now and later."""
        return self.curate("split", actor, alias)

    def add_alias(self, actor: str, alias: str) -> dict[str, Any]:
        """Make `alias` mean `actor`: mentions written so (in any article, now and later) become its."""
        return self.curate("alias", actor, alias)

    def rename(self, actor: str, name: str) -> dict[str, Any]:
        """Give `actor` a new canonical name (the old one stays an alias); its id does not change."""
        return self.curate("rename", actor, name)

    def import_curation(self, rules: Sequence[Rule]) -> int:
        """Record and apply curation rules read from CSV (resolve.curation.from_csv; ids as exported)."""
        changed: list[str] = []
        for r in rules:
            new_actor = None
            if r.op == "split":
                row = store.actor(self._con, r.actor)
                new_actor = Actor(split_id(r.actor, r.value), r.value.title(), row["type"] if row else "PERSON",
                                  row["country"] if row else None)
            store.add_curation(self._con, r.op, r.actor, r.value, new_actor)
            changed += _changed_actors(r.op, r.actor, r.value, new_actor)
        self._refresh_search(changed)
        return len(rules)

    def _refresh_search(self, actor_ids: list[str]) -> None:
        """Rewrite these actors' search documents; this curator's reader then reopens the index (a
        tantivy reader keeps the segments it opened with)."""
        search.refresh_actors(self._con, actor_ids)
        self._index = None

    # -- user dictionaries
    def import_actors(self, path: str) -> int:
        """Add a user actor dictionary (CSV or PETRARCH/Phoenix .actors) to the store; returns its entries.

        Stored actors without a country or sector take them from the dictionary at once; later
        ingests consult it for every article.
        """
        count = store.insert_dictionary(self._con, [entry_row(e) for e in read_dictionary(path)])
        forget_stored_knowledge()
        self._fill_codes()
        return count

    def _fill_codes(self) -> int:
        """Give stored actors lacking a country or sector those of the imported dictionaries (as of today)."""
        knowledge = stored_dictionary(store.CorpusRows(self._con))
        if knowledge is None:
            return 0
        updates = []
        for aid, name, country, sector in store.actors_lacking_codes(self._con):
            entry = knowledge.lookup(name)
            if entry and (not country and entry.country or not sector and entry.sector):
                updates.append((country or entry.country, sector or entry.sector, aid))
        store.set_actor_codes(self._con, updates)
        return len(updates)
