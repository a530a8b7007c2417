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
        [--diagnose]             (where the input order's joins are lost: upstream, one claim per quote, similarity)
        [--diagnose --list]      (and, for the set's dev part only, the quotes of several claims and the links
                                  no quote holds, one a line, to read what kind they are)

`--diagnose` links each extracted quote to the gold claims whose `claim_links` prefix it holds (as
`pair_scores` does) and prints three things: the gold links that no extracted quote holds (the claim was
never a quote: a headline, a one-word quoted fragment in narration, an unmarked continuation; narrated
links have no speaker), split into attributed and narrated; per claim, the files holding a quote of it
and the files holding a quote of it alone (a quote carries one `claim`, so a quote of two claims can
count for one of them only: the second count bounds what any clustering of the extracted quotes can
recover); and the cross-file pairs of quotes of one claim, joined, vetoed (by conflict) or apart, by
similarity band and shared words (`similarity.similarity` with the term weights at the end of the run).
With `--list` it also prints, one a line, the quotes that hold several gold claims and the gold links that
no quote holds, for the dev part of the set only (`eval.news.split_gold`: every fifth file is held out and
its errors are never read), so what kind they are can be read without opening the files by hand.
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
from collections import Counter
from pathlib import Path
from typing import Any

from newsgraph.claims.adapters import assign_claims, claim_quotes
from newsgraph.claims.index import ClaimIndex
from newsgraph.claims.settings import ClaimSettings
from newsgraph.claims.similarity import conflict, similarity
from newsgraph.claims.text import ClaimFeatures, claim_features
from newsgraph.eval.claims import (
    DEFAULT_ROOT,
    MIN_COVERAGE,
    PREFIX_CHARS,
    ClaimScore,
    PairScore,
    pair_scores,
    read_gold,
    score_claims,
)
from newsgraph.eval.news import split_gold
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


# A quote of the set linked to gold claims: (file, claim ids, claim id given, features)
Linked = tuple[str, frozenset[str], str, ClaimFeatures]
LIST_CHARS = 140  # characters of a quote or link shown by `--list`
SIMILARITY_BANDS = (0.2, 0.3, 0.45)  # bands of `--diagnose`: below the lowest join threshold, ..., above all


def _links(row: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(prefix as pair_scores matches it, claim id, attributed) of a gold row's claim links."""
    return [(str(link["prefix"]).strip("\"'\u201c\u201d ")[:PREFIX_CHARS], str(link["claim"]), link["speaker"] is not None)
            for link in row.get("claim_links", [])]


def _linked_quotes(articles: list[dict[str, Any]], root: Path) -> tuple[list[Linked], Counter[tuple[str, bool]]]:
    """The set's quotes linked to gold claims, and the gold links no quote holds ((claim, attributed) counts)."""
    gold = {row["file"]: row for row in read_gold(root)}
    linked: list[Linked] = []
    unquoted: Counter[tuple[str, bool]] = Counter()
    for article in articles:
        name = Path(str(article.get("source") or "")).name
        links = _links(gold.get(name, {}))
        texts = [q["text"] for q in article.get("quotes", [])]
        unquoted.update((k, named) for prefix, k, named in links if prefix and not any(prefix in t for t in texts))
        for quote, q in zip(claim_quotes(article), article.get("quotes", []), strict=True):
            ks = frozenset(k for prefix, k, _ in links if prefix and prefix in q["text"])
            if ks:
                linked.append((name, ks, q["claim"], claim_features(quote.text, quote.entities)))
    return linked, unquoted


def _ceiling(linked: list[Linked], root: Path) -> list[str]:
    """Per gold claim: files with a quote of it, files with a quote of it alone (see `--diagnose`)."""
    files: dict[str, set[str]] = {}
    for row in read_gold(root):
        for k in row.get("claims", []):
            files.setdefault(k, set()).add(row["file"])
    lines, reach, reach_alone = [], 0, 0
    for k in sorted((k for k in files if len(files[k]) >= 2), key=lambda k: (len(k), k)):
        quoted = {f for f, ks, _, _ in linked if k in ks}
        alone = {f for f, ks, _, _ in linked if ks == {k}}
        reach += len(quoted) >= MIN_COVERAGE * len(files[k])
        reach_alone += len(alone) >= MIN_COVERAGE * len(files[k])
        lines.append(f"  {k:4} {len(files[k]):2} files: {len(quoted):2} with a quote of it, {len(alone):2} with a quote of it alone")
    lines.append(f"claims whose files hold a quote of them in >= {MIN_COVERAGE:.0%}: {reach}; "
                 f"a quote of them alone: {reach_alone} (of {len(lines)})")
    return lines


def _pair_bands(linked: list[Linked], weight: Any) -> Counter[str]:
    """The cross-file pairs of quotes of one gold claim: joined, vetoed by a conflict, or apart by band."""
    out: Counter[str] = Counter()
    for i, (file_a, ks_a, c_a, f_a) in enumerate(linked):
        for file_b, ks_b, c_b, f_b in linked[i + 1:]:
            if file_a == file_b or not ks_a & ks_b:
                continue
            if c_a == c_b:
                out["joined"] += 1
                continue
            veto = conflict(f_a, f_b) or conflict(f_b, f_a)
            if veto:
                out[f"apart: vetoed ({veto})"] += 1
                continue
            sim, shared = similarity(f_a, f_b, weight)
            bounds = (0.0, *SIMILARITY_BANDS, 1.0)
            band = next(f"{lo:.2f}-{hi:.2f}" for lo, hi in zip(bounds, bounds[1:], strict=False) if sim < hi or hi == 1.0)
            out[f"apart: similarity {band}, {'<= 1' if shared <= 1 else '>= 2'} shared words"] += 1
    return out


def listed(articles: list[dict[str, Any]], root: Path) -> list[str]:
    """`--list`: the dev part's quotes of several gold claims and its gold links no quote holds, one a line."""
    dev = {row["file"]: row for row in split_gold(read_gold(root))[0]}
    several, unheld = [], []
    for article in articles:
        name = Path(str(article.get("source") or "")).name
        if name not in dev:
            continue  # a held-out file: its errors are never read
        links = _links(dev[name])
        texts = [str(q["text"]) for q in article.get("quotes", [])]
        for text in texts:
            ks = sorted({k for prefix, k, _ in links if prefix and prefix in text}, key=lambda k: (len(k), k))
            if len(ks) > 1:
                several.append(f"  {name} {'+'.join(ks)}: {text[:LIST_CHARS]}")
        for prefix, k, named in links:
            if prefix and not any(prefix in t for t in texts):
                unheld.append(f"  {name} {k} {'attributed' if named else 'narrated'}: {prefix}")
    return [f"dev part: quotes holding several gold claims: {len(several)}", *several,
            f"dev part: gold links no quote holds: {len(unheld)}", *unheld]


def diagnose(articles: list[dict[str, Any]], root: Path, settings: ClaimSettings, show: bool = False) -> str:
    """Where the input order's joins are lost (see `--diagnose` in the module docstring); with `show`,
    the `--list` lines too."""
    arts = copy.deepcopy(articles)
    index = ClaimIndex(settings)
    assign_claims(arts, index)
    linked, unquoted = _linked_quotes(arts, root)
    attributed = sum(n for (_, named), n in unquoted.items() if named)
    narrated = sum(n for (_, named), n in unquoted.items() if not named)
    per_quote = Counter(len(ks) for _, ks, _, _ in linked)
    lines = [f"gold claim links no extracted quote holds: {attributed} attributed, {narrated} narrated "
             f"(by claim: {dict(sorted(Counter(k for k, _ in unquoted.elements()).items()))})",
             f"linked quotes by number of gold claims they hold: {dict(sorted(per_quote.items()))}"]
    lines += _ceiling(linked, root)
    bands = _pair_bands(linked, index._state.terms.weights())
    lines.append(f"cross-file pairs of quotes of one claim: {sum(bands.values())}")
    lines += [f"  {name}: {n}" for name, n in sorted(bands.items())]
    if show:
        lines += listed(arts, root)
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
    parser.add_argument("--diagnose", action="store_true",
                        help="print where the input order's joins are lost (upstream, one claim per quote, similarity)")
    parser.add_argument("--list", action="store_true",
                        help="with --diagnose: the dev part's quotes of several claims and unheld links, one a line")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a ClaimSettings field, e.g. --set join_same_speaker=0.35 (repeatable)")
    args = parser.parse_args(argv)
    settings = overridden(args.set)
    articles = extracted(args.root, args.refresh)
    if args.diagnose:
        print(diagnose(articles, args.root, settings, args.list))
        return 0
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
