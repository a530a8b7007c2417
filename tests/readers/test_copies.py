"""Syndicated copies: a lightly edited wire story is linked to its first-seen copy, a different story
on the same topic is not; exact duplicates are stored once; copies are found within a run and
across the store, and the store keeps working when it was written by schema version 1."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph import query
from newsgraph.cli import app
from newsgraph.model import Article
from newsgraph.readers import read
from newsgraph.readers.copies import CopyLinker, shingles, signature, similarity

try:  # the store package re-exports its names once split into modules
    from newsgraph.store import SCHEMA_VERSION
except ImportError:
    from newsgraph.store.duckdb import SCHEMA_VERSION

HTML = Path(__file__).resolve().parents[1] / "data" / "html"
runner = CliRunner()


def _page(name: str) -> Article:
    [article] = [a for a in read([str(HTML / name)]) if isinstance(a, Article)]
    return article


@pytest.fixture
def wire():
    return _page("wire_copy_a.html"), _page("wire_copy_b.html"), _page("same_topic_other.html")


def test_shingles_are_word_trigrams():
    assert shingles("The cat, the hat!") == {b"the cat the", b"cat the hat"}
    assert shingles("Hi") == {b"hi"} and shingles("  ") == set()


def test_copy_pair_similar_and_same_topic_story_not(wire):
    a, b, other = wire
    assert similarity(signature(a.text), signature(b.text)) >= 0.8
    assert similarity(signature(a.text), signature(other.text)) < 0.2


def test_linker_sets_the_story_of_the_first_seen_copy(wire):
    a, b, other = wire
    result = CopyLinker().link([a, other, b])
    assert result.copies == 1 and result.duplicates == 0
    assert (a.story, other.story, b.story) == (a.id, other.id, a.id)
    assert b.to_dict()["story"] == a.id and other.to_dict()["story"] == other.id
    assert b.outlet == "valleygazette.net" and a.outlet == "metrodailynews.com"  # each copy keeps its own


def test_threshold_is_configurable(wire):
    a, b, _ = wire
    assert CopyLinker(threshold=0.95).link([a, b]).copies == 0
    with pytest.raises(ValueError, match="copy threshold"):
        CopyLinker(threshold=0)


def test_exact_duplicates_same_id_or_same_url_with_the_same_text_kept_once(wire):
    a, b, _ = wire
    same_text = Article(id=a.id, source="elsewhere", date=a.date, title=None, text=a.text)
    refetched = Article(id="other-id", source="x", date="2024-11-02", title=None, text=a.text, url=a.url)
    linker = CopyLinker()
    first = linker.link([a, same_text])
    second = linker.link([refetched, b])
    assert [x.id for x in first.kept] == [a.id] and first.duplicates == 1
    assert [x.id for x in second.kept] == [b.id] and second.duplicates == 1
    assert first.warnings == [] and second.warnings == []


def test_extract_links_copies_within_one_run():
    result = runner.invoke(app, ["extract", str(HTML / "wire_copy_a.html"), str(HTML / "same_topic_other.html"),
                                 str(HTML / "wire_copy_b.html"), str(HTML / "wire_copy_a.html")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3  # the repeated file is printed once
    assert rows[2]["story"] == rows[0]["id"] and rows[1]["story"] == rows[1]["id"]
    assert "1 exact duplicate(s) printed once, 1 syndicated copies linked to a story" in result.output


def test_ingest_links_copies_across_the_store_and_show_lists_them(tmp_path):
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(HTML / "wire_copy_a.html"), str(HTML / "same_topic_other.html"), "--db", db]).exit_code == 0
    second = runner.invoke(app, ["ingest", str(HTML / "wire_copy_b.html"), "--db", db])
    assert second.exit_code == 0 and "1 syndicated copies linked to a story" in second.output
    a, b = _page("wire_copy_a.html"), _page("wire_copy_b.html")
    with query.open(db) as corpus:
        assert corpus.article(b.id).story == a.id
        assert [c.outlet for c in corpus.copies(a.id)] == ["valleygazette.net"]
        assert [c.id for c in corpus.copies(b.id)] == [a.id]
        all_quotes = list(corpus.quotes())
        distinct = list(corpus.quotes(distinct_stories=True))
        assert {q.article_id for q in all_quotes} >= {a.id, b.id}
        assert b.id not in {q.article_id for q in distinct} and a.id in {q.article_id for q in distinct}
        assert b.id not in {e.article_id for e in corpus.events(distinct_stories=True)}
    shown = runner.invoke(app, ["show", b.id, "--db", db])
    assert shown.exit_code == 0 and "other copies of this story" in shown.output and a.id in shown.output
    as_json = json.loads(runner.invoke(app, ["show", a.id, "--db", db, "--format", "jsonl"]).stdout)
    assert as_json["story"] == a.id and [c["id"] for c in as_json["copies"]] == [b.id]
    # the store keeps one signature and 32 band keys per article
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM article_minhash").fetchone()[0] == 3
    assert con.execute("SELECT count(*) FROM minhash_bands").fetchone()[0] == 3 * 32
    con.close()


def test_copy_threshold_option_on_ingest(tmp_path):
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", str(HTML / "wire_copy_a.html"), str(HTML / "wire_copy_b.html"), "--db", db,
                                 "--copy-threshold", "0.95"])
    assert result.exit_code == 0 and "copies linked" not in result.output


def test_same_url_and_text_is_stored_once_across_runs(tmp_path):
    db = str(tmp_path / "s.duckdb")
    a = tmp_path / "a.jsonl"
    a.write_text(json.dumps({"text": "Russia attacked Ukraine on Thursday, officials said.", "date": "2024-02-24",
                             "url": "https://x.example.com/1"}) + "\n")
    b = tmp_path / "b.jsonl"
    b.write_text(json.dumps({"text": "Russia attacked Ukraine on Thursday, officials said.", "date": "2024-02-25",
                             "url": "https://x.example.com/1"}) + "\n")  # fetched again a day later
    runner.invoke(app, ["ingest", str(a), "--db", db])
    again = runner.invoke(app, ["ingest", str(b), "--db", db])
    assert "stored 0, skipped 1 (already present)" in again.output


V1_SCHEMA = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE articles (id VARCHAR PRIMARY KEY, source VARCHAR, date DATE, title VARCHAR, url VARCHAR, outlet VARCHAR,
    text VARCHAR NOT NULL, blocks VARCHAR, ingested_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE actors (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL, country VARCHAR);
CREATE TABLE aliases (actor_id VARCHAR NOT NULL, alias VARCHAR NOT NULL, folded VARCHAR NOT NULL, PRIMARY KEY (actor_id, alias));
CREATE TABLE mentions (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, actor_id VARCHAR NOT NULL,
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR, how VARCHAR, PRIMARY KEY (article_id, idx));
CREATE TABLE quotes (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, speaker VARCHAR, speaker_text VARCHAR,
    speaker_start INTEGER, speaker_end INTEGER, cue VARCHAR, cue_start INTEGER, cue_end INTEGER,
    text VARCHAR, "start" INTEGER, "end" INTEGER, kind VARCHAR, PRIMARY KEY (article_id, idx));
CREATE TABLE events (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, type VARCHAR NOT NULL, mode VARCHAR,
    source VARCHAR, target VARCHAR, trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    sentence_start INTEGER, sentence_end INTEGER, modality VARCHAR, quote INTEGER, date DATE, location VARCHAR,
    PRIMARY KEY (article_id, idx));
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO articles (id, source, date, title, url, outlet, text, blocks)
    VALUES ('old1', 'old.txt', '2023-01-02', NULL, NULL, NULL, 'An old article.', '[]');
"""


def test_a_version_1_store_is_migrated_and_keeps_working(tmp_path):
    db = str(tmp_path / "v1.duckdb")
    con = duckdb.connect(db)
    con.execute(V1_SCHEMA)
    con.close()
    with query.open(db) as corpus:  # read-only open upgrades the file once
        old = corpus.article("old1")
        assert old.story == "old1" and old.to_dict()["story"] == "old1" and old.date_source is None
        assert list(corpus.copies("old1")) == []
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    con.close()
    result = runner.invoke(app, ["ingest", str(HTML / "wire_copy_a.html"), "--db", db])
    assert result.exit_code == 0, result.output
    with query.open(db) as corpus:
        assert corpus.stats()["articles"] == 2
        assert list(corpus.quotes(distinct_stories=True)) == list(corpus.quotes())
