"""Scoring claim clusters against a set whose gold.jsonl lists, per file, the claim ids it reports.

Computes exactly what `../shared/tools/news-score/score_claims.py` computes, from predicted articles
(dicts in the JSON contract whose quotes carry `claim`) instead of a `newsgraph extract` subprocess:
a predicted cluster covers the files that hold one of its quotes (clusters of one file are dropped);
for each gold claim K reported in at least 2 files (F_K), the best cluster C by file-level F1 is taken
(the first one met on a tie), coverage = |C ∩ F_K| / |F_K| and purity = |C ∩ F_K| / |C|; K is recovered
when coverage >= 0.7 and purity >= 0.9.

    python -m newsgraph.eval.claims [ROOT] [-v]     # ROOT: ../shared/eval-data/news-dev/story by default

The file-level figures credit a claim to any cluster that spans its files, also one that holds none of
its quotes (a cluster of K6 quotes in files 07 and 09 "recovers" K7, reported in 07 and 09). So
`pair_scores` also scores quote pairs: a predicted quote is linked to the gold claims whose
`claim_links` prefix (its first `PREFIX_CHARS` characters, quote marks stripped) it contains; over the
pairs of linked quotes from different files, precision is the share of pairs put in one cluster that
share a gold claim, recall the share of pairs sharing a gold claim put in one cluster.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..claims.adapters import assign_claims
from ..claims.index import ClaimIndex
from ..claims.settings import ClaimSettings
from ..ingest import extract

MIN_COVERAGE = 0.7
MIN_PURITY = 0.9
PREFIX_CHARS = 25  # characters of a gold prefix a predicted quote must contain to be linked to its claim
DEFAULT_ROOT = Path(__file__).resolve().parents[4] / "shared" / "eval-data" / "news-dev" / "story"


@dataclass(frozen=True)
class ClaimResult:
    """One gold claim: its files, its best cluster, and whether that cluster recovers it."""

    claim: str
    files: int
    cluster: str | None
    coverage: float
    purity: float
    recovered: bool


@dataclass
class ClaimScore:
    root: str
    recovered: int
    total: int
    mean_coverage: float
    mean_purity: float
    clusters: int  # predicted clusters spanning at least 2 files
    no_id: int  # predicted quotes without a claim id
    claims: list[ClaimResult] = field(default_factory=list)

    def line(self) -> str:
        """The summary line score_claims.py prints."""
        return (f"claims {self.root}: recovered {self.recovered}/{self.total} (coverage >= .7, purity >= .9); "
                f"mean coverage {self.mean_coverage:.3f}, mean purity {self.mean_purity:.3f}; {self.clusters} "
                f"multi-article clusters; {self.no_id} quotes without a claim id")


def read_gold(root: Path) -> list[dict[str, Any]]:
    """The rows of ROOT/gold.jsonl, in file order."""
    lines = (root / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _by_file(articles: Sequence[Mapping[str, Any]], gold: list[dict[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Predicted articles keyed by the file name of their `source` (by position when names collide)."""
    by_file = {Path(str(x.get("source") or "")).name: x for x in articles}
    if len(by_file) < len(articles) and len(articles) == len(gold):
        by_file = {g["file"]: x for g, x in zip(gold, articles, strict=True)}
    return by_file


def score_claims(articles: Sequence[Mapping[str, Any]], root: Path) -> ClaimScore:
    """Score the predicted articles' claim ids against ROOT/gold.jsonl (see the module docstring)."""
    gold = read_gold(root)
    clusters: dict[str, set[str]] = defaultdict(set)
    no_id = 0
    for name, article in _by_file(articles, gold).items():
        for quote in article.get("quotes", []):
            if quote.get("claim") is None:
                no_id += 1
            else:
                clusters[quote["claim"]].add(name)
    multi = {k: v for k, v in clusters.items() if len(v) >= 2}
    files_of: dict[str, set[str]] = defaultdict(set)
    for row in gold:
        for k in row.get("claims", []):
            files_of[k].add(row["file"])
    recurring = {k: v for k, v in sorted(files_of.items()) if len(v) >= 2}
    results = []
    for k, fk in recurring.items():
        best: tuple[float, float, float, str | None] = (0.0, 0.0, 0.0, None)
        for cid, fc in multi.items():
            hit = len(fc & fk)
            if not hit:
                continue
            cov, pur = hit / len(fk), hit / len(fc)
            f1 = 2 * cov * pur / (cov + pur)
            if f1 > best[0]:
                best = (f1, cov, pur, cid)
        _, cov, pur, best_id = best
        results.append(ClaimResult(k, len(fk), best_id, cov, pur, cov >= MIN_COVERAGE and pur >= MIN_PURITY))
    n = len(results)
    return ClaimScore(root=root.name, recovered=sum(r.recovered for r in results), total=n,
                      mean_coverage=sum(r.coverage for r in results) / n if n else 0.0,
                      mean_purity=sum(r.purity for r in results) / n if n else 0.0,
                      clusters=len(multi), no_id=no_id, claims=results)


@dataclass(frozen=True)
class PairScore:
    """Claim clusters scored by pairs of quotes from different files (see the module docstring)."""

    precision: float
    recall: float
    linked: int  # predicted quotes linked to a gold claim

    def line(self) -> str:
        return f"quote pairs across files: precision {self.precision:.3f}, recall {self.recall:.3f} ({self.linked} linked quotes)"


def pair_scores(articles: Sequence[Mapping[str, Any]], root: Path) -> PairScore:
    """Score the predicted articles' claim ids by quote pairs (see the module docstring)."""
    gold = {row["file"]: row for row in read_gold(root)}
    linked: list[tuple[str, frozenset[str], str]] = []
    for name, article in _by_file(articles, list(gold.values())).items():
        links = [(str(link["prefix"]).strip("\"'\u201c\u201d ")[:PREFIX_CHARS], str(link["claim"]))
                 for link in gold.get(name, {}).get("claim_links", [])]
        for quote in article.get("quotes", []):
            ks = frozenset(k for prefix, k in links if prefix and prefix in quote.get("text", ""))
            if ks and quote.get("claim") is not None:
                linked.append((name, ks, quote["claim"]))
    together = right = same_claim = 0
    for i, (file_a, ks_a, c_a) in enumerate(linked):
        for file_b, ks_b, c_b in linked[i + 1:]:
            if file_a == file_b:
                continue
            gold_pair, predicted = bool(ks_a & ks_b), c_a == c_b
            together += predicted
            same_claim += gold_pair
            right += gold_pair and predicted
    return PairScore(right / together if together else 0.0, right / same_claim if same_claim else 0.0, len(linked))


def predict(root: Path, settings: ClaimSettings | None = None) -> list[dict[str, Any]]:
    """`newsgraph extract` over the set's files (in gold order), then claim ids on every quote."""
    files = [str(root / row["file"]) for row in read_gold(root)]
    articles = [a.to_dict() for a in extract(files)]
    if any(q.get("claim") is None for a in articles for q in a.get("quotes", [])):
        assign_claims(articles, ClaimIndex(settings))
    return articles


def run_claims_eval(root: Path = DEFAULT_ROOT, settings: ClaimSettings | None = None) -> ClaimScore:
    """Extract, cluster and score one claim set (what `newsgraph eval claims ROOT` prints)."""
    return score_claims(predict(root, settings), root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    articles = predict(args.root)
    score = score_claims(articles, args.root)
    if args.verbose:
        for r in score.claims:
            print(f"  {r.claim}: {r.files} files; best cluster {r.cluster!r} coverage {r.coverage:.2f} "
                  f"purity {r.purity:.2f} {'RECOVERED' if r.recovered else ''}")
        print(pair_scores(articles, args.root).line())
    print(score.line())
    return 0 if score.total else 1


if __name__ == "__main__":
    sys.exit(main())
