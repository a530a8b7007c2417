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
`confidence.MODEL_FEATURES` (ten of `confidence.FEATURES`). Whether the event has a source and a
target decides most of it (an event missing an actor is rarely right): those two weights are
barely shrunk (penalty 0.01, which keeps the fit well-posed), the bias not at all, the rest by 1.
With all 21 inputs and one light penalty (0.3) the fit was calibrated in-sample (ECE 0.036) but not
out of fold (0.059; 0.069 over shuffled splits): the small inputs' weights followed the fitted
events; a heavy penalty on all (3) also shrank the two actor weights the model needs (ECE 0.080),
and one on all but those two (10) was calibrated but told the two-actor events apart no better
than chance. The ten inputs kept are those the 21-input fit weighed most (chosen on the same
data, so their out-of-fold figures flatter them a little). The script prints a reliability table and the expected calibration error
(ECE, ten equal-width bins) in-sample and in five folds split by document (a fixed split: the
sorted documents dealt round-robin; and the mean and range over five seeded shuffles of the
documents, since one split of 400 events moves the ECE by about 0.01), for both sets together and
for each, with the bins' counts, the share right at confidence >= 0.5 (the blind checks' floor),
and the noise floor: the ECE a perfectly calibrated model would show on that many events at those
confidences (a set's ECE near it is within sampling noise). It writes the figures into the data
file's header. Its figures describe these labels: for news-dev, "matches what the annotators coded
at that trigger".
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
from ..calibration import ReliabilityBin, document_folds, readme_cells, reliability_table
from ..calibration import noise_floor as noise_floor_of
from ..quotes import extract_quotes
from .coding import plover_category
from .confidence import CONFIDENCE_FILE, FEATURES, MODEL_FEATURES
from .extractor import ScoredEvent, scored_events
from .lexicons import PACKAGE
from .prominence import main_event

#: L2 penalty of the logistic fit, folds of the cross-validated ECE, bins of the reliability table
PENALTY, FOLDS, BINS = 1.0, 5, 10
#: columns of the design matrix (`matrix`) barely shrunk: has_source and has_target, at this penalty
FREE, FREE_PENALTY = (1 + MODEL_FEATURES.index("has_source"), 1 + MODEL_FEATURES.index("has_target")), 0.01
#: seeded shuffles of the documents for the out-of-fold ECE's spread, simulated outcomes of the noise floor
SHUFFLES, DRAWS = 5, 200
#: the confidence floor whose share right is reported (the README's blind checks of events use it)
REPORTED_FLOOR = 0.5


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
    x = np.array([[1.0] + [it.features.get(f, 0.0) for f in MODEL_FEATURES] for it in items])
    y = np.array([1.0 if it.right else 0.0 for it in items])
    return x, y


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY, iterations: int = 50,
        free: tuple[int, ...] = ()) -> np.ndarray:
    """Logistic regression weights by Newton's method with an L2 penalty: none on the bias (column
    0), `FREE_PENALTY` on the `free` columns, `penalty` on the rest."""
    w = np.zeros(x.shape[1])
    ridge = np.eye(x.shape[1]) * penalty
    ridge[0, 0] = 0.0
    for column in free:
        ridge[column, column] = FREE_PENALTY
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


def reliability(p: np.ndarray, y: np.ndarray, bins: int = BINS) -> tuple[list[ReliabilityBin], float]:
    """(rows of the reliability table, ECE) of these events' confidences: `calibration.reliability_table`."""
    return reliability_table(p, y, bins)


def cross_validated(items: list[Labelled], folds: int = FOLDS, seed: int | None = None) -> np.ndarray:
    """Out-of-fold predictions, folds split by document so one article's events stay together: the
    sorted documents dealt round-robin, or first shuffled with `seed`."""
    fold_of = document_folds((it.document for it in items), folds, seed)
    x, y = matrix(items)
    out = np.zeros(len(items))
    for k in range(folds):
        test = np.array([fold_of[it.document] == k for it in items])
        out[test] = predict(x[test], fit(x[~test], y[~test], free=FREE))
    return out


def noise_floor(p: np.ndarray, draws: int = DRAWS, seed: int = 0) -> float:
    """`calibration.noise_floor` of these events' confidences."""
    return noise_floor_of(p, lambda conf, right: reliability(conf, right.astype(float))[1], draws, seed)


def _set_lines(name: str, p: np.ndarray, y: np.ndarray, cv: np.ndarray, shuffled: list[np.ndarray]) -> list[str]:
    """The figures of one set: ECE in-sample, out of fold (round-robin; seeded shuffles' mean and
    range), noise floor, share right above `REPORTED_FLOOR`, and its reliability table."""
    rows, ece = reliability(p, y)
    spread = [reliability(s, y)[1] for s in shuffled]
    kept = p >= REPORTED_FLOOR
    lines = [f"{name}: {len(y)} events, {int(y.sum())} right. ECE ({BINS} bins) {ece:.3f} in-sample, "
             f"{reliability(cv, y)[1]:.3f} out-of-fold ({FOLDS} folds by document; {len(spread)} shuffled splits: mean "
             f"{np.mean(spread):.3f}, {min(spread):.3f}-{max(spread):.3f}); noise floor {noise_floor(p):.3f}; "
             f">= {REPORTED_FLOOR}: {int(kept.sum())} events, {float(y[kept].mean()) if kept.any() else 0.0:.3f} right.",
             "  Reliability (confidence bin, events, mean confidence, share right):"]
    return lines + [f"    {b}  {n:4d}  {c:.3f}  {a:.3f}" for b, n, c, a in rows]


def report(items: list[Labelled], w: np.ndarray, cv: np.ndarray, shuffled: list[np.ndarray] | None = None) -> list[str]:
    """The header lines of the data file: data, figures and reliability tables, for both sets and each."""
    x, y = matrix(items)
    p = predict(x, w)
    shuffled = shuffled if shuffled is not None else [cv]
    lines = [f"Fitted {dt.date.today().isoformat()} on labelled dev events (PLOVER GSR dev and the news-dev dev part)."]
    for name, keep in (("both", np.ones(len(items), dtype=bool)),
                       ("PLOVER GSR dev", np.array([it.dataset == "plover" for it in items])),
                       ("news-dev dev part", np.array([it.dataset == "news" for it in items]))):
        if keep.any():
            lines += _set_lines(name, p[keep], y[keep], cv[keep], [s[keep] for s in shuffled])
    return lines


def readme_row(items: list[Labelled], w: np.ndarray, cv: np.ndarray) -> str:
    """The README's reliability-table row: share right (events) per bin, ECE in-sample and out of fold."""
    x, y = matrix(items)
    rows, ece = reliability(predict(x, w), y)
    cells = readme_cells(rows, BINS)
    return (f"| events, PLOVER dev + news-dev dev ({len(y)}) | " + " | ".join(cells)
            + f" | **{ece:.3f}** ({reliability(cv, y)[1]:.3f} out-of-fold) |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.extract.events.calibrate",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="the eval-data folder (holds plover-gsr/ and news-dev/)")
    parser.add_argument("--dry-run", action="store_true", help="print the table, do not write the data file")
    args = parser.parse_args(argv)
    items = list(plover_labels(args.data / "plover-gsr" / "PLOVER_GSR_dev.json"))
    items += list(news_labels(args.data / "news-dev"))
    x, y = matrix(items)
    w = fit(x, y, free=FREE)
    cv = cross_validated(items)
    lines = report(items, w, cv, [cross_validated(items, seed=seed) for seed in range(SHUFFLES)])
    print("\n".join(lines))
    print("README row (share right (events) per bin, ECE):", readme_row(items, w, cv), sep="\n")
    weight = dict(zip(("bias", *MODEL_FEATURES), w, strict=True))
    for name in ("bias", *FEATURES):
        print(f"  {name:16s} {weight.get(name, 0.0):+.3f}")
    if not args.dry_run:
        header = ["Logistic weights of the event confidence model (extract/events/confidence.py), written by",
                  "extract/events/calibrate.py from PLOVER GSR dev (CC BY-SA 4.0) and the dev part of news-dev; rerun it",
                  "after changing the rules. Only weights are kept here, no text of either set.", *lines,
                  "feature\tweight"]
        body = "".join(f"{name}\t{weight.get(name, 0.0):.4f}\n" for name in ("bias", *FEATURES))
        data_path(PACKAGE, CONFIDENCE_FILE).write_text("".join(f"# {h}\n" for h in header) + body, encoding="utf-8")
        print(f"wrote {data_path(PACKAGE, CONFIDENCE_FILE)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
