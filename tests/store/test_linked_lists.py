"""Lists filtered by actors only read their keys from the link summaries (store/lists.py `Linked`): every
page equals the same list read from the stored rows, in both orders, with dates, several ids and
pages past the end."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.ingest import ingest
from newsgraph.store import lists

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PAGES = ((10, 0), (3, 2), (None, 0), (5, 10_000))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("linked") / "examples.duckdb")
    assert ingest([str(EXAMPLES)], db).stored == 6
    with query.open(db) as c:
        yield c


def _busiest(c: query.Corpus, n: int) -> list[str]:
    return [r.id for r in c.actors(top=n)]


def _assert_same_pages(q: lists.ListQuery) -> int:
    """The pages agree; returns how many rows match (so a test can check it compared some)."""
    assert q.linked is not None
    general = dataclasses.replace(q, linked=None)
    for limit, offset in PAGES:
        assert q.page(limit, offset) == general.page(limit, offset)
    return q.page(None)[2]


@pytest.mark.parametrize("order", ["desc", "asc"])
def test_quotes_by_and_about_an_actor(corpus, order):
    totals = [_assert_same_pages(lists.quote_list(corpus._con, speakers=[aid], order=order))
              + _assert_same_pages(lists.quote_list(corpus._con, about=[aid], order=order)) for aid in _busiest(corpus, 6)]
    assert min(totals[:3]) > 0


def test_quotes_by_one_actor_about_another_with_dates(corpus):
    a, b, c = _busiest(corpus, 3)
    _assert_same_pages(lists.quote_list(corpus._con, speakers=[a, c], about=[b], since="2024-11-01"))
    _assert_same_pages(lists.quote_list(corpus._con, about=[a, b], until="2024-11-15", order="asc"))


def test_quotes_and_events_between_two_actors_come_from_their_pair(corpus):
    """A list filtered by both actors of a pair reads the pair's rows (pair_quotes, pair_events): the same pages
    as the stored rows, for every ordered pair of the busiest actors, some of them not empty."""
    busiest = _busiest(corpus, 6)
    totals = []
    for a in busiest:
        for b in busiest:
            quotes = lists.quote_list(corpus._con, speakers=[a], about=[b], order="asc")
            events = lists.event_list(corpus._con, sources=[a], targets=[b], order="asc")
            assert quotes.linked is not None and "pair_quotes" in quotes.linked.keys
            assert events.linked is not None and "pair_events" in events.linked.keys
            totals += [_assert_same_pages(quotes), _assert_same_pages(events)]
    assert sum(totals) > 0


@pytest.mark.parametrize("order", ["desc", "asc"])
def test_events_of_an_actor_on_either_side(corpus, order):
    totals = [_assert_same_pages(lists.event_list(corpus._con, actors=[aid], order=order))
              + _assert_same_pages(lists.event_list(corpus._con, sources=[aid], order=order)) for aid in _busiest(corpus, 6)]
    assert min(totals[:3]) > 0


def test_events_from_one_actor_to_others_with_dates(corpus):
    a, b, c = _busiest(corpus, 3)
    _assert_same_pages(lists.event_list(corpus._con, sources=[a], targets=[b, c]))
    _assert_same_pages(lists.event_list(corpus._con, actors=[a, b], since="2024-11-01", until="2024-11-30"))


@pytest.mark.parametrize("order", ["desc", "asc"])
def test_articles_mentioning_actors(corpus, order):
    totals = [_assert_same_pages(lists.article_list(corpus._con, actors=[aid], order=order)) for aid in _busiest(corpus, 6)]
    assert min(totals) > 0
    _assert_same_pages(lists.article_list(corpus._con, actors=_busiest(corpus, 2), since="2024-11-05", order=order))


def test_other_filters_read_the_stored_rows(corpus):
    aid = _busiest(corpus, 1)[0]
    assert lists.quote_list(corpus._con, speakers=[aid], kinds=["direct"]).linked is None
    assert lists.event_list(corpus._con, actors=[aid], sort="type").linked is None
    assert lists.article_list(corpus._con, actors=[aid], outlets=["x"]).linked is None
    assert lists.quote_list(corpus._con).linked is None


@pytest.mark.parametrize("limit,offset", PAGES)
def test_pages_read_together_equal_each_read_alone(corpus, limit, offset):
    """The relation page's two directions, and an actor's quotes by and about it, read with one detail query:
    each page as it is alone, also when a fact is on two of the pages or a page is empty."""
    a, b = _busiest(corpus, 2)
    together = [
        [dict(source=a, target=b, order="asc"), dict(source=b, target=a, order="asc"), dict(actor=a, order="asc")],
        [dict(speaker=a, about=b), dict(speaker=b, about=a), dict(speaker=a), dict(about=a)],
        [dict(actor=a), dict(source=a), dict(target=b, since="2100-01-01")],
        [dict(speaker=a, about=b, since="2100-01-01"), dict(speaker=b, about=a, since="2100-01-01")],  # every page empty
    ]
    for lists_of, one in ((corpus.event_lists, corpus.event_list), (corpus.quote_lists, corpus.quote_list),
                          (corpus.event_lists, corpus.event_list), (corpus.quote_lists, corpus.quote_list)):
        filters = together.pop(0)
        assert lists_of(*filters, limit=limit, offset=offset) == [one(**f, limit=limit, offset=offset) for f in filters]


def test_lists_of_different_kinds_of_filter_are_read_one_by_one(corpus):
    a = _busiest(corpus, 1)[0]
    mixed = [lists.quote_list(corpus._con, speakers=[a]), lists.quote_list(corpus._con, speakers=[a], kinds=["direct"])]
    assert lists.pages(mixed, 5, 0) == [q.page(5, 0) for q in mixed]


def test_one_actor_or_one_pair_is_read_as_a_top_of_its_rows(corpus):
    """A list with one actor filter, or one pair, reads a page as the first rows of the actor's (pair's) summary
    rows and counts them apart (`Top`), without gathering every key; an intersection of two filters gathers."""
    a, b = _busiest(corpus, 2)
    for q in (lists.quote_list(corpus._con, speakers=[a]), lists.quote_list(corpus._con, about=[a, b]),
              lists.event_list(corpus._con, actors=[a]), lists.event_list(corpus._con, sources=[a], targets=[b]),
              lists.article_list(corpus._con, actors=[a], since="2024-11-01")):
        assert q.linked is not None and q.linked.top is not None
        assert "MATERIALIZED" not in q.linked.top.rows
    assert lists.event_list(corpus._con, actors=[a], sources=[b]).linked.top is None  # type: ignore[union-attr]


@pytest.fixture()
def with_self_events(corpus, tmp_path):
    """The examples' store with two events of the busiest source turned into events with itself (source = target),
    the summaries made again: an actor's events on either side count such an event once."""
    import shutil

    from newsgraph import store
    from newsgraph.store import summaries

    db = tmp_path / "self.duckdb"
    shutil.copy(corpus._con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()")
                .fetchone()[0], db)
    con = store.connect(str(db), read_only=False)
    source = con.execute("SELECT source FROM events WHERE source IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 "
                         "LIMIT 1").fetchone()[0]
    con.execute("""UPDATE events SET target = source WHERE (article_id, idx) IN (
                       SELECT (article_id, idx) FROM events WHERE source = ? ORDER BY article_id, idx LIMIT 2)""", [source])
    summaries.rebuild(con)
    con.close()
    with query.open(str(db)) as c:
        yield c, source


@pytest.mark.parametrize("since", [None, "2024-11-05"])
def test_events_of_an_actor_with_itself_are_counted_once(with_self_events, since):
    c, source = with_self_events
    assert c._con.execute("SELECT count(*) FROM events WHERE source = target").fetchone()[0] == 2
    q = lists.event_list(c._con, actors=[source], since=since)
    assert q.linked is not None and q.linked.top is not None and "pair_events" in q.linked.top.count
    rows, _, total = q.page(None)
    assert total == len(rows) == len({(r["article_id"], r["idx"]) for r in rows})
    _assert_same_pages(q)


def test_full_text_hits_name_their_articles_by_key(corpus):
    """The search index's hits (DuckDB's hash of the article id, the fact's idx) find their facts through
    `article_keys`; a key no stored article has finds nothing."""
    rows = corpus._con.execute("SELECT hash(article_id), idx, article_id FROM quotes ORDER BY article_id DESC, idx "
                               "LIMIT 5").fetchall()
    hits = lists.Hits([r[0] for r in rows] + [12345], [r[1] for r in rows] + [0], [1.0] * 6)
    found, _, total = lists.quote_list(corpus._con, hits=hits, sort="relevance").page(None)
    assert total == 5
    assert sorted((r["article_id"], r["idx"]) for r in found) == sorted((r[2], r[1]) for r in rows)


@pytest.mark.parametrize("kind", ["quotes", "events"])
def test_a_few_hits_read_their_articles_facts_by_index_with_the_same_pages(corpus, kind, monkeypatch):
    """Hits of a few articles are matched with those articles' facts read by index (`_hit_rows`); the pages,
    sorted and filtered every way the list allows, are those of matching the hits with the whole table."""
    rows = corpus._con.execute(f"SELECT hash(article_id), idx FROM {kind} ORDER BY idx, article_id LIMIT 12").fetchall()
    hits = lists.Hits([r[0] for r in rows], [r[1] for r in rows], [float(i % 4) for i in range(len(rows))])
    make = lists.quote_list if kind == "quotes" else lists.event_list
    variants = [dict(sort="relevance"), dict(sort="date", order="asc"), dict(sort="outlet"), dict(since="2024-11-05"),
                dict(distinct_stories=True)]
    by_index = [make(corpus._con, hits=hits, **v) for v in variants]
    assert all("hit_fact" in q.keys for q in by_index)
    monkeypatch.setattr(lists, "_HIT_ARTICLES_BY_INDEX", 0)
    scanned = [make(corpus._con, hits=hits, **v) for v in variants]
    assert not any("hit_fact" in q.keys for q in scanned)
    for a, b in zip(by_index, scanned, strict=True):
        for limit, offset in PAGES:
            assert a.page(limit, offset) == b.page(limit, offset)
    assert by_index[0].page(None)[2] == len(rows)
