"""One long article: time and peak memory against its length, up to the size limit.

Usage: .venv/bin/python benchmarks/memory.py [--sizes 20000,62500,125000,250000,500000,1000000]
                                             [--segment-chars N]

Each size runs in a fresh process (so its peak RSS is its own): the model is loaded, then one
generated article of that many characters goes the way an ingest takes it: read as JSON Lines
and cleaned (readers), parsed and annotated (`pipeline.analyze`, segment by segment above
`segments.SEGMENT_CHARS`), the corpus step without a store, and the store's row tables
(`store.rows.batch_tables`). The text is the worst case the audit found: short sentences, most
of them reported speech naming people and places (invented here), in paragraphs of about ten
sentences. Printed per size: seconds for the article (model loading excluded), seconds per
100,000 characters (flat = linear), the process's peak RSS and the RSS with only the model
loaded (and its tables, by a warm-up article of 2,000 characters). Goals: linear cost, peak under 1.5 GB at the limit (nlp.MAX_CHARS).

`--segment-chars 10000000` turns segmenting off (every text parsed whole) to measure what it saves.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph import nlp, segments
from newsgraph.pipeline import analyze, corpus_step
from newsgraph.readers import read
from newsgraph.readers.article import make_article
from newsgraph.store import rows

PEOPLE = ["Kari Holm", "Ola Nordmann", "Lena Aho", "Jonas Berg", "Mikko Salo", "Anna Lind"]
PLACES = ["Varno", "Tamm", "Portvale", "Ostrava", "Lakeside", "Hillview"]
VERBS = ["said", "warned", "announced", "denied", "claimed"]
THINGS = ["the port would reopen", "talks would resume", "the border was closed", "aid had arrived",
          "prices would rise"]


def long_text(n_chars: int, seed: int = 1) -> str:
    """About `n_chars` characters of short sentences, mostly reported speech, ten to a paragraph."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < n_chars:
        sentences = []
        for _ in range(10):
            person, place, verb, thing = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(VERBS), rng.choice(THINGS)
            sentences.append(rng.choice([f"{person} {verb} {thing}.", f"Officials in {place} {verb} {thing}.",
                                         f"\"{thing.capitalize()},\" {person} {verb}.",
                                         f"{place} accused {rng.choice(PLACES)} of violating the agreement."]))
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:n_chars - 1].rstrip() + "."  # at most n_chars: the limit itself is allowed


def child(n_chars: int, segment_chars: int | None) -> dict[str, float]:
    """Run one article of `n_chars` characters the ingest way; measured in this process."""
    if segment_chars is not None:
        segments.SEGMENT_CHARS = segment_chars
    nlp.load()
    list(analyze([make_article(long_text(2_000, seed=2), source="warm-up", date="2024-05-01")]))  # load the tables
    model_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.jsonl"
        path.write_text(json.dumps({"id": "long", "date": "2024-05-01", "text": long_text(n_chars)}) + "\n")
        start = time.perf_counter()
        articles = [a for a in read([str(path)]) if not isinstance(a, Exception)]
        analyzed = corpus_step(None, list(analyze(articles)))
        tables = rows.batch_tables(analyzed)
        seconds = time.perf_counter() - start
    article = analyzed[0]
    return {"chars": len(article.text), "seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "model_mb": model_kb / 1024, "mentions": len(article.mentions), "quotes": len(article.quotes),
            "events": len(article.events), "rows": sum(t.num_rows for t in tables.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,62500,125000,250000,500000,1000000")
    parser.add_argument("--segment-chars", type=int, default=None)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.segment_chars)))
        return
    print("| characters | seconds | s per 100k chars | peak RSS | model only | mentions | quotes | events |")
    print("|---|---|---|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--child", str(size)]
        if args.segment_chars is not None:
            cmd += ["--segment-chars", str(args.segment_chars)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{size:,} characters: the measuring process failed\n{done.stderr[-2000:]}")
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"| {r['chars']:,} | {r['seconds']:.1f} | {100_000 * r['seconds'] / r['chars']:.1f} | "
              f"{r['peak_mb']:,.0f} MB | {r['model_mb']:,.0f} MB | {r['mentions']:,} | {r['quotes']:,} | {r['events']:,} |",
              flush=True)


if __name__ == "__main__":
    main()
