"""Readers: files, folders, JSON Lines, HTML, WARC, gzip and stdin → `Article` records (cleaned, not yet parsed).

`read(paths)` yields either an `Article` or an `InputError` for each input it meets, so a
batch goes on past a bad file and the caller decides how to report it. Nothing a reader meets
ends the run: a bad line, record or file is one InputError naming it (with the line or byte
offset), and what comes after it is read. That includes damage found only at the end of a
stream (a truncated `.gz` or `.warc.gz`), a folder that cannot be listed, and a date that cannot
be right (kept, and reported; readers/dates.py).

One module per format: text.py (plain text and the seed format), jsonl.py and records.py (JSON
Lines, news-please JSON), html.py, warc.py; article.py makes the Article and its id, clean.py
cleans its text, copies.py drops exact duplicates and links syndicated copies across articles.
"""
from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article
from . import html, warc
from .article import MAX_FILE_BYTES, article_id, make_article
from .dates import with_date_warnings
from .jsonl import read_json
from .streams import prefixed, total_size
from .text import read_text

__all__ = ["MAX_FILE_BYTES", "ReadStats", "article_id", "logical_name", "make_article", "read", "read_stream"]

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
# What a damaged compressed stream raises: a truncated gzip EOFError, a bad header
# gzip.BadGzipFile (an OSError), corrupt deflate data zlib.error.
_READ_ERRORS = (OSError, EOFError, zlib.error)


@dataclass
class ReadStats:
    """Counts the readers keep so the CLI can say what happened."""

    undated: int = 0
    records: int = 0  # input records met (WARC records, files, JSON lines), articles or not
    skipped: Counter[str] = field(default_factory=Counter)  # records that are not articles, by reason

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def skipped_line(self) -> str | None:
        """'skipped 7 records: 3 request record, 2 redirect, ...' or None when nothing was skipped."""
        if not self.skipped:
            return None
        parts = ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common())
        return f"skipped {sum(self.skipped.values())} records that are not articles: {parts}"


def logical_name(path: Path) -> str:
    """The file name that says the format: without a `.gz` ending (`a.jsonl.gz` → `a.jsonl`)."""
    return path.name[:-3] if path.name.endswith(".gz") else path.name


def _open(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")  # type: ignore[return-value]


def _read_html_stream(stream: BinaryIO, source: str, default_date: str | None, stats: ReadStats) -> Iterator[Article | InputError]:
    data = stream.read(html.MAX_HTML_BYTES + 1)
    if len(data) > html.MAX_HTML_BYTES:
        size = total_size(stream, len(data))
        yield InputError(source, f"page has {size:,} bytes, above the limit of {html.MAX_HTML_BYTES:,} for one HTML page; skipped")
        return
    if not data.strip():
        yield InputError(source, "empty file")
        return
    yield from html.read_html(data, source=source, stats=stats, default_date=default_date, no_text_is_error=True)


def _read_stream_items(stream: BinaryIO, name: str, source: str, default_date: str | None,
                       stats: ReadStats) -> Iterator[Article | InputError]:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        yield from _read_html_stream(stream, source, default_date, stats)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_json(stream, source, default_date, stats)
        return
    data = stream.read(MAX_FILE_BYTES + 1)
    # JSON under another name: a file named otherwise (not .txt) or stdin
    if (suffix not in TEXT_SUFFIXES or name == "<stdin>") and data.lstrip()[:1] == b"{":
        yield from read_json(prefixed(data, stream), source, default_date, stats)
        return
    yield from read_text(data, stream, name, source, default_date, stats)


def read_stream(stream: BinaryIO, name: str, source: str, default_date: str | None,
                stats: ReadStats) -> Iterator[Article | InputError]:
    """The articles of one byte stream (a file's, stdin's, or bytes from a bucket) of any format
    but WARC, told by `name` (see `logical_name`); `source` names it in messages and articles.

    A stream that breaks while it is read (a truncated or corrupt gzip stream, an I/O error) ends
    with one InputError after the articles read before the damage.
    """
    try:
        yield from with_date_warnings(_read_stream_items(stream, name, source, default_date, stats))
    except _READ_ERRORS as exc:
        yield _read_error(source, exc)


def _read_error(source: str, exc: BaseException) -> InputError:
    if isinstance(exc, (EOFError, zlib.error, gzip.BadGzipFile)):
        return InputError(source, f"truncated or corrupt compressed stream ({exc.__class__.__name__}: {exc}); "
                                  f"what came before the damage was read")
    return InputError(source, f"cannot read ({exc.__class__.__name__}: {exc})")


_read_stream = read_stream  # engines/ray.py imports the old private names
_logical_name = logical_name


def _readable_in_folder(path: Path) -> bool:
    """Files a folder walk reads: known article formats only (not the store, logs or images in it)."""
    name = logical_name(path)
    return warc.is_warc(path.name) or Path(name).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def _folder(root: Path, stats: ReadStats) -> Iterator[Path | InputError]:
    """The article files under a folder, recursively, sorted by path; an InputError for each
    folder that cannot be listed (as for a file that cannot be read). Symbolic links to folders
    are not followed (a link back up would loop)."""
    unreadable: list[InputError] = []

    def report(exc: OSError) -> None:
        unreadable.append(InputError(exc.filename or str(root), f"cannot read this folder ({exc.strerror or exc}); "
                                                                 f"the files in it were not read"))

    found: list[Path] = []
    for folder, _, names in os.walk(root, onerror=report):
        found.extend(Path(folder, n) for n in names if not n.startswith("."))
    yield from unreadable
    for path in sorted(found):
        if not path.is_file():
            continue
        if _readable_in_folder(path):
            yield path
        else:
            stats.skip("file of another type in a folder")


def _read_file(path: Path, date: str | None, stats: ReadStats) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        if warc.is_warc(path.name):
            yield from warc.read_warc(path, stats=stats, default_date=date)
            return
        skipped_before = sum(stats.skipped.values())
        with _open(path) as stream:
            for item in read_stream(stream, logical_name(path), source, date, stats):
                stats.records += 1
                yield item
        stats.records += sum(stats.skipped.values()) - skipped_before
    except _READ_ERRORS as exc:
        yield _read_error(source, exc)


def read(paths: Iterable[str], *, date: str | None = None, stats: ReadStats | None = None) -> Iterator[Article | InputError]:
    """Yield an Article or an InputError for every article-sized input under `paths`."""
    stats = stats if stats is not None else ReadStats()
    for given in paths:
        if given == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", "<stdin>", date, stats)
            continue
        root = Path(given)
        if not root.exists():
            yield InputError(given, "no such file or directory")
            continue
        if not root.is_dir():
            yield from _read_file(root, date, stats)
            continue
        for path in _folder(root, stats):
            if isinstance(path, InputError):
                yield path
            else:
                yield from _read_file(path, date, stats)
