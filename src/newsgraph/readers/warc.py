"""WARC archives (Common Crawl's CC-NEWS and any crawler's) → Article, read as a stream.

Records are read one at a time with warcio (`ArchiveIterator`), so memory does not grow with
the archive: a page's body is read up to the page limit and the rest of the record is skipped.
Only `response` records with HTTP status 200 and an HTML body become articles (ISO 28500 /
WARC 1.1 record types); every other record is counted by reason in `ReadStats.skipped`.

A corrupt record is reported with its byte offset and reading resumes at the next record
start (the next gzip member that opens with `WARC/`, or the next `WARC/1.x` line in an
uncompressed file), so the records before and after it still ingest. A file that ends in the
middle of a record (an interrupted download) is reported as truncated at that record's offset,
and that record yields nothing: a record is complete when it holds the bytes its Content-Length
declares and, in a `.warc.gz`, its gzip member ends with the gzip trailer. warcio itself reads a
cut record as a shorter one without a word, so each record's article is held back until the
next record starts or the record is found complete.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article
from .dates import with_date_warnings
from .html import MAX_HTML_BYTES, read_html

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SCAN_CHUNK = 1 << 20


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def _is_gzip(f: BinaryIO) -> bool:
    f.seek(0)
    head = f.read(2)
    f.seek(0)
    return head == b"\x1f\x8b"


def _next_record_start(f: BinaryIO, after: int, gz: bool) -> int | None:
    """Byte offset of the next record that starts after `after`, or None at the end of the file."""
    pos = after + 1
    marker = b"\x1f\x8b\x08" if gz else b"WARC/1."
    while True:
        f.seek(pos)
        chunk = f.read(_SCAN_CHUNK + len(marker))
        if len(chunk) < len(marker):
            return None
        at = chunk.find(marker)
        while at != -1:
            start = pos + at
            if gz:
                f.seek(start)
                try:
                    head = zlib.decompressobj(wbits=31).decompress(f.read(4096), 16)
                except zlib.error:
                    head = b""
                if head.startswith(b"WARC/"):
                    return start
            else:
                f.seek(max(start - 1, 0))
                if start == 0 or f.read(1) == b"\n":
                    return start
            at = chunk.find(marker, at + 1)
        pos += _SCAN_CHUNK


def _is_html(content_type: str, body_head: bytes) -> bool:
    if content_type:
        return content_type.split(";")[0].strip().lower() in _HTML_TYPES
    head = body_head[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _member_complete(f: BinaryIO, start: int) -> bool:
    """True when the gzip member that starts at `start` ends (its trailer is there) before the file does."""
    f.seek(start)
    member = zlib.decompressobj(wbits=31)
    while not member.eof:
        chunk = member.unconsumed_tail or f.read(_SCAN_CHUNK)
        if not chunk:
            return False
        try:
            member.decompress(chunk, _SCAN_CHUNK)  # output bounded: only the end of the member matters
        except zlib.error:
            return False
    return True


def _cut_short(record, start: int, f: BinaryIO, gz: bool) -> bool:  # type: ignore[no-untyped-def]
    """True when a record (already read to its end by warcio) is incomplete: no Content-Length,
    fewer bytes than it declares, or, compressed, a gzip member without its end."""
    if record.length is None:
        return True
    if getattr(record.raw_stream, "limit", 0):
        return True
    return gz and not _member_complete(f, start)


def read_warc(path: Path, *, stats, default_date: str | None = None) -> Iterator[Article | InputError]:  # type: ignore[no-untyped-def]
    """Yield an Article (or InputError) per HTML response record of a WARC file; count the rest."""
    yield from with_date_warnings(_read_records(path, stats, default_date))


def _read_records(path: Path, stats, default_date: str | None) -> Iterator[Article | InputError]:  # type: ignore[no-untyped-def]
    """The records of a WARC file, each one's items held back until the record is known to be
    complete (warcio reads a cut record as a short one without a word)."""
    from warcio.archiveiterator import ArchiveIterator

    class Records(ArchiveIterator):
        INC_RECORD = ""  # warcio writes this warning to stderr itself; damage is reported below, once

    source = str(path)
    size = path.stat().st_size
    with path.open("rb") as f:
        gz = _is_gzip(f)
        start: int | None = 0
        while start is not None:
            f.seek(start)
            it = Records(f, ensure_http_headers=False)
            offset = start
            held: list[Article | InputError] = []
            last = None
            try:
                for record in it:
                    yield from held  # the record before this one ended where this one starts
                    offset = it.offset  # the record's start (get_record_offset() would consume its body)
                    stats.records += 1
                    last = record
                    held = list(_record(record, f"{source}@{offset}", stats, default_date))
                end = it.offset
            except Exception as exc:  # warcio raises several kinds on damaged input (ArchiveLoadFailed, zlib.error, ...)
                failed_at = it.offset if isinstance(it.offset, int) and offset <= it.offset < size else offset
                if failed_at != offset:
                    yield from held
                stats.records += 1
                start = _next_record_start(f, failed_at, gz)
                damage = "corrupt WARC record" if start is not None else "corrupt or truncated WARC record at the end of the file"
                yield InputError(f"{source}@{failed_at}", f"{damage}, skipped ({exc.__class__.__name__}: {str(exc)[:100]})")
                continue
            start = None
            if last is not None and _cut_short(last, offset, f, gz):
                yield InputError(f"{source}@{offset}", f"truncated WARC: the record at byte {offset:,} is incomplete "
                                                       f"(interrupted download?); the records before it were read")
                return
            yield from held
            f.seek(end)
            rest = f.read(64)
            if end < size and rest.strip(b"\r\n\x00 "):
                stats.records += 1
                yield InputError(f"{source}@{end}", f"truncated WARC: the last {size - end:,} bytes are not a complete "
                                                    f"record (interrupted download?); the records before it were read")


def _record(record, source: str, stats, default_date: str | None) -> Iterator[Article | InputError]:  # type: ignore[no-untyped-def]
    rec_type = record.rec_type
    if rec_type != "response":
        stats.skip(f"{rec_type} record")
        return
    http = record.http_headers
    if http is None or not http.protocol.upper().startswith("HTTP"):
        stats.skip("not an HTTP response")
        return
    status = str(http.get_statuscode())
    if status.startswith("3"):
        stats.skip("redirect")
        return
    if status != "200":
        stats.skip(f"HTTP status {status}")
        return
    content_type = http.get_header("Content-Type") or ""
    stream = record.content_stream()
    body = stream.read(MAX_HTML_BYTES + 1)
    if not _is_html(content_type, body):
        stats.skip("not HTML")
        return
    if len(body) > MAX_HTML_BYTES:
        yield InputError(source, f"page has more than {MAX_HTML_BYTES:,} bytes, the limit for one HTML page; skipped")
        return
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    yield from read_html(body, source=source, stats=stats, default_date=default_date,
                         url=record.rec_headers.get_header("WARC-Target-URI"), http_content_type=content_type,
                         crawl_date=warc_date[:10] or None)
