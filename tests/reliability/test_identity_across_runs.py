"""Identity across runs: two different texts are two articles even when a JSON Lines `id` or a URL
repeats in a later run; the later one is stored with a warning, never dropped as "already present".

Within one run the readers decide (tests/readers/test_identity.py); across runs the store says which
text it holds under an id or URL (`store.known_for_copies`: MD5 of the text, as
`readers.copies.text_fingerprint` computes it).
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from newsgraph import store
from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.ingest import ingest
from newsgraph.readers.copies import text_fingerprint, variant_id

runner = CliRunner()
FIRST = {"id": "wire-1", "date": "2024-05-02", "url": "https://wire.example/a",
         "text": "The mayor of Lakeside opened a new bridge on Tuesday. Residents cheered the mayor."}
SAME_ID = {"id": "wire-1", "date": "2024-05-02", "url": "https://wire.example/b",
           "text": "The council of Hillview approved a budget on Friday. Teachers protested outside the hall."}
SAME_URL = {"id": "wire-2", "date": "2024-05-03", "url": "https://wire.example/a",
            "text": "Fishermen in Portvale demanded new quotas from the ministry on Monday."}


def _jsonl(path: Path, *records: dict) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _stored(db: str) -> dict[str, str]:
    con = duckdb.connect(db, read_only=True)
    try:
        return dict(con.execute("SELECT id, text FROM articles ORDER BY id").fetchall())
    finally:
        con.close()


def test_the_store_says_which_text_it_holds_under_an_id_and_a_url(tmp_path):
    db = str(tmp_path / "s.duckdb")
    ingest([_jsonl(tmp_path / "a.jsonl", FIRST)], db)
    present, urls, _, texts, url_texts = store.known_for_copies(db, ["wire-1", "nope"], [FIRST["url"], "https://x"], [])
    assert present == {"wire-1"} and urls == {FIRST["url"]}
    assert texts == {"wire-1": text_fingerprint(FIRST["text"])}  # DuckDB's md5(text) is the readers' fingerprint
    assert url_texts == {FIRST["url"]: {text_fingerprint(FIRST["text"])}}


def test_another_text_under_a_stored_id_is_stored_under_a_variant_id(tmp_path):
    db = str(tmp_path / "s.duckdb")
    ingest([_jsonl(tmp_path / "a.jsonl", FIRST)], db)
    warnings: list[InputError] = []
    summary = ingest([_jsonl(tmp_path / "b.jsonl", SAME_ID)], db, on_warning=warnings.append)
    variant = variant_id("wire-1", text_fingerprint(SAME_ID["text"]))
    assert (summary.stored, summary.skipped) == (1, 0)
    assert _stored(db) == {"wire-1": FIRST["text"], variant: SAME_ID["text"]}
    assert len(warnings) == 1 and "'wire-1'" in str(warnings[0]) and variant in str(warnings[0])
    assert warnings[0].source.endswith("b.jsonl:1")  # the article's source: file and line


def test_another_text_under_a_stored_url_is_stored_as_its_own_article(tmp_path):
    db = str(tmp_path / "s.duckdb")
    ingest([_jsonl(tmp_path / "a.jsonl", FIRST)], db)
    warnings: list[InputError] = []
    summary = ingest([_jsonl(tmp_path / "b.jsonl", SAME_URL)], db, on_warning=warnings.append)
    assert (summary.stored, summary.skipped) == (1, 0)
    assert _stored(db) == {"wire-1": FIRST["text"], "wire-2": SAME_URL["text"]}
    assert len(warnings) == 1 and FIRST["url"] in str(warnings[0])


def test_the_same_text_under_a_stored_id_or_url_is_still_a_duplicate(tmp_path):
    db = str(tmp_path / "s.duckdb")
    ingest([_jsonl(tmp_path / "a.jsonl", FIRST)], db)
    again = dict(FIRST, id="wire-9")  # same URL and text, another id: the same page fetched again
    warnings: list[InputError] = []
    summary = ingest([_jsonl(tmp_path / "a.jsonl", FIRST), _jsonl(tmp_path / "c.jsonl", again)], db,
                     on_warning=warnings.append)
    assert (summary.stored, summary.skipped) == (0, 2) and warnings == []


def test_reingesting_after_a_variant_changes_nothing(tmp_path):
    """The variant id depends only on the given id and the text, so a re-run (or a resumed run) finds it."""
    db = str(tmp_path / "s.duckdb")
    first, second = _jsonl(tmp_path / "a.jsonl", FIRST), _jsonl(tmp_path / "b.jsonl", SAME_ID, SAME_URL)
    ingest([first], db)
    ingest([second], db)
    warnings: list[InputError] = []
    summary = ingest([first, second], db, on_warning=warnings.append)
    assert (summary.stored, summary.skipped) == (0, 3) and warnings == []
    assert len(_stored(db)) == 3


def test_cli_ingest_prints_one_warning_line_per_article_kept_beside_another_text(tmp_path):
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", _jsonl(tmp_path / "a.jsonl", FIRST), "--db", db, "--workers", "1"]).exit_code == 0
    result = runner.invoke(app, ["ingest", _jsonl(tmp_path / "b.jsonl", SAME_ID, SAME_URL), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output  # stored, so not a failure
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(lines) == 2 and "b.jsonl:1" in lines[0] and "b.jsonl:2" in lines[1]
    assert "stored 2" in result.stdout and "2 kept beside another text of the same id or URL" in result.stdout


def test_cli_extract_prints_a_warning_line_for_a_repeated_id(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", FIRST, SAME_ID)
    result = runner.invoke(app, ["extract", path])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["wire-1", variant_id("wire-1", text_fingerprint(SAME_ID["text"]))]
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:") and "a.jsonl:2" in line]
