"""The command line: a thin face over `ingest`, `pipeline` and `query` (no logic of its own)."""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import asdict
from enum import Enum
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import query
from .errors import InputError, NewsgraphError
from .engines.local import default_workers
from .readers import ReadStats

app = typer.Typer(help="newsgraph: who said what, about whom, and who did what to whom, when.",
                  no_args_is_help=True, add_completion=False)
eval_app = typer.Typer(help="Score newsgraph against public gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
DEFAULT_DB = "newsgraph.duckdb"

DbOption = Annotated[str, typer.Option("--db", envvar="NEWSGRAPH_DB", help="DuckDB store file.")]
DateOption = Annotated[Optional[str], typer.Option("--date", help="Date YYYY-MM-DD for inputs without one.")]


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"


def _report(error: InputError) -> None:
    err.print(f"error: {error}", markup=False, highlight=False)


def _undated_warning(count: int) -> None:
    if count:
        err.print(f"warning: {count} article(s) have no date line; their date is null (pass --date YYYY-MM-DD)",
                  markup=False, highlight=False)


LimitOption = Annotated[Optional[int], typer.Option("--limit", min=1, help="Stop after the first N articles (a quick look at a crawl).")]
CopyThresholdOption = Annotated[float, typer.Option(
    "--copy-threshold", min=0.05, max=1.0,
    help="Jaccard similarity (MinHash over word shingles) from which an article is a syndicated copy of another.")]


def _skipped_warning(stats: ReadStats) -> None:
    line = stats.skipped_line()
    if line:
        err.print(line, markup=False, highlight=False)


def _checked_date(value: str | None) -> str | None:
    try:
        return query.parse_date(value)
    except NewsgraphError as exc:
        raise typer.BadParameter(str(exc)) from None


def _fail(exc: Exception) -> None:
    err.print(f"error: {exc}", markup=False, highlight=False)
    raise typer.Exit(1)


@app.command()
def extract(paths: Annotated[list[str], typer.Argument(help="Files, folders, .gz, or - for stdin.")],
            format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
            date: DateOption = None, limit: LimitOption = None, copy_threshold: CopyThresholdOption = 0.8,
            engine: Annotated[Engine, typer.Option("--engine", help="local: this machine; ray: a Ray Data pipeline (needs --out).")] = None,  # type: ignore[assignment]
            address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster address (default: RAY_ADDRESS, else a local Ray).")] = None,
            out_dir: Annotated[Optional[str], typer.Option("--out", help="Write Parquet shards of the store's tables to this folder (or bucket URI) instead of printing.")] = None) -> None:
    """Print one JSON object per article (the JSON contract) without touching a store; or write Parquet shards (--out)."""
    from .ingest import IngestSummary
    from .ingest import extract as run_extract

    if engine is Engine.ray or out_dir is not None or address is not None:
        _extract_shards(paths, engine or Engine.local, address, out_dir, _checked_date(date), limit, copy_threshold)
        return

    failures = []

    def on_error(e: InputError) -> None:
        failures.append(e)
        _report(e)

    stats = ReadStats()
    summary = IngestSummary()
    try:
        for article in run_extract(paths, date=_checked_date(date), on_error=on_error, stats=stats, limit=limit,
                                   copy_threshold=copy_threshold, summary=summary):
            d = article.to_dict()
            if format is Format.jsonl:
                sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
            else:
                out.print(f"{d['id']}  {d['date']}  {d['source']}  actors={len(d['actors'])} mentions={len(d['mentions'])} "
                          f"quotes={len(d['quotes'])} events={len(d['events'])}", markup=False)
        sys.stdout.flush()
    except NewsgraphError as exc:
        _fail(exc)
    _undated_warning(stats.undated)
    _skipped_warning(stats)
    if summary.skipped or summary.copies:
        err.print(f"{summary.skipped} exact duplicate(s) printed once, {summary.copies} syndicated copies linked to a story",
                  markup=False, highlight=False)
    if failures:
        raise typer.Exit(1)


@app.command()
def ingest(paths: Annotated[list[str], typer.Argument(help="Files, folders, .gz, or - for stdin.")],
           db: DbOption = DEFAULT_DB, date: DateOption = None,
           batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch and per transaction.")] = 64,
           limit: LimitOption = None, copy_threshold: CopyThresholdOption = 0.8,
           workers: Annotated[Optional[int], typer.Option("--workers", min=1,
                              help="Extraction processes (default: the number of cores).")] = None) -> None:
    """Extract and store articles; re-ingesting an article already stored is a no-op."""
    from .ingest import ingest as run_ingest

    started = time.monotonic()
    stats = ReadStats()
    progress = Progress(TextColumn("ingest"), BarColumn(), TextColumn("{task.fields[records]} records"),
                        TextColumn("{task.fields[record_rate]:.1f} records/s"), TextColumn("{task.completed} articles"),
                        TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(), console=err,
                        transient=True)
    with progress:
        task = progress.add_task("ingest", total=None, rate=0.0, records=0, record_rate=0.0)

        def on_batch(n: int) -> None:
            progress.advance(task, n)
            done = progress.tasks[0].completed
            seconds = max(time.monotonic() - started, 1e-9)
            progress.update(task, rate=done / seconds, records=stats.records, record_rate=stats.records / seconds)

        try:
            summary = run_ingest(paths, db, date=_checked_date(date), batch_size=batch_size,
                                 on_error=lambda e: progress.console.print(f"error: {e}", markup=False, highlight=False),
                                 on_batch=on_batch, stats=stats, limit=limit, copy_threshold=copy_threshold,
                                 workers=workers or default_workers())
        except NewsgraphError as exc:
            _fail(exc)
    _undated_warning(summary.undated)
    _skipped_warning(stats)
    elapsed = time.monotonic() - started
    out.print(f"{summary.line()} in {elapsed:.1f}s ({summary.read / max(elapsed, 1e-9):.1f} articles/s) -> {db}",
              markup=False, highlight=False)
    if summary.failed:
        raise typer.Exit(1)


def _open(db: str) -> query.Corpus:
    try:
        return query.open(db)
    except (NewsgraphError, FileNotFoundError) as exc:
        _fail(exc)
        raise  # unreachable


@app.command()
def actors(db: DbOption = DEFAULT_DB,
           type: Annotated[Optional[list[str]], typer.Option("--type", help="PERSON, ORG, GPE, LOC or NORP; repeatable.")] = None,
           top: Annotated[int, typer.Option("--top", help="How many to list.")] = 20,
           format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """List actors by number of mentions."""
    with _open(db) as corpus:
        rows = list(corpus.actors(type=[t.upper() for t in type] if type else None, top=top))
    if format is Format.jsonl:
        for r in rows:
            print(json.dumps(asdict(r), ensure_ascii=False))
        return
    table = Table("name", "type", "country", "mentions", "articles", "id")
    for r in rows:
        table.add_row(r.name, r.type, r.country or "", str(r.mentions), str(r.articles), r.id)
    out.print(table)


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="Article id (from `extract`, `stats` or `actors`).")],
         db: DbOption = DEFAULT_DB,
         format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """Show one stored article with its actors and mentions, and its syndicated copies."""
    with _open(db) as corpus:
        try:
            article = corpus.article(article_id)
            copies = list(corpus.copies(article_id))
        except NewsgraphError as exc:
            _fail(exc)
    if format is Format.jsonl:
        print(json.dumps({**article.to_dict(), "copies": [asdict(c) for c in copies]}, ensure_ascii=False))
        return
    out.print(f"[bold]{article.title or article.id}[/bold]  {article.date or 'undated'}  {article.source}")
    out.print(article.text, markup=False, highlight=False)
    names = {a.id: a.name for a in article.actors}
    table = Table("actor", "type", "country", "mentions", "as written")
    for a in article.actors:
        forms = sorted({m.text for m in article.mentions if m.actor == a.id})
        table.add_row(a.name, a.type, a.country or "", str(sum(m.actor == a.id for m in article.mentions)), ", ".join(forms))
    out.print(table)
    mtable = Table("start", "end", "text", "actor", "how")
    for m in article.mentions:
        mtable.add_row(str(m.start), str(m.end), m.text, names.get(m.actor, m.actor), m.how)
    out.print(mtable)
    if copies:
        ctable = Table("copy", "date", "outlet", "url", title=f"{len(copies)} other copies of this story ({article.story})")
        for c in copies:
            ctable.add_row(c.id, c.date or "", c.outlet or "", c.url or c.source)
        out.print(ctable)


@app.command()
def stats(db: DbOption = DEFAULT_DB,
          top: Annotated[int, typer.Option("--top", help="Top actors to list.")] = 10) -> None:
    """Corpus summary: counts, date range and top actors."""
    with _open(db) as corpus:
        s = corpus.stats()
        top_actors = list(corpus.actors(top=top))
    out.print(f"store {db}: {s['articles']} articles ({s['first_date'] or '-'} .. {s['last_date'] or '-'}), "
              f"{s['actors']} actors, {s['mentions']} mentions, {s['quotes']} quotes, {s['events']} events",
              markup=False, highlight=False)
    table = Table("top actors", "type", "country", "mentions", "articles")
    for r in top_actors:
        table.add_row(r.name, r.type, r.country or "", str(r.mentions), str(r.articles))
    out.print(table)


# --- quotes, events and relations over time: thin faces over query.Corpus
SinceOption = Annotated[Optional[str], typer.Option("--since", help="From this date, YYYY-MM-DD.")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Up to this date, YYYY-MM-DD.")]
PageOption = Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many rows.")]
DistinctOption = Annotated[bool, typer.Option("--distinct-stories", help="Count a syndicated story once.")]


def _query_or_fail(run):  # type: ignore[no-untyped-def]
    try:
        return run()
    except (NewsgraphError, ValueError) as exc:
        _fail(exc)


def _print_rows(rows: list, columns: list[tuple[str, str]], format: Format) -> None:  # type: ignore[type-arg]
    if format is Format.jsonl:
        for r in rows:
            print(json.dumps(asdict(r), ensure_ascii=False))
        return
    table = Table(*[title for title, _ in columns])
    for r in rows:
        table.add_row(*["" if getattr(r, f) is None else str(getattr(r, f)) for _, f in columns])
    out.print(table)


@app.command()
def quotes(db: DbOption = DEFAULT_DB,
           speaker: Annotated[Optional[str], typer.Option("--speaker", help="Said by this actor (any alias).")] = None,
           about: Annotated[Optional[str], typer.Option("--about", help="Mentioning this actor in the content.")] = None,
           since: SinceOption = None, until: UntilOption = None, limit: PageOption = 50,
           distinct_stories: DistinctOption = False,
           format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """Who said what: quotes with speaker, cue, content, article, date and the sentence."""
    with _open(db) as corpus:
        rows = _query_or_fail(lambda: corpus.quotes(speaker, about, _checked_date(since), _checked_date(until),
                                                    limit=limit, distinct_stories=distinct_stories).to_list())
    _print_rows(rows, [("date", "date"), ("speaker", "speaker_name"), ("as written", "speaker_text"), ("cue", "cue"),
                       ("content", "text"), ("kind", "kind"), ("article", "article_id")], format)


@app.command()
def events(db: DbOption = DEFAULT_DB,
           source: Annotated[Optional[str], typer.Option("--source", help="Source actor (any alias).")] = None,
           target: Annotated[Optional[str], typer.Option("--target", help="Target actor (any alias).")] = None,
           type: Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER type, e.g. AID; repeatable.")] = None,
           modality: Annotated[Optional[list[str]], typer.Option("--modality", help="asserted, reported, future, possible or negated; repeatable.")] = None,
           since: SinceOption = None, until: UntilOption = None, limit: PageOption = 50,
           distinct_stories: DistinctOption = False,
           format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """Who did what to whom: PLOVER events with modality, date and the sentence they come from."""
    with _open(db) as corpus:
        rows = _query_or_fail(lambda: corpus.events(source, target, [t.upper() for t in type] if type else None,
                                                    modality or None, _checked_date(since), _checked_date(until),
                                                    limit=limit, distinct_stories=distinct_stories).to_list())
    _print_rows(rows, [("date", "date"), ("source", "source_name"), ("type", "type"), ("mode", "mode"),
                       ("target", "target_name"), ("modality", "modality"), ("sentence", "sentence")], format)


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@app.command()
def relation(a: Annotated[str, typer.Argument(help="First actor (any alias).")],
             b: Annotated[str, typer.Argument(help="Second actor (any alias).")],
             db: DbOption = DEFAULT_DB,
             by: Annotated[Period, typer.Option("--by", help="Period to count by.")] = Period.week,
             examples: Annotated[int, typer.Option("--examples", min=0, help="Example sentences per direction.")] = 3,
             format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """How two actors relate over time: event counts per type and period, both directions, with examples."""
    with _open(db) as corpus:
        rows = _query_or_fail(lambda: corpus.relation(a, b, by=by.value).to_list())
        name_a, name_b = corpus.actor(a).actor.name, corpus.actor(b).actor.name
        samples = {
            f"{name_a} -> {name_b}": corpus.events(a, b, limit=examples).to_list() if examples else [],
            f"{name_b} -> {name_a}": corpus.events(b, a, limit=examples).to_list() if examples else [],
        }
    if format is Format.jsonl:
        for r in rows:
            print(json.dumps({**asdict(r), "direction": f"{name_a} -> {name_b}" if r.direction == "a->b" else f"{name_b} -> {name_a}"},
                             ensure_ascii=False))
        return
    table = Table(by.value, "direction", "type", "events")
    for r in rows:
        table.add_row(r.period or "undated", f"{name_a} -> {name_b}" if r.direction == "a->b" else f"{name_b} -> {name_a}",
                      r.type, str(r.events))
    out.print(table)
    for direction, evs in samples.items():
        for e in evs:
            out.print(f"{direction}  {e.date}  {e.type} [{e.modality}]  {e.sentence}", markup=False, highlight=False)


# --- Parquet shards, load and export (issue 9): thin faces over engines/ray.py, store/parquet.py, export.py
class Engine(str, Enum):
    local = "local"
    ray = "ray"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"
    graphml = "graphml"


def _extract_shards(paths: list[str], engine: Engine, address: str | None, out_dir: str | None, date: str | None,
                    limit: int | None, copy_threshold: float) -> None:
    """`extract --out DIR [--engine ray]`: Parquet shards instead of JSON on stdout."""
    from .store import parquet

    if out_dir is None:
        _fail(ValueError(f"--engine {engine.value} writes Parquet shards, not JSON: pass --out DIR "
                         f"(then `newsgraph load DIR --db FILE`)"))
    if address is not None and engine is not Engine.ray:
        _fail(ValueError("--address names a Ray cluster; pass --engine ray with it"))
    started = time.monotonic()
    stats = ReadStats()
    errors: list[str] = []

    def on_error(e: object) -> None:
        errors.append(str(e))
        err.print(f"error: {e}", markup=False, highlight=False)

    try:
        if engine is Engine.ray:
            from .engines import ray as ray_engine

            summary = ray_engine.run(paths, out_dir, address=address, date=date, limit=limit,
                                     copy_threshold=copy_threshold, on_error=on_error, stats=stats)
            line = summary.line()
        else:
            from .ingest import IngestSummary
            from .ingest import extract as run_extract

            local = IngestSummary()
            writer = parquet.ShardWriter(out_dir)
            for article in run_extract(paths, date=date, on_error=on_error, stats=stats, limit=limit,
                                       copy_threshold=copy_threshold, summary=local):
                writer.add(article)
            writer.close(errors)
            line = (f"read {local.read}, wrote {sum(c.get('articles', 0) for c in writer.shards.values())} article(s) "
                    f"in {len(writer.shards)} shard(s), skipped {local.skipped} duplicate(s), "
                    f"{local.copies} syndicated copies linked, failed {local.failed}")
    except NewsgraphError as exc:
        _fail(exc)
    _undated_warning(stats.undated)
    _skipped_warning(stats)
    out.print(f"{line} in {time.monotonic() - started:.1f}s -> {out_dir} (load with `newsgraph load {out_dir}`)",
              markup=False, highlight=False)
    if errors:
        raise typer.Exit(1)


@app.command()
def load(directory: Annotated[str, typer.Argument(help="Folder of Parquet shards (from `extract --out` or `export --format parquet`).")],
         db: DbOption = DEFAULT_DB) -> None:
    """Bulk-load Parquet shards into the store; loading a shard twice changes nothing."""
    from .store import parquet

    started = time.monotonic()
    try:
        summary = parquet.load(db, directory, on_error=lambda e: err.print(f"error: {e}", markup=False, highlight=False))
    except (NewsgraphError, FileNotFoundError) as exc:
        _fail(exc)
    out.print(f"{summary.line()} in {time.monotonic() - started:.1f}s -> {db}", markup=False, highlight=False)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def export(out_path: Annotated[str, typer.Option("--out", help="Output file (jsonl: - for stdout; graphml) or folder (parquet).")],
           format: Annotated[ExportFormat, typer.Option("--format", help="jsonl, parquet or graphml.")] = ExportFormat.jsonl,
           db: DbOption = DEFAULT_DB,
           since: Annotated[Optional[str], typer.Option("--since", help="Only articles dated on or after YYYY-MM-DD.")] = None,
           until: Annotated[Optional[str], typer.Option("--until", help="Only articles dated on or before YYYY-MM-DD.")] = None,
           actor: Annotated[Optional[str], typer.Option("--actor", help="Only articles that mention this actor (any alias).")] = None) -> None:
    """Export the store (or a selection): JSON Lines sorted by id, Parquet tables, or a GraphML actor graph."""
    from . import export as exporter

    since, until = _checked_date(since), _checked_date(until)
    with _open(db) as corpus:
        try:
            if format is ExportFormat.jsonl:
                n = exporter.export_jsonl(corpus, out_path, since=since, until=until, actor=actor)
                line = f"{n} article(s)"
            elif format is ExportFormat.parquet:
                counts = exporter.export_parquet(corpus, out_path, since=since, until=until, actor=actor)
                line = ", ".join(f"{v} {k}" for k, v in counts.items())
            else:
                nodes, edges = exporter.export_graphml(corpus, out_path, since=since, until=until, actor=actor)
                line = f"{nodes} actor(s), {edges} edge(s)"
        except (NewsgraphError, OSError) as exc:
            _fail(exc)
    err.print(f"exported {line} -> {out_path}", markup=False, highlight=False)
# --- end shards, load and export ---------------------------------------------------------------


# --- eval quotes (issue 3): a thin face over newsgraph.eval.polnear -------------------------
@eval_app.command("quotes")
def eval_quotes(polnear: Annotated[str, typer.Option("--polnear", help="PolNeAR root (holding data/) or a split folder.")],
                split: Annotated[str, typer.Option("--split", help="train, dev or test.")] = "dev",
                limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N articles.")] = None,
                baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Also score textacy's direct_quotations.")] = True,
                format: Annotated[Format, typer.Option("--format", help="table or jsonl.")] = Format.table) -> None:
    """Score quote attribution against PolNeAR (content P/R/F1, speaker accuracy, textacy baseline)."""
    from .eval.polnear import format_report, run_quote_eval

    try:
        report = run_quote_eval(polnear, split, limit, baseline=baseline)
    except FileNotFoundError as exc:
        _fail(exc)
    if format == Format.jsonl:
        print(json.dumps(report))
    else:
        print(format_report(report))
# --- end eval quotes -------------------------------------------------------------------------


# --- eval events (issue 4): a thin face over newsgraph.eval.plover ---------------------------
@eval_app.command("events")
def eval_events(plover: Annotated[Optional[str], typer.Option("--plover", help="PLOVER GSR JSON file (e.g. PLOVER_GSR_dev.json).")] = None,
                petrarch: Annotated[Optional[str], typer.Option("--petrarch", help="PETRARCH-2 validation XML (PETR2_GSR_validation.xml).")] = None,
                conflibert: Annotated[Optional[str], typer.Option("--conflibert", help="ConfliBERT CAMEO folder (conflibert-cameo/, PentaClass + source/target tags).")] = None,
                limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N records.")] = None,
                format: Annotated[Format, typer.Option("--format", help="table or jsonl.")] = Format.table) -> None:
    """Score PLOVER event coding: type accuracy, macro-F1, source/target ISO3 accuracy."""
    from .eval import conflibert as conflibert_eval
    from .eval.plover import format_report, run_event_eval, run_petrarch_eval

    if not plover and not petrarch and not conflibert:
        _fail(ValueError("give --plover FILE, --petrarch FILE and/or --conflibert DIR"))
    reports = []
    try:
        if plover:
            reports.append((run_event_eval(plover, limit), format_report))
        if petrarch:
            reports.append((run_petrarch_eval(petrarch, limit), format_report))
        if conflibert:
            reports.append((conflibert_eval.run(conflibert, limit), conflibert_eval.format_report))
    except FileNotFoundError as exc:
        _fail(exc)
    for report, formatter in reports:
        if format == Format.jsonl:
            print(json.dumps({k: v for k, v in report.items() if k != "records"}))
        else:
            print(formatter(report))
# --- end eval events -------------------------------------------------------------------------


# -- serve (issue 6)
@app.command()
def serve(db: DbOption = DEFAULT_DB,
          host: Annotated[str, typer.Option("--host", help="Address to bind; anything but loopback needs --token.")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
          token: Annotated[Optional[str], typer.Option("--token", envvar="NEWSGRAPH_TOKEN",
                                                       help="Require this token on every request (Authorization: Bearer, or ?token=).")] = None) -> None:
    """Serve a read-only JSON API (OpenAPI at /docs) and pages for analysts over the store."""
    from .web import run

    try:
        run(db, host=host, port=port, token=token)
    except (NewsgraphError, FileNotFoundError) as exc:
        _fail(exc)


# ---------------------------------------------------------------- actors: roles, labels, resolution, curation (issue 5)
alias_app = typer.Typer(help="Aliases of actors (curation).", no_args_is_help=True)
app.add_typer(alias_app, name="alias")
curation_app = typer.Typer(help="Share curation as a small CSV (op,actor,actor_name,value).", no_args_is_help=True)
app.add_typer(curation_app, name="curation")


def _open_rw(db: str) -> query.Corpus:
    try:
        return query.open(db, read_only=False)
    except (NewsgraphError, FileNotFoundError) as exc:
        _fail(exc)
        raise  # unreachable


@app.command("actor")
def actor_cmd(name: Annotated[str, typer.Argument(help="Name, alias or id of an actor.")], db: DbOption = DEFAULT_DB,
              format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """One actor: country, sector, aliases, and the roles seen with first and last dates."""
    with _open(db) as corpus:
        try:
            profile, roles = corpus.actor(name), corpus.roles(name)
        except NewsgraphError as exc:
            _fail(exc)
    a = profile.actor
    if format is Format.jsonl:
        print(json.dumps({**a.to_dict(), "mentions": profile.mentions, "articles": profile.articles, "roles": roles},
                         ensure_ascii=False))
        return
    out.print(f"{a.name}  ({a.type}, country {a.country or '-'}, sector {a.sector or '-'})  "
              f"{profile.mentions} mentions in {profile.articles} articles  id {a.id}", markup=False, highlight=False)
    if a.aliases:
        out.print("aliases: " + ", ".join(a.aliases), markup=False, highlight=False)
    table = Table("role", "of", "first seen", "last seen", "times")
    for r in roles:
        table.add_row(r["role"], r["of_name"] or "", r["first_seen"] or "", r["last_seen"] or "", str(r["mentions"]))
    out.print(table)


@app.command()
def labels(name: Annotated[str, typer.Argument(help="Name, alias or id of an actor.")], db: DbOption = DEFAULT_DB,
           format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """How an actor is labelled ("dictator", "war criminal", "president"), by outlet, with counts and dates."""
    with _open(db) as corpus:
        try:
            rows = corpus.labels(name)
        except NewsgraphError as exc:
            _fail(exc)
    if format is Format.jsonl:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return
    table = Table("label", "outlet", "count", "first seen", "last seen")
    for r in rows:
        table.add_row(r["label"], r["outlet"], str(r["count"]), r["first_seen"] or "", r["last_seen"] or "")
    out.print(table)


@app.command()
def resolve(name: Annotated[str, typer.Argument(help="A name, or - to read NAME<TAB>DATE lines from stdin.")],
            date: Annotated[Optional[str], typer.Option("--date", help="Resolve as of this date (YYYY-MM-DD).")] = None,
            context: Annotated[Optional[str], typer.Option("--context", help="Text around the name (a country, a title).")] = None,
            db: DbOption = DEFAULT_DB,
            format: Annotated[str, typer.Option("--format", help="json (one object or null per line).")] = "json") -> None:
    """The actor a name resolves to: id, name, type, country ISO3, sector, role at that date; null for a non-actor."""
    from .resolve.names import resolve_name

    corpus = query.open(db) if os.path.exists(db) else None
    try:
        def one(n: str, d: str | None) -> Optional[dict]:
            day = _checked_date(d) if d else None
            if corpus is not None:
                return corpus.resolve(n, day, context)
            got = resolve_name(n, day, context)
            return got.to_dict() if got else None

        if name == "-":
            for line in sys.stdin:
                if not line.strip():
                    continue
                parts = line.rstrip("\n").split("\t")
                print(json.dumps(one(parts[0], parts[1].strip() if len(parts) > 1 and parts[1].strip() else date),
                                 ensure_ascii=False), flush=False)
            sys.stdout.flush()
        else:
            print(json.dumps(one(name, date), ensure_ascii=False))
    finally:
        if corpus is not None:
            corpus.close()


def _curate(db: str, op: str, actor: str, value: str) -> None:
    with _open_rw(db) as corpus:
        try:
            done = corpus.curate(op, actor, value)
        except (NewsgraphError, ValueError) as exc:
            _fail(exc)
    out.print(f"{op}: {actor} <- {value} (recorded; re-applied on every ingest)" if op == "merge"
              else f"{op}: {actor} {value!r} (recorded; re-applied on every ingest) {done['actor']}", markup=False, highlight=False)


@app.command()
def merge(a: Annotated[str, typer.Argument(help="The actor to keep (name, alias or id).")],
          b: Annotated[str, typer.Argument(help="The actor merged into it.")], db: DbOption = DEFAULT_DB) -> None:
    """Merge actor B into actor A: B's mentions, quotes, events and aliases become A's, now and on later ingests."""
    _curate(db, "merge", a, b)


@app.command()
def split(actor: Annotated[str, typer.Argument(help="The actor (name, alias or id).")],
          alias: Annotated[str, typer.Argument(help="Mentions written so become an actor of their own.")],
          db: DbOption = DEFAULT_DB) -> None:
    """Split the mentions written as ALIAS off ACTOR into a new actor, now and on later ingests."""
    _curate(db, "split", actor, alias)


@alias_app.command("add")
def alias_add(actor: Annotated[str, typer.Argument(help="The actor (name, alias or id).")],
              alias: Annotated[str, typer.Argument(help="A name that should always mean this actor.")],
              db: DbOption = DEFAULT_DB) -> None:
    """Make ALIAS mean ACTOR: mentions written so (any article, now and later) become ACTOR's."""
    _curate(db, "alias", actor, alias)


@app.command()
def rename(actor: Annotated[str, typer.Argument(help="The actor (name, alias or id).")],
           name: Annotated[str, typer.Argument(help="Its new canonical name (the old one stays an alias).")],
           db: DbOption = DEFAULT_DB) -> None:
    """Give an actor a new canonical name; its id does not change."""
    _curate(db, "rename", actor, name)


@curation_app.command("export")
def curation_export(db: DbOption = DEFAULT_DB) -> None:
    """Print the curation rules as CSV (op,actor,actor_name,value)."""
    from .resolve.curation import to_csv

    with _open(db) as corpus:
        sys.stdout.write(to_csv(corpus.curation()))


@curation_app.command("import")
def curation_import(path: Annotated[str, typer.Argument(help="A CSV written by `newsgraph curation export` (- for stdin).")],
                    db: DbOption = DEFAULT_DB) -> None:
    """Apply and record curation rules from a CSV."""
    from .resolve.curation import from_csv

    try:
        rules = from_csv(sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read())
    except (OSError, ValueError) as exc:
        _fail(ValueError(f"{path}: {exc}"))
    with _open_rw(db) as corpus:
        n = corpus.import_curation(rules)
    out.print(f"imported {n} curation rule(s) into {db}", markup=False, highlight=False)


@app.command("import-actors")
def import_actors(path: Annotated[str, typer.Argument(help="CSV (name, aliases, country, sector, valid_from, valid_to, ...) "
                                                          "or a PETRARCH/Phoenix .actors file.")],
                  db: DbOption = DEFAULT_DB) -> None:
    """Add a user actor dictionary to the store: used by `resolve` and on every later ingest."""
    try:
        with _open_rw(db) as corpus:
            n = corpus.import_actors(path)
    except (OSError, ValueError) as exc:
        _fail(ValueError(f"{path}: {exc}"))
    out.print(f"imported {n} dictionary entries from {path} into {db}", markup=False, highlight=False)


@eval_app.command("actors")
def eval_actors(ngec: Annotated[Optional[str], typer.Option("--ngec", help="NGEC actor_resolution_*.tsv")] = None,
                gum: Annotated[Optional[str], typer.Option("--gum", help="GUM folder (holding coref/gum/tsv).")] = None,
                dictionary: Annotated[Optional[list[str]], typer.Option("--dictionary", help="Also score after importing this user dictionary (repeatable).")] = None,
                limit: Annotated[Optional[int], typer.Option("--limit", help="GUM: score only the first N documents.")] = None,
                failures: Annotated[bool, typer.Option("--failures/--no-failures", help="List NGEC failures.")] = False,
                format: Annotated[Format, typer.Option("--format", help="table or jsonl.")] = Format.table) -> None:
    """Score actor resolution: NGEC country/sector accuracy and none-precision; GUM B3 vs spaCy-NER-only."""
    from .eval.actors import format_report, run_actor_eval

    if not ngec and not gum:
        _fail(ValueError("give --ngec FILE and/or --gum FOLDER"))
    try:
        reports = run_actor_eval(ngec, gum, dictionary or [], limit)
    except FileNotFoundError as exc:
        _fail(exc)
    for r in reports:
        if format is Format.jsonl:
            print(json.dumps({k: v for k, v in r.items() if failures or k != "failures"}, ensure_ascii=False))
        else:
            out.print(format_report(r, failures), markup=False, highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
