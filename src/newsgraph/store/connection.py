"""Opening a store: the schema, its version and upgrades, and waiting for another writer's lock.

DuckDB allows one read-write process per file, so opening retries while another process holds
it (`StoreLockedError` after `wait` seconds). Writers hold the file only for the time of one
batch (`open_for_batch`), so readers (`serve`, the CLI) get in between. A writer that finds the
file held says so in a file beside it (`writer_waiting`) while it retries, so that a server, which
keeps its read-only connections open between requests, closes them at once and lets it in.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import SchemaVersionError, StoreError, StoreMissingError
from .failures import check_length, is_held_here, is_lock_error, store_error
from .summaries import SUMMARIES_OF_LAYOUT, SUMMARY_TABLES, rebuild

SCHEMA_VERSION = 8
# What the store derives from its rows (summaries, lookup indexes), versioned apart from the rows that
# shards and exports carry: a newer layout is made from the stored rows when an older store is opened
# (`_DERIVED_UPGRADES`), without changing SCHEMA_VERSION, so shards written at version 8 still load.
DERIVED_VERSION = 5
# Upgrades of older files, by the version they bring a store to (schema.sql then adds new tables).
# Versions 4 and 5 were used only by working copies; every step is idempotent (IF NOT EXISTS).
_MIGRATIONS: dict[int, list[str]] = {
    2: ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS language VARCHAR",
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS date_source VARCHAR",
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS story VARCHAR"],
    3: ["ALTER TABLE actors ADD COLUMN IF NOT EXISTS sector VARCHAR"],  # descriptors, curation, dictionary: schema.sql
    # 6: claim and story clusters (their tables: schema.sql); stored quotes and articles stay unclustered.
    6: ["ALTER TABLE quotes ADD COLUMN IF NOT EXISTS claim VARCHAR",
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_cluster VARCHAR"],
    # 7: an event's place country, where its date comes from, and its confidence
    7: ["ALTER TABLE events ADD COLUMN IF NOT EXISTS location_iso3 VARCHAR",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS date_source VARCHAR",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE"],
    # 8: a quote's anonymity and confidence; the summaries and lookup indexes (schema.sql), filled by _BACKFILLS
    8: ["ALTER TABLE quotes ADD COLUMN IF NOT EXISTS anonymous BOOLEAN",
        "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS confidence DOUBLE"],
}
# Work an upgrade does after schema.sql made the new tables, by the version that needs it.
_BACKFILLS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {8: rebuild}
# Work an upgrade of the derived layout does after schema.sql made its new tables and indexes, by layout:
# the summaries that layout brought, made from the stored rows (2: actor_events, actor_articles; 3: the snippets;
# 4: pair_quotes, pair_events; 5: article_keys).
def _later_summaries(layout: int) -> Callable[[duckdb.DuckDBPyConnection], None]:
    def upgrade(con: duckdb.DuckDBPyConnection) -> None:
        rebuild(con, SUMMARIES_OF_LAYOUT[layout])
    return upgrade


_DERIVED_UPGRADES: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    layout: _later_summaries(layout) for layout in SUMMARIES_OF_LAYOUT}
_SCHEMA = Path(__file__).with_name("schema.sql")
_LOCK_WAIT_SECONDS = 30.0
LOAD_TIME_COLUMNS = ("ingested_at",)  # set by the store when a row is written, not carried in shards or exports
# The claim and story clusterers' state (store/claim_rows.py): a store that loads shards or an export clusters
# the articles itself, so these are not carried (as quotes.claim and articles.story_cluster are).
CLUSTER_TABLES = ("claim_members", "claims", "claim_variants", "claim_postings", "claim_term_counts",
                  "story_members", "story_clusters", "story_variants", "story_postings", "story_term_counts")


def connect(path: str, *, read_only: bool, wait: float = _LOCK_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """Open the store, creating the schema when writable; retries while another process holds it.

    A file that is no store (not DuckDB, empty, a folder, truncated) is a `StoreError` naming it,
    a missing one (read-only) a `StoreMissingError`, a lock held past `wait` a `StoreLockedError`
    saying which process holds it (store/failures.py).
    """
    if read_only and not Path(path).exists():
        raise StoreMissingError(path, "no store here (yet, or any more)")
    con = _connect_retrying(path, read_only, wait)
    try:
        con.execute("SET enable_progress_bar = false")  # a library's long query must not draw on the caller's stdout
        check_length(con, path)
        _check_schema(con, path, read_only)
    except _NeedsMigration:
        con.close()  # an older store opened read-only: upgrade it once (read-write), then open it as asked
        connect(path, read_only=False, wait=wait).close()
        return connect(path, read_only=True, wait=wait)
    except StoreError:
        con.close()
        raise
    except Exception as exc:
        con.close()
        typed = store_error(path, exc)
        if typed is not None:
            raise typed from exc
        raise
    return con


def _connect_retrying(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """`duckdb.connect`, retried with growing pauses while another process holds the file; a writer
    marks itself waiting (`writer_waiting`) from its first refusal until it is in or gives up."""
    deadline = time.monotonic() + wait
    delay = 0.05
    marked = False
    try:
        while True:
            try:
                return duckdb.connect(path, read_only=read_only)
            except duckdb.Error as exc:
                if not (is_lock_error(exc) or is_held_here(exc)) or time.monotonic() > deadline:
                    raise (store_error(path, exc) or exc) from exc
                if not read_only:  # again each time: another writer that got in first removed it
                    marked = _mark_waiting(path) or marked
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
    finally:
        if marked:
            _unmark_waiting(path)


def waiting_marker(path: str) -> str:
    """The file beside the store that says a writer is waiting for it."""
    return f"{path}.writer-waiting"


def writer_waiting(path: str) -> bool:
    """Is a writer (an ingest, a merge) waiting for the readers of the store at `path` to close it?"""
    return os.path.exists(waiting_marker(path))


def _mark_waiting(path: str) -> bool:
    try:
        Path(waiting_marker(path)).write_text(f"{os.getpid()}\n", encoding="utf-8")
    except OSError:
        return False  # a read-only folder: readers then close only when idle, as before
    return True


def _unmark_waiting(path: str) -> None:
    try:
        os.unlink(waiting_marker(path))
    except OSError:
        pass


class _NeedsMigration(Exception):
    pass


def _check_schema(con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
    # The version row itself, not information_schema: that view lists every catalog entry (about
    # 100 ms on a busy machine, and every request of `serve` opens the store).
    try:
        versions = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('schema_version', 'derived_version')")
                        .fetchall())
        has_meta = True
    except duckdb.CatalogException:
        versions, has_meta = {}, False
    if has_meta:
        found = int(versions.get("schema_version", 0))
        if found > SCHEMA_VERSION:
            raise SchemaVersionError(path, found, SCHEMA_VERSION)
        if found == SCHEMA_VERSION:
            _check_derived(con, int(versions.get("derived_version", 1)), read_only)
            return
        if found >= 1:
            if read_only:
                raise _NeedsMigration()
            con.execute("BEGIN TRANSACTION")
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS.get(version, []):
                    con.execute(statement)
            con.execute(_SCHEMA.read_text())
            for version in range(found + 1, SCHEMA_VERSION + 1):
                if version in _BACKFILLS:
                    _BACKFILLS[version](con)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_version', ?)", [str(DERIVED_VERSION)])
            con.execute("COMMIT")
            return
    if read_only:
        raise StoreError(path, "is a DuckDB database without newsgraph's tables, not a newsgraph store",
                         f"Run `newsgraph ingest PATH --db {path}` to add them, or point --db at a newsgraph store")
    con.execute(_SCHEMA.read_text())
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_version', ?)", [str(DERIVED_VERSION)])


def _check_derived(con: duckdb.DuckDBPyConnection, found: int, read_only: bool) -> None:
    """Bring the derived layout (summaries, lookup indexes) of a current-schema store up to DERIVED_VERSION."""
    if found >= DERIVED_VERSION:
        return
    if read_only:
        raise _NeedsMigration()
    con.execute("BEGIN TRANSACTION")
    con.execute(_SCHEMA.read_text())
    for layout in range(found + 1, DERIVED_VERSION + 1):
        if layout in _DERIVED_UPGRADES:
            _DERIVED_UPGRADES[layout](con)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_version', ?)", [str(DERIVED_VERSION)])
    con.execute("COMMIT")


@contextmanager
def opened(path: str, *, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store at `path`, closed on leaving the block."""
    con = connect(path, read_only=read_only)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def open_for_batch(target: str | duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A path is opened read-write for this batch only (readers get in between); a connection is used as is."""
    if isinstance(target, duckdb.DuckDBPyConnection):
        yield target
    else:
        with opened(target, read_only=False) as con:
            yield con


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The store's data tables (not `meta`, not the summaries derived from them), `articles` first, then by name.

    These are what exports and shards carry; a store that loads them makes its own summaries.
    """
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT temporary AND table_name <> 'meta' ORDER BY table_name").fetchall()
             if r[0] not in SUMMARY_TABLES and r[0] not in CLUSTER_TABLES]
    return sorted(names, key=lambda n: (n != "articles", n))


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Columns of a store table in schema order, without load-time columns."""
    rows = con.execute("SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND table_name = ? ORDER BY column_index", [table]).fetchall()
    return [r[0] for r in rows if r[0] not in LOAD_TIME_COLUMNS]
