"""The store: idempotent ingest, one transaction per batch, schema versioning, stable ids."""
from __future__ import annotations

import duckdb
import pytest

from newsgraph import query, store
from newsgraph.errors import SchemaVersionError, StoreLockedError
from newsgraph.ingest import ingest
from newsgraph.store import rows

ONE = "date 2024-11-01 Mark Rutte met Olaf Scholz in Berlin. Rutte said NATO would act.\n"
TWO = "date 2024-11-02 Russia and the DPRK signed a pact. North Korea sent troops to Russia.\n"


@pytest.fixture
def corpus_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(ONE)
    (d / "two.txt").write_text(TWO)
    return d


def _counts(db):
    with query.open(db) as c:
        return c.stats()


def test_reingest_is_a_no_op(tmp_path, corpus_dir):
    db = str(tmp_path / "s.duckdb")
    first = ingest([str(corpus_dir)], db)
    before = _counts(db)
    second = ingest([str(corpus_dir)], db)
    assert (first.stored, first.skipped) == (2, 0)
    assert (second.stored, second.skipped) == (0, 2)
    assert _counts(db) == before


def test_duplicate_within_one_batch_is_stored_once(tmp_path, corpus_dir):
    db = str(tmp_path / "s.duckdb")
    summary = ingest([str(corpus_dir / "one.txt"), str(corpus_dir / "one.txt")], db)
    assert (summary.read, summary.stored, summary.skipped) == (2, 1, 1)


def test_actor_ids_are_shared_across_articles(tmp_path, corpus_dir):
    db = str(tmp_path / "s.duckdb")
    (corpus_dir / "three.txt").write_text("date 2024-11-03 The Russian Federation denied it. Mark Rutte disagreed.")
    ingest([str(corpus_dir)], db)
    with query.open(db) as c:
        russia = c.actor("Russian Federation")
        assert russia.actor.name == "Russia" and russia.articles == 2
        assert c.actor("Rutte").actor.id == c.actor("Mark Rutte").actor.id
        assert c.actor("Mark Rutte").articles == 2


def test_failed_batch_leaves_nothing_half_stored(tmp_path, corpus_dir, monkeypatch):
    db = str(tmp_path / "s.duckdb")
    ingest([str(corpus_dir / "one.txt")], db)
    before = _counts(db)
    real = rows.batch_tables

    def broken(articles):
        tables = real(articles)
        tables["mentions"] = tables["mentions"].rename_columns(["article_id", "idx", "actor_id", "start", "end", "text", "nope"])
        return tables

    monkeypatch.setattr(rows, "batch_tables", broken)
    with pytest.raises(duckdb.Error):
        ingest([str(corpus_dir / "two.txt")], db)
    assert _counts(db) == before  # no article row without its mentions


def test_newer_schema_is_refused_with_a_clear_message(tmp_path, corpus_dir):
    db = str(tmp_path / "s.duckdb")
    ingest([str(corpus_dir / "one.txt")], db)
    con = duckdb.connect(db)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaVersionError, match="version 99 is newer"):
        query.open(db)


def test_locked_store_says_so(tmp_path, corpus_dir):
    import subprocess
    import sys
    import textwrap

    db = str(tmp_path / "s.duckdb")
    ingest([str(corpus_dir / "one.txt")], db)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({db!r}); print("held", flush=True); time.sleep(30)""")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreLockedError, match="(locked|held open) by another (process|program)"):
            store.connect(db, read_only=False, wait=0.5)
    finally:
        holder.kill()
        holder.wait()


def test_reading_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="newsgraph ingest"):
        query.open(str(tmp_path / "nothing.duckdb"))
