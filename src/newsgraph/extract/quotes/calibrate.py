"""Fit the quote confidence model (`confidence.py`) and print its reliability table.

Every quote the extractor finds on PolNeAR `dev` and on the development part of news-dev (every
fifth excerpt of each set is held out, as in `eval/news.py`) is labelled right or wrong:

- PolNeAR (Newell, Margolin & Ruths 2018): right when it matches a gold attribution one-to-one
  (content word-token Jaccard >= 0.5, `newsgraph eval quotes`) and its speaker is the actor of
  the mention inside the gold source (where the gold source holds none, when the speaker phrase
  overlaps the gold source): the speaker a user sees is the actor, so the actor must be right;
- news-dev: right when its speaker stands for a gold speaker of the excerpt (the rules of
  `../shared/tools/news-score/score_news.py`) and its text holds one of that speaker's gold
  quote openings. Quotes of unnamed sources are left out there: that gold lists no anonymous
  speaker, so it cannot say whether one is right. For the same reason a quote without a speaker
  actor ("critics said", a description no rule linked) counts only when its text holds a gold
  speaker's opening (then it is wrong: a named speaker was missed); otherwise the gold cannot
  judge it (it lists no unnamed source), and counting it wrong taught the model that every
  unlinked speaker is wrong on news while PolNeAR, which annotates such sources, finds half of
  them right.

A logistic regression (L2-regularised, Newton's method) over `confidence.quote_features` is fitted
on both, each quote weighing the same (weighing each set the same in total, news quotes about 6x,
made PolNeAR worse and news no better, in-sample and out of fold); its weights are written to
`data/quote_confidence.tsv`. The reliability table (ten equal-width bins) and the expected
calibration error (ECE: the bins' gaps between mean confidence and accuracy, weighted by their
share of quotes; Guo et al. 2017) are printed for each set in-sample and out of fold (five folds
by document, a fixed split: every fifth document of the sorted list), and for the held-out news
part as a check that is never read for errors. Beside each ECE: the share right above
`DEFAULT_MIN_CONFIDENCE`, and the ECE a perfectly calibrated model would show on that many
quotes at those confidences (its noise floor: the mean over simulated outcomes; on a few hundred
quotes it is about 0.05, so a set's ECE near it says nothing more).

    python -m newsgraph.extract.quotes.calibrate --polnear ../shared/eval-data/polnear \\
        --news ../shared/eval-data/news-dev          # about 3 minutes on 2 cores
"""
from __future__ import annotations

import argparse
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ... import nlp as nlp_module
from ... import pipeline
from ...eval.news import find_sets, fold, is_gold_actor, quote_key, read_gold, speaker_iso3, split_gold
from ...eval.polnear import Attribution, _match, _overlaps, read_split
from ...lexicon import data_path
from ...model import Article, Quote
from ...readers import read
from ..calibration import ReliabilityBin, document_folds, readme_cells, reliability_table
from ..calibration import noise_floor as noise_floor_of
from . import attribute
from .confidence import DEFAULT_MIN_CONFIDENCE, MODEL_FILE, PACKAGE, ConfidenceModel, quote_features

#: L2 penalty of the logistic fit (on every weight but the bias)
L2 = 1.0
NEWTON_STEPS = 50
#: bins of the reliability table, folds of the out-of-fold figures, simulated outcomes of the noise floor
BINS, FOLDS, DRAWS = 10, 5, 200


@dataclass(frozen=True)
class Sample:
    """One predicted quote: its features and whether its text and speaker are right."""

    features: dict[str, float]
    right: bool
    document: str = ""


# ---------------------------------------------------------------------------------- labelling
def polnear_samples(polnear_dir: str | Path, split: str = "dev") -> list[Sample]:
    """Labelled quotes of a PolNeAR split (see the module docstring)."""
    gold_docs = read_split(polnear_dir, split)
    nlp = nlp_module.load()
    out: list[Sample] = []
    for k, (doc, gdoc) in enumerate(nlp.pipe(((d.text, d) for d in gold_docs), as_tuples=True, batch_size=16)):
        mentions, actors = pipeline.annotate_mentions(doc)
        quotes, index = attribute(doc, mentions, actors)
        preds = [_as_attribution(q) for q in quotes]
        gold_actor = [next((m.actor for m in mentions if any(a <= m.start and m.end <= b for a, b in g.source)), None)
                      for g in gdoc.attributions]
        right = [False] * len(quotes)
        for i, j, _ in _match(gdoc.text, gdoc.attributions, preds):
            g, p = gdoc.attributions[i], preds[j]
            if gold_actor[i] is not None:  # the gold source names an actor: the speaker must be it
                right[j] = p.speaker == gold_actor[i]
            else:
                right[j] = not g.source or bool(p.source and _overlaps(p.source, g.source))
        out.extend(Sample(quote_features(q, index.evidence_of(q), actors.get(q.speaker or ""), index), ok,
                          f"polnear/{k:04d}") for q, ok in zip(quotes, right, strict=True))
    return out


def _as_attribution(q: Quote) -> Attribution:
    """A quote as eval.polnear's Attribution (content, source, cue, speaker) for `_match`."""
    source: tuple[tuple[int, int], ...] = ()
    cue: tuple[tuple[int, int], ...] = ()
    if q.speaker_start is not None and q.speaker_end is not None:
        source = ((q.speaker_start, q.speaker_end),)
    if q.cue_start is not None and q.cue_end is not None:
        cue = ((q.cue_start, q.cue_end),)
    return Attribution(content=((q.start, q.end),), source=source, cue=cue, speaker=q.speaker)


def news_samples(news_root: str | Path, part: str = "dev") -> list[Sample]:
    """Labelled quotes of the news-dev sets' `dev` or `heldout` part (see the module docstring)."""
    nlp = nlp_module.load()
    out: list[Sample] = []
    for folder in find_sets(news_root):
        dev, heldout = split_gold(read_gold(folder))
        for row in dev if part == "dev" else heldout:
            article = next(a for a in read([str(folder / row["file"])]) if isinstance(a, Article))
            doc = nlp(article.text)
            resolution = pipeline.resolve_actors(doc, article.date)
            quotes, index = attribute(doc, resolution.mentions, resolution.actors)
            actors = {aid: a.to_dict() for aid, a in resolution.actors.items()}
            for q in quotes:
                if q.anonymous or (q.speaker is None and not _holds_gold_opening(q, row)):
                    continue
                features = quote_features(q, index.evidence_of(q), resolution.actors.get(q.speaker or ""),
                                          index)
                out.append(Sample(features, _news_right(q, row, actors), f"{folder.name}/{row['file']}"))
    return out


def _holds_gold_opening(q: Quote, row: dict[str, Any]) -> bool:
    """The quote's text holds the opening of a quote the gold gives some speaker."""
    text = fold(q.text)
    return any(quote_key(o) in text for s in row.get("speakers", []) for o in s.get("direct", []) + s.get("indirect", []))


def _news_right(q: Quote, row: dict[str, Any], actors: dict[str, dict[str, Any]]) -> bool:
    """The quote's speaker stands for a gold speaker whose opening its text holds."""
    speaker = actors.get(q.speaker) if q.speaker else None
    if speaker is None:
        return False
    text = fold(q.text)
    return any(is_gold_actor(speaker, s["name"], speaker_iso3(s), s.get("type"))
               and any(quote_key(o) in text for o in s.get("direct", []) + s.get("indirect", []))
               for s in row.get("speakers", []))


# ---------------------------------------------------------------------------------- fitting
def feature_names(samples: Iterable[Sample]) -> list[str]:
    """Every feature seen, "bias" first, the rest sorted."""
    names = {name for s in samples for name in s.features}
    return ["bias"] + sorted(names - {"bias"})


def fit(samples: Sequence[Sample], l2: float = L2) -> ConfidenceModel:
    """Logistic regression by Newton's method (IRLS) with an L2 penalty on all weights but the bias."""
    names = feature_names(samples)
    x = np.array([[s.features.get(n, 0.0) for n in names] for s in samples])
    y = np.array([1.0 if s.right else 0.0 for s in samples])
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    penalty[0] = 0.0
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return ConfidenceModel({n: float(v) for n, v in zip(names, w, strict=True)})


# ---------------------------------------------------------------------------------- reliability
Forecasts = Sequence[tuple[float, bool]]


def reliability(model: ConfidenceModel, samples: Sequence[Sample], bins: int = BINS) -> tuple[list[ReliabilityBin], float]:
    """(rows of the reliability table, ECE) of the model's confidences on `samples`."""
    return table_of([(model.probability(s.features), s.right) for s in samples], bins)


def table_of(probs: Forecasts, bins: int = BINS) -> tuple[list[ReliabilityBin], float]:
    """(rows of the reliability table, ECE) of (confidence, right) pairs: `calibration.reliability_table`."""
    return reliability_table([p for p, _ in probs], [r for _, r in probs], bins)


def out_of_fold(samples: Sequence[Sample], folds: int = FOLDS, l2: float = L2, seed: int | None = None) -> list[float]:
    """Each sample's confidence from a model fitted without its document's fold (a fixed split:
    the sorted documents dealt round-robin, or first shuffled with `seed`), so an in-sample gain
    is not taken for a real one."""
    fold_of = document_folds((s.document for s in samples), folds, seed)
    out = [0.0] * len(samples)
    for k in range(folds):
        model = fit([s for s in samples if fold_of[s.document] != k], l2)
        for i, s in enumerate(samples):
            if fold_of[s.document] == k:
                out[i] = model.probability(s.features)
    return out


def noise_floor(probs: Forecasts, draws: int = DRAWS, seed: int = 0) -> float:
    """`calibration.noise_floor` of these quotes' confidences."""
    return noise_floor_of(np.array([c for c, _ in probs]),
                          lambda p, right: table_of(list(zip(p, right, strict=True)))[1], draws, seed)


def brier(probs: Forecasts) -> float:
    """The mean squared gap between confidence and outcome (lower is better; unlike the ECE it also
    rewards telling right from wrong)."""
    return sum((p - r) ** 2 for p, r in probs) / max(1, len(probs))


def above(probs: Forecasts, floor: float = DEFAULT_MIN_CONFIDENCE) -> tuple[int, float]:
    """(quotes at or above `floor`, their share right)."""
    kept = [r for p, r in probs if p >= floor]
    return len(kept), sum(kept) / max(1, len(kept))


def format_table(name: str, rows: list[ReliabilityBin], ece: float) -> str:
    """A plain-text reliability table."""
    lines = [f"{name}: ECE {ece:.3f}", f"  {'bin':<9} {'quotes':>6} {'confidence':>10} {'right':>6}"]
    lines += [f"  {r.label:<9} {r.n:>6} {r.confidence:>10.3f} {r.accuracy:>6.3f}" for r in rows]
    return "\n".join(lines)


def readme_row(name: str, probs: Forecasts, oof: Forecasts | None) -> str:
    """One row of the README's reliability table: share right (quotes) per bin, then the ECE."""
    rows, ece = table_of(probs)
    cells = readme_cells(rows, BINS)
    figure = f"**{ece:.3f}**" + (f" ({table_of(oof)[1]:.3f} out-of-fold)" if oof is not None else "")
    return f"| {name} ({len(probs):,}) | " + " | ".join(cells) + f" | {figure} |"


def report(name: str, probs: Forecasts, oof: Forecasts | None, shuffled: Sequence[Forecasts] = ()) -> str:
    """In-sample (and out-of-fold) tables of one set, its noise floor, share right above the
    default floor, and the out-of-fold ECE and Brier score over `shuffled` fold splits."""
    right = sum(r for _, r in probs)
    n, share = above(probs)
    head = f"{name}, {len(probs)} quotes, {right} right ({right / max(1, len(probs)):.3f})"
    lines = [format_table(head, *table_of(probs))]
    if oof is not None:
        lines.append(format_table(f"{name}, out of fold", *table_of(oof)))
    lines.append(f"  noise floor (ECE of a calibrated model on these quotes) {noise_floor(probs):.3f}; "
                 f">= {DEFAULT_MIN_CONFIDENCE}: {n} quotes, {share:.3f} right; Brier {brier(probs):.4f}")
    if shuffled:
        eces = [table_of(f)[1] for f in shuffled]
        lines.append(f"  out of fold over {len(shuffled)} shuffled splits: ECE mean {np.mean(eces):.3f} "
                     f"({min(eces):.3f}-{max(eces):.3f}), Brier {np.mean([brier(f) for f in shuffled]):.4f}")
    return "\n".join(lines)


def write_model(model: ConfidenceModel, out: Path, note: str) -> None:
    """The weights as a data file (`confidence.confidence_model` reads it)."""
    with out.open("w", encoding="utf-8") as f:
        f.write("# Quote confidence: logistic weights over confidence.quote_features, fitted by\n"
                "# python -m newsgraph.extract.quotes.calibrate on PolNeAR v1.0.0 dev and the development part\n"
                f"# of news-dev ({note}). Columns: feature, weight.\n")
        for name, weight in model.weights.items():
            f.write(f"{name}\t{weight:.6f}\n")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--polnear", required=True, help="the PolNeAR folder (../shared/eval-data/polnear)")
    ap.add_argument("--news", required=True, help="the news-dev folder holding its sets (../shared/eval-data/news-dev)")
    ap.add_argument("--out", default=str(data_path(PACKAGE, MODEL_FILE)))
    ap.add_argument("--dry-run", action="store_true", help="print the tables without writing the weights")
    a = ap.parse_args(argv)
    polnear, news, held = polnear_samples(a.polnear), news_samples(a.news, "dev"), news_samples(a.news, "heldout")
    model = fit(polnear + news)
    oof = out_of_fold(polnear + news)
    shuffles = [out_of_fold(polnear + news, seed=seed) for seed in range(FOLDS)]
    n = len(polnear)
    sets = (("PolNeAR dev", polnear, slice(0, n)), ("news-dev dev part", news, slice(n, None)),
            ("both (fitted on)", polnear + news, slice(0, None)), ("news-dev held-out part (check, never fitted on)", held, None))
    readme = []
    for name, samples, part in sets:
        probs = [(model.probability(s.features), s.right) for s in samples]
        rights = [s.right for s in samples]
        cv_probs = None if part is None else list(zip(oof[part], rights, strict=True))
        shuffled = [] if part is None else [list(zip(f[part], rights, strict=True)) for f in shuffles]
        print(report(name, probs, cv_probs, shuffled))
        readme.append(readme_row(f"quotes, {name}", probs, cv_probs))
    print("README rows (share right (quotes) per bin, ECE):", *readme, sep="\n")
    if not a.dry_run:
        note = f"{len(polnear)} + {len(news)} quotes, ECE {reliability(model, polnear + news)[1]:.3f}"
        write_model(model, Path(a.out), note)
        print(f"weights -> {a.out}")
    for name, weight in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<24} {weight:+.3f}")
    return 0 if all(math.isfinite(w) for w in model.weights.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
