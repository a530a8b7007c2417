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
duplicates are dropped: every copy is kept with its own outlet, URL and date, but the same page
is stored once.

Identity never loses a text. An article is an exact duplicate of one stored or seen before when
it has the same id (its cleaned text and date, or the id a JSON Lines record gives) *and* the
same cleaned text, or the same URL *and* the same cleaned text. Two different texts are always
two articles:
- under an id already taken by another text (two JSON Lines records with one `id`), the later
  one is kept with the id `<id>~<8 hex digits of its text's MD5>` (`variant_id`), and reported;
- under a URL already read with another text (a page fetched again after an update, one feed
  URL for many stories), the later one is kept as its own article, linked to the earlier one's
  story when it is a near-copy, and reported.
Which text keeps the plain id is decided by reading order, first the store's, then the run's.
The variant id depends only on the given id and the text, so reading the same input again (a
re-ingest, a resumed ingest) gives the same ids and finds them present. The reports are
`LinkResult.warnings` (InputErrors naming the article's source; the article is kept).

Comparing texts needs the store to say which text it holds under an id or URL: a lookup that
fills `Known.texts` and `Known.url_texts` (MD5 of the text, as DuckDB's `md5(text)` computes it).
A lookup that does not (both None) is trusted as before: a stored id or URL is a duplicate.
"""
from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..errors import InputError
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
    # text_fingerprint of the text held under each of `ids` and each of `urls`; None when the
    # lookup cannot tell (a stored id or URL then counts as a duplicate whatever its text)
    texts: dict[str, str] | None = None
    url_texts: dict[str, set[str]] | None = None


# A lookup asks the store about a batch: (ids, urls, band keys) -> what it already holds.
Lookup = Callable[[list[str], list[str], list[int]], Known]
_UNKNOWN = ""  # the fingerprint of a stored text the lookup did not give


def text_fingerprint(text: str) -> str:
    """MD5 (hex) of a cleaned text: what tells two texts under one id or URL apart (DuckDB's
    `md5(text)` gives the same digest, so the store can answer in SQL)."""
    return hashlib.md5(text.encode()).hexdigest()


def variant_id(given_id: str, fingerprint: str) -> str:
    """The id of a text that comes under an id another text already has: `<id>~<8 hex digits>`."""
    return f"{given_id}~{fingerprint[:8]}"


@dataclass
class LinkResult:
    kept: list[Article]
    minhashes: dict[str, tuple[bytes, list[int]]]  # article id -> (signature blob, band keys), for the store
    duplicates: int = 0  # dropped: the same text under the same id or URL as one stored or seen before
    copies: int = 0  # kept and linked to an earlier story
    warnings: list[InputError] = field(default_factory=list)  # kept under a new id, or beside another text of its URL


class _Memory:
    """Articles linked by this linker: ids and URLs with their texts' fingerprints, and signatures
    indexed by band key."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.urls: dict[str, set[str]] = {}
        self.bands: dict[int, list[int]] = {}
        self.entries: list[tuple[str, str, np.ndarray]] = []

    def add(self, article: Article, fingerprint: str, sig: np.ndarray | None, keys: list[int]) -> None:
        self.ids[article.id] = fingerprint
        if article.url:
            self.urls.setdefault(article.url, set()).add(fingerprint)
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

    def _text_under_id(self, article_id: str, known: Known) -> str | None:
        """The fingerprint of the text already under this id (_UNKNOWN if the store holds it
        without saying which), or None when the id is free."""
        for memory in self._memory:
            if article_id in memory.ids:
                return memory.ids[article_id]
        if article_id in known.ids:
            return (known.texts or {}).get(article_id, _UNKNOWN)
        return None

    def _texts_under_url(self, url: str, known: Known) -> set[str]:
        texts: set[str] = set()
        for memory in self._memory:
            texts |= memory.urls.get(url, set())
        if url in known.urls:
            texts |= (known.url_texts or {}).get(url, {_UNKNOWN})
        return texts

    def _identify(self, article: Article, fingerprint: str, known: Known, warnings: list[InputError]) -> bool:
        """False for an exact duplicate; else True, with the article renamed when another text has its id."""
        held = self._text_under_id(article.id, known)
        if held is not None and held in (fingerprint, _UNKNOWN):
            return False
        if held is not None:
            given = article.id
            article.id = variant_id(given, fingerprint)
            if self._text_under_id(article.id, known) is not None:
                return False  # this text was kept under its variant id before
            warnings.append(InputError(article.source, f"id {given!r} is already used by an article with another text; "
                                                        f"this one is kept as {article.id!r}"))
        if article.url:
            texts = self._texts_under_url(article.url, known)
            if fingerprint in texts or _UNKNOWN in texts:
                return False
            if texts:
                warnings.append(InputError(article.source, f"URL {article.url} was already read with another text; "
                                                            f"this one is kept as its own article ({article.id})"))
        return True

    def _local_candidates(self, keys: Iterable[int]) -> list[tuple[str, str, np.ndarray]]:
        keys = list(keys)
        return [c for m in self._memory for c in m.candidates(keys)]

    def link(self, articles: Sequence[Article]) -> LinkResult:
        """Keep each article once, with `story` set; returns what the store should record."""
        sigs = [signature(a.text) for a in articles]
        keys = [band_keys(s) if s is not None else [] for s in sigs]
        fingerprints = [text_fingerprint(a.text) for a in articles]
        known = Known()
        if self.lookup is not None:
            ids = [a.id for a in articles] + [variant_id(a.id, fp) for a, fp in zip(articles, fingerprints, strict=True)]
            known = self.lookup(ids, [a.url for a in articles if a.url], sorted({k for ks in keys for k in ks}))
        result = LinkResult(kept=[], minhashes={})
        if self.lookup is not None:
            self._memory.append(_Memory())
            while len(self._memory) > self.window:
                self._memory.popleft()
        for article, fingerprint, sig, ks in zip(articles, fingerprints, sigs, keys, strict=True):
            if not self._identify(article, fingerprint, known, result.warnings):
                result.duplicates += 1
                continue
            if sig is not None:
                best, best_sim = None, self.threshold
                for _, story, other in known.candidates + self._local_candidates(set(ks)):
                    sim = similarity(sig, other)
                    if sim >= best_sim and (best is None or sim > best_sim):
                        best, best_sim = story, sim
                if best is not None:
                    article.story = best
                    result.copies += 1
            if article.story is None:
                article.story = article.id
            self._memory[-1].add(article, fingerprint, sig, ks)
            result.kept.append(article)
            if sig is not None:
                result.minhashes[article.id] = (sig.tobytes(), ks)
        return result


def signature_from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint32)
