"""`newsgraph claims` over the examples store: table, JSON Lines and CSV; filters."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _run(*args: str):
    return runner.invoke(app, ["claims", *args])


def test_claims_jsonl_gives_whole_records_most_outlets_first(examples_db) -> None:
    result = _run("--db", examples_db, "--format", "jsonl", "--limit", "500")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows and [r["outlets"] for r in rows] == sorted((r["outlets"] for r in rows), reverse=True)
    assert all(r["first_seen"]["article_id"] and r["wordings"] for r in rows)


def test_claims_csv_has_a_header_and_one_row_per_claim(examples_db) -> None:
    result = _run("--db", examples_db, "--format", "csv", "--limit", "3")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3 and rows[0]["claim_id"].startswith("c") and rows[0]["canonical"]


def test_claims_table_names_the_speaker(examples_db) -> None:
    result = _run("--db", examples_db, "--limit", "500")
    assert result.exit_code == 0, result.output
    assert "Mark Rutte" in result.stdout


def test_claims_by_speaker_keep_only_that_speakers_claims(examples_db) -> None:
    result = _run("--db", examples_db, "--speaker", "Mark Rutte", "--format", "jsonl", "--limit", "500")
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows and all(dict(r["speakers"]).get(rows[0]["speaker"]) for r in rows)


def test_claims_min_outlets_drops_single_outlet_claims(examples_db) -> None:
    result = _run("--db", examples_db, "--min-outlets", "2", "--format", "jsonl", "--limit", "500")
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert all(r["outlets"] >= 2 for r in rows)


def test_claims_until_before_the_corpus_is_empty(examples_db) -> None:
    result = _run("--db", examples_db, "--until", "2000-01-01", "--format", "jsonl")
    assert result.exit_code == 0 and not result.stdout.strip()


def test_claims_unknown_speaker_fails(examples_db) -> None:
    result = _run("--db", examples_db, "--speaker", "Nobody Atall Zzz")
    assert result.exit_code == 1


def _claims_of(db: str) -> list[tuple[str, str]]:
    with duckdb.connect(db, read_only=True) as con:
        return con.execute("SELECT article_id || ':' || idx, claim FROM quotes ORDER BY 1").fetchall()


def test_claim_ids_do_not_depend_on_the_batch_size(examples_db, tmp_path) -> None:
    db = str(tmp_path / "small-batches.duckdb")
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--batch-size", "2", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert _claims_of(db) == _claims_of(examples_db)
