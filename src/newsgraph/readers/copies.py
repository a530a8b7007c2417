"""Syndicated copies: one wire story republished by many outlets, linked as one `story`.

Near-duplicates are found with MinHash over word shingles (Broder 1997, "On the resemblance
and containment of documents"), computed with datasketch, and candidate pairs with the
banding trick of locality-sensitive hashing (Leskovec, Rajaraman & Ullman, "Mining of Massive
Datasets", ch. 3.4): the 128 MinHash values are cut into 32 bands of 4; two articles that agree
on a whole band are candidates, and a candidate whose estimated Jaccard similarity reaches the
threshold (0.8 by default) is a copy. With 32 bands of 4, a pair at Jaccard 0.8 becomes a
candidate with probability 1 - (1 - 0.8^4)^32 > 0.9999, and at 0.5 still 0.87, so thresholds
down to about 0.5 keep their recall with the same stored bands.

What the store keeps per article stays small and fixed: the 128 values as a 512-byte blob and
32 band keys (64-bit ints, one row each), so finding the copies of a batch is one hash join.

An article's `story` is the id of the first-seen copy (its own id when it has none). Exact
duplicates, the same URL or the same cleaned text and date (hence the same id), are dropped:
every copy is kept with its own outlet, URL and date, but the same page is stored once.
"""
from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..model import Article

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.8
SCHEME = "affine32"  # datasketch 2.0's 32-bit permutations: stored signatures must keep using it
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of k-word shingles of a text (lower-cased words, punctuation ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


@lru_cache(maxsize=1)
def _permutations():  # type: ignore[no-untyped-def]
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def signature(text: str) -> np.ndarray | None:
    """128 MinHash values (uint32) of the text's shingles, or None for a text without words."""
    from datasketch import MinHash

    grams = shingles(text)
    if not grams:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=_permutations(), scheme=SCHEME)
    m.update_batch(list(grams))
    return m.hashvalues.astype(np.uint32, copy=False)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number and its values hashed together)."""
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8, salt=b.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (the share of equal MinHash values)."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


@dataclass
class Known:
    """Articles already linked (in the store or earlier in the run) that a batch may copy."""

    ids: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)
    # (article id, story id, signature) of every article sharing at least one band key
    candidates: list[tuple[str, str, np.ndarray]] = field(default_factory=list)


# A lookup asks the store about a batch: (ids, urls, band keys) -> what it already holds.
Lookup = Callable[[list[str], list[str], list[int]], Known]


@dataclass
class LinkResult:
    kept: list[Article]
    minhashes: dict[str, tuple[bytes, list[int]]]  # article id -> (signature blob, band keys), for the store
    duplicates: int = 0  # dropped: same URL or same id as one stored or seen before
    copies: int = 0  # kept and linked to an earlier story


class _Memory:
    """Articles linked by this linker: ids, URLs, and signatures indexed by band key."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.urls: set[str] = set()
        self.bands: dict[int, list[int]] = {}
        self.entries: list[tuple[str, str, np.ndarray]] = []

    def add(self, article: Article, sig: np.ndarray | None, keys: list[int]) -> None:
        self.ids.add(article.id)
        if article.url:
            self.urls.add(article.url)
        if sig is not None:
            index = len(self.entries)
            self.entries.append((article.id, article.story or article.id, sig))
            for k in keys:
                self.bands.setdefault(k, []).append(index)

    def candidates(self, keys: Iterable[int]) -> list[tuple[str, str, np.ndarray]]:
        seen: dict[int, None] = {}
        for k in keys:
            for i in self.bands.get(k, ()):
                seen[i] = None
        return [self.entries[i] for i in seen]


class CopyLinker:
    """Drops exact duplicates and sets `story` on near-duplicates, batch after batch.

    Without a `lookup` (extract) the linker remembers the whole run. With one (ingest) the
    store answers for what is written, and the linker remembers only the last `window`
    batches (those a pipelined ingest may not have written yet), so memory stays flat.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, lookup: Lookup | None = None, window: int = 64) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"copy threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.lookup = lookup
        self.window = window
        self._memory: deque[_Memory] = deque([_Memory()])

    def _seen(self, article: Article) -> bool:
        return any(article.id in m.ids or (article.url and article.url in m.urls) for m in self._memory)

    def _local_candidates(self, keys: Iterable[int]) -> list[tuple[str, str, np.ndarray]]:
        keys = list(keys)
        return [c for m in self._memory for c in m.candidates(keys)]

    def link(self, articles: Sequence[Article]) -> LinkResult:
        """Keep each article once, with `story` set; returns what the store should record."""
        sigs = [signature(a.text) for a in articles]
        keys = [band_keys(s) if s is not None else [] for s in sigs]
        known = Known()
        if self.lookup is not None:
            known = self.lookup([a.id for a in articles], [a.url for a in articles if a.url],
                                sorted({k for ks in keys for k in ks}))
        result = LinkResult(kept=[], minhashes={})
        if self.lookup is not None:
            self._memory.append(_Memory())
            while len(self._memory) > self.window:
                self._memory.popleft()
        for article, sig, ks in zip(articles, sigs, keys):
            if self._seen(article) or article.id in known.ids or (article.url and article.url in known.urls):
                result.duplicates += 1
                continue
            if sig is not None:
                key_set = set(ks)
                best, best_sim = None, self.threshold
                for other_id, story, other in known.candidates + self._local_candidates(key_set):
                    sim = similarity(sig, other)
                    if sim >= best_sim and (best is None or sim > best_sim):
                        best, best_sim = story, sim
                if best is not None:
                    article.story = best
                    result.copies += 1
            if article.story is None:
                article.story = article.id
            self._memory[-1].add(article, sig, ks)
            result.kept.append(article)
            if sig is not None:
                result.minhashes[article.id] = (sig.tobytes(), ks)
        return result


def signature_from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint32)
