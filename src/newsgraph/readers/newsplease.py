"""news-please records → Article (Hamborg et al. 2017, "news-please: A Generic News Crawler and Extractor").

news-please writes one JSON object per article (one file each, or JSON Lines) with `maintext`,
`title`, `date_publish`, `date_download`, `url`, `source_domain` and `language`. The record is
read as it is: `date_publish` is the page's own date (`date_source` 'content'), `date_download`
the crawl date ('crawl'); a date string that is not ISO 8601 counts as absent, as news-please
writes null for a date it could not find. Each field is checked as for any JSON record
(readers/records.py): a number `date_publish` or a list `url` fails the record alone. Articles
not in English (the record's `language`, else py3langid on the text) are skipped and counted,
never fed to the English model.
"""
from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..model import Article
from .article import make_article
from .html import Skip, detect_language, outlet_of
from .records import date_field, string_field, text_field

# Keys only news-please writes; a record with one of them and no `text` is a news-please record.
_MARKERS = ("maintext", "date_publish", "date_download", "source_domain", "title_page", "title_rss")


def is_record(record: dict[str, Any]) -> bool:
    return "text" not in record and any(k in record for k in _MARKERS)


def to_article(record: dict[str, Any], *, source: str, line: int | None, default_date: str | None) -> Article:
    """The Article of one news-please record (`source` the file, `line` its line); raises
    InputError (bad record) or Skip (not English)."""
    text = text_field(record, "maintext", source, line)
    if text is None or not text.strip():
        raise InputError(source, "news-please record without 'maintext' (no article text); skipped", line=line)
    language = (string_field(record, "language", source, line) or detect_language(text) or "").lower()[:2] or None
    if language and language != "en":
        raise Skip("not English")
    date = date_field(record, "date_publish", source, line, strict=False)
    date_source: str | None = "content"
    if date is None:
        date, date_source = date_field(record, "date_download", source, line, strict=False), "crawl"
    if date is None:
        date, date_source = default_date, "given" if default_date else None
    # news-please gives the title and the description as separate fields; keep paragraphs apart
    paragraphs = text.replace("\r\n", "\n").split("\n")
    body = "\n\n".join(p for p in paragraphs if p.strip())
    url = string_field(record, "url", source, line)
    domain = string_field(record, "source_domain", source, line)
    outlet = (outlet_of("http://" + domain) or domain.lower()) if domain else outlet_of(url)
    title = string_field(record, "title", source, line)
    return make_article(body, source=f"{source}:{line}" if line is not None else source, date=date, title=title, url=url,
                        outlet=outlet, line=line, language=language, date_source=date_source)
