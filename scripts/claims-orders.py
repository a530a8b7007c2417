#!/usr/bin/env python3
"""How much claim clustering depends on the order the story files are read in.

Extracts the claim set's files once (cached as JSON next to the temp dir, keyed by the set's path), then
clusters their quotes again for the input (gold) order and for N random orders of the files, scoring each
run as `../shared/tools/news-score/score_claims.py` does (`newsgraph.eval.claims.score_claims`). Prints
the input-order figure and the mean and standard deviation of recovered claims, coverage and purity over
the random orders, so a change to the clusterer is judged on the spread, not on one order; and the quote
pairs across files (`newsgraph.eval.claims.pair_scores`), which do not credit a claim to a cluster of
other claims' quotes that happens to span its files.

    PYTHONPATH=src .venv/bin/python scripts/claims-orders.py [ROOT] [--orders 30] [--seed 0] [--refresh]
        [--set NAME=VALUE ...]   (a ClaimSettings field for this run, so settings are compared without edits)
        [--per-claim]            (per gold claim: recovered in how many orders, mean coverage and purity)
"""
from __future__ import annotations

import argparse
import copy
import dataclasses
import hashlib
import json
import random
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from newsgraph.claims.adapters import assign_claims
from newsgraph.claims.index import ClaimIndex
from newsgraph.claims.settings import ClaimSettings
from newsgraph.eval.claims import DEFAULT_ROOT, ClaimScore, PairScore, pair_scores, read_gold, score_claims
from newsgraph.ingest import extract


def extracted(root: Path, refresh: bool) -> list[dict[str, Any]]:
    """The set's articles in gold order (JSON contract), extracted once and cached in the temp dir."""
    key = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"newsgraph-claims-orders-{key}.json"
    if cache.exists() and not refresh:
        return list(json.loads(cache.read_text(encoding="utf-8")))
    files = [str(root / row["file"]) for row in read_gold(root)]
    articles = [a.to_dict() for a in extract(files)]
    cache.write_text(json.dumps(articles), encoding="utf-8")
    return articles


def run(articles: list[dict[str, Any]], root: Path) -> ClaimScore:
    """Cluster the articles' quotes in the given order with a fresh index and score them."""
    return run_both(articles, root)[0]


def run_both(articles: list[dict[str, Any]], root: Path,
             settings: ClaimSettings | None = None) -> tuple[ClaimScore, PairScore]:
    """`run`, with the quote-pair scores of the same clustering (with `settings`, default ClaimSettings())."""
    arts = copy.deepcopy(articles)
    for a in arts:
        for q in a.get("quotes", []):
            q.pop("claim", None)
    assign_claims(arts, ClaimIndex(settings))
    return score_claims(arts, root), pair_scores(arts, root)


def per_claim(scores: list[ClaimScore]) -> str:
    """Per gold claim over the runs: recovered in how many, and mean coverage and purity of its best cluster."""
    lines = []
    for k in sorted({r.claim for s in scores for r in s.claims}, key=lambda k: (len(k), k)):
        rs = [r for s in scores for r in s.claims if r.claim == k]
        lines.append(f"  {k:4} {rs[0].files:2} files: recovered {sum(r.recovered for r in rs):2}/{len(rs)}, "
                     f"coverage {statistics.mean(r.coverage for r in rs):.2f}, purity {statistics.mean(r.purity for r in rs):.2f}")
    return "\n".join(lines)


def overridden(pairs: list[str]) -> ClaimSettings:
    """ClaimSettings with NAME=VALUE overrides, each value read as the field's default's type."""
    base = ClaimSettings()
    overrides: dict[str, Any] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if not hasattr(base, name):
            raise SystemExit(f"--set {pair}: ClaimSettings has no field '{name}'")
        overrides[name] = type(getattr(base, name))(value)
    return dataclasses.replace(base, **overrides)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--orders", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--refresh", action="store_true", help="extract again instead of using the cache")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each order's line")
    parser.add_argument("--per-claim", action="store_true",
                        help="print, per gold claim, in how many random orders it was recovered and its mean "
                             "coverage and purity (which claims a change moved)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a ClaimSettings field, e.g. --set join_same_speaker=0.35 (repeatable)")
    args = parser.parse_args(argv)
    settings = overridden(args.set)
    articles = extracted(args.root, args.refresh)
    first, first_pairs = run_both(articles, args.root, settings)
    print("input order:", first.line())
    print("input order:", first_pairs.line())
    rng = random.Random(args.seed)
    scores, pairs = [], []
    for _ in range(args.orders):
        order = articles[:]
        rng.shuffle(order)
        score, pair = run_both(order, args.root, settings)
        scores.append(score)
        pairs.append(pair)
        if args.verbose:
            print("  ", scores[-1].line())
    rec = [s.recovered for s in scores]
    cov = [s.mean_coverage for s in scores]
    pur = [s.mean_purity for s in scores]
    print(f"{args.orders} random orders: recovered mean {statistics.mean(rec):.2f} sd {statistics.pstdev(rec):.2f} "
          f"(min {min(rec)}, max {max(rec)}) of {scores[0].total}; coverage mean {statistics.mean(cov):.3f}, "
          f"purity mean {statistics.mean(pur):.3f} (min {min(pur):.3f})")
    print(f"{args.orders} random orders: quote pairs across files: precision mean "
          f"{statistics.mean(p.precision for p in pairs):.3f} (min {min(p.precision for p in pairs):.3f}), "
          f"recall mean {statistics.mean(p.recall for p in pairs):.3f}")
    if args.per_claim:
        print(per_claim(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
