"""Rows of a few articles through a single-column index on their article id.

`column IN (SELECT unnest(?))` over a column with an ART index (schema.sql: articles' id,
`quotes_article`, `events_article`, `mentions_article`) becomes an index scan when DuckDB 2.0
plans it on its own: measured on stores of 10^4 and 10^5 articles, 50 articles' quotes cost the
same 18-26 ms of CPU in both. Inside a larger query the optimizer may instead join the page's
keys with the whole table and scan it (1.5M quotes read for 50 rows, 300 ms), so a page reads
its lookups as materialized CTEs (`fetched`), each planned alone.
"""
from __future__ import annotations

from collections.abc import Sequence


def keyed(table: str, column: str, columns: str, count: int | None = None) -> str:
    """A SELECT of `columns` from `table` where `column` is one of a list of values: one list parameter
    (`keyed_params`), or with `count`, one parameter per value (`listed_params`), `IN (?, ?, ...)`.

    The second keeps the index scan on a large store: at 10^6 articles DuckDB plans `IN (SELECT unnest(?))`
    over the 22M stored quotes as a scan with a semi join (55 articles' quotes: 181 ms of CPU), and a list of
    values as an index scan (14 ms)."""
    if count is None:
        return f"SELECT {columns} FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))"
    return f"SELECT {columns} FROM {table} WHERE {column} IN ({', '.join('?' * count) or 'NULL'})"


def keyed_params(values: Sequence[str]) -> list[object]:
    """The parameters of `keyed` for these values."""
    return [list(values)]


def listed_params(values: Sequence[str]) -> list[object]:
    """The parameters of `keyed(..., count=len(values))` for these values."""
    return list(values)


def fetched(**lookups: str) -> str:
    """Materialized CTEs of the lookups (name -> SELECT): planned on their own, each keeps its index scan
    (inlined, DuckDB may join the page's keys with the whole table first and scan it)."""
    return "WITH " + ", ".join(f"{name} AS MATERIALIZED ({sql})" for name, sql in lookups.items()) + " "
