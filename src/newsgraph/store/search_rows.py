"""What the search index (`newsgraph.search`) reads of a store: new articles, and their texts to index.

The index lives beside the DuckDB file and is fed from the store, not from the pipeline, so an
ingest, a shard load and `newsgraph reindex` all index exactly what was stored. New articles are
those written after the index's watermark (`articles.ingested_at`, set by the store per batch).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from .reads import Rows


def database_file(con: duckdb.DuckDBPyConnection) -> str | None:
    """The file behind a connection (None for an in-memory database)."""
    with con.cursor() as cur:
        rows = cur.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    return rows[0][0] if rows and rows[0][0] else None


def articles_after(con: duckdb.DuckDBPyConnection, watermark: str | None) -> tuple[list[str], str | None]:
    """Ids of the articles written after `watermark` (all when None), oldest first, and the newest write time."""
    with con.cursor() as cur:
        rows = cur.execute("""SELECT id, CAST(ingested_at AS VARCHAR) FROM articles
                              WHERE ?::TIMESTAMP IS NULL OR coalesce(ingested_at, '1970-01-01'::TIMESTAMP) > ?::TIMESTAMP
                              ORDER BY ingested_at NULLS FIRST, id""", [watermark, watermark]).fetchall()
    newest = max((r[1] for r in rows if r[1] is not None), default=watermark)
    return [r[0] for r in rows], newest


def article_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """id, title and text of these articles."""
    return Rows(con, "SELECT id, title, text FROM articles WHERE list_contains(?::VARCHAR[], id)", [list(ids)]).dicts()


def quote_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """article_id, idx, the content and the speaker as written, of these articles' quotes."""
    return Rows(con, """SELECT article_id, idx, text, speaker_text FROM quotes
                        WHERE list_contains(?::VARCHAR[], article_id)""", [list(ids)]).dicts()


def event_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """article_id, idx, the sentence and trigger of these articles' events."""
    return Rows(con, """SELECT e.article_id, e.idx, e.trigger,
                               substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
                        FROM events e JOIN articles a ON a.id = e.article_id
                        WHERE list_contains(?::VARCHAR[], e.article_id)""", [list(ids)]).dicts()


def actor_names(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """id, name and every alias of the actors mentioned in these articles (None: of every actor)."""
    return Rows(con, """SELECT a.id, a.name, list(al.alias ORDER BY al.alias) AS aliases
                        FROM actors a LEFT JOIN aliases al ON al.actor_id = a.id
                        WHERE ?::VARCHAR[] IS NULL OR a.id IN (
                              SELECT actor_id FROM mentions WHERE list_contains(?::VARCHAR[], article_id))
                        GROUP BY a.id, a.name""",
                [list(article_ids) if article_ids is not None else None] * 2).dicts()
