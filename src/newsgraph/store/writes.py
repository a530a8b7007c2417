"""Writing analyzed articles: one transaction per batch, idempotent by article id.

The store persists what it is given: resolution against the corpus (roles stored, dictionaries,
curation rules) is decided before, by `pipeline.corpus_step`.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from ..model import Article
from . import rows
from .connection import open_for_batch

# MinHash signature blob and LSH band keys per article id (readers/copies.py), kept to find copies later.
Minhashes = Mapping[str, tuple[bytes, Sequence[int]]]


@dataclass
class WriteResult:
    """What one batch did: new articles stored, and those already present (skipped)."""

    stored: int = 0
    skipped: int = 0


def stored_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> set[str]:
    """The ids among `ids` that the store holds already."""
    return {r[0] for r in con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [list(ids)]).fetchall()}


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
    """Insert the rows of articles not stored yet, inside the caller's transaction.

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
    for name, table in tables.items():
        con.register("batch_rows", table)
        cols = ", ".join(f'"{c}"' for c in table.column_names)
        conflict = " ON CONFLICT DO NOTHING" if name in ("actors", "aliases") else ""
        con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM batch_rows{conflict}")
        if name == "actors":
            con.execute("""UPDATE actors SET country = coalesce(actors.country, b.country), sector = coalesce(actors.sector, b.sector)
                           FROM batch_rows b WHERE actors.id = b.id AND (actors.country IS NULL AND b.country IS NOT NULL
                                 OR actors.sector IS NULL AND b.sector IS NOT NULL)""")
        con.unregister("batch_rows")
