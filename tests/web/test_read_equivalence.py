"""Reads made cheaper for the server (issue 19, throughput) answer what the reads they replaced answered:
the actor page's claims in two reads instead of four, the article list's counts and opening from
`article_snippets`, one actor's activity and network without the several-actor query, the store's
counts with its articles read once. Each is compared with a recomputation from the stored rows."""
from __future__ import annotations

import pytest

from newsgraph import query
from newsgraph.store import claim_reads

PAGES = ({"limit": 5}, {"limit": None}, {"limit": 2, "offset": 1}, {"limit": 5, "offset": 10_000}, {"limit": 0})


@pytest.fixture(scope="module")
def corpus(store_path):
    with query.open(store_path) as c:
        yield c


@pytest.fixture(scope="module")
def actor_ids(corpus) -> list[str]:
    return [a.id for a in corpus.actors().to_list()]


def _four_reads(con, filters: dict, page: dict):
    """The claims of a page as `Corpus.claims` read them before: page ids, members, quotes' texts, names."""
    ids, total = claim_reads.claim_page(con, **filters, **page)
    quotes, claim_of = claim_reads.claim_members(con, claim_ids=ids)
    names = claim_reads.actor_names(con, sorted({q.speaker for q in quotes if q.speaker}))
    return quotes, claim_of, names, total


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("filtered_by", ["speakers", "about", "nothing"])
def test_claim_page_members_equal_the_four_reads(corpus, actor_ids, filtered_by, page):
    compared = 0
    for aid in actor_ids[:8]:
        filters = {} if filtered_by == "nothing" else {filtered_by: [aid]}
        got = claim_reads.claim_page_members(corpus._con, **filters, **page)
        assert got == _four_reads(corpus._con, filters, page)
        compared += len(got[0])
    if page.get("limit") and not page.get("offset", 0) > 100:
        assert compared > 0  # some page had quotes to compare


def _stored_counts(con, article_id: str) -> tuple[int, int, str]:
    row = con.execute("""SELECT (SELECT count(*) FROM quotes WHERE article_id = $1),
                                (SELECT count(*) FROM events WHERE article_id = $1),
                                (SELECT trim(left(text, 240), chr(10) || ' ') FROM articles WHERE id = $1)""",
                      [article_id]).fetchone()
    return int(row[0]), int(row[1]), row[2]


@pytest.mark.parametrize("kwargs", [{}, {"sort": "title"}, {"sort": "quotes", "order": "asc"}, {"q": "said"},
                                    {"q": "Russia", "sort": "date"}])
def test_article_rows_count_and_open_as_the_stored_rows(corpus, kwargs):
    rows = corpus.article_list(limit=None, **kwargs).rows
    assert rows
    for row in rows:
        assert (row["quotes"], row["events"], row["snippet"]) == _stored_counts(corpus._con, row["article_id"])


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_one_actors_activity_equals_the_several_actor_query(corpus, actor_ids, by):
    """One id reads `actor_activity` alone; the same id given twice goes through the union (quotes about it
    from `actor_quotes`): the same rows."""
    for aid in actor_ids[:8]:
        one = corpus.activity(aid, by).to_list()
        assert one == query.Result(query.store.activity(corpus._con, [aid, aid], by),
                                   lambda d: query.ActivityRow(**d)).to_list()
    assert any(corpus.activity(aid, by).to_list() for aid in actor_ids[:3])


def test_one_actors_network_equals_the_several_actor_query(corpus, actor_ids):
    for aid in actor_ids[:8]:
        assert (query.store.counterparts(corpus._con, [aid]).dicts()
                == query.store.counterparts(corpus._con, [aid, aid]).dicts())
    assert any(query.store.counterparts(corpus._con, [aid]).dicts() for aid in actor_ids[:3])


def test_stats_count_the_stored_rows(corpus):
    con = corpus._con
    expected = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "actors", "mentions", "quotes", "events")}
    first, last = con.execute("SELECT strftime(min(date), '%Y-%m-%d'), strftime(max(date), '%Y-%m-%d') "
                              "FROM articles").fetchone()
    assert corpus.stats() == {**expected, "first_date": first, "last_date": last}


@pytest.mark.parametrize("by", ["week", "year"])
def test_a_pairs_relation_equals_the_several_actor_query(corpus, actor_ids, by):
    """One id on each side reads both directions by equality (and one when both are the same actor): the same
    rows as the lists of ids, each given twice."""
    busiest = actor_ids[:5]
    for a in busiest:
        for b in busiest:
            assert (query.store.relation(corpus._con, [a], [b], by).dicts()
                    == query.store.relation(corpus._con, [a, a], [b, b], by).dicts())
    assert any(query.store.relation(corpus._con, [a], [b], by).dicts() for a in busiest for b in busiest)


@pytest.mark.parametrize("filters", [{"since": "2024-11-01"}, {"until": "2024-10-31"}, {"type": "verbal-cooperation"},
                                     {"type": ["AID", "ASSAULT"], "since": "2024-01-01"}, {"since": "2030-01-01"}])
def test_network_over_a_period_or_type_counts_what_the_event_rows_count(corpus, actor_ids, filters):
    """The actor page's network with filters is summed from `actor_pairs` (`Corpus.counterparts_over`); its
    counts equal the count over every matching event's row (`charts.counterparts_of_events`, what the page did
    before), and its rows come in the order `counterparts` gives (busiest counterpart first)."""
    from newsgraph.web import charts

    compared = 0
    for aid in actor_ids[:12]:
        rows = corpus.event_list(actor=aid, **filters, limit=None).rows
        before = charts.counterparts_of_events(rows, [aid], {})
        got = corpus.counterparts_over(aid, **filters).to_list()
        assert sorted((r.counterpart, r.counterpart_name, r.direction, r.type, r.events) for r in got) == sorted(
            (r.counterpart, r.counterpart_name, r.direction, r.type, r.events) for r in before)
        busiest = [sum(r.events for r in got if r.counterpart == g.counterpart) for g in got]
        assert busiest == sorted(busiest, reverse=True)
        compared += len(got)
    assert compared > 0 or filters == {"since": "2030-01-01"}


def test_network_without_bounds_is_the_whole_network(corpus, actor_ids):
    for aid in actor_ids[:12]:
        assert corpus.counterparts_over(aid).to_list() == corpus.counterparts(aid).to_list()
