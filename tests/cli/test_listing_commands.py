"""The listing commands answer honestly: a cut list says how much was cut, a value outside the vocabulary
is an error that lists the valid ones, and CSV parses back to the rows shown; plus search, types,
reindex, export --format csv and the ingest progress measure."""
from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli.progress import InputSize, measure

runner = CliRunner()


def _jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_unknown_event_type_is_an_error_listing_the_valid_types(examples_db):
    result = runner.invoke(app, ["events", "--db", examples_db, "--type", "CRITICIZE"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "unknown event type 'CRITICIZE'" in result.stderr
    assert "valid types: ACCUSE, AGREE, AID" in result.stderr and "verbal-conflict" in result.stderr


def test_unknown_modality_is_an_error_listing_the_valid_ones(examples_db):
    result = runner.invoke(app, ["events", "--db", examples_db, "--modality", "certain"])
    assert result.exit_code == 1 and "valid modalities: asserted, reported, future, possible, negated" in result.stderr


def test_a_type_family_selects_its_types(examples_db):
    result = runner.invoke(app, ["events", "--db", examples_db, "--type", "material-cooperation", "--format", "jsonl",
                                 "--limit", "500"])
    rows = _jsonl(result)
    assert rows and {r["type"] for r in rows} <= {"COOPERATE", "AID", "RETREAT"}


def test_a_cut_list_says_showing_n_of_m(examples_db):
    everything = _jsonl(runner.invoke(app, ["quotes", "--db", examples_db, "--limit", "1000", "--format", "jsonl"]))
    result = runner.invoke(app, ["quotes", "--db", examples_db, "--limit", "5"])
    assert result.exit_code == 0
    assert f"showing 5 of {len(everything)} quotes (use --limit or --offset)" in result.stderr


def test_the_next_page_says_which_rows_it_shows(examples_db):
    result = runner.invoke(app, ["events", "--db", examples_db, "--limit", "4", "--offset", "4"])
    assert "showing 5-8 of " in result.stderr


def test_a_whole_list_says_nothing_more(examples_db):
    result = runner.invoke(app, ["quotes", "--db", examples_db, "--limit", "1000"])
    assert result.exit_code == 0 and "showing" not in result.stderr


def test_quotes_csv_parses_back_to_the_jsonl_rows(examples_db):
    args = ["quotes", "--db", examples_db, "--speaker", "Rutte", "--limit", "4"]
    as_csv = runner.invoke(app, [*args, "--format", "csv"])
    as_jsonl = runner.invoke(app, [*args, "--format", "jsonl"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    expected = _jsonl(as_jsonl)
    assert len(rows) == len(expected) == 4
    assert [(r["article_id"], int(r["idx"]), r["text"], r["speaker_name"]) for r in rows] == \
        [(e["article_id"], e["idx"], e["text"], e["speaker_name"]) for e in expected]


@pytest.mark.parametrize("command", [["events"], ["articles"], ["actors"], ["labels", "Mark Rutte"],
                                     ["relation", "Russia", "North Korea"]])
def test_every_listing_command_prints_csv(examples_db, command):
    result = runner.invoke(app, [*command, "--db", examples_db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows)


def test_relation_of_a_name_covering_two_actors_is_named_as_asked(examples_db, tmp_path):
    """An alias given to two actors counts the events of both; the directions carry the name asked,
    never one of the two actors' names for the other's events."""
    db = str(tmp_path / "copy.duckdb")
    shutil.copy(examples_db, db)
    for actor in ("North Korea", "South Korea"):
        assert runner.invoke(app, ["alias", "add", actor, "the Koreas", "--db", db]).exit_code == 0
    both = _jsonl(runner.invoke(app, ["relation", "the Koreas", "Russia", "--db", db, "--format", "jsonl"]))
    north = _jsonl(runner.invoke(app, ["relation", "North Korea", "Russia", "--db", db, "--format", "jsonl"]))
    assert north and {r["direction"] for r in both} <= {"the Koreas -> Russia", "Russia -> the Koreas"}
    assert [r["events"] for r in north] == [r["events"] for r in both][:len(north)]


def test_search_finds_a_quote_by_a_word_of_its_text(examples_db):
    result = runner.invoke(app, ["search", "enabler", "--db", examples_db, "--kind", "quotes", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result)
    assert rows and all("enabler" in r["text"] for r in rows) and rows[0]["found_in"] == "quotes"


def test_quotes_search_option_combines_with_speaker(examples_db):
    result = runner.invoke(app, ["quotes", "--db", examples_db, "--search", "enabler", "--speaker", "Rutte",
                                 "--format", "jsonl"])
    rows = _jsonl(result)
    assert rows and {r["speaker_name"] for r in rows} == {"Mark Rutte"}


def test_search_csv_needs_one_kind(examples_db):
    result = runner.invoke(app, ["search", "Russia", "--db", examples_db, "--format", "csv"])
    assert result.exit_code == 1 and "--kind" in result.stderr


def test_min_confidence_on_a_store_without_the_column_says_to_reingest(examples_db, tmp_path):
    old = str(tmp_path / "old.duckdb")
    shutil.copy(examples_db, old)
    with duckdb.connect(old) as con:
        for (index,) in con.execute("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'quotes'").fetchall():
            con.execute(f"DROP INDEX {index}")  # an index on a table blocks dropping its columns
        con.execute("ALTER TABLE quotes DROP COLUMN IF EXISTS confidence")
    result = runner.invoke(app, ["quotes", "--db", old, "--min-confidence", "0.5"])
    assert result.exit_code == 1 and "no quotes.confidence column" in result.stderr and "Re-ingest" in result.stderr


def test_types_lists_every_type_family_and_modality():
    result = runner.invoke(app, ["types", "--format", "jsonl"])
    rows = _jsonl(result)
    assert len([r for r in rows if r["what"] == "type"]) == 18
    assert {r["name"] for r in rows if r["what"] == "modality"} == {"asserted", "reported", "future", "possible", "negated"}
    assert {r["name"] for r in rows if r["what"] == "family"} == {"verbal-cooperation", "material-cooperation",
                                                                  "verbal-conflict", "material-conflict"}


def test_reindex_rebuilds_the_index(examples_db, tmp_path):
    result = runner.invoke(app, ["reindex", "--db", examples_db])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("indexed 6 article(s)") and examples_db + ".search" in result.stdout


def test_export_csv_writes_one_file_per_table(examples_db, tmp_path):
    out = tmp_path / "csv"
    result = runner.invoke(app, ["export", "--db", examples_db, "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    quotes = list(csv.DictReader((out / "quotes.csv").open()))
    assert quotes and {"article_id", "idx", "speaker", "text"} <= set(quotes[0])
    assert not (out / "minhash_bands.csv").exists()


def test_measure_counts_json_lines_and_files(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-01-01 One.")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n\n{"text": "z"}\n')
    with gzip.open(tmp_path / "c.jsonl.gz", "wt") as f:
        f.write('{"text": "x"}\n{"text": "y"}\n')
    assert measure([str(tmp_path)]) == InputSize("records", 6)
    assert measure([str(tmp_path)], limit=4).total == 4


def test_measure_counts_the_bytes_of_warcs(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(b"\x00" * 1234)
    size = measure([str(warc)])
    assert (size.unit, size.total, size.warcs) == ("bytes", 1234, [warc])


@pytest.mark.parametrize("paths", [["-"], ["crawl.warc.gz", "a.txt"]])
def test_measure_gives_no_total_when_it_cannot_know(tmp_path, paths):
    (tmp_path / "crawl.warc.gz").write_bytes(b"\x00")
    (tmp_path / "a.txt").write_text("x")
    assert measure([p if p == "-" else str(tmp_path / p) for p in paths]).total is None


def test_ingest_progress_reaches_its_total(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": f"The mayor of Town {i} opened a bridge.", "date": "2024-01-02"}) + "\n"
                           for i in range(3)))
    db = str(tmp_path / "p.duckdb")
    result = runner.invoke(app, ["ingest", str(src), "--db", db, "--workers", "1"])
    assert result.exit_code == 0 and result.stdout.startswith("read 3, stored 3")
    assert Path(db + ".search").is_dir()


def _news_set(folder: Path) -> Path:
    """A one-file gold set in the news-dev layout (gold.jsonl beside the text), written for this test."""
    folder.mkdir()
    (folder / "harbour.txt").write_text("date 2024-05-02 Mayor Lena Ortiz said the harbour bridge would reopen in spring.\n")
    gold = {"file": "harbour.txt",
            "speakers": [{"name": "Lena Ortiz", "type": "PERSON", "country": None, "direct": [],
                          "indirect": ["the harbour bridge would reopen in spring"]}],
            "actors": [{"name": "Lena Ortiz", "type": "PERSON", "iso3": None, "forms": ["Lena Ortiz"]}],
            "events": []}
    (folder / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    return folder


def test_eval_news_scores_a_set(tmp_path):
    folder = _news_set(tmp_path / "harbour")
    table = runner.invoke(app, ["eval", "news", str(folder)])
    assert table.exit_code == 0, table.output
    assert "speaker_recall" in table.stdout and "harbour 1 article(s)" in table.stdout
    rows = _jsonl(runner.invoke(app, ["eval", "news", str(folder), "--format", "jsonl"]))
    assert [r["set"] for r in rows] == ["harbour"] and "misses" not in rows[0]
    assert rows[0]["counts"]["speakers"] == 1


def test_eval_news_without_gold_says_where_to_point(tmp_path):
    result = runner.invoke(app, ["eval", "news", str(tmp_path)])
    assert result.exit_code == 1 and "no gold.jsonl" in result.stderr
