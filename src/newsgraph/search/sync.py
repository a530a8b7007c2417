"""Keeping the index in step with the store: `sync` after every write, `rebuild` for `newsgraph reindex`.

`sync` indexes the articles written since the index's watermark (all of them when the index is
new), with their quotes and events and the actors they mention (an actor's document is replaced
with its current name and aliases). It is called by the write path after each committed batch
(ingest, shard load), so a store and its index stay together; `rebuild` starts from an empty index;
`build_missing` gives a store written before the index existed its first one, on first search.
"""
from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..store import search_rows
from .index import IndexState, IndexWriter, SearchIndex, index_path
from .settings import DEFAULT, SearchSettings

CHUNK_ARTICLES = 2_000


def _index_articles(con: duckdb.DuckDBPyConnection, writer: IndexWriter, ids: Sequence[str]) -> None:
    for a in search_rows.article_texts(con, ids):
        writer.forget(a["akey"])
        writer.add("articles", a["akey"], 0, a["title"], a["text"])
    for q in search_rows.quote_texts(con, ids):
        writer.add("quotes", q["akey"], q["idx"], q["speaker_text"], q["text"])
    for e in search_rows.event_texts(con, ids):
        writer.add("events", e["akey"], e["idx"], e["trigger"], e["sentence"])


def _add_actors(writer: IndexWriter, actors: Sequence[dict[str, Any]]) -> None:
    for actor in actors:
        writer.forget(actor["akey"])
        aliases = [a for a in actor["aliases"] or [] if a and a != actor["name"]]
        writer.add("actors", actor["akey"], 0, actor["name"], " ".join(aliases))


def _index_actors(con: duckdb.DuckDBPyConnection, writer: IndexWriter, article_ids: Sequence[str] | None) -> None:
    _add_actors(writer, search_rows.actor_names(con, article_ids))


def _db_path(con: duckdb.DuckDBPyConnection) -> Path | None:
    db = search_rows.database_file(con)
    return index_path(db) if db else None


def sync(con: duckdb.DuckDBPyConnection, settings: SearchSettings = DEFAULT,
         on_chunk: Callable[[int], None] = lambda n: None, *, path: Path | None = None) -> int:
    """Index the articles written since the last sync (a new index: every article); returns how many.

    The index is the one beside the store (or at `path`); an in-memory store has no place for
    one and is left alone (0)."""
    path = path or _db_path(con)
    if path is None:
        return 0
    probe = search_rows.key_probe(con)
    index = SearchIndex.open_or_create(path, settings)
    state = index.state()
    if state.key_probe not in (None, probe):  # written under another DuckDB `hash()`: start again
        index = SearchIndex.create(path, settings)
        state = index.state()
    ids, newest = search_rows.articles_after(con, state.watermark)
    if not ids:
        return 0
    with index.writing() as writer:
        for k in range(0, len(ids), CHUNK_ARTICLES):
            chunk = ids[k:k + CHUNK_ARTICLES]
            _index_articles(con, writer, chunk)
            _index_actors(con, writer, chunk)
            on_chunk(len(chunk))
    index.save_state(IndexState(state.articles + len(ids), newest, probe))
    return len(ids)


def refresh_actors(con: duckdb.DuckDBPyConnection, actor_ids: Sequence[str],
                   settings: SearchSettings = DEFAULT) -> int:
    """Replace these actors' documents after a curation rule (merge, split, alias, rename) changed
    their names or aliases; an actor merged away loses its document. Articles, quotes and events are
    unchanged by curation and stay. A store without an index is left alone (its first search builds
    one from the curated rows); returns the number of actor documents written."""
    path = _db_path(con)
    if path is None or not path.exists():
        return 0
    keys, actors = search_rows.actors_by_id(con, actor_ids)
    index = SearchIndex.open(path, settings)
    with index.writing() as writer:
        for key in keys:
            writer.forget(key)
        _add_actors(writer, actors)
    return len(actors)


def rebuild(con: duckdb.DuckDBPyConnection, settings: SearchSettings = DEFAULT,
            on_chunk: Callable[[int], None] = lambda n: None) -> int:
    """A new index of everything the store holds (`newsgraph reindex`); returns the number of articles."""
    path = _db_path(con)
    if path is None:
        raise ValueError("an in-memory store has no search index; open a store file")
    SearchIndex.create(path, settings)
    return sync(con, settings, on_chunk)


def build_missing(con: duckdb.DuckDBPyConnection, path: Path, settings: SearchSettings = DEFAULT) -> None:
    """Build the index of a store that has none (one written before search existed), from a reader.

    The index is built in a folder of its own and renamed into place, so two readers that both
    find it missing (two web requests) never write into one index; the second rename loses and
    its copy is dropped. Only the index folder is written, never the store."""
    partial = path.with_name(f"{path.name}.building-{uuid.uuid4().hex[:8]}")
    try:
        SearchIndex.create(partial, settings)
        sync(con, settings, path=partial)
        partial.rename(path)
    except OSError:
        if not path.exists():
            raise
    finally:
        if partial.exists():
            shutil.rmtree(partial, ignore_errors=True)
