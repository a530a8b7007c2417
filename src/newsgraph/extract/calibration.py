"""What the quote and event calibrations share: folds split by document, and the ECE's noise floor.

Both fits (`quotes/calibrate.py`, `events/calibrate.py`) report out-of-fold figures so that an
in-sample gain is not taken for a real one, and the ECE a perfectly calibrated model would show
on as many predictions, so that a small set's ECE is read against sampling noise.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np


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
