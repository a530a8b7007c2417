"""Settings of the full-text index: one object, so a test or a large deployment can change them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SearchSettings:
    """How the index is written and how many matches a query hands to the store.

    `max_hits`: a query keeps its best `max_hits` matches per kind (by BM25 score) before the
    store applies the other filters; a broader query reports its total as a lower bound
    (`Page.exact` False). The cap bounds the work of a broad query: reading 10^4 hits' keys from the
    index takes about 30 ms; a query matching a few hundred of 10^5 quotes costs about 25 ms of CPU in
    all (benchmarks/query.py).
    `first_chunk`: a list sorted by relevance takes only the hits its page needs (`search.paged`):
    without other filters offset+limit (the total is the index's count); with filters, when those
    did not fill the page, then twice what the share that passed needs, at least `first_chunk`
    (all of them when none passed, or when that is not much more).
    `title_boost`: a word in an article's title (or a quote's speaker as written) counts this
    many times a word of the body. `writer_heap_bytes`: tantivy's indexing buffer (its minimum
    is 3 MB per thread; one thread here).
    """

    max_hits: int = 10_000
    first_chunk: int = 500
    title_boost: float = 2.0
    writer_heap_bytes: int = 50_000_000
    stem_language: str = "english"
    max_token_chars: int = 40


DEFAULT = SearchSettings()
