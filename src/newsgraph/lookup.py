"""`newsgraph resolve`: a name (with a date and context) -> the actor it means, or None.

With a store, names resolve against it (its actors, curation and imported dictionaries,
`Corpus.resolve`); without one, against the built-in dated actor table (`resolve.names`).
Batches come as `NAME<TAB>DATE` lines, the date optional: YYYY-MM-DD or a common form
('12 April 2022', 'Today', 'yesterday'; dateparser, via `dates.parse_natural`). Every line gets
an answer, in order: the actor, null for a non-actor, or an error object
`{"line": N, "input": ..., "error": ...}` for a line that cannot be asked (its date is not a date),
which is also reported on stderr naming the line, so one bad line never costs the batch.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from . import query
from .dates import EARLIEST, is_plausible, iso_date, latest, parse_natural
from .errors import InputError, NewsgraphError
from .resolve.names import resolve_name

_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


class NameLookup:
    """Resolves names against the store at `db` if that file exists, else the built-in actor table."""

    def __init__(self, db: str) -> None:
        self._corpus = query.open(db) if os.path.exists(db) else None

    def resolve(self, name: str, date: str | None = None, context: str | None = None) -> dict[str, Any] | None:
        """The actor as a dict (id, name, type, country, sector, role at `date`...), None for a non-actor."""
        if self._corpus is not None:
            return self._corpus.resolve(name, date, context)
        got = resolve_name(name, date, context)
        return got.to_dict() if got else None

    def close(self) -> None:
        if self._corpus is not None:
            self._corpus.close()

    def __enter__(self) -> NameLookup:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def batch_line(line: str, default_date: str | None = None) -> tuple[str, str | None] | None:
    """`NAME<TAB>DATE` -> (name, date as written); a missing or blank date is `default_date`; a blank line is None."""
    if not line.strip():
        return None
    parts = line.rstrip("\r\n").split("\t")
    return parts[0], parts[1].strip() if len(parts) > 1 and parts[1].strip() else default_date


def batch_date(value: str) -> str | None:
    """A line's date as YYYY-MM-DD: ISO as is, else a common form read by dateparser relative to today
    ('12 April 2022', 'Today', 'April 2022' is its first day); None when it is no date (an ISO-shaped
    value that is no real day, '2024-13-01', is not guessed at)."""
    if _ISO_SHAPE.fullmatch(value.strip()):
        return iso_date(value)
    return parse_natural(value, base=dt.date.today().isoformat())


@dataclass(frozen=True)
class BatchAnswer:
    """The answer to one input line: `value` to print (actor dict, None, or an error object) and,
    for a line that could not be asked or whose date is implausible, the `report` for stderr."""

    value: dict[str, Any] | None
    report: InputError | None = None
    failed: bool = False


def answer_lines(lookup: NameLookup, lines: Iterable[str], default_date: str | None = None,
                 context: str | None = None, source: str = "stdin") -> Iterator[BatchAnswer]:
    """One answer per non-blank `NAME<TAB>DATE` line, in order (`newsgraph resolve -`).

    A date that is no date gives the line an error object instead of stopping the batch; a
    date outside 1900..today + 1 year is used but reported (dates.is_plausible).
    """
    for number, line in enumerate(lines, start=1):
        parsed = batch_line(line, default_date)
        if parsed is None:
            continue
        name, written = parsed
        day = batch_date(written) if written else None
        if written and day is None:
            error = InputError(source, f"{written!r} is not a date (YYYY-MM-DD, or words such as '12 April 2022' "
                                       f"or 'today'); this line was not resolved", line=number)
            yield BatchAnswer({"line": number, "input": line.rstrip("\r\n"), "error": str(error)}, error, failed=True)
            continue
        try:
            value = lookup.resolve(name, day, context)
        except (NewsgraphError, ValueError) as exc:
            error = InputError(source, f"{name!r} could not be resolved ({exc})", line=number)
            yield BatchAnswer({"line": number, "input": line.rstrip("\r\n"), "error": str(error)}, error, failed=True)
            continue
        warning = None
        if day is not None and not is_plausible(day):
            warning = InputError(source, f"date {day} is outside {EARLIEST.isoformat()}..{latest().isoformat()}; "
                                         f"resolved as of that date anyway: check it", line=number)
        yield BatchAnswer(value, warning)
