"""A large store made from a small one: stored articles' rows copied under new ids, dates and band keys.

`benchmarks/growth.py` and the scale tests need stores of 10^4 to 10^6 articles; analyzing that
many takes days, so a few hundred really analyzed articles are copied with SQL, through the
store's own write path (`writes.stage` and `writes.insert_staged`), so the copies get their
summaries exactly as ingested articles do. Copy `k` of article `a`:

* id `md5(a || '#' || k)` (16 hex digits, like a real id); its story is the copy `k` of its story;
* a date spread over `span_days` from `first_day` by a hash of (a, k); an event's own date
  moves with its article; the URL gets `#copy-k` (NULL stays NULL);
* MinHash band keys hashed with k (a copy never matches another copy), the same signature;
* every mention, quote, event and descriptor as the article has it, with the same actors.

Claim and story cluster tables (store/claim_rows.py) are not copied.
"""
from __future__ import annotations

from collections.abc import Sequence

import duckdb

from .connection import table_columns
from .writes import BATCH_TABLES, STAGED, insert_staged, stage

_SEED = "_ng_seed_"
# Column -> the expression a copy takes (s: the seed row, m: the seed article's mapping to copy k).
_MAPPED = {
    ("articles", "id"): "m.new_id",
    ("articles", "date"): "m.new_date",
    ("articles", "url"): "s.url || '#copy-' || m.k",
    ("articles", "story"): "coalesce(st.new_id, m.new_id)",
    ("events", "date"): "s.date + (m.new_date - m.old_date)::INTEGER",
    ("minhash_bands", "band_key"): "(hash(s.band_key, m.k) >> 1)::BIGINT",
}


def replicate(con: duckdb.DuckDBPyConnection, copies: Sequence[int], *, seed: Sequence[str] | None = None,
              first_day: str = "2015-01-01", span_days: int = 1096, per_batch: int = 10_000) -> int:
    """Store copies number `copies` of each `seed` article (default: every article stored now), in
    transactions of about `per_batch` articles; returns how many articles were added.

    Copy numbers must be new for these seeds (copy k of an article has a fixed id).
    """
    ids = list(seed) if seed is not None else [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    if not ids or not copies:
        return 0
    _take_seed(con, ids)
    step = max(1, per_batch // len(ids))
    added = 0
    try:
        for start in range(0, len(copies), step):
            chunk = list(copies[start:start + step])
            con.execute("BEGIN TRANSACTION")
            try:
                _stage_copies(con, chunk, first_day, span_days)
                insert_staged(con)
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            added += len(chunk) * len(ids)
    finally:
        for name in BATCH_TABLES:
            con.execute(f'DROP TABLE IF EXISTS "{_SEED}{name}"')
        con.execute("DROP TABLE IF EXISTS _ng_seed_map")
    return added


def _take_seed(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
    """The seed articles' rows, read once into temporary tables (the stored tables only grow from here)."""
    con.execute("CREATE OR REPLACE TEMP TABLE _ng_seed_ids AS SELECT unnest(?::VARCHAR[]) AS id", [list(ids)])
    for name in BATCH_TABLES:
        key = "id" if name == "articles" else "article_id" if "article_id" in table_columns(con, name) else None
        where = f" WHERE {key} IN (SELECT id FROM _ng_seed_ids)" if key else " LIMIT 0"
        con.execute(f'CREATE OR REPLACE TEMP TABLE "{_SEED}{name}" AS SELECT * FROM "{name}"{where}')


def _stage_copies(con: duckdb.DuckDBPyConnection, chunk: Sequence[int], first_day: str, span_days: int) -> None:
    con.execute("""CREATE OR REPLACE TEMP TABLE _ng_seed_map AS
                   SELECT a.id AS old_id, c.k, substr(md5(a.id || '#' || c.k), 1, 16) AS new_id, a.date AS old_date,
                          (?::DATE + (hash(a.id, c.k) % ?)::INTEGER) AS new_date
                   FROM _ng_seed_articles a CROSS JOIN (SELECT unnest(?::INTEGER[]) AS k) c""",
                [first_day, span_days, list(chunk)])
    stage(con, {})
    for name in BATCH_TABLES:
        columns = [c for c in table_columns(con, name)]
        if name in ("actors", "aliases") or not columns:
            continue
        key = "id" if name == "articles" else "article_id"
        exprs = []
        for c in columns:
            if (name, c) in _MAPPED:
                exprs.append(_MAPPED[(name, c)])
            elif c == key:
                exprs.append("m.new_id")
            else:
                exprs.append(f's."{c}"')
        story = (" LEFT JOIN _ng_seed_map st ON st.old_id = coalesce(s.story, s.id) AND st.k = m.k"
                 if name == "articles" else "")
        cols = ", ".join(f'"{c}"' for c in columns)
        con.execute(f'INSERT INTO "{STAGED}{name}" ({cols}) SELECT {", ".join(exprs)} '
                    f'FROM "{_SEED}{name}" s JOIN _ng_seed_map m ON m.old_id = s.{key}{story}')
