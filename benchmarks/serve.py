"""Serving under load: 20 concurrent clients against `newsgraph serve` on a store of about 300 articles.

Usage: .venv/bin/python benchmarks/serve.py [--db PATH] [--articles 300] [--clients 20] [--seconds 20]
                                           [--work DIR]

1. The store: `--db` as given, or the bundled `examples/` really ingested (6 articles) and their
   rows copied under new ids and dates up to `--articles` (newsgraph/store/replicate.py, as
   benchmarks/growth.py grows its stores), with the search index brought up to date; kept in
   `--work` and reused by later runs.
2. `newsgraph serve` in its own process on 127.0.0.1 and a free port (loopback only), as a user runs it.
3. `--clients` threads, each with its own keep-alive `http.client` connection, request for
   `--seconds` seconds a fixed mix of API endpoints and pages (home, quotes, events, actor,
   relation, search; see `mix`), each thread starting at another point of the mix. The server
   keeps answers while the store does not change (newsgraph/web/cache.py), so after the first
   round most answers come from memory; `--cold` adds a parameter no route reads, different in
   every request, so each one is computed (what a client asking only new questions would see).

Prints requests/s, p50/p95/max latency, errors (any status but 200, or a failed connection), the
slowest path kinds, the server's CPU time per request over the run (`/proc/PID/stat`: user + system
of the server process, all its threads, so the machine's other jobs do not inflate it, as waiting
for a core inflates wall time), the load average, and last: `serve: N rps, p95 T ms (20 clients)`.
`--per-route N` then sends each path of the mix N times, one request at a time, each one computed
(`_cold`), and prints the server's CPU ms per request and the median wall ms of each.
Goal (issue 19): p95 <= 300 ms and >= 150 requests/s on 2 shared cores.
"""
from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from newsgraph import ingest as ingest_module
from newsgraph import query, search, store
from newsgraph.store import replicate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
START_SECONDS = 90


def build_store(work: Path, articles: int) -> Path:
    """The examples ingested and copied up to `articles` articles (reused when `work` has it)."""
    db = work / f"serve-{articles}.duckdb"
    if db.exists():
        return db
    tmp = work / "serve-building.duckdb"
    summary = ingest_module.ingest([str(EXAMPLES)], str(tmp), workers=1)
    con = store.connect(str(tmp), read_only=False)
    try:
        have = summary.stored or con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        copies = max(0, -(-(articles - have) // have))
        replicate.replicate(con, range(1, copies + 1))
        search.sync(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    for suffix in ("", ".search"):
        os.replace(f"{tmp}{suffix}", f"{db}{suffix}")
    return db


def mix(db: Path) -> list[tuple[str, str]]:
    """(kind, path) of the requests the clients cycle through: the busiest actor, a median one, a pair."""
    with query.open(str(db)) as c:
        ranked = c.actors().to_list()
        busiest, median = ranked[0], ranked[len(ranked) // 2]
        partner = next(iter(c.counterparts(busiest.id, limit=1)), None)
        other = partner.counterpart if partner else median.id
        word = busiest.name.split()[-1]
    a, m, b = (quote(x, safe="") for x in (busiest.id, median.id, other))
    return [
        ("home", "/"), ("api stats", "/api/stats"),
        ("api quotes", f"/api/quotes?speaker={a}"), ("api quotes", "/api/quotes?limit=50"),
        ("api events", f"/api/events?actor={a}"), ("api events", f"/api/events?actor={m}&type=verbal-conflict"),
        ("api actor", f"/api/actors/{a}"), ("api relation", f"/api/relation?a={a}&b={b}"),
        ("api search", f"/api/search?q={quote(word)}"), ("quotes page", f"/quotes?speaker={a}"),
        ("events page", f"/events?actor={m}"), ("actor page", f"/actor/{a}"), ("actor page", f"/actor/{m}"),
        ("relation page", f"/relation?a={a}&b={b}"), ("search page", f"/search?q={quote(word)}"),
        ("api articles", "/api/articles?limit=20"),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """`newsgraph serve` on 127.0.0.1:port, once it answers."""
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/stats")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("newsgraph serve did not start")


class Client(threading.Thread):
    """One client: a keep-alive connection, requests in turn until `stop`, each timed."""

    def __init__(self, port: int, paths: list[tuple[str, str]], first: int, stop: float, cold: bool = False) -> None:
        super().__init__(daemon=True)
        self.port, self.paths, self.next, self.stop, self.cold = port, paths, first, stop, cold
        self.times: list[tuple[str, float]] = []
        self.errors: list[str] = []

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while time.monotonic() < self.stop:
            kind, path = self.paths[self.next % len(self.paths)]
            self.next += 1
            if self.cold:  # a parameter no route reads, different each time: no answer comes from the cache
                path += f"{'&' if '?' in path else '?'}_cold={self.ident}-{self.next}"
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    self.errors.append(f"{path}: HTTP {response.status}")
            except (OSError, http.client.HTTPException) as exc:
                self.errors.append(f"{path}: {exc!r}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                continue
            self.times.append((kind, (time.perf_counter() - start) * 1000))
        conn.close()


def load(port: int, paths: list[tuple[str, str]], clients: int, seconds: float,
         cold: bool = False) -> tuple[list[tuple[str, float]], list[str], float]:
    """Run the clients for `seconds`; every timed request, every error, and the wall time."""
    started = time.monotonic()
    threads = [Client(port, paths, i, started + seconds, cold) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    wall = time.monotonic() - started
    return [x for t in threads for x in t.times], [e for t in threads for e in t.errors], wall


def server_cpu_ms(proc: subprocess.Popen[bytes]) -> float:
    """CPU time (user + system, every thread) the server process has used so far, in ms (`/proc/PID/stat`)."""
    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def per_route(port: int, proc: subprocess.Popen[bytes], paths: list[tuple[str, str]], repeat: int) -> None:
    """Each path of the mix `repeat` times, one request at a time and each computed: server CPU and wall ms."""
    print(f"per route, {repeat} computed requests each, one at a time: server CPU ms / request, median wall ms")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for n, (kind, path) in enumerate(paths):
        walls = []
        before = server_cpu_ms(proc)
        for i in range(repeat):
            start = time.perf_counter()
            conn.request("GET", f"{path}{'&' if '?' in path else '?'}_cold=route-{n}-{i}")
            response = conn.getresponse()
            body = response.read()
            walls.append((time.perf_counter() - start) * 1000)
        cpu = (server_cpu_ms(proc) - before) / repeat
        print(f"  {kind:14} {cpu:7.1f} CPU ms  {statistics.median(walls):7.1f} wall ms  "
              f"{len(body) / 1000:8.1f} kB  {path[:70]}")
    conn.close()


def percentile(sorted_ms: list[float], p: float) -> float:
    return sorted_ms[min(len(sorted_ms) - 1, int(p * len(sorted_ms)))] if sorted_ms else 0.0


def report(times: list[tuple[str, float]], errors: list[str], wall: float, clients: int) -> None:
    ms = sorted(t for _, t in times)
    rps = len(ms) / wall if wall else 0.0
    print(f"requests: {len(ms)} in {wall:.1f} s = {rps:.0f} requests/s; errors: {len(errors)}")
    if errors:
        for e in errors[:5]:
            print(f"  error: {e}")
    print(f"latency: p50 {percentile(ms, 0.5):.0f} ms, p95 {percentile(ms, 0.95):.0f} ms, max {max(ms, default=0):.0f} ms")
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, t in times:
        by_kind[kind].append(t)
    for kind, values in sorted(by_kind.items(), key=lambda kv: -statistics.median(kv[1])):
        values.sort()
        print(f"  {kind:14} n={len(values):5}  p50 {percentile(values, 0.5):6.0f} ms  p95 {percentile(values, 0.95):6.0f} ms")
    print(f"serve: {rps:.0f} rps, p95 {percentile(ms, 0.95):.0f} ms ({clients} clients)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="serve this store instead of building one")
    parser.add_argument("--articles", type=int, default=300, help="articles in the built store (default 300)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the clients run (default 20)")
    parser.add_argument("--work", default=None, help="folder for the built store (default: a temporary one)")
    parser.add_argument("--per-route", type=int, default=0, metavar="N",
                        help="after the load, N computed requests of each path one at a time: CPU ms per route")
    parser.add_argument("--cold", action="store_true",
                        help="make every request's URL unique, so none is answered from the server's cache")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        db = Path(args.db) if args.db else build_store(work, args.articles)
        with query.open(str(db)) as c:
            print(f"store: {db.name}, {c.stats()['articles']} articles")
        paths = mix(db)
        port = free_port()
        proc = start_server(db, port)
        try:
            load(port, paths, min(args.clients, 4), 2.0)  # warm up: first requests load templates and caches
            loadavg, cpu = os.getloadavg()[0], server_cpu_ms(proc)
            times, errors, wall = load(port, paths, args.clients, args.seconds, args.cold)
            cpu, loadavg = server_cpu_ms(proc) - cpu, (loadavg, os.getloadavg()[0])
            if args.per_route:
                per_route(port, proc, paths, args.per_route)
        finally:
            proc.terminate()
            proc.wait(15)
    print(f"mode: {'cold (every request computed)' if args.cold else 'repeated mix (answers may come from the cache)'}")
    print(f"server CPU: {cpu / max(1, len(times)):.1f} ms per request ({cpu / 1000:.1f} s over the run); "
          f"load average {loadavg[0]:.1f} before, {loadavg[1]:.1f} after")
    report(times, errors, wall, args.clients)
    return 0


if __name__ == "__main__":
    sys.exit(main())
