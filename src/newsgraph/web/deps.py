"""What the routes share: the store behind the app, and the parameter types of lists and charts.

The store is opened read-only for one block of a request and closed again (see `app`): a
handler asks for `StoreDep` and reads inside `with store.read() as corpus:`.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request

from .. import query

ActorType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP"]
Modality = Literal["asserted", "reported", "future", "possible", "negated"]
By = Literal["day", "week", "month", "year"]
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page (1-500).")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Rows to skip.")]


@dataclass(frozen=True)
class Store:
    """The store file the app serves."""

    path: str

    @contextmanager
    def read(self) -> Iterator[query.Corpus]:
        """The store opened read-only, closed when the block ends (so an ingest can get in between requests)."""
        corpus = query.open(self.path, read_only=True)
        try:
            yield corpus
        finally:
            corpus.close()


async def app_store(request: Request) -> Store:
    """The app's store (`app.state.store`, set by `create_app`)."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(app_store)]


def paged(result: query.Result[Any], limit: int, offset: int) -> dict[str, Any]:
    """Items of a result fetched with limit + 1, so the last page knows it is the last."""
    rows = result.to_list()
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}
