"""What one run did, for every way articles travel: an ingest, an extract (to stdout or to Parquet
shards, on this machine or on Ray) and a load of shards into a store.

`RunSummary` is the one record of a run, frozen once the run ends: the articles read, stored
(written to a store or to shards), skipped and failed, the syndicated copies linked, the
warnings and errors, the shards and the seconds it took. `RunTally` is what a run counts into
while it goes (readers, the copy linker and the writers add to it); `RunTally.summary` freezes it.

    >>> tally = RunTally()
    >>> tally.read, tally.stored = 2, 2
    >>> tally.summary("ingest").line()
    'read 2, stored 2, skipped 0 (already present), failed 0'

One run kind, one wording of its line (`RunSummary.line`); the CLI adds the seconds and the
target (cli/output.py `report_run`). The wordings are the ones `newsgraph ingest`, `extract`
and `load` printed before the three summaries became one: tests/cli pins them.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from .errors import InputError, NewsgraphError
from .model import Article

RunKind = Literal["ingest", "extract", "shards", "load"]
#: an input error, a refused shard, or its line (what crosses a Ray cluster is text)
Problem = NewsgraphError | str
P = TypeVar("P", bound=Problem)


@dataclass(frozen=True)
class RunSummary:
    """What a run did: `ingest` (into a store), `extract` (JSON on stdout), `shards` (`extract --out`,
    local or Ray) or `load` (shards into a store).

    `stored` is what was written: articles added to the store (ingest, load) or written to shards.
    `skipped` is what was not: exact duplicates, or articles the store already held (load: already
    present). `failed` counts `errors`: inputs that could not be read, or shards a load refused.
    `shards` holds each shard written (its rows per table, as the manifest lists them) or loaded
    (`articles` new and `present` already stored). `kept_beside` counts the articles kept beside
    another text of their id or URL, each one among `warnings` (readers/copies.py).
    """

    kind: RunKind = "ingest"
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    undated: int = 0
    copies: int = 0  # articles linked to an earlier copy of the same syndicated story
    kept_beside: int = 0
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    shards: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def loaded(self) -> int:
        """Shards a load took in (the name `load`'s summary has always had)."""
        return len(self.shards)

    @property
    def articles(self) -> int:
        """New articles a load added: `stored` under the name `load`'s summary has always had."""
        return self.stored

    @property
    def present(self) -> int:
        """Articles of the loaded shards the store already held: `skipped`, under `load`'s name."""
        return self.skipped

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.read / max(self.seconds, 1e-9)

    def line(self) -> str:
        """The run in one line, worded for its kind (without seconds or target: the CLI adds them)."""
        warned = (f", {self.kept_beside} kept beside another text of the same id or URL (see warnings)"
                  if self.kept_beside else "")
        if self.kind == "load":
            return (f"{self.loaded} of {self.loaded + self.failed} shard(s) loaded: {self.stored} new article(s), "
                    f"{self.skipped} already present, {self.failed} shard(s) refused")
        if self.kind == "shards":
            return (f"read {self.read}, wrote {self.stored} article(s) in {len(self.shards)} shard(s), "
                    f"skipped {self.skipped} duplicate(s), {self.copies} syndicated copies linked, "
                    f"failed {self.failed}{warned}")
        if self.kind == "extract":
            return f"{self.skipped} exact duplicate(s) printed once, {self.copies} syndicated copies linked to a story"
        copies = f", {self.copies} syndicated copies linked to a story" if self.copies else ""
        return (f"read {self.read}, stored {self.stored}, skipped {self.skipped} (already present), "
                f"failed {self.failed}{copies}{warned}")


@dataclass
class RunTally:
    """The counts of a run while it goes; `summary()` freezes them into its `RunSummary`.

    The clock starts when the tally is made: a run makes its tally when it starts.
    """

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    undated: int = 0
    copies: int = 0
    kept_beside: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    shards: dict[str, dict[str, int]] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def fail(self, error: P, on_error: Callable[[P], None]) -> None:
        """One input (or shard) that failed: counted, kept and passed on; the run goes on."""
        self.failed += 1
        self.errors.append(error)
        on_error(error)

    def warn(self, warning: P, on_warning: Callable[[P], None]) -> None:
        """One warning of the run (an implausible --date, an article kept beside another text): kept and passed on."""
        self.warnings.append(warning)
        on_warning(warning)

    def take(self, duplicates: int, copies: int, warnings: Sequence[P], on_warning: Callable[[P], None]) -> None:
        """Count what the copy linker did with a batch (readers/copies.py) and pass on its warnings, one an article."""
        self.skipped += duplicates
        self.copies += copies
        self.kept_beside += len(warnings)
        for warning in warnings:
            self.warn(warning, on_warning)

    def batches(self, items: Iterable[Article | InputError], size: int, on_error: Callable[[InputError], None],
                limit: int | None = None) -> Iterator[list[Article]]:
        """A reader's articles in batches of `size`, each article counted as read and each input error as
        failed (`fail`), up to `limit` articles: how ingest, extract and the Ray driver read their input."""
        batch: list[Article] = []
        for item in items:
            if limit is not None and self.read >= limit:
                break
            if isinstance(item, InputError):
                self.fail(item, on_error)
                continue
            self.read += 1
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def summary(self, kind: RunKind) -> RunSummary:
        """The run as it stands, frozen, with the seconds since the tally was made."""
        return RunSummary(kind=kind, read=self.read, stored=self.stored, skipped=self.skipped, failed=self.failed,
                          undated=self.undated, copies=self.copies, kept_beside=self.kept_beside,
                          errors=tuple(self.errors), warnings=tuple(self.warnings),
                          shards={name: dict(counts) for name, counts in self.shards.items()},
                          seconds=time.monotonic() - self.started)
