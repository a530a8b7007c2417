"""The claim and story indexes in a store: what a batch's lookup reads and what its `add` writes.

The clusterers (claims/index.py, claims/stories.py) keep no state between batches when they run over a
store: before each batch they ask for the postings of the batch's (term, bucket) keys, the clusters
those name, the term counts and the clock (`claim_lookup`, `story_lookup`); after it the rows the
batch added or changed are written in the caller's transaction (`write_claim_rows`,
`write_story_rows`), so the next batch's lookup sees them. Tables: schema.sql ("Claim clusters").
Each key gives at most `cap` postings, the newest (as the in-memory index keeps them), so a batch
reads the same few rows however large the store is.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, replace
from typing import Any

import duckdb
import pyarrow as pa

from ..claims.adapters import claim_quotes, story_article
from ..claims.index import Assignment, ClaimBatch, ClaimIndex, ClaimLookup
from ..claims.quotes import quote_key
from ..claims.rows import ClaimRows, ClusterRow, PostingRow, TermCountRow, VariantRow
from ..claims.settings import ClaimSettings, StorySettings
from ..claims.stories import StoryClusterRow, StoryIndex, StoryLookup, StoryMemberRow, StoryRows, StoryVariantRow
from ..model import Article
from .reads import CorpusRows
from .writes import Minhashes, WriteResult, fresh_articles, insert_batch

_KEYS = "_ng_claim_keys"
_TERMS = "_ng_claim_terms"
_ROWS = "_ng_claim_rows"


def _keys_table(keys: Sequence[tuple[str, int]]) -> pa.Table:
    return pa.table({"term": pa.array([k[0] for k in keys], pa.string()),
                     "bucket": pa.array([k[1] for k in keys], pa.int32())})


def _terms_table(terms: Sequence[str]) -> pa.Table:
    return pa.table({"term": pa.array(list(terms), pa.string())})


def _postings(cur: duckdb.DuckDBPyConnection, table: str, keys: Sequence[tuple[str, int]], cap: int) -> list[PostingRow]:
    """The newest `cap` postings of each requested key, oldest first (the order the index evicts in)."""
    cur.register(_KEYS, _keys_table(keys))
    rows = cur.execute(f"""SELECT term, bucket, cluster_id FROM (
            SELECT p.term, p.bucket, p.cluster_id, p.seq,
                   row_number() OVER (PARTITION BY p.term, p.bucket ORDER BY p.seq DESC) AS rank
            FROM {table} p JOIN {_KEYS} k ON p.term = k.term AND p.bucket = k.bucket)
        WHERE rank <= ? ORDER BY term, bucket, seq""", [cap]).fetchall()
    cur.unregister(_KEYS)
    return [PostingRow(t, int(b), c) for t, b, c in rows]


def _counts(cur: duckdb.DuckDBPyConnection, table: str, terms: Sequence[str]) -> list[TermCountRow]:
    cur.register(_TERMS, _terms_table(terms))
    rows = cur.execute(f"SELECT c.term, c.count FROM {table} c JOIN {_TERMS} t ON c.term = t.term").fetchall()
    cur.unregister(_TERMS)
    return [TermCountRow(t, int(n)) for t, n in rows]


def _ids(postings: Sequence[PostingRow]) -> list[str]:
    return sorted({p.cluster_id for p in postings})


def claim_lookup(con: duckdb.DuckDBPyConnection, cap: int) -> ClaimLookup:
    """A `ClaimIndex` lookup over the store (`cap`: `ClaimSettings.posting_cap`)."""
    def lookup(keys: Sequence[tuple[str, int]], terms: Sequence[str]) -> ClaimRows:
        with con.cursor() as cur:
            postings = _postings(cur, "claim_postings", keys, cap)
            ids = _ids(postings)
            clusters = [ClusterRow(*r) for r in cur.execute(
                "SELECT claim_id, first_quote_id, first_date, last_date, size, speaker, speaker_group FROM claims "
                "WHERE claim_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY claim_id", [ids]).fetchall()]
            variants = [VariantRow(*r[:5], *(tuple(x or ()) for x in r[5:])) for r in cur.execute(
                "SELECT claim_id, quote_id, date, speaker, speaker_group, terms, negated, mixed, numbers, entities, parts "
                "FROM claim_variants WHERE claim_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY claim_id, quote_id",
                [ids]).fetchall()]
            counts = _counts(cur, "claim_term_counts", terms)
            clock = cur.execute("SELECT max(last_date) FROM claims").fetchall()[0][0]
        return ClaimRows(clusters=clusters, variants=variants, postings=postings, term_counts=counts, clock=clock)

    return lookup


def story_lookup(con: duckdb.DuckDBPyConnection, cap: int) -> StoryLookup:
    """A `StoryIndex` lookup over the store (`cap`: `StorySettings.posting_cap`)."""
    def lookup(keys: Sequence[tuple[str, int]], terms: Sequence[str], copied: Sequence[str]) -> StoryRows:
        with con.cursor() as cur:
            postings = _postings(cur, "story_postings", keys, cap)
            members = [StoryMemberRow(a, s, float(x or 0.0)) for a, s, x in cur.execute(
                "SELECT article_id, story_cluster, score FROM story_members WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [list(copied)]).fetchall()]
            ids = sorted(set(_ids(postings)) | {m.story_cluster for m in members})
            clusters = [StoryClusterRow(*r) for r in cur.execute(
                "SELECT story_cluster, first_article_id, first_date, last_date, size FROM story_clusters "
                "WHERE story_cluster IN (SELECT unnest(?::VARCHAR[])) ORDER BY story_cluster", [ids]).fetchall()]
            variants = [StoryVariantRow(s, a, tuple(t or ())) for s, a, t in cur.execute(
                "SELECT story_cluster, article_id, terms FROM story_variants "
                "WHERE story_cluster IN (SELECT unnest(?::VARCHAR[])) ORDER BY story_cluster, article_id", [ids]).fetchall()]
            counts = _counts(cur, "story_term_counts", terms)
            clock = cur.execute("SELECT max(last_date) FROM story_clusters").fetchall()[0][0]
        return StoryRows(members=members, clusters=clusters, variants=variants, postings=postings, term_counts=counts,
                         clock=clock)

    return lookup


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Any], conflict: str) -> None:
    """Insert dataclass rows (tuples become lists) with an ON CONFLICT clause."""
    if not rows:
        return
    dicts = [{k: list(v) if isinstance(v, tuple) else v for k, v in asdict(r).items()} for r in rows]
    con.register(_ROWS, pa.Table.from_pylist(dicts))
    cols = ", ".join(f'"{c}"' for c in dicts[0])
    con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {_ROWS} {conflict}")
    con.unregister(_ROWS)


def _insert_postings(con: duckdb.DuckDBPyConnection, table: str, postings: Sequence[PostingRow]) -> None:
    """Postings in the order the index made them; a re-posted cluster becomes the newest of its key."""
    if not postings:
        return
    start = con.execute(f"SELECT coalesce(max(seq), 0) FROM {table}").fetchall()[0][0]
    con.register(_ROWS, pa.table({"term": [p.term for p in postings], "bucket": pa.array([p.bucket for p in postings], pa.int32()),
                                  "cluster_id": [p.cluster_id for p in postings],
                                  "seq": pa.array(range(start + 1, start + 1 + len(postings)), pa.int64())}))
    con.execute(f"INSERT INTO {table} SELECT term, bucket, cluster_id, seq FROM {_ROWS} "
                "ON CONFLICT (term, bucket, cluster_id) DO UPDATE SET seq = excluded.seq")
    con.unregister(_ROWS)


def _add_counts(con: duckdb.DuckDBPyConnection, table: str, counts: Sequence[TermCountRow], increments: bool) -> None:
    how = f"{table}.count + excluded.count" if increments else "excluded.count"
    _insert(con, table, counts, f"ON CONFLICT (term) DO UPDATE SET count = {how}")


def write_claim_rows(con: duckdb.DuckDBPyConnection, rows: ClaimRows) -> None:
    """Write a batch's claim rows (inside the caller's transaction)."""
    _insert(con, "claim_members", rows.members, "ON CONFLICT DO NOTHING")
    _insert(con, "claims", rows.clusters, "ON CONFLICT (claim_id) DO UPDATE SET first_date = excluded.first_date, "
            "last_date = excluded.last_date, size = excluded.size, speaker = excluded.speaker, "
            "speaker_group = excluded.speaker_group")
    _insert(con, "claim_variants", rows.variants, "ON CONFLICT DO NOTHING")
    _insert_postings(con, "claim_postings", rows.postings)
    _add_counts(con, "claim_term_counts", rows.term_counts, rows.counts_are_increments)


def write_story_rows(con: duckdb.DuckDBPyConnection, rows: StoryRows) -> None:
    """Write a batch's story rows (inside the caller's transaction)."""
    _insert(con, "story_members", rows.members, "ON CONFLICT DO NOTHING")
    _insert(con, "story_clusters", rows.clusters, "ON CONFLICT (story_cluster) DO UPDATE SET first_date = "
            "excluded.first_date, last_date = excluded.last_date, size = excluded.size")
    _insert(con, "story_variants", rows.variants, "ON CONFLICT DO NOTHING")
    _insert_postings(con, "story_postings", rows.postings)
    _add_counts(con, "story_term_counts", rows.term_counts, rows.counts_are_increments)


def with_clusters(article: Article, claims: Mapping[str, Assignment], story_of: Mapping[str, str]) -> Article:
    """The article with each quote's `claim` and its `story_cluster` (those the clusterers gave it)."""
    quotes = [replace(q, claim=claims[quote_key(article.id, i)].claim_id) if quote_key(article.id, i) in claims else q
              for i, q in enumerate(article.quotes)]
    return replace(article, quotes=quotes, story_cluster=story_of.get(article.id, article.story_cluster))


def cluster_batch(articles: Sequence[Article], claims: ClaimIndex,
                  stories: StoryIndex) -> tuple[list[Article], ClaimBatch, StoryRows]:
    """A batch's articles with their claims and story clusters, and the rows the indexes made for it."""
    batch = claims.add(q for a in articles for q in claim_quotes(a))
    story_of, story_rows = stories.add(story_article(a) for a in articles)
    return [with_clusters(a, batch.assignments, story_of) for a in articles], batch, story_rows


def set_story_clusters(con: duckdb.DuckDBPyConnection, articles: Sequence[Article]) -> None:
    """`articles.story_cluster` of stored articles (the article rows of store/rows.py do not carry it)."""
    given = [a for a in articles if a.story_cluster]
    if not given:
        return
    con.register(_ROWS, pa.table({"article_id": [a.id for a in given], "story_cluster": [a.story_cluster for a in given]}))
    con.execute(f"UPDATE articles SET story_cluster = m.story_cluster FROM {_ROWS} m WHERE articles.id = m.article_id")
    con.unregister(_ROWS)


def cluster_into(con: duckdb.DuckDBPyConnection, articles: Sequence[Article]) -> list[Article]:
    """Cluster new articles against this store and write the clusterers' rows (caller's transaction);
    returns the articles with their `claim`s and `story_cluster`, to be written next."""
    claim_settings, story_settings = ClaimSettings(), StorySettings()
    claims = ClaimIndex(claim_settings, lookup=claim_lookup(con, claim_settings.posting_cap))
    stories = StoryIndex(story_settings, lookup=story_lookup(con, story_settings.posting_cap))
    clustered, batch, story_rows = cluster_batch(articles, claims, stories)
    write_claim_rows(con, batch.rows)
    write_story_rows(con, story_rows)
    return clustered


def cluster_and_write(con: duckdb.DuckDBPyConnection, articles: Sequence[Article],
                      minhashes: Minhashes | None = None) -> WriteResult:
    """Store a batch with its claim and story clusters, in one transaction (the store path of ingest).

    The batch's quotes join the claims stored before it (a `ClaimIndex` asking this store), its
    articles the stored stories; the articles are written with their `claim`s and `story_cluster`,
    and the clusterers' rows beside them, so the next batch's lookup sees this one.
    """
    fresh = fresh_articles(con, articles)
    result = WriteResult(stored=len(fresh), skipped=len(articles) - len(fresh))
    if not fresh:
        return result
    con.execute("BEGIN TRANSACTION")
    try:
        clustered = cluster_into(con, fresh)
        insert_batch(con, clustered, minhashes)
        set_story_clusters(con, clustered)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return result


def clustering_step(step: Callable[[CorpusRows, list[Article]], list[Article]]) -> Callable[[CorpusRows, list[Article]], list[Article]]:
    """A corpus step that then clusters the articles against the store it reads (the load path: a shard's
    articles are clustered inside the shard's transaction, before they are written).

    `articles.story_cluster` is not set on this path until store/rows.py writes that column; the
    story_members rows are."""
    def clustered(reader: CorpusRows, articles: list[Article]) -> list[Article]:
        return cluster_into(reader._con, step(reader, articles))  # noqa: SLF001 - the step's own connection

    return clustered
