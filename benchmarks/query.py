"""Query speed on a store of at least a million events, built with synthetic rows.

Usage: .venv/bin/python benchmarks/query.py [--events 1000000] [--db PATH] [--queries 50]

The store is written through the store's own API (`write_articles`), with synthetic
articles that each carry a sentence and many events between 60 country actors over two
years. Reports p50/p95 of `events(...)` filtered by actor and date range, of
`relation(...)` by week, and the time of `.to_pandas()` / `.to_arrow()` over all events.
Goals: filtered queries p95 <= 100 ms, `.to_pandas()` of 10^6 rows <= 2 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import newsgraph
from newsgraph.model import Actor, Article, Event, Mention
from newsgraph.resolve.actors import actor_id
from newsgraph.store import duckdb as store

TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
         "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "INVESTIGATE"]
ISO3 = ["USA", "RUS", "UKR", "CHN", "PRK", "KOR", "IRN", "ISR", "PSE", "TUR", "DEU", "FRA", "GBR", "POL", "IND",
        "PAK", "JPN", "SYR", "IRQ", "AFG", "SAU", "EGY", "LBN", "YEM", "SDN", "ETH", "NGA", "ZAF", "BRA", "MEX",
        "VEN", "COL", "CAN", "AUS", "ITA", "ESP", "NLD", "BEL", "SWE", "FIN", "NOR", "DNK", "EST", "LVA", "LTU",
        "BLR", "GEO", "ARM", "AZE", "KAZ", "UZB", "IDN", "PHL", "VNM", "THA", "MMR", "BGD", "LKA", "NPL", "QAT"]
EVENTS_PER_ARTICLE = 50


def build(db: str, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    actors = [Actor(actor_id(f"country:{c}"), f"Country {c}", "GPE", c, (c,)) for c in ISO3]
    start = dt.date(2023, 1, 1)
    sentence = "Country A sent aid to Country B on Monday, officials said. "
    n_articles = -(-n_events // EVENTS_PER_ARTICLE)
    batch: list[Article] = []
    for i in range(n_articles):
        date = (start + dt.timedelta(days=rng.randrange(730))).isoformat()
        text = sentence * 4
        involved = rng.sample(actors, 6)
        mentions = [Mention(a.id, 0, 9, "Country A") for a in involved]
        events = []
        for j in range(EVENTS_PER_ARTICLE):
            s, t = rng.sample(involved, 2)
            events.append(Event(rng.choice(TYPES), None, s.id, t.id, "sent", 10, 14, 0, len(sentence) - 1,
                                "asserted", None, date, None))
        batch.append(Article(id=f"synthetic-{i:07d}", source="synthetic", date=date, title=None, text=text,
                             actors=involved, mentions=mentions, events=events))
        if len(batch) == 500:
            store.write_articles(db, batch)
            batch = []
    if batch:
        store.write_articles(db, batch)


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def report(name: str, ms: list[float]) -> None:
    p95 = statistics.quantiles(ms, n=20)[18] if len(ms) >= 20 else max(ms)
    print(f"{name:48s} p50 {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   (n={len(ms)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default=None, help="reuse or create this store (default: a temp file)")
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp()) / "bench.duckdb")
    if not Path(db).exists():
        t = time.perf_counter()
        build(db, args.events)
        print(f"built {db} in {time.perf_counter() - t:.1f}s")
    rng = random.Random(1)
    with newsgraph.open(db) as corpus:
        stats = corpus.stats()
        print(f"store: {stats['articles']:,} articles, {stats['events']:,} events, {stats['actors']} actors")

        def filtered() -> None:
            a = f"Country {rng.choice(ISO3)}"
            since = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(600))
            corpus.events(source=a, since=since, until=since + dt.timedelta(days=60)).to_list()

        def relation() -> None:
            a, b = rng.sample(ISO3, 2)
            corpus.relation(f"Country {a}", f"Country {b}", by="week").to_list()

        filtered()  # warm caches once
        report("events(source=A, since, until) -> records", timed(filtered, args.queries))
        report("relation(A, B, by='week') -> records", timed(relation, args.queries))
        report("events().to_pandas() (all rows)", timed(lambda: corpus.events().to_pandas(), 3))
        report("events().to_arrow() (all rows)", timed(lambda: corpus.events().to_arrow(), 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
