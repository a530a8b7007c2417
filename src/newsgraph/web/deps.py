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


class Generation:
    """What every request of one store generation may share: the reads that do not depend on a question.

    A generation lasts while the pool holds the store open without a break: DuckDB lets no process
    write the file while a connection to it is open (in this process or another), so until the pool
    has closed all of them, a name covers the same actors, an actor has the same profile, a table the
    same columns, and the store the same counts and busiest actors. The pool starts a new generation
    whenever it closes its connections (`SharedStore._close_idle`), which is the only way an ingest,
    a merge or a split gets in. Kept per generation rather than per connection: under 20 clients the
    pool holds up to 20 connections, and each one resolved every name, read the tables' columns and
    counted the store again.
    """

    def __init__(self) -> None:
        self.ids_of: dict[str, tuple[str, ...]] = {}
        self.profiles: dict[str, query.ActorProfile] = {}
        self.columns: dict[str, frozenset[str]] = {}
        self.stats: dict[str, Any] | None = None
        self.top: dict[int, list[query.ActorSummary]] = {}


class ServingCorpus(query.Corpus):
    """A read-only `Corpus` whose name lookups, actor profiles, table columns, counts and busiest actors are
    shared by every connection of the pool's `generation` (see `Generation`).

    A page calls several `Corpus` methods with the same names, and every one resolves the name
    (`actor_ids`: three queries, about 8 ms): the relation page resolved its two names 16 times,
    more than half of its 330 ms of CPU. `Corpus` keeps them while it is open; here the memory is
    the generation's, so a connection the pool opens for the 20th concurrent client starts with
    what the others found.
    """

    def __init__(self, path: str, generation: Generation | None = None) -> None:
        super().__init__(path, read_only=True)
        self.generation = generation or Generation()
        self._ids_of = self.generation.ids_of
        self._profiles = self.generation.profiles
        self._columns = self.generation.columns

    def stats(self) -> dict[str, Any]:
        if self.generation.stats is None:
            self.generation.stats = super().stats()
        return dict(self.generation.stats)

    def top_actors(self, n: int) -> list[query.ActorSummary]:
        """The `n` most mentioned actors (the home page's), as `actors(top=n)` lists them."""
        top = self.generation.top.get(n)
        if top is None:
            top = self.generation.top[n] = self.actors(top=n).to_list()
        return list(top)


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
        self._wake = threading.Condition(self._lock)
        self._idle: list[ServingCorpus] = []
        self._busy = 0
        self._identity: tuple[int, int] | None = None
        self._generation = Generation()
        self._watching = False

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
            if identity != self._identity:  # first request, or another file under the same name
                self._close_idle()
                self._identity = identity
            corpus = self._idle.pop() if self._idle else None
            generation = self._generation
            self._busy += 1
        if corpus is None:
            try:
                corpus = ServingCorpus(self.path, generation)
            except BaseException:
                self._give_back(None, identity)
                raise
        return corpus, identity

    def _give_back(self, corpus: ServingCorpus | None, identity: tuple[int, int]) -> None:
        with self._lock:
            self._busy -= 1
            if corpus is not None:
                if identity == self._identity and corpus.generation is self._generation:
                    self._idle.append(corpus)
                else:
                    corpus.close()
            if self._busy == 0:
                self._last_use = time.monotonic()
                if not self._idle or query.writer_waiting(self.path):
                    self._close_idle()
                else:
                    self._watch_idle()

    def _watch_idle(self) -> None:
        """Wake the thread that watches the idle pool, or start one (the caller holds the lock)."""
        if self._watching:
            self._wake.notify()
            return
        self._watching = True
        threading.Thread(target=self._watch, name="newsgraph-store-pool", daemon=True).start()

    def _watch(self) -> None:
        """While the pool holds connections: once no request runs, close them when a writer waits or after
        `idle_seconds`, looking every `poll_seconds`; while requests run, sleep until the last one ends.

        One thread for as long as the pool holds connections (a timer thread per idle moment cost a
        thread's start per request of a lone client, and ten a second while idle)."""
        with self._wake:
            try:
                while self._idle:
                    if self._busy:
                        self._wake.wait()
                        continue
                    idle_for = time.monotonic() - self._last_use
                    if idle_for >= self.idle_seconds or query.writer_waiting(self.path):
                        self._close_idle()
                    else:
                        self._wake.wait(min(self.poll_seconds, self.idle_seconds - idle_for))
            finally:
                self._watching = False

    def _close_idle(self) -> None:
        """Close the pooled connections and start a new `Generation` (the caller holds the lock): from now on
        a writer may get in, so nothing read so far is shared with connections opened later."""
        idle, self._idle = self._idle, []
        self._generation = Generation()
        for corpus in idle:
            corpus.close()
        self._wake.notify()


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
