"""The full-text index beside a store (`<db>.search/`): quotes, events, articles and actors, in tantivy.

One tantivy document per quote (its content, and the speaker as written), per event (its
sentence and trigger), per article (title and text) and per actor (name and aliases). Each
carries its `kind`, the 64-bit key of its article (or actor) id (DuckDB's `hash()` of the id,
`store.search_rows`) and the fact's `idx`, as numeric fast fields: a query returns those numbers
for thousands of hits without reading stored documents (10^4 hits in about 30 ms, where fetching
stored documents takes 3-10 us each), and the store joins them back to rows (`store.lists`). Text is split on
non-alphanumerics, lower-cased, folded to ASCII and stemmed (Snowball English), so `criticised`
finds `criticise` and `Zelenskyy` with or without accents.

Queries use tantivy's query language (`"trade war"`, `-china`, `title:summit`), every word
required unless `OR` says otherwise; a query tantivy cannot parse is read leniently, not refused.
A file `newsgraph-search.json` beside tantivy's own records how many articles were indexed, the
write time of the newest (the watermark `search.sync` continues from) and DuckDB's hash of a
fixed text (`key_probe`): keys made by another DuckDB version would not join, so such an index
is rebuilt.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import tantivy

from ..store.lists import Hits
from .settings import DEFAULT, SearchSettings

KINDS = ("quotes", "articles", "actors", "events")
INDEX_FORMAT = 1
META_FILE = "newsgraph-search.json"
ANALYZER = "newsgraph_en"


def index_path(db: str) -> Path:
    """Where the index of the store `db` lives: a folder beside it, `<db>.search`."""
    return Path(f"{db}.search")


@dataclass(frozen=True, slots=True)
class IndexState:
    """What the index holds: how many articles, and the store write time it has caught up to."""

    articles: int = 0
    watermark: str | None = None
    key_probe: int | None = None


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("kind", stored=False, tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field("akey", stored=False, indexed=True, fast=True)
    sb.add_unsigned_field("idx", stored=False, indexed=False, fast=True)
    sb.add_text_field("head", stored=False, tokenizer_name=ANALYZER)
    sb.add_text_field("body", stored=False, tokenizer_name=ANALYZER)
    return sb.build()


def _analyzer(settings: SearchSettings) -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(settings.max_token_chars))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .filter(tantivy.Filter.stemmer(settings.stem_language))
            .build())


class IndexWriter:
    """Adds and replaces documents inside one `SearchIndex.writing()` block."""

    def __init__(self, writer: tantivy.IndexWriter) -> None:
        self._writer = writer

    def add(self, kind: str, akey: int, idx: int, head: str | None, body: str | None) -> None:
        doc = tantivy.Document()
        doc.add_text("kind", kind)
        doc.add_unsigned("akey", akey)
        doc.add_unsigned("idx", idx)
        if head:
            doc.add_text("head", head)
        if body:
            doc.add_text("body", body)
        self._writer.add_document(doc)

    def forget(self, akey: int) -> None:
        """Remove every document of this article (or actor) key, before adding it again."""
        self._writer.delete_documents_by_term("akey", akey)


class SearchIndex:
    """The tantivy index at `path`; `open` an existing one or `create` a new (empty) one."""

    def __init__(self, path: Path, index: tantivy.Index, settings: SearchSettings) -> None:
        self.path, self._index, self.settings = path, index, settings
        self._index.register_tokenizer(ANALYZER, _analyzer(settings))

    @classmethod
    def open(cls, path: Path, settings: SearchSettings = DEFAULT) -> SearchIndex:
        """The index at `path`; FileNotFoundError saying how to build it when there is none (or an older format)."""
        meta = _read_meta(path)
        if meta is None or not tantivy.Index.exists(str(path)):
            raise FileNotFoundError(f"{path}: no search index beside this store. Build it with "
                                    f"`newsgraph reindex --db {str(path).removesuffix('.search')}`.")
        if meta.get("format") != INDEX_FORMAT:
            raise FileNotFoundError(f"{path}: the search index has format {meta.get('format')}, this newsgraph "
                                    f"reads {INDEX_FORMAT}. Rebuild it with `newsgraph reindex`.")
        return cls(path, tantivy.Index(_schema(), path=str(path), reuse=True), settings)

    @classmethod
    def create(cls, path: Path, settings: SearchSettings = DEFAULT) -> SearchIndex:
        """A new empty index at `path`, replacing whatever index was there."""
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        index = cls(path, tantivy.Index(_schema(), path=str(path), reuse=False), settings)
        index.save_state(IndexState())
        return index

    @classmethod
    def open_or_create(cls, path: Path, settings: SearchSettings = DEFAULT) -> SearchIndex:
        try:
            return cls.open(path, settings)
        except FileNotFoundError:
            return cls.create(path, settings)

    def state(self) -> IndexState:
        meta = _read_meta(self.path) or {}
        probe = meta.get("key_probe")
        return IndexState(int(meta.get("articles", 0)), meta.get("watermark"), int(probe) if probe is not None else None)

    def save_state(self, state: IndexState) -> None:
        body = {"format": INDEX_FORMAT, "articles": state.articles, "watermark": state.watermark,
                "key_probe": state.key_probe}
        tmp = self.path / (META_FILE + ".tmp")
        tmp.write_text(json.dumps(body) + "\n")
        tmp.replace(self.path / META_FILE)

    @contextmanager
    def writing(self) -> Iterator[IndexWriter]:
        """A writer whose additions are committed (and segments merged) when the block ends without error."""
        writer = self._index.writer(self.settings.writer_heap_bytes, 1)
        try:
            yield IndexWriter(writer)
        except BaseException:
            writer.rollback()
            raise
        writer.commit()
        writer.wait_merging_threads()
        self._index.reload()

    def hits(self, kind: str, text: str, limit: int | None = None) -> tuple[Hits, int]:
        """The best `limit` (default `settings.max_hits`) matches of `text` among documents of `kind`, and how
        many match in all."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}; not {kind!r}")
        parsed, _errors = self._index.parse_query_lenient(text, ["head", "body"],
                                                           field_boosts={"head": self.settings.title_boost},
                                                           conjunction_by_default=True)
        query = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, tantivy.Query.term_query(self._index.schema, "kind", kind)),
            (tantivy.Occur.Must, parsed)])
        searcher = self._index.searcher()
        found = searcher.search(query, limit or self.settings.max_hits, count=True)
        addresses = [address for _, address in found.hits]
        keys = cast(list[int], searcher.fast_field_values("akey", addresses)) if addresses else []
        idx = cast(list[int], searcher.fast_field_values("idx", addresses)) if addresses else []
        return Hits(keys, idx, [float(score) for score, _ in found.hits]), _count(found)

    def count(self, kind: str) -> int:
        """How many documents of `kind` the index holds."""
        query = tantivy.Query.term_query(self._index.schema, "kind", kind)
        return _count(self._index.searcher().search(query, 1, count=True))


def _count(found: tantivy.SearchResult) -> int:
    """The number of matching documents (the stubs of tantivy 0.27 do not declare `count`)."""
    return int(getattr(found, "count", 0) or 0)


def _read_meta(path: Path) -> dict[str, Any] | None:
    try:
        meta: dict[str, Any] = json.loads((path / META_FILE).read_text())
    except (OSError, ValueError):
        return None
    return meta
