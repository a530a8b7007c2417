"""Query speed on a store of at least a million events, and full-text search on 10^5 quotes, built with synthetic rows.

Usage: .venv/bin/python benchmarks/query.py [--events 1000000] [--quotes 100000] [--db PATH] [--search-db PATH]
                                           [--queries 50]

The stores are written through the store's own API (`write_articles`), with synthetic
articles. Events: each article carries a sentence and many events between 60 country actors
over two years; reports p50/p95 of `events(...)` filtered by actor and date range, of
`relation(...)` by week, and the time of `.to_pandas()` / `.to_arrow()` over all events.
Search: ten quotes per article, each twelve words drawn with Zipf-like frequencies from a
generated vocabulary (so a query word may match a handful of quotes or thousands), indexed
with `search.sync`; reports p50/p95 of `quote_list(q=word)` (a page and its total), of the same
with a speaker and a date range, and of `search(word)` over every kind.
Goals: filtered queries and searches p95 <= 100 ms, `.to_pandas()` of 10^6 rows <= 2 s.
`--events 0` or `--quotes 0` skips a part.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import newsgraph
from newsgraph import search, store
from newsgraph.model import Actor, Article, Event, Mention, Quote
from newsgraph.resolve.actors import actor_id

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
        for _ in range(EVENTS_PER_ARTICLE):
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


QUOTES_PER_ARTICLE = 10
WORDS_PER_QUOTE = 12
SPEAKERS = 200
SYLLABLES = ["ka", "lo", "mi", "ner", "sto", "vah", "tri", "pel", "dun", "zor", "bel", "qua", "fen", "rus", "tal"]


def vocabulary(n: int = 20_000) -> list[str]:
    """n made-up words (two or three syllables), the first ones the most frequent."""
    words = sorted({a + b + c for a in SYLLABLES for b in SYLLABLES for c in ["", *SYLLABLES]})
    random.Random(3).shuffle(words)
    return words[:n]


def build_quotes(db: str, n_quotes: int, seed: int = 11) -> None:
    """Articles of ten quotes each, said by one of 200 speakers, dated over two years; then the index."""
    rng = random.Random(seed)
    words = vocabulary()
    weights = [1.0 / (rank + 10) for rank in range(len(words))]
    speakers = [Actor(actor_id(f"person:speaker {i}"), f"Speaker Number{i}", "PERSON", None, ()) for i in range(SPEAKERS)]
    start = dt.date(2023, 1, 1)
    batch: list[Article] = []
    n_articles = -(-n_quotes // QUOTES_PER_ARTICLE)
    for i in range(n_articles):
        parts, quotes, mentions, actors = [], [], [], {}
        offset = 0
        for _ in range(QUOTES_PER_ARTICLE):
            speaker = rng.choice(speakers)
            actors[speaker.id] = speaker
            content = " ".join(rng.choices(words, weights, k=WORDS_PER_QUOTE))
            sentence = f"{speaker.name} said {content}. "
            c_start = offset + len(speaker.name) + len(" said ")
            mentions.append(Mention(speaker.id, offset, offset + len(speaker.name), speaker.name))
            quotes.append(Quote(speaker.id, speaker.name, offset, offset + len(speaker.name), "said",
                                offset + len(speaker.name) + 1, offset + len(speaker.name) + 5, content,
                                c_start, c_start + len(content), "indirect"))
            parts.append(sentence)
            offset += len(sentence)
        date = (start + dt.timedelta(days=rng.randrange(730))).isoformat()
        batch.append(Article(id=f"quotes-{i:07d}", source="synthetic", date=date, title=f"Report {i}", text="".join(parts),
                             actors=list(actors.values()), mentions=mentions, quotes=quotes))
        if len(batch) == 500:
            store.write_articles(db, batch)
            batch = []
    if batch:
        store.write_articles(db, batch)
    with store.opened(db, read_only=False) as con:
        search.rebuild(con)


def search_cases(db: str, queries: int) -> None:
    rng = random.Random(5)
    words = vocabulary()
    with newsgraph.open(db) as corpus:
        stats = corpus.stats()
        print(f"store: {stats['articles']:,} articles, {stats['quotes']:,} quotes")
        totals: list[int] = []

        def word() -> str:
            return words[rng.randrange(10, 2_000)]  # from a few thousand matches to a few dozen

        def by_word() -> None:
            totals.append(corpus.quote_list(q=word(), limit=50).total)

        def filtered() -> None:
            since = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(600))
            corpus.quote_list(q=word(), speaker=f"Speaker Number{rng.randrange(SPEAKERS)}", since=since,
                              until=since + dt.timedelta(days=120), limit=50)

        def two_words() -> None:
            corpus.quote_list(q=f"{word()} {word()}", limit=50, sort="relevance")

        def every_kind() -> None:
            corpus.search(word(), limit=20)

        by_word()  # open the index and warm caches once
        report("quote_list(q=word) -> page + total", timed(by_word, queries))
        print(f"    matches per word: median {statistics.median(totals):,.0f}, max {max(totals):,}")
        report("quote_list(q=word, speaker, since, until)", timed(filtered, queries))
        report("quote_list(q='w1 w2', sort=relevance)", timed(two_words, queries))
        report("search(word) over every kind", timed(every_kind, queries))


def timed(fn, repeat: int) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """(wall ms, CPU ms of this process, DuckDB's threads included) of each of `repeat` calls."""
    times = []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000))
    return times


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def report(name: str, times: list[tuple[float, float]]) -> None:
    """p50 and p95 of the wall time, and of the CPU time: on a shared machine the wall time includes
    waiting for a core, the CPU time is the work itself (the load average is printed at the end)."""
    wall, cpu = [w for w, _ in times], [c for _, c in times]
    print(f"{name:48s} wall p50 {statistics.median(wall):7.1f} ms  p95 {_p95(wall):7.1f} ms   "
          f"cpu p50 {statistics.median(cpu):6.1f} ms  p95 {_p95(cpu):6.1f} ms   (n={len(times)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default=None, help="reuse or create this store (default: a temp file)")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--search-db", default=None, help="reuse or create this quote store (default: a temp file)")
    args = parser.parse_args()
    if args.events:
        event_cases(args)
    if args.quotes:
        db = args.search_db or str(Path(tempfile.mkdtemp()) / "bench-search.duckdb")
        if not Path(db).exists():
            t = time.perf_counter()
            build_quotes(db, args.quotes)
            print(f"built and indexed {db} in {time.perf_counter() - t:.1f}s")
        search_cases(db, args.queries)
    print(f"load average while measured: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    return 0


def event_cases(args: argparse.Namespace) -> None:
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


if __name__ == "__main__":
    sys.exit(main())
