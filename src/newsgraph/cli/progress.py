"""The ingest progress bar: a total and an ETA whenever the input's size is known, and what it is doing.

Before the first batch is stored the bar says it is loading the spaCy model (the first seconds
of a run, when nothing else moves). The size of the input is measured before reading:

* files of one article each (text, HTML, news-please JSON): one record per file;
* JSON Lines: one record per line that starts an object (gzip included, up to `SCAN_BUDGET_BYTES`);
* WARC archives: their bytes, and the bar follows how far the reader is into each file (on
  Linux, the file position of the reader's descriptor, `/proc/self/fdinfo`); records of a WARC
  cannot be counted without reading it all.

The bar stands at the share of the input already stored (the reader runs ahead of the spaCy
pass; see `IngestProgress._completed`), so its ETA is that of the whole run. A mix of WARCs and
other files, stdin, or inputs too large to scan get no total: the bar then counts articles
without an ETA rather than guess one. Records are what the readers count (`ReadStats.records`);
`--limit N` caps the total at N.
"""
from __future__ import annotations

import gzip
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..readers import ReadStats, logical_name

SCAN_BUDGET_BYTES = 512 * 1024 * 1024  # read at most this much to count JSON lines before starting
POLL_SECONDS = 0.5
ARTICLE_SUFFIXES = {".txt", ".text", "", ".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
LOADING = "loading the spaCy model"
WORKING = "ingest"


def _is_warc(path: Path) -> bool:
    return path.name.endswith((".warc", ".warc.gz"))


def _files(paths: Iterable[str]) -> Iterator[Path | None]:
    """Every input file (None for stdin or a path that cannot be walked)."""
    for given in paths:
        root = Path(given)
        if given == "-" or not root.exists():
            yield None
        elif root.is_dir():
            for folder, _, names in os.walk(root):
                yield from sorted(Path(folder, n) for n in names if not n.startswith("."))
        else:
            yield root


def _json_records(path: Path) -> int:
    """Lines that start a JSON object at column 0: one per JSON Lines record, one for a pretty-printed object."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as stream:
        return sum(1 for line in stream if line.startswith(b"{")) or 1


@dataclass
class InputSize:
    """What the bar counts (`records` or `bytes`) and the total, or None when it cannot be known."""

    unit: str = "records"
    total: int | None = None
    warcs: list[Path] = field(default_factory=list)


def measure(paths: Iterable[str], limit: int | None = None) -> InputSize:
    """The size of the input, as cheaply as it can be known (see the module docstring)."""
    files = list(_files(paths))
    if not files or any(f is None for f in files):
        return InputSize()
    known = [f for f in files if f is not None]
    warcs = [f for f in known if _is_warc(f)]
    if warcs:
        if len(warcs) < len(known):
            return InputSize()
        return InputSize("bytes", sum(f.stat().st_size for f in warcs), warcs)
    records, scanned = 0, 0
    for f in known:
        suffix = Path(logical_name(f)).suffix.lower()
        if suffix in JSON_SUFFIXES:
            scanned += f.stat().st_size
            if scanned > SCAN_BUDGET_BYTES:
                return InputSize()
            records += _json_records(f)
        elif suffix in ARTICLE_SUFFIXES:
            records += 1
    return InputSize("records", min(records, limit) if limit is not None else records)


class WarcPositions:
    """Bytes read so far of a list of WARC files: a finished file counts whole, the open one up to the
    position of the reader's descriptor (Linux `/proc/self/fdinfo`; elsewhere only finished files count)."""

    def __init__(self, warcs: list[Path]) -> None:
        self._by_target = {str(p.resolve()): p for p in warcs}
        self._sizes = {p: p.stat().st_size for p in warcs}
        self._seen: set[Path] = set()
        self._finished: set[Path] = set()

    def _open_positions(self) -> dict[Path, int]:
        found: dict[Path, int] = {}
        try:
            fds = os.listdir("/proc/self/fd")
        except OSError:
            return found
        for fd in fds:
            try:
                path = self._by_target.get(os.readlink(f"/proc/self/fd/{fd}"))
                if path is not None:
                    with open(f"/proc/self/fdinfo/{fd}") as info:
                        found[path] = next((int(line.split()[1]) for line in info if line.startswith("pos:")), 0)
            except (OSError, ValueError, IndexError):
                continue
        return found

    def bytes_read(self) -> int:
        now = self._open_positions()
        self._finished |= self._seen - set(now)  # open before, closed now: read to the end
        self._seen |= set(now)
        return sum(self._sizes[p] for p in self._finished) + sum(
            min(pos, self._sizes[p]) for p, pos in now.items() if p not in self._finished)


class IngestProgress:
    """The bar of one ingest, updated by a poller thread and after every stored batch (`batch`)."""

    def __init__(self, size: InputSize, stats: ReadStats, console: Console) -> None:
        self.size, self.stats = size, stats
        self.started = time.monotonic()
        self.articles = 0
        self._warcs = WarcPositions(size.warcs)
        self._stop = threading.Event()
        amount: ProgressColumn = DownloadColumn() if size.unit == "bytes" else MofNCompleteColumn()
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), amount,
                                 TextColumn("{task.fields[articles]} articles ({task.fields[rate]:.1f}/s)"),
                                 TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                                 console=console, transient=True)
        self.task: TaskID = self.progress.add_task(LOADING, total=size.total, articles=0, rate=0.0)
        self._poller = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> IngestProgress:
        self.progress.__enter__()
        self._poller.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        self._poller.join(2)
        self.progress.__exit__(kind, exc, tb)

    def _completed(self) -> float:
        """How much of the total is done: the share of the input's articles already stored.

        The reader runs ahead of the spaCy pass, so what it has read is not what is done. The
        articles the input holds are estimated from what was read so far (records that were not
        skipped, over the share of records or bytes read), and the bar stands at the stored share
        of that estimate; once the input is read to its end, the estimate is exact."""
        total = self.size.total
        if not total:
            return float(self.articles)
        read = self._warcs.bytes_read() if self.size.unit == "bytes" else self.stats.records
        articles_read = self.stats.records - sum(self.stats.skipped.values())
        if read <= 0 or articles_read <= 0:
            return 0.0
        expected_articles = articles_read / min(1.0, read / total)
        return total * min(1.0, self.articles / expected_articles)

    def refresh(self) -> None:
        seconds = max(time.monotonic() - self.started, 1e-9)
        self.progress.update(self.task, completed=self._completed(), articles=self.articles, rate=self.articles / seconds)

    def batch(self, n: int) -> None:
        """`n` more articles were read and stored: the model is loaded, the run is under way."""
        self.articles += n
        self.progress.update(self.task, description=WORKING)
        self.refresh()

    def _poll(self) -> None:
        while not self._stop.wait(POLL_SECONDS):
            self.refresh()
