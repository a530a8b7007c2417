"""The server's pool of read-only connections: kept open between requests, closed for a waiting writer.

A lone client's request paid the store's open and a cold buffer pool each time when the pool closed
as soon as no request ran; an ingest must still get in (tests/web/test_concurrent_ingest.py runs a
real one), which it asks for by marking itself waiting (`store.connection.writer_waiting`).
"""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from newsgraph.store.connection import connect, waiting_marker, writer_waiting
from newsgraph.web.deps import SharedStore

POLL = 0.05


def _borrowed(pool: SharedStore) -> object:
    with pool.read() as corpus:
        return corpus


def test_a_connection_is_kept_between_requests(store_copy):
    pool = SharedStore(store_copy, idle_seconds=30, poll_seconds=POLL)
    try:
        assert _borrowed(pool) is _borrowed(pool)
    finally:
        pool.close()


def test_the_pool_closes_when_a_writer_waits(store_copy):
    pool = SharedStore(store_copy, idle_seconds=30, poll_seconds=POLL)
    try:
        first = _borrowed(pool)
        Path(waiting_marker(store_copy)).write_text("1\n")
        time.sleep(POLL * 6)
        assert pool._idle == []  # closed without a request coming
        Path(waiting_marker(store_copy)).unlink()
        assert _borrowed(pool) is not first
    finally:
        pool.close()


def test_the_pool_closes_after_its_idle_time(store_copy):
    pool = SharedStore(store_copy, idle_seconds=POLL * 2, poll_seconds=POLL)
    try:
        _borrowed(pool)
        time.sleep(POLL * 8)
        assert pool._idle == []
    finally:
        pool.close()


_HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); print('open', flush=True); " \
        "time.sleep(float(sys.argv[2])); c.close()"


def test_a_writer_marks_itself_waiting_while_the_file_is_held(store_copy):
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, store_copy, "1.5"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    seen: list[bool] = []
    watcher = threading.Thread(target=lambda: [seen.append(writer_waiting(store_copy)) or time.sleep(0.1)
                                               for _ in range(10)])
    watcher.start()
    con = connect(store_copy, read_only=False, wait=20)
    con.close()
    watcher.join()
    holder.wait(10)
    assert any(seen), "no waiting mark while the reader held the file"
    assert not writer_waiting(store_copy), "the mark outlived the writer's wait"
