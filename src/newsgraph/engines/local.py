"""All cores of one machine: batches of articles analyzed by N worker processes, in order.

Each worker loads the spaCy model once (pool initializer) and analyzes whole batches, so
pickling an Article costs little next to parsing it. At most two batches per worker are in
flight, so memory stays flat on an endless input, and results come back in input order, so
one writer stores them batch by batch and a resumed ingest sees the same order.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TypeVar

from .. import nlp
from ..model import Article
from ..pipeline import analyze

T = TypeVar("T")
_IN_FLIGHT_PER_WORKER = 2


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker() -> None:
    nlp.load()


def _analyze_batch(batch: list[Article]) -> list[Article]:
    return list(analyze(batch, batch_size=max(len(batch), 1)))


def analyze_in_order(items: Iterable[tuple[T, list[Article]]], *, workers: int) -> Iterator[tuple[T, list[Article]]]:
    """Analyze the article batch of each (tag, batch) pair; yields (tag, analyzed batch) in input order.

    With `workers > 1` the batches go to that many processes, started only once a second
    batch shows there is more than one batch of work.
    """
    iterator = iter(items)
    first = list(islice(iterator, 2))
    if workers <= 1 or len(first) < 2:
        for tag, batch in chain(first, iterator):  # lazily: a crawl's input never sits in memory whole
            yield tag, _analyze_batch(batch) if batch else []
        return
    context = mp.get_context("spawn")  # a clean interpreter per worker: no forked spaCy or DuckDB state
    with context.Pool(workers, initializer=_init_worker) as pool:
        pending: deque = deque()
        for tag, batch in chain(first, iterator):
            pending.append((tag, pool.apply_async(_analyze_batch, (batch,)) if batch else None))
            while len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                done_tag, result = pending.popleft()
                yield done_tag, result.get() if result else []
        while pending:
            done_tag, result = pending.popleft()
            yield done_tag, result.get() if result else []


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyze_parallel(articles: Iterable[Article], *, workers: int, batch_size: int) -> Iterator[Article]:
    """Analyze articles in `workers` processes; yields them in input order."""
    for _, batch in analyze_in_order(((None, c) for c in _chunks(articles, batch_size)), workers=workers):
        yield from batch
