"""A raw body → a cleaned `Article`: the size limits, the cleaning, and the article's id.

Every reader ends here, so an article is cleaned and identified the same way whatever its
format. The id is a hash of the cleaned text and the date (`article_id`): reading the same input
twice gives the same id, which is what makes a re-ingest or a resumed ingest a no-op. A JSON
Lines record may give its own `id` instead; two different texts under one given id are told apart
by the copy linker (readers/copies.py), not here.
"""
from __future__ import annotations

import hashlib

from ..errors import InputError
from ..model import Article
from ..nlp import MAX_CHARS
from .clean import clean_text

# A plain-text file or a JSON line above this cannot hold one article spaCy can parse
# (MAX_CHARS characters of at most 4 UTF-8 bytes each).
MAX_FILE_BYTES = 4 * MAX_CHARS


def article_id(text: str, date: str | None) -> str:
    """Identity of an article: its cleaned text and its date (re-ingesting is then a no-op)."""
    return hashlib.sha1(f"{date or ''}\n{text}".encode()).hexdigest()[:16]


def make_article(raw: str, *, source: str, date: str | None = None, title: str | None = None,
                 url: str | None = None, outlet: str | None = None, line: int | None = None,
                 language: str | None = None, date_source: str | None = None) -> Article:
    """Clean a raw body and wrap it as an Article; raises InputError when nothing is left.

    `date_source` says where `date` comes from: 'content', 'url', 'filename', 'crawl', 'given'
    (--date) or None.
    """
    text, blocks = clean_text(raw)
    if not text.strip():
        raise InputError(source, "no article text (empty after cleaning)", line=line)
    if len(text) > MAX_CHARS:
        raise InputError(source, f"article text has {len(text):,} characters, above the limit of {MAX_CHARS:,}; split it", line=line)
    return Article(id=article_id(text, date), source=source, date=date, title=title, text=text,
                   blocks=blocks, url=url, outlet=outlet, language=language,
                   date_source=date_source if date is not None else None)
