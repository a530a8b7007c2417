"""The DuckDB store: schema, versioning, batched idempotent writes and every read query.

All SQL of newsgraph lives here, with parameters (never values formatted into SQL). Writers
hold the file only for the time of one batch, so readers (`serve`, the CLI) get in between;
DuckDB allows one read-write process per file, so opening retries while another holds it.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import SchemaVersionError, StoreLockedError
from ..model import Actor, Article, Event, Quote, field_names
from ..resolve.text import fold

SCHEMA_VERSION = 3
# Upgrades of older files, by the version they bring a store to (schema.sql then adds new tables).
_MIGRATIONS: dict[int, list[str]] = {
    2: ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS language VARCHAR",
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS date_source VARCHAR",
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS story VARCHAR"],
    3: ["ALTER TABLE actors ADD COLUMN IF NOT EXISTS sector VARCHAR"],  # descriptors, curation, dictionary: schema.sql
}
_SCHEMA = Path(__file__).with_name("schema.sql")
_LOCK_WAIT_SECONDS = 30.0


@dataclass
class WriteResult:
    """What one batch did: new articles stored, and those already present (skipped)."""

    stored: int = 0
    skipped: int = 0


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text or "being used by another process" in text


def connect(path: str, *, read_only: bool, wait: float = _LOCK_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """Open the store, creating the schema when writable; retries while another process holds it."""
    if read_only and not Path(path).exists():
        raise FileNotFoundError(f"{path}: no store here yet. Run `newsgraph ingest PATH --db {path}` first.")
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(path, read_only=read_only)
            break
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() > deadline:
                if _is_lock_error(exc):
                    raise StoreLockedError(path) from exc
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    try:
        _check_schema(con, path, read_only)
    except _NeedsMigration:
        con.close()  # an older store opened read-only: upgrade it once (read-write), then open it as asked
        connect(path, read_only=False, wait=wait).close()
        return connect(path, read_only=True, wait=wait)
    except Exception:
        con.close()
        raise
    return con


class _NeedsMigration(Exception):
    pass


def _check_schema(con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchall()[0][0]
    if has_meta:
        rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        row = rows[0] if rows else None
        found = int(row[0]) if row else 0
        if found > SCHEMA_VERSION:
            raise SchemaVersionError(path, found, SCHEMA_VERSION)
        if found == SCHEMA_VERSION:
            return
        if found >= 1:
            if read_only:
                raise _NeedsMigration()
            con.execute("BEGIN TRANSACTION")
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS.get(version, []):
                    con.execute(statement)
            con.execute(_SCHEMA.read_text())
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            con.execute("COMMIT")
            return
    if read_only:
        raise FileNotFoundError(f"{path}: not a newsgraph store (no schema). Run `newsgraph ingest PATH --db {path}` first.")
    con.execute(_SCHEMA.read_text())
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


@contextmanager
def opened(path: str, *, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(path, read_only=read_only)
    try:
        yield con
    finally:
        con.close()


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> pa.Table:
    return pa.Table.from_pydict({c: [r[c] for r in rows] for c in columns})


@contextmanager
def _writer(target: str | duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A path is opened for this batch only (readers get in between); a connection is used as is."""
    if isinstance(target, duckdb.DuckDBPyConnection):
        yield target
    else:
        with opened(target, read_only=False) as con:
            yield con


def write_articles(target: str | duckdb.DuckDBPyConnection, articles: Sequence[Article],
                   minhashes: Mapping[str, tuple[bytes, Sequence[int]]] | None = None) -> WriteResult:
    """Store a batch in one transaction; articles already present are skipped (a no-op).

    `minhashes` maps an article id to its MinHash signature blob and LSH band keys
    (readers/copies.py), kept so later ingests find copies of it.
    """
    result = WriteResult()
    with _writer(target) as con:
        ids = list(dict.fromkeys(a.id for a in articles))
        present = {r[0] for r in con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()}
        fresh: dict[str, Article] = {}
        for a in articles:
            if a.id in present or a.id in fresh:
                result.skipped += 1
            else:
                fresh[a.id] = a
        if not fresh:
            return result
        new = corpus_step(con, list(fresh.values()))
        tables = _batch_tables(new)
        if minhashes:
            sig_rows = [{"article_id": i, "signature": minhashes[i][0]} for i in fresh if i in minhashes]
            band_rows = [{"band_key": k, "article_id": i} for i in fresh if i in minhashes for k in minhashes[i][1]]
            if sig_rows:
                tables["article_minhash"] = pa.Table.from_pylist(sig_rows, pa.schema([("article_id", pa.string()), ("signature", pa.binary())]))
            if band_rows:
                tables["minhash_bands"] = pa.Table.from_pylist(band_rows, pa.schema([("band_key", pa.int64()), ("article_id", pa.string())]))
        con.execute("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                con.register("batch_rows", table)
                cols = ", ".join(f'"{c}"' for c in table.column_names)
                conflict = " ON CONFLICT DO NOTHING" if name in ("actors", "aliases") else ""
                con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM batch_rows{conflict}")
                if name == "actors":  # a stored actor without country/sector takes them when a later article knows them
                    con.execute("""UPDATE actors SET country = coalesce(actors.country, b.country), sector = coalesce(actors.sector, b.sector)
                                   FROM batch_rows b WHERE actors.id = b.id AND (actors.country IS NULL AND b.country IS NOT NULL
                                         OR actors.sector IS NULL AND b.sector IS NOT NULL)""")
                con.unregister("batch_rows")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        result.stored = len(new)
    return result


_ARTICLE_COLUMNS = ["id", "source", "date", "title", "url", "outlet", "text", "blocks", "language", "date_source", "story"]
_QUOTE_COLUMNS = ["article_id", "idx", *field_names(Quote)]
_EVENT_COLUMNS = ["article_id", "idx", *field_names(Event)]


def _batch_tables(articles: Sequence[Article]) -> dict[str, pa.Table]:
    """Column tables for one batch (built once, inserted with one statement per table)."""
    art_rows, actor_rows, alias_rows, mention_rows, quote_rows, event_rows = [], {}, {}, [], [], []
    descriptor_rows: list[dict[str, Any]] = []
    for a in articles:
        art_rows.append({"id": a.id, "source": a.source, "date": a.date, "title": a.title, "url": a.url,
                         "outlet": a.outlet, "text": a.text, "blocks": json.dumps([asdict(b) for b in a.blocks]),
                         "language": a.language, "date_source": a.date_source, "story": a.story or a.id})
        for actor in a.actors:
            actor_rows.setdefault(actor.id, {"id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
                                             "sector": actor.sector})
            for alias in (actor.name, *actor.aliases):
                alias_rows.setdefault((actor.id, alias), {"actor_id": actor.id, "alias": alias, "folded": fold(alias)})
        for i, m in enumerate(a.mentions):
            mention_rows.append({"article_id": a.id, "idx": i, "actor_id": m.actor, "start": m.start,
                                 "end": m.end, "text": m.text, "how": m.how})
        for i, q in enumerate(a.quotes):
            quote_rows.append({"article_id": a.id, "idx": i, **asdict(q)})
        for i, e in enumerate(a.events):
            event_rows.append({"article_id": a.id, "idx": i, **asdict(e)})
        for i, d in enumerate(a.descriptors):
            descriptor_rows.append({"article_id": a.id, "idx": i, "actor_id": d.actor, "label": d.label, "role": d.role,
                                    "of_actor": d.of, "start": d.start, "end": d.end, "text": d.text, "kind": d.kind})
    tables = {
        "articles": _table(art_rows, _ARTICLE_COLUMNS),
        "actors": _table(list(actor_rows.values()), ["id", "name", "type", "country", "sector"]),
        "aliases": _table(list(alias_rows.values()), ["actor_id", "alias", "folded"]),
        "mentions": _table(mention_rows, ["article_id", "idx", "actor_id", "start", "end", "text", "how"]),
    }
    if quote_rows:
        tables["quotes"] = _table(quote_rows, _QUOTE_COLUMNS)
    if event_rows:
        tables["events"] = _table(event_rows, _EVENT_COLUMNS)
    if descriptor_rows:
        tables["descriptors"] = _table(descriptor_rows, ["article_id", "idx", "actor_id", "label", "role", "of_actor",
                                                         "start", "end", "text", "kind"])
    return {k: v for k, v in tables.items() if v.num_rows}


def known_for_copies(target: str | duckdb.DuckDBPyConnection, ids: Sequence[str], urls: Sequence[str],
                     band_keys: Sequence[int]) -> tuple[set[str], set[str], list[tuple[str, str, bytes]]]:
    """What the store holds of a batch: ids and URLs present, and (id, story, signature) of every
    stored article sharing an LSH band key with it (one hash join over `minhash_bands`)."""
    with _writer(target) as con:
        present = {r[0] for r in con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]).fetchall()}
        seen_urls = {r[0] for r in con.execute(
            "SELECT DISTINCT url FROM articles WHERE url IN (SELECT unnest(?::VARCHAR[]))", [list(urls)]).fetchall()} if urls else set()
        candidates: list[tuple[str, str, bytes]] = []
        if band_keys:
            candidates = [(r[0], r[1], r[2]) for r in con.execute(
                """SELECT a.id, coalesce(a.story, a.id), m.signature
                   FROM (SELECT DISTINCT article_id FROM minhash_bands WHERE band_key IN (SELECT unnest(?::BIGINT[]))) b
                   JOIN article_minhash m ON m.article_id = b.article_id JOIN articles a ON a.id = b.article_id
                   ORDER BY a.ingested_at, a.id""", [list(band_keys)]).fetchall()]
    return present, seen_urls, candidates


# ---------------------------------------------------------------- actor knowledge in the store (issue 5)


def corpus_step(con: duckdb.DuckDBPyConnection, articles: list[Article]) -> list[Article]:
    """Resolution that needs the corpus (resolve/corpus.py): descriptions by the roles stored, user
    dictionaries, curation rules. Runs inside the writer, before the batch's rows are built."""
    from ..resolve.corpus import resolve_batch

    rules = curation_rules(con)
    dictionary = dictionary_knowledge(con)
    needs_holders = any(d.actor is None and d.role for a in articles for d in a.descriptors)
    if not rules and dictionary is None and not needs_holders:
        return articles
    cache: dict[str | None, list[tuple[str, str, str | None]]] = {}

    def holders(of: str | None) -> list[tuple[str, str, str | None]]:
        if of not in cache:
            cache[of] = [(r[0], r[1], r[2]) for r in con.execute(
                """SELECT d.actor_id, d.role, strftime(a.date, '%Y-%m-%d') FROM descriptors d JOIN articles a ON a.id = d.article_id
                   WHERE d.actor_id IS NOT NULL AND d.role IS NOT NULL AND d.kind <> 'description'
                     AND (?::VARCHAR IS NULL OR d.of_actor = ?::VARCHAR)""", [of, of]).fetchall()]
        return cache[of]

    ids = sorted({r.actor for r in rules} | {r.value for r in rules if r.op == "merge"} |
                 {d_id for a in articles for d_id in (x.actor for x in a.descriptors) if d_id})
    stored = {a.id: a for a in stored_actors(con, ids)} if (rules or needs_holders) else {}
    if needs_holders:
        extra = {aid for of in {d.of for a in articles for d in a.descriptors if d.actor is None}
                 for aid, _, _ in holders(of)}
        stored.update({a.id: a for a in stored_actors(con, sorted(extra - stored.keys()))})
    return resolve_batch(articles, holders, rules, dictionary, stored)


def stored_actors(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Actor]:
    if not ids:
        return []
    rows = con.execute("""SELECT a.id, a.name, a.type, a.country, a.sector,
                                 (SELECT list(alias ORDER BY alias) FROM aliases WHERE actor_id = a.id AND alias <> a.name)
                          FROM actors a WHERE list_contains(?::VARCHAR[], a.id)""", [list(ids)]).fetchall()
    return [Actor(r[0], r[1], r[2], r[3], tuple(r[5] or ()), r[4]) for r in rows]


def curation_rules(con: duckdb.DuckDBPyConnection) -> list[Any]:
    from ..resolve.curation import Rule

    rows = con.execute("""SELECT c.op, c.actor_id, c.value, a.name FROM curation c LEFT JOIN actors a ON a.id = c.actor_id
                          ORDER BY c.seq""").fetchall()
    return [Rule(r[0], r[1], r[2], r[3]) for r in rows]


_DICTIONARY_CACHE: dict[tuple[str, int], Any] = {}


def dictionary_knowledge(con: duckdb.DuckDBPyConnection) -> Any:
    """The imported dictionaries as one `Knowledge` (None when nothing was imported); cached per row count."""
    from ..resolve.knowledge import Entry, Knowledge

    count = con.execute("SELECT count(*) FROM dictionary").fetchall()[0][0]
    if not count:
        return None
    key = (str(con.execute("SELECT file FROM pragma_database_list WHERE name = current_database()").fetchall()), count)
    if key not in _DICTIONARY_CACHE:
        rows = con.execute('SELECT type, name, aliases, country, sector, role, "of", valid_from, valid_to, source FROM dictionary').fetchall()
        _DICTIONARY_CACHE.clear()
        _DICTIONARY_CACHE[key] = Knowledge(Entry(r[0] or "PERSON", r[1], tuple(a for a in (r[2] or "").split("|") if a), r[3], r[4],
                                                 r[5], r[6], r[7], r[8], r[9] or "dictionary") for r in rows)
    return _DICTIONARY_CACHE[key]


def import_dictionary(con: duckdb.DuckDBPyConnection, entries: Sequence[Any]) -> int:
    """Add user dictionary entries (resolve/dictionaries.py) in one statement; returns how many."""
    rows = [{"name": e.name, "aliases": "|".join(e.aliases), "type": e.type, "country": e.country, "sector": e.sector,
             "role": e.role, "of": e.of, "valid_from": e.valid_from, "valid_to": e.valid_to, "source": e.source} for e in entries]
    if not rows:
        return 0
    con.register("dict_rows", pa.Table.from_pylist(rows))
    con.execute('INSERT INTO dictionary SELECT name, aliases, type, country, sector, role, "of", valid_from, valid_to, source FROM dict_rows')
    con.unregister("dict_rows")
    _DICTIONARY_CACHE.clear()
    return len(rows)


def fill_from_dictionary(con: duckdb.DuckDBPyConnection) -> int:
    """Give stored actors lacking a country or sector those of the imported dictionary (as of today)."""
    knowledge = dictionary_knowledge(con)
    if knowledge is None:
        return 0
    rows = con.execute("SELECT id, name, country, sector FROM actors WHERE country IS NULL OR sector IS NULL").fetchall()
    updates = []
    for aid, name, country, sector in rows:
        entry = knowledge.lookup(name)
        if entry and (not country and entry.country or not sector and entry.sector):
            updates.append([country or entry.country, sector or entry.sector, aid])
    if updates:
        con.executemany("UPDATE actors SET country = ?, sector = ? WHERE id = ?", updates)
    return len(updates)


def add_curation(con: duckdb.DuckDBPyConnection, op: str, actor_id: str, value: str, new_actor: Actor | None = None) -> None:
    """Record a curation rule and rewrite the stored rows the same way (one transaction)."""
    con.execute("BEGIN TRANSACTION")
    try:
        seq = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM curation").fetchall()[0][0]
        con.execute("INSERT INTO curation (seq, op, actor_id, value) VALUES (?, ?, ?, ?)", [seq, op, actor_id, value])
        folded_text = "lower(strip_accents(trim(text)))"
        if op == "merge":
            _reassign(con, value, actor_id)
            con.execute("""INSERT INTO aliases SELECT ?, alias, folded FROM aliases WHERE actor_id = ? ON CONFLICT DO NOTHING""",
                        [actor_id, value])
            con.execute("DELETE FROM aliases WHERE actor_id = ?", [value])
            con.execute("DELETE FROM actors WHERE id = ?", [value])
        elif op == "alias":
            con.execute(f"UPDATE mentions SET actor_id = ? WHERE {folded_text} = ? AND actor_id <> ?", [actor_id, value, actor_id])
            con.execute("INSERT INTO aliases VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [actor_id, value, value])
        elif op == "split" and new_actor is not None:
            con.execute("INSERT INTO actors (id, name, type, country, sector) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        [new_actor.id, new_actor.name, new_actor.type, new_actor.country, new_actor.sector])
            con.execute(f"UPDATE mentions SET actor_id = ? WHERE actor_id = ? AND {folded_text} = ?", [new_actor.id, actor_id, value])
            con.execute("DELETE FROM aliases WHERE actor_id = ? AND folded = ?", [actor_id, value])
            con.execute("INSERT INTO aliases VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [new_actor.id, new_actor.name, value])
        elif op == "rename":
            old = con.execute("SELECT name FROM actors WHERE id = ?", [actor_id]).fetchall()
            con.execute("UPDATE actors SET name = ? WHERE id = ?", [value, actor_id])
            for name in [value, *(r[0] for r in old)]:
                con.execute("INSERT INTO aliases VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [actor_id, name, fold(name)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _reassign(con: duckdb.DuckDBPyConnection, old: str, new: str) -> None:
    con.execute("UPDATE mentions SET actor_id = ? WHERE actor_id = ?", [new, old])
    con.execute("UPDATE quotes SET speaker = ? WHERE speaker = ?", [new, old])
    con.execute("UPDATE events SET source = ? WHERE source = ?", [new, old])
    con.execute("UPDATE events SET target = ? WHERE target = ?", [new, old])
    con.execute("UPDATE descriptors SET actor_id = ? WHERE actor_id = ?", [new, old])
    con.execute("UPDATE descriptors SET of_actor = ? WHERE of_actor = ?", [new, old])


def actor_roles(con: duckdb.DuckDBPyConnection, actor_id: str) -> Rows:
    """Roles of an actor (appositives and pre-modifiers) with the organization/country and first/last date seen."""
    return Rows(con, """SELECT d.role, d.of_actor, o.name AS of_name, strftime(min(a.date), '%Y-%m-%d') AS first_seen,
                               strftime(max(a.date), '%Y-%m-%d') AS last_seen, count(*) AS mentions
                        FROM descriptors d JOIN articles a ON a.id = d.article_id LEFT JOIN actors o ON o.id = d.of_actor
                        WHERE d.actor_id = ? AND d.role IS NOT NULL AND d.kind <> 'description'
                        GROUP BY ALL ORDER BY first_seen NULLS LAST, d.role""", [actor_id])


def actor_labels(con: duckdb.DuckDBPyConnection, actor_id: str) -> Rows:
    """How an actor is labelled, by outlet: label, outlet, count, first and last date."""
    return Rows(con, """SELECT d.label, coalesce(a.outlet, '') AS outlet, count(*) AS count,
                               strftime(min(a.date), '%Y-%m-%d') AS first_seen, strftime(max(a.date), '%Y-%m-%d') AS last_seen
                        FROM descriptors d JOIN articles a ON a.id = d.article_id
                        WHERE d.actor_id = ? GROUP BY ALL ORDER BY count DESC, d.label, outlet""", [actor_id])


def curation_list(con: duckdb.DuckDBPyConnection) -> list[Any]:
    return curation_rules(con)


# ---------------------------------------------------------------- reads


class Rows:
    """A read query bound to a connection: iterate dicts, or convert in DuckDB without a Python loop."""

    def __init__(self, con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> None:
        self._con, self._sql, self._params = con, sql, list(params)

    # Each read runs on its own cursor (DuckDB: a connection may have one unfinished result),
    # which also lets threads of one process share a Corpus.
    def dicts(self) -> list[dict[str, Any]]:
        with self._con.cursor() as cur:
            cur.execute(self._sql, self._params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def to_arrow(self) -> pa.Table:
        with self._con.cursor() as cur:
            return cur.sql(self._sql, params=self._params).to_arrow_table()

    def to_pandas(self):  # type: ignore[no-untyped-def]
        # Through Arrow: measured 2-3x faster than DuckDB's own .df() on a million rows of strings.
        return self.to_arrow().to_pandas()


def find_actor_ids(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """Actor ids whose name or alias folds to `name`, most-mentioned first."""
    rows = con.execute(
        """SELECT a.actor_id FROM aliases a LEFT JOIN mentions m ON m.actor_id = a.actor_id
           WHERE a.folded = ? GROUP BY a.actor_id ORDER BY count(m.actor_id) DESC, a.actor_id""",
        [fold(name)]).fetchall()
    return [r[0] for r in rows]


def actors(con: duckdb.DuckDBPyConnection, types: Sequence[str] | None = None, top: int | None = None) -> Rows:
    sql = """SELECT a.id, a.name, a.type, a.country, count(m.actor_id) AS mentions,
                    count(DISTINCT m.article_id) AS articles
             FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
             WHERE (? IS NULL OR list_contains(?, a.type))
             GROUP BY a.id, a.name, a.type, a.country
             ORDER BY mentions DESC, a.name, a.id
             LIMIT ?"""
    type_list = list(types) if types else None
    return Rows(con, sql, [type_list, type_list, top if top is not None else 2**62])


def actor(con: duckdb.DuckDBPyConnection, actor_id: str) -> dict[str, Any] | None:
    rows = Rows(con, """SELECT a.id, a.name, a.type, a.country, a.sector,
                               (SELECT count(*) FROM mentions WHERE actor_id = a.id) AS mentions,
                               (SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = a.id) AS articles,
                               (SELECT list(alias ORDER BY alias) FROM aliases WHERE actor_id = a.id AND alias <> a.name) AS aliases
                        FROM actors a WHERE a.id = ?""", [actor_id]).dicts()
    return rows[0] if rows else None


def articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Whole articles (the extract contract's fields), in the order of `article_ids` (unknown ids
    skipped). Five queries for the whole list, not five per article: exports read thousands."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return []
    sel = "(SELECT unnest(?::VARCHAR[]))"
    rows = Rows(con, f"""SELECT id, source, strftime(date, '%Y-%m-%d') AS date, title, url, outlet, language,
                                date_source, coalesce(story, id) AS story, text, blocks
                         FROM articles WHERE id IN {sel}""", [ids]).dicts()
    by_id = {r["id"]: r for r in rows}
    for art in by_id.values():
        art["blocks"] = json.loads(art["blocks"] or "[]")
        art["mentions"], art["actors"], art["quotes"], art["events"] = [], [], [], []

    def spread(key: str, sql: str) -> None:
        for r in Rows(con, sql, [ids]).dicts():
            by_id[r.pop("article_id")][key].append(r)

    spread("mentions", f"""SELECT article_id, actor_id AS actor, "start", "end", text, how FROM mentions
                           WHERE article_id IN {sel} ORDER BY article_id, idx""")
    spread("actors", f"""SELECT m.article_id, a.id, a.name, a.type, a.country, a.sector,
                                (SELECT list(alias ORDER BY alias) FROM aliases WHERE actor_id = a.id AND alias <> a.name) AS aliases
                         FROM (SELECT DISTINCT article_id, actor_id FROM mentions WHERE article_id IN {sel}) m
                         JOIN actors a ON a.id = m.actor_id ORDER BY m.article_id, a.id""")
    qcols = ", ".join(f'"{c}"' for c in field_names(Quote))
    ecols = ", ".join(f'"{c}"' if c != "date" else "strftime(date, '%Y-%m-%d') AS date" for c in field_names(Event))
    spread("quotes", f"SELECT article_id, {qcols} FROM quotes WHERE article_id IN {sel} ORDER BY article_id, idx")
    spread("events", f"SELECT article_id, {ecols} FROM events WHERE article_id IN {sel} ORDER BY article_id, idx")
    return [by_id[i] for i in ids if i in by_id]


def copies(con: duckdb.DuckDBPyConnection, article_id: str) -> Rows:
    """The other stored copies of an article's story (same `story` id), oldest date first."""
    sql = """SELECT c.id, strftime(c.date, '%Y-%m-%d') AS date, c.date_source, c.outlet, c.url, c.title, c.source
             FROM articles a JOIN articles c ON coalesce(c.story, c.id) = coalesce(a.story, a.id) AND c.id <> a.id
             WHERE a.id = ? ORDER BY c.date NULLS LAST, c.id"""
    return Rows(con, sql, [article_id])


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    row = con.execute("""SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM actors),
                                (SELECT count(*) FROM mentions), (SELECT count(*) FROM quotes),
                                (SELECT count(*) FROM events),
                                (SELECT strftime(min(date), '%Y-%m-%d') FROM articles),
                                (SELECT strftime(max(date), '%Y-%m-%d') FROM articles)""").fetchall()[0]
    keys = ["articles", "actors", "mentions", "quotes", "events", "first_date", "last_date"]
    return dict(zip(keys, row))


_PAGE_ALL = 2**62


def quotes(con: duckdb.DuckDBPyConnection, *, speakers: Sequence[str] | None = None, about: Sequence[str] | None = None,
           since: str | None = None, until: str | None = None, limit: int | None = None, offset: int = 0,
           distinct_stories: bool = False) -> Rows:
    """Quotes with their article, date and speaker name; `about` = an actor mentioned inside the content.

    `distinct_stories` counts a syndicated story once: only the first-seen copy's quotes."""
    sql = """SELECT q.article_id, q.idx, strftime(a.date, '%Y-%m-%d') AS date, a.title, a.source, a.outlet,
                    q.speaker, s.name AS speaker_name, q.speaker_text, q.cue, q.text, q."start", q."end", q.kind,
                    substring(a.text, least(q."start", coalesce(q.cue_start, q."start"), coalesce(q.speaker_start, q."start")) + 1,
                              greatest(q."end", coalesce(q.cue_end, 0), coalesce(q.speaker_end, 0))
                              - least(q."start", coalesce(q.cue_start, q."start"), coalesce(q.speaker_start, q."start"))) AS sentence
             FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker
             WHERE (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], q.speaker))
               AND (?::VARCHAR[] IS NULL OR EXISTS (
                    SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND list_contains(?::VARCHAR[], m.actor_id)
                      AND m."start" >= q."start" AND m."end" <= q."end"))
               AND (?::DATE IS NULL OR a.date >= ?::DATE) AND (?::DATE IS NULL OR a.date <= ?::DATE)
               AND (NOT ?::BOOLEAN OR coalesce(a.story, a.id) = a.id)
             ORDER BY a.date NULLS LAST, q.article_id, q.idx
             LIMIT ? OFFSET ?"""
    sp, ab = (list(speakers) if speakers is not None else None), (list(about) if about is not None else None)
    return Rows(con, sql, [sp, sp, ab, ab, since, since, until, until, distinct_stories,
                           limit if limit is not None else _PAGE_ALL, offset])


def events(con: duckdb.DuckDBPyConnection, *, sources: Sequence[str] | None = None, targets: Sequence[str] | None = None,
           types: Sequence[str] | None = None, modalities: Sequence[str] | None = None, since: str | None = None,
           until: str | None = None, limit: int | None = None, offset: int = 0, distinct_stories: bool = False) -> Rows:
    """Events with source/target names and the sentence they come from (dated by the event's date).

    `distinct_stories` counts a syndicated story once: only the first-seen copy's events."""
    sql = """SELECT e.article_id, e.idx, CAST(coalesce(e.date, a.date) AS VARCHAR) AS date, e.type, e.mode,
                    e.source, s.name AS source_name, s.country AS source_country,
                    e.target, t.name AS target_name, t.country AS target_country,
                    e.trigger, e.modality, e.quote, e.location,
                    trim(substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), chr(10) || ' ') AS sentence,
                    e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end
             FROM events e JOIN articles a ON a.id = e.article_id
                  LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target
             WHERE (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], e.source))
               AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], e.target))
               AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], e.type))
               AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], e.modality))
               AND (?::DATE IS NULL OR coalesce(e.date, a.date) >= ?::DATE)
               AND (?::DATE IS NULL OR coalesce(e.date, a.date) <= ?::DATE)
               AND (NOT ?::BOOLEAN OR coalesce(a.story, a.id) = a.id)
             ORDER BY coalesce(e.date, a.date) NULLS LAST, e.article_id, e.idx
             LIMIT ? OFFSET ?"""
    def opt(v: Sequence[str] | None) -> list[str] | None:
        return list(v) if v is not None else None
    s, t, ty, mo = opt(sources), opt(targets), opt(types), opt(modalities)
    return Rows(con, sql, [s, s, t, t, ty, ty, mo, mo, since, since, until, until, distinct_stories,
                           limit if limit is not None else _PAGE_ALL, offset])


def relation(con: duckdb.DuckDBPyConnection, a_ids: Sequence[str], b_ids: Sequence[str], by: str) -> Rows:
    """Event counts per period, direction and type between two actors (both directions)."""
    if by not in ("day", "week", "month", "year"):
        raise ValueError(f"by must be day, week, month or year, not {by!r}")
    sql = """SELECT strftime(date_trunc(?, coalesce(e.date, a.date)), '%Y-%m-%d') AS period,
                    CASE WHEN list_contains(?::VARCHAR[], e.source) THEN 'a->b' ELSE 'b->a' END AS direction,
                    e.type, count(*) AS events
             FROM events e JOIN articles a ON a.id = e.article_id
             WHERE (list_contains(?::VARCHAR[], e.source) AND list_contains(?::VARCHAR[], e.target))
                OR (list_contains(?::VARCHAR[], e.source) AND list_contains(?::VARCHAR[], e.target))
             GROUP BY ALL ORDER BY period NULLS LAST, direction, e.type"""
    a, b = list(a_ids), list(b_ids)
    return Rows(con, sql, [by, a, a, b, b, a])


# ---------------------------------------------------------------- reads for the web face (issue 6)
# Actor search, an actor's counterpart network and activity over time, newest-first paging.


def search_actors(con: duckdb.DuckDBPyConnection, prefix: str, types: Sequence[str] | None = None,
                  limit: int | None = None, offset: int = 0) -> Rows:
    """Actors whose name or any alias starts with `prefix` (folded), most mentioned first.

    An empty prefix lists every actor. Each row also names the alias that matched (`matched`),
    so a search for `Rütte` shows which spelling was found.
    """
    sql = """WITH hits AS (
                 SELECT actor_id, min(alias) AS matched FROM aliases
                 WHERE starts_with(folded, ?) GROUP BY actor_id)
             SELECT a.id, a.name, a.type, a.country, h.matched,
                    (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
                    (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.actor_id = a.id) AS articles
             FROM actors a JOIN hits h ON h.actor_id = a.id
             WHERE (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], a.type))
             ORDER BY mentions DESC, a.name, a.id
             LIMIT ? OFFSET ?"""
    type_list = list(types) if types else None
    return Rows(con, sql, [fold(prefix), type_list, type_list, limit if limit is not None else _PAGE_ALL, offset])


def counterparts(con: duckdb.DuckDBPyConnection, actor_ids: Sequence[str]) -> Rows:
    """Event counts per counterpart, event type and direction for an actor (its network).

    `direction` is 'out' when the actor is the event's source and 'in' when it is the target;
    events without a counterpart, or between two ids of the actor itself, are left out.
    """
    sql = """WITH e AS (
                 SELECT 'out' AS direction, target AS counterpart, type FROM events
                 WHERE list_contains(?::VARCHAR[], source) AND target IS NOT NULL
                   AND NOT list_contains(?::VARCHAR[], target)
                 UNION ALL
                 SELECT 'in' AS direction, source AS counterpart, type FROM events
                 WHERE list_contains(?::VARCHAR[], target) AND source IS NOT NULL
                   AND NOT list_contains(?::VARCHAR[], source))
             , g AS (
                 SELECT counterpart, direction, type, count(*) AS events FROM e GROUP BY counterpart, direction, type)
             SELECT g.counterpart, c.name AS counterpart_name, c.type AS counterpart_type,
                    c.country AS counterpart_country, g.direction, g.type, g.events
             FROM g JOIN actors c ON c.id = g.counterpart
             ORDER BY sum(g.events) OVER (PARTITION BY g.counterpart) DESC, c.name, g.counterpart, g.direction, g.type"""
    ids = list(actor_ids)
    return Rows(con, sql, [ids, ids, ids, ids])


def activity(con: duckdb.DuckDBPyConnection, actor_ids: Sequence[str], by: str) -> Rows:
    """Counts per `by` period of an actor's events (as source, as target) and quotes (by, about).

    `kind` is one of 'events_as_source', 'events_as_target', 'quotes_by', 'quotes_about'; a
    quote is about the actor when a mention of it lies inside the quote's content (as `quotes`).
    Undated rows have period NULL.
    """
    if by not in ("day", "week", "month", "year"):
        raise ValueError(f"by must be day, week, month or year, not {by!r}")
    sql = """WITH rows AS (
                 SELECT 'events_as_source' AS kind, coalesce(e.date, a.date) AS d
                 FROM events e JOIN articles a ON a.id = e.article_id WHERE list_contains(?::VARCHAR[], e.source)
                 UNION ALL
                 SELECT 'events_as_target', coalesce(e.date, a.date)
                 FROM events e JOIN articles a ON a.id = e.article_id WHERE list_contains(?::VARCHAR[], e.target)
                 UNION ALL
                 SELECT 'quotes_by', a.date
                 FROM quotes q JOIN articles a ON a.id = q.article_id WHERE list_contains(?::VARCHAR[], q.speaker)
                 UNION ALL
                 SELECT 'quotes_about', a.date
                 FROM quotes q JOIN articles a ON a.id = q.article_id
                 WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id
                               AND list_contains(?::VARCHAR[], m.actor_id)
                               AND m."start" >= q."start" AND m."end" <= q."end"))
             SELECT strftime(date_trunc(?, d), '%Y-%m-%d') AS period, kind, count(*) AS count
             FROM rows GROUP BY ALL ORDER BY period NULLS LAST, kind"""
    ids = list(actor_ids)
    return Rows(con, sql, [ids, ids, ids, ids, by])


def newest_first(rows: Rows, limit: int | None = None, offset: int = 0) -> Rows:
    """The same query (of `quotes` or `events`, which have a `date` column) ordered newest first, paged."""
    sql = f"SELECT * FROM ({rows._sql}) r ORDER BY r.date DESC NULLS LAST, r.article_id, r.idx LIMIT ? OFFSET ?"
    return Rows(rows._con, sql, [*rows._params, limit if limit is not None else _PAGE_ALL, offset])
