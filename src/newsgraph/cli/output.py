"""What every command prints: the two consoles, error and warning lines, JSON Lines and tables.

Results go to stdout (`out`), everything else to stderr (`err`), so `newsgraph quotes --format
jsonl > quotes.jsonl` keeps only records. Error lines follow the project's shape, `error: NG005
...` (codes and messages in `newsgraph.errors`), and a failing command exits with status 1.

Stored text is untrusted (an article's title, text, quotes, names come from the web): it is
printed as text, never as Rich markup (a title `[/x]` would crash the command, `[link=...]` would
become a clickable link), and control characters are shown escaped (`\x1b`), so an article
cannot move the cursor, recolour or retitle the terminal, or hide text behind bidi overrides
(Boucher & Anderson, "Trojan Source", 2021). `printable` does the escaping, `TextTable` makes
every cell plain text, `say`/`warn` print plain escaped lines, `print_json` escapes what JSON
leaves raw (DEL, C1 controls, bidi controls).
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import NewsgraphError
from ..query import Page
from ..readers import ReadStats
from ..summary import RunSummary

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")

# C0 controls but tab and newline, DEL, C1 controls (8-bit CSI and OSC among them), and the
# Unicode bidi marks, embeddings, overrides and isolates (they reorder what the terminal shows).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The same in JSON text (json.dumps already escapes C0 controls inside strings).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with control characters (except tab and newline) and bidi controls shown as `\\x1b`/`\\u202e`."""
    return _UNSAFE.sub(_escape, text)


def plain(value: Any) -> Any:
    """A table cell or title as plain text (a str never becomes markup); other renderables unchanged."""
    return Text(printable(value)) if isinstance(value, str) else value


class TextTable(Table):
    """A Rich table whose title and cells are plain text, escaped (`printable`), never markup: the
    table of every command that shows stored text (column headers are the command's own words)."""

    def __init__(self, *headers: Any, title: Any = None, **kwargs: Any) -> None:
        super().__init__(*headers, title=plain(title), **kwargs)

    def add_row(self, *cells: Any, **kwargs: Any) -> None:
        super().add_row(*(plain(c) for c in cells), **kwargs)


class Format(StrEnum):
    """How a command prints one record or a report: one JSON object per line, or a table."""

    jsonl = "jsonl"
    table = "table"


class ListFormat(StrEnum):
    """How a listing command prints its rows: a table, one JSON object per line, or CSV with a header."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def say(line: str) -> None:
    """One plain line on stdout (no markup, highlighting or emoji codes; control characters escaped)."""
    out.print(printable(line), markup=False, highlight=False, emoji=False)


def warn(line: str) -> None:
    """One plain line on stderr (no markup, highlighting or emoji codes; control characters escaped)."""
    err.print(printable(line), markup=False, highlight=False, emoji=False)


def report(error: Exception | str) -> None:
    """An input error or refused shard (or its text) on stderr; the run goes on."""
    warn(f"error: {error}")


def report_warning(warning: Exception | str) -> None:
    """An article kept with a warning (another text under its id or URL, an implausible date) on stderr."""
    warn(f"warning: {warning}")


def fail(exc: Exception) -> NoReturn:
    """Print the error on stderr and exit with status 1."""
    warn(f"error: {exc}")
    raise typer.Exit(1)


def or_fail(run: Callable[[], T]) -> T:
    """The result of `run()`, or exit with its message when the store refuses the query (unknown actor, bad date,
    a type outside the vocabulary, a search index that cannot be opened)."""
    try:
        return run()
    except (NewsgraphError, ValueError, FileNotFoundError) as exc:
        fail(exc)


def undated_warning(count: int) -> None:
    if count:
        warn(f"warning: {count} article(s) have no date line; their date is null (pass --date YYYY-MM-DD)")


def skipped_warning(stats: ReadStats) -> None:
    """The reader's count of records that are not articles (WARC requests, redirects...), if any."""
    line = stats.skipped_line()
    if line:
        warn(line)


def reader_warnings(stats: ReadStats) -> None:
    """What the readers of a run warn of: articles without a date, records that are not articles."""
    undated_warning(stats.undated)
    skipped_warning(stats)


def report_run(summary: RunSummary, target: str, *, stats: ReadStats | None = None) -> None:
    """The end of an ingest or a load: the reader's warnings (`stats`), the summary line with its seconds
    (an ingest also its articles a second) and `target`, then exit with status 1 when an input or shard failed."""
    if stats is not None:
        reader_warnings(stats)
    rate = f" ({summary.rate:.1f} articles/s)" if summary.kind == "ingest" else ""
    say(f"{summary.line()} in {summary.seconds:.1f}s{rate} -> {target}")
    if summary.failed:
        raise typer.Exit(1)


def print_json(value: Any) -> None:
    """One JSON value on one line of stdout, non-ASCII kept as is but for control characters (escaped as
    `\\u009b`: the same JSON value, harmless on a terminal)."""
    print(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False)))


def print_jsonl(rows: Iterable[Any]) -> None:
    """Records (dataclasses) or dicts, one JSON object per line."""
    for r in rows:
        print_json(r if isinstance(r, dict) else asdict(r))


def _cell(row: Any, name: str) -> Any:
    return row.get(name) if isinstance(row, dict) else getattr(row, name)


def print_rows(rows: Sequence[Any], columns: Sequence[tuple[str, str]], format: Format | ListFormat) -> None:
    """Records or dicts as JSON Lines, CSV (every field, a header line first), or a table of the
    (title, field) `columns` (None printed empty)."""
    if format == "jsonl":
        print_jsonl(rows)
        return
    if format == "csv":
        records = [r if isinstance(r, dict) else asdict(r) for r in rows]
        sys.stdout.write(Page(records, len(records), None, 0).to_csv())
        return
    table = TextTable(*[title for title, _ in columns])
    for r in rows:
        table.add_row(*["" if _cell(r, f) is None else str(_cell(r, f)) for _, f in columns])
    out.print(table)


def showing_line(page: Page, noun: str) -> str | None:
    """'showing 50 of 53 quotes (use --limit or --offset)' when the page is not everything, else None."""
    shown = len(page.rows)
    total = f"{page.total}" if page.exact else f"at least {page.total}"
    if page.offset == 0 and shown >= page.total and page.exact:
        return None
    if shown == 0:
        return f"no {noun} from offset {page.offset} of {total}"
    span = f"{page.offset + 1}-{page.offset + shown}" if page.offset else f"{shown}"
    return f"showing {span} of {total} {noun} (use --limit or --offset)"


def print_page(page: Page, columns: Sequence[tuple[str, str]], format: ListFormat, noun: str) -> None:
    """A list's rows (table, JSON Lines or CSV of every column) on stdout; on stderr, how many of how many
    were shown and what the answer's notes say, so a cut list never passes for the whole."""
    if format is ListFormat.csv:
        sys.stdout.write(page.to_csv())
    else:
        print_rows(page.rows, columns, format)
    line = showing_line(page, noun)
    if line:
        warn(line)
    for note in page.notes:
        warn(f"note: {note}")
