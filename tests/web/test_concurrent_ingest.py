"""`serve` keeps answering while a real `newsgraph ingest` process writes to the same store.

DuckDB lets one process hold a file for writing, and then no other process may open it; the
server opens the store read-only per request and the ingest once per batch, each retrying
while the other holds it, so both make progress.
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import httpx

from .conftest import LiveServer

N_ARTICLES = 6
BATCH = 2


def _articles(path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(N_ARTICLES):
            text = (f"Germany pledged {100 + i} million euros in military aid to Ukraine on Monday, "
                    f"Chancellor Olaf Scholz said in Berlin. \"We stand with Kyiv,\" Scholz said in briefing {i}.\n\n"
                    f"Russia condemned the decision, the Kremlin said.")
            f.write(json.dumps({"id": f"concurrent-{i}", "date": f"2024-12-{1 + i % 28:02d}", "text": text}) + "\n")


def test_requests_keep_succeeding_during_a_concurrent_ingest(store_copy, tmp_path):
    source = tmp_path / "more.jsonl"
    _articles(source)
    with LiveServer(store_copy) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        before = http.get("/api/stats").json()["articles"]
        russia = http.get("/api/actors/Russia").json()["id"]
        proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(source), "--db", store_copy,
                                 "--batch-size", str(BATCH)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        failures: list[str] = []
        seen: list[int] = []
        pages = 0

        def browse() -> None:  # a second client on the pages, as an analyst would
            nonlocal pages
            with httpx.Client(base_url=server.url, timeout=60) as own:
                while proc.poll() is None:
                    for url in (f"/actor/{russia}", "/", "/search?q=g"):
                        try:
                            r = own.get(url)
                        except httpx.HTTPError as exc:
                            failures.append(f"{url}: {exc!r}")
                            continue
                        if r.status_code != 200:
                            failures.append(f"{url}: {r.status_code} {r.text[:200]}")
                        pages += 1
                    time.sleep(0.05)

        other = threading.Thread(target=browse)
        other.start()
        deadline = time.monotonic() + 240
        try:
            while proc.poll() is None and time.monotonic() < deadline:
                try:
                    r = http.get("/api/stats")
                except httpx.HTTPError as exc:
                    failures.append(f"/api/stats: {exc!r}")
                    continue
                if r.status_code != 200:
                    failures.append(f"/api/stats: {r.status_code} {r.text[:200]}")
                else:
                    seen.append(r.json()["articles"])
                time.sleep(0.05)
        finally:
            if proc.poll() is None:
                proc.kill()
            out, err = proc.communicate(timeout=30)
            other.join(30)
        assert proc.returncode == 0, f"ingest failed or timed out ({proc.returncode}): {err[-2000:]}"
        assert not failures, failures[:5]
        assert len(seen) >= 5 and pages >= 3, (seen, pages)
        assert seen == sorted(seen)  # never goes back
        after = http.get("/api/stats").json()["articles"]
        assert after == before + N_ARTICLES
        assert http.get("/api/actors", params={"q": "olaf"}).json()["items"]
        print(f"{len(seen)} stats requests and {pages} page requests during the ingest; articles seen: {sorted(set(seen))}")
