"""All cores: --workers gives the same store as one process; kill -9 then resume gives the same store."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from newsgraph import store
from newsgraph.engines.local import analyze_in_order
from newsgraph.ingest import ingest
from newsgraph.model import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TABLES = {"articles": "id, source, date, title, text", "actors": "id, name, type, country", "aliases": "actor_id, alias",
          "mentions": "*", "quotes": "*", "events": "*"}


def snapshot(db: str) -> dict[str, list]:
    """Every row of the content tables, ordered (ingest timestamps left out)."""
    con = duckdb.connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall() for t, cols in TABLES.items()}
    finally:
        con.close()


def _many_articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    subjects = ["Russia", "Ukraine", "North Korea", "China", "NATO", "Iran", "Japan", "Poland"]
    for i in range(n):
        a, b = subjects[i % 8], subjects[(i * 3 + 1) % 8]
        (folder / f"{i:03d}.txt").write_text(
            f"date 2024-10-{1 + i % 28:02d} {a} accused {b} of violating the agreement, officials said on day {i}. "
            f"Mark Rutte said {b} would face consequences.\n")
    return folder


def test_two_workers_store_what_one_stores(tmp_path):
    inputs = _many_articles(tmp_path / "in", 12)
    one, two = str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")
    ingest([str(inputs), str(EXAMPLES)], one, batch_size=4, workers=1)
    summary = ingest([str(inputs), str(EXAMPLES)], two, batch_size=4, workers=2)
    assert summary.stored == 18
    assert snapshot(one) == snapshot(two)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_after_first_batch_then_resume(tmp_path):
    inputs = _many_articles(tmp_path / "in", 40)
    reference, crashed = str(tmp_path / "reference.duckdb"), str(tmp_path / "crashed.duckdb")
    ingest([str(inputs)], reference, batch_size=4, workers=1)

    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(inputs), "--db", crashed, "--batch-size", "4", "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if Path(crashed).exists():
                try:
                    con = store.connect(crashed, read_only=True, wait=0)
                except Exception:  # locked by the writer, or no schema yet: poll again
                    con = None
                if con is not None:
                    try:
                        if store.stats(con)["articles"] >= 4:
                            break
                    finally:
                        con.close()
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    partial = snapshot(crashed)["articles"]
    assert 4 <= len(partial) < 40 and len(partial) % 4 == 0  # whole batches only

    resumed = subprocess.run(cmd, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"skipped {len(partial)} (already present)" in resumed.stdout
    assert snapshot(crashed) == snapshot(reference)


def test_batches_are_read_as_they_are_analyzed_not_all_first():
    """A crawl's input is streamed: the first analyzed batch comes out before the third is read."""
    read: list[int] = []

    def batches():
        for i in range(5):
            read.append(i)
            yield i, [Article(id=f"a{i}", source="s.txt", date="2024-01-01", title=None, text="Rain fell in Oslo.")]

    first_tag, first_batch = next(analyze_in_order(batches(), workers=1))
    assert first_tag == 0 and first_batch[0].id == "a0"
    assert read == [0, 1]  # two looked at to decide whether workers pay, no more
