"""The eval gate: recompute every development figure and fail when one falls below its floor.

Modelled on trafilatura's `eval_baseline.json` beside its evaluation script: the figures the README
promises are checked in (`eval_baseline.json` at the repository root) and `make eval` recomputes
them. A figure fails when it is more than `tolerance` (0.005) below its recorded value; a figure
that rose is reported so the baseline can be raised on purpose (`--update`, with the diff reviewed).

    python -m newsgraph.eval.gate               # check against eval_baseline.json
    python -m newsgraph.eval.gate --update      # rewrite the baseline from this run
    python -m newsgraph.eval.gate --only quotes # one group

The gold data live outside the repository (`../shared/eval-data`, or `NEWSGRAPH_EVAL_DATA`).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import conflibert
from .actors import run_actor_eval
from .claims import pair_scores, predict, score_claims
from .news import run_news_eval
from .plover import run_event_eval, run_petrarch_eval
from .polnear import run_quote_eval

TOLERANCE = 0.005
CONFLIBERT_DEV = 400  # ConfliBERT sentences whose errors were read; the other 949 are never looked at
BASELINE = Path(__file__).resolve().parents[3] / "eval_baseline.json"

Figures = dict[str, float]


@dataclass(frozen=True)
class Group:
    """One family of figures: its name, the command a user runs to see them, and how to compute them."""

    name: str
    command: str
    compute: Callable[[Path], Figures]


def _quotes(data: Path) -> Figures:
    r = run_quote_eval(data / "polnear", "dev", None, baseline=False)["newsgraph"]
    return {"polnear_dev.p": r["overlap"]["p"], "polnear_dev.r": r["overlap"]["r"],
            "polnear_dev.f1": r["overlap"]["f1"], "polnear_dev.speaker": r["speaker"]["accuracy"]}


def _events(data: Path) -> Figures:
    plover = run_event_eval(data / "plover-gsr" / "PLOVER_GSR_dev.json")
    petrarch = run_petrarch_eval(data / "petrarch-validation" / "UniversalPetrarch-master" / "UniversalPetrarch" / "data"
                                 / "text" / "PETR2_GSR_validation.xml")
    return {"plover_dev.type": plover["type_accuracy"], "plover_dev.source_iso3": plover["source"]["accuracy"],
            "plover_dev.target_iso3": plover["target"]["accuracy"],
            "petrarch.type": petrarch["type_accuracy"], "petrarch.source_iso3": petrarch["source"]["accuracy"],
            "petrarch.target_iso3": petrarch["target"]["accuracy"]}


def _conflibert(data: Path) -> Figures:
    folder = data / "conflibert-cameo"
    whole = conflibert.run(folder, None)
    dev = conflibert.run(folder, CONFLIBERT_DEV)
    held = (whole["accuracy"] * whole["n"] - dev["accuracy"] * dev["n"]) / (whole["n"] - dev["n"])
    return {"conflibert.accuracy": whole["accuracy"], "conflibert.source_hit": whole["source"]["accuracy"],
            "conflibert.target_hit": whole["target"]["accuracy"], "conflibert_dev400.accuracy": dev["accuracy"],
            "conflibert_heldout949.accuracy": held}


def _actors(data: Path) -> Figures:
    reports = run_actor_eval(str(data / "ngec-actor-resolution" / "actor_resolution_dev.tsv"),
                             str(data / "gum-wikinews"), [], None)
    ngec = next(r for r in reports if r["set"] == "ngec" and r["knowledge"] == "default")
    rules = next(r for r in reports if r["set"] == "ngec" and r["knowledge"] != "default")
    gum = next(r for r in reports if r["set"] == "gum")
    return {"ngec_dev.country": ngec["country_accuracy"], "ngec_dev.sector": ngec["sector_accuracy"],
            "ngec_dev_rules_only.country": rules["country_accuracy"], "gum.b3_f1": gum["newsgraph"]["b3_f1"]}


def _news(data: Path) -> Figures:
    sets = run_news_eval(str(data / "news-dev"))["sets"]
    out: Figures = {}
    for s in sets:
        for part, key in (("", "figures"), ("_dev", "dev_figures"), ("_heldout", "heldout_figures")):
            out.update({f"news_{s['set']}{part}.{k}": v for k, v in s[key].items() if v is not None})
    return out


def _claims(data: Path) -> Figures:
    """File-level recovery (the shared scorer's figures) and quote-pair precision and recall: a cluster
    spanning a claim's files can "recover" it without holding its quotes, so the pairs say more."""
    root = data / "news-dev" / "story"
    articles = predict(root)
    score, pairs = score_claims(articles, root), pair_scores(articles, root)
    return {"claims_story.recovered": score.recovered, "claims_story.mean_coverage": score.mean_coverage,
            "claims_story.mean_purity": score.mean_purity, "claims_story.pair_precision": pairs.precision,
            "claims_story.pair_recall": pairs.recall}


GROUPS = (
    Group("quotes", "newsgraph eval quotes --polnear ../shared/eval-data/polnear --split dev", _quotes),
    Group("events", "newsgraph eval events --plover ... --petrarch ...", _events),
    Group("conflibert", "newsgraph eval events --conflibert ../shared/eval-data/conflibert-cameo", _conflibert),
    Group("actors", "newsgraph eval actors --ngec ... --gum ...", _actors),
    Group("news", "newsgraph eval news ../shared/eval-data/news-dev", _news),
    Group("claims", "newsgraph eval claims ../shared/eval-data/news-dev/story", _claims),
)


def eval_data() -> Path:
    """The gold data folder: NEWSGRAPH_EVAL_DATA, else ../shared/eval-data beside the repository."""
    env = os.environ.get("NEWSGRAPH_EVAL_DATA")
    return Path(env) if env else BASELINE.parent.parent / "shared" / "eval-data"


def compute(groups: tuple[Group, ...], data: Path) -> dict[str, dict[str, Any]]:
    """Every figure of the given groups: {name: {"value": rounded figure, "group": ..., "command": ...}}."""
    out: dict[str, dict[str, Any]] = {}
    for group in groups:
        print(f"eval gate: computing {group.name} ...", file=sys.stderr, flush=True)
        for name, value in group.compute(data).items():
            out[name] = {"value": round(float(value), 4), "group": group.name, "command": group.command}
    return out


def compare(baseline: dict[str, dict[str, Any]], current: dict[str, dict[str, Any]],
            tolerance: float = TOLERANCE) -> tuple[list[str], list[str]]:
    """(failures, notes): a failure is a figure more than `tolerance` below its floor or missing."""
    failures, notes = [], []
    for name, floor in sorted(baseline.items()):
        if name not in current:
            if floor["group"] in {c["group"] for c in current.values()}:
                failures.append(f"{name}: missing from this run (floor {floor['value']:.4f})")
            continue
        now, was = current[name]["value"], floor["value"]
        if now < was - tolerance:
            failures.append(f"{name}: {now:.4f} < floor {was:.4f} - {tolerance}   ({floor['command']})")
        elif now > was + tolerance:
            notes.append(f"{name}: {now:.4f} > floor {was:.4f} (raise it with --update)")
    for name in sorted(set(current) - set(baseline)):
        notes.append(f"{name}: {current[name]['value']:.4f} has no floor yet (record it with --update)")
    return failures, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.eval.gate", description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="rewrite eval_baseline.json from this run")
    parser.add_argument("--only", action="append", choices=[g.name for g in GROUPS], help="only these groups")
    args = parser.parse_args(argv)
    data = eval_data()
    if not data.is_dir():
        print(f"eval gate: {data} not found; set NEWSGRAPH_EVAL_DATA to the eval-data folder", file=sys.stderr)
        return 2
    groups = tuple(g for g in GROUPS if not args.only or g.name in args.only)
    current = compute(groups, data)
    stored = json.loads(BASELINE.read_text(encoding="utf-8"))["figures"] if BASELINE.exists() else {}
    for name, fig in sorted(current.items()):
        floor = stored.get(name, {}).get("value")
        print(f"{name:38s} {fig['value']:.4f}" + (f"   floor {floor:.4f}" if floor is not None else ""))
    if args.update:
        merged = {**stored, **current}
        BASELINE.write_text(json.dumps({"tolerance": TOLERANCE, "figures": merged}, indent=1, sort_keys=True) + "\n",
                            encoding="utf-8")
        print(f"eval gate: wrote {len(merged)} figures to {BASELINE.name}")
        return 0
    failures, notes = compare(stored, current)
    for line in notes:
        print(f"note: {line}")
    for line in failures:
        print(f"FAIL: {line}")
    print(f"eval gate: {len(current)} figures, {len(failures)} below their floor")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
