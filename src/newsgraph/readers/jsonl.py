"""JSON Lines (`.jsonl`, `.ndjson`, `.json`) → Article, one line at a time; also one JSON document per file.

Each line is parsed and validated on its own (readers/records.py) before its article joins a
batch, so a bad line is one InputError naming the file and line, and the lines around it are
read. A line is at most `MAX_FILE_BYTES` long; a longer one is reported with its size and
skipped without being held in memory.

A file whose first line opens a JSON value without closing it (`{` alone, or `{"title": ...,`)
is one pretty-printed document, as news-please writes one per article. When such a file does
not parse as one document but some of its lines are JSON objects, or it has only one line, it
is JSON Lines after all whose first line is broken, and it is read line by line: a broken first
line must not lose the records after it, and its error names its line.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Article
from . import newsplease
from .article import MAX_FILE_BYTES, make_article
from .html import Skip
from .records import date_field, parse_object, string_field, text_field
from .streams import lines, prefixed, total_size

_BOM = b"\xef\xbb\xbf"


def record_to_article(record: dict[str, Any], source: str, line: int | None, default_date: str | None,
                      stats: Any) -> Article | None:
    """The article of one JSON record (None for a news-please record skipped as not English);
    raises InputError for a bad record."""
    if newsplease.is_record(record):
        try:
            return newsplease.to_article(record, source=source, line=line, default_date=default_date)
        except Skip as skip:
            stats.skip(skip.reason)
            return None
    text = text_field(record, "text", source, line)
    if text is None:
        raise InputError(source, "the record has no 'text' string; every line needs one", line=line)
    date = date_field(record, "date", source, line)
    fields = {key: string_field(record, key, source, line) for key in ("title", "url", "outlet", "language", "id")}
    date_source = "content" if date is not None else "given"
    article = make_article(text, source=f"{source}:{line}" if line is not None else source, date=date or default_date,
                           title=fields["title"], url=fields["url"], outlet=fields["outlet"], line=line,
                           language=fields["language"], date_source=date_source)
    if fields["id"]:
        article.id = fields["id"]
    if article.date is None:
        stats.undated += 1
    return article


def read_lines(raw_lines: Iterable[bytes | int], source: str, default_date: str | None, stats: Any) -> Iterator[Article | InputError]:
    """One Article or InputError per non-blank line (`streams.lines` gives them: a line's bytes, or the size of one too long to keep)."""
    seen_any = False
    for number, raw in enumerate(raw_lines, start=1):
        if isinstance(raw, int):
            seen_any = True
            yield InputError(source, f"line has {raw:,} bytes, above the limit of {MAX_FILE_BYTES:,}", line=number)
            continue
        if not raw.strip():
            continue
        seen_any = True
        try:
            article = record_to_article(parse_object(raw, source, number), source, number, default_date, stats)
        except InputError as err:
            yield err
            continue
        if article is not None:
            yield article
    if not seen_any:
        yield InputError(source, "empty file")


def _opens_a_document(first: bytes) -> bool:
    """A first line that opens a JSON object or array without being a whole JSON value."""
    head = first.strip()
    if head[:1] not in (b"{", b"["):
        return False
    try:
        parse_object(head, "", None)
    except InputError:
        return True
    return False


def _has_object_line(data: bytes) -> bool:
    for raw in data.splitlines():
        try:
            parse_object(raw, "", None)
        except InputError:
            continue
        return True
    return False


def read_json(stream: BinaryIO, source: str, default_date: str | None, stats: Any) -> Iterator[Article | InputError]:
    """JSON Lines, or one JSON document per file (see the module docstring for which is which)."""
    first = stream.readline(MAX_FILE_BYTES + 1)
    if first.startswith(_BOM):
        first = first[len(_BOM):]
    if len(first) > MAX_FILE_BYTES or not _opens_a_document(first):
        yield from read_lines(lines(prefixed(first, stream), MAX_FILE_BYTES), source, default_date, stats)
        return
    document = first + stream.read(MAX_FILE_BYTES + 1 - len(first))
    if len(document) > MAX_FILE_BYTES:
        if first.strip() in (b"{", b"["):
            size = total_size(stream, len(document))
            yield InputError(source, f"JSON document has {size:,} bytes, above the limit of {MAX_FILE_BYTES:,} for one article")
            return
        yield from read_lines(lines(prefixed(document, stream), MAX_FILE_BYTES), source, default_date, stats)
        return
    try:
        record = parse_object(document, source, None)
    except InputError as error:
        one_line = b"\n" not in document.strip()
        if one_line or _has_object_line(document):  # JSON Lines with a broken first line
            yield from read_lines(lines(io.BytesIO(document), MAX_FILE_BYTES), source, default_date, stats)
        else:
            yield error
        return
    try:
        article = record_to_article(record, source, None, default_date, stats)
    except InputError as error:
        yield error
        return
    if article is not None:
        yield article
