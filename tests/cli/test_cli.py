"""The CLI end to end through typer's CliRunner: every command, its help and its exit status."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()
ARTICLE = "date 2024-11-06 NATO Secretary General Mark Rutte said North Korea sent troops to Russia.\n\nRutte spoke in Brussels. Share\n"


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE)
    (d / "b.jsonl").write_text(json.dumps({"text": "The Kremlin denied it. Russia said nothing.", "date": "2024-11-07"}) + "\n")
    return d


COMMANDS = [[], ["extract"], ["ingest"], ["load"], ["export"], ["actors"], ["show"], ["stats"], ["quotes"], ["events"],
            ["relation"], ["actor"], ["labels"], ["resolve"], ["merge"], ["split"], ["rename"], ["import-actors"], ["serve"],
            ["alias"], ["alias", "add"], ["curation"], ["curation", "export"], ["curation", "import"],
            ["eval"], ["eval", "quotes"], ["eval", "events"], ["eval", "actors"], ["eval", "news"], ["articles"],
            ["search"], ["types"], ["reindex"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "newsgraph")
def test_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_help_lists_commands_in_order():
    commands = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout.split("Commands")[1]
    listed = re.findall(r"^│ (\S+) ", commands, re.M)
    assert listed == ["extract", "ingest", "actors", "show", "stats", "quotes", "claims", "events", "articles", "search", "types",
                      "relation", "load", "export", "reindex", "serve", "actor", "labels", "resolve", "merge", "split", "rename", "import-actors", "eval", "alias",
                      "curation"]


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "newsgraph.cli", "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "import-actors" in result.stdout


def test_extract_prints_the_contract(inputs):
    result = runner.invoke(app, ["extract", str(inputs / "a.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (line,) = [text for text in result.stdout.splitlines() if text.strip()]
    d = json.loads(line)
    assert list(d)[:5] == ["id", "source", "date", "title", "url"]
    assert {"text", "actors", "mentions", "quotes", "events", "blocks"} <= set(d)
    assert d["date"] == "2024-11-06" and "Share" not in d["text"]
    for m in d["mentions"]:
        assert d["text"][m["start"]:m["end"]] == m["text"]
        assert m["actor"] in {a["id"] for a in d["actors"]}
    assert {"id", "name", "type", "country", "aliases"} <= set(d["actors"][0])


def test_extract_reports_bad_input_and_goes_on(inputs):
    (inputs / "bad.jsonl").write_text(json.dumps({"text": "Officials met in Riga.", "date": "2024-11-08"}) + "\n{oops\n")
    result = runner.invoke(app, ["extract", str(inputs), "--format", "jsonl"])
    assert result.exit_code == 1
    assert len([line for line in result.stdout.splitlines() if line.startswith("{")]) == 3
    assert "bad.jsonl:2" in result.stderr and "not valid JSON" in result.stderr


def test_undated_plain_text_warns_once(tmp_path):
    (tmp_path / "x.txt").write_text("Officials met in Kyiv.")
    (tmp_path / "y.txt").write_text("Officials met in Riga.")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stderr.count("warning:") == 1 and "2 article(s) have no date" in result.stderr
    result = runner.invoke(app, ["extract", str(tmp_path), "--date", "2024-05-01"])
    assert all(json.loads(line)["date"] == "2024-05-01" for line in result.stdout.splitlines())


def test_ingest_then_query(tmp_path, inputs, monkeypatch):
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert result.exit_code == 0, result.output
    assert "read 2, stored 2, skipped 0 (already present), failed 0" in result.stdout
    again = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert "read 2, stored 0, skipped 2 (already present), failed 0" in again.stdout

    monkeypatch.setenv("NEWSGRAPH_DB", db)  # the env var replaces --db
    stats = runner.invoke(app, ["stats"])
    assert stats.exit_code == 0 and "2 articles" in stats.stdout and "Mark Rutte" in stats.stdout
    people = runner.invoke(app, ["actors", "--type", "PERSON", "--format", "jsonl"])
    rows = [json.loads(line) for line in people.stdout.splitlines()]
    assert [r["name"] for r in rows] == ["Mark Rutte"] and rows[0]["mentions"] == 2
    gpe = runner.invoke(app, ["actors", "--type", "GPE", "--top", "1", "--format", "jsonl"])
    assert [json.loads(line)["name"] for line in gpe.stdout.splitlines()] == ["Russia"]

    article_id = json.loads(runner.invoke(app, ["extract", str(inputs / "a.txt")]).stdout)["id"]
    show = runner.invoke(app, ["show", article_id])
    assert show.exit_code == 0 and "Mark Rutte" in show.stdout and "surname" in show.stdout
    missing = runner.invoke(app, ["show", "nope"])
    assert missing.exit_code == 1 and "no article with id 'nope'" in missing.stderr


def test_ingest_failure_sets_exit_status_and_keeps_store(tmp_path, inputs):
    db = str(tmp_path / "s.duckdb")
    runner.invoke(app, ["ingest", str(inputs), "--db", db])
    (inputs / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output
    assert "stored 0, skipped 2 (already present), failed 1" in result.stdout


def test_query_commands_on_missing_store(tmp_path):
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no store here" in result.stderr


def test_quotes_command(examples_db):
    result = runner.invoke(app, ["quotes", "--db", examples_db, "--speaker", "Rutte", "--about", "North Korea", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["speaker_name"] for r in rows} == {"Mark Rutte"}
    assert all(r["text"] in r["sentence"] for r in rows)
    late = runner.invoke(app, ["quotes", "--db", examples_db, "--speaker", "Rutte", "--since", "2024-11-15", "--format", "jsonl"])
    assert all(json.loads(line)["date"] >= "2024-11-15" for line in late.stdout.splitlines())
    unknown = runner.invoke(app, ["quotes", "--db", examples_db, "--speaker", "Nobody Known"])
    assert unknown.exit_code == 1 and "no actor named 'Nobody Known'" in unknown.stderr
    bad = runner.invoke(app, ["quotes", "--db", examples_db, "--since", "yesterday"])
    assert bad.exit_code != 0 and "not a date" in bad.output


def test_events_and_relation_commands(examples_db):
    result = runner.invoke(app, ["events", "--db", examples_db, "--source", "North Korea", "--target", "Russia", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["source_name"] == "North Korea" and r["target_name"] == "Russia" for r in rows)
    rel = runner.invoke(app, ["relation", "Russia", "DPRK", "--db", examples_db, "--by", "month", "--format", "jsonl"])
    assert rel.exit_code == 0, rel.output
    counts = [json.loads(line) for line in rel.stdout.splitlines()]
    assert {c["direction"] for c in counts} <= {"Russia -> North Korea", "North Korea -> Russia"}
    assert sum(c["events"] for c in counts if c["direction"] == "North Korea -> Russia") == len(rows)
    table = runner.invoke(app, ["relation", "Russia", "North Korea", "--db", examples_db])
    assert "North Korea -> Russia" in table.stdout and "sent" in table.stdout


def test_resolve_reads_name_tab_date_lines_without_a_store(tmp_path):
    lines = "Mark Rutte\t2024-11-06\n\nthe weather\nMark Rutte\t \n"
    result = runner.invoke(app, ["resolve", "-", "--db", str(tmp_path / "none.duckdb"), "--date", "2024-11-07"], input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3  # the blank line is skipped
    assert rows[0]["name"] == "Mark Rutte" and rows[1] is None and rows[2]["id"] == rows[0]["id"]


def test_resolve_rejects_a_bad_date_on_a_line(tmp_path):
    result = runner.invoke(app, ["resolve", "-", "--db", str(tmp_path / "none.duckdb")], input="Mark Rutte\t2024-13-01\n")
    # every line is answered: a bad one is reported with its line and the run exits 1
    assert result.exit_code == 1 and "not a date" in result.output


def test_extract_out_writes_shards_and_lists_input_errors(inputs, tmp_path):
    (inputs / "bad.jsonl").write_text("{oops\n")
    shards = tmp_path / "shards"
    result = runner.invoke(app, ["extract", str(inputs), "--out", str(shards)])
    assert result.exit_code == 1
    assert result.stdout.startswith("read 2, wrote 2 article(s) in 1 shard(s)") and "failed 1" in result.stdout
    manifest = json.loads((shards / "manifest.json").read_text())
    assert [e for e in manifest["input_errors"] if "bad.jsonl" in e and "not valid JSON" in e]


@pytest.mark.parametrize("args, message", [(["--engine", "ray"], "pass --out DIR"),
                                           (["--out", "x", "--address", "ray://h:10001"], "pass --engine ray")])
def test_extract_engine_options_need_each_other(inputs, args, message):
    result = runner.invoke(app, ["extract", str(inputs), *args])
    assert result.exit_code == 1 and message in result.stderr


def test_relation_unknown_actor_fails_with_the_name(examples_db):
    result = runner.invoke(app, ["relation", "Russia", "Nobody Known", "--db", examples_db])
    assert result.exit_code == 1 and "no actor named 'Nobody Known'" in result.stderr
