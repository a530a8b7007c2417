"""All cores of one machine: batches of articles analyzed by N worker processes, in order.

Each worker loads the spaCy model once (pool initializer) and analyzes whole batches, so
the cost of pickling an Article is small next to parsing it. Results come back in input
order, so a single writer can store them batch by batch.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from ..model import Article

_BATCHES_IN_FLIGHT_PER_WORKER = 2


def _init_worker() -> None:
    from .. import nlp

    nlp.load()


def _analyze_batch(batch: list[Article]) -> list[Article]:
    from ..pipeline import analyze

    return list(analyze(batch, batch_size=len(batch) or 1))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyze_batches_parallel(batches: Iterable[list[Article]], *, workers: int) -> Iterator[list[Article]]:
    """Analyze batches in `workers` processes; yields analyzed batches in input order."""
    context = mp.get_context("spawn")  # a clean interpreter per worker: no forked spaCy/DuckDB state
    with context.Pool(workers, initializer=_init_worker) as pool:
        yield from pool.imap(_analyze_batch, batches, chunksize=1)


def analyze_parallel(articles: Iterable[Article], *, workers: int, batch_size: int) -> Iterator[Article]:
    """Analyze articles in `workers` processes; yields them in input order."""
    for batch in analyze_batches_parallel(_chunks(articles, batch_size), workers=workers):
        yield from batch
