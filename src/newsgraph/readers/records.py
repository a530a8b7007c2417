"""One JSON record, checked on its own before it becomes an article (JSON Lines and news-please).

A record from a JSON line is validated alone, so a bad line fails alone: nothing of a bad value
reaches a batch, where one odd type (a number `title` beside string ones, a list `url`) would
break every article of it (Arrow needs one type per column; a list is not hashable).

The rules, per field:
- the text (`text`, news-please's `maintext`) must be a string, else the line is refused;
- `title`, `url`, `outlet`, `language`, `id` (and news-please's `source_domain`): a string is
  kept, a number becomes its decimal string (`"id": 42` → `"42"`, as a database export writes
  ids), and `true`/`false`, a list or an object refuse the line with a message naming the key;
- `date` (news-please's `date_publish`, `date_download`): a string that starts with a date
  `YYYY-MM-DD`; a number or any other value refuses the line (readers/dates.py says why);
- a string that is not valid Unicode (an unpaired surrogate such as `"\\ud800"`, which JSON
  allows and UTF-8 cannot hold) refuses the line;
- JSON nested too deeply for Python's parser, or an integer of more than 4,300 digits, is
  "not valid JSON" like any other syntax error.
"""
from __future__ import annotations

import json
from typing import Any

from ..errors import InputError
from .dates import iso_date


def parse_object(raw: bytes | str, source: str, line: int | None) -> dict[str, Any]:
    """The JSON object of one line (or document); raises InputError for anything else."""
    try:
        record = json.loads(raw)
    except RecursionError:
        raise InputError(source, "not valid JSON (nested too deeply)", line=line) from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, integers too long to convert
        raise InputError(source, f"not valid JSON ({exc.__class__.__name__}: {str(exc)[:80]})", line=line) from None
    if not isinstance(record, dict):
        raise InputError(source, f"a JSON object is expected on each line, not {_kind(record)}", line=line)
    return record


def _kind(value: Any) -> str:
    """How a JSON value is named in a message: `the number 20240101`, `a list`, `null`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        shown = repr(value)
        return f"the number {shown if len(shown) <= 24 else shown[:20] + '...'}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _valid_unicode(value: str, key: str, source: str, line: int | None) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(source, f"'{key}' is not valid Unicode (unpaired surrogate {value[exc.start]!r} at character "
                                 f"{exc.start}); fix the record's encoding", line=line) from None
    return value


def text_field(record: dict[str, Any], key: str, source: str, line: int | None) -> str | None:
    """The record's text under `key`, None when it is absent or null; InputError for a non-string."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(source, f"'{key}' is {_kind(value)}, not a string of article text", line=line)
    return _valid_unicode(value, key, source, line)


def string_field(record: dict[str, Any], key: str, source: str, line: int | None) -> str | None:
    """An optional string field: a string as is, a number as its decimal string, None when absent,
    null or empty; InputError for a boolean, a list or an object."""
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return _valid_unicode(value, key, source, line)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(source, f"'{key}' is {_kind(value)}, not a string; give a string or leave it out", line=line)


def date_field(record: dict[str, Any], key: str, source: str, line: int | None, *, strict: bool = True) -> str | None:
    """The date of `key` (None when absent, null or empty); InputError for a value that is not a
    string. A string that is not a date is an InputError too, or None when not `strict`."""
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(source, f"'{key}' is {_kind(value)}, not a date string 'YYYY-MM-DD'; write it as one "
                                 f"(quoted) or leave it out", line=line)
    date = iso_date(value)
    if date is None and strict:
        raise InputError(source, f"'{key}' is {_valid_unicode(value, key, source, line)[:40]!r}, not a date YYYY-MM-DD",
                         line=line)
    return date
