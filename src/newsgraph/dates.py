"""Dates, one way: ISO dates from users and files, natural-language dates through dateparser,
dates in file names and PETRARCH's YYMMDD, and the range a news date can plausibly fall in.

Every module that reads a date calls this one: readers (JSON values, header lines, file names),
the CLI and HTTP API (`--since`, `?until=`), event dates (a temporal expression resolved against
the article's date, `extract/events/dates.py`), `resolve -` and user dictionaries.

    >>> parse_iso("2024-11-06")
    '2024-11-06'
    >>> parse_natural("last Tuesday", base="2024-11-06")
    '2024-11-05'
    >>> date_from_filename("nyt_2016-06-28_some-title.txt")
    '2016-06-28'
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import dateparser

from .errors import BadDateError

EARLIEST = dt.date(1900, 1, 1)
FUTURE_DAYS = 366  # "today + 1 year": a scheduled or embargoed article may be dated ahead, not further
# YYYY-MM-DD or YYYYMMDD, not inside a longer run of digits
_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})(-?)(\d{2})\2(\d{2})(?!\d)")


def latest() -> dt.date:
    """The latest plausible date of a news article: a year after today."""
    return dt.date.today() + dt.timedelta(days=FUTURE_DAYS)


def is_plausible(date: str) -> bool:
    """True when the ISO date lies in 1900-01-01 .. today + 1 year."""
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return False
    return EARLIEST <= day <= latest()


def iso_date(value: str) -> str | None:
    """The date an ISO 8601 date or date-time string starts with, or None ('2024-11-06T10:15Z' -> '2024-11-06')."""
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def parse_iso(value: str | dt.date | None) -> str | None:
    """A user's YYYY-MM-DD (or a `date`, or None) as an ISO string; anything else is a `BadDateError`."""
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value else None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadDateError(value) from None


def parse_natural(value: str, *, base: str | None = None, full: bool = False, day_first: bool = False,
                  earliest_year: int = 1800, latest_year: int = 2200) -> str | None:
    """A date written in words or digits ('12 April 2022', 'Today', 'last Tuesday') as YYYY-MM-DD, or None.

    dateparser (scrapinghub) reads the expression; `base` (YYYY-MM-DD) is the day relative forms count
    from (an article's date), `full` requires day, month and year to be written, `day_first` reads
    '06.11.2024' as 6 November. Years outside `earliest_year..latest_year` are misreadings, not dates.
    """
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        try:
            settings["RELATIVE_BASE"] = dt.datetime.strptime(base, "%Y-%m-%d")
        except ValueError:
            return None
        settings["PREFER_DAY_OF_MONTH"] = "first"
    if full:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    if day_first:
        settings["DATE_ORDER"] = "DMY"
    found = dateparser.parse(value, languages=["en"], settings=settings)
    if found is None or not earliest_year <= found.year <= latest_year:
        return None
    return found.date().isoformat()


def date_from_filename(name: str) -> str | None:
    """The first plausible date `YYYY-MM-DD` or `YYYYMMDD` in a file name, or None."""
    for match in _FILENAME_DATE.finditer(name):
        year, _, month, day = match.groups()
        try:
            date = dt.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
        if is_plausible(date):
            return date
    return None


def from_yymmdd(yymmdd: str | None) -> str | None:
    """PETRARCH dictionaries' YYMMDD as YYYY-MM-DD (years 31-99 are 19xx, 00-30 are 20xx), or None."""
    if not yymmdd:
        return None
    yy, mm, dd = int(yymmdd[:2]), yymmdd[2:4], yymmdd[4:6]
    year = 1900 + yy if yy > 30 else 2000 + yy
    return f"{year}-{mm}-{dd}"
