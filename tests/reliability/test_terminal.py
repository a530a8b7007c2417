"""Stored text reaches the terminal as text: never Rich markup, control characters escaped.

An article's title `[/x]` crashed `newsgraph show` (Rich read it as a closing tag), `[link=...]`
became a clickable link, and escape sequences in the text (`ESC]0;...BEL` retitles the terminal,
`ESC[2J` clears it) were printed raw.
"""
from __future__ import annotations

import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli.output import TextTable, printable

runner = CliRunner()
TITLE = "[/x] [link=https://evil.example]Read this[/link] \x1b]0;pwned\x07[bold]loud[/bold]"
TEXT = ("The mayor of Lakeside said \x1b[2J the bridge \u202eopened\u202c on Tuesday. \x9b31m Residents cheered. "
        "\"We will build [red]another[/red] one,\" the mayor said.")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "in.jsonl").write_text(json.dumps({"id": "h1", "date": "2024-05-02", "title": TITLE, "text": TEXT}) + "\n")
    db = str(folder / "s.duckdb")
    result = runner.invoke(app, ["ingest", str(folder / "in.jsonl"), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db


def test_show_prints_a_title_of_markup_as_text(hostile_db):
    result = runner.invoke(app, ["show", "h1", "--db", hostile_db])
    assert result.exit_code == 0, result.output
    assert "[/x] [link=https://evil.example]Read this[/link]" in result.stdout
    assert "[bold]loud[/bold]" in result.stdout


def test_show_escapes_control_characters_of_title_and_text(hostile_db):
    result = runner.invoke(app, ["show", "h1", "--db", hostile_db])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\x9b" not in result.stdout
    assert "\\x1b]0;pwned\\x07" in result.stdout and "\\x1b[2J" in result.stdout
    assert "\\u202eopened\\u202c" in result.stdout and "\\x9b31m" in result.stdout


def test_show_makes_no_terminal_link(hostile_db):
    """Rich writes a link as OSC 8 (ESC ]8;;URL): with a colour terminal forced, none appears."""
    console = Console(force_terminal=True, color_system="truecolor", width=200, record=True)
    table = TextTable("title")
    table.add_row(TITLE)
    with console.capture() as captured:
        console.print(table)
    assert "\x1b]8;" not in captured.get() and "[link=https://evil.example]" in captured.get()


def test_tables_of_quotes_print_markup_in_stored_text_as_text(hostile_db):
    result = runner.invoke(app, ["quotes", "--db", hostile_db])
    assert result.exit_code == 0, result.output
    assert "[red]" in result.stdout  # shown (a narrow table may cut the rest of the cell), not made red


@pytest.mark.parametrize("raw, shown", [
    ("a\x1b[31mb", "a\\x1b[31mb"), ("bell\x07", "bell\\x07"), ("\x9b", "\\x9b"), ("del\x7f", "del\\x7f"),
    ("cr\roverwrite", "cr\\x0doverwrite"), ("\u202eevil", "\\u202eevil"), ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("Zürich – “quoted”", "Zürich – “quoted”"),
])
def test_printable_escapes_controls_and_keeps_text(raw, shown):
    assert printable(raw) == shown


def test_json_output_escapes_c1_and_bidi_controls_and_stays_the_same_value(hostile_db):
    result = runner.invoke(app, ["show", "h1", "--db", hostile_db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "\x9b" not in result.stdout and "\u202e" not in result.stdout and "\x1b" not in result.stdout
    assert json.loads(result.stdout)["title"] == TITLE
