"""Throughput of the full newsgraph pipeline next to bare spaCy, on the same texts, in one run.

Usage: .venv/bin/python benchmarks/throughput.py [--limit N] [--batch-size 64] [--repeat 2]

Texts: the PolNeAR train articles in ../shared/eval-data/polnear/ when present, else the
bundled examples repeated. Prints words/s and articles/s of both and their ratio; the
goal is full pipeline >= 0.85x bare spaCy. Runs are interleaved (bare, full, bare, full, ...)
and the best of each is reported, so a noisy neighbour on the machine hurts both alike.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

from newsgraph import nlp as nlp_module
from newsgraph.pipeline import analyze
from newsgraph.readers import make_article, read

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data" / "polnear" / "data" / "train" / "text"


def load_texts(limit: int | None) -> tuple[str, list[str]]:
    if POLNEAR.is_dir():
        files = sorted(POLNEAR.glob("*.txt"))[:limit]
        return f"PolNeAR train ({len(files)} articles)", [f.read_text(encoding="utf-8") for f in files]
    examples = Path(__file__).resolve().parents[1] / "examples"
    texts = [a.text for a in read([str(examples)]) if hasattr(a, "text")] * 50
    return f"bundled examples x50 ({len(texts)} articles; PolNeAR not found)", texts[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    label, texts = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(nlp_module.model_name())
    nlp_module.load()  # the full pipeline's model, loaded outside the timed part as well

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass

    def run_full() -> None:
        articles = [make_article(t, source=f"bench:{i}", date="2016-01-01") for i, t in enumerate(texts)]
        for _ in analyze(articles, batch_size=args.batch_size):
            pass

    best = {"bare spaCy": float("inf"), "full pipeline": float("inf")}
    for _ in range(args.repeat):
        for name, fn in (("bare spaCy", run_bare), ("full pipeline", run_full)):
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)

    print(f"corpus: {label}, {words:,} words; model {nlp_module.model_name()}; batch {args.batch_size}; best of {args.repeat}")
    for name, seconds in best.items():
        print(f"{name:14s} {words / seconds:8,.0f} words/s  {len(texts) / seconds:6.2f} articles/s  ({seconds:.1f}s)")
    ratio = best["bare spaCy"] / best["full pipeline"]
    print(f"ratio full/bare: {ratio:.2f} (goal >= 0.85)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
