"""Summaries kept at write time (store/summaries.py): equal to a recomputation from the stored rows
after ingest, merge, split, alias and load; what an actor's reads return equals the same reads over
the raw rows; an older store gets them on upgrade; they are never exported."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from newsgraph import query, store
from newsgraph.curate import Curator
from newsgraph.engines.shard_writer import ShardWriter
from newsgraph.ingest import extract, ingest, load
from newsgraph.store import lists, summaries

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# The reads of an actor's page as they were made from the raw rows before the summaries existed.
RAW_ACTIVITY = """WITH rows AS (
        SELECT 'events_as_source' AS kind, coalesce(e.date, a.date) AS d
        FROM events e JOIN articles a ON a.id = e.article_id WHERE list_contains(?::VARCHAR[], e.source)
        UNION ALL SELECT 'events_as_target', coalesce(e.date, a.date)
        FROM events e JOIN articles a ON a.id = e.article_id WHERE list_contains(?::VARCHAR[], e.target)
        UNION ALL SELECT 'quotes_by', a.date
        FROM quotes q JOIN articles a ON a.id = q.article_id WHERE list_contains(?::VARCHAR[], q.speaker)
        UNION ALL SELECT 'quotes_about', a.date FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND list_contains(?::VARCHAR[], m.actor_id)
                      AND m."start" >= q."start" AND m."end" <= q."end"))
    SELECT strftime(date_trunc(?, d), '%Y-%m-%d') AS period, kind, count(*) AS count
    FROM rows GROUP BY ALL ORDER BY period NULLS LAST, kind"""
RAW_COUNTERPARTS = """WITH e AS (
        SELECT 'out' AS direction, target AS counterpart, type FROM events
        WHERE list_contains(?::VARCHAR[], source) AND target IS NOT NULL AND NOT list_contains(?::VARCHAR[], target)
        UNION ALL SELECT 'in', source, type FROM events
        WHERE list_contains(?::VARCHAR[], target) AND source IS NOT NULL AND NOT list_contains(?::VARCHAR[], source))
    SELECT counterpart, direction, type, count(*) AS events FROM e GROUP BY ALL ORDER BY ALL"""
RAW_COUNTS = "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE actor_id = ?"
RAW_LABELS = """SELECT d.label, coalesce(a.outlet, '') AS outlet, count(*) AS count, strftime(min(a.date), '%Y-%m-%d'),
                       strftime(max(a.date), '%Y-%m-%d')
                FROM descriptors d JOIN articles a ON a.id = d.article_id WHERE d.actor_id = ? GROUP BY ALL ORDER BY ALL"""
RAW_ROLES = """SELECT d.role, d.of_actor, strftime(min(a.date), '%Y-%m-%d'), strftime(max(a.date), '%Y-%m-%d'), count(*)
               FROM descriptors d JOIN articles a ON a.id = d.article_id
               WHERE d.actor_id = ? AND d.role IS NOT NULL AND d.kind <> 'description' GROUP BY ALL ORDER BY ALL"""
RAW_RELATION = """SELECT strftime(date_trunc('month', coalesce(e.date, a.date)), '%Y-%m-%d') AS period,
                         CASE WHEN list_contains(?::VARCHAR[], e.source) THEN 'a->b' ELSE 'b->a' END, e.type, count(*)
                  FROM events e JOIN articles a ON a.id = e.article_id
                  WHERE (list_contains(?::VARCHAR[], e.source) AND list_contains(?::VARCHAR[], e.target))
                     OR (list_contains(?::VARCHAR[], e.source) AND list_contains(?::VARCHAR[], e.target))
                  GROUP BY ALL ORDER BY ALL"""
RAW_QUOTES_ABOUT = """SELECT q.article_id, q.idx FROM quotes q JOIN articles a ON a.id = q.article_id
                      WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND m.actor_id = ?
                                    AND m."start" >= q."start" AND m."end" <= q."end")
                      ORDER BY a.date DESC NULLS LAST, q.article_id, q.idx"""


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("summaries") / "examples.duckdb")
    assert ingest([str(EXAMPLES)], db).stored == 6
    return db


@pytest.fixture
def db(examples_store, tmp_path) -> str:
    copy = str(tmp_path / "copy.duckdb")
    shutil.copy(examples_store, copy)
    return copy


def _actors_with_rows(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(
        """SELECT actor_id FROM mentions UNION SELECT speaker FROM quotes WHERE speaker IS NOT NULL
           UNION SELECT source FROM events WHERE source IS NOT NULL UNION SELECT target FROM events WHERE target IS NOT NULL
           UNION SELECT actor_id FROM descriptors WHERE actor_id IS NOT NULL ORDER BY 1""").fetchall()]


def _assert_reads_match_raw_rows(db: str) -> None:
    """Every actor's counts, activity, network, labels and roles, and quotes about it, as the raw rows give them."""
    with query.open(db) as c:
        con = c._con
        assert summaries.check(con) == {}
        actors = _actors_with_rows(con)
        assert actors
        for aid in actors:
            profile = store.actor(con, aid)
            assert profile is not None
            assert (profile["mentions"], profile["articles"]) == tuple(con.execute(RAW_COUNTS, [aid]).fetchall()[0])
            found = lists.actor_matches(con, None, profile["name"], None)[0]  # the search page's actors
            assert aid in {r["id"] for r in found}
            for row in found:
                assert (row["mentions"], row["articles"]) == tuple(con.execute(RAW_COUNTS, [row["id"]]).fetchall()[0])
            for by in ("day", "week", "month", "year"):
                assert [tuple(r.values()) for r in store.activity(con, [aid], by).dicts()] == \
                    con.execute(RAW_ACTIVITY, [[aid]] * 4 + [by]).fetchall()
            network = sorted((r["counterpart"], r["direction"], r["type"], r["events"]) for r in store.counterparts(con, [aid]).dicts())
            assert network == con.execute(RAW_COUNTERPARTS, [[aid]] * 4).fetchall()
            assert sorted(tuple(r.values()) for r in store.actor_labels(con, aid).dicts()) == con.execute(RAW_LABELS, [aid]).fetchall()
            roles = sorted((r["role"], r["of_actor"], r["first_seen"], r["last_seen"], r["mentions"])
                           for r in store.actor_roles(con, aid).dicts())
            assert roles == con.execute(RAW_ROLES, [aid]).fetchall()
            about = [(q.article_id, q.idx) for q in c.latest_quotes(about=aid, limit=None)]
            assert about == con.execute(RAW_QUOTES_ABOUT, [aid]).fetchall()


def _two_actors_with_events(db: str) -> tuple[str, str]:
    with query.open(db) as c:
        rows = c._con.execute("""SELECT source, target FROM events WHERE source IS NOT NULL AND target IS NOT NULL
                                 AND source <> target GROUP BY ALL ORDER BY count(*) DESC, source, target LIMIT 1""").fetchall()
    return rows[0][0], rows[0][1]


def test_summaries_after_ingest_equal_the_raw_rows(examples_store):
    _assert_reads_match_raw_rows(examples_store)


def test_summaries_after_ingest_in_several_batches_equal_the_raw_rows(tmp_path):
    """Each batch appends the deltas of its own rows to a store that has rows already."""
    db = str(tmp_path / "batches.duckdb")
    assert ingest([str(EXAMPLES)], db, batch_size=2).stored == 6
    with query.open(db) as c:
        assert c._con.execute("SELECT count(DISTINCT ingested_at) FROM articles").fetchall()[0][0] == 3
    _assert_reads_match_raw_rows(db)


def test_summaries_after_merge_equal_the_raw_rows(db):
    keep, other = _two_actors_with_events(db)
    with Curator(db) as curator:
        curator.merge(keep, other)
    _assert_reads_match_raw_rows(db)


def test_summaries_after_split_equal_the_raw_rows(db):
    with query.open(db) as c:
        aid, written = c._con.execute("""SELECT actor_id, text FROM mentions WHERE how = 'name'
                                         GROUP BY ALL ORDER BY count(*) DESC, actor_id, text LIMIT 1""").fetchall()[0]
    with Curator(db) as curator:
        curator.split(aid, written)
    _assert_reads_match_raw_rows(db)


def test_summaries_after_alias_equal_the_raw_rows(db):
    with query.open(db) as c:
        target, written = c._con.execute(
            """SELECT a.id, m.text FROM mentions m, actors a WHERE m.actor_id <> a.id AND m.how = 'name' AND a.type = 'PERSON'
               ORDER BY m.article_id, m.idx, a.id LIMIT 1""").fetchall()[0]
    with Curator(db) as curator:
        curator.add_alias(target, written)
    _assert_reads_match_raw_rows(db)


def test_summaries_after_load_equal_the_raw_rows(db, tmp_path):
    text = tmp_path / "later.txt"
    text.write_text("date 2024-12-01 Mark Rutte met Kaja Kallas in Tallinn. Rutte said NATO would defend Estonia.\n")
    writer = ShardWriter(str(tmp_path / "shards"))
    for article in extract([str(text)], cluster=False):
        writer.add(article)
    writer.close()
    assert load(db, str(tmp_path / "shards")).articles == 1
    _assert_reads_match_raw_rows(db)


def test_compaction_keeps_the_sums_and_sorts_by_actor(db):
    con = store.connect(db, read_only=False)
    try:
        before = {s.table: con.execute(f"SELECT count(*) FROM {s.table}").fetchall()[0][0] for s in summaries.SUMMARIES}
        assert set(summaries.compact(con, force=True)) == {s.table for s in summaries.SUMMARIES if s.compacted}
        assert summaries.check(con) == {}
        counts = con.execute("SELECT actor_id FROM actor_counts").fetchall()
        assert counts == sorted(counts) and len(counts) == len(set(counts)) <= before["actor_counts"]
    finally:
        con.close()
    _assert_reads_match_raw_rows(db)


def test_an_older_store_gets_its_summaries_on_upgrade(db):
    con = duckdb.connect(db)
    for table in summaries.SUMMARY_TABLES:
        con.execute(f"DROP TABLE {table}")
    con.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    con.close()
    _assert_reads_match_raw_rows(db)  # a read-only open upgrades the file once


def test_a_store_of_an_older_derived_layout_gets_the_later_summaries_on_open(db):
    con = duckdb.connect(db)
    for table in summaries.LATER_SUMMARIES:
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM meta WHERE key = 'derived_version'")
    con.close()
    _assert_reads_match_raw_rows(db)  # a read-only open makes them once
    con = duckdb.connect(db, read_only=True)
    try:
        assert all(con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] > 0 for t in summaries.LATER_SUMMARIES)
    finally:
        con.close()


def test_summaries_are_not_exported(db):
    with query.open(db) as c:
        exported = set(c.tables())
    assert exported and not exported & set(summaries.SUMMARY_TABLES)


def _actor_with_the_widest_network(db: str) -> str:
    """The actor with the most (counterpart, direction, type) rows in its network."""
    with query.open(db) as c:
        return c._con.execute("""SELECT actor FROM (
                                     SELECT source AS actor, target AS other, 'out' AS direction, type FROM events
                                     UNION ALL SELECT target, source, 'in', type FROM events)
                                 WHERE actor IS NOT NULL AND other IS NOT NULL AND actor <> other
                                 GROUP BY actor ORDER BY count(DISTINCT (other, direction, type)) DESC, actor
                                 LIMIT 1""").fetchone()[0]


def test_counterpart_pages_cover_the_network_once(db):
    aid = _actor_with_the_widest_network(db)
    with query.open(db) as c:
        whole = c.counterparts(aid).to_list()
        paged = [r for offset in range(0, len(whole), 2) for r in c.counterparts(aid, limit=2, offset=offset)]
    assert len(whole) > 2 and paged == whole


def test_a_name_covering_two_actors_counts_each_quote_and_event_once(db):
    """Several ids for one name (`actor_ids`): activity, network and relation read as the raw rows give them."""
    with query.open(db) as c:
        con = c._con
        a, b = con.execute("""SELECT m1.actor_id, m2.actor_id FROM quotes q
                              JOIN mentions m1 ON m1.article_id = q.article_id AND m1."start" >= q."start" AND m1."end" <= q."end"
                              JOIN mentions m2 ON m2.article_id = q.article_id AND m2."start" >= q."start" AND m2."end" <= q."end"
                              WHERE m1.actor_id < m2.actor_id ORDER BY ALL LIMIT 1""").fetchall()[0]
        both = [a, b]
        assert [tuple(r.values()) for r in store.activity(con, both, "month").dicts()] == \
            con.execute(RAW_ACTIVITY, [both] * 4 + ["month"]).fetchall()
        network = sorted((r["counterpart"], r["direction"], r["type"], r["events"]) for r in store.counterparts(con, both).dicts())
        assert network == con.execute(RAW_COUNTERPARTS, [both] * 4).fetchall()
        source, target = _two_actors_with_events(db)
        assert sorted(tuple(r.values()) for r in store.relation(con, [source, a], [target, b], "month").dicts()) == \
            con.execute(RAW_RELATION, [[source, a], [source, a], [target, b], [target, b], [source, a]]).fetchall()


def test_a_store_of_layout_4_gets_the_article_keys_of_its_articles_on_open(db):
    """`article_keys` (derived layout 5): every stored article under DuckDB's hash of its id, the key the
    search index keeps, made when a store of the layout before it is opened."""
    con = duckdb.connect(db)
    con.execute("DROP TABLE article_keys")
    con.execute("UPDATE meta SET value = '4' WHERE key = 'derived_version'")
    con.close()
    _assert_reads_match_raw_rows(db)
    con = duckdb.connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM article_keys").fetchall()[0][0] == \
            con.execute("SELECT count(*) FROM articles").fetchall()[0][0] > 0
        assert con.execute("SELECT count(*) FROM article_keys k JOIN articles a ON a.id = k.article_id "
                           "WHERE k.akey <> hash(a.id)").fetchall()[0][0] == 0
    finally:
        con.close()
