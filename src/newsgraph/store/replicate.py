"""A large store made from a small one: stored articles' rows copied under new ids, dates and band keys.

`benchmarks/growth.py` and the scale tests need stores of 10^4 to 10^6 articles; analyzing that
many takes days, so a few hundred really analyzed articles are copied with SQL. Copy `k` of article `a`:

* id `md5(a || '#' || k)` (16 hex digits, like a real id); its story is the copy `k` of its story;
* a date spread over `span_days` from `first_day` by a hash of (a, k); an event's own date
  moves with its article; the URL gets `#copy-k` (NULL stays NULL);
* MinHash band keys hashed with k (a copy never matches another copy), the same signature;
* every mention, quote, event and descriptor as the article has it, with the same actors.

Bulk: the copies are written by one `INSERT ... SELECT` per table per step, the steps doubling the
store (copies 1, 2-3, 4-7, ... of the seed, at most `per_batch` articles a step, one transaction
each), straight into the stored tables. The summaries of one fact or article each (the snippets,
`article_keys`) are copied with the facts under the copy's id; the others (store/summaries.py),
which sum or sort across articles, are then made once from the stored rows by `summaries.rebuild`,
the code that makes them for an upgraded or repaired store. `summaries.check` finds all of them
equal to a recomputation from the stored rows, as ingest's per-batch deltas are
(tests/store/test_replicate.py). Until 2026-12-03 every 10,000 copied articles were staged and
written as an ingest batch is (`writes.insert_staged`): the summaries of each batch appended and
the summary tables compacted as they grew, a hundred transactions for 10^6 articles (on the shared
machine 60 minutes for 198,300 articles; figures in docs/scale.md).

Claim and story cluster tables (store/claim_rows.py) are not copied.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import duckdb

from . import summaries
from .connection import table_columns
from .writes import BATCH_TABLES

_SEED = "_ng_seed_"
# Column -> the expression a copy takes (s: the seed row, m: the seed article's mapping to copy k).
_MAPPED = {
    ("articles", "id"): "m.new_id",
    ("articles", "date"): "m.new_date",
    ("articles", "url"): "s.url || '#copy-' || m.k",
    ("articles", "story"): "coalesce(st.new_id, m.new_id)",
    ("events", "date"): "s.date + (m.new_date - m.old_date)::INTEGER",
    ("minhash_bands", "band_key"): "(hash(s.band_key, m.k) >> 1)::BIGINT",
    ("article_keys", "akey"): "hash(m.new_id)",
}
_COPIED = tuple(name for name in BATCH_TABLES if name not in ("actors", "aliases"))  # copies name the same actors
# Summaries of one fact or article each, which name no other article and no date: a copy's rows are the
# seed's under the copy's id (a snippet is cut from the same text at the same offsets). Copied with the
# facts; the other summaries, which sum or sort across articles, are made once at the end by `rebuild`.
_PER_ROW = tuple(s.table for s in summaries.SUMMARIES if not s.compacted)


def replicate(con: duckdb.DuckDBPyConnection, copies: Sequence[int], *, seed: Sequence[str] | None = None,
              first_day: str = "2015-01-01", span_days: int = 1096, per_batch: int = 200_000,
              on_step: Callable[[int], None] = lambda n: None) -> int:
    """Store copies number `copies` of each `seed` article (default: every article stored now), then
    make the summaries again from the stored rows; returns how many articles were added.

    Copy numbers must be new for these seeds (copy k of an article has a fixed id). Each step
    (`on_step` is told its articles) is one transaction of at most about `per_batch` articles.
    """
    ids = list(seed) if seed is not None else [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    if not ids or not copies:
        return 0
    _take_seed(con, ids)
    added = 0
    try:
        for chunk in steps(copies, len(ids), max(1, per_batch // len(ids))):
            con.execute("BEGIN TRANSACTION")
            try:
                _insert_copies(con, chunk, first_day, span_days)
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            added += len(chunk) * len(ids)
            on_step(len(chunk) * len(ids))
    finally:
        for name in _COPIED + _PER_ROW:
            con.execute(f'DROP TABLE IF EXISTS "{_SEED}{name}"')
        con.execute("DROP TABLE IF EXISTS _ng_seed_map")
        con.execute("DROP TABLE IF EXISTS _ng_seed_ids")
    con.execute("BEGIN TRANSACTION")
    summaries.rebuild(con, [s.table for s in summaries.SUMMARIES if s.compacted])
    con.execute("COMMIT")
    return added


def steps(copies: Sequence[int], seeds: int, most: int) -> Iterator[list[int]]:
    """The copy numbers in steps that double the store (the seed's articles, then as many again, ...),
    at most `most` copies a step."""
    held, start = 1, 0  # the store holds the seed (copy 0) and the copies written so far
    while start < len(copies):
        take = max(1, min(held, most))
        yield list(copies[start:start + take])
        held += take
        start += take


def _take_seed(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
    """The seed articles' rows, read once into temporary tables (the stored tables only grow from here)."""
    con.execute("CREATE OR REPLACE TEMP TABLE _ng_seed_ids AS SELECT unnest(?::VARCHAR[]) AS id", [list(ids)])
    for name in _COPIED + _PER_ROW:
        key = "id" if name == "articles" else "article_id"
        con.execute(f'CREATE OR REPLACE TEMP TABLE "{_SEED}{name}" AS SELECT * FROM "{name}" '
                    f"WHERE {key} IN (SELECT id FROM _ng_seed_ids)")


def _insert_copies(con: duckdb.DuckDBPyConnection, chunk: Sequence[int], first_day: str, span_days: int) -> None:
    """One INSERT ... SELECT per table: every seed row once per copy number in `chunk`."""
    con.execute("""CREATE OR REPLACE TEMP TABLE _ng_seed_map AS
                   SELECT a.id AS old_id, c.k, substr(md5(a.id || '#' || c.k), 1, 16) AS new_id, a.date AS old_date,
                          (?::DATE + (hash(a.id, c.k) % ?)::INTEGER) AS new_date
                   FROM _ng_seed_articles a CROSS JOIN (SELECT unnest(?::INTEGER[]) AS k) c""",
                [first_day, span_days, list(chunk)])
    for name in _COPIED + _PER_ROW:
        columns = table_columns(con, name)
        key = "id" if name == "articles" else "article_id"
        exprs = [_MAPPED.get((name, c), "m.new_id" if c == key else f's."{c}"') for c in columns]
        story = (" LEFT JOIN _ng_seed_map st ON st.old_id = coalesce(s.story, s.id) AND st.k = m.k"
                 if name == "articles" else "")
        cols = ", ".join(f'"{c}"' for c in columns)
        con.execute(f'INSERT INTO "{name}" ({cols}) SELECT {", ".join(exprs)} '
                    f'FROM "{_SEED}{name}" s JOIN _ng_seed_map m ON m.old_id = s.{key}{story}')
