"""Writing analyzed articles: one transaction per batch, idempotent by article id.

The store persists what it is given: resolution against the corpus (roles stored, dictionaries,
curation rules) is decided before, by `pipeline.corpus_step`. A batch is first *staged*: its
rows go into temporary tables shaped like the store's (`stage`), from which one statement per
table inserts them and the summaries of the batch are appended (store/summaries.py), so the
summaries read a batch's few rows and never the stored ones. `benchmarks/growth.py` fills the
staging tables with SQL and writes them the same way (`insert_staged`).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from ..model import Article
from . import rows, summaries
from .connection import LOAD_TIME_COLUMNS, open_for_batch

# MinHash signature blob and LSH band keys per article id (readers/copies.py), kept to find copies later.
Minhashes = Mapping[str, tuple[bytes, Sequence[int]]]


@dataclass
class WriteResult:
    """What one batch did: new articles stored, and those already present (skipped)."""

    stored: int = 0
    skipped: int = 0


# The tables a batch writes, in the order they are inserted; STAGED + name is the batch's staging copy.
BATCH_TABLES = ("articles", "actors", "aliases", "mentions", "quotes", "events", "descriptors", "article_minhash",
                "minhash_bands")
STAGED = "_ng_staged_"


def stored_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> set[str]:
    """The ids among `ids` that the store holds already (a lookup in the primary key's index)."""
    return {r[0] for r in con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                      [list(ids)]).fetchall()}


def fresh_articles(con: duckdb.DuckDBPyConnection, articles: Sequence[Article]) -> list[Article]:
    """The articles not stored yet, each id once (its first occurrence), in input order."""
    present = stored_ids(con, list(dict.fromkeys(a.id for a in articles)))
    fresh: dict[str, Article] = {}
    for a in articles:
        if a.id not in present and a.id not in fresh:
            fresh[a.id] = a
    return list(fresh.values())


def write_articles(target: str | duckdb.DuckDBPyConnection, articles: Sequence[Article],
                   minhashes: Minhashes | None = None) -> WriteResult:
    """Store a batch in one transaction; articles already present (or repeated) are skipped (a no-op)."""
    with open_for_batch(target) as con:
        fresh = fresh_articles(con, articles)
        result = WriteResult(stored=len(fresh), skipped=len(articles) - len(fresh))
        if not fresh:
            return result
        con.execute("BEGIN TRANSACTION")
        try:
            insert_batch(con, fresh, minhashes)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return result


def insert_batch(con: duckdb.DuckDBPyConnection, articles: Sequence[Article], minhashes: Minhashes | None = None) -> None:
    """Insert the rows of articles not stored yet, and their summaries, inside the caller's transaction.

    Actors and aliases merge by their stable ids; a stored actor without country or sector
    takes them when a later article knows them.
    """
    tables = rows.batch_tables(articles)
    if minhashes:
        sig_rows = [{"article_id": a.id, "signature": minhashes[a.id][0]} for a in articles if a.id in minhashes]
        band_rows = [{"band_key": k, "article_id": a.id} for a in articles if a.id in minhashes for k in minhashes[a.id][1]]
        if sig_rows:
            tables["article_minhash"] = pa.Table.from_pylist(sig_rows, pa.schema([("article_id", pa.string()), ("signature", pa.binary())]))
        if band_rows:
            tables["minhash_bands"] = pa.Table.from_pylist(band_rows, pa.schema([("band_key", pa.int64()), ("article_id", pa.string())]))
    stage(con, tables)
    insert_staged(con)


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def stage(con: duckdb.DuckDBPyConnection, tables: Mapping[str, pa.Table]) -> None:
    """Empty staging tables for a batch (the store's columns and types, no keys), filled from `tables`.

    Columns a table lacks stay NULL, as they would in a direct insert.
    """
    for name in BATCH_TABLES:
        con.execute(f'CREATE OR REPLACE TEMP TABLE "{STAGED}{name}" AS SELECT * FROM "{name}" LIMIT 0')
    for name, table in tables.items():
        con.register("_ng_batch_rows", table)
        cols = _quoted(table.column_names)
        con.execute(f'INSERT INTO "{STAGED}{name}" ({cols}) SELECT {cols} FROM _ng_batch_rows')
        con.unregister("_ng_batch_rows")


def insert_staged(con: duckdb.DuckDBPyConnection) -> None:
    """Insert the staged batch into the store, append its summaries and drop the staging tables.

    The staged articles must not be stored yet (callers keep only fresh ones: `fresh_articles`).
    """
    for name in BATCH_TABLES:
        staged = f'"{STAGED}{name}"'
        cols = _quoted([c for c in (d[0] for d in con.execute(f"SELECT * FROM {staged} LIMIT 0").description)
                        if c not in LOAD_TIME_COLUMNS])
        conflict = " ON CONFLICT DO NOTHING" if name in ("actors", "aliases") else ""
        con.execute(f'INSERT INTO "{name}" ({cols}) SELECT {cols} FROM {staged}{conflict}')
        if name == "actors":
            con.execute(f"""UPDATE actors SET country = coalesce(actors.country, b.country), sector = coalesce(actors.sector, b.sector)
                            FROM {staged} b WHERE actors.id = b.id AND (actors.country IS NULL AND b.country IS NOT NULL
                                  OR actors.sector IS NULL AND b.sector IS NOT NULL)""")
    summaries.add(con, {name: f'"{STAGED}{name}"' for name in summaries.STORED})
    for name in BATCH_TABLES:
        con.execute(f'DROP TABLE "{STAGED}{name}"')
