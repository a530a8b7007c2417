"""The full-text index beside a store: keys that join back to rows, incremental sync, rebuild, and the
message when there is no index."""
from __future__ import annotations

import dataclasses

import pytest

import newsgraph
from newsgraph import search, store
from newsgraph.model import Article, Quote
from newsgraph.search import SearchIndex, index_path


def _article(i: int, content: str) -> Article:
    text = f"The mayor said {content}."
    start = text.index(content)
    quote = Quote(None, "The mayor", 0, 9, "said", 10, 14, content, start, start + len(content), "indirect")
    return Article(id=f"town-{i}", source=f"town-{i}.txt", date="2024-06-01", title=f"Town notes {i}", text=text,
                   quotes=[quote])


def _with_foreign_keys(db: str) -> None:
    """Pretend the index was written under a DuckDB whose `hash()` differs."""
    index = SearchIndex.open(index_path(db))
    index.save_state(dataclasses.replace(index.state(), key_probe=12345))


def test_an_index_made_under_another_duckdb_hash_is_refused_by_readers(tmp_path):
    db = str(tmp_path / "town.duckdb")
    store.write_articles(db, [_article(1, "the market opens on Sunday")])
    with store.opened(db, read_only=False) as con:
        search.sync(con)
    _with_foreign_keys(db)
    with newsgraph.open(db) as corpus, pytest.raises(FileNotFoundError, match="another DuckDB version.*reindex"):
        corpus.quote_list(q="market")


def test_an_index_made_under_another_duckdb_hash_is_rebuilt_by_the_next_sync(tmp_path):
    db = str(tmp_path / "town.duckdb")
    store.write_articles(db, [_article(1, "the market opens on Sunday")])
    with store.opened(db, read_only=False) as con:
        search.sync(con)
        _with_foreign_keys(db)
        assert search.sync(con) == 1  # every article again, into a new index
    with newsgraph.open(db) as corpus:
        assert corpus.quote_list(q="market").total == 1


def test_sync_indexes_only_what_is_new(tmp_path):
    db = str(tmp_path / "town.duckdb")
    store.write_articles(db, [_article(1, "the market opens on Sunday")])
    with store.opened(db, read_only=False) as con:
        assert search.sync(con) == 1
        store.write_articles(con, [_article(2, "the market closes in winter")])
        assert search.sync(con) == 1
        assert search.sync(con) == 0
    index = SearchIndex.open(index_path(db))
    assert index.count("quotes") == 2 and index.state().articles == 2


def test_a_quote_is_found_by_a_word_of_its_text_after_ingest_style_writes(tmp_path):
    db = str(tmp_path / "town.duckdb")
    store.write_articles(db, [_article(1, "the tramway will be extended"), _article(2, "taxes stay as they are")])
    with store.opened(db, read_only=False) as con:
        search.sync(con)
    with newsgraph.open(db) as corpus:
        rows = corpus.quote_list(q="tramway").rows
    assert [r["article_id"] for r in rows] == ["town-1"]


def test_folded_accents_find_the_plain_spelling(tmp_path):
    db = str(tmp_path / "town.duckdb")
    store.write_articles(db, [_article(1, "the café stays open")])
    with store.opened(db, read_only=False) as con:
        search.sync(con)
    with newsgraph.open(db) as corpus:
        assert corpus.quote_list(q="cafe").total == 1


def test_rebuild_replaces_the_index(tmp_path):
    db = str(tmp_path / "town.duckdb")
    store.write_articles(db, [_article(1, "the bridge is closed"), _article(2, "the bridge is open")])
    with store.opened(db, read_only=False) as con:
        search.sync(con)
        assert search.rebuild(con) == 2
    assert SearchIndex.open(index_path(db)).count("quotes") == 2


def test_a_store_written_before_search_gets_an_index_on_its_first_search(tmp_path):
    db = str(tmp_path / "town.duckdb")
    store.write_articles(db, [_article(1, "the pier is long")])
    with newsgraph.open(db) as corpus:
        assert corpus.quote_list(q="pier").total == 1
    assert SearchIndex.open(index_path(db)).state().articles == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["town.duckdb", "town.duckdb.search"]


def test_opening_a_missing_index_says_how_to_build_one(tmp_path):
    with pytest.raises(FileNotFoundError, match="newsgraph reindex --db .*town.duckdb"):
        SearchIndex.open(index_path(str(tmp_path / "town.duckdb")))


def test_an_index_behind_its_store_says_so(tmp_path):
    db = str(tmp_path / "town.duckdb")
    store.write_articles(db, [_article(1, "the pier is long")])
    with store.opened(db, read_only=False) as con:
        search.sync(con)
    store.write_articles(db, [_article(2, "the pier is short")])
    with newsgraph.open(db) as corpus:
        page = corpus.quote_list(q="pier")
    assert page.total == 1 and "covers 1 of 2 articles" in page.notes[0]
