"""Readers: files, folders, JSON Lines, gzip and stdin → `Article` records (cleaned, not yet parsed).

`read(paths)` yields either an `Article` or an `InputError` for each input it meets, so a
batch goes on past a bad file and the caller decides how to report it.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import itertools
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Article
from ..nlp import MAX_CHARS
from . import html, newsplease, warc
from .clean import clean_text
from .html import Skip
from .seed import split_text_date

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
MAX_FILE_BYTES = 4 * MAX_CHARS  # a plain-text article above this cannot be parsed by spaCy anyway


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


def article_id(text: str, date: str | None) -> str:
    """Identity of an article: its cleaned text and its date (re-ingesting is then a no-op)."""
    return hashlib.sha1(f"{date or ''}\n{text}".encode("utf-8")).hexdigest()[:16]


def make_article(raw: str, *, source: str, date: str | None = None, title: str | None = None,
                 url: str | None = None, outlet: str | None = None, line: int | None = None,
                 language: str | None = None, date_source: str | None = None) -> Article:
    """Clean a raw body and wrap it as an Article; raises InputError when nothing is left.

    `date_source` says where `date` comes from: 'content', 'url', 'crawl', 'given' (--date) or None.
    """
    text, blocks = clean_text(raw)
    if not text.strip():
        raise InputError(source, "no article text (empty after cleaning)", line=line)
    if len(text) > MAX_CHARS:
        raise InputError(source, f"article text has {len(text):,} characters, above the limit of {MAX_CHARS:,}; split it", line=line)
    return Article(id=article_id(text, date), source=source, date=date, title=title, text=text,
                   blocks=blocks, url=url, outlet=outlet, language=language,
                   date_source=date_source if date is not None else None)


def _check_date(value: Any, source: str, line: int | None) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(source, f"'date' is {value!r}, not a date YYYY-MM-DD", line=line) from None


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (NUL bytes), not text; pass text, .jsonl or .gz files")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"invalid UTF-8 at byte {exc.start}; re-encode the file as UTF-8") from None


def _logical_name(path: Path) -> str:
    return path.name[:-3] if path.name.endswith(".gz") else path.name


def _open(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")  # type: ignore[return-value]


def _read_text_blob(data: bytes, source: str, default_date: str | None, stats: ReadStats) -> Iterator[Article | InputError]:
    try:
        if not data.strip():
            raise InputError(source, "empty file")
        if len(data) > MAX_FILE_BYTES:
            raise InputError(source, f"file has {len(data):,} bytes, above the limit of {MAX_FILE_BYTES:,} for one article; split it")
        text = _decode(data, source)
        date, body = split_text_date(text, source)
        date_source = "content" if date is not None else "given"
        if date is None:
            date = default_date
            if date is None:
                stats.undated += 1
        yield make_article(body, source=source, date=date, date_source=date_source)
    except InputError as err:
        yield err


def _read_jsonl_lines(lines: Iterable[bytes], source: str, default_date: str | None, stats: ReadStats) -> Iterator[Article | InputError]:
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        try:
            if len(raw) > MAX_FILE_BYTES:
                raise InputError(source, f"line has {len(raw):,} bytes, above the limit of {MAX_FILE_BYTES:,}", line=number)
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise InputError(source, f"not valid JSON ({exc.__class__.__name__}: {str(exc)[:80]})", line=number) from None
            if not isinstance(record, dict):
                raise InputError(source, "a JSON object is expected on each line", line=number)
            if newsplease.is_record(record):
                try:
                    yield newsplease.to_article(record, source=source, line=number,
                                                default_date=default_date, make_article=make_article)
                except Skip as skip:
                    stats.skip(skip.reason)
                continue
            text = record.get("text")
            if not isinstance(text, str):
                raise InputError(source, "the record has no 'text' string; every line needs one", line=number)
            date = _check_date(record.get("date"), source, number)
            date_source = "content" if date is not None else "given"
            date = date or default_date
            if date is None:
                stats.undated += 1
            article = make_article(text, source=f"{source}:{number}", date=date, title=record.get("title"),
                                   url=record.get("url"), outlet=record.get("outlet"), line=number,
                                   language=record.get("language"), date_source=date_source)
            if record.get("id"):
                article.id = str(record["id"])
            yield article
        except InputError as err:
            yield err
    if not seen_any:
        yield InputError(source, "empty file")


def _read_stream(stream: BinaryIO, name: str, source: str, default_date: str | None, stats: ReadStats) -> Iterator[Article | InputError]:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        data = stream.read(html.MAX_HTML_BYTES + 1)
        if len(data) > html.MAX_HTML_BYTES:
            yield InputError(source, f"page has more than {html.MAX_HTML_BYTES:,} bytes, the limit for one HTML page; skipped")
            return
        if not data.strip():
            yield InputError(source, "empty file")
            return
        yield from html.read_html(data, source=source, stats=stats, default_date=default_date, no_text_is_error=True)
        return
    if suffix in JSONL_SUFFIXES:
        first = stream.readline()
        if first.strip() in (b"{", b"[") or (first.lstrip()[:1] == b"{" and not _is_json(first)):
            # one pretty-printed JSON document per file (news-please writes these)
            yield from _read_jsonl_lines([first + stream.read(MAX_FILE_BYTES)], source, default_date, stats)
        else:
            yield from _read_jsonl_lines(itertools.chain([first], stream), source, default_date, stats)
        return
    data = stream.read(MAX_FILE_BYTES + 1)
    if suffix not in TEXT_SUFFIXES and data.lstrip()[:1] == b"{":
        yield from _read_jsonl_lines(io.BytesIO(data + stream.read()).readlines(), source, default_date, stats)
        return
    if name == "<stdin>" and data.lstrip()[:1] == b"{":
        yield from _read_jsonl_lines(io.BytesIO(data + stream.read()).readlines(), source, default_date, stats)
        return
    yield from _read_text_blob(data, source, default_date, stats)


def _is_json(raw: bytes) -> bool:
    try:
        json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return False
    return True


def _readable_in_folder(path: Path) -> bool:
    """Files a folder walk reads: known article formats only (not the store, logs or images in it)."""
    name = _logical_name(path)
    return warc.is_warc(path.name) or Path(name).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def _files(path: Path, stats: ReadStats) -> Iterator[Path]:
    """A file as given (whatever its name), or the article files under a folder, recursively, sorted."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if not child.is_file() or child.name.startswith("."):
                continue
            if _readable_in_folder(child):
                yield child
            else:
                stats.skip("file of another type in a folder")
    else:
        yield path


def read(paths: Iterable[str], *, date: str | None = None, stats: ReadStats | None = None) -> Iterator[Article | InputError]:
    """Yield an Article or an InputError for every article-sized input under `paths`."""
    stats = stats if stats is not None else ReadStats()
    for given in paths:
        if given == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", "<stdin>", date, stats)
            continue
        root = Path(given)
        if not root.exists():
            yield InputError(given, "no such file or directory")
            continue
        for path in _files(root, stats):
            source = str(path)
            try:
                if warc.is_warc(path.name):
                    yield from warc.read_warc(path, stats=stats, default_date=date)
                    continue
                skipped_before = sum(stats.skipped.values())
                with _open(path) as stream:
                    for item in _read_stream(stream, _logical_name(path), source, date, stats):
                        stats.records += 1
                        yield item
                stats.records += sum(stats.skipped.values()) - skipped_before
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                yield InputError(source, f"cannot read ({exc.__class__.__name__}: {exc})")
