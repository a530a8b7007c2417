"""Read → analyze → store in batches: the job behind `newsgraph ingest` and `Corpus.ingest`.

Each batch is one transaction, written by opening the store for that batch only, so a
reader can get in between batches and an interrupted ingest leaves no half-stored article.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import duckdb

from .errors import InputError
from .model import Article
from .pipeline import DEFAULT_BATCH_SIZE, analyze
from .readers import ReadStats, read
from .store import duckdb as store


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    undated: int = 0
    errors: list[InputError] = field(default_factory=list)

    def line(self) -> str:
        return (f"read {self.read}, stored {self.stored}, skipped {self.skipped} (already present), "
                f"failed {self.failed}")


def _batches(items: Iterator[Article | InputError], size: int, on_error: Callable[[InputError], None],
             summary: IngestSummary) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            summary.failed += 1
            summary.errors.append(item)
            on_error(item)
            continue
        summary.read += 1
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(paths: Iterable[str], db: str | duckdb.DuckDBPyConnection, *, date: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
           on_error: Callable[[InputError], None] = lambda e: None,
           on_batch: Callable[[int], None] = lambda n: None) -> IngestSummary:
    """Ingest every article under `paths` into the store at `db`; bad inputs go to `on_error`."""
    summary = IngestSummary()
    stats = ReadStats()
    if isinstance(db, str):
        store.connect(db, read_only=False).close()  # create the schema (or fail on a newer one) before any work
    return store_articles(_batches(read(paths, date=date, stats=stats), batch_size, on_error, summary), db,
                          summary, batch_size=batch_size, on_batch=on_batch, stats=stats)


def store_articles(batches: Iterable[list[Article]], db: str | duckdb.DuckDBPyConnection, summary: IngestSummary, *,
                   batch_size: int = DEFAULT_BATCH_SIZE, on_batch: Callable[[int], None] = lambda n: None,
                   stats: ReadStats | None = None) -> IngestSummary:
    """Analyze and write batches of articles (one transaction each); counts go into `summary`."""
    for batch in batches:
        analyzed = list(analyze(batch, batch_size=batch_size))
        result = store.write_articles(db, analyzed)
        summary.stored += result.stored
        summary.skipped += result.skipped
        on_batch(len(batch))
    if stats is not None:
        summary.undated = stats.undated
    return summary


def extract(paths: Iterable[str], *, date: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
            on_error: Callable[[InputError], None] = lambda e: None, stats: ReadStats | None = None) -> Iterator[Article]:
    """Analyze every article under `paths` without touching a store (for `newsgraph extract`)."""
    summary = IngestSummary()
    for batch in _batches(read(paths, date=date, stats=stats), batch_size, on_error, summary):
        yield from analyze(batch, batch_size=batch_size)
