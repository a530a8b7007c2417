"""A store file that cannot be used says so in one line naming the file, typed (errors.py), never as
DuckDB's own error or a traceback: not a DuckDB file, empty, truncated, a folder, gone, locked by
another process (saying which), a full disk; and an export never leaves a truncated file."""
from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph import query, store
from newsgraph.cli import app
from newsgraph.errors import OutputError, StoreError, StoreFullError, StoreLockedError, StoreMissingError
from newsgraph.export import export_jsonl
from newsgraph.ingest import ingest
from newsgraph.store.failures import store_error

runner = CliRunner()
TEXTS = ["The mayor of Lakeside opened a new bridge on Tuesday.",
         "The council of Hillview approved a budget on Friday.",
         "Fishermen in Portvale demanded new quotas from the ministry."]


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> str:
    """A small store, checkpointed (no write-ahead log beside it)."""
    folder = tmp_path_factory.mktemp("store")
    (folder / "in.jsonl").write_text("".join(json.dumps({"date": "2024-05-0" + str(i + 1), "text": t}) + "\n"
                                             for i, t in enumerate(TEXTS)), encoding="utf-8")
    db = str(folder / "s.duckdb")
    ingest([str(folder / "in.jsonl")], db, workers=1)
    return db


def _not_duckdb(tmp: Path, stored: str) -> Path:
    path = tmp / "notes.duckdb"
    path.write_text("these are my notes, not a database\n")
    return path


def _empty(tmp: Path, stored: str) -> Path:
    path = tmp / "empty.duckdb"
    path.touch()
    return path


def _folder(tmp: Path, stored: str) -> Path:
    path = tmp / "folder.duckdb"
    path.mkdir()
    return path


def _cut_in_the_header(tmp: Path, stored: str) -> Path:
    path = tmp / "cut.duckdb"
    path.write_bytes(Path(stored).read_bytes()[:20_000])
    return path


def _cut_in_the_data(tmp: Path, stored: str) -> Path:
    """Header and catalog intact, data blocks missing: DuckDB opens it and fails only when a query reads them."""
    path = tmp / "short.duckdb"
    data = Path(stored).read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


BAD_FILES = {"not a DuckDB file": (_not_duckdb, "not a DuckDB database file"),
             "empty file": (_empty, "empty file"),
             "folder": (_folder, "is a folder"),
             "truncated in the header": (_cut_in_the_header, "truncated"),
             "truncated in the data": (_cut_in_the_data, "truncated")}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_store_file_is_a_store_error_naming_it(stored, tmp_path, case):
    make, words = BAD_FILES[case]
    path = make(tmp_path, stored)
    for read_only in (True, False):
        with pytest.raises(StoreError) as info:
            store.connect(str(path), read_only=read_only, wait=0).close()
        assert str(path) in str(info.value) and words in str(info.value)
        assert str(info.value).startswith("NG010")


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_cli_says_one_line_for_a_bad_store_file(stored, tmp_path, case):
    make, words = BAD_FILES[case]
    path = make(tmp_path, stored)
    for args in (["stats", "--db", str(path)], ["ingest", "-", "--db", str(path), "--workers", "1"]):
        result = runner.invoke(app, args, input="date 2024-01-01 Some text.\n")
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: NG010 {path}: ") and words in result.stderr
        assert "Traceback" not in result.output and len([line for line in result.stderr.splitlines() if line.strip()]) == 1


def test_a_store_removed_while_in_use_is_a_store_missing_error(stored, tmp_path):
    """What a server meets when the file goes away between two requests (the web app answers 503)."""
    db = tmp_path / "served.duckdb"
    shutil.copy(stored, db)
    with query.open(str(db)) as corpus:
        assert corpus.stats()["articles"] == 3
    db.unlink()
    with pytest.raises(StoreMissingError) as info:
        query.open(str(db))
    assert isinstance(info.value, StoreError) and isinstance(info.value, FileNotFoundError)
    assert str(db) in str(info.value) and str(info.value).startswith("NG011")


HOLDER = "import duckdb, sys, time\ncon = duckdb.connect(sys.argv[-1])\nprint('ready', flush=True)\ntime.sleep(60)\n"


def _hold(tmp_path: Path, db: str, argv0: str, *args: str) -> subprocess.Popen:
    """A process holding `db` open read-write, whose command line reads `argv0 args... db`."""
    script = tmp_path / argv0
    script.write_text(HOLDER)
    proc = subprocess.Popen([sys.executable, str(script), *args, db], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


@pytest.mark.parametrize("argv0, args, expected", [
    ("ipykernel_launcher.py", ["-f", "kernel-1.json"], "a Jupyter notebook kernel"),
    ("newsgraph", ["serve", "--db", "s.duckdb"], "a `newsgraph serve`"),
])
def test_a_lock_names_the_kind_of_process_holding_it(stored, tmp_path, argv0, args, expected):
    db = tmp_path / "held.duckdb"
    shutil.copy(stored, db)
    proc = _hold(tmp_path, str(db), argv0, *args)
    try:
        with pytest.raises(StoreLockedError) as info:
            store.connect(str(db), read_only=True, wait=0.2)
    finally:
        proc.kill()
        proc.wait()
    message = str(info.value)
    assert expected in message and f"PID {proc.pid}" in message and str(db) in message
    assert "running ingest" not in message


def test_a_full_disk_under_duckdb_is_reported_as_such_not_as_the_failed_rollback():
    """DuckDB reports the failed ROLLBACK after the write that hit ENOSPC; the cause is its context."""
    try:
        try:
            raise duckdb.IOException('Could not write file "/data/s.duckdb.wal": No space left on device')
        except duckdb.IOException:
            raise duckdb.TransactionException("TransactionContext Error: cannot rollback - no transaction is active")  # noqa: B904 - chained implicitly, as DuckDB does
    except duckdb.Error as exc:
        typed = store_error("/data/s.duckdb", exc)
    assert isinstance(typed, StoreFullError)
    assert "/data/s.duckdb: no space left on device" in str(typed) and "cannot rollback" not in str(typed)


def _small_disk(tmp_path: Path) -> Path:
    mount = tmp_path / "small"
    mount.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("needs root and mount(8) for a 2 MB tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    return mount


def test_ingest_onto_a_full_disk_says_no_space_left_with_the_path(tmp_path):
    mount = _small_disk(tmp_path)
    try:
        db = str(mount / "s.duckdb")
        texts = "".join(json.dumps({"date": "2024-05-01", "text": f"Article {i}: " + "The council met. " * 400}) + "\n"
                        for i in range(120))
        (tmp_path / "in.jsonl").write_text(texts, encoding="utf-8")
        result = runner.invoke(app, ["ingest", str(tmp_path / "in.jsonl"), "--db", db, "--workers", "1",
                                     "--batch-size", "8"])
        assert result.exit_code == 1
        assert f"error: NG012 {db}: no space left on device" in result.stderr, result.output
        assert "cannot rollback" not in result.output and "Traceback" not in result.output
        with query.open(db) as corpus:  # what was committed before stays readable
            assert corpus.stats()["articles"] % 8 == 0
    finally:
        for _ in range(20):
            if subprocess.run(["umount", str(mount)], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)


def test_an_export_that_fails_leaves_the_previous_file_and_no_partial_one(stored, tmp_path, monkeypatch):
    out = tmp_path / "export.jsonl"
    out.write_text("the previous export\n")
    real = query.Corpus.articles

    def articles_then_disk_full(self, ids):  # one article written, then the disk is full
        yield next(iter(real(self, ids)))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(query.Corpus, "articles", articles_then_disk_full)
    with query.open(stored) as corpus, pytest.raises(OutputError) as info:
        export_jsonl(corpus, str(out))
    assert f"{out}: cannot write it (no space left on device)" in str(info.value)
    assert out.read_text() == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.jsonl"]


def test_cli_export_writes_the_whole_file_and_nothing_beside_it(stored, tmp_path):
    out = tmp_path / "sub" / "export.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--db", stored])
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 3 and [p.name for p in out.parent.iterdir()] == ["export.jsonl"]
