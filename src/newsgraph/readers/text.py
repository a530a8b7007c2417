"""Plain-text articles (the seed format and any `.txt`) → Article: size, encoding, date and title.

The date, the first of these that gives one:
1. the seed date line `date YYYY-MM-DD` (strict: a malformed one is an error), `date_source` 'content';
2. a header line among the first three that is a date (`Published: November 6, 2024`), 'content';
3. a date in the file name (`nyt_2016-06-28_some-title.txt`, `20160628.txt`), 'filename'
   (readers/dates.py);
4. `--date`, 'given'; else the article is undated (counted in `ReadStats.undated`).

The title is the first line of the cleaned text when it looks like a headline: more text
follows it, it has 2 to `HEADING_MAX_WORDS` words (the cleaner's limit for a heading), it starts
with a capital, a digit or a quotation mark, it does not end as a sentence or clause does
(`.`, `,`, `;`, `:`, `…`; a headline may end in `?`, `!` or a closing quotation mark), and it is
not a byline (`By Jane Smith`). The line stays in the text, as its first block, so offsets
count the file's own words and a quotation in a headline is still found.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Article
from .article import MAX_FILE_BYTES, make_article
from .clean import HEADING_MAX_WORDS
from .dates import date_from_filename
from .seed import split_text_date
from .streams import total_size

MIN_TITLE_WORDS = 2  # a lone word on the first line is a section label or a dateline ("WASHINGTON"), not a headline
_TITLE_START = re.compile(r"[\"'“‘«]?[A-Z0-9\u00C0-\u024F]")
_CLOSING_QUOTES = "\"'”’»)"
_CLAUSE_END = tuple(".,;:…")
_BYLINE = re.compile(r"^by\s", re.IGNORECASE)


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a BOM is dropped); InputError for a binary file or invalid UTF-8."""
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (NUL bytes), not text; pass text, .jsonl or .gz files")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"invalid UTF-8 at byte {exc.start}; re-encode the file as UTF-8") from None


def title_of(text: str) -> str | None:
    """The first line of a cleaned text when it looks like a headline (see the module docstring), else None."""
    first, _, rest = text.partition("\n")
    line = first.strip()
    if not rest.strip() or not MIN_TITLE_WORDS <= len(line.split()) <= HEADING_MAX_WORDS:
        return None
    core = line.rstrip(_CLOSING_QUOTES)
    if not _TITLE_START.match(line) or not core or core.endswith(_CLAUSE_END) or _BYLINE.match(line):
        return None
    return line


def read_text(data: bytes, stream: BinaryIO, name: str, source: str, default_date: str | None,
              stats: Any) -> Iterator[Article | InputError]:
    """The article of one text file: `data` is its first MAX_FILE_BYTES + 1 bytes, `stream` the
    rest, `name` its file name (without `.gz`)."""
    try:
        if not data.strip():
            raise InputError(source, "empty file")
        if len(data) > MAX_FILE_BYTES:
            size = total_size(stream, len(data))
            raise InputError(source, f"file has {size:,} bytes, above the limit of {MAX_FILE_BYTES:,} for one article; split it")
        date, body = split_text_date(decode(data, source), source)
        date_source = "content"
        if date is None and (date := date_from_filename(name)) is not None:
            date_source = "filename"
        if date is None:
            date, date_source = default_date, "given"
        article = make_article(body, source=source, date=date, date_source=date_source)
        article.title = title_of(article.text)
        if article.date is None:
            stats.undated += 1
        yield article
    except InputError as err:
        yield err
