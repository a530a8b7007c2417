"""Claims through a store: a second ingest's quote joins a stored claim, batches cut differently give the
same claim ids, the rows land beside the articles, and an older store gains the claim tables.

Articles are built by hand (no spaCy): the clusterer reads only quotes, speakers, dates and outlets."""
from __future__ import annotations

import duckdb
import pytest

from newsgraph import store
from newsgraph.model import Actor, Article, Quote
from newsgraph.store.claim_rows import cluster_and_write

from .conftest import BACKGROUND

MINISTER = Actor("actor:minister", "Ana Varga", "PERSON", "XYZ")
CLAIM = "the new bridge over the river will open to traffic in the spring"
PARAPHRASE = "the new bridge across the river would open to traffic this spring"


def article(n: int, text: str, *, date: str = "2024-03-01", speaker: Actor | None = MINISTER) -> Article:
    """An article of one quote (its whole text) by `speaker`, from outlet n."""
    quote = Quote(speaker.id if speaker else None, speaker.name if speaker else None, None, None, "said", None, None,
                  text, 0, len(text))
    return Article(id=f"art{n:03d}", source=f"art{n:03d}.txt", date=date, title=None, text=text,
                   actors=[speaker] if speaker else [], quotes=[quote], outlet=f"outlet{n}.example")


def background() -> list[Article]:
    return [article(100 + i, t, speaker=Actor(f"actor:other{i}", f"Other {i}", "PERSON")) for i, t in enumerate(BACKGROUND)]


@pytest.fixture
def con(tmp_path) -> duckdb.DuckDBPyConnection:
    path = str(tmp_path / "claims.duckdb")
    store.connect(path, read_only=False).close()
    c = duckdb.connect(path)
    yield c
    c.close()


def claim_of(con: duckdb.DuckDBPyConnection, article_id: str) -> str:
    return con.execute("SELECT claim FROM quotes WHERE article_id = ? AND idx = 0", [article_id]).fetchall()[0][0]


def test_second_ingest_joins_the_stored_claim(con) -> None:
    cluster_and_write(con, [*background(), article(1, CLAIM)])
    cluster_and_write(con, [article(2, PARAPHRASE, date="2024-03-02")])
    assert claim_of(con, "art002") == claim_of(con, "art001")
    size = con.execute("SELECT size FROM claims WHERE claim_id = ?", [claim_of(con, "art001")]).fetchall()[0][0]
    assert size == 2


def test_unrelated_quote_starts_its_own_claim(con) -> None:
    cluster_and_write(con, [*background(), article(1, CLAIM)])
    cluster_and_write(con, [article(2, "the hospital will hire two hundred nurses before the winter", date="2024-03-02")])
    assert claim_of(con, "art002") != claim_of(con, "art001")


def test_claim_ids_do_not_depend_on_how_batches_are_cut(tmp_path) -> None:
    arts = [*background(), article(1, CLAIM), article(2, PARAPHRASE, date="2024-03-02"),
            article(3, "the hospital will hire two hundred nurses before the winter", date="2024-03-03")]
    answers = []
    for size in (1, 4, len(arts)):
        path = str(tmp_path / f"b{size}.duckdb")
        store.connect(path, read_only=False).close()
        with duckdb.connect(path) as c:
            for i in range(0, len(arts), size):
                cluster_and_write(c, arts[i:i + size])
            answers.append(c.execute("SELECT article_id, claim FROM quotes ORDER BY article_id").fetchall())
    assert answers[0] == answers[1] == answers[2]


def test_articles_get_their_story_cluster(con) -> None:
    cluster_and_write(con, [article(1, CLAIM)])
    row = con.execute("SELECT a.story_cluster, m.story_cluster FROM articles a JOIN story_members m ON m.article_id = a.id "
                      "WHERE a.id = 'art001'").fetchall()
    assert row and row[0][0] is not None and row[0][0] == row[0][1]


def test_an_article_stored_already_adds_no_claim_rows(con) -> None:
    cluster_and_write(con, [article(1, CLAIM)])
    result = cluster_and_write(con, [article(1, CLAIM)])
    assert result.skipped == 1
    assert con.execute("SELECT count(*) FROM claim_members").fetchall()[0][0] == 1


def test_term_counts_add_up_over_batches(con) -> None:
    cluster_and_write(con, [article(1, CLAIM)])
    cluster_and_write(con, [article(2, PARAPHRASE, date="2024-03-02")])
    assert con.execute("SELECT count FROM claim_term_counts WHERE term = ''").fetchall()[0][0] == 2


def test_an_older_store_gains_the_claim_tables(tmp_path) -> None:
    path = str(tmp_path / "old.duckdb")
    store.connect(path, read_only=False).close()
    with duckdb.connect(path) as c:
        for table in ("claim_members", "claims", "claim_variants", "claim_postings", "claim_term_counts",
                      "story_members", "story_clusters", "story_variants", "story_postings", "story_term_counts"):
            c.execute(f"DROP TABLE {table}")
        c.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    with store.opened(path, read_only=True) as c:
        assert c.execute("SELECT count(*) FROM claim_members").fetchall() == [(0,)]
        assert c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [(str(store.SCHEMA_VERSION),)]
