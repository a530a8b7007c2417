"""What the routes share: the store behind the app, and the parameter types of lists and charts.

A handler asks for `StoreDep` and reads inside `with store.read() as corpus:`. The store is
opened read-only and shared by the requests running at the same time (`SharedStore`), and
closed when no request has used it for a moment, so an ingest can get in between.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request

from .. import query
from ..errors import StoreError, StoreMissingError
from .settings import DEFAULT

ActorType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP"]
Modality = Literal["asserted", "reported", "future", "possible", "negated"]
By = Literal["day", "week", "month", "year"]
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page (1-500).")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Rows to skip.")]


MAX_REMEMBERED_NAMES = 4_096


class ServingCorpus(query.Corpus):
    """A read-only `Corpus` that remembers, while it is open, which actors a name covers.

    Every `Corpus` method that takes an actor resolves the name again (`actor_ids`: three
    queries, about 8 ms), and a page calls several of them with the same names: the relation
    page resolved its two names 16 times, more than half of its 330 ms of CPU. While the
    connection is open no other process can write the store (DuckDB), so a name covers the same
    actors until it is closed, and the answers can be kept that long (`SharedStore` closes its
    connections when no request runs, and a new one starts with an empty memory).
    """

    def __init__(self, path: str) -> None:
        super().__init__(path, read_only=True)
        self._covered: dict[str, list[str]] = {}
        self._profiles: dict[str, query.ActorProfile] = {}

    def actor_ids(self, name: str) -> list[str]:
        ids = self._covered.get(name)
        if ids is None:
            ids = super().actor_ids(name)
            if len(self._covered) < MAX_REMEMBERED_NAMES:
                self._covered[name] = ids
        return list(ids)

    def actor(self, name: str) -> query.ActorProfile:
        profile = self._profiles.get(name)
        if profile is None:
            profile = super().actor(name)
            if len(self._profiles) < MAX_REMEMBERED_NAMES:
                self._profiles[name] = profile
        return profile


class SharedStore:
    """The store file the app serves, opened read-only once for all the requests that run together.

    Opening the store per request cost more than most requests' own work (the file's catalogue
    and a cold buffer pool each time, and the search index opened again), and 20 concurrent
    clients queued behind it (about 30 requests/s in an audit). Here a request borrows an open
    `Corpus` from a pool and gives it back; DuckDB keeps one database instance per file in a
    process, so the pooled connections share its catalogue and cache. A DuckDB connection is not
    for two threads at once, so each request has a `Corpus` of its own while it runs.

    DuckDB lets no other process write the file while any connection is open, so the pool closes
    every connection as soon as no request runs while a writer waits (an ingest that found the file
    held marks itself waiting and retries its open: `store.connection.writer_waiting`), and after
    `idle_seconds` without a request otherwise. Between requests the connections stay open: a lone
    client's request would otherwise pay the store's open (about 30 ms) and a cold buffer pool every
    time. Whether a writer waits is checked every `poll_seconds` while the pool is idle. The file is checked on
    every request: removed (or unreadable) it is a `StoreMissingError` (the app answers 503), and
    a file replaced under the same name is opened afresh.
    """

    def __init__(self, path: str, idle_seconds: float = DEFAULT.store_idle_seconds,
                 poll_seconds: float = DEFAULT.writer_poll_seconds) -> None:
        self.path = path
        self.idle_seconds = idle_seconds
        self.poll_seconds = poll_seconds
        self._last_use = 0.0
        self._lock = threading.Lock()
        self._idle: list[ServingCorpus] = []
        self._busy = 0
        self._identity: tuple[int, int] | None = None
        self._timer: threading.Timer | None = None

    @contextmanager
    def read(self) -> Iterator[ServingCorpus]:
        """A read-only `Corpus` of the store for this block, given back to the pool when the block ends."""
        corpus, identity = self._borrow()
        try:
            yield corpus
        finally:
            self._give_back(corpus, identity)

    def close(self) -> None:
        """Close the idle connections now (the app's shutdown; busy ones close when given back)."""
        with self._lock:
            self._cancel_timer()
            self._identity = None
            self._close_idle()

    def version(self) -> tuple[int, ...]:
        """What changes when the store does: the file's device, inode, size and modification time, and its
        write-ahead log's (an ingest writes through it). `StoreMissingError` when the file is gone."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise StoreMissingError(self.path, "the store was removed while the server was running") from None
        except OSError as exc:
            raise StoreError(self.path, f"the store cannot be read ({exc.strerror})") from None
        try:
            wal = os.stat(self.path + ".wal")
            log = (wal.st_size, wal.st_mtime_ns)
        except OSError:
            log = (0, 0)
        return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, *log

    def _file_identity(self) -> tuple[int, int]:
        dev, ino = self.version()[:2]
        return dev, ino

    def _borrow(self) -> tuple[ServingCorpus, tuple[int, int]]:
        identity = self._file_identity()
        with self._lock:
            self._cancel_timer()
            if identity != self._identity:  # first request, or another file under the same name
                self._close_idle()
                self._identity = identity
            corpus = self._idle.pop() if self._idle else None
            self._busy += 1
        if corpus is None:
            try:
                corpus = ServingCorpus(self.path)
            except BaseException:
                self._give_back(None, identity)
                raise
        return corpus, identity

    def _give_back(self, corpus: ServingCorpus | None, identity: tuple[int, int]) -> None:
        with self._lock:
            self._busy -= 1
            if corpus is not None:
                if identity == self._identity:
                    self._idle.append(corpus)
                else:
                    corpus.close()
            if self._busy == 0:
                self._last_use = time.monotonic()
                self._close_or_watch()

    def _close_or_watch(self) -> None:
        """No request runs: close the pool if a writer waits or it has been idle long enough, else look
        again in `poll_seconds` (the caller holds the lock)."""
        self._cancel_timer()
        idle_for = time.monotonic() - self._last_use
        if not self._idle or idle_for >= self.idle_seconds or query.writer_waiting(self.path):
            self._close_idle()
            return
        self._timer = threading.Timer(min(self.poll_seconds, self.idle_seconds - idle_for), self._watch)
        self._timer.daemon = True
        self._timer.start()

    def _watch(self) -> None:
        with self._lock:
            if self._busy == 0:
                self._close_or_watch()

    def _close_idle(self) -> None:
        """Close the pooled connections (the caller holds the lock)."""
        idle, self._idle = self._idle, []
        for corpus in idle:
            corpus.close()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


async def app_store(request: Request) -> SharedStore:
    """The app's store (`app.state.store`, set by `create_app`)."""
    store: SharedStore = request.app.state.store
    return store


StoreDep = Annotated[SharedStore, Depends(app_store)]


def paged(result: query.Result[Any], limit: int, offset: int) -> dict[str, Any]:
    """Items of a result fetched with limit + 1, so the last page knows it is the last."""
    rows = result.to_list()
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}
