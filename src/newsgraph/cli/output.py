"""What every command prints: the two consoles, error and warning lines, JSON Lines and tables.

Results go to stdout (`out`), everything else to stderr (`err`), so `newsgraph quotes --format
jsonl > quotes.jsonl` keeps only records. Error lines follow the project's shape, `error: NG005
...` (codes and messages in `newsgraph.errors`), and a failing command exits with status 1.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from ..errors import NewsgraphError
from ..readers import ReadStats

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")


class Format(StrEnum):
    """How a query command prints its rows: one JSON object per line, or a table."""

    jsonl = "jsonl"
    table = "table"


def say(line: str) -> None:
    """One plain line on stdout (no markup, no highlighting)."""
    out.print(line, markup=False, highlight=False)


def warn(line: str) -> None:
    """One plain line on stderr (no markup, no highlighting)."""
    err.print(line, markup=False, highlight=False)


def report(error: Exception | str) -> None:
    """An input error or refused shard (or its text) on stderr; the run goes on."""
    warn(f"error: {error}")


def fail(exc: Exception) -> NoReturn:
    """Print the error on stderr and exit with status 1."""
    warn(f"error: {exc}")
    raise typer.Exit(1)


def or_fail(run: Callable[[], T]) -> T:
    """The result of `run()`, or exit with its message when the store refuses the query (unknown actor, bad date)."""
    try:
        return run()
    except (NewsgraphError, ValueError) as exc:
        fail(exc)


def undated_warning(count: int) -> None:
    if count:
        warn(f"warning: {count} article(s) have no date line; their date is null (pass --date YYYY-MM-DD)")


def skipped_warning(stats: ReadStats) -> None:
    """The reader's count of records that are not articles (WARC requests, redirects...), if any."""
    line = stats.skipped_line()
    if line:
        warn(line)


def print_json(value: Any) -> None:
    """One JSON value on one line of stdout, non-ASCII kept as is."""
    print(json.dumps(value, ensure_ascii=False))


def print_jsonl(rows: Iterable[Any]) -> None:
    """Records (dataclasses) or dicts, one JSON object per line."""
    for r in rows:
        print_json(r if isinstance(r, dict) else asdict(r))


def print_rows(rows: Sequence[Any], columns: Sequence[tuple[str, str]], format: Format) -> None:
    """Records as JSON Lines, or as a table of the (title, attribute) `columns` (None printed empty)."""
    if format is Format.jsonl:
        print_jsonl(rows)
        return
    table = Table(*[title for title, _ in columns])
    for r in rows:
        table.add_row(*["" if getattr(r, f) is None else str(getattr(r, f)) for _, f in columns])
    out.print(table)
