"""Lists sorted by relevance read only the index's hits their page needs (`search.paged`), and give the
rows and totals the join of all hits gives (where that total is exact)."""
from __future__ import annotations

import dataclasses
from typing import Any

import pytest

import newsgraph
from newsgraph import search, store
from newsgraph.model import Article, Quote

# texts with one to three 'harbour's among other words: scores differ, and repeated texts tie
_TEXTS = ("the harbour fees will rise", "the harbour harbour plan is ready", "roads and the harbour need money",
          "the harbour harbour harbour is full", "a new bridge over the harbour")
_ARTICLES = 60
_DIRECT = (7, 41, 58)  # the only direct quotes: a filter that keeps a few low-ranked hits


def _article(i: int) -> Article:
    content = _TEXTS[i % len(_TEXTS)]
    text = f"The mayor said {content}."
    start = text.index(content)
    kind = "direct" if i in _DIRECT else "indirect"
    quote = Quote(None, "The mayor", 0, 9, "said", 10, 14, content, start, start + len(content), kind)
    return Article(id=f"port-{i:02d}", source=f"port-{i}.txt", date=f"2024-{1 + i % 12:02d}-01",
                   title=f"Harbour notes {i}" if i % 3 == 0 else f"Port notes {i}", text=text,
                   outlet="Quay Times" if i % 4 == 0 else "Dock Daily", quotes=[quote])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("paged") / "port.duckdb")
    store.write_articles(path, [_article(i) for i in range(_ARTICLES)])
    with store.opened(path, read_only=False) as con:
        search.sync(con)
    return path


def _corpus(db: str, first_chunk: int = 4) -> tuple[newsgraph.Corpus, list[int]]:
    """The store opened with small rounds (so a page needs several), and the hit counts each round read."""
    corpus = newsgraph.open(db)
    index = corpus._search_index()
    index.settings = dataclasses.replace(index.settings, first_chunk=first_chunk)
    reads: list[int] = []
    hits = index.hits

    def counted(kind: str, text: str, limit: int | None = None) -> Any:
        reads.append(limit or index.settings.max_hits)
        return hits(kind, text, limit)

    index.hits = counted  # type: ignore[method-assign]
    return corpus, reads


def _all_hits(corpus: newsgraph.Corpus, make: str, limit: int, offset: int, **filters: Any) -> tuple[list[Any], int]:
    """The page and total from every hit joined at once (the path before `search.paged`)."""
    query, _, _ = getattr(corpus, make)(sort="relevance", **filters)
    rows, _, total = query.page(limit, offset)
    return rows, total


CASES = [
    ("quote_list", "_quote_query", {"q": "harbour"}, 5, 0),
    ("quote_list", "_quote_query", {"q": "harbour"}, 7, 23),  # past the first round
    ("quote_list", "_quote_query", {"q": "harbour", "outlet": "Quay Times"}, 4, 6),
    ("quote_list", "_quote_query", {"q": "harbour", "since": "2024-06-01"}, 10, 0),
    ("article_list", "_article_query", {"q": "harbour"}, 6, 12),
    ("article_list", "_article_query", {"q": "harbour", "outlet": "Dock Daily"}, 5, 5),
]


@pytest.mark.parametrize(("method", "make", "filters", "limit", "offset"), CASES)
def test_a_relevance_page_equals_the_join_of_every_hit(db, method, make, filters, limit, offset):
    corpus, _ = _corpus(db)
    with corpus:
        page = getattr(corpus, method)(sort="relevance", limit=limit, offset=offset, **filters)
        rows, total = _all_hits(corpus, make, limit, offset, **filters)
    assert page.rows == [{k: v for k, v in r.items()} for r in rows]
    assert len(page.rows) == limit
    if page.exact:
        assert page.total == total
    else:  # estimated: at least what was found, and the page says so
        assert page.total >= offset + limit and any("estimated" in n for n in page.notes)


def test_without_other_filters_the_index_reads_only_the_page_and_counts_the_rest(db):
    corpus, reads = _corpus(db)
    with corpus:
        page = corpus.quote_list(q="harbour", sort="relevance", limit=5, offset=10)
    assert reads == [15]
    assert page.total == _ARTICLES and page.exact


def test_a_filter_that_keeps_only_rare_hits_still_fills_the_page(db):
    corpus, reads = _corpus(db)
    with corpus:
        page = corpus.quote_list(q="harbour", kind="direct", sort="relevance", limit=2)
        rows, total = _all_hits(corpus, "_quote_query", 2, 0, q="harbour", kind="direct")
    assert len(reads) > 1  # the first round (2 hits) did not fill the page
    assert page.rows == rows and len(rows) == 2
    assert {r["article_id"] for r in page.rows} <= {f"port-{i:02d}" for i in _DIRECT}
    assert total == len(_DIRECT)


def test_a_filter_read_to_the_end_gives_the_exact_total(db):
    corpus, _ = _corpus(db)
    with corpus:
        page = corpus.quote_list(q="harbour", kind="direct", sort="relevance", limit=10)
    assert page.total == len(_DIRECT) and page.exact and len(page.rows) == len(_DIRECT)


def test_equal_scores_keep_the_index_order_on_every_page(db):
    """Five texts repeat twelve times each: a page edge inside a tie must not repeat or skip a row."""
    corpus, _ = _corpus(db)
    with corpus:
        paged = [r["article_id"] for off in range(0, _ARTICLES, 7)
                 for r in corpus.quote_list(q="harbour", sort="relevance", limit=7, offset=off).rows]
        whole = [r["article_id"] for r in corpus.quote_list(q="harbour", sort="relevance", limit=_ARTICLES).rows]
    assert paged == whole and len(set(whole)) == _ARTICLES


def test_a_sort_by_date_with_q_still_reads_every_hit(db):
    corpus, reads = _corpus(db)
    with corpus:
        page = corpus.quote_list(q="harbour", limit=5)
    assert reads == [corpus._search_index().settings.max_hits]
    assert page.total == _ARTICLES and [r["date"] for r in page.rows] == sorted((r["date"] for r in page.rows),
                                                                                 reverse=True)
