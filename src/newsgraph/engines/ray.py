"""A Ray cluster: the same extraction as `newsgraph extract`, as a Ray Data pipeline writing Parquet shards.

    read  ->  link copies  ->  map_batches(Analyzer, ActorPoolStrategy)  ->  DIR/<table>/<shard>.parquet

* **Read.** Local paths (files, folders, .gz, WARC, stdin) are read on the driver with
  newsgraph's own readers, and syndicated copies are linked there in input order, exactly as
  `extract` does; the cleaned articles become a dataset with `ray.data.from_items`. Bucket
  paths (`s3://`, `gs://`, `abfss://`, ...) are read on the cluster by Ray's own
  `ray.data.read_binary_files` and parsed by the same readers; copies are then linked by one
  stateful actor that sees the stream in order.
* **Analyze.** `map_batches` with a callable class: each actor loads the spaCy pipeline once
  (`__init__`) and runs `pipeline.analyze` over batches of `shard_size` articles
  (`compute=ray.data.ActorPoolStrategy(...)`; Ray 2.60 deprecates `concurrency=`).
* **Write.** Each batch becomes one shard (engines/shard_writer.py, as the local engine writes
  them): the rows the store would hold, one Parquet file per table (store/parquet.py). The driver collects the shard row counts into `DIR/manifest.json`.
  `newsgraph load DIR` then bulk-loads the shards into DuckDB.

Ray is the optional extra `newsgraph[ray]`; without it `run` raises `RayNotInstalledError`,
which says how to install it.
"""
from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import nlp
from ..errors import InputError, RayNotInstalledError
from ..ingest import given_date_warning
from ..model import Article
from ..pipeline import analyze
from ..readers import ReadStats, logical_name, read, read_stream, warc
from ..readers.copies import DEFAULT_THRESHOLD, CopyLinker, LinkResult
from ..store import parquet
from ..summary import RunSummary, RunTally
from .shard_writer import write_shard

DEFAULT_SHARD_SIZE = 500  # articles per map_batches call and per shard: a few minutes of spaCy on one core
DRIVER_WINDOW = 20_000  # local input goes to the cluster this many articles at a time (bounded driver memory)


def is_bucket(path: str) -> bool:
    """A URI that Ray's readers open (s3://, gs://, ...) rather than a local path."""
    return "://" in path and not path.startswith("file://")


def _import_ray():  # type: ignore[no-untyped-def]
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise RayNotInstalledError() from None
    return ray


# ---------------------------------------------------------------- records that travel through Ray
# One JSON string per article: its cleaned fields (Article.to_dict), its MinHash signature and
# band keys, so shards carry what the store keeps for finding copies later, and its position in
# the input (`seq`), so shards are named, and loaded, in input order (shard_writer.shard_name).


def _record(article: Article, minhash: tuple[bytes, Sequence[int]] | None, seq: int = 0) -> str:
    return json.dumps({"article": article.to_dict(), "seq": seq,
                       "minhash": [minhash[0].hex(), list(minhash[1])] if minhash else None}, ensure_ascii=False)


def _unrecord(record: str) -> tuple[Article, tuple[bytes, list[int]] | None, int]:
    d = json.loads(record)
    mh = d.get("minhash")
    return (Article.from_dict(d["article"]), ((bytes.fromhex(mh[0]), [int(k) for k in mh[1]]) if mh else None),
            int(d.get("seq", 0)))


def _linked_records(result: LinkResult, start: int) -> list[str]:
    """The kept articles as records, numbered in input order from `start`."""
    return [_record(a, result.minhashes.get(a.id), start + i) for i, a in enumerate(result.kept)]


def _column(batch: Any, name: str) -> list[Any]:
    values = batch[name]
    return values.to_pylist() if hasattr(values, "to_pylist") else list(values)


# ---------------------------------------------------------------- stages


class Analyzer:
    """map_batches stage: loads the model once per actor; each batch of records becomes one shard."""

    def __init__(self, out: str, batch_size: int = 64) -> None:
        nlp.load()
        self.out, self.batch_size = out, batch_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        records = _column(batch, "record")
        out: dict[str, list[Any]] = {"shard": [], "counts": [], "error": [], "note": []}
        for e, n in zip(_column(batch, "error"), _column(batch, "note"), strict=True):
            if e or n:  # input errors and linker counts pass through to the driver
                out["shard"].append("")
                out["counts"].append("")
                out["error"].append(e)
                out["note"].append(n)
        triples = sorted((_unrecord(r) for r in records if r), key=lambda t: t[2])  # input order
        if triples:
            articles = list(analyze([a for a, _, _ in triples], batch_size=self.batch_size))
            minhashes = {a.id: mh for a, mh, _ in triples if mh is not None}
            shard, counts = write_shard(self.out, articles, minhashes, first=triples[0][2])
            out["shard"].append(shard)
            out["counts"].append(json.dumps(counts))
            out["error"].append("")
            out["note"].append("")
        return out


class Linker:
    """map_batches stage with one actor: links syndicated copies over the whole stream (bucket input)."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.linker = CopyLinker(threshold)
        self.position = 0  # articles kept so far: the input position of the next one

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        records, errors = _column(batch, "record"), _column(batch, "error")
        result = self.linker.link([_unrecord(r)[0] for r in records if r])
        kept = _linked_records(result, self.position)
        self.position += len(kept)
        errs = [e for e in errors if e]
        note = json.dumps({"duplicates": result.duplicates, "copies": result.copies,
                           "warnings": [str(w) for w in result.warnings]})
        return {"record": kept + [""] * (len(errs) + 1), "error": [""] * len(kept) + errs + [""],
                "note": [""] * (len(kept) + len(errs)) + [note]}


def parse_files(batch: dict[str, Any], *, date: str | None = None) -> dict[str, list[Any]]:
    """map_batches stage (tasks): bytes of bucket files -> cleaned article records or error lines.

    The bytes go through newsgraph's own readers, as a local file of that name would.
    """
    out: dict[str, list[Any]] = {"record": [], "error": [], "note": []}
    stats = ReadStats()
    for data, path in zip(_column(batch, "bytes"), _column(batch, "path"), strict=True):
        name = path.rsplit("/", 1)[-1]
        try:
            if warc.is_warc(name):  # the WARC reader seeks in a file
                with tempfile.NamedTemporaryFile(suffix="-" + name) as tmp:
                    tmp.write(data)
                    tmp.flush()
                    items = list(warc.read_warc(Path(tmp.name), stats=stats, default_date=date))
            else:
                if name.endswith(".gz"):
                    data = gzip.decompress(data)
                items = list(read_stream(io.BytesIO(data), logical_name(Path(name)), path, date, stats))
        except (OSError, EOFError) as exc:
            items = [InputError(path, f"cannot read ({exc.__class__.__name__}: {exc})")]
        for item in items:
            out["record"].append("" if isinstance(item, InputError) else _record(item, None))
            out["error"].append(str(item) if isinstance(item, InputError) else "")
            out["note"].append("")
    return out


# ---------------------------------------------------------------- the driver


def _local_windows(paths: Sequence[str], *, date: str | None, batch_size: int, copy_threshold: float,
                   summary: RunTally, on_error: Callable[[str], None], limit: int | None,
                   stats: Any, on_warning: Callable[[str], None] = lambda w: None) -> Iterator[list[str]]:
    """Read and link local input on the driver (as `extract` does), DRIVER_WINDOW records at a time."""
    linker = CopyLinker(copy_threshold)
    window: list[str] = []
    position = 0  # input position of the next kept article
    for batch in summary.batches(read(paths, date=date, stats=stats), batch_size, lambda e: on_error(str(e)), limit):
        result = linker.link(batch)
        summary.take(result.duplicates, result.copies, [str(w) for w in result.warnings], on_warning)
        window.extend(_linked_records(result, position))
        position += len(result.kept)
        if len(window) >= DRIVER_WINDOW:
            yield window
            window = []
    if window:
        yield window


def _cluster_cpus(ray: Any) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _start(ray: Any, address: str | None) -> None:
    """Connect to the cluster at `address` (else `RAY_ADDRESS`, else a local Ray), unless connected; quiet logs."""
    if not ray.is_initialized():
        # Ray's own INFO lines (cluster start, executor plans) would bury newsgraph's summary
        if address is None and not os.environ.get("RAY_ADDRESS"):
            ray.init(include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    # progress bars on a terminal; no periodic progress lines in a log file or a pipe
    ray.data.DataContext.get_current().enable_progress_bars = sys.stderr.isatty()


def run(paths: Sequence[str], out: str, *, address: str | None = None, date: str | None = None,
        shard_size: int = DEFAULT_SHARD_SIZE, batch_size: int = 64, actors: int | None = None,
        copy_threshold: float = DEFAULT_THRESHOLD, limit: int | None = None,
        on_error: Callable[[str], None] = lambda e: None, stats: Any = None,
        on_warning: Callable[[str], None] = lambda w: None) -> RunSummary:
    """Extract every article under `paths` on Ray and write Parquet shards under `out`.

    Input errors go to `on_error`; an article kept under a new id or beside another text of its
    URL (readers/copies.py) to `on_warning`, one line each.

    Connects to the cluster at `address` (or `RAY_ADDRESS`, as under `ray job submit`; else a
    local one), unless Ray is already initialized. `actors` caps the analyzer pool (default:
    the cluster's CPUs); each actor takes one CPU and loads the model once.

    Longer than 60 lines on purpose: the local windows, the bucket pipeline and the manifest share
    one tally and one Ray Data ordering setting that must be restored, and read best in order.
    """
    ray = _import_ray()
    stats = stats if stats is not None else ReadStats()
    summary = RunTally()
    given = given_date_warning(date)
    if given is not None:
        summary.warn(str(given), on_warning)
    _start(ray, address)
    out = out if is_bucket(out) else os.path.abspath(out)
    pool = ray.data.ActorPoolStrategy(min_size=1, max_size=actors or _cluster_cpus(ray))
    buckets = [p for p in paths if is_bucket(p)]
    local = [p for p in paths if not is_bucket(p)]

    def analyze(ds: Any) -> None:
        rows = ds.map_batches(Analyzer, fn_constructor_kwargs={"out": out, "batch_size": batch_size},
                              batch_size=shard_size, compute=pool, num_cpus=1).take_all()
        for row in rows:
            if row["shard"]:
                counts = json.loads(row["counts"])
                summary.shards[row["shard"]] = counts
                summary.stored += counts.get("articles", 0)
            elif row["note"]:
                note = json.loads(row["note"])
                summary.take(note["duplicates"], note["copies"], note.get("warnings", []), on_warning)
            elif row["error"]:
                summary.fail(row["error"], on_error)

    if local:
        for window in _local_windows(local, date=date, batch_size=batch_size, copy_threshold=copy_threshold,
                                     summary=summary, on_error=on_error, limit=limit, stats=stats,
                                     on_warning=on_warning):
            analyze(ray.data.from_items([{"record": r, "error": "", "note": ""} for r in window]))
    if buckets:
        ctx = ray.data.DataContext.get_current()
        preserve = ctx.execution_options.preserve_order
        ctx.execution_options.preserve_order = True  # copies link to the first-seen article, in path order
        try:
            # Reading, parsing and linking ask for no CPU of their own: the analyzer actors hold the
            # cluster's CPUs, and a read task waiting for a CPU they hold would stall the pipeline.
            ds = ray.data.read_binary_files(buckets, include_paths=True, num_cpus=0)
            ds = ds.map_batches(parse_files, fn_kwargs={"date": date}, batch_size=16, num_cpus=0)
            ds = ds.map_batches(Linker, fn_constructor_kwargs={"threshold": copy_threshold}, batch_size=batch_size,
                                compute=ray.data.ActorPoolStrategy(size=1), num_cpus=0)
            before = summary.stored + summary.skipped
            analyze(ds)
            summary.read += summary.stored + summary.skipped - before
        finally:
            ctx.execution_options.preserve_order = preserve
    parquet.write_manifest(out, summary.shards, errors=[str(e) for e in summary.errors])
    summary.undated = stats.undated
    return summary.summary("shards")
