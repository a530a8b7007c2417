"""The bundled examples ingested once through the CLI, for every command that reads a store."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("ex") / "ex.duckdb")
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db
