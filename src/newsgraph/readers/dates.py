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

from collections.abc import Iterable, Iterator

from ..dates import EARLIEST, date_from_filename, is_plausible, iso_date, latest
from ..errors import InputError
from ..model import Article

__all__ = ["date_from_filename", "implausible_date_warning", "is_plausible", "iso_date", "with_date_warnings"]


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
