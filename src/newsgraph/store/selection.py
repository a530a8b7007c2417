"""Reads behind `newsgraph export`: a selection of articles, its normalized tables, its actor graph.

A selection is every stored article, narrowed by date (`since`, `until`, inclusive; undated
articles drop out once a bound is given) and by actor (articles with a mention of one of
`actor_ids`). Each query takes the selection as the same parameterised subquery.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from .connection import table_columns, table_names
from .reads import Rows

_SELECTION = """SELECT id FROM articles
                WHERE (?::DATE IS NULL OR date >= ?::DATE) AND (?::DATE IS NULL OR date <= ?::DATE)
                  AND (?::VARCHAR[] IS NULL OR id IN (SELECT article_id FROM mentions
                                                      WHERE list_contains(?::VARCHAR[], actor_id)))"""


def _params(since: str | None, until: str | None, actor_ids: Sequence[str] | None) -> list[Any]:
    ids = list(actor_ids) if actor_ids is not None else None
    return [since, since, until, until, ids, ids]


def article_ids(con: duckdb.DuckDBPyConnection, *, since: str | None = None, until: str | None = None,
                actor_ids: Sequence[str] | None = None) -> list[str]:
    """Ids of the selected articles, sorted (the order of a JSONL export)."""
    with con.cursor() as cur:
        return [r[0] for r in cur.execute(f"SELECT id FROM ({_SELECTION}) ORDER BY id",
                                          _params(since, until, actor_ids)).fetchall()]


def tables(con: duckdb.DuckDBPyConnection, *, since: str | None = None, until: str | None = None,
           actor_ids: Sequence[str] | None = None) -> dict[str, pa.Table]:
    """Every store table restricted to the selection, with the store's columns (as Parquet shards have them).

    Rows keyed by `article_id` follow their article; actors are those the selected rows refer to
    (mentions, quote speakers, event sources and targets), aliases and other actor-keyed rows follow
    them; tables keyed by neither are exported whole. Rows are sorted by their table's key columns.
    """
    whole = since is None and until is None and actor_ids is None
    params = _params(since, until, actor_ids)
    referenced = f"""SELECT actor_id FROM mentions WHERE article_id IN ({_SELECTION})
                     UNION SELECT speaker FROM quotes WHERE article_id IN ({_SELECTION})
                     UNION SELECT source FROM events WHERE article_id IN ({_SELECTION})
                     UNION SELECT target FROM events WHERE article_id IN ({_SELECTION})"""
    out: dict[str, pa.Table] = {}
    for table in table_names(con):
        columns = table_columns(con, table)
        cols = ", ".join(f'"{c}"' for c in columns)
        order = ", ".join(f'"{c}"' for c in columns if c in ("id", "article_id", "idx", "actor_id", "alias", "band_key")) or cols
        if whole:
            where, args = "", []
        elif table == "articles":
            where, args = f" WHERE id IN ({_SELECTION})", params
        elif "article_id" in columns:
            where, args = f" WHERE article_id IN ({_SELECTION})", params
        elif table == "actors":
            where, args = f" WHERE id IN ({referenced})", params * 4
        elif "actor_id" in columns:
            where, args = f" WHERE actor_id IN ({referenced})", params * 4
        else:
            where, args = "", []
        out[table] = Rows(con, f'SELECT {cols} FROM "{table}"{where} ORDER BY {order}', args).to_arrow()
    return out


def graph_nodes(con: duckdb.DuckDBPyConnection, *, since: str | None = None, until: str | None = None,
                actor_ids: Sequence[str] | None = None) -> Rows:
    """Actors of the selection (mentioned, or an end of an event or quote edge) with their mention counts."""
    sql = f"""WITH sel AS ({_SELECTION}),
                   m AS (SELECT actor_id, count(*) AS n FROM mentions WHERE article_id IN (SELECT id FROM sel) GROUP BY actor_id),
                   ends AS (SELECT source AS id FROM events WHERE article_id IN (SELECT id FROM sel)
                            UNION SELECT target FROM events WHERE article_id IN (SELECT id FROM sel)
                            UNION SELECT speaker FROM quotes WHERE article_id IN (SELECT id FROM sel))
              SELECT a.id, a.name, a.type, a.country, coalesce(m.n, 0) AS mentions
              FROM actors a LEFT JOIN m ON m.actor_id = a.id
              WHERE a.id IN (SELECT actor_id FROM m) OR a.id IN (SELECT id FROM ends)
              ORDER BY a.id"""
    return Rows(con, sql, _params(since, until, actor_ids))


def graph_event_edges(con: duckdb.DuckDBPyConnection, *, since: str | None = None, until: str | None = None,
                      actor_ids: Sequence[str] | None = None) -> Rows:
    """Event counts per (source, target, PLOVER type): one directed edge each."""
    sql = f"""SELECT source, target, type, count(*) AS count FROM events
              WHERE article_id IN ({_SELECTION}) AND source IS NOT NULL AND target IS NOT NULL
              GROUP BY source, target, type ORDER BY source, target, type"""
    return Rows(con, sql, _params(since, until, actor_ids))


def graph_quote_edges(con: duckdb.DuckDBPyConnection, *, since: str | None = None, until: str | None = None,
                      actor_ids: Sequence[str] | None = None) -> Rows:
    """Quotes per (speaker, actor mentioned inside the quote's content), the speaker itself left out."""
    sql = f"""SELECT q.speaker AS source, m.actor_id AS target, count(DISTINCT (q.article_id, q.idx)) AS count
              FROM quotes q JOIN mentions m ON m.article_id = q.article_id
                   AND m."start" >= q."start" AND m."end" <= q."end"
              WHERE q.article_id IN ({_SELECTION}) AND q.speaker IS NOT NULL AND m.actor_id <> q.speaker
              GROUP BY q.speaker, m.actor_id ORDER BY source, target"""
    return Rows(con, sql, _params(since, until, actor_ids))
