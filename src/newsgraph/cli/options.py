"""Option types that several commands share, and the check that turns a bad date into a usage error.

The store is `newsgraph.duckdb` in the working directory unless `--db FILE` or `NEWSGRAPH_DB`
says otherwise (README, "Command line").
"""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import query
from ..errors import NewsgraphError
from .output import Format, ListFormat

DEFAULT_DB = "newsgraph.duckdb"

DbOption = Annotated[str, typer.Option("--db", envvar="NEWSGRAPH_DB", help="DuckDB store file.")]
DateOption = Annotated[Optional[str], typer.Option("--date", help="Date YYYY-MM-DD for inputs without one.")]
LimitOption = Annotated[Optional[int], typer.Option("--limit", min=1, help="Stop after the first N articles (a quick look at a crawl).")]
CopyThresholdOption = Annotated[float, typer.Option(
    "--copy-threshold", min=0.05, max=1.0,
    help="Jaccard similarity (MinHash over word shingles) from which an article is a syndicated copy of another.")]
FormatOption = Annotated[Format, typer.Option("--format")]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="From this date, YYYY-MM-DD.")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Up to this date, YYYY-MM-DD.")]
PageOption = Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many rows.")]
DistinctOption = Annotated[bool, typer.Option("--distinct-stories", help="Count a syndicated story once.")]
ActorArgument = Annotated[str, typer.Argument(help="Name, alias or id of an actor.")]
EvalFormatOption = Annotated[Format, typer.Option("--format", help="table or jsonl.")]
ListFormatOption = Annotated[ListFormat, typer.Option("--format", help="table, jsonl or csv (every column, a header first).")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows (the next page).")]
OrderOption = Annotated[str, typer.Option("--order", help="desc (default) or asc.")]
OutletOption = Annotated[Optional[list[str]], typer.Option("--outlet", help="Only from this outlet (as stored, e.g. reuters.com); repeatable.")]
SearchOption = Annotated[Optional[str], typer.Option("--search", "-q", help="Full-text query: words (all required), \"a phrase\", -not.")]
MinConfidenceOption = Annotated[Optional[float], typer.Option("--min-confidence", min=0.0, max=1.0, help="Only rows at least this confident (0-1).")]


def checked_date(value: str | None) -> str | None:
    """`value` as YYYY-MM-DD, or a usage error (exit status 2) naming what was given."""
    try:
        return query.parse_date(value)
    except NewsgraphError as exc:
        raise typer.BadParameter(str(exc)) from None
