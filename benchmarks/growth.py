"""Growth: what a batch and a page cost in stores of 10^4, 10^5 and 10^6 articles.

Usage: .venv/bin/python benchmarks/growth.py [--max 1000000] [--seed 300] [--repeat 20] [--work DIR] [--keep]
                                             [--search-index full|state] [--reuse]

1. A seed store: `--seed` PolNeAR train articles (dates and outlets from their file names) really
   ingested (`ingest`, one worker), kept in `--work` and reused by later runs.
2. For each size up to `--max`: a copy of the seed grown to that many articles by copying the
   seed's rows with new ids, dates (spread over three years) and MinHash band keys, one
   INSERT ... SELECT per table in steps that double the store, then the summaries made once
   from the stored rows by the store's own `summaries.rebuild` (newsgraph/store/replicate.py;
   equal to what ingest's per-batch summaries sum to); then the search index beside it is brought up to date
   (`full`, about 7 ms an article here), or only told it is (`state`: the copies are not
   indexed, so ingest's search sync sees a store it has caught up with, but search pages
   search the seed's texts only and their figures mean little).
   Each size starts from the seed, so no store has seen the fresh articles before; the store
   is deleted after its measurements unless `--keep`.
3. Measured on each store: every page and API endpoint for the busiest actor (most mentions; the actor
   page also with its network over a period, `?since=2017-01-01`, the last third of the copies' dates),
   a median one and a pair (the busiest and its first counterpart), `--repeat` requests each
   through the app in-process (FastAPI's TestClient: routing, the store opened per request,
   templates; no network) with the server's answer cache off (`cache_bytes=0`: a kept answer
   would time a dictionary lookup, not the page), p50 and p95 of wall time and the median CPU
   time of this process per request (the machine is shared: CPU time does not count the
   waits for a core that the load average causes); `to_pandas()` of a filtered query; then the ingest of
   the same 50 fresh PolNeAR dev articles (one batch, `--workers 1`, spaCy loaded before),
   the whole call and the store's steps in it: the copy lookup, and write_batch with its corpus
   step, claim clustering, insert (with the summaries) and search sync.

`--reuse` times the pages of the stores an earlier `--keep` run left in `--work` instead of growing
them again (a store of an older layout is upgraded on its first open); the ingest is then not
measured, since the fresh articles are in those stores already (its figures print as nan).
`--sizes 1000000` times only the store of that size (with `--reuse`, one kept store; a store whose
growth was stopped early keeps its name and prints the articles it holds); ratios are then to the
first size given.

It prints each figure per size with its ratio to the 10^4 store, and last:
`growth: ingest ratio R at N articles; slowest page p95 T ms (PAGE)`.

Needs: the seed ingest (300 articles) takes 2-13 minutes on 2 shared cores; at `nice -n 5`, load average
6-9, growing took 20 s to 10^4, 156 s to 10^5 and 1,767 s (29.5 min) to 10^6 articles (2026-12-03,
bulk copies), and the stores take 0.18, 1.28 and 13.6 GB (the largest at a time, plus the seed; keep
15 GB free for `--max 1000000`). `--search-index full` adds 10-14 ms an article (137 s for 10^4,
943 s for 10^5; hours for 10^6). A whole run to 10^6 with `state` (pages and ingest at each size) took 37 minutes.
Figures and how to read them: docs/scale.md.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsgraph import ingest as ingest_module
from newsgraph import nlp, query, search, store
from newsgraph.store import claim_rows, replicate, search_rows

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data" / "polnear" / "data"
SIZES = (10_000, 100_000, 1_000_000)
FRESH = 50


def write_corpus(files: list[Path], path: Path) -> Path:
    """PolNeAR texts as JSON Lines, date and outlet from the file name (outlet_YYYY-MM-DD_slug.txt)."""
    with path.open("w", encoding="utf-8") as fh:
        for f in files:
            outlet, date = f.name.split("_")[:2]
            fh.write(json.dumps({"id": f.stem, "date": date, "outlet": outlet, "title": f.stem.split("_", 2)[-1],
                                 "url": f"https://{outlet}.example/{f.stem}", "text": f.read_text(encoding="utf-8")}) + "\n")
    return path


def seed_store(work: Path, n: int) -> Path:
    """The seed: `n` PolNeAR train articles really ingested (reused when the work folder has it)."""
    db = work / f"seed-{n}.duckdb"
    if db.exists():
        return db
    files = sorted((POLNEAR / "train" / "text").glob("*.txt"))[:n]
    if len(files) < n:
        raise SystemExit(f"PolNeAR train texts not found under {POLNEAR}")
    corpus = write_corpus(files, work / f"seed-{n}.jsonl")
    start = time.perf_counter()
    tmp = work / "seed-building.duckdb"
    summary = ingest_module.ingest([str(corpus)], str(tmp), workers=1)
    for suffix in ("", ".search"):
        os.replace(f"{tmp}{suffix}", f"{db}{suffix}")
    print(f"seed: {summary.line()} in {time.perf_counter() - start:.0f} s")
    return db


def grow(seed: Path, db: Path, size: int, search_index: str) -> dict[str, float]:
    """A copy of the seed grown to `size` articles, with its search index in step; times and disk."""
    for suffix in ("", ".search"):
        src, dst = Path(f"{seed}{suffix}"), Path(f"{db}{suffix}")
        if dst.is_dir():
            shutil.rmtree(dst)
        elif dst.exists():
            dst.unlink()
        if src.is_dir():
            shutil.copytree(src, dst)
        elif src.exists():
            shutil.copy(src, dst)
    con = store.connect(str(db), read_only=False)
    try:
        have = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        copies = -(-(size - have) // have)
        start = time.perf_counter()
        done = [have]

        def step(n: int) -> None:
            done[0] += n
            print(f"  copied {done[0]:,} articles in {time.perf_counter() - start:.0f} s (load {os.getloadavg()[0]:.1f})",
                  flush=True)

        replicate.replicate(con, range(1, copies + 1), on_step=step)
        grown = time.perf_counter() - start
        print(f"  summaries made: {grown:.0f} s in all", flush=True)
        start = time.perf_counter()
        if search_index == "full":
            search.sync(con)
        else:
            index = search.SearchIndex.open_or_create(search.index_path(str(db)))
            count, newest = con.execute("SELECT count(*), CAST(max(ingested_at) AS VARCHAR) FROM articles").fetchall()[0]
            index.save_state(search.IndexState(count, newest, search_rows.key_probe(con)))
        indexed = time.perf_counter() - start
        con.execute("CHECKPOINT")
        articles = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    finally:
        con.close()
    disk = sum(f.stat().st_size for f in Path(db).parent.glob(f"{db.name}*") if f.is_file())
    disk += sum(f.stat().st_size for f in Path(f"{db}.search").rglob("*") if f.is_file())
    return {"articles": articles, "grow_s": grown, "index_s": indexed, "disk_gb": disk / 1e9}


def kept(db: Path) -> dict[str, float]:
    """A store kept by an earlier run (`--reuse`): its articles and disk, opened once (an upgrade happens here)."""
    with query.open(str(db)) as c:
        articles = c.stats()["articles"]
    disk = sum(f.stat().st_size for f in Path(db).parent.glob(f"{db.name}*") if f.is_file())
    disk += sum(f.stat().st_size for f in Path(f"{db}.search").rglob("*") if f.is_file())
    return {"articles": articles, "grow_s": 0.0, "index_s": 0.0, "disk_gb": disk / 1e9}


def pick_actors(db: Path) -> dict[str, str]:
    """The busiest actor (most mentions), a median one (by mentions) and the busiest one's first counterpart."""
    with query.open(str(db)) as c:
        ranked = c.actors().to_list()
        busiest, median = ranked[0], ranked[len(ranked) // 2]
        partner = next(iter(c.counterparts(busiest.id, limit=1)), None)
        article = c.latest_quotes(speaker=busiest.id, limit=1).to_list()
    return {"busiest": busiest.id, "busiest_name": busiest.name, "median": median.id, "median_name": median.name,
            "partner": partner.counterpart if partner else busiest.id, "article": article[0].article_id if article else ""}


def endpoints(who: dict[str, str]) -> dict[str, str]:
    """Every page and API endpoint that shows an actor, for the busiest and the median actor, and the pair's."""
    out: dict[str, str] = {"/": "/", "/api/stats": "/api/stats", "/article/ID": f"/article/{who['article']}",
                           "/api/articles/ID": f"/api/articles/{who['article']}"}
    for role in ("busiest", "median"):
        a, name = who[role], who[f"{role}_name"]
        for label, path in (("/actor/A", f"/actor/{a}"), ("/actor/A?since=", f"/actor/{a}?since=2017-01-01"),
                            ("/api/actors/A", f"/api/actors/{a}"),
                            ("/api/actors/A/counterparts", f"/api/actors/{a}/counterparts"),
                            ("/api/actors/A/activity", f"/api/actors/{a}/activity?by=week"),
                            ("/api/actors?q=", f"/api/actors?q={name[:4]}"),
                            ("/api/quotes?speaker=A", f"/api/quotes?speaker={a}"),
                            ("/api/quotes?about=A", f"/api/quotes?about={a}"),
                            ("/api/events?actor=A", f"/api/events?actor={a}"),
                            ("/api/articles?actor=A", f"/api/articles?actor={a}"),
                            ("/api/claims?speaker=A", f"/api/claims?speaker={a}"),
                            ("/quotes?speaker=A", f"/quotes?speaker={a}"), ("/events?actor=A", f"/events?actor={a}"),
                            ("/articles?actor=A", f"/articles?actor={a}"), ("/search?q=", f"/search?q={name.split()[-1]}")):
            out[f"{label} [{role}]"] = path
    a, b = who["busiest"], who["partner"]
    out["/relation?a=A&b=B [pair]"] = f"/relation?a={a}&b={b}"
    out["/api/relation?a=A&b=B [pair]"] = f"/api/relation?a={a}&b={b}"
    out["/api/quotes?speaker=A&about=B [pair]"] = f"/api/quotes?speaker={a}&about={b}"
    return out


def time_pages(db: Path, who: dict[str, str], repeat: int) -> dict[str, tuple[float, float, float]]:
    """p50 and p95 wall and median CPU ms of each endpoint over `repeat` requests, after one unmeasured request."""
    from fastapi.testclient import TestClient  # optional dependency of the web face

    from newsgraph.web.app import create_app
    from newsgraph.web.settings import ServerSettings

    client = TestClient(create_app(str(db), settings=ServerSettings(cache_bytes=0)))
    out: dict[str, tuple[float, float, float]] = {}
    for label, path in endpoints(who).items():
        first = client.get(path)
        if first.status_code >= 400:
            print(f"  {label}: HTTP {first.status_code} {first.text[:120]}")
        times, cpu = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        times.sort()
        out[label] = (statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], statistics.median(cpu))
    return out


def time_pandas(db: Path, who: dict[str, str], repeat: int) -> float:
    """Median ms of `to_pandas()` of the median actor's quotes in one year."""
    with query.open(str(db)) as c:
        times = []
        for _ in range(max(3, repeat // 4)):
            start = time.perf_counter()
            c.quotes(speaker=who["median"], since="2016-01-01", until="2016-12-31").to_pandas()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# The store's steps of an ingest batch, timed by wrapping them where ingest.py and claim_rows.py call them.
STEPS = (("copy lookup", store, "known_for_copies"), ("write_batch", ingest_module, "write_batch"),
         ("corpus step", ingest_module, "corpus_step"), ("clustering+insert", ingest_module, "cluster_and_write"),
         ("insert+summaries", claim_rows, "insert_batch"), ("search sync", search, "sync"))


def time_ingest(db: Path, fresh: Path) -> tuple[float, dict[str, float]]:
    """Seconds to ingest the fresh articles (one batch, one worker), and seconds per store step of it."""
    spent: dict[str, float] = {}
    real: dict[str, Callable[..., Any]] = {}

    def timed(label: str, run: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return run(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - start
        return wrapper

    for label, module, name in STEPS:
        real[label] = getattr(module, name)
        setattr(module, name, timed(label, real[label]))
    try:
        start = time.perf_counter()
        summary = ingest_module.ingest([str(fresh)], str(db), workers=1, batch_size=FRESH)
        total = time.perf_counter() - start
    finally:
        for label, module, name in STEPS:
            setattr(module, name, real[label])
    assert summary.stored == FRESH, summary.line()
    return total, spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=SIZES[-1], help="stop at this many articles (default 10^6)")
    parser.add_argument("--seed", type=int, default=300, help="really ingested articles to copy")
    parser.add_argument("--repeat", type=int, default=20, help="requests per endpoint")
    parser.add_argument("--work", default=None, help="folder for the seed and the stores (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep each grown store")
    parser.add_argument("--search-index", choices=("full", "state"), default="full",
                        help="index the copies' texts (full) or only mark the index as caught up (state)")
    parser.add_argument("--reuse", action="store_true",
                        help="time the pages of stores kept in --work by an earlier --keep run, without the ingest")
    parser.add_argument("--sizes", default=None,
                        help="only these sizes, comma-separated (e.g. 1000000 with --reuse: one kept store; ratios to the first)")
    args = parser.parse_args()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="ng-growth-"))
    work.mkdir(parents=True, exist_ok=True)
    fresh = write_corpus(sorted((POLNEAR / "dev" / "text").glob("*.txt"))[:FRESH], work / "fresh.jsonl")
    seed = seed_store(work, args.seed)
    nlp.load()  # spaCy once, before any timing
    sizes = ([int(s) for s in args.sizes.split(",")] if args.sizes else [s for s in SIZES if s <= args.max]) or [args.max]
    results: dict[int, dict[str, Any]] = {}
    for size in sizes:
        db = work / f"store-{size}.duckdb"
        reused = args.reuse and db.exists()
        if reused:
            grown = kept(db)
            print(f"\n== {grown['articles']:,} articles: {db.name} reused, {grown['disk_gb']:.2f} GB on disk", flush=True)
        else:
            grown = grow(seed, db, size, args.search_index)
            print(f"\n== {grown['articles']:,} articles: grown in {grown['grow_s']:.0f} s, search index in "
                  f"{grown['index_s']:.0f} s, {grown['disk_gb']:.2f} GB on disk", flush=True)
        who = pick_actors(db)
        print(f"load average before the pages: {os.getloadavg()[0]:.1f}", flush=True)
        pages = time_pages(db, who, args.repeat)
        print(f"load average after the pages: {os.getloadavg()[0]:.1f}", flush=True)
        pandas_ms = time_pandas(db, who, args.repeat)
        total, steps = (float("nan"), {}) if reused else time_ingest(db, fresh)
        results[size] = {"pages": pages, "pandas": pandas_ms, "ingest": total, "steps": steps, **grown}
        report(results, size)
        if not (args.keep or reused):  # a reused store stays
            for path in (Path(f"{db}"), Path(f"{db}.wal")):
                path.unlink(missing_ok=True)
            shutil.rmtree(f"{db}.search", ignore_errors=True)
    last = sizes[-1]
    base = results[sizes[0]]
    slow_label, (_, slow_p95, _) = max(results[last]["pages"].items(), key=lambda kv: kv[1][1])
    print(f"growth: ingest ratio {results[last]['ingest'] / base['ingest']:.2f} at {results[last]['articles']:,} articles; "
          f"slowest page p95 {slow_p95:.0f} ms ({slow_label})")
    return 0


def report(results: dict[int, dict[str, Any]], size: int) -> None:
    """The figures of one size, each with its ratio to the first (10^4) store."""
    base, now = results[min(results)], results[size]

    def ratio(a: float, b: float) -> str:
        return f"{a / b:5.2f}x" if b else "   - "

    print(f"ingest of {FRESH} fresh articles: {now['ingest']:6.1f} s ({ratio(now['ingest'], base['ingest'])}); of it:")
    for label, seconds in now["steps"].items():
        print(f"  {label:20s} {seconds:6.2f} s ({ratio(seconds, base['steps'].get(label, 0.0))})")
    print(f"to_pandas() of a filtered query: {now['pandas']:7.1f} ms ({ratio(now['pandas'], base['pandas'])})")
    print(f"{'endpoint':44s} {'p50 ms':>8s} {'p95 ms':>8s} {'p95 vs 10^4':>12s} {'CPU ms':>8s} {'CPU vs 10^4':>12s}")
    for label, (p50, p95, cpu) in now["pages"].items():
        print(f"{label:44s} {p50:8.1f} {p95:8.1f} {ratio(p95, base['pages'][label][1]):>12s} {cpu:8.1f} "
              f"{ratio(cpu, base['pages'][label][2]):>12s}")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
