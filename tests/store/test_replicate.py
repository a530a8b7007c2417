"""Replicated stores (store/replicate.py, benchmarks/growth.py): bulk copies under new ids, dates and
band keys whose summaries equal a recomputation from the stored rows, as ingest's would."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsgraph import query, store
from newsgraph.ingest import ingest
from newsgraph.store import replicate, summaries

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("replicate") / "seed.duckdb")
    assert ingest([str(EXAMPLES)], db).stored == 6
    return db


@pytest.fixture
def grown(seed_store, tmp_path) -> str:
    """The six example articles and nine copies of each (steps of 1, 2, 4 and 2 copies)."""
    db = str(tmp_path / "grown.duckdb")
    shutil.copy(seed_store, db)
    with store.opened(db, read_only=False) as con:
        assert replicate.replicate(con, range(1, 10), per_batch=24) == 54
    return db


@pytest.mark.parametrize(("copies", "most", "expected"), [
    (range(1, 10), 100, [[1], [2, 3], [4, 5, 6, 7], [8, 9]]),
    (range(1, 10), 3, [[1], [2, 3], [4, 5, 6], [7, 8, 9]]),
    (range(1, 2), 100, [[1]]),
])
def test_steps_double_the_store_up_to_a_cap(copies, most, expected):
    assert list(replicate.steps(copies, 6, most)) == expected


def test_summaries_of_a_replicated_store_equal_a_recomputation_from_its_rows(grown):
    with store.opened(grown, read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall()[0] == (60, 60)
        assert summaries.check(con) == {}
        sizes = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("quote_snippets", "article_keys")}
        assert sizes == {"quote_snippets": con.execute("SELECT count(*) FROM quotes").fetchall()[0][0], "article_keys": 60}


def test_a_copy_has_its_seed_articles_facts_and_snippets_under_its_own_id(grown, seed_store):
    with store.opened(seed_store, read_only=True) as con:
        seed_id, quotes = con.execute("SELECT article_id, count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1").fetchall()[0]
        snippets = con.execute("SELECT idx, text FROM quote_snippets WHERE article_id = ? ORDER BY idx", [seed_id]).fetchall()
    with store.opened(grown, read_only=True) as con:
        copy_id = con.execute("SELECT substr(md5(? || '#3'), 1, 16)", [seed_id]).fetchall()[0][0]
        assert con.execute("SELECT count(*) FROM quotes WHERE article_id = ?", [copy_id]).fetchall()[0][0] == quotes
        assert con.execute("SELECT idx, text FROM quote_snippets WHERE article_id = ? ORDER BY idx", [copy_id]).fetchall() == snippets
        shared = con.execute("""SELECT count(*) FROM minhash_bands b JOIN minhash_bands c ON b.band_key = c.band_key
                                WHERE b.article_id = ? AND c.article_id = ?""", [seed_id, copy_id]).fetchall()[0][0]
        assert shared == 0  # a copy is no syndicated copy of its seed


def test_an_actor_of_a_replicated_store_has_ten_times_its_seed_mentions(grown, seed_store):
    with query.open(seed_store) as c:
        busiest = c.actors().to_list()[0]
    with query.open(grown) as c:
        profile = c.actor(busiest.id)
        assert profile.mentions == 10 * busiest.mentions
