"""A `--date` outside 1900-01-01 .. today + 1 year is used as given but warned about (a typo more often
than an article from 1800); the readers warn about such dates in the inputs themselves."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.ingest import extract, ingest

runner = CliRunner()


@pytest.mark.parametrize("date", ["1800-01-01", "2999-12-31"])
def test_ingest_warns_about_an_implausible_date_option(tmp_path, date):
    (tmp_path / "a.txt").write_text("The council of Hillview approved a budget on Friday.\n")
    warnings: list[InputError] = []
    summary = ingest([str(tmp_path / "a.txt")], str(tmp_path / "s.duckdb"), date=date, on_warning=warnings.append)
    assert summary.stored == 1
    assert [w.source for w in warnings] == ["--date"] and date in str(warnings[0])


def test_a_plausible_date_option_gives_no_warning(tmp_path):
    (tmp_path / "a.txt").write_text("The council of Hillview approved a budget on Friday.\n")
    warnings: list[InputError] = []
    list(extract([str(tmp_path / "a.txt")], date="2024-05-01", on_warning=warnings.append))
    assert warnings == []


def test_cli_extract_prints_the_date_warning_and_succeeds(tmp_path):
    (tmp_path / "a.txt").write_text("The council of Hillview approved a budget on Friday.\n")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--date", "1800-01-01"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("warning: NG001 --date: 1800-01-01 is outside 1900-01-01..")
