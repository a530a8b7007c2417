"""Analyzed articles -> Parquet shards, the same way for both engines (local `--out` and Ray).

A shard holds what each article says on its own (`pipeline.analyze`); what the corpus decides
(`pipeline.corpus_step`: roles seen in other articles, dictionaries, curation) is decided when
`load` adds the shard to a store, against that store, article after article in input order, as
`ingest` decides it. Shards are named `<input position of their first article>-<hash of their
article ids>` (`shard_name`) and `load` reads them sorted by name, so a store loaded from shards
is the store an ingest of the same input makes, whatever the shard size, the number of Ray
actors or the order they finish in. (Deciding within the shard first would let a description
take a holder of its own shard where the store, or an earlier shard, knows a nearer one.)
Each article also carries its MinHash signature and band keys, so a loaded store finds later copies.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
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


def shard_name(first: int, articles: Sequence[Article]) -> str:
    """`<input position of the first article, 12 digits>-<hash of the article ids>`: sorted by name,
    shards are in input order (`load` reads them so); the same input gives the same names."""
    return f"{first:012d}-{parquet.shard_id(a.id for a in articles)}"


def write_shard(out: str, articles: list[Article], minhashes: Minhashes | None = None,
                first: int = 0) -> tuple[str, dict[str, int]]:
    """One shard of analyzed articles under `out` (folder or bucket URI), `first` the input position of
    its first article; returns its name and rows per table."""
    shard = shard_name(first, articles)
    return shard, parquet.write_shard(out, shard, parquet.shard_tables(articles, minhashes))


class ShardWriter:
    """Collects analyzed articles and writes a shard every `shard_size` of them (the local engine's `--out`)."""

    def __init__(self, out: str, shard_size: int = DEFAULT_SHARD_SIZE) -> None:
        self.out, self.shard_size = out, shard_size
        self.shards: dict[str, dict[str, int]] = {}
        self._pending: list[Article] = []
        self._written = 0  # articles in the shards written so far: the input position of the next shard

    def add(self, article: Article) -> None:
        self._pending.append(article)
        if len(self._pending) >= self.shard_size:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            shard, counts = write_shard(self.out, self._pending, article_minhashes(self._pending), first=self._written)
            self.shards[shard] = counts
            self._written += len(self._pending)
            self._pending = []

    def close(self, errors: Sequence[str] = ()) -> None:
        """Write what is pending and the manifest (listing `errors`, the run's input errors)."""
        self.flush()
        parquet.write_manifest(self.out, self.shards, errors=errors)
