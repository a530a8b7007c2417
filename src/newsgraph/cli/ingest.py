"""Commands that bring articles in and take stores out: extract, ingest, load, export, reindex.

Thin faces over `ingest` (read, link copies, analyze, store), `shards` (Parquet shards from
either engine), `store.parquet` (bulk load), `export` and `search` (the full-text index).
"""
from __future__ import annotations

import json
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import pyarrow as pa
import pyarrow.csv as pa_csv
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .. import export as exporter
from .. import search
from ..engines.local import default_workers
from ..errors import InputError, NewsgraphError
from ..ingest import extract as extract_articles
from ..ingest import ingest as ingest_articles
from ..ingest import load as load_shards
from ..query import Corpus
from ..readers import ReadStats
from ..shards import write_shards
from ..store import opened
from ..store.lists import store_state
from ..summary import RunTally
from .corpus import open_read
from .options import DEFAULT_DB, CopyThresholdOption, DateOption, DbOption, LimitOption, checked_date
from .output import Format, err, fail, out, reader_warnings, report, report_run, report_warning, say, warn
from .progress import IngestProgress, measure

PathsArgument = Annotated[list[str], typer.Argument(help="Files, folders, .gz, or - for stdin.")]


class Engine(StrEnum):
    """Where `extract --out` runs: this machine, or a Ray Data pipeline."""

    local = "local"
    ray = "ray"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    graphml = "graphml"
    csv = "csv"


#: tables `export --format csv` leaves out: binary MinHash signatures and their band keys (copy detection only)
CSV_SKIPPED_TABLES = ("article_minhash", "minhash_bands")


def extract(paths: PathsArgument,
            format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
            date: DateOption = None, limit: LimitOption = None, copy_threshold: CopyThresholdOption = 0.8,
            engine: Annotated[Optional[Engine], typer.Option("--engine", help="local: this machine; ray: a Ray Data pipeline (needs --out).")] = None,
            address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster address (default: RAY_ADDRESS, else a local Ray).")] = None,
            out_dir: Annotated[Optional[str], typer.Option("--out", help="Write Parquet shards of the store's tables to this folder (or bucket URI) instead of printing.")] = None) -> None:
    """Print one JSON object per article (the JSON contract) without touching a store; or write Parquet shards (--out)."""
    if engine is Engine.ray or out_dir is not None or address is not None:
        _extract_shards(paths, engine or Engine.local, address, out_dir, checked_date(date), limit, copy_threshold)
        return

    stats = ReadStats()
    summary = RunTally()
    try:
        for article in extract_articles(paths, date=checked_date(date), on_error=report, stats=stats, limit=limit, copy_threshold=copy_threshold, summary=summary, on_warning=report_warning):
            d = article.to_dict()
            if format is Format.jsonl:
                sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
            else:
                out.print(f"{d['id']}  {d['date']}  {d['source']}  actors={len(d['actors'])} mentions={len(d['mentions'])} "
                          f"quotes={len(d['quotes'])} events={len(d['events'])}", markup=False)
        sys.stdout.flush()
    except NewsgraphError as exc:
        fail(exc)
    reader_warnings(stats)
    if summary.skipped or summary.copies:
        warn(summary.summary("extract").line())
    if summary.failed:
        raise typer.Exit(1)


def _extract_shards(paths: list[str], engine: Engine, address: str | None, out_dir: str | None, date: str | None,
                    limit: int | None, copy_threshold: float) -> None:
    """`extract --out DIR [--engine ray]`: Parquet shards instead of JSON on stdout."""
    if out_dir is None:
        fail(ValueError(f"--engine {engine.value} writes Parquet shards, not JSON: pass --out DIR "
                        f"(then `newsgraph load DIR --db FILE`)"))
    if address is not None and engine is not Engine.ray:
        fail(ValueError("--address names a Ray cluster; pass --engine ray with it"))
    started = time.monotonic()
    stats = ReadStats()
    errors: list[str] = []

    def on_error(e: InputError | str) -> None:
        errors.append(str(e))
        report(e)

    try:
        summary = write_shards(paths, out_dir, engine=engine.value, address=address, date=date, limit=limit, copy_threshold=copy_threshold, on_error=on_error, stats=stats, on_warning=report_warning)
    except NewsgraphError as exc:
        fail(exc)
    reader_warnings(stats)
    say(f"{summary.line()} in {time.monotonic() - started:.1f}s -> {out_dir} (load with `newsgraph load {out_dir}`)")
    if errors:
        raise typer.Exit(1)


def ingest(paths: PathsArgument, db: DbOption = DEFAULT_DB, date: DateOption = None,
           batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch and per transaction.")] = 64,
           limit: LimitOption = None, copy_threshold: CopyThresholdOption = 0.8,
           workers: Annotated[Optional[int], typer.Option("--workers", min=1,
                              help="Extraction processes (default: the number of cores).")] = None) -> None:
    """Extract and store articles; re-ingesting an article already stored is a no-op."""
    stats = ReadStats()
    with IngestProgress(measure(paths, limit), stats, err) as progress:
        def on_error(e: InputError) -> None:
            progress.progress.console.print(f"error: {e}", markup=False, highlight=False)

        def on_warning(w: InputError) -> None:
            progress.progress.console.print(f"warning: {w}", markup=False, highlight=False)

        try:
            summary = ingest_articles(paths, db, date=checked_date(date), batch_size=batch_size, on_error=on_error, on_batch=progress.batch, stats=stats, limit=limit, copy_threshold=copy_threshold, workers=workers or default_workers(), on_warning=on_warning)
        except NewsgraphError as exc:
            fail(exc)
    report_run(summary, db, stats=stats)


def load(directory: Annotated[str, typer.Argument(help="Folder of Parquet shards (from `extract --out` or `export --format parquet`).")],
         db: DbOption = DEFAULT_DB) -> None:
    """Bulk-load Parquet shards into the store; loading a shard twice changes nothing."""
    try:
        summary = load_shards(db, directory, on_error=report)
    except (NewsgraphError, FileNotFoundError) as exc:
        fail(exc)
    report_run(summary, db)


def export(out_path: Annotated[str, typer.Option("--out", help="Output file (jsonl: - for stdout; graphml) or folder (parquet).")],
           format: Annotated[ExportFormat, typer.Option("--format", help="jsonl, parquet, csv (a folder of one CSV per table) or graphml.")] = ExportFormat.jsonl,
           db: DbOption = DEFAULT_DB,
           since: Annotated[Optional[str], typer.Option("--since", help="Only articles dated on or after YYYY-MM-DD.")] = None,
           until: Annotated[Optional[str], typer.Option("--until", help="Only articles dated on or before YYYY-MM-DD.")] = None,
           actor: Annotated[Optional[str], typer.Option("--actor", help="Only articles that mention this actor (any alias).")] = None) -> None:
    """Export the store (or a selection): JSON Lines sorted by id, Parquet tables, CSV tables, or a GraphML actor graph."""
    since, until = checked_date(since), checked_date(until)
    with open_read(db) as corpus:
        try:
            if format is ExportFormat.jsonl:
                n = exporter.export_jsonl(corpus, out_path, since=since, until=until, actor=actor)
                line = f"{n} article(s)"
            elif format is ExportFormat.parquet:
                counts = exporter.export_parquet(corpus, out_path, since=since, until=until, actor=actor)
                line = ", ".join(f"{v} {k}" for k, v in counts.items())
            elif format is ExportFormat.csv:
                counts = _export_csv(corpus, out_path, since, until, actor)
                line = ", ".join(f"{v} {k}" for k, v in counts.items())
            else:
                nodes, edges = exporter.export_graphml(corpus, out_path, since=since, until=until, actor=actor)
                line = f"{nodes} actor(s), {edges} edge(s)"
        except (NewsgraphError, OSError) as exc:
            fail(exc)
    warn(f"exported {line} -> {out_path}")


def _export_csv(corpus: Corpus, out_dir: str, since: str | None, until: str | None, actor: str | None) -> dict[str, int]:
    """One CSV per store table of the selection (`Corpus.tables`), with a header; rows per table."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name, table in corpus.tables(since, until, actor).items():
        if name in CSV_SKIPPED_TABLES:
            continue
        pa_csv.write_csv(_flat(table), str(folder / f"{name}.csv"))
        counts[name] = table.num_rows
    return counts


def _flat(table: pa.Table) -> pa.Table:
    """A table CSV can hold: list, struct and map columns as JSON text, binary columns as hex."""
    for i, column in enumerate(table.schema):
        if pa.types.is_nested(column.type):
            text = [None if v is None else json.dumps(v, ensure_ascii=False, default=str) for v in table.column(i).to_pylist()]
        elif pa.types.is_binary(column.type) or pa.types.is_large_binary(column.type):
            text = [None if v is None else v.hex() for v in table.column(i).to_pylist()]
        else:
            continue
        table = table.set_column(i, column.name, pa.array(text, pa.string()))
    return table


def reindex(db: DbOption = DEFAULT_DB) -> None:
    """Rebuild the full-text search index beside the store (`<db>.search/`) from what the store holds."""
    started = time.monotonic()
    try:
        with opened(db, read_only=False) as con:
            with Progress(TextColumn("reindex"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                          TimeRemainingColumn(), console=err, transient=True) as progress:
                task = progress.add_task("reindex", total=store_state(con)[0])
                n = search.rebuild(con, on_chunk=lambda k: progress.advance(task, k))
    except (NewsgraphError, FileNotFoundError, ValueError) as exc:
        fail(exc)
    say(f"indexed {n} article(s) with their quotes, events and actors in {time.monotonic() - started:.1f}s "
        f"-> {search.index_path(db)}")
