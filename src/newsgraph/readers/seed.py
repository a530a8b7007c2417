"""The seed text format: `date YYYY-MM-DD` then the body on the same line.

Plain text without that date line is read too. Its date is then looked for in a header line at
the top (`Date: 06.11.2024`, `Published: November 6, 2024`, or a line that is only a date,
`2024-11-06T10:15:00Z`), which is taken out of the body; else it comes from `--date` or stays null.
"""
from __future__ import annotations

import datetime as dt
import re

from ..dates import parse_natural
from ..errors import InputError

# "date" then a token that starts with a digit: that token must be a date.
_DATE_LINE = re.compile(r"^\s*date\s+(\d\S*)[ \t]*")


def split_date_line(text: str, source: str) -> tuple[str | None, str]:
    """Return (date or None, body). A malformed date after `date` is an input error."""
    match = _DATE_LINE.match(text)
    if not match:
        return None, text
    value = match.group(1)
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(source, f"the date line has {value!r}, not a date YYYY-MM-DD; fix the line or pass --date", line=1) from None
    if len(value) != 10:
        raise InputError(source, f"the date line has {value!r}, not a date YYYY-MM-DD; fix the line or pass --date", line=1)
    return date.isoformat(), text[match.end():]


# A header line: an optional label, then a date and nothing else (at most a time and zone).
_HEADER_LABEL = re.compile(r"^\s*(?:(?:date|dated|published|posted|updated|last updated|published on|posted on)\s*[:\-–]?\s*)?(.+?)\s*$",
                           re.IGNORECASE)
_HEADER_LINES = 3  # a date further down is part of the story, not its header
_DOTTED = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")


def _parse_header_date(value: str) -> str | None:
    if len(value) > 40 or not re.search(r"\d{4}", value) or len(value.split()) > 6:
        return None
    # 06.11.2024 is the 6th of November where dots are used
    return parse_natural(value, full=True, day_first=bool(_DOTTED.match(value)), earliest_year=1, latest_year=9999)


def split_header_date(text: str) -> tuple[str | None, str]:
    """(date, body without its date line) from a header line among the first lines, or (None, text)."""
    offset = 0
    seen = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            seen += 1
            match = _HEADER_LABEL.match(line)
            date = _parse_header_date(match.group(1)) if match else None
            if date is not None:
                return date, (text[:offset] + text[offset + len(line):]).lstrip("\n")
            if seen >= _HEADER_LINES:
                break
        offset += len(line)
    return None, text


def split_text_date(text: str, source: str) -> tuple[str | None, str]:
    """The seed date line first (strict: a malformed one is an input error), else a header date."""
    date, body = split_date_line(text, source)
    if date is not None:
        return date, body
    return split_header_date(text)
