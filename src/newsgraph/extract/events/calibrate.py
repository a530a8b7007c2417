"""Fit the event confidence model on labelled dev events and write `data/event_confidence.tsv`.

    python -m newsgraph.extract.events.calibrate ../shared/eval-data [--dry-run]

Labelled events come from two development sets, never from held-out parts:

- PLOVER GSR dev (`plover-gsr/PLOVER_GSR_dev.json`, CC BY-SA 4.0): one coded event per sentence. The
  sentence's main event (`main_event`, as the PLOVER evaluation picks it) and every event whose
  trigger is one of the coded event words are labelled: right when its PLOVER category
  (`plover_category`) is the gold type and its source and target countries are the gold ones
  where the gold names a country.
- news-dev, the dev part of each set (`eval.news.split_gold`: every fifth excerpt is held out and
  never read here): an event is right when it matches a gold event (type, and source and target
  standing for the gold actors, `eval.news.is_gold_actor`), wrong when it sits on the trigger word
  of a gold event without matching any. Events elsewhere are left out: the gold lists at most six
  events an excerpt, so an unlisted event is not known to be wrong.

The model is a logistic regression with an L2 penalty (Newton's method, numpy), over the features of
`confidence.FEATURES`. The script prints a reliability table and the expected calibration error
(ECE, ten equal-width bins) in-sample and in five folds split by document, and writes both into the
data file's header. Its figures describe these labels: for news-dev, "matches what the annotators
coded at that trigger".
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ... import nlp as nlp_module
from ...eval.news import find_sets, is_gold_actor, read_gold, split_gold
from ...eval.plover import actor_country, load_plover, normalize_type
from ...lexicon import data_path
from ...model import Article, Event
from ...pipeline import resolve_actors
from ...readers import read
from ..quotes import extract_quotes
from .coding import plover_category
from .confidence import CONFIDENCE_FILE, FEATURES
from .extractor import ScoredEvent, scored_events
from .lexicons import PACKAGE
from .prominence import main_event

#: L2 penalty of the logistic fit, folds of the cross-validated ECE, bins of the reliability table
PENALTY, FOLDS, BINS = 0.3, 5, 10


@dataclass(frozen=True)
class Labelled:
    """One labelled event: its features, whether it is right, the document it comes from, the data set."""

    features: dict[str, float]
    right: bool
    document: str
    dataset: str


def _analyse(article: Article) -> tuple[Article, list[ScoredEvent]]:
    """The article with actors and mentions, and its scored events, as the pipeline finds them."""
    doc = nlp_module.load()(article.text)
    resolution = resolve_actors(doc, article.date)
    quotes = extract_quotes(doc, resolution.mentions, resolution.actors)
    scored = scored_events(doc, resolution.mentions, resolution.actors, quotes, article.date)
    article.mentions, article.actors = resolution.mentions, sorted(resolution.actors.values(), key=lambda a: a.id)
    article.events = [e for e, _ in scored]
    return article, scored


def plover_labels(path: Path) -> Iterator[Labelled]:
    """Labelled events of the PLOVER GSR dev records (see the module docstring)."""
    event_words = {r["id"]: str(r.get("eventText") or "") for r in json.loads(path.read_text(encoding="utf-8"))
                   if isinstance(r, dict) and "id" in r}
    for record in load_plover(path):
        article, scored = _analyse(Article(id=record["id"], source=record["id"], date=record.get("date"),
                                           title=None, text=record["text"]))
        main = main_event(article.events)
        coded = {w.lower() for w in event_words.get(record["id"], "").split()}
        for event, features in scored:
            if event is not main and event.trigger.lower() not in coded:
                continue
            right = (plover_category(event) == normalize_type(record["type"])
                     and _country_ok(article, event.source, record["source"], event)
                     and _country_ok(article, event.target, record["target"], event))
            yield Labelled(features, right, record["id"], "plover")


def _country_ok(article: Article, actor: str | None, gold: list[str], event: Event) -> bool:
    return not gold or actor_country(article, actor, event.trigger_start) in gold


def news_labels(root: Path) -> Iterator[Labelled]:
    """Labelled events of the dev part of each news-dev set (see the module docstring)."""
    for folder in find_sets(root):
        dev, _ = split_gold(read_gold(folder))  # the held-out part is never read
        for row in dev:
            for item in read([str(folder / row["file"])]):
                if not isinstance(item, Article):
                    continue
                article, scored = _analyse(item)
                for event, features in scored:
                    matches = [g for g in row.get("events", []) if g["plover"] == event.type
                               and _stands(article, row, event.source, g["source"])
                               and _stands(article, row, event.target, g["target"])]
                    on_trigger = any(_same_word(event.trigger, g.get("trigger", "")) for g in row.get("events", []))
                    if matches or on_trigger:
                        yield Labelled(features, bool(matches), f"{folder.name}/{row['file']}", "news")


def _stands(article: Article, row: dict[str, Any], actor_id: str | None, name: str) -> bool:
    """Whether an event's actor stands for the gold actor `name` of a news-dev row (`eval.news` rules)."""
    actor = next((a.to_dict() for a in article.actors if a.id == actor_id), None)
    known = {ga["name"]: (ga.get("iso3"), ga.get("type")) for ga in row.get("actors", [])}
    return is_gold_actor(actor, name, *known.get(name, (None, None)))


def _same_word(trigger: str, gold_trigger: str) -> bool:
    """A predicted trigger word among a gold trigger's words, compared on their first five letters
    ("accused" / "accuse", "strikes" / "strike")."""
    stem = trigger.lower()[:5]
    return any(w.lower()[:5] == stem for w in gold_trigger.replace("-", " ").split())


def matrix(items: list[Labelled]) -> tuple[np.ndarray, np.ndarray]:
    """(X with a leading bias column, y) of labelled events."""
    x = np.array([[1.0] + [it.features.get(f, 0.0) for f in FEATURES] for it in items])
    y = np.array([1.0 if it.right else 0.0 for it in items])
    return x, y


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY, iterations: int = 50) -> np.ndarray:
    """Logistic regression weights by Newton's method with an L2 penalty (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    ridge = np.eye(x.shape[1]) * penalty
    ridge[0, 0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + ridge @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x @ w))


def reliability(p: np.ndarray, y: np.ndarray, bins: int = BINS) -> tuple[list[tuple[str, int, float, float]], float]:
    """([(bin, events, mean confidence, share right)], expected calibration error)."""
    rows, ece = [], 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = (p >= lo) & ((p < hi) if b < bins - 1 else (p <= hi))
        n = int(inside.sum())
        if n:
            conf, acc = float(p[inside].mean()), float(y[inside].mean())
            ece += n / len(p) * abs(conf - acc)
            rows.append((f"{lo:.1f}-{hi:.1f}", n, conf, acc))
    return rows, ece


def cross_validated(items: list[Labelled], folds: int = FOLDS) -> np.ndarray:
    """Out-of-fold predictions, folds split by document so one article's events stay together."""
    documents = sorted({it.document for it in items})
    fold_of = {d: i % folds for i, d in enumerate(documents)}
    x, y = matrix(items)
    out = np.zeros(len(items))
    for k in range(folds):
        test = np.array([fold_of[it.document] == k for it in items])
        out[test] = predict(x[test], fit(x[~test], y[~test]))
    return out


def report(items: list[Labelled], w: np.ndarray, cv: np.ndarray) -> list[str]:
    """The header lines of the data file: data, figures, reliability table."""
    x, y = matrix(items)
    rows, ece = reliability(predict(x, w), y)
    _, cv_ece = reliability(cv, y)
    by_set = {s: sum(1 for it in items if it.dataset == s) for s in ("plover", "news")}
    lines = [f"Fitted {dt.date.today().isoformat()} on {len(items)} labelled dev events ({by_set['plover']} PLOVER GSR dev, "
             f"{by_set['news']} news-dev dev part), {int(y.sum())} right.",
             f"Expected calibration error ({BINS} bins): {ece:.3f} in-sample, {cv_ece:.3f} out-of-fold ({FOLDS} folds "
             "by document).",
             "Reliability (confidence bin, events, mean confidence, share right):"]
    lines += [f"  {b}  {n:4d}  {c:.3f}  {a:.3f}" for b, n, c, a in rows]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.extract.events.calibrate",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="the eval-data folder (holds plover-gsr/ and news-dev/)")
    parser.add_argument("--dry-run", action="store_true", help="print the table, do not write the data file")
    args = parser.parse_args(argv)
    items = list(plover_labels(args.data / "plover-gsr" / "PLOVER_GSR_dev.json"))
    items += list(news_labels(args.data / "news-dev"))
    x, y = matrix(items)
    w = fit(x, y)
    lines = report(items, w, cross_validated(items))
    print("\n".join(lines))
    for name, value in zip(("bias", *FEATURES), w, strict=True):
        print(f"  {name:16s} {value:+.3f}")
    if not args.dry_run:
        header = ["Logistic weights of the event confidence model (extract/events/confidence.py), written by",
                  "extract/events/calibrate.py from PLOVER GSR dev (CC BY-SA 4.0) and the dev part of news-dev; rerun it",
                  "after changing the rules. Only weights are kept here, no text of either set.", *lines,
                  "feature\tweight"]
        body = "".join(f"{name}\t{value:.4f}\n" for name, value in zip(("bias", *FEATURES), w, strict=True))
        data_path(PACKAGE, CONFIDENCE_FILE).write_text("".join(f"# {h}\n" for h in header) + body, encoding="utf-8")
        print(f"wrote {data_path(PACKAGE, CONFIDENCE_FILE)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
