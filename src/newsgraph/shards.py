"""`newsgraph extract --out DIR`: analyze articles and write Parquet shards instead of JSON.

Two engines write the same layout (`DIR/<table>/<shard>.parquet` and `DIR/manifest.json`, see
`store.parquet`), which `newsgraph load DIR` reads into a store:

* **local**: `ingest.extract` on this machine (its process pool), a shard every 1,000 articles;
* **ray**: a Ray Data pipeline (`engines.ray`), on a cluster or a local Ray.

Input errors are reported through `on_error` and listed in the manifest; the run goes on.
Articles kept with a warning (another text under their id or URL) are reported through `on_warning`.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from .engines import ray as ray_engine
from .engines.shard_writer import ShardWriter
from .errors import InputError
from .ingest import extract as extract_articles
from .readers import ReadStats
from .readers.copies import DEFAULT_THRESHOLD
from .summary import RunSummary, RunTally

Engine = Literal["local", "ray"]


def write_shards(paths: Sequence[str], out_dir: str, *, engine: Engine = "local", address: str | None = None,
                 date: str | None = None, limit: int | None = None, copy_threshold: float = DEFAULT_THRESHOLD,
                 on_error: Callable[[InputError | str], None] = lambda e: None,
                 stats: ReadStats | None = None,
                 on_warning: Callable[[InputError | str], None] = lambda w: None) -> RunSummary:
    """Analyze every article under `paths` with `engine` and write Parquet shards under `out_dir`.

    `address` names a Ray cluster (engine "ray" only; default `RAY_ADDRESS`, else a local Ray).
    """
    if engine == "ray":
        return ray_engine.run(paths, out_dir, address=address, date=date, limit=limit, copy_threshold=copy_threshold,
                              on_error=on_error, stats=stats, on_warning=on_warning)
    return _write_local(paths, out_dir, date=date, limit=limit, copy_threshold=copy_threshold, on_error=on_error, stats=stats,
                        on_warning=on_warning)


def _write_local(paths: Sequence[str], out_dir: str, *, date: str | None, limit: int | None, copy_threshold: float,
                 on_error: Callable[[InputError | str], None], stats: ReadStats | None,
                 on_warning: Callable[[InputError | str], None]) -> RunSummary:
    """The local engine: `ingest.extract` into a `ShardWriter`; the manifest lists the input errors."""
    errors: list[str] = []

    def record(error: InputError) -> None:
        errors.append(str(error))
        on_error(error)

    summary = RunTally()
    writer = ShardWriter(out_dir)
    for article in extract_articles(paths, date=date, on_error=record, stats=stats, limit=limit, copy_threshold=copy_threshold, summary=summary, on_warning=on_warning):
        writer.add(article)
    writer.close(errors)
    summary.shards = {name: dict(counts) for name, counts in writer.shards.items()}
    summary.stored = sum(counts.get("articles", 0) for counts in writer.shards.values())
    if stats is not None:
        summary.undated = stats.undated
    return summary.summary("shards")
