"""Every read query of the store: actors, articles, quotes, events, relations, and what ingest asks.

Queries take parameters (never values formatted into SQL) and return `Rows`, which the query
API (`query.Corpus`) turns into records, DataFrames or Arrow tables. `CorpusRows` is the small
read interface that the corpus step (pipeline.corpus_step) gets: stored role holders and
actors, curation rules and dictionary rows.
"""
from __future__ import annotations

import json
from collections.abc import Hashable, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from ..model import Actor, Event, Quote, field_names
from ..resolve.text import fold
from .connection import open_for_batch
from .curation_rows import CurationRow, DictionaryRow, curation_rules, dictionary_rows, dictionary_version


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
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def to_arrow(self) -> pa.Table:
        with self._con.cursor() as cur:
            return cur.sql(self._sql, params=self._params).to_arrow_table()

    def to_pandas(self):  # type: ignore[no-untyped-def]
        # Through Arrow: measured 2-3x faster than DuckDB's own .df() on a million rows of strings.
        return self.to_arrow().to_pandas()


def find_actor_ids(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """Actor ids whose name or alias folds to `name`, most-mentioned first (counts: store/summaries.py)."""
    with con.cursor() as cur:
        rows = cur.execute(
            """WITH named AS (SELECT DISTINCT actor_id FROM aliases WHERE folded = ?)
               SELECT n.actor_id FROM named n LEFT JOIN actor_counts c ON c.actor_id = n.actor_id
               GROUP BY n.actor_id ORDER BY coalesce(sum(c.mentions), 0) DESC, n.actor_id""",
            [fold(name)]).fetchall()
    return [r[0] for r in rows]


def actors(con: duckdb.DuckDBPyConnection, types: Sequence[str] | None = None, top: int | None = None) -> Rows:
    """Actors with their counts of mentions and articles (`actor_counts`), most mentioned first."""
    sql = """WITH c AS (SELECT actor_id, sum(mentions) AS mentions, sum(articles) AS articles FROM actor_counts GROUP BY actor_id)
             SELECT a.id, a.name, a.type, a.country, coalesce(c.mentions, 0)::BIGINT AS mentions,
                    coalesce(c.articles, 0)::BIGINT AS articles
             FROM actors a LEFT JOIN c ON c.actor_id = a.id
             WHERE (? IS NULL OR list_contains(?, a.type))
             ORDER BY mentions DESC, a.name, a.id
             LIMIT ?"""
    type_list = list(types) if types else None
    return Rows(con, sql, [type_list, type_list, top if top is not None else 2**62])


def actor(con: duckdb.DuckDBPyConnection, actor_id: str) -> dict[str, Any] | None:
    """One actor with its aliases and its counts of mentions and articles (`actor_counts`)."""
    rows = Rows(con, """SELECT a.id, a.name, a.type, a.country, a.sector,
                               (SELECT coalesce(sum(mentions), 0)::BIGINT FROM actor_counts WHERE actor_id = ?) AS mentions,
                               (SELECT coalesce(sum(articles), 0)::BIGINT FROM actor_counts WHERE actor_id = ?) AS articles,
                               (SELECT list(alias ORDER BY alias) FROM aliases WHERE actor_id = ? AND alias <> a.name) AS aliases
                        FROM actors a WHERE a.id = ?""", [actor_id] * 4).dicts()
    return rows[0] if rows else None


def listed(values: Sequence[object]) -> str:
    """`(?, ?, ...)`, one parameter per value, for `column IN` a list: over a large table DuckDB plans
    `IN (SELECT unnest(?))` as a scan with a semi join (at 10^6 articles the copy lookup's band keys
    read all 32M stored band keys) and a list of values as a lookup in the column's index."""
    return f"({', '.join('?' * len(values)) or 'NULL'})"


def articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Whole articles (the extract contract's fields), in the order of `article_ids` (unknown ids
    skipped). Five queries for the whole list, not five per article: exports read thousands."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return []
    sel = listed(ids)
    rows = Rows(con, f"""SELECT id, source, strftime(date, '%Y-%m-%d') AS date, title, url, outlet, language,
                                date_source, coalesce(story, id) AS story, text, blocks
                         FROM articles WHERE id IN {sel}""", ids).dicts()
    by_id = {r["id"]: r for r in rows}
    for art in by_id.values():
        art["blocks"] = json.loads(art["blocks"] or "[]")
        art["mentions"], art["actors"], art["quotes"], art["events"] = [], [], [], []

    def spread(key: str, sql: str) -> None:
        for r in Rows(con, sql, ids).dicts():
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
    # the articles read once for their count and date range (three subqueries of them planned twice as long)
    row = con.execute("""SELECT a.n, (SELECT count(*) FROM actors), (SELECT count(*) FROM mentions),
                                (SELECT count(*) FROM quotes), (SELECT count(*) FROM events),
                                strftime(a.first, '%Y-%m-%d'), strftime(a.last, '%Y-%m-%d')
                         FROM (SELECT count(*) AS n, min(date) AS first, max(date) AS last FROM articles) a""").fetchall()[0]
    keys = ["articles", "actors", "mentions", "quotes", "events", "first_date", "last_date"]
    return dict(zip(keys, row, strict=True))


_PAGE_ALL = 2**62


# The columns of a quote as `quotes` and `quotes_by_keys` give them: its article, date, speaker's name, and
# the sentence from the first of quote, cue and speaker to the last of them.
_QUOTE_ROWS = """SELECT q.article_id, q.idx, strftime(a.date, '%Y-%m-%d') AS date, a.title, a.source, a.outlet,
                    q.speaker, s.name AS speaker_name, q.speaker_text, q.cue, q.text, q."start", q."end", q.kind,
                    substring(a.text, least(q."start", coalesce(q.cue_start, q."start"), coalesce(q.speaker_start, q."start")) + 1,
                              greatest(q."end", coalesce(q.cue_end, 0), coalesce(q.speaker_end, 0))
                              - least(q."start", coalesce(q.cue_start, q."start"), coalesce(q.speaker_start, q."start"))) AS sentence
             FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker"""


def quotes(con: duckdb.DuckDBPyConnection, *, speakers: Sequence[str] | None = None, about: Sequence[str] | None = None,
           since: str | None = None, until: str | None = None, limit: int | None = None, offset: int = 0,
           distinct_stories: bool = False) -> Rows:
    """Quotes with their article, date and speaker name; `about` = an actor mentioned inside the content.

    `distinct_stories` counts a syndicated story once: only the first-seen copy's quotes."""
    sql = _QUOTE_ROWS + """
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
                    e.trigger, e.modality, e.quote, e.location, e.location_iso3, e.date_source, e.confidence,
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
    """Event counts per period, direction and type between two actors (both directions), from `actor_pairs`."""
    if by not in ("day", "week", "month", "year"):
        raise ValueError(f"by must be day, week, month or year, not {by!r}")
    a, b = list(a_ids), list(b_ids)
    if len(a) == 1 and len(b) == 1:  # one actor each (most pages): equalities, planned faster than lists
        back = "" if a == b else """UNION ALL SELECT source, day, type, n FROM actor_pairs WHERE source = ? AND target = ?"""
        return Rows(con, f"""WITH p AS (SELECT source, day, type, n FROM actor_pairs WHERE source = ? AND target = ? {back})
                             SELECT strftime(date_trunc(?, day), '%Y-%m-%d') AS period,
                                    CASE WHEN source = ? THEN 'a->b' ELSE 'b->a' END AS direction,
                                    type, sum(n)::BIGINT AS events
                             FROM p GROUP BY ALL ORDER BY period NULLS LAST, direction, type""",
                    [a[0], b[0], *([] if a == b else [b[0], a[0]]), by, a[0]])
    # One read per direction, each narrowed to its source's rows (the table is sorted by source).
    sql = """WITH p AS (
                 SELECT source, day, type, n FROM actor_pairs
                 WHERE source IN (SELECT unnest(?::VARCHAR[])) AND list_contains(?::VARCHAR[], target)
                 UNION ALL
                 SELECT source, day, type, n FROM actor_pairs
                 WHERE source IN (SELECT unnest(?::VARCHAR[])) AND list_contains(?::VARCHAR[], target)
                   AND NOT (list_contains(?::VARCHAR[], source) AND list_contains(?::VARCHAR[], target)))
             SELECT strftime(date_trunc(?, day), '%Y-%m-%d') AS period,
                    CASE WHEN list_contains(?::VARCHAR[], source) THEN 'a->b' ELSE 'b->a' END AS direction,
                    type, sum(n)::BIGINT AS events
             FROM p GROUP BY ALL ORDER BY period NULLS LAST, direction, type"""
    return Rows(con, sql, [a, b, b, a, a, b, by, a])



def search_actors(con: duckdb.DuckDBPyConnection, prefix: str, types: Sequence[str] | None = None,
                  limit: int | None = None, offset: int = 0) -> Rows:
    """Actors whose name or any alias starts with `prefix` (folded), most mentioned first.

    An empty prefix lists every actor. Each row also names the alias that matched (`matched`),
    so a search for `Rütte` shows which spelling was found.
    """
    sql = """WITH hits AS (
                 SELECT actor_id, min(alias) AS matched FROM aliases
                 WHERE starts_with(folded, ?) GROUP BY actor_id)
             , c AS (SELECT actor_id, sum(mentions) AS mentions, sum(articles) AS articles FROM actor_counts
                     WHERE actor_id IN (SELECT actor_id FROM hits) GROUP BY actor_id)
             SELECT a.id, a.name, a.type, a.country, h.matched, coalesce(c.mentions, 0)::BIGINT AS mentions,
                    coalesce(c.articles, 0)::BIGINT AS articles
             FROM actors a JOIN hits h ON h.actor_id = a.id LEFT JOIN c ON c.actor_id = a.id
             WHERE (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], a.type))
             ORDER BY mentions DESC, a.name, a.id
             LIMIT ? OFFSET ?"""
    type_list = list(types) if types else None
    return Rows(con, sql, [fold(prefix), type_list, type_list, limit if limit is not None else _PAGE_ALL, offset])


def counterparts(con: duckdb.DuckDBPyConnection, actor_ids: Sequence[str], limit: int | None = None,
                 offset: int = 0) -> Rows:
    """Event counts per counterpart, event type and direction for an actor (its network), from `actor_counterparts`.

    `direction` is 'out' when the actor is the event's source and 'in' when it is the target;
    events without a counterpart, or between two ids of the actor itself, are left out. Rows
    come busiest counterpart first; `limit` and `offset` page them.
    """
    ids = list(actor_ids)
    # one actor (every page but a name that covers several): an equality, which DuckDB plans faster than a list
    mine = ("actor_id = ? AND counterpart <> ?" if len(ids) == 1 else
            "actor_id IN (SELECT unnest(?::VARCHAR[])) AND NOT list_contains(?::VARCHAR[], counterpart)")
    sql = f"""WITH g AS (
                 SELECT counterpart, direction, type, sum(n)::BIGINT AS events FROM actor_counterparts
                 WHERE {mine}
                 GROUP BY counterpart, direction, type)
             SELECT g.counterpart, c.name AS counterpart_name, c.type AS counterpart_type,
                    c.country AS counterpart_country, g.direction, g.type, g.events
             FROM g JOIN actors c ON c.id = g.counterpart
             ORDER BY sum(g.events) OVER (PARTITION BY g.counterpart) DESC, c.name, g.counterpart, g.direction, g.type
             LIMIT ? OFFSET ?"""
    mine_params: list[Any] = [ids[0], ids[0]] if len(ids) == 1 else [ids, ids]
    return Rows(con, sql, [*mine_params, limit if limit is not None else _PAGE_ALL, offset])


def counterparts_over(con: duckdb.DuckDBPyConnection, actor_ids: Sequence[str], since: str | None = None,
                      until: str | None = None, types: Sequence[str] | None = None) -> Rows:
    """`counterparts` restricted to events dated `since`..`until` (the event's date, else its article's, as the
    event lists date them; an undated event is left out once a bound is given) and of `types`, summed from
    `actor_pairs` (per source, target, day and type; store/summaries.py), in the same order as `counterparts`.

    The actor page's network over a period or a type: it counted every matching event's row read with
    `event_list(limit=None)`, a cost that grew with the actor's events (on a store of 10^5 articles about
    3 s of CPU for the busiest actor since 2016); the summary has at most a row per counterpart, day and type.
    """
    ids = list(actor_ids)
    where: list[str] = []
    params: list[Any] = []
    for bound, op in ((since, ">="), (until, "<=")):
        if bound is not None:
            where.append(f"day {op} ?::DATE")
            params.append(bound)
    if types is not None:
        where.append("list_contains(?::VARCHAR[], type)")
        params.append(list(types))
    more = "".join(f" AND {w}" for w in where)
    side = "{own} = ?" if len(ids) == 1 else "list_contains(?::VARCHAR[], {own})"
    other = "{other} <> ?" if len(ids) == 1 else "NOT list_contains(?::VARCHAR[], {other})"
    own_param: Any = ids[0] if len(ids) == 1 else ids
    parts = [f"""SELECT {o} AS counterpart, '{d}' AS direction, type, n FROM actor_pairs
                 WHERE {side.format(own=m)} AND {other.format(other=o)}{more}"""
             for m, o, d in (("source", "target", "out"), ("target", "source", "in"))]
    sql = f"""WITH g AS (
                 SELECT counterpart, direction, type, sum(n)::BIGINT AS events FROM ({" UNION ALL ".join(parts)})
                 GROUP BY counterpart, direction, type)
             SELECT g.counterpart, c.name AS counterpart_name, c.type AS counterpart_type,
                    c.country AS counterpart_country, g.direction, g.type, g.events
             FROM g JOIN actors c ON c.id = g.counterpart
             ORDER BY sum(g.events) OVER (PARTITION BY g.counterpart) DESC, c.name, g.counterpart, g.direction, g.type"""
    return Rows(con, sql, [own_param, own_param, *params, own_param, own_param, *params])


def activity(con: duckdb.DuckDBPyConnection, actor_ids: Sequence[str], by: str) -> Rows:
    """Counts per `by` period of an actor's events (as source, as target) and quotes (by, about), from `actor_activity`.

    `kind` is one of 'events_as_source', 'events_as_target', 'quotes_by', 'quotes_about'; a
    quote is about the actor when a mention of it lies inside the quote's content (as `quotes`).
    Undated rows have period NULL. A name that covers several actors counts a quote about two
    of them once (from `actor_quotes`).
    """
    if by not in ("day", "week", "month", "year"):
        raise ValueError(f"by must be day, week, month or year, not {by!r}")
    ids = list(actor_ids)
    single = len(ids) <= 1
    if len(ids) == 1:  # one actor: its rows of `actor_activity` alone (planned in half the time of the union)
        return Rows(con, """SELECT strftime(date_trunc(?, day), '%Y-%m-%d') AS period, kind, sum(n)::BIGINT AS count
                            FROM actor_activity WHERE actor_id = ? GROUP BY ALL ORDER BY period NULLS LAST, kind""",
                    [by, ids[0]])
    sql = """SELECT strftime(date_trunc(?, day), '%Y-%m-%d') AS period, kind, sum(n)::BIGINT AS count
             FROM actor_activity WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) AND (?::BOOLEAN OR kind <> 'quotes_about')
             GROUP BY ALL
             UNION ALL
             SELECT strftime(date_trunc(?, date), '%Y-%m-%d') AS period, 'quotes_about' AS kind,
                    count(DISTINCT (article_id, idx))::BIGINT AS count
             FROM actor_quotes WHERE NOT ?::BOOLEAN AND rel = 'about' AND actor_id IN (SELECT unnest(?::VARCHAR[]))
             GROUP BY ALL
             ORDER BY period NULLS LAST, kind"""
    return Rows(con, sql, [by, ids, single, by, single, ids])


def actor_quote_keys(con: duckdb.DuckDBPyConnection, *, speakers: Sequence[str] | None = None,
                     about: Sequence[str] | None = None, limit: int | None = None,
                     offset: int = 0) -> list[tuple[str, int]]:
    """(article id, idx) of the quotes by any of `speakers` and about any of `about` (both when both are
    given), newest first (undated last), paged; from `actor_quotes`, without reading the quotes."""
    parts, params = [], []
    for rel, ids in (("by", speakers), ("about", about)):
        if ids is not None:
            parts.append("SELECT article_id, idx, date FROM actor_quotes WHERE rel = ? AND actor_id IN (SELECT unnest(?::VARCHAR[]))")
            params += [rel, list(ids)]
    if not parts:
        raise ValueError("actor_quote_keys needs speakers or about")
    sql = (f"SELECT article_id, idx FROM ({' INTERSECT '.join(parts)}) k "
           "ORDER BY date DESC NULLS LAST, article_id, idx LIMIT ? OFFSET ?")
    with con.cursor() as cur:
        rows = cur.execute(sql, [*params, limit if limit is not None else _PAGE_ALL, offset]).fetchall()
    return [(r[0], r[1]) for r in rows]


def quotes_by_keys(con: duckdb.DuckDBPyConnection, keys: Sequence[tuple[str, int]]) -> Rows:
    """The quotes with these (article id, idx) keys, in the order given, with the columns of `quotes`.

    Quotes and articles are read through their article-id indexes (a handful of rows), not scanned.
    """
    ids = sorted({k[0] for k in keys})
    tags = [f"{k[0]}#{k[1]}" for k in keys]
    sql = _QUOTE_ROWS + """
             WHERE q.article_id IN (SELECT unnest(?::VARCHAR[])) AND a.id IN (SELECT unnest(?::VARCHAR[]))
               AND list_contains(?::VARCHAR[], q.article_id || '#' || q.idx)
             ORDER BY list_position(?::VARCHAR[], q.article_id || '#' || q.idx)"""
    return Rows(con, sql, [ids, ids, tags, tags])


def newest_first(rows: Rows, limit: int | None = None, offset: int = 0) -> Rows:
    """The same query (of `quotes` or `events`, which have a `date` column) ordered newest first, paged."""
    sql = f"SELECT * FROM ({rows._sql}) r ORDER BY r.date DESC NULLS LAST, r.article_id, r.idx LIMIT ? OFFSET ?"
    return Rows(rows._con, sql, [*rows._params, limit if limit is not None else _PAGE_ALL, offset])


def actor_roles(con: duckdb.DuckDBPyConnection, actor_id: str) -> Rows:
    """Roles of an actor (appositives and pre-modifiers) with the organization/country and first/last date seen (`role_holders`)."""
    return Rows(con, """SELECT r.role, r.of_actor, o.name AS of_name, strftime(min(r.day), '%Y-%m-%d') AS first_seen,
                               strftime(max(r.day), '%Y-%m-%d') AS last_seen, sum(r.n)::BIGINT AS mentions
                        FROM role_holders r LEFT JOIN actors o ON o.id = r.of_actor
                        WHERE r.actor_id = ? GROUP BY r.role, r.of_actor, o.name
                        ORDER BY first_seen NULLS LAST, r.role, r.of_actor NULLS FIRST""", [actor_id])


def actor_labels(con: duckdb.DuckDBPyConnection, actor_id: str, limit: int | None = None, offset: int = 0) -> Rows:
    """How an actor is labelled, by outlet: label, outlet, count, first and last date (`actor_labels`), most used first."""
    return Rows(con, """SELECT label, outlet, sum(n)::BIGINT AS count,
                               strftime(min(first_date), '%Y-%m-%d') AS first_seen, strftime(max(last_date), '%Y-%m-%d') AS last_seen
                        FROM actor_labels WHERE actor_id = ? GROUP BY label, outlet ORDER BY count DESC, label, outlet
                        LIMIT ? OFFSET ?""", [actor_id, limit if limit is not None else _PAGE_ALL, offset])



def known_for_copies(target: str | duckdb.DuckDBPyConnection, ids: Sequence[str], urls: Sequence[str],
                     band_keys: Sequence[int]) -> tuple[set[str], set[str], list[tuple[str, str, bytes]],
                                                        dict[str, str], dict[str, set[str]]]:
    """What the store holds of a batch: ids and URLs present, (id, story, signature) of every
    stored article sharing an LSH band key with it, oldest stored first, and the MD5 of the text
    held under each present id (`{id: md5}`) and URL (`{url: {md5, ...}}`), so the copy linker
    tells another text under a known id or URL from the same one (readers/copies.py; DuckDB's
    `md5(text)` is `copies.text_fingerprint`).

    Each read is a lookup in a single-column index (articles' id and url, `minhash_bands.band_key`,
    `article_minhash`'s key): DuckDB joins would scan the stored tables, so the candidates are
    found first and their rows fetched by id.
    """
    with open_for_batch(target) as con:
        texts: dict[str, str] = dict(con.execute(
            f"SELECT id, md5(text) FROM articles WHERE id IN {listed(ids)}", list(ids)).fetchall())
        present = set(texts)
        url_texts: dict[str, set[str]] = {}
        for url, digest in (con.execute(
                f"SELECT DISTINCT url, md5(text) FROM articles WHERE url IN {listed(urls)}",
                list(urls)).fetchall() if urls else []):
            url_texts.setdefault(url, set()).add(digest)
        seen_urls = set(url_texts)
        candidates: list[tuple[str, str, bytes]] = []
        keys = sorted(set(band_keys))
        found = sorted({r[0] for r in con.execute(
            f"SELECT article_id FROM minhash_bands WHERE band_key IN {listed(keys)}", keys).fetchall()}) if keys else []
        if found:
            signatures = dict(con.execute(f"SELECT article_id, signature FROM article_minhash "
                                          f"WHERE article_id IN {listed(found)}", found).fetchall())
            # in the order written (batch, then row within it: the input order), so a tie between two
            # stored stories goes to the one read first, as it does within a batch, whatever the batch size
            stored = con.execute(f"SELECT id, coalesce(story, id), ingested_at, rowid FROM articles "
                                 f"WHERE id IN {listed(found)}", found).fetchall()
            candidates = [(r[0], r[1], signatures[r[0]]) for r in sorted(stored, key=lambda r: (r[2] is None, r[2] or 0, r[3]))
                          if r[0] in signatures]
    return present, seen_urls, candidates, texts, url_texts


def role_names(con: duckdb.DuckDBPyConnection, of: str | None) -> list[str]:
    """The distinct roles held of actor `of` (None: of any actor or of none), from `role_holders`."""
    where, params = ("WHERE of_actor = ?", [of]) if of is not None else ("", [])
    return [r[0] for r in con.execute(f"SELECT DISTINCT role FROM role_holders {where} ORDER BY role", params).fetchall()]


# A holder of a role, as `role_holders` reads it: (of actor, actor id, role, last day seen so on or before
# a date and its write position, first day seen so and its write position, write position of the last sighting).
RoleHolderRow = tuple["str | None", str, str, "str | None", "int | None", "str | None", "int | None", int]


def role_holders(con: duckdb.DuckDBPyConnection, of: str | None, roles: Sequence[str],
                 date: str | None) -> list[RoleHolderRow]:
    """One row per holder of these roles of actor `of` (None: of any actor or of none): the last day it
    was seen so on or before `date` (None without a date, or when it was not) and the first day it was
    seen so, each with the write position of the first description that day (store/summaries.py), and
    the write position of its last description."""
    if not roles:
        return []
    where, params = ("of_actor = ? AND ", [of]) if of is not None else ("", [])
    rows = con.execute(f"""WITH h AS (SELECT of_actor, role, actor_id, day, min(first_row) AS first_row, max(last_row) AS last_row
                                      FROM role_holders WHERE {where}role IN (SELECT unnest(?::VARCHAR[]))
                                      GROUP BY of_actor, role, actor_id, day)
                           SELECT of_actor, actor_id, role,
                                  max({{'day': day, 'row': -first_row}}) FILTER (WHERE day <= ?::DATE),
                                  min({{'day': day, 'row': first_row}}) FILTER (WHERE day IS NOT NULL), max(last_row)
                           FROM h GROUP BY of_actor, role, actor_id ORDER BY max(last_row)""",
                       [*params, list(roles), date]).fetchall()
    out: list[RoleHolderRow] = []
    for of_actor, actor_id, role, before, first, last in rows:
        out.append((of_actor, actor_id, role, before["day"].isoformat() if before else None, -before["row"] if before else None,
                    first["day"].isoformat() if first else None, first["row"] if first else None, int(last)))
    return out


def stored_actors(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Actor]:
    """The stored actors with these ids, with their aliases (unknown ids left out)."""
    if not ids:
        return []
    rows = con.execute("""SELECT a.id, a.name, a.type, a.country, a.sector,
                                 (SELECT list(alias ORDER BY alias) FROM aliases WHERE actor_id = a.id AND alias <> a.name)
                          FROM actors a WHERE a.id IN (SELECT unnest(?::VARCHAR[]))""", [list(ids)]).fetchall()
    return [Actor(r[0], r[1], r[2], r[3], tuple(r[5] or ()), r[4]) for r in rows]


class CorpusRows:
    """What the corpus step reads of a store (resolve/corpus.py `CorpusReader`), over one connection.

    Role holders come from the `role_holders` summary (one row per holder, not per description),
    so a batch reads as many rows from a store of a million articles as from one of ten thousand.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def role_names(self, of: str | None) -> list[str]:
        return role_names(self._con, of)

    def role_holders(self, of: str | None, roles: Sequence[str], date: str | None) -> list[RoleHolderRow]:
        return role_holders(self._con, of, roles, date)

    def actors(self, ids: Sequence[str]) -> list[Actor]:
        return stored_actors(self._con, ids)

    def curation_rules(self) -> list[CurationRow]:
        return curation_rules(self._con)

    def dictionary_version(self) -> Hashable | None:
        return dictionary_version(self._con)

    def dictionary_rows(self) -> list[DictionaryRow]:
        return dictionary_rows(self._con)
