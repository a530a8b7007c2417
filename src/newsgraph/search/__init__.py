"""Full-text search over a store's quotes, events, articles and actors (tantivy), kept beside the store.

    index.py     the index (`<db>.search/`): schema, analyzer, documents, queries returning `Hits`
    sync.py      `sync` after each write (ingest, load), `refresh_actors` after a curation rule,
                 `rebuild` for `newsgraph reindex`, `build_missing`
    paged.py     `paged`: a page sorted by relevance from only the hits it needs
    settings.py  `SearchSettings`: hit cap, boosts, writer memory

`newsgraph.query.Corpus` uses it for `q=` of its lists and for `Corpus.search`.
"""
from __future__ import annotations

from .index import KINDS, IndexState, SearchIndex, index_path
from .paged import PagedAnswer, paged
from .settings import DEFAULT, SearchSettings
from .sync import build_missing, rebuild, refresh_actors, sync

__all__ = ["KINDS", "DEFAULT", "IndexState", "SearchIndex", "SearchSettings", "build_missing",
           "index_path", "PagedAnswer", "paged", "rebuild", "refresh_actors", "sync"]
