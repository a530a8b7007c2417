"""A page of a list sorted by relevance from only the hits it needs, not the index's best `max_hits`.

Joining 10^4 hits with the store cost about 100 ms of CPU for the three lists of the search page
at 10^4 articles (README, "Speed and accuracy"), whatever the page showed. Here the index is asked
for a growing number `n` of its best hits, each round joined with the store and filtered there
(`store.lists`), until one of:

- every match of the query is among the `n` (`n` >= the index's count) or `n` reached `max_hits`:
  the answer is the one the whole join gives (the same rows, total and `exact`);
- the page is full: the list orders equal scores by the index's rank of the hit (`store.lists`),
  so the best `n` hits are the first `n` of any longer read and no hit left out comes before the
  page's rows. The total is then the index's count when every hit read joined and passed (no
  other filter: exact), else the count among the `n` hits scaled to all matches, with `exact`
  False and a note saying so.

Only the relevance sort, best first, is paged so: a sort by date (or any column of the store) needs every hit's
store row to know which come first, so it keeps the best `max_hits` as before (the index holds no
dates; adding them as fast fields is a format change for later).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..store.lists import Hits, ListQuery
from .index import SearchIndex


@dataclass(frozen=True, slots=True)
class PagedAnswer:
    """One page: its rows, the column names, the total, whether the total is exact, and notes."""

    rows: list[dict[str, Any]]
    columns: tuple[str, ...]
    total: int
    exact: bool
    notes: tuple[str, ...]


# builds the list over these hits (and the index's count of matches): the query, whether its total is exact, notes
Build = Callable[[Hits, int], tuple[ListQuery, bool, tuple[str, ...]]]


def paged(index: SearchIndex, kind: str, text: str, limit: int, offset: int, build: Build) -> PagedAnswer:
    """The page `limit` at `offset` (limit > 0) of the list `build` makes, sorted by relevance, reading
    the index's best hits in growing rounds (module docstring)."""
    settings = index.settings
    want = offset + limit
    cap = settings.max_hits
    n = min(cap, want)
    while True:
        hits, matched = index.hits(kind, text, n)
        query, exact, notes = build(hits, matched)
        read = len(hits.idx)
        if query.filtered and read < min(matched, settings.first_chunk) and n < cap:
            n = _next_read(settings.first_chunk, cap, want, read, want, matched)  # filters drop hits: a round more
            continue  # is cheaper read at once (each round plans and runs the list's query)
        rows, columns, found = query.page(limit, offset)
        if read >= matched or n >= cap:
            return PagedAnswer(rows, columns, found, exact, notes)
        if found >= want:
            return _settled(rows, columns, found, read, matched, query.filtered, notes)
        n = _next_read(settings.first_chunk, cap, want, read, found, matched)


def _next_read(first_chunk: int, cap: int, want: int, read: int, found: int, matched: int) -> int:
    """How many hits the next round reads when `found` of the best `read` passed the filters and the page
    needs `want`: twice what the rate so far needs (at least `first_chunk`; `cap` when none passed), or
    every match when that is not much more."""
    n = cap if found == 0 else min(cap, max(first_chunk, 2 * want * read // found))
    return min(cap, matched) if 2 * n >= matched else n


def _settled(rows: list[dict[str, Any]], columns: tuple[str, ...], found: int, read: int, matched: int,
             filtered: bool, notes: tuple[str, ...]) -> PagedAnswer:
    """A full page from the best `read` of `matched` hits, `found` of which joined and passed the filters."""
    if found == read and not filtered:
        return PagedAnswer(rows, columns, matched, True, notes)
    estimate = max(found, round(found * matched / read))
    note = (f"the total is estimated: {found} of the best {read} of {matched} full-text matches "
            f"pass the other filters")
    return PagedAnswer(rows, columns, estimate, False, (*notes, note))
