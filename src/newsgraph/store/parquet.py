"""Parquet shards of the normalized tables: written by the engines, bulk-loaded with `read_parquet`.

A *shard* is one batch of analyzed articles as the store would hold it: one Parquet file per
store table, `DIR/<table>/<shard>.parquet` (articles, actors, aliases, mentions, quotes, events,
and whatever tables the store has), plus `DIR/manifest.json` (format, schema version, the
columns of each table, and the row counts of every shard).

The rows are produced by the store's own write path (`duckdb.write_articles` into an in-memory
store with the same schema), so a shard has exactly the store's columns and types and follows
the store as tables and columns are added; only load-time columns (`ingested_at`) are left out.
Every file carries the schema version, its shard id and the list of the shard's tables in its
Parquet key-value metadata, so a shard copied elsewhere is still checked on its own.

`load` inserts a shard in one transaction: articles already stored are skipped together with
their rows in the other tables; actors and aliases (stable ids) merge `ON CONFLICT DO NOTHING`.
A shard from another schema version, truncated, incomplete or otherwise unreadable raises
`ShardError` and nothing of it is loaded.
"""
from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from ..errors import ShardError
from ..model import Article
from . import duckdb as store

FORMAT = "newsgraph-shards"
MANIFEST = "manifest.json"
LOAD_TIME_COLUMNS = ("ingested_at",)  # set by the store when a row is loaded, not carried in shards
_KEY_VERSION = b"newsgraph.schema_version"
_KEY_SHARD = b"newsgraph.shard"
_KEY_TABLE = b"newsgraph.table"
_KEY_TABLES = b"newsgraph.tables"


# ---------------------------------------------------------------- tables of a store


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The store's data tables (not `meta`), `articles` first, then by name."""
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT temporary AND table_name <> 'meta' ORDER BY table_name").fetchall()]
    return sorted(names, key=lambda n: (n != "articles", n))


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Columns of a store table in schema order, without load-time columns."""
    rows = con.execute("SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND table_name = ? ORDER BY column_index", [table]).fetchall()
    return [r[0] for r in rows if r[0] not in LOAD_TIME_COLUMNS]


def _has_primary_key(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_constraints() WHERE database_name = current_database() "
                            "AND table_name = ? AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')", [table]).fetchall()[0][0])


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join('"' + c.replace('"', '""') + '"' for c in columns)


def shard_tables(articles: Sequence[Article],
                 minhashes: Mapping[str, tuple[bytes, Sequence[int]]] | None = None) -> dict[str, pa.Table]:
    """Every store table's rows for a batch of analyzed articles, as the store itself writes them."""
    con = store.connect(":memory:", read_only=False)
    try:
        store.write_articles(con, articles, minhashes)
        return {t: con.sql(f'SELECT {_quoted(table_columns(con, t))} FROM "{t}"').to_arrow_table()
                for t in table_names(con)}
    finally:
        con.close()


def store_schema() -> dict[str, list[str]]:
    """Table -> columns of this newsgraph's store schema (what a manifest records)."""
    con = store.connect(":memory:", read_only=False)
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
        meta = {**(table.schema.metadata or {}), _KEY_VERSION: str(store.SCHEMA_VERSION).encode(),
                _KEY_SHARD: shard.encode(), _KEY_TABLE: name.encode(), _KEY_TABLES: listed}
        tmp = path + ".tmp"
        pq.write_table(table.replace_schema_metadata(meta), tmp, filesystem=fs, compression="zstd")
        fs.move(tmp, path)
        counts[name] = table.num_rows
    return counts


def write_articles_shard(out: str, articles: Sequence[Article],
                         minhashes: Mapping[str, tuple[bytes, Sequence[int]]] | None = None) -> tuple[str, dict[str, int]]:
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
    known = previous.get("shards", {}) if previous.get("schema_version") == store.SCHEMA_VERSION else {}
    manifest = {"format": FORMAT, "schema_version": store.SCHEMA_VERSION, "tables": store_schema(),
                "shards": {**known, **{k: dict(v) for k, v in shards.items()}}}
    if errors:
        manifest["input_errors"] = list(errors)
    fs.create_dir(root, recursive=True)
    with fs.open_output_stream(path) as f:
        f.write((json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())


def _minhashes(articles: Sequence[Article]) -> dict[str, tuple[bytes, list[int]]]:
    """MinHash signature and band keys per article, as ingest stores them for finding copies later."""
    from ..readers.copies import band_keys, signature

    out = {}
    for a in articles:
        sig = signature(a.text)
        if sig is not None:
            out[a.id] = (sig.tobytes(), band_keys(sig))
    return out


class ShardWriter:
    """Collects analyzed articles and writes a shard every `shard_size` of them (the local engine's `--out`)."""

    def __init__(self, out: str, shard_size: int = 1000) -> None:
        self.out, self.shard_size = out, shard_size
        self.shards: dict[str, dict[str, int]] = {}
        self._pending: list[Article] = []

    def add(self, article: Article) -> None:
        self._pending.append(article)
        if len(self._pending) >= self.shard_size:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            shard, counts = write_articles_shard(self.out, self._pending, _minhashes(self._pending))
            self.shards[shard] = counts
            self._pending = []

    def close(self, errors: Sequence[str] = ()) -> None:
        self.flush()
        write_manifest(self.out, self.shards, errors=errors)


# ---------------------------------------------------------------- loading


@dataclass
class LoadSummary:
    """What `load` did: shards loaded or refused, articles added or already present."""

    shards: int = 0
    loaded: int = 0
    articles: int = 0
    present: int = 0
    failed: list[ShardError] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.loaded} of {self.shards} shard(s) loaded: {self.articles} new article(s), "
                f"{self.present} already present, {len(self.failed)} shard(s) refused")


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
        if found != str(store.SCHEMA_VERSION):
            raise ShardError(shard, f"{path} was written for store schema version {found}, this newsgraph loads "
                                    f"version {store.SCHEMA_VERSION}; re-run `newsgraph extract --out` with this version")
        tables = kv.get(_KEY_TABLES, b"").decode().split(",")
        listed = listed or tables
        expected = (manifest or {}).get("shards", {}).get(shard, {}).get(table) \
            if (manifest or {}).get("schema_version") == store.SCHEMA_VERSION else None
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


def _load_shard(con: duckdb.DuckDBPyConnection, shard: str, files: Mapping[str, Path], tables: Sequence[str]) -> tuple[int, int]:
    """Insert one validated shard in one transaction; returns (new articles, articles already present)."""
    con.execute("BEGIN TRANSACTION")
    try:
        total = 0
        if "articles" in files:
            art = str(files["articles"])
            total = con.execute("SELECT count(*) FROM read_parquet(?)", [art]).fetchall()[0][0]
            con.execute("CREATE OR REPLACE TEMP TABLE _ng_fresh AS SELECT DISTINCT id FROM read_parquet(?) "
                        "WHERE id NOT IN (SELECT id FROM articles)", [art])
        else:
            con.execute("CREATE OR REPLACE TEMP TABLE _ng_fresh (id VARCHAR)")
        fresh = con.execute("SELECT count(*) FROM _ng_fresh").fetchall()[0][0]
        for table in tables:
            path = str(files[table])
            cols = _quoted(pq.read_schema(files[table]).names)
            names = set(pq.read_schema(files[table]).names)
            if table == "articles":
                where, conflict = " WHERE id IN (SELECT id FROM _ng_fresh)", ""
            elif "article_id" in names:
                where, conflict = " WHERE article_id IN (SELECT id FROM _ng_fresh)", ""
            elif _has_primary_key(con, table):
                where, conflict = "", " ON CONFLICT DO NOTHING"
            else:  # no key to merge on: add only rows not stored yet
                where, conflict = f' EXCEPT SELECT {cols} FROM "{table}"', ""
            con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM read_parquet(?){where}{conflict}', [path])
        con.execute("DROP TABLE _ng_fresh")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise ShardError(shard, f"cannot be loaded ({str(exc).splitlines()[0][:160]})") from None
    return fresh, total - fresh


def load(db: str | duckdb.DuckDBPyConnection, directory: str, *,
         on_error: Callable[[ShardError], None] = lambda e: None,
         on_shard: Callable[[str], None] = lambda s: None) -> LoadSummary:
    """Bulk-load every shard under `directory` into the store, one transaction per shard.

    Loading a shard twice changes nothing; a bad shard goes to `on_error` and the rest go on.
    """
    shards = find_shards(directory)
    manifest = read_manifest(directory)
    summary = LoadSummary(shards=len(shards))
    own = not isinstance(db, duckdb.DuckDBPyConnection)
    con = store.connect(db, read_only=False) if own else db
    try:
        for shard in sorted(shards):
            files = shards[shard]
            try:
                tables = _check_shard(con, shard, files, manifest)
                new, present = _load_shard(con, shard, files, tables)
            except ShardError as exc:
                summary.failed.append(exc)
                on_error(exc)
            else:
                summary.loaded += 1
                summary.articles += new
                summary.present += present
            on_shard(shard)
    finally:
        if own:
            con.close()
    return summary
