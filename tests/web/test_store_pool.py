"""The server's pool of read-only connections: kept open between requests, closed for a waiting writer; what
one generation of its connections shares (names, profiles, counts) is read again after an ingest, merge or split.

A lone client's request paid the store's open and a cold buffer pool each time when the pool closed
as soon as no request ran; an ingest must still get in (tests/web/test_concurrent_ingest.py runs a
real one), which it asks for by marking itself waiting (`store.connection.writer_waiting`).
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph import store
from newsgraph.curate import Curator
from newsgraph.ingest import ingest
from newsgraph.store.connection import connect, waiting_marker, writer_waiting
from newsgraph.web import create_app
from newsgraph.web.deps import SharedStore
from newsgraph.web.settings import ServerSettings

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


def test_the_connections_of_one_generation_resolve_a_name_once(store_copy, monkeypatch):
    calls: list[str] = []
    real = store.find_actor_ids
    monkeypatch.setattr(store, "find_actor_ids", lambda con, name: calls.append(name) or real(con, name))
    pool = SharedStore(store_copy, idle_seconds=30, poll_seconds=POLL)
    try:
        with pool.read() as first, pool.read() as second:  # two requests at once: two connections
            assert first is not second and first.generation is second.generation
            assert first.actor_ids("Russia") == second.actor_ids("Russia")
            assert first.stats() == second.stats() and first.top_actors(5) == second.top_actors(5)
        assert calls == ["Russia"]
        Path(waiting_marker(store_copy)).write_text("1\n")  # a writer waits: the pool closes, the generation ends
        time.sleep(POLL * 6)
        Path(waiting_marker(store_copy)).unlink()
        with pool.read() as later:
            later.actor_ids("Russia")
        assert calls == ["Russia", "Russia"]
    finally:
        pool.close()


def _serving(db: str) -> TestClient:
    """The app with no answers kept (cache off) and connections kept open: what a generation shares is all
    that could be stale."""
    return TestClient(create_app(db, settings=ServerSettings(cache_bytes=0, store_idle_seconds=30,
                                                             writer_poll_seconds=POLL)))


def test_an_ingest_is_seen_by_the_next_request(store_copy, tmp_path):
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "generation-check", "date": "2024-12-03", "text": "Portugal sent engineers "
                                "to Peru on Tuesday, the Portuguese defence minister said in Lisbon."}) + "\n",
                    encoding="utf-8")
    with _serving(store_copy) as c:
        before = c.get("/api/stats").json()
        assert "Portugal" not in c.get("/").text
        ingest([str(more)], store_copy)  # waits for the pool to close its connections
        assert c.get("/api/stats").json()["articles"] == before["articles"] + 1
        assert c.get("/api/actors/Portugal").status_code == 200


def test_a_merge_and_a_split_are_seen_by_the_next_request(store_copy):
    with _serving(store_copy) as c:
        kept = c.get("/api/actors/Mark Rutte").json()
        merged = c.get("/api/actors/Yoon Suk Yeol").json()
        assert merged["id"] != kept["id"]
        with Curator(store_copy) as curator:
            curator.merge("Mark Rutte", "Yoon Suk Yeol")
        after = c.get("/api/actors/Yoon Suk Yeol").json()
        assert after["id"] == kept["id"] and after["mentions"] == kept["mentions"] + merged["mentions"]
        assert c.get("/api/actors/Seoul").json()["id"] == c.get("/api/actors/South Korea").json()["id"]
        with Curator(store_copy) as curator:
            curator.split("South Korea", "Seoul")
        assert c.get("/api/actors/Seoul").json()["id"] != c.get("/api/actors/South Korea").json()["id"]
