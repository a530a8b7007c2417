"""What the search index (`newsgraph.search`) reads of a store: new articles, and their texts to index.

The index lives beside the DuckDB file and is fed from the store, not from the pipeline, so an
ingest, a shard load and `newsgraph reindex` all index exactly what was stored. New articles are
those written after the index's watermark (`articles.ingested_at`, set by the store per batch).

Every row comes with `akey`, DuckDB's 64-bit `hash()` of its article (or actor) id: the number the
index keeps and `store.lists` joins hits back on (a hash join on `hash(a.id)` costs about 1 ms per
10^4 articles; an MD5 of each id costs 20-40 ms). `hash()` may change between DuckDB versions,
so the index records `key_probe` and is rebuilt when the probe no longer matches.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from .lookups import fetched, keyed, keyed_params
from .reads import Rows


def database_file(con: duckdb.DuckDBPyConnection) -> str | None:
    """The file behind a connection (None for an in-memory database)."""
    with con.cursor() as cur:
        rows = cur.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    return rows[0][0] if rows and rows[0][0] else None


KEY_PROBE_TEXT = "newsgraph search key probe"


def key_probe(con: duckdb.DuckDBPyConnection) -> int:
    """DuckDB's hash of a fixed text: equal between two runs exactly when `hash()` gives the same keys."""
    with con.cursor() as cur:
        row = cur.execute("SELECT hash(?)", [KEY_PROBE_TEXT]).fetchone()
    return int(row[0]) if row else 0


def articles_after(con: duckdb.DuckDBPyConnection, watermark: str | None) -> tuple[list[str], str | None]:
    """Ids of the articles written after `watermark` (all when None), oldest first, and the newest write time."""
    with con.cursor() as cur:
        rows = cur.execute("""SELECT id, CAST(ingested_at AS VARCHAR) FROM articles
                              WHERE ?::TIMESTAMP IS NULL OR coalesce(ingested_at, '1970-01-01'::TIMESTAMP) > ?::TIMESTAMP
                              ORDER BY ingested_at NULLS FIRST, id""", [watermark, watermark]).fetchall()
    newest = max((r[1] for r in rows if r[1] is not None), default=watermark)
    return [r[0] for r in rows], newest


def article_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """akey, id, title and text of these articles (an index lookup: the cost of a batch, not of the store)."""
    return Rows(con, keyed("articles", "id", "hash(id) AS akey, id, title, text"), keyed_params(ids)).dicts()


def quote_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """akey, idx, the content and the speaker as written, of these articles' quotes."""
    return Rows(con, keyed("quotes", "article_id", "hash(article_id) AS akey, idx, text, speaker_text"),
                keyed_params(ids)).dicts()


def event_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """akey, idx, the sentence and trigger of these articles' events. Both sides are looked up by id
    before the join: joined directly, DuckDB scanned every stored article's text (26 s a batch at 10^6)."""
    lookups = fetched(e=keyed("events", "article_id", "article_id, idx, trigger, sentence_start, sentence_end"),
                      a=keyed("articles", "id", "id, text"))
    return Rows(con, f"""{lookups}SELECT hash(e.article_id) AS akey, e.idx, e.trigger,
                               substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
                        FROM e JOIN a ON a.id = e.article_id""", keyed_params(ids) * 2).dicts()


_ACTOR_DOCUMENTS = """SELECT hash(a.id) AS akey, a.id, a.name, list(al.alias ORDER BY al.alias) AS aliases
                      FROM actors a LEFT JOIN aliases al ON al.actor_id = a.id
                      {where}
                      GROUP BY a.id, a.name"""


def actor_names(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """akey, id, name and every alias of the actors mentioned in these articles (None: of every actor);
    the mentions are looked up by article id (an index lookup, not a scan of every mention)."""
    mentioned = fetched(m=keyed("mentions", "article_id", "DISTINCT actor_id")) if article_ids is not None else ""
    where = "WHERE a.id IN (SELECT actor_id FROM m)" if article_ids is not None else ""
    return Rows(con, mentioned + _ACTOR_DOCUMENTS.format(where=where),
                keyed_params(article_ids) if article_ids is not None else []).dicts()


def actors_by_id(con: duckdb.DuckDBPyConnection, actor_ids: Sequence[str]) -> tuple[list[int], list[dict[str, Any]]]:
    """The keys of these actor ids (also of ids no longer stored, as a merge leaves them) and the
    akey, id, name and aliases of those still stored: what a curation rule changed in the index."""
    ids = list(actor_ids)
    with con.cursor() as cur:
        keys = [int(r[0]) for r in cur.execute("SELECT hash(unnest(?::VARCHAR[]))", [ids]).fetchall()]
    rows = Rows(con, _ACTOR_DOCUMENTS.format(where="WHERE list_contains(?::VARCHAR[], a.id)"), [ids]).dicts()
    return keys, rows
