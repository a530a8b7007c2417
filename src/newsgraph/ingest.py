"""How articles enter a store: `ingest` (read → link copies → analyze → store, in batches) and
`load` (Parquet shards analyzed elsewhere); the jobs behind `newsgraph ingest`/`load` and `Curator.ingest`.

Both hand the new articles to `pipeline.corpus_step` with the target store before writing them,
so a store loaded from shards holds what an ingest of the same input would. Each batch (or
shard) is one transaction; an ingest opens the store for one batch at a time, so a reader can
get in between batches and an interrupted ingest leaves no half-stored article.

Nothing is lost silently: a text that comes under an id or URL another text already has (in the
store or earlier in the run) is stored as its own article, with a warning (`on_warning`,
`RunSummary.warnings`; readers/copies.py); a store that fails while a batch is written (a
full disk, a file that is no store) is a typed error naming the file (store/failures.py).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import duckdb

from . import search, store
from .claims import ClaimIndex, StoryIndex
from .dates import EARLIEST, is_plausible, latest
from .engines.local import analyze_in_order
from .errors import InputError, ShardError
from .model import Article
from .pipeline import DEFAULT_BATCH_SIZE, analyze, corpus_step
from .readers import ReadStats, read
from .readers.copies import DEFAULT_THRESHOLD, CopyLinker, Known, signature_from_blob
from .store import parquet
from .store.claim_rows import cluster_and_write, cluster_batch, clustering_step
from .store.failures import database_path, store_error
from .summary import RunSummary, RunTally


def given_date_warning(date: str | None) -> InputError | None:
    """A warning for a `--date` outside 1900-01-01 .. today + 1 year (a typo more often than not);
    the date is still used, as given."""
    if date is None or is_plausible(date):
        return None
    return InputError("--date", f"{date} is outside {EARLIEST.isoformat()}..{latest().isoformat()}; articles without "
                                f"a date of their own get it anyway: check it")


def _warn_given_date(date: str | None, summary: RunTally, on_warning: Callable[[InputError], None]) -> None:
    warning = given_date_warning(date)
    if warning is not None:
        summary.warn(warning, on_warning)


def ingest(paths: Iterable[str], db: str | duckdb.DuckDBPyConnection, *, date: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
           on_error: Callable[[InputError], None] = lambda e: None,
           on_batch: Callable[[int], None] = lambda n: None, stats: ReadStats | None = None,
           limit: int | None = None, copy_threshold: float = DEFAULT_THRESHOLD, workers: int = 1,
           on_warning: Callable[[InputError], None] = lambda w: None, summary: RunTally | None = None) -> RunSummary:
    """Ingest every article under `paths` into the store at `db`; bad inputs go to `on_error`.

    `limit` stops after that many articles; `copy_threshold` is the Jaccard similarity from
    which an article is linked as a syndicated copy of one already stored or read before.
    Articles stored with a warning (another text under their id or URL, readers/copies.py) and
    an implausible `date` go to `on_warning`. The counts also go into `summary` when given (a
    caller that stores more in the same run: `Curator.ingest`).
    """
    summary = summary if summary is not None else RunTally()
    stats = stats if stats is not None else ReadStats()
    _warn_given_date(date, summary, on_warning)
    if isinstance(db, str):
        store.connect(db, read_only=False).close()  # create the schema (or fail on a newer one) before any work
    return store_articles(summary.batches(read(paths, date=date, stats=stats), batch_size, on_error, limit), db,
                          summary, batch_size=batch_size, on_batch=on_batch, stats=stats, copy_threshold=copy_threshold,
                          workers=workers, on_warning=on_warning).summary("ingest")


def store_articles(batches: Iterable[list[Article]], db: str | duckdb.DuckDBPyConnection, summary: RunTally, *,
                   batch_size: int = DEFAULT_BATCH_SIZE, on_batch: Callable[[int], None] = lambda n: None,
                   stats: ReadStats | None = None, copy_threshold: float = DEFAULT_THRESHOLD,
                   workers: int = 1, on_warning: Callable[[InputError], None] = lambda w: None) -> RunTally:
    """Analyze and write batches of articles (one transaction each); counts go into `summary`.

    `workers > 1` parses in that many processes (engines/local.py); one writer, input order.

    Before the spaCy pass, exact duplicates of stored articles are dropped and near-duplicates
    linked to their story (readers/copies.py), asking the store about each batch: which ids and
    URLs it holds, with the MD5 of their texts, so another text under a stored id or URL is
    kept (under `<id>~<8 hex>`, or beside the other text of its URL) and reported to `on_warning`.
    """
    def lookup(ids: list[str], urls: list[str], keys: list[int]) -> Known:
        present, seen_urls, candidates, texts, url_texts = store.known_for_copies(db, ids, urls, keys)
        return Known(present, seen_urls, [(i, story, signature_from_blob(sig)) for i, story, sig in candidates],
                     texts=texts, url_texts=url_texts)

    linker = CopyLinker(copy_threshold, lookup=lookup)

    def linked_batches() -> Iterator[tuple[tuple[int, Any], list[Article]]]:
        for batch in batches:
            linked = linker.link(batch)
            summary.take(linked.duplicates, linked.copies, linked.warnings, on_warning)
            yield (len(batch), linked), linked.kept

    for (n_read, linked), analyzed in analyze_in_order(linked_batches(), workers=workers):
        if analyzed:
            result = write_batch(db, analyzed, linked.minhashes)
            summary.stored += result.stored
            summary.skipped += result.skipped
        on_batch(n_read)
    if stats is not None:
        summary.undated = stats.undated
    return summary


def write_batch(db: str | duckdb.DuckDBPyConnection, analyzed: list[Article],
                minhashes: store.Minhashes | None = None) -> store.WriteResult:
    """Store one batch of analyzed articles: those not stored yet, after the corpus step against this store.

    The store is opened for this batch only (when `db` is a path); articles already stored, or
    repeated in the batch, are skipped before the corpus step sees them. A failure of the store
    itself (no space left on the device, a file that is no store) is raised as its typed error
    naming the file, not as the ROLLBACK error DuckDB reports after it (store/failures.py).
    """
    try:
        with store.open_for_batch(db) as con:
            fresh = store.fresh_articles(con, analyzed)
            result = cluster_and_write(con, corpus_step(store.CorpusRows(con), fresh), minhashes)
            search.sync(con)  # the full-text index beside the store takes the batch's articles
    except Exception as exc:
        typed = store_error(database_path(db), exc)
        if typed is None or typed is exc:
            raise
        raise typed from exc
    result.skipped += len(analyzed) - len(fresh)
    return result


def load(db: str | duckdb.DuckDBPyConnection, directory: str, *,
         on_error: Callable[[ShardError], None] = lambda e: None,
         on_shard: Callable[[str], None] = lambda s: None) -> RunSummary:
    """Load the Parquet shards under `directory` (from `extract --out` or `export --format parquet`).

    Each shard's new articles go through the corpus step against this store, as an ingest
    batch does; loading a shard twice changes nothing; a bad shard goes to `on_error` and the rest go on.
    """
    summary = RunTally()
    parquet.load(db, directory, corpus_step=clustering_step(corpus_step), on_error=on_error, on_shard=on_shard, summary=summary)
    with store.open_for_batch(db) as con:
        search.sync(con)  # the full-text index beside the store takes the loaded articles
    return summary.summary("load")


def extract(paths: Iterable[str], *, date: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
            on_error: Callable[[InputError], None] = lambda e: None, stats: ReadStats | None = None,
            limit: int | None = None, copy_threshold: float = DEFAULT_THRESHOLD,
            summary: RunTally | None = None,
            on_warning: Callable[[InputError], None] = lambda w: None, cluster: bool = True) -> Iterator[Article]:
    """Analyze every article under `paths` without touching a store (for `newsgraph extract`).

    `cluster=False` leaves `claim` and `story_cluster` empty (Parquet shards: a store clusters them at `load`).

    A text under an id or URL another text of the run has is printed as its own article and
    reported to `on_warning`, as an implausible `date` is.

    Exact duplicates within the run are printed once and copies share a `story`; claim and story
    cluster ids are shared by every file of the run (one in-memory index of each, claims/)."""
    summary = summary if summary is not None else RunTally()
    _warn_given_date(date, summary, on_warning)
    linker = CopyLinker(copy_threshold)
    claims, stories = ClaimIndex(), StoryIndex()
    for batch in summary.batches(read(paths, date=date, stats=stats), batch_size, on_error, limit):
        linked = linker.link(batch)
        summary.take(linked.duplicates, linked.copies, linked.warnings, on_warning)
        analyzed = list(analyze(linked.kept, batch_size=batch_size))
        yield from cluster_batch(analyzed, claims, stories)[0] if cluster else analyzed
