"""The list reads behind the analyst's workbench: quotes, events and articles with filters, a total and a page.

Every list is one `ListQuery`: a narrow query of the matching rows' keys, rowids and sort value
(the filters that were given as a `WHERE`, a sort key from a closed set), counted for the total
and cut to one page; then the wide columns a list page shows (with the article id and the
character offsets that open the article at the fact) are read for that page only, by rowid, in
the same statement (so the same snapshot). Reading the sentence out of every article's text
before cutting the page costs 10x more on 10^5 quotes (benchmarks/query.py); every list takes a
fact's sentence from the snippets cut at write time (below), not from the article's text.
Filters are parameters, never values formatted into SQL; the only text put into SQL is a sort
expression chosen from the dictionaries below and a column checked against the store's schema.

A list whose only filters are actors (and dates), sorted by date, reads its keys from the
actor's rows of a link summary instead (`actor_quotes`, `actor_events`, `actor_articles`,
store/summaries.py: sorted by actor, newest first), and the page's rows through the article-id
indexes (store/lookups.py): its cost follows the actor's rows and the page, not the store. Such
a page takes the text it shows of each row (a quote's attribution, an event's sentence, an
article's opening and counts) from the snippets cut at write time (`quote_snippets`,
`event_snippets`, `article_snippets`), not from the article's text: a row of that compressed
column costs milliseconds to read back. An empty page runs no detail query (its column names
are known from an earlier one) and no count.

Full-text matches come from the search index (`newsgraph.search`) as `Hits`: DuckDB's 64-bit
`hash()` of the article id (taken from the store when the article was indexed, `search_rows`),
the fact's `idx`, and a score. The hits' article ids are looked up once in `article_keys`, and the filters
then apply in DuckDB, so the total of a query with `q=` and filters is the number of rows that
match both.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import duckdb

from ..resolve.text import fold
from .connection import table_columns
from .lookups import fetched, keyed, listed_params
from .reads import Rows
from .summaries import QUOTE_SPAN

#: sort keys of each list -> the SQL expression of the narrow query that orders by it
QUOTE_SORTS = {"date": "a.date", "speaker": "s.name", "outlet": "a.outlet", "kind": "q.kind",
               "confidence": "{confidence}", "relevance": "hit.score"}
EVENT_SORTS = {"date": "coalesce(e.date, a.date)", "type": "e.type", "source": "src.name", "target": "tgt.name",
               "modality": "e.modality", "outlet": "a.outlet", "confidence": "{confidence}", "relevance": "hit.score"}
ARTICLE_SORTS = {"date": "a.date", "outlet": "a.outlet", "title": "a.title",
                 "quotes": "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id)",
                 "events": "(SELECT count(*) FROM events e WHERE e.article_id = a.id)", "relevance": "hit.score"}
ORDERS = ("asc", "desc")
_ALL = 2**62


@dataclass(frozen=True, slots=True)
class Hits:
    """Full-text matches of one kind: per hit the article key, the fact's idx (0 for articles) and a score."""

    article_keys: list[int]
    idx: list[int]
    scores: list[float]


@dataclass
class _Where:
    """Conditions joined by AND, each with its parameters in order."""

    conditions: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.conditions) if self.conditions else "TRUE"


@dataclass(frozen=True, slots=True)
class Linked:
    """The keys of a list filtered by actors only, from a link summary, and how to read a page of them.

    `keys` selects `article_id` (and `idx` for facts) and `sort_value` (the date) of every match;
    `lookup(article_ids)` gives the list's detail (its wide columns) over `keys_page p` (the page's
    keys and sort values) and its parameters, reading the rows of those articles by index (a join
    on rowids would scan every row group between the page's first and last row).
    """

    keys: str
    params: list[Any]
    lookup: Callable[[Sequence[str]], tuple[str, list[Any]]]
    top: Top | None = None


@dataclass(frozen=True, slots=True)
class Top:
    """A linked list with one actor filter (or one pair), read without gathering all of its keys: `rows`
    selects its keys and `sort_value` from one summary table (a fact at most `copies` times, once per actor
    id and rel it matches), `count` (a scalar SELECT) its total.

    A page is the first `copies * (offset + limit)` rows in the list's order, made distinct and cut:
    DuckDB reads them as a top-N of an actor's rows, which are sorted newest first in the summary's runs,
    so it stops after the first row groups; the total is a count of the actor's rows (vectorized, no
    sort, no hash of the keys). Gathering the keys to count and sort them (a materialized CTE) cost time
    linear in the actor's rows: for the busiest actor at 10^5 articles 39 ms of CPU for its 169k events
    (a DISTINCT over both sides), 17 ms for the 300k quotes about it; ten times that at 10^6 (issue 20)."""

    rows: str
    params: list[Any]
    copies: int
    count: str
    count_params: list[Any]


@dataclass(frozen=True, slots=True)
class ListQuery:
    """A filtered list: `page(limit, offset)` for the rows and the total, `count()` for the total alone.

    `ctes` (the hits, when there is a query) precede `keys`, a SELECT of the key columns, the
    `rowid`s of the rows the detail reads (`row_ids`: alias -> table alias), `score` and
    `sort_value`; `detail` selects the wide columns FROM `page p` and joins each table on the
    rowid the page carries, which DuckDB fetches directly instead of scanning the table."""

    con: duckdb.DuckDBPyConnection
    ctes: str
    keys: str
    params: list[Any]
    key_columns: tuple[str, ...]
    descending: bool
    detail: str
    linked: Linked | None = None
    filtered: bool = False  # whether a condition besides the full-text hits applies (`search.paged`)

    def _order(self, prefix: str = "", ranked: bool = True) -> str:
        """The list's order; `ranked`: the rows carry `hit_rank` (equal scores in the index's order, `_rank`)."""
        direction = "DESC" if self.descending else "ASC"
        keys = ", ".join(f"{prefix}{k}" for k in self.key_columns)
        rank = f"{prefix}hit_rank NULLS LAST, " if ranked else ""
        return f"{prefix}sort_value {direction} NULLS LAST, {rank}{keys}"

    def _with(self, *more: str) -> str:
        parts = [c for c in (self.ctes, *more) if c]
        return f"WITH {', '.join(parts)} " if parts else ""

    def page(self, limit: int | None, offset: int = 0) -> tuple[list[dict[str, Any]], tuple[str, ...], int]:
        """The rows of one page as dicts, the column names (also when there are no rows) and the total.

        The matching keys are computed once (a materialized CTE) for both the page and the count."""
        if self.linked is not None:
            return self._linked_page(self.linked, limit, offset)
        ctes = (f"matching AS MATERIALIZED ({self.keys})",
                f"page AS (SELECT * FROM matching ORDER BY {self._order()} LIMIT ? OFFSET ?)")
        sql = (f"{self._with(*ctes)}SELECT d.*, (SELECT count(*) FROM matching) AS {_TOTAL} "
               f"FROM ({self.detail}) d ORDER BY {self._order('d.')}")
        with self.con.cursor() as cur:
            cur.execute(sql, [*self.params, limit if limit is not None else _ALL, offset])
            names = tuple(d[0] for d in cur.description)
            fetched = cur.fetchall()
        return self._shaped(names, fetched, offset)

    def _linked_keys(self, cur: duckdb.DuckDBPyConnection, linked: Linked, limit: int | None,
                     offset: int) -> tuple[list[tuple[Any, ...]], int]:
        """The page's keys and sort values (each row ends with the total) from the link summary, and the total."""
        keys = ", ".join(self.key_columns)
        if linked.top is not None and limit is not None:
            return self._top_keys(cur, linked.top, limit, offset)
        found = cur.execute(f"WITH matching AS MATERIALIZED ({linked.keys}) SELECT {keys}, sort_value, "
                            f"(SELECT count(*) FROM matching) FROM matching ORDER BY {self._order(ranked=False)} LIMIT ? OFFSET ?",
                            [*linked.params, limit if limit is not None else _ALL, offset]).fetchall()
        # no keys on the first page: nothing matches (no count needed)
        return found, int(found[0][-1]) if found else (0 if offset == 0 else self._linked_count(linked))

    def _linked_page(self, linked: Linked, limit: int | None, offset: int,
                     keys: tuple[list[tuple[Any, ...]], int] | None = None) -> tuple[list[dict[str, Any]], tuple[str, ...], int]:
        """`page` from the link summary: the page's keys and the total first (`keys`: as `_linked_keys` gave
        them already), then its rows by index."""
        with self.con.cursor() as cur:
            found, total = keys if keys is not None else self._linked_keys(cur, linked, limit, offset)
            columns: list[tuple[Any, ...]] = list(zip(*found, strict=True)) if found else [()] * (len(self.key_columns) + 2)
            unnest = ", ".join(f"unnest(?::{_KEY_TYPES[c]}[]) AS {c}" for c in (*self.key_columns, "sort_value"))
            detail, params = linked.lookup(sorted(set(columns[0])))
            sql = (f"WITH keys_page AS (SELECT {unnest}, NULL::DOUBLE AS score, NULL::INTEGER AS hit_rank) "
                   f"SELECT d.*, ?::BIGINT AS {_TOTAL} FROM ({detail}) d ORDER BY {self._order('d.')}")
            names = _DETAIL_NAMES.get(sql)
            if found or names is None:  # an empty page needs only the detail's column names, known once read
                cur.execute(sql, [*(list(c) for c in columns[:-1]), total, *params])
                names = tuple(d[0] for d in cur.description)
                fetched = cur.fetchall()
                if len(_DETAIL_NAMES) < _MAX_DETAIL_NAMES:
                    _DETAIL_NAMES[sql] = names
            else:
                fetched = []
        return self._shaped(names, fetched, offset, total)

    def _top_keys(self, cur: duckdb.DuckDBPyConnection, top: Top, limit: int,
                  offset: int) -> tuple[list[tuple[Any, ...]], int]:
        """`_linked_keys` of a list with one actor filter: its first rows in order, and its count (`Top`)."""
        keys, order = ", ".join(self.key_columns), self._order(ranked=False)
        distinct = "DISTINCT " if top.copies > 1 else ""
        found = cur.execute(f"SELECT {keys}, sort_value, ({top.count}) FROM (SELECT {distinct}* FROM "
                            f"({top.rows} ORDER BY {order} LIMIT ?)) ORDER BY {order} LIMIT ? OFFSET ?",
                            [*top.count_params, *top.params, top.copies * (offset + limit), limit, offset]).fetchall()
        if found or offset == 0:  # no keys on the first page: nothing matches
            return found, int(found[0][-1]) if found else 0
        row = cur.execute(top.count, top.count_params).fetchone()
        return found, int(row[0]) if row else 0

    def _linked_count(self, linked: Linked) -> int:
        with self.con.cursor() as cur:
            row = cur.execute(f"SELECT count(*) FROM ({linked.keys}) r", linked.params).fetchone()
        return int(row[0]) if row else 0

    def _shaped(self, names: tuple[str, ...], fetched: list[tuple[Any, ...]], offset: int,
                total: int | None = None) -> tuple[list[dict[str, Any]], tuple[str, ...], int]:
        """Rows as dicts without the columns only the query needs, the shown columns and the total."""
        shown = [i for i, name in enumerate(names[:-1]) if name not in _PAGE_ONLY]
        columns = tuple(names[i] for i in shown)
        rows = [dict(zip(columns, (row[i] for i in shown), strict=True)) for row in fetched]
        if total is None:
            total = int(fetched[0][-1]) if fetched else (0 if offset == 0 else self.count())
        return rows, columns, total

    def rows(self) -> Rows:
        """Every row, in order, as `Rows` (for Arrow or pandas without a Python loop)."""
        return Rows(self.con, f"{self._with(f'page AS ({self.keys})')}SELECT * EXCLUDE ({', '.join(_PAGE_ONLY)}) "
                              f"FROM ({self.detail}) d ORDER BY {self._order('d.')}", self.params)

    def count(self) -> int:
        with self.con.cursor() as cur:
            row = cur.execute(f"{self._with()}SELECT count(*) FROM ({self.keys}) r", self.params).fetchone()
        return int(row[0]) if row else 0


_TOTAL = "__total"
# The column names of a linked page's detail, by its SQL (which names the columns; no values): an empty page
# has the same columns as a full one, without running the detail query.
_DETAIL_NAMES: dict[str, tuple[str, ...]] = {}
_MAX_DETAIL_NAMES = 256
_KEY_TYPES = {"article_id": "VARCHAR", "idx": "INTEGER", "sort_value": "DATE"}  # a linked page's keys
_PAGE_ONLY = ("sort_value", "hit_rank")  # carried by the detail for ordering, not shown


def pages(queries: Sequence[ListQuery], limit: int | None,
          offset: int) -> list[tuple[list[dict[str, Any]], tuple[str, ...], int]]:
    """The same page of several lists, each as its `page(limit, offset)` gives it (rows, columns, total).

    Linked lists of one kind (the relation page's two directions) read their keys each, then the rows of
    all their pages in one detail query: on a large store, reading many articles' facts is a scan of the
    table (DuckDB fetches a list's rows by index only for a few dozen articles), so one read serves all."""
    first = queries[0] if queries else None
    if first is None or first.linked is None or len(queries) < 2 or not all(
            q.linked is not None and q.con is first.con and q.key_columns == first.key_columns
            and q.descending == first.descending and _same_lookup(q.linked.lookup, first.linked.lookup) for q in queries):
        return [q.page(limit, offset) for q in queries]
    with first.con.cursor() as cur:
        found = [q._linked_keys(cur, q.linked, limit, offset) for q in queries if q.linked is not None]
        if not any(rows for rows, _ in found):  # nothing on any page: no detail to read, keys not read again
            return [q._linked_page(q.linked, limit, offset, keys) for q, keys in zip(queries, found, strict=True)
                    if q.linked is not None]
        parts = [part for part, (rows, _) in enumerate(found) for _ in rows]
        columns = list(zip(*(row[:-1] for rows, _ in found for row in rows), strict=True))
        unnest = ", ".join(f"unnest(?::{_KEY_TYPES[c]}[]) AS {c}" for c in (*first.key_columns, "sort_value"))
        keys = ", ".join(first.key_columns)
        detail, params = first.linked.lookup(sorted(set(columns[0])))
        # a fact on two lists' pages is read once (its sort value is the same on both) and shown on each
        sql = (f"WITH page_parts AS (SELECT unnest(?::INTEGER[]) AS {_PART}, {unnest}), "
               f"keys_page AS (SELECT DISTINCT {keys}, sort_value, NULL::DOUBLE AS score, NULL::INTEGER AS hit_rank FROM page_parts) "
               f"SELECT d.*, pp.{_PART}, 0::BIGINT AS {_TOTAL} FROM ({detail}) d JOIN page_parts pp USING ({keys}) "
               f"ORDER BY pp.{_PART}, {first._order('d.')}")
        cur.execute(sql, [parts, *(list(c) for c in columns), *params])
        names = tuple(d[0] for d in cur.description)
        fetched = cur.fetchall()
    at = names.index(_PART)
    shaped_names = names[:at] + names[at + 1:]
    out = []
    for part, (query, (_, total)) in enumerate(zip(queries, found, strict=True)):
        rows = [row[:at] + row[at + 1:] for row in fetched if row[at] == part]
        out.append(query._shaped(shaped_names, rows, offset, total))
    return out


def _same_lookup(a: Callable[..., Any], b: Callable[..., Any]) -> bool:
    """Whether two lists read their detail the same way (the same function over the same columns)."""
    return isinstance(a, partial) and isinstance(b, partial) and a.func is b.func and a.args == b.args


_PART = "__part"  # which list of `pages` a detail row belongs to


def has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """Whether this store's `table` has `column` (older stores lack the newer ones until re-ingested)."""
    return column in table_columns(con, table)


def _hits_ctes(hits: Hits | None, params: list[Any]) -> str:
    """`raw_hit` and `hit (article_id, idx, score)` from the index's keys, resolved once per article."""
    if hits is None:
        return ""
    params.extend([hits.article_keys, hits.idx, hits.scores, list(range(len(hits.idx))), sorted(set(hits.article_keys))])
    # the hits' article ids through the index on `article_keys` (store/summaries.py), planned alone (a
    # materialized CTE) so that it stays an index lookup; joining on `hash(a.id)` hashed every stored id
    return """raw_hit AS (SELECT unnest(?::UBIGINT[]) AS akey, unnest(?::INTEGER[]) AS idx, unnest(?::DOUBLE[]) AS score,
                                 unnest(?::INTEGER[]) AS rank),
              hit_id AS MATERIALIZED (SELECT akey, article_id FROM article_keys WHERE akey IN (SELECT unnest(?::UBIGINT[]))),
              hit AS (SELECT k.article_id, h.idx, max(h.score) AS score, min(h.rank) AS rank
                      FROM raw_hit h JOIN hit_id k ON k.akey = h.akey GROUP BY ALL)"""


# Hits of at most this many articles are matched with their articles' facts read by index (`_hit_rows`); more
# are matched by a scan. On the store of 198,300 articles an index read costs about 1 ms of CPU per article
# (every fact of it, ~25 us a row) and the scan 30-40 ms: the search page's lists (10 hits each) 105 -> 76 ms
# for quotes, 83 -> 58 for events; a filtered list's rounds of 500 hits 135 -> 185 ms by index, so they scan.
_HIT_ARTICLES_BY_INDEX = 64


def _hit_rows(ctes: str, hits: Hits | None, table: str) -> tuple[str, str, str]:
    """The CTEs and what the keys of a list read its facts (`table`) and articles from, and their rowid column.

    With hits of a few articles, only those articles' rows, looked up by article id in materialized CTEs
    (index scans): joined with the tables themselves, the hits are matched against the whole `article_id`
    column of quotes or events, a scan linear in the store."""
    if hits is None or len(set(hits.article_keys)) > _HIT_ARTICLES_BY_INDEX:
        return ctes, table, "rowid"
    found = (f"hit_fact AS MATERIALIZED (SELECT rowid AS row_id, * FROM {table} "
             "WHERE article_id IN (SELECT DISTINCT article_id FROM hit_id)), "
             "hit_article AS MATERIALIZED (SELECT rowid AS row_id, id, date, outlet, story FROM articles "
             "WHERE id IN (SELECT DISTINCT article_id FROM hit_id))")
    return f"{ctes}, {found}", "hit_fact", "row_id"


def _in_list(where: _Where, column: str, values: Sequence[str] | None) -> None:
    if values is not None:
        where.add(f"list_contains(?::VARCHAR[], {column})", list(values))


def _dates(where: _Where, column: str, since: str | None, until: str | None) -> None:
    if since is not None:
        where.add(f"{column} >= ?::DATE", since)
    if until is not None:
        where.add(f"{column} <= ?::DATE", until)


def _outlets(where: _Where, outlets: Sequence[str] | None) -> None:
    if outlets is not None:
        where.add("list_contains(?::VARCHAR[], lower(a.outlet))", [o.lower() for o in outlets])


def _first_copies(where: _Where, distinct_stories: bool) -> None:
    """A syndicated story counted once: only its first-seen copy (readers/copies.py)."""
    if distinct_stories:
        where.add("coalesce(a.story, a.id) = a.id")


def _optional_column(present: set[str], alias: str, column: str, sql_type: str) -> str:
    """The column when the table has it, else a typed NULL (a store written before the column existed)."""
    return f"{alias}.{column}" if column in present else f"NULL::{sql_type}"


def _score(hits: Hits | None) -> str:
    return "hit.score" if hits is not None else "NULL::DOUBLE"


def _rank(hits: Hits | None, sort: str) -> str:
    """Equal scores in the index's order (its rank of the hit): then the best `n` hits of a query are the
    first `n` of its best `m` (tantivy breaks ties by document address), which `search.paged` relies on."""
    return "hit.rank" if hits is not None and sort == "relevance" else "NULL::INTEGER"


# An actor filter of a list: the link summary's `rel`s it reads (none: the table has no rel) and the actor ids.
ActorSet = tuple[tuple[str, ...], Sequence[str]]


def _dated(where: list[str], params: list[Any], since: str | None, until: str | None) -> None:
    for bound, op in ((since, ">="), (until, "<=")):
        if bound is not None:
            where.append(f"date {op} ?::DATE")
            params.append(bound)


def _one_of(column: str, ids: Sequence[str], where: list[str], params: list[Any]) -> None:
    if len(ids) == 1:
        where.append(f"{column} = ?")  # an equality lets DuckDB skip the row groups of other actors
        params.append(ids[0])
    else:
        where.append(f"{column} IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(ids))


def _linked_keys(table: str, key_columns: str, sets: Sequence[ActorSet], since: str | None,
                 until: str | None) -> tuple[str, list[Any], Top | None]:
    """The keys (and dates, as `sort_value`) in the link summary `table` that match every actor set and the
    dates: one read of each actor's rows, intersected; DISTINCT where one fact may appear twice in a set.
    With one set, also its `Top` (a page without gathering every key)."""
    parts: list[str] = []
    params: list[Any] = []
    top = None
    for rels, ids in sets:
        where: list[str] = []
        own: list[Any] = []
        if rels:
            where.append(f"rel IN ({', '.join('?' * len(rels))})")
            own.extend(rels)
        _one_of("actor_id", list(ids), where, own)
        _dated(where, own, since, until)
        copies = len(ids) * max(1, len(rels))
        rows = f"SELECT {key_columns}, date AS sort_value FROM {table} WHERE {' AND '.join(where)}"
        parts.append(f"(SELECT {'DISTINCT ' if copies > 1 else ''}{key_columns}, date AS sort_value "
                     f"FROM {table} WHERE {' AND '.join(where)})")
        params.extend(own)
        if len(sets) == 1:
            top = Top(rows, own, copies, *_set_count(table, key_columns, rows, own, (rels, ids), since, until))
    return " INTERSECT ".join(parts), params, top


def _set_count(table: str, key_columns: str, rows: str, params: list[Any], actor_set: ActorSet, since: str | None,
               until: str | None) -> tuple[str, list[Any]]:
    """The total of one actor set's list: a count of its rows where a fact is there once; an actor's events on
    either side, its events as source plus those as target less those it has with itself (`pair_events`, dated
    alike), which counts no key; else the distinct keys."""
    rels, ids = actor_set
    if len(ids) * max(1, len(rels)) == 1:
        return f"SELECT count(*) FROM ({rows})", params
    if table == "actor_events" and len(ids) == 1 and sorted(rels) == ["source", "target"]:
        where: list[str] = []
        own: list[Any] = []
        _one_of("source", ids, where, own)
        _one_of("target", ids, where, own)
        _dated(where, own, since, until)
        return (f"SELECT (SELECT count(*) FROM ({rows})) - (SELECT count(*) FROM pair_events WHERE {' AND '.join(where)})",
                [*params, *own])
    return f"SELECT count(*) FROM (SELECT DISTINCT {key_columns} FROM ({rows}))", params


def _pair_keys(table: str, first: tuple[str, Sequence[str]], second: tuple[str, Sequence[str]], since: str | None,
               until: str | None) -> tuple[str, list[Any], Top]:
    """`_linked_keys` of a list filtered by both actors of a pair table (`pair_quotes`: speaker and about,
    `pair_events`: source and target): the pair's rows, the same keys as the intersection of both actors' rows."""
    where: list[str] = []
    params: list[Any] = []
    for column, ids in (first, second):
        _one_of(column, list(ids), where, params)
    _dated(where, params, since, until)
    copies = len(first[1]) * len(second[1])
    rows = f"SELECT article_id, idx, date AS sort_value FROM {table} WHERE {' AND '.join(where)}"
    count = (f"SELECT count(*) FROM ({rows})" if copies == 1 else
             f"SELECT count(*) FROM (SELECT DISTINCT article_id, idx FROM ({rows}))")
    keys = rows.replace("SELECT ", "SELECT DISTINCT ", 1) if copies > 1 else rows
    return keys, params, Top(rows, params, copies, count, params)


def _linkable(sort: str, hits: Hits | None, sets: Sequence[ActorSet], *others: object) -> bool:
    """Whether a list can read its keys from a link summary: sorted by date, no query, some actor filter
    and no other filter but dates (`others`: the other filters, None or False when not given)."""
    return sort == "date" and hits is None and bool(sets) and all(o is None or o is False for o in others)


_PAGE_ARTICLE_COLUMNS = "id, date, outlet, title, url, source"  # what the lists' details read (not `text`, `blocks`)


def _snippets(kind: str, count: int, columns: str = "article_id, idx, text") -> str:
    """The `{kind}_snippets` of the page's `count` articles (store/summaries.py), through their article-id index."""
    return keyed(f"{kind}_snippets", "article_id", columns, count)


def _quote_detail(columns: str, article_ids: Sequence[str]) -> tuple[str, list[Any]]:
    n = len(article_ids)
    sql = f"""{fetched(fq=keyed("quotes", "article_id", "*", n), fa=keyed("articles", "id", _PAGE_ARTICLE_COLUMNS, n),
                        fs=_snippets("quote", n))}
              SELECT {columns.format(sentence="fs.text")} FROM keys_page p JOIN fq q ON q.article_id = p.article_id AND q.idx = p.idx
              JOIN fa a ON a.id = p.article_id LEFT JOIN fs ON fs.article_id = p.article_id AND fs.idx = p.idx
              LEFT JOIN actors s ON s.id = q.speaker"""
    return sql, listed_params(article_ids) * 3


def _event_detail(columns: str, article_ids: Sequence[str]) -> tuple[str, list[Any]]:
    n = len(article_ids)
    sql = f"""{fetched(fe=keyed("events", "article_id", "*", n), fa=keyed("articles", "id", _PAGE_ARTICLE_COLUMNS, n),
                        fs=_snippets("event", n))}
              SELECT {columns.format(sentence="fs.text")} FROM keys_page p JOIN fe e ON e.article_id = p.article_id AND e.idx = p.idx
              JOIN fa a ON a.id = p.article_id LEFT JOIN fs ON fs.article_id = p.article_id AND fs.idx = p.idx
              LEFT JOIN actors src ON src.id = e.source LEFT JOIN actors tgt ON tgt.id = e.target"""
    return sql, listed_params(article_ids) * 3


def _article_detail(columns: str, article_ids: Sequence[str]) -> tuple[str, list[Any]]:
    n = len(article_ids)
    lookups = fetched(fa=keyed("articles", "id", _PAGE_ARTICLE_COLUMNS, n),
                      fs=_snippets("article", n, "article_id, text, quotes, events"))
    shown = columns.format(quotes="coalesce(fs.quotes, 0)", events="coalesce(fs.events, 0)", snippet="fs.text")
    sql = f"""{lookups}SELECT {shown} FROM keys_page p JOIN fa a ON a.id = p.article_id LEFT JOIN fs ON fs.article_id = a.id"""
    return sql, listed_params(article_ids) * 2


def quote_list(con: duckdb.DuckDBPyConnection, *, stored_columns: Collection[str] | None = None,
               hits: Hits | None = None, speakers: Sequence[str] | None = None,
               about: Sequence[str] | None = None, since: str | None = None, until: str | None = None,
               outlets: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
               min_confidence: float | None = None, anonymous: bool | None = None, distinct_stories: bool = False,
               sort: str = "date", order: str = "desc") -> ListQuery:
    """Quotes with their article, speaker and the attribution's span (`sentence_start`..`sentence_end`:
    speaker, cue and content together); `about` = an actor mentioned inside the content.

    `min_confidence` and `anonymous` need the store's `quotes.confidence` / `quotes.anonymous`
    columns; the caller checks `has_column` first and says what to do when they are missing.
    `stored_columns`: the quotes table's columns when the caller knows them (else they are read).
    """
    params: list[Any] = []
    ctes = _hits_ctes(hits, params)
    present = set(stored_columns if stored_columns is not None else table_columns(con, "quotes"))
    confidence = _optional_column(present, "q", "confidence", "DOUBLE")
    anon = _optional_column(present, "q", "anonymous", "BOOLEAN")
    where = _Where()
    _in_list(where, "q.speaker", speakers)
    if about is not None:  # a mention of the actor inside the content, as `actor_quotes` links them
        where.add("""EXISTS (SELECT 1 FROM actor_quotes k WHERE k.rel = 'about' AND list_contains(?::VARCHAR[], k.actor_id)
                             AND k.article_id = q.article_id AND k.idx = q.idx)""", list(about))
    _dates(where, "a.date", since, until)
    _outlets(where, outlets)
    _in_list(where, "q.kind", kinds)
    if min_confidence is not None:
        where.add(f"{confidence} >= ?", min_confidence)
    if anonymous is not None:
        where.add(f"coalesce({anon}, false) = ?", anonymous)
    _first_copies(where, distinct_stories)
    sort_value = QUOTE_SORTS[sort].format(confidence=confidence)
    ctes, facts, row = _hit_rows(ctes, hits, "quotes")
    arts = "articles" if facts == "quotes" else "hit_article"
    keys = f"""SELECT q.article_id, q.idx, q.{row} AS quote_row, a.{row} AS article_row, s.rowid AS speaker_row,
                      {_score(hits)} AS score, {sort_value} AS sort_value, {_rank(hits, sort)} AS hit_rank
               FROM {facts} q JOIN {arts} a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker
                    {"JOIN hit ON hit.article_id = q.article_id AND hit.idx = q.idx" if hits else ""}
               WHERE {where.sql()}"""
    span_start, span_end = QUOTE_SPAN
    # {sentence}: the attribution from `quote_snippets` (cut at write time, store/summaries.py)
    columns = f"""q.article_id, q.idx, strftime(a.date, '%Y-%m-%d') AS date, a.outlet, a.title,
                        q.speaker, s.name AS speaker_name, q.speaker_text, q.cue, q.text, q.kind,
                        q."start", q."end", {span_start} AS sentence_start, {span_end} AS sentence_end,
                        {{sentence}} AS sentence,
                        {confidence} AS confidence, {anon} AS anonymous, p.score, p.sort_value, p.hit_rank"""
    # the attribution from `quote_snippets` as a linked page reads it: cutting it from the article's text
    # decompressed each page article's text (20 of 49 ms for a page of 50 quotes at 10^4 articles)
    detail = f"""SELECT {columns.format(sentence="fs.text")} FROM page p JOIN quotes q ON q.rowid = p.quote_row JOIN articles a ON a.rowid = p.article_row
                      LEFT JOIN actors s ON s.rowid = p.speaker_row
                      LEFT JOIN quote_snippets fs ON fs.article_id = q.article_id AND fs.idx = q.idx"""
    sets = [(rel, ids) for rel, ids in ((("by",), speakers), (("about",), about)) if ids is not None]
    linked = None
    if _linkable(sort, hits, sets, outlets, kinds, min_confidence, anonymous, distinct_stories):
        keys_of = (_pair_keys("pair_quotes", ("speaker", speakers), ("about", about), since, until)
                   if speakers is not None and about is not None else
                   _linked_keys("actor_quotes", "article_id, idx", sets, since, until))
        linked = Linked(keys_of[0], keys_of[1], partial(_quote_detail, columns), keys_of[2])
    return ListQuery(con, ctes, keys, [*params, *where.params], ("article_id", "idx"), order == "desc", detail, linked,
                     bool(where.conditions))


def event_list(con: duckdb.DuckDBPyConnection, *, stored_columns: Collection[str] | None = None,
               hits: Hits | None = None, actors: Sequence[str] | None = None,
               sources: Sequence[str] | None = None, targets: Sequence[str] | None = None,
               types: Sequence[str] | None = None, modalities: Sequence[str] | None = None,
               min_confidence: float | None = None, since: str | None = None, until: str | None = None,
               outlets: Sequence[str] | None = None, distinct_stories: bool = False, sort: str = "date",
               order: str = "desc") -> ListQuery:
    """Events with both actors' names, the trigger and sentence offsets, dated by the event's date
    (else the article's); `actors` matches either side; `stored_columns`: the events table's columns when the caller knows them."""
    params: list[Any] = []
    ctes = _hits_ctes(hits, params)
    present = set(stored_columns if stored_columns is not None else table_columns(con, "events"))
    confidence = _optional_column(present, "e", "confidence", "DOUBLE")
    where = _Where()
    if actors is not None:
        ids = list(actors)
        where.add("(list_contains(?::VARCHAR[], e.source) OR list_contains(?::VARCHAR[], e.target))", ids, ids)
    _in_list(where, "e.source", sources)
    _in_list(where, "e.target", targets)
    _in_list(where, "e.type", types)
    _in_list(where, "e.modality", modalities)
    if min_confidence is not None:
        where.add(f"{confidence} >= ?", min_confidence)
    _dates(where, "coalesce(e.date, a.date)", since, until)
    _outlets(where, outlets)
    _first_copies(where, distinct_stories)
    sort_value = EVENT_SORTS[sort].format(confidence=confidence)
    ctes, facts, row = _hit_rows(ctes, hits, "events")
    arts = "articles" if facts == "events" else "hit_article"
    keys = f"""SELECT e.article_id, e.idx, e.{row} AS event_row, a.{row} AS article_row, src.rowid AS source_row,
                      tgt.rowid AS target_row, {_score(hits)} AS score, {sort_value} AS sort_value,
                      {_rank(hits, sort)} AS hit_rank
               FROM {facts} e JOIN {arts} a ON a.id = e.article_id
                    LEFT JOIN actors src ON src.id = e.source LEFT JOIN actors tgt ON tgt.id = e.target
                    {"JOIN hit ON hit.article_id = e.article_id AND hit.idx = e.idx" if hits else ""}
               WHERE {where.sql()}"""
    columns = f"""e.article_id, e.idx, strftime(coalesce(e.date, a.date), '%Y-%m-%d') AS date, a.outlet, a.title,
                        e.type, e.mode, e.modality, e.source, src.name AS source_name, src.country AS source_country,
                        e.target, tgt.name AS target_name, tgt.country AS target_country, e.trigger, e.location,
                        e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end,
                        {{sentence}} AS sentence,
                        {confidence} AS confidence, p.score, p.sort_value, p.hit_rank"""
    detail = f"""SELECT {columns.format(sentence="fs.text")} FROM page p JOIN events e ON e.rowid = p.event_row JOIN articles a ON a.rowid = p.article_row
                      LEFT JOIN actors src ON src.rowid = p.source_row LEFT JOIN actors tgt ON tgt.rowid = p.target_row
                      LEFT JOIN event_snippets fs ON fs.article_id = e.article_id AND fs.idx = e.idx"""
    sets = [(rels, ids) for rels, ids in ((("source", "target"), actors), (("source",), sources), (("target",), targets))
            if ids is not None]
    linked = None
    if _linkable(sort, hits, sets, types, modalities, min_confidence, outlets, distinct_stories):
        keys_of = (_pair_keys("pair_events", ("source", sources), ("target", targets), since, until)
                   if actors is None and sources is not None and targets is not None else
                   _linked_keys("actor_events", "article_id, idx", sets, since, until))
        linked = Linked(keys_of[0], keys_of[1], partial(_event_detail, columns), keys_of[2])
    return ListQuery(con, ctes, keys, [*params, *where.params], ("article_id", "idx"), order == "desc", detail, linked,
                     bool(where.conditions))


def article_list(con: duckdb.DuckDBPyConnection, *, hits: Hits | None = None, actors: Sequence[str] | None = None,
                 since: str | None = None, until: str | None = None, outlets: Sequence[str] | None = None,
                 distinct_stories: bool = False, sort: str = "date", order: str = "desc") -> ListQuery:
    """Articles with their counts of quotes and events and the opening of the text (`snippet`);
    `actors` = mentioned in the article (any of the ids)."""
    params: list[Any] = []
    ctes = _hits_ctes(hits, params)
    where = _Where()
    if actors is not None:
        where.add("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND list_contains(?::VARCHAR[], m.actor_id))",
                  list(actors))
    _dates(where, "a.date", since, until)
    _outlets(where, outlets)
    _first_copies(where, distinct_stories)
    keys = f"""SELECT a.id AS article_id, a.rowid AS article_row, {_score(hits)} AS score, {ARTICLE_SORTS[sort]} AS sort_value,
                      {_rank(hits, sort)} AS hit_rank
               FROM articles a {"JOIN hit ON hit.article_id = a.id" if hits else ""}
               WHERE {where.sql()}"""
    columns = """a.id AS article_id, strftime(a.date, '%Y-%m-%d') AS date, a.outlet, a.title, a.url, a.source,
                     {quotes} AS quotes, {events} AS events,
                     {snippet} AS snippet, p.score, p.sort_value, p.hit_rank"""
    # the page's opening and counts from `article_snippets` (as a linked page reads them): counting in `quotes`
    # and `events` scanned both tables and cutting the opening decompressed each article's text
    shown = columns.format(quotes="coalesce(fs.quotes, 0)", events="coalesce(fs.events, 0)", snippet="fs.text")
    detail = f"""SELECT {shown} FROM page p JOIN articles a ON a.rowid = p.article_row
                 LEFT JOIN article_snippets fs ON fs.article_id = a.id"""
    sets: list[ActorSet] = [((), actors)] if actors is not None else []
    linked = None
    if _linkable(sort, hits, sets, outlets, distinct_stories):
        found, found_params, top = _linked_keys("actor_articles", "article_id", sets, since, until)
        linked = Linked(found, found_params, partial(_article_detail, columns), top)
    return ListQuery(con, ctes, keys, [*params, *where.params], ("article_id",), order == "desc", detail, linked,
                     bool(where.conditions))


def actor_matches(con: duckdb.DuckDBPyConnection, hits: Hits | None, prefix: str,
                  limit: int | None) -> tuple[list[dict[str, Any]], tuple[str, ...], int]:
    """Actors matched by words of their names in the index (`hits` keys are actor-id keys) or whose name or
    an alias starts with `prefix` (folded), best score first, then most mentioned; with their counts from
    `actor_counts` (store/summaries.py; counting the busiest actor's mentions took 90 ms at 10^5 articles).
    Returns the rows, the column names and how many match."""
    keys, scores = (hits.article_keys, hits.scores) if hits is not None else ([], [])
    sql = """WITH raw_hit AS (SELECT unnest(?::UBIGINT[]) AS akey, unnest(?::DOUBLE[]) AS score),
                  matched AS (SELECT id, max(score) AS score FROM (
                                  SELECT a.id, h.score FROM raw_hit h JOIN actors a ON hash(a.id) = h.akey
                                  UNION ALL
                                  SELECT actor_id, NULL FROM aliases WHERE ? <> '' AND starts_with(folded, ?))
                              GROUP BY id),
                  counted AS (SELECT actor_id, sum(mentions)::BIGINT AS mentions, sum(articles)::BIGINT AS articles
                              FROM actor_counts WHERE actor_id IN (SELECT id FROM matched) GROUP BY actor_id)
             SELECT a.id, a.name, a.type, a.country, coalesce(c.mentions, 0) AS mentions,
                    coalesce(c.articles, 0) AS articles, m.score, (SELECT count(*) FROM matched) AS __total
             FROM matched m JOIN actors a ON a.id = m.id LEFT JOIN counted c ON c.actor_id = a.id
             ORDER BY m.score DESC NULLS LAST, mentions DESC, a.name, a.id LIMIT ?"""
    folded = fold(prefix)
    with con.cursor() as cur:
        cur.execute(sql, [keys, scores, folded, folded, limit if limit is not None else _ALL])
        names = tuple(d[0] for d in cur.description)
        fetched = cur.fetchall()
    columns = names[:-1]
    return ([dict(zip(columns, row[:-1], strict=True)) for row in fetched], columns,
            int(fetched[0][-1]) if fetched else 0)


def store_state(con: duckdb.DuckDBPyConnection) -> tuple[int, str | None]:
    """How many articles the store holds and when the last was written (to tell a stale search index)."""
    with con.cursor() as cur:
        row = cur.execute("SELECT count(*), CAST(max(ingested_at) AS VARCHAR) FROM articles").fetchone()
    return (int(row[0]), row[1]) if row else (0, None)
