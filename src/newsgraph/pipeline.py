"""Article → Doc → records: the one function that ingest, extract, --workers and Ray all call.

One spaCy pass per article (`nlp.pipe`, batched); every extractor reads that Doc.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from spacy.tokens import Doc

from . import nlp as nlp_module
from . import segments
from .extract.events import extract_events
from .extract.quotes import extract_quotes
from .model import Actor, Article, Mention
from .readers import article_id
from .resolve.actors import Resolution, resolve_doc, resolve_mentions  # noqa: F401 (resolve_mentions: used by eval/polnear.py)
from .resolve.corpus import CorpusReader, resolve_with_corpus

DEFAULT_BATCH_SIZE = 64
BATCH_CHARS = 200_000  # characters parsed in one nlp.pipe batch at most (64 news articles of ~3,000)
T = TypeVar("T")
log = logging.getLogger("newsgraph")


def resolve_actors(doc: Doc, date: str | None = None) -> Resolution:
    """Mentions (names, roles, descriptions, metonyms, pronouns), canonical actors and descriptors of a Doc.

    Every step of actor resolution belongs here (not in `annotate`), because the spaCy
    component `newsgraph_mentions` calls this same function: both faces must agree.
    """
    return resolve_doc(doc, date)


def annotate_mentions(doc: Doc, date: str | None = None) -> tuple[list[Mention], dict[str, Actor]]:
    """Mentions and canonical actors of a Doc (see `resolve_actors`)."""
    resolution = resolve_actors(doc, date)
    return resolution.mentions, resolution.actors


def _guarded(stage: str, article: Article, run: Callable[[], list[T]]) -> list[T]:
    """Run one extractor; if it fails on this article, say so on one line and keep the article.

    One unusual text must not stop an ingest of a million articles; the article keeps its
    actors and mentions and the failure names the input, so it can be reported and fixed.
    """
    try:
        return run()
    except Exception as exc:  # noqa: BLE001 - reported, not swallowed
        log.warning("NG030 %s: %s extraction failed (%s: %s); article kept without %ss",
                    article.source, stage, type(exc).__name__, str(exc)[:120], stage)
        return []


def annotate(article: Article, doc: Doc) -> Article:
    """Fill an article's actors, mentions, quotes and events from its parsed Doc."""
    resolution = resolve_actors(doc, article.date)
    mentions, actors = resolution.mentions, resolution.actors
    article.descriptors = resolution.descriptors
    quotes = _guarded("quote", article, lambda: extract_quotes(doc, mentions, actors))
    events = _guarded("event", article, lambda: extract_events(doc, mentions, actors, quotes, article.date))
    article.mentions = mentions
    article.actors = sorted(actors.values(), key=lambda a: a.id)
    article.quotes = quotes
    article.events = events
    return article


# One text to parse: the article, its segment span (None: the whole text), the article to annotate
# (the article itself, or the segment as an article), and whether it is the article's last piece.
_Piece = tuple[str, tuple[Article, tuple[int, int] | None, Article, bool]]


def _pieces(articles: Iterable[Article]) -> Iterator[_Piece]:
    for article in articles:
        spans = segments.spans(article)
        if len(spans) == 1:
            yield article.text, (article, None, article, True)
            continue
        for i, span in enumerate(spans):
            part = segments.segment(article, span)
            yield part.text, (article, span, part, i == len(spans) - 1)


def _batches(pieces: Iterable[_Piece], size: int, chars: int) -> Iterator[list[_Piece]]:
    """Pieces in batches of at most `size` texts and `chars` characters (a single longer text alone)."""
    batch: list[_Piece] = []
    total = 0
    for piece in pieces:
        if batch and (len(batch) >= size or total + len(piece[0]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(piece)
        total += len(piece[0])
    if batch:
        yield batch


def analyze(articles: Iterable[Article], *, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Article]:
    """Parse articles in batches and annotate each; yields them in input order.

    A text longer than `segments.SEGMENT_CHARS` is parsed and annotated segment by segment and its
    records joined (segments.py), and a batch holds at most `BATCH_CHARS` characters, so an
    article's cost and the memory of a batch grow linearly with the text, whatever its length.
    spaCy's results do not depend on how texts are batched, so neither does the store.
    """
    nlp = nlp_module.load()
    done: list[tuple[tuple[int, int], Article]] = []
    for batch in _batches(_pieces(articles), batch_size, BATCH_CHARS):
        for doc, (article, span, part, last) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            if span is None:
                yield annotate(article, doc)
                continue
            done.append((span, annotate(part, doc)))
            if last:
                yield segments.join(article, done)
                done = []


def analyze_text(text: str, date: str | None = None, *, source: str = "<text>") -> Article:
    """Annotate a text as it is (no cleaning), so offsets refer to the caller's own string."""
    article = Article(id=article_id(text, date), source=source, date=date, title=None, text=text)
    return next(analyze([article]))


def corpus_step(reader: CorpusReader | None, articles: list[Article]) -> list[Article]:
    """What the corpus decides about analyzed articles before they are stored (resolve/corpus.py).

    Roles stored in the corpus resolve open descriptions, user dictionaries fill in countries
    and sectors, curation rules are re-applied. Every path that stores articles calls this one
    function: `ingest` and `load` with the target store (`store.CorpusRows`), the engines
    writing shards with `reader` None (the shard's own articles are its corpus), so a store
    loaded from shards holds what `ingest` of the same input would.
    """
    return resolve_with_corpus(reader, articles)
