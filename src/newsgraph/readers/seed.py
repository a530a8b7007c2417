"""The seed text format: `date YYYY-MM-DD` then the body on the same line.

Plain text without the date line is read too; its date comes from `--date` or stays null.
"""
from __future__ import annotations

import datetime as dt
import re

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
