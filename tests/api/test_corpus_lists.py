"""The analyst's lists (`Corpus.quote_list`, `event_list`, `article_list`, `search`): filters, totals, paging,
sorting, vocabulary checks and the Page conversions, on a store of twelve hand-written articles (conftest)."""
from __future__ import annotations

import csv
import io
import json
import shutil

import duckdb
import pytest

import newsgraph
from newsgraph.errors import UnknownActorError, UnknownValueError
from newsgraph.query import Page


@pytest.fixture
def corpus(harbour_db):
    with newsgraph.open(harbour_db) as c:
        yield c


def test_quote_list_counts_every_match_beyond_the_page(corpus):
    page = corpus.quote_list(limit=5)
    assert (len(page.rows), page.total, page.next_offset) == (5, 12, 5)


def test_quote_list_by_speaker_any_alias(corpus):
    assert corpus.quote_list(speaker="Ortiz").total == 8


def test_quote_list_about_an_actor_named_in_the_content(corpus, harbour_db):
    # no quote's content names an actor in this store
    assert corpus.quote_list(about="Harbour Council").total == 0


def test_quote_list_by_date_range(corpus):
    page = corpus.quote_list(since="2024-05-03", until="2024-05-05")
    assert sorted(r["date"] for r in page.rows) == ["2024-05-03", "2024-05-04", "2024-05-05"]


def test_quote_list_by_outlet_ignores_case(corpus):
    assert corpus.quote_list(outlet="Harbor-Times.example").total == 6


def test_quote_rows_carry_the_link_to_their_sentence(corpus):
    row = corpus.quote_list(speaker="Karl Brandt", limit=1, sort="date", order="asc").rows[0]
    assert row["article_id"] == "harbour-01"
    assert row["sentence"] == "Karl Brandt said the ferry timetable was a disgrace"
    assert (row["sentence_start"], row["start"]) == (0, len("Karl Brandt said "))
    assert (row["speaker_name"], row["outlet"], row["date"]) == ("Karl Brandt", "coastal-news.example", "2024-05-02")


def test_full_text_finds_a_quote_by_a_word_of_its_text(corpus):
    page = corpus.quote_list(q="lighthouse")
    assert page.total == 4
    assert all("lighthouse" in r["text"] for r in page.rows)


def test_full_text_is_stemmed_and_combines_with_filters(corpus):
    assert corpus.quote_list(q="lighthouses", outlet="coastal-news.example").total == 2  # articles 5 and 11


def test_sort_by_relevance_needs_a_query(corpus):
    with pytest.raises(ValueError, match="relevance"):
        corpus.quote_list(sort="relevance")


def test_unknown_sort_key_lists_the_valid_ones(corpus):
    with pytest.raises(UnknownValueError, match="valid sort keys: date, speaker"):
        corpus.quote_list(sort="loudness")


def test_sort_order_ascending_and_descending(corpus):
    asc = [r["date"] for r in corpus.quote_list(sort="date", order="asc", limit=3).rows]
    desc = [r["date"] for r in corpus.quote_list(limit=3).rows]
    assert asc == ["2024-05-01", "2024-05-02", "2024-05-03"] and desc == ["2024-05-12", "2024-05-11", "2024-05-10"]


def test_offset_pages_do_not_overlap(corpus):
    first, second = corpus.quote_list(limit=7), corpus.quote_list(limit=7, offset=7)
    ids = [r["article_id"] for r in first.rows + second.rows]
    assert len(ids) == len(set(ids)) == 12 and second.next_offset is None


def test_event_list_actor_on_either_side(corpus):
    assert corpus.event_list(actor="Harbour Council").total == 12
    assert corpus.event_list(actor="Karl Brandt").total == 6


def test_event_list_by_type_family(corpus):
    page = corpus.event_list(type="verbal-conflict")
    assert page.total == 6 and {r["type"] for r in page.rows} == {"ACCUSE"}


def test_event_list_by_type_written_in_lower_case(corpus):
    assert corpus.event_list(type="aid").total == 6


def test_event_list_unknown_type_lists_the_valid_ones(corpus):
    with pytest.raises(UnknownValueError, match="valid types: ACCUSE, AGREE") as info:
        corpus.event_list(type="CRITICIZE")
    assert "FIGHT" in info.value.valid


def test_event_list_unknown_modality_lists_the_valid_ones(corpus):
    with pytest.raises(UnknownValueError, match="valid modalities: asserted, reported"):
        corpus.event_list(modality="rumoured")


def test_event_list_by_modality(corpus):
    assert corpus.event_list(modality="reported").total == 4


def test_event_list_by_minimum_confidence(corpus):
    page = corpus.event_list(min_confidence=0.3, sort="confidence", order="asc")
    assert page.total == 6 and page.rows[0]["confidence"] == pytest.approx(0.3)


def test_quote_list_by_minimum_confidence(corpus):
    assert corpus.quote_list(min_confidence=0.5).total == 2  # articles 10 and 11


def test_quote_list_anonymous_or_named(corpus):
    assert (corpus.quote_list(anonymous=True).total, corpus.quote_list(anonymous=False).total) == (4, 8)


def test_confidence_is_a_probability(corpus):
    with pytest.raises(ValueError, match="between 0 and 1"):
        corpus.event_list(min_confidence=30)


def test_event_rows_carry_trigger_and_sentence_offsets(corpus):
    row = corpus.event_list(source="Lena Ortiz", limit=1, order="asc").rows[0]
    assert row["sentence"] == "Lena Ortiz gave the Harbour Council new boats."
    assert row["trigger"] == "gave" and row["trigger_end"] - row["trigger_start"] == 4
    assert (row["source_name"], row["target_name"]) == ("Lena Ortiz", "Harbour Council")


def test_full_text_over_event_sentences(corpus):
    assert corpus.event_list(q="boats").total == 6


def test_article_list_by_actor_and_query(corpus):
    assert corpus.article_list(actor="Karl Brandt").total == 8  # quotes in 1, 4, 7, 10; accusations in the even ones
    page = corpus.article_list(q="ferry")
    assert page.total == 4 and page.rows[0]["quotes"] == 1 and page.rows[0]["events"] == 1


def test_unknown_actor_is_an_error(corpus):
    with pytest.raises(UnknownActorError):
        corpus.event_list(actor="Nobody Atall")


def test_search_answers_each_kind(corpus):
    found = corpus.search("Brandt")
    assert set(found) == {"quotes", "articles", "actors", "events"}
    assert found["actors"].rows[0]["name"] == "Karl Brandt"
    assert found["quotes"].total == 4


def test_search_refuses_an_unknown_kind(corpus):
    with pytest.raises(UnknownValueError, match="valid kinds"):
        corpus.search("ferry", kinds=["tweets"])


def test_page_csv_parses_back_to_the_same_rows(corpus):
    page = corpus.event_list(limit=3)
    rows = list(csv.DictReader(io.StringIO(page.to_csv())))
    assert [r["article_id"] for r in rows] == [r["article_id"] for r in page.rows]
    assert rows[0]["confidence"] == str(page.rows[0]["confidence"]) and rows[0]["location"] == ""


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x.example\")", "+1+1", "-2+3", "@SUM(A1)", "\tlead"])
def test_a_text_cell_a_spreadsheet_would_run_is_written_as_text(text):
    """Article text is untrusted: a cell that opens like a formula gets a leading apostrophe."""
    page = Page([{"text": text, "n": -2, "score": -0.5}], 1, None, 0)
    (row,) = list(csv.DictReader(io.StringIO(page.to_csv())))
    assert row == {"text": "'" + text, "n": "-2", "score": "-0.5"}


def test_an_ordinary_text_cell_is_written_as_it_is():
    page = Page([{"text": "Officials said - again - that talks would resume.", "tags": ["a", "b"]}], 1, None, 0)
    (row,) = list(csv.DictReader(io.StringIO(page.to_csv())))
    assert row == {"text": "Officials said - again - that talks would resume.", "tags": '["a", "b"]'}


def test_empty_page_csv_still_has_its_header(corpus):
    text = corpus.quote_list(q="volcano").to_csv()
    assert text.splitlines()[0].startswith("article_id,idx,date")


def test_page_json_pandas_and_arrow_agree(corpus):
    page = corpus.quote_list(speaker="Brandt")
    body = json.loads(page.to_json())
    assert body["total"] == 4 and len(body["rows"]) == 4
    assert page.to_pandas().shape[0] == page.to_arrow().num_rows == 4


def test_page_of_an_empty_list_is_the_last(corpus):
    page = corpus.quote_list(offset=100)
    assert page == Page([], 12, 50, 100, page.columns) and page.next_offset is None


def test_missing_confidence_column_says_to_reingest(harbour_db, tmp_path):
    db = str(tmp_path / "old.duckdb")
    shutil.copy(harbour_db, db)
    with duckdb.connect(db) as con:
        for (index,) in con.execute("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'").fetchall():
            con.execute(f"DROP INDEX {index}")  # an index on a table blocks dropping its columns
        con.execute("ALTER TABLE events DROP COLUMN confidence")
    with newsgraph.open(db) as c, pytest.raises(ValueError, match="no events.confidence column.*Re-ingest"):
        c.event_list(min_confidence=0.5)
