"""`newsgraph.extract` and `newsgraph.extract_many`: the library face of the pipeline.

They clean texts exactly as the readers do, so `extract(text).to_dict()` is the object that
`newsgraph extract --format jsonl` prints for the same text.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .engines.local import analyze_parallel
from .errors import InputError
from .model import Article
from .pipeline import DEFAULT_BATCH_SIZE, analyze
from .query import parse_date
from .readers import make_article
from .readers.seed import split_text_date


def to_article(item: str | Mapping[str, Any], index: int) -> Article:
    """A text, or a dict with `text` (and `date`, `title`, `url`, `outlet`, `id`, `source`), as a cleaned Article.

    Cleaned as the readers clean files; `index` names the item in errors. Raises `InputError`
    for an item without text and `BadDateError` for a malformed date.
    """
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, Mapping) or not isinstance(item.get("text"), str):
        raise InputError(f"item {index}", "expected a text or a mapping with a 'text' string")
    source = str(item.get("source") or f"item {index}")
    date = parse_date(item.get("date"))
    embedded, body = split_text_date(item["text"], source)
    article = make_article(body, source=source, date=date or embedded, title=item.get("title"),
                           url=item.get("url"), outlet=item.get("outlet"),
                           date_source="given" if date else "content")
    if item.get("id"):
        article.id = str(item["id"])
    return article


def extract(text: str, date: str | None = None, *, title: str | None = None, url: str | None = None) -> Article:
    """Analyze one article text; returns the typed records (`Article.to_dict()` is the JSON contract).

    A leading `date YYYY-MM-DD` line is read as in seed files; `date` wins over it.
    Raises `InputError` for an empty text and `BadDateError` for a malformed date.
    """
    article = to_article({"text": text, "date": date, "title": title, "url": url, "source": "<text>"}, 0)
    return next(analyze([article]))


def extract_many(items: Iterable[str | Mapping[str, Any]], *, batch_size: int = DEFAULT_BATCH_SIZE,
                 workers: int = 1) -> Iterator[Article]:
    """Analyze many texts or dicts (`text`, `date`, `title`, `url`, `outlet`, `id`), in input order.

    Batched through the one spaCy pass; `workers > 1` spreads batches over that many
    processes (each loads the model once). A bad item raises `InputError` naming its index.
    """
    articles = (to_article(item, i) for i, item in enumerate(items))
    if workers <= 1:
        yield from analyze(articles, batch_size=batch_size)
        return
    yield from analyze_parallel(articles, workers=workers, batch_size=batch_size)
