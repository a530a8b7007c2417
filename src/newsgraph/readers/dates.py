"""Dates the readers meet: JSON date values, dates in file names, and dates that cannot be right.

- A JSON `date` must be a string that starts with `YYYY-MM-DD` (an ISO 8601 date or date-time;
  readers/records.py). A number is refused rather than guessed at: `20240101` reads as a date,
  `1700000000` as a Unix time and `2024` as a year, and a wrong date is worse than none.
- A file name that holds a date, `nyt_2016-06-28_some-title.txt` or `20160628-rutte.txt`, dates a
  plain-text article that states none itself (`date_source` 'filename'): many archives name
  their files so. The date must stand apart from other digits and pass the range check below, so
  an id such as `123456789.txt` is not read as a date.
- A date before 1900 or more than a year after today is kept but reported, once per article
  (`implausible_date_warning`): such dates come from a wrong field, a two-digit year or a typo
  far more often than from a real 19th-century or future article.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..model import Article

EARLIEST = dt.date(1900, 1, 1)
FUTURE_DAYS = 366  # "today + 1 year": a scheduled or embargoed article may be dated ahead, not further
# YYYY-MM-DD or YYYYMMDD, not inside a longer run of digits
_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})(-?)(\d{2})\2(\d{2})(?!\d)")


def latest() -> dt.date:
    return dt.date.today() + dt.timedelta(days=FUTURE_DAYS)


def is_plausible(date: str) -> bool:
    """True when the ISO date lies in 1900-01-01 .. today + 1 year."""
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return False
    return EARLIEST <= day <= latest()


def iso_date(value: str) -> str | None:
    """The date an ISO 8601 date or date-time string starts with, or None ('2024-11-06T10:15Z' → '2024-11-06')."""
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


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


def implausible_date_warning(article: Article) -> InputError | None:
    """A one-line report for an article dated before 1900 or over a year ahead (the article is kept).

    A date given with --date is the user's own and is not second-guessed.
    """
    if article.date is None or article.date_source == "given" or is_plausible(article.date):
        return None
    origin = f" (date_source {article.date_source})" if article.date_source else ""
    return InputError(article.source, f"date {article.date}{origin} is outside {EARLIEST.isoformat()}..{latest().isoformat()}; "
                                      f"the article is kept with this date: check the input")


def with_date_warnings(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
    """The items, each article with an implausible date preceded by its warning."""
    for item in items:
        if isinstance(item, Article):
            warning = implausible_date_warning(item)
            if warning is not None:
                yield warning
        yield item
