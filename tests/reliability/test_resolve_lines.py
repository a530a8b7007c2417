"""`newsgraph resolve -` answers every NAME<TAB>DATE line, in order: a line whose date is not a date
gets an error object (and a stderr line naming it) instead of ending the batch; common date forms
('Today', '12 April 2022') are read with dateparser."""
from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.lookup import batch_date

runner = CliRunner()


def _resolve(tmp_path, lines: str):
    return runner.invoke(app, ["resolve", "-", "--db", str(tmp_path / "none.duckdb")], input=lines)


def test_a_bad_date_gets_an_error_object_and_the_next_lines_are_answered(tmp_path):
    result = _resolve(tmp_path, "Mark Rutte\t2024-11-06\nMark Rutte\tnot a day\nMark Rutte\t2024-11-07\n")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == 3
    assert answers[0]["name"] == answers[2]["name"] == "Mark Rutte"
    assert answers[1]["line"] == 2 and "'not a day' is not a date" in answers[1]["error"]
    assert answers[1]["input"] == "Mark Rutte\tnot a day"


def test_a_bad_line_is_named_on_stderr_and_the_status_is_1(tmp_path):
    result = _resolve(tmp_path, "Mark Rutte\t2024-13-01\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: NG001 stdin:1: '2024-13-01' is not a date")


def test_common_date_forms_are_read(tmp_path):
    result = _resolve(tmp_path, "Mark Rutte\t12 April 2022\nMark Rutte\t2022-04-12\n")
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == second  # the same date, so the same answer


def test_today_is_today():
    assert batch_date("Today") == dt.date.today().isoformat()
    assert batch_date("12 April 2022") == "2022-04-12"
    assert batch_date("April 2022") == "2022-04-01"
    assert batch_date("2024-13-01") is None  # ISO-shaped but no day: not guessed at


def test_a_date_outside_1900_to_next_year_is_answered_and_warned_about(tmp_path):
    result = _resolve(tmp_path, "Mark Rutte\t1800-01-01\n")
    assert result.exit_code == 0 and json.loads(result.stdout)["name"] == "Mark Rutte"
    assert result.stderr.startswith("warning: NG001 stdin:1: date 1800-01-01 is outside 1900-01-01..")
