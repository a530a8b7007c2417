"""Term rarity and a time-bucketed inverted index: what keeps a batch's cost flat as a store grows.

Both the claim index and the story index use one `TermIndex`: document-frequency counts kept
incrementally (term rarity, Sparck Jones 1972), and postings from (term, time bucket) to the clusters
holding that term in that bucket. A new item looks up only its rarest terms (prefix filtering,
Chaudhuri, Ganti & Kaushik 2006) in the buckets of its time window, and each posting keeps at most
`cap` clusters (the most recent), so the work per item is bounded whatever the number stored.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date as Date

from .rows import DOCS, PostingRow, TermCountRow


def day_number(iso_date: str | None) -> int | None:
    """Days since 0001-01-01 of a YYYY-MM-DD date (None for None or an unreadable date)."""
    if not iso_date:
        return None
    try:
        return Date.fromisoformat(iso_date[:10]).toordinal()
    except ValueError:
        return None


def iso_day(day: int | None) -> str | None:
    """The YYYY-MM-DD date of a day number (None for None or 0)."""
    return Date.fromordinal(day).isoformat() if day else None


def placed_days(dates: Iterable[str | None], clock: int | None) -> list[int]:
    """The day each item of a sequence is placed on when the items are added one at a time, in order,
    starting from `clock`: its own date, else the latest date before it (the clock then), else 0.
    What `TermIndex.advance` then `TermIndex.day_of` give item by item, computed ahead (the keys a
    store must answer for a batch)."""
    out = []
    for iso_date in dates:
        day = day_number(iso_date)
        if day is not None:
            clock = max(clock or day, day)
        out.append(day or clock or 0)
    return out


UNDATED_BUCKET = 0  # the bucket of day 0: items placed with no date and no clock (see `TermIndex.window`)


class TermIndex:
    """Document frequencies and (term, bucket) -> cluster postings, with a journal of what changed."""

    def __init__(self, *, window_days: int, bucket_days: int, cap: int) -> None:
        self.window_days = window_days
        self.bucket_days = bucket_days
        self.cap = cap
        self.df: dict[str, int] = {}
        self.docs = 0
        self.postings: dict[tuple[str, int], dict[str, None]] = {}
        self.clock: int | None = None  # the latest day seen: where undated items are placed
        self.reset_journal()

    def reset_journal(self) -> None:
        self.new_postings: list[PostingRow] = []
        self.df_increments: dict[str, int] = {}

    def load(self, postings: Iterable[PostingRow], counts: Iterable[TermCountRow], clock: str | None) -> None:
        for p in postings:
            self.postings.setdefault((p.term, p.bucket), {})[p.cluster_id] = None
        for t in counts:
            if t.term == DOCS:
                self.docs = t.count
            else:
                self.df[t.term] = t.count
        self.advance(day_number(clock))

    def advance(self, day: int | None) -> None:
        """Move the clock forward to `day` (never back)."""
        if day is not None:
            self.clock = max(self.clock or day, day)

    def day_of(self, iso_date: str | None) -> int:
        """An item's day: its date, else the clock, else 0."""
        return day_number(iso_date) or self.clock or 0

    def weight(self, term: str) -> float:
        """Rarity of a term: ln(1 + N / df) over the items counted so far."""
        return math.log1p(max(self.docs, 1) / max(self.df.get(term, 0), 1))

    def weights(self) -> Callable[[str], float]:
        """`weight` memoised until the next `count` (one item's comparisons reuse every weight)."""
        memo: dict[str, float] = {}
        docs, df, log1p = max(self.docs, 1), self.df, math.log1p

        def weight(term: str) -> float:
            w = memo.get(term)
            if w is None:
                w = memo[term] = log1p(docs / max(df.get(term, 0), 1))
            return w

        return weight

    def count(self, terms: Iterable[str]) -> None:
        """Count one item holding `terms`."""
        self.docs += 1
        self.df_increments[DOCS] = self.df_increments.get(DOCS, 0) + 1
        for t in terms:
            self.df[t] = self.df.get(t, 0) + 1
            self.df_increments[t] = self.df_increments.get(t, 0) + 1

    def bucket(self, day: int) -> int:
        return day // self.bucket_days

    def window(self, day: int) -> list[int]:
        """The buckets within `window_days` of a day, and the bucket of day 0.

        Day 0 holds the items placed before anything dated was seen (no date and no clock): they could
        be from any time, so every item looks them up; its posting lists are capped like any other."""
        near = range(self.bucket(day - self.window_days), self.bucket(day + self.window_days) + 1)
        return list(near) if UNDATED_BUCKET in near else [UNDATED_BUCKET, *near]

    def keys(self, terms: Iterable[str], day: int) -> list[tuple[str, int]]:
        """Every (term, bucket) an item with these terms might look up (what a store must answer)."""
        return [(t, b) for t in terms for b in self.window(day)]

    def candidates(self, terms: Iterable[str], day: int, lookup_terms: int, limit: int, min_hits: int = 1) -> list[str]:
        """Clusters holding at least `min_hits` of the `lookup_terms` rarest of `terms` near `day`, most
        shared weight first, at most `limit`.

        Terms counted only once (the item itself, after `count`) have no postings and are skipped, so the
        rarest terms looked up are those another item also holds."""
        seen = [t for t in terms if self.df.get(t, 0) > 1]
        rarest = sorted(seen, key=lambda t: (self.df[t], t))[:lookup_terms]
        weight = self.weights()
        score: dict[str, float] = {}
        hits: dict[str, int] = {}
        buckets = self.window(day)
        for term in rarest:
            w = weight(term)
            holders: set[str] = set()
            for b in buckets:
                holders.update(self.postings.get((term, b), ()))
            for cid in holders:
                score[cid] = score.get(cid, 0.0) + w
                hits[cid] = hits.get(cid, 0) + 1
        kept = [c for c in score if hits[c] >= min_hits]
        return sorted(kept, key=lambda c: (-score[c], c))[:limit]

    def post(self, terms: Iterable[str], day: int, cluster: str) -> None:
        """Record that `cluster` holds `terms` on `day` (oldest cluster dropped from a full posting)."""
        bucket = self.bucket(day)
        for term in terms:
            holders = self.postings.setdefault((term, bucket), {})
            if cluster in holders:
                continue
            holders[cluster] = None
            self.new_postings.append(PostingRow(term, bucket, cluster))
            if len(holders) > self.cap:
                del holders[next(iter(holders))]

    def posting_rows(self) -> list[PostingRow]:
        return [PostingRow(t, b, cid) for (t, b), holders in self.postings.items() for cid in holders]

    def count_rows(self) -> list[TermCountRow]:
        return [TermCountRow(DOCS, self.docs)] + [TermCountRow(t, n) for t, n in sorted(self.df.items())]

    def increment_rows(self) -> list[TermCountRow]:
        return [TermCountRow(t, n) for t, n in self.df_increments.items()]
