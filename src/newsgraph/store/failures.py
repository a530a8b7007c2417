"""What went wrong with a store file, in words: DuckDB's and the OS's failures as typed errors.

DuckDB reports a bad file, a full disk or another process's lock as an `IOException` whose text
says what happened, and a failed batch often surfaces as the *second* error, the ROLLBACK of a
transaction DuckDB already aborted ("cannot rollback - no transaction is active"), with the
real cause ("No space left on device") as its context. `store_error` walks that chain and
returns the error a user can act on (errors.py), naming the file:

* a file that is not a DuckDB database, an empty file, a folder, a file shorter than its own
  header says (truncated), one the user may not read: `StoreError`;
* no space left on the device: `StoreFullError`;
* a lock held by another process: `StoreLockedError` saying which process holds it, when the
  lock message names its PID and /proc tells what that process is (an ingest, a server, a
  notebook), because "wait for the running ingest" is the wrong advice for a notebook.
"""
from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb

from ..errors import NewsgraphError, StoreError, StoreFullError, StoreLockedError

_PID = re.compile(r"\(PID (\d+)\)")
_HOLDER_CMDLINE_CHARS = 80
# DuckDB's storage header: a main header and two database headers of 4 KiB before the first block
_HEADER_BYTES = 3 * 4096


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, then what it was raised from or while handling, once each."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def is_lock_error(exc: BaseException) -> bool:
    """DuckDB's refusal to open a file another process holds."""
    text = str(exc).lower()
    return "could not set lock" in text or "conflicting lock" in text or "being used by another process" in text


def is_held_here(exc: BaseException) -> bool:
    """DuckDB's refusal to open a file this process holds in another mode (a server's read-only pool
    while an ingest in the same process opens it to write): it goes once the other connections close."""
    return "different configuration than existing connections" in str(exc).lower()


def is_disk_full(exc: BaseException) -> bool:
    """ENOSPC anywhere in the chain (DuckDB's text or an OSError's errno)."""
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno == errno.ENOSPC:
            return True
        if "no space left on device" in str(e).lower():
            return True
    return False


def describe_process(pid: int) -> str:
    """What process `pid` is, from its command line: 'a newsgraph ingest (PID 12)', 'a Jupyter notebook
    kernel (PID 12)', else the program and its first arguments; 'process 12' when /proc cannot tell."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return f"process {pid}"
    args = [a for a in raw.decode(errors="replace").split("\0") if a]
    if not args:
        return f"process {pid}"
    names = [os.path.basename(a) for a in args]
    if "newsgraph" in names:
        rest = args[names.index("newsgraph") + 1:]
        if rest and not rest[0].startswith("-"):
            return f"a `newsgraph {rest[0]}` (PID {pid})"
        return f"a newsgraph command (PID {pid})"
    joined = " ".join(" ".join(a.split()) for a in args)
    if "ipykernel" in joined or "jupyter" in joined:
        return f"a Jupyter notebook kernel (PID {pid}); close the notebook's store (corpus.close()) or restart the kernel"
    shown = joined if len(joined) <= _HOLDER_CMDLINE_CHARS else joined[:_HOLDER_CMDLINE_CHARS - 1] + "…"
    return f"another program (PID {pid}: {shown})"


def lock_holder(exc: BaseException) -> str | None:
    """The process named in DuckDB's lock message, described (None when the message names none)."""
    match = _PID.search(str(exc))
    if match is None:
        return None
    pid = int(match.group(1))
    if pid == os.getpid():
        return f"this same process (PID {pid}), through another connection"
    return describe_process(pid)


def _file_problem(path: str, exc: BaseException) -> StoreError | None:
    text = str(exc)
    lowered = text.lower()
    if "is a directory" in lowered or Path(path).is_dir():
        return StoreError(path, "is a folder, not a store file")
    if "not a valid duckdb database file" in lowered:
        empty = Path(path).is_file() and Path(path).stat().st_size == 0
        return StoreError(path, "is an empty file, not a newsgraph store" if empty
                          else "is not a DuckDB database file (so not a newsgraph store)")
    if "could not read enough bytes" in lowered:
        return StoreError(path, "is truncated: the file ends before the data it says it holds")
    if "permission denied" in lowered:
        return StoreError(path, "cannot be opened: permission denied",
                          "Run as a user who may read (and, to ingest, write) it, or point --db at another file")
    if "older storage version" in lowered or "newer storage version" in lowered or "storage version" in lowered:
        return StoreError(path, f"was written by another DuckDB version ({text.splitlines()[0][:160]})",
                          "Open it with the newsgraph that wrote it and `newsgraph export --format parquet`, then `load` it here")
    return None


def store_error(path: str, exc: BaseException) -> NewsgraphError | None:
    """The typed error for a failure on the store at `path`, or None when it is none of the known kinds."""
    if isinstance(exc, NewsgraphError):
        return exc
    if is_disk_full(exc):
        detail = next((str(e).splitlines()[0][:200] for e in _chain(exc) if "no space" in str(e).lower()), None)
        return StoreFullError(path, detail)
    for e in _chain(exc):
        if isinstance(e, duckdb.Error | OSError):
            if is_lock_error(e):
                return StoreLockedError(path, lock_holder(e))
            found = _file_problem(path, e)
            if found is not None:
                return found
    return None


def database_path(target: str | duckdb.DuckDBPyConnection) -> str:
    """The file behind a store path or connection, for messages ('the store' when DuckDB cannot say)."""
    if isinstance(target, str):
        return target
    try:
        rows = target.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    except duckdb.Error:
        return "the store"
    return str(rows[0][0]) if rows and rows[0][0] else "the store"


def check_length(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse a file too short for the blocks its header says are in use (a copy cut short, a partial download).

    DuckDB opens such a file and fails only when a query reaches a missing block; this check
    makes the first open fail instead, naming the file. Each used block has its own place in the
    file, so `used_blocks` blocks after the headers is a lower bound of an intact file's length
    (`total_blocks` is not: it counts free blocks the file may have been cut to). Skipped while
    a write-ahead log is beside the file (its blocks may not be in the file yet).
    """
    file = Path(path)
    if not file.is_file() or Path(f"{path}.wal").exists():
        return
    block_size, used_blocks = con.execute("SELECT block_size, used_blocks FROM pragma_database_size()").fetchall()[0]
    expected = int(block_size) * int(used_blocks) + _HEADER_BYTES
    size = file.stat().st_size
    if size < expected:
        raise StoreError(path, f"is truncated: {size:,} bytes, too short for the {used_blocks} blocks its header "
                               f"says are in use ({expected:,} bytes)")
