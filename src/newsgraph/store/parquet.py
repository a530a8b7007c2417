"""Parquet shards of the normalized tables: written by the engines, loaded back through the write path.

A *shard* is one batch of analyzed articles as the store would hold it: one Parquet file per
store table, `DIR/<table>/<shard>.parquet` (articles, actors, aliases, mentions, quotes, events,
and whatever tables the store has), plus `DIR/manifest.json` (format, schema version, the
columns of each table, and the row counts of every shard).

The rows are produced by the store's own write path (`writes.write_articles` into an in-memory
store with the same schema), so a shard has exactly the store's columns and types and follows
the store as tables and columns are added; only load-time columns (`ingested_at`) are left out.
Every file carries the schema version, its shard id and the list of the shard's tables in its
Parquet key-value metadata, so a shard copied elsewhere is still checked on its own.

`load` takes a shard in one transaction: its articles not stored yet are read back into
`Article`s (store/rows.py), handed to the corpus step it is given (`pipeline.corpus_step`: the
target store's curation rules, dictionaries and role holders, as at ingest) and inserted by the
same code as an ingest batch; articles already stored are skipped with their rows in the other
tables; the shard's other tables (copy signatures; curation and dictionary rows of an export)
are inserted with `read_parquet`. A shard from another schema version, truncated, incomplete or
otherwise unreadable raises `ShardError` and nothing of it is loaded.
"""
from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from ..errors import ShardError
from ..model import Article
from ..summary import RunSummary, RunTally
from . import rows
from .connection import SCHEMA_VERSION, connect, table_columns, table_names
from .reads import CorpusRows
from .writes import Minhashes, insert_batch, stored_ids, write_articles

# The corpus step a load hands a shard's new articles to (pipeline.corpus_step), with the target store's rows.
CorpusStep = Callable[[CorpusRows, list[Article]], list[Article]]

FORMAT = "newsgraph-shards"
MANIFEST = "manifest.json"
_KEY_VERSION = b"newsgraph.schema_version"
_KEY_SHARD = b"newsgraph.shard"
_KEY_TABLE = b"newsgraph.table"
_KEY_TABLES = b"newsgraph.tables"
# Shards of these schema versions load as they are: version 8 added the summaries (a loading store
# makes its own) and two quote columns a version-7 shard leaves empty.
LOADABLE_VERSIONS = frozenset({7, SCHEMA_VERSION})


# ---------------------------------------------------------------- tables of a store


def _has_primary_key(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_constraints() WHERE database_name = current_database() "
                            "AND table_name = ? AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')", [table]).fetchall()[0][0])


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join('"' + c.replace('"', '""') + '"' for c in columns)


def shard_tables(articles: Sequence[Article], minhashes: Minhashes | None = None) -> dict[str, pa.Table]:
    """Every store table's rows for a batch of analyzed articles, as the store itself writes them."""
    con = connect(":memory:", read_only=False)
    try:
        write_articles(con, articles, minhashes)
        return {t: con.sql(f'SELECT {_quoted(table_columns(con, t))} FROM "{t}"').to_arrow_table()
                for t in table_names(con)}
    finally:
        con.close()


def store_schema() -> dict[str, list[str]]:
    """Table -> columns of this newsgraph's store schema (what a manifest records)."""
    con = connect(":memory:", read_only=False)
    try:
        return {t: table_columns(con, t) for t in table_names(con)}
    finally:
        con.close()


def shard_id(article_ids: Iterable[str]) -> str:
    """A shard's name: a hash of its article ids (re-running the same batch rewrites the same files)."""
    return hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()[:16]


# ---------------------------------------------------------------- writing


def filesystem(out: str) -> tuple[pafs.FileSystem, str]:
    """A pyarrow filesystem and root for a folder or a bucket URI (s3://, gs://, ...)."""
    if "://" in out and not out.startswith("file://"):
        return pafs.FileSystem.from_uri(out)
    path = out[len("file://"):] if out.startswith("file://") else out
    return pafs.LocalFileSystem(), os.path.abspath(path)


def write_shard(out: str, shard: str, tables: Mapping[str, pa.Table]) -> dict[str, int]:
    """Write one shard: DIR/<table>/<shard>.parquet for every table (empty ones too), atomically per file."""
    fs, root = filesystem(out)
    listed = ",".join(tables).encode()
    counts: dict[str, int] = {}
    for name, table in tables.items():
        folder = posixpath.join(root, name)
        fs.create_dir(folder, recursive=True)
        path = posixpath.join(folder, f"{shard}.parquet")
        meta = {**(table.schema.metadata or {}), _KEY_VERSION: str(SCHEMA_VERSION).encode(),
                _KEY_SHARD: shard.encode(), _KEY_TABLE: name.encode(), _KEY_TABLES: listed}
        tmp = path + ".tmp"
        pq.write_table(table.replace_schema_metadata(meta), tmp, filesystem=fs, compression="zstd")
        fs.move(tmp, path)
        counts[name] = table.num_rows
    return counts


def write_articles_shard(out: str, articles: Sequence[Article],
                         minhashes: Minhashes | None = None) -> tuple[str, dict[str, int]]:
    """Analyzed articles -> one shard under `out`; returns its id and row counts per table."""
    shard = shard_id(a.id for a in articles)
    return shard, write_shard(out, shard, shard_tables(articles, minhashes))


def write_manifest(out: str, shards: Mapping[str, Mapping[str, int]], *, errors: Sequence[str] = ()) -> None:
    """DIR/manifest.json: format, schema version, columns per table, rows per shard (merged with an existing one)."""
    fs, root = filesystem(out)
    path = posixpath.join(root, MANIFEST)
    previous: dict[str, Any] = {}
    try:
        with fs.open_input_stream(path) as f:
            previous = json.loads(f.read())
    except (FileNotFoundError, OSError, ValueError):
        previous = {}
    known = previous.get("shards", {}) if previous.get("schema_version") == SCHEMA_VERSION else {}
    manifest = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "tables": store_schema(),
                "shards": {**known, **{k: dict(v) for k, v in shards.items()}}}
    if errors:
        manifest["input_errors"] = list(errors)
    fs.create_dir(root, recursive=True)
    with fs.open_output_stream(path) as f:
        f.write((json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())


# ---------------------------------------------------------------- loading


def find_shards(directory: str) -> dict[str, dict[str, Path]]:
    """Shard id -> table -> file, for every DIR/<table>/<shard>.parquet."""
    root = Path(directory)
    if not root.is_dir():
        raise FileNotFoundError(f"{directory}: no such folder of Parquet shards. Write one with "
                                f"`newsgraph extract PATH --out {directory}` (or `newsgraph export --format parquet`).")
    shards: dict[str, dict[str, Path]] = {}
    for path in sorted(root.glob("*/*.parquet")):
        shards.setdefault(path.stem, {})[path.parent.name] = path
    return shards


def read_manifest(directory: str) -> dict[str, Any] | None:
    path = Path(directory) / MANIFEST
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text())
    except ValueError:
        return None


def _check_shard(con: duckdb.DuckDBPyConnection, shard: str, files: Mapping[str, Path],
                 manifest: Mapping[str, Any] | None) -> list[str]:
    """Validate a shard before touching the store; returns its tables in load order."""
    listed: list[str] | None = None
    for table, path in sorted(files.items()):
        try:
            meta = pq.ParquetFile(path).metadata
        except Exception as exc:  # pyarrow raises ArrowInvalid/OSError on a cut or garbled footer
            raise ShardError(shard, f"{path} cannot be read as Parquet (truncated or corrupt: "
                                    f"{str(exc).splitlines()[0][:120]}); re-run the extract that wrote it") from None
        kv = meta.metadata or {}
        if _KEY_VERSION not in kv:
            raise ShardError(shard, f"{path} is not a newsgraph shard (no schema version in its metadata)")
        found = kv[_KEY_VERSION].decode()
        if not found.isdigit() or int(found) not in LOADABLE_VERSIONS:
            raise ShardError(shard, f"{path} was written for store schema version {found}, this newsgraph loads "
                                    f"version {SCHEMA_VERSION}; re-run `newsgraph extract --out` with this version")
        tables = kv.get(_KEY_TABLES, b"").decode().split(",")
        listed = listed or tables
        expected = (manifest or {}).get("shards", {}).get(shard, {}).get(table) \
            if (manifest or {}).get("schema_version") in LOADABLE_VERSIONS else None
        if expected is not None and expected != meta.num_rows:
            raise ShardError(shard, f"{path} has {meta.num_rows} rows, the manifest says {expected}")
    assert listed is not None
    missing = [t for t in listed if t not in files]
    if missing:
        raise ShardError(shard, "incomplete: " + ", ".join(str(Path(t) / f"{shard}.parquet") for t in missing)
                         + " missing")
    known = set(table_names(con))
    for table in files:
        if table not in known:
            raise ShardError(shard, f"table {table!r} is not in this store's schema")
        columns = set(table_columns(con, table))
        extra = [c for c in pq.read_schema(files[table]).names if c not in columns]
        if extra:
            raise ShardError(shard, f"{files[table]} has column(s) {extra} that table {table} of this store lacks")
    return sorted(files, key=lambda n: (n != "articles", n))


def _new_articles(files: Mapping[str, Path], ids: Sequence[str]) -> list[Article]:
    """The shard's articles with these ids, read back from its files as `Article`s (store/rows.py)."""
    wanted = pa.array(list(ids), pa.string())
    tables: dict[str, pa.Table] = {}
    for name in rows.ARTICLE_TABLES:
        if name in files:
            table = pq.ParquetFile(files[name]).read()  # not pq.read_table: it imports pyarrow.dataset (and pandas), a second a process
            key = "id" if name == "articles" else "article_id" if "article_id" in table.column_names else None
            tables[name] = table.filter(pc.is_in(table[key], value_set=wanted)) if key else table
    first: dict[str, Article] = {}
    for article in rows.articles_from_tables(tables):
        first.setdefault(article.id, article)  # an id twice in one shard: its first row, as an ingest batch keeps
    return list(first.values())


def _load_shard(con: duckdb.DuckDBPyConnection, shard: str, files: Mapping[str, Path], tables: Sequence[str],
                corpus_step: CorpusStep) -> tuple[int, int]:
    """Insert one validated shard in one transaction; returns (new articles, articles already present).

    The new articles go through `corpus_step` and the write path of an ingest batch; the
    shard's other tables are inserted as they are (rows of new articles only, where keyed by article).
    """
    con.execute("BEGIN TRANSACTION")
    try:
        ids = pq.ParquetFile(files["articles"]).read(columns=["id"])["id"].to_pylist() if "articles" in files else []
        present = stored_ids(con, ids)
        fresh = list(dict.fromkeys(i for i in ids if i not in present))
        if fresh:
            insert_batch(con, corpus_step(CorpusRows(con), _new_articles(files, fresh)))
        con.register("_ng_fresh", pa.table({"id": pa.array(fresh, pa.string())}))
        for table in tables:
            if table in rows.ARTICLE_TABLES:
                continue
            path = str(files[table])
            names = pq.read_schema(files[table]).names
            cols = _quoted(names)
            if "article_id" in names:
                where, conflict = " WHERE article_id IN (SELECT id FROM _ng_fresh)", ""
            elif _has_primary_key(con, table):
                where, conflict = "", " ON CONFLICT DO NOTHING"
            else:  # no key to merge on: add only rows not stored yet
                where, conflict = f' EXCEPT SELECT {cols} FROM "{table}"', ""
            con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM read_parquet(?){where}{conflict}', [path])
        con.unregister("_ng_fresh")
        con.execute("COMMIT")
    except (duckdb.Error, pa.ArrowException, OSError) as exc:
        con.execute("ROLLBACK")
        raise ShardError(shard, f"cannot be loaded ({str(exc).splitlines()[0][:160]})") from None
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(fresh), len(ids) - len(fresh)


def load(db: str | duckdb.DuckDBPyConnection, directory: str, *, corpus_step: CorpusStep,
         on_error: Callable[[ShardError], None] = lambda e: None,
         on_shard: Callable[[str], None] = lambda s: None, summary: RunTally | None = None) -> RunSummary:
    """Load every shard under `directory` into the store, one transaction per shard.

    `corpus_step` decides what the store's corpus changes in the new articles (pipeline.corpus_step).
    Loading a shard twice changes nothing; a bad shard goes to `on_error` and the rest go on.
    The summary's `shards` are the shards loaded, each with its `articles` new and `present` already stored;
    the counts also go into `summary` when given (a caller with more to do before the run ends: ingest.load).
    """
    shards = find_shards(directory)
    manifest = read_manifest(directory)
    summary = summary if summary is not None else RunTally()
    con = db if isinstance(db, duckdb.DuckDBPyConnection) else connect(db, read_only=False)
    own = con is not db
    try:
        for shard in sorted(shards):
            files = shards[shard]
            try:
                tables = _check_shard(con, shard, files, manifest)
                new, present = _load_shard(con, shard, files, tables, corpus_step)
            except ShardError as exc:
                summary.fail(exc, on_error)
            else:
                summary.shards[shard] = {"articles": new, "present": present}
                summary.read += new + present
                summary.stored += new
                summary.skipped += present
            on_shard(shard)
    finally:
        if own:
            con.close()
    return summary.summary("load")
