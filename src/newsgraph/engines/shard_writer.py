"""Analyzed articles -> Parquet shards, the same way for both engines (local `--out` and Ray).

Before its rows are written, a shard's articles go through the corpus step without a store
(`pipeline.corpus_step(None, ...)`: the shard's own articles are its corpus); `load` runs the
same step again with the target store, so a loaded store holds what `ingest` would. Each
article also carries its MinHash signature and band keys, so a loaded store finds later copies.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from ..pipeline import corpus_step
from ..readers.copies import band_keys, signature
from ..store import parquet
from ..store.writes import Minhashes

DEFAULT_SHARD_SIZE = 1000  # articles per shard of the local engine


def article_minhashes(articles: Sequence[Article]) -> dict[str, tuple[bytes, list[int]]]:
    """MinHash signature and band keys per article, as ingest stores them for finding copies later."""
    out = {}
    for a in articles:
        sig = signature(a.text)
        if sig is not None:
            out[a.id] = (sig.tobytes(), band_keys(sig))
    return out


def write_shard(out: str, articles: list[Article], minhashes: Minhashes | None = None) -> tuple[str, dict[str, int]]:
    """One shard of analyzed articles under `out` (folder or bucket URI); returns its id and rows per table."""
    return parquet.write_articles_shard(out, corpus_step(None, articles), minhashes)


class ShardWriter:
    """Collects analyzed articles and writes a shard every `shard_size` of them (the local engine's `--out`)."""

    def __init__(self, out: str, shard_size: int = DEFAULT_SHARD_SIZE) -> None:
        self.out, self.shard_size = out, shard_size
        self.shards: dict[str, dict[str, int]] = {}
        self._pending: list[Article] = []

    def add(self, article: Article) -> None:
        self._pending.append(article)
        if len(self._pending) >= self.shard_size:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            shard, counts = write_shard(self.out, self._pending, article_minhashes(self._pending))
            self.shards[shard] = counts
            self._pending = []

    def close(self, errors: Sequence[str] = ()) -> None:
        """Write what is pending and the manifest (listing `errors`, the run's input errors)."""
        self.flush()
        parquet.write_manifest(self.out, self.shards, errors=errors)
