"""The list reads behind the analyst's workbench: quotes, events and articles with filters, a total and a page.

Every list is one `ListQuery`: the rows a list page shows (with the article id and the
character offsets that open the article at the fact), a `WHERE` built from the filters that
were given, a sort key from a closed set, and `count` for the total. Filters are parameters,
never values formatted into SQL; the only text put into SQL is a sort column chosen from the
dictionaries below and a column list checked against the store's own schema.

Full-text matches come from the search index (`newsgraph.search`) as `Hits`: a 64-bit key of
the article id (`md5_number_upper`, the same number `search.keys.article_key` computes in
Python), the fact's `idx`, and a score. The hits are joined once against the articles (the md5
is computed per article, not per fact), and the filters then apply in DuckDB, so the total
of a query with `q=` and filters is the number of rows that match both.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from .connection import table_columns
from .reads import Rows

#: sort keys of each list -> SQL expression (the alias of a selected column or a table column)
QUOTE_SORTS = {"date": "a.date", "speaker": "s.name", "outlet": "a.outlet", "kind": "q.kind",
               "confidence": "confidence", "relevance": "score"}
EVENT_SORTS = {"date": "coalesce(e.date, a.date)", "type": "e.type", "source": "src.name", "target": "tgt.name",
               "modality": "e.modality", "outlet": "a.outlet", "confidence": "confidence", "relevance": "score"}
ARTICLE_SORTS = {"date": "a.date", "outlet": "a.outlet", "title": "a.title", "quotes": "quotes", "events": "events",
                 "relevance": "score"}
ORDERS = ("asc", "desc")
SNIPPET_CHARS = 240
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
class ListQuery:
    """A filtered list: `page(limit, offset)` for the rows, `count()` for the total."""

    con: duckdb.DuckDBPyConnection
    body: str  # SELECT ... FROM ... WHERE ..., without ORDER BY
    params: list[Any]
    order_by: str

    def page(self, limit: int | None, offset: int = 0) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
        """The rows of one page as dicts, and the column names (also when there are no rows)."""
        sql = f"{self.body} ORDER BY {self.order_by} LIMIT ? OFFSET ?"
        with self.con.cursor() as cur:
            cur.execute(sql, [*self.params, limit if limit is not None else _ALL, offset])
            names = tuple(d[0] for d in cur.description)
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()], names

    def rows(self) -> Rows:
        """Every row, in order, as `Rows` (for Arrow or pandas without a Python loop)."""
        return Rows(self.con, f"{self.body} ORDER BY {self.order_by}", self.params)

    def count(self) -> int:
        with self.con.cursor() as cur:
            row = cur.execute(f"SELECT count(*) FROM ({self.body}) r", self.params).fetchone()
        return int(row[0]) if row else 0


def has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """Whether this store's `table` has `column` (older stores lack the newer ones until re-ingested)."""
    return column in table_columns(con, table)


def _hits_cte(hits: Hits | None, params: list[Any]) -> str:
    """`WITH hit AS (article_id, idx, score)` from the index's keys, resolved once per article."""
    if hits is None:
        return ""
    params.extend([hits.article_keys, hits.idx, hits.scores])
    return """WITH raw_hit AS (SELECT unnest(?::UBIGINT[]) AS akey, unnest(?::INTEGER[]) AS idx, unnest(?::DOUBLE[]) AS score),
                   hit AS (SELECT a.id AS article_id, h.idx, max(h.score) AS score
                           FROM raw_hit h JOIN articles a ON md5_number_upper(a.id) = h.akey GROUP BY ALL) """


def _order(sorts: dict[str, str], sort: str, order: str, tiebreak: str) -> str:
    direction = "ASC" if order == "asc" else "DESC"
    return f"{sorts[sort]} {direction} NULLS LAST, {tiebreak}"


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


def _optional_column(con: duckdb.DuckDBPyConnection, table: str, alias: str, column: str, sql_type: str) -> str:
    return f"{alias}.{column}" if has_column(con, table, column) else f"NULL::{sql_type}"


def quote_list(con: duckdb.DuckDBPyConnection, *, hits: Hits | None = None, speakers: Sequence[str] | None = None,
               about: Sequence[str] | None = None, since: str | None = None, until: str | None = None,
               outlets: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
               min_confidence: float | None = None, anonymous: bool | None = None, distinct_stories: bool = False,
               sort: str = "date", order: str = "desc") -> ListQuery:
    """Quotes with their article, speaker and the attribution's span (`sentence_start`..`sentence_end`:
    speaker, cue and content together); `about` = an actor mentioned inside the content.

    `min_confidence` and `anonymous` need the store's `quotes.confidence` / `quotes.anonymous`
    columns; the caller checks `has_column` first and says what to do when they are missing.
    """
    params: list[Any] = []
    cte = _hits_cte(hits, params)
    confidence = _optional_column(con, "quotes", "q", "confidence", "DOUBLE")
    anon = _optional_column(con, "quotes", "q", "anonymous", "BOOLEAN")
    span_start = 'least(q."start", coalesce(q.cue_start, q."start"), coalesce(q.speaker_start, q."start"))'
    span_end = 'greatest(q."end", coalesce(q.cue_end, 0), coalesce(q.speaker_end, 0))'
    where = _Where()
    _in_list(where, "q.speaker", speakers)
    if about is not None:
        where.add("""EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id
                             AND list_contains(?::VARCHAR[], m.actor_id) AND m."start" >= q."start" AND m."end" <= q."end")""",
                  list(about))
    _dates(where, "a.date", since, until)
    _outlets(where, outlets)
    _in_list(where, "q.kind", kinds)
    if min_confidence is not None:
        where.add(f"{confidence} >= ?", min_confidence)
    if anonymous is not None:
        where.add(f"coalesce({anon}, false) = ?", anonymous)
    _first_copies(where, distinct_stories)
    body = f"""{cte}SELECT q.article_id, q.idx, strftime(a.date, '%Y-%m-%d') AS date, a.outlet, a.title,
                   q.speaker, s.name AS speaker_name, q.speaker_text, q.cue, q.text, q.kind,
                   q."start", q."end", {span_start} AS sentence_start, {span_end} AS sentence_end,
                   substring(a.text, {span_start} + 1, {span_end} - {span_start}) AS sentence,
                   {confidence} AS confidence, {anon} AS anonymous, {"hit.score" if hits else "NULL::DOUBLE"} AS score
            FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker
                 {"JOIN hit ON hit.article_id = q.article_id AND hit.idx = q.idx" if hits else ""}
            WHERE {where.sql()}"""
    return ListQuery(con, body, [*params, *where.params], _order(QUOTE_SORTS, sort, order, "q.article_id, q.idx"))


def event_list(con: duckdb.DuckDBPyConnection, *, hits: Hits | None = None, actors: Sequence[str] | None = None,
               sources: Sequence[str] | None = None, targets: Sequence[str] | None = None,
               types: Sequence[str] | None = None, modalities: Sequence[str] | None = None,
               min_confidence: float | None = None, since: str | None = None, until: str | None = None,
               outlets: Sequence[str] | None = None, distinct_stories: bool = False, sort: str = "date",
               order: str = "desc") -> ListQuery:
    """Events with both actors' names, the trigger and sentence offsets, dated by the event's date
    (else the article's); `actors` matches either side."""
    params: list[Any] = []
    cte = _hits_cte(hits, params)
    confidence = _optional_column(con, "events", "e", "confidence", "DOUBLE")
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
    body = f"""{cte}SELECT e.article_id, e.idx, strftime(coalesce(e.date, a.date), '%Y-%m-%d') AS date, a.outlet, a.title,
                   e.type, e.mode, e.modality, e.source, src.name AS source_name, src.country AS source_country,
                   e.target, tgt.name AS target_name, tgt.country AS target_country, e.trigger, e.location,
                   e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end,
                   trim(substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), chr(10) || ' ') AS sentence,
                   {confidence} AS confidence, {"hit.score" if hits else "NULL::DOUBLE"} AS score
            FROM events e JOIN articles a ON a.id = e.article_id
                 LEFT JOIN actors src ON src.id = e.source LEFT JOIN actors tgt ON tgt.id = e.target
                 {"JOIN hit ON hit.article_id = e.article_id AND hit.idx = e.idx" if hits else ""}
            WHERE {where.sql()}"""
    return ListQuery(con, body, [*params, *where.params], _order(EVENT_SORTS, sort, order, "e.article_id, e.idx"))


def article_list(con: duckdb.DuckDBPyConnection, *, hits: Hits | None = None, actors: Sequence[str] | None = None,
                 since: str | None = None, until: str | None = None, outlets: Sequence[str] | None = None,
                 distinct_stories: bool = False, sort: str = "date", order: str = "desc") -> ListQuery:
    """Articles with their counts of quotes and events and the opening of the text (`snippet`);
    `actors` = mentioned in the article (any of the ids)."""
    params: list[Any] = []
    cte = _hits_cte(hits, params)
    where = _Where()
    if actors is not None:
        where.add("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND list_contains(?::VARCHAR[], m.actor_id))",
                  list(actors))
    _dates(where, "a.date", since, until)
    _outlets(where, outlets)
    _first_copies(where, distinct_stories)
    body = f"""{cte}SELECT a.id AS article_id, strftime(a.date, '%Y-%m-%d') AS date, a.outlet, a.title, a.url, a.source,
                   (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
                   (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
                   trim(left(a.text, {SNIPPET_CHARS}), chr(10) || ' ') AS snippet,
                   {"hit.score" if hits else "NULL::DOUBLE"} AS score
            FROM articles a {"JOIN hit ON hit.article_id = a.id" if hits else ""}
            WHERE {where.sql()}"""
    return ListQuery(con, body, [*params, *where.params], _order(ARTICLE_SORTS, sort, order, "a.id"))


def actor_hits(con: duckdb.DuckDBPyConnection, hits: Hits) -> Rows:
    """Actors matched in the index (`hits.article_keys` hold the actor-id keys), best first, with counts."""
    sql = """WITH raw_hit AS (SELECT unnest(?::UBIGINT[]) AS akey, unnest(?::DOUBLE[]) AS score)
             SELECT a.id, a.name, a.type, a.country,
                    (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
                    (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.actor_id = a.id) AS articles,
                    max(h.score) AS score
             FROM raw_hit h JOIN actors a ON md5_number_upper(a.id) = h.akey
             GROUP BY ALL ORDER BY score DESC, mentions DESC, a.name, a.id"""
    return Rows(con, sql, [hits.article_keys, hits.scores])


def store_state(con: duckdb.DuckDBPyConnection) -> tuple[int, str | None]:
    """How many articles the store holds and when the last was written (to tell a stale search index)."""
    with con.cursor() as cur:
        row = cur.execute("SELECT count(*), CAST(max(ingested_at) AS VARCHAR) FROM articles").fetchone()
    return (int(row[0]), row[1]) if row else (0, None)
