"""news-please records → Article (Hamborg et al. 2017, "news-please: A Generic News Crawler and Extractor").

news-please writes one JSON object per article (one file each, or JSON Lines) with `maintext`,
`title`, `date_publish`, `date_download`, `url`, `source_domain` and `language`. The record is
read as it is: `date_publish` is the page's own date (`date_source` 'content'), `date_download`
the crawl date ('crawl'). Articles not in English (the record's `language`, else py3langid on the
text) are skipped and counted, never fed to the English model.
"""
from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..model import Article
from .html import Skip, detect_language, outlet_of

# Keys only news-please writes; a record with one of them and no `text` is a news-please record.
_MARKERS = ("maintext", "date_publish", "date_download", "source_domain", "title_page", "title_rss")


def is_record(record: dict[str, Any]) -> bool:
    return "text" not in record and any(k in record for k in _MARKERS)


def _date(value: Any) -> str | None:
    import datetime as dt

    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def to_article(record: dict[str, Any], *, source: str, line: int | None, default_date: str | None,
               make_article) -> Article:  # type: ignore[no-untyped-def]
    """The Article of one news-please record (`source` the file, `line` its line); raises
    InputError (bad record) or Skip (not English)."""
    text = record.get("maintext")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "news-please record without 'maintext' (no article text); skipped", line=line)
    language = record.get("language") if isinstance(record.get("language"), str) and record.get("language") else None
    language = (language or detect_language(text) or "").lower()[:2] or None
    if language and language != "en":
        raise Skip("not English")
    date, date_source = _date(record.get("date_publish")), "content"
    if date is None:
        date, date_source = _date(record.get("date_download")), "crawl"
    if date is None:
        date, date_source = default_date, "given" if default_date else None
    # news-please gives the title and the description as separate fields; keep paragraphs apart
    paragraphs = text.replace("\r\n", "\n").split("\n")
    body = "\n\n".join(p for p in paragraphs if p.strip())
    url = record.get("url") if isinstance(record.get("url"), str) else None
    outlet = record.get("source_domain") if isinstance(record.get("source_domain"), str) else None
    if outlet:
        outlet = outlet_of("http://" + outlet) or outlet.lower()
    else:
        outlet = outlet_of(url)
    title = record.get("title") if isinstance(record.get("title"), str) else None
    return make_article(body, source=f"{source}:{line}" if line is not None else source, date=date, title=title, url=url, outlet=outlet, line=line,
                        language=language, date_source=date_source)
