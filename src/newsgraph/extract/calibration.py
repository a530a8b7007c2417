"""What the quote and event calibrations share: folds split by document, the reliability table and
its expected calibration error (ECE), and the ECE's noise floor.

Both fits (`quotes/calibrate.py`, `events/calibrate.py`) report out-of-fold figures so that an
in-sample gain is not taken for a real one, and the ECE a perfectly calibrated model would show
on as many predictions, so that a small set's ECE is read against sampling noise.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

import numpy as np


class ReliabilityBin(NamedTuple):
    """One row of a reliability table: an equal-width confidence bin, its predictions, their mean
    confidence and their share right."""

    label: str
    n: int
    confidence: float
    accuracy: float


def reliability_table(confidences: Sequence[float] | np.ndarray, right: Sequence[bool] | np.ndarray,
                      bins: int) -> tuple[list[ReliabilityBin], float]:
    """(the non-empty bins, ECE): the ECE is the mean gap between confidence and share right over the
    bins, weighted by their predictions (Guo et al. 2017, "On Calibration of Modern Neural Networks").
    The last bin holds a confidence of exactly 1."""
    p, y = np.asarray(confidences, dtype=float), np.asarray(right, dtype=float)
    rows, ece = [], 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = (p >= lo) & ((p < hi) if b < bins - 1 else (p <= hi))
        n = int(inside.sum())
        if n:
            conf, acc = float(p[inside].mean()), float(y[inside].mean())
            ece += n / len(p) * abs(conf - acc)
            rows.append(ReliabilityBin(f"{lo:.1f}-{hi:.1f}", n, conf, acc))
    return rows, ece


def readme_cells(rows: Sequence[ReliabilityBin], bins: int) -> list[str]:
    """The README table's cells, one per bin: share right (predictions), or "-" for an empty bin."""
    by_label = {r.label: r for r in rows}
    cells = []
    for b in range(bins):
        r = by_label.get(f"{b / bins:.1f}-{(b + 1) / bins:.1f}")
        cells.append("-" if r is None else f"{r.accuracy:.2f} ({r.n})".lstrip("0"))
    return cells


def document_folds(documents: Iterable[str], folds: int, seed: int | None = None) -> dict[str, int]:
    """Each document's fold: the sorted documents dealt round-robin, or first shuffled with `seed`
    (one article's predictions stay together)."""
    ordered = sorted(set(documents))
    if seed is not None:
        ordered = [ordered[i] for i in np.random.default_rng(seed).permutation(len(ordered))]
    return {d: i % folds for i, d in enumerate(ordered)}


def noise_floor(confidences: np.ndarray, ece: Callable[[np.ndarray, np.ndarray], float], draws: int,
                seed: int = 0) -> float:
    """The mean ECE of a perfectly calibrated model with these confidences: outcomes drawn right with
    each confidence's probability (fixed seed). An ECE near it is within sampling noise."""
    rng = np.random.default_rng(seed)
    return float(np.mean([ece(confidences, rng.random(len(confidences)) < confidences) for _ in range(draws)]))
