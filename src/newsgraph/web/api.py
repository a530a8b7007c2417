"""The JSON API under /api (OpenAPI at /docs): stats, actors, quotes, events, relations and articles.

Every route reads through `newsgraph.query` (no SQL here) inside `with store.read()`. Lists
are paged with `limit` and `offset`; `next_offset` is null on the last page.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel

from .. import query
from .deps import ActorType, By, Limit, Modality, Offset, StoreDep, paged

T = TypeVar("T")
_EVENT_TYPE = re.compile(r"^[A-Z_]{2,32}$")

router = APIRouter()


class Page(BaseModel, Generic[T]):
    """One page of a list: `next_offset` is null on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


class ActorOut(BaseModel):
    """An actor: names, counts, roles with dates and the labels outlets give it."""

    id: str
    name: str
    type: str
    country: str | None
    aliases: list[str]
    mentions: int
    articles: int
    activity: dict[str, int]
    roles: list[dict[str, Any]]
    labels: list[dict[str, Any]]


def _event_types(values: list[str] | None) -> list[str] | None:
    """The PLOVER type names asked for, or a 422 naming the first that is not one."""
    if not values:
        return None
    bad = [v for v in values if not _EVENT_TYPE.match(v)]
    if bad:
        raise RequestValidationError([{"type": "value_error", "loc": ("query", "type"), "input": bad[0],
                                       "msg": f"event type {bad[0]!r} is not a PLOVER type name (upper case, e.g. AID)"}])
    return values


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


@router.get("/api/stats", tags=["corpus"])
def api_stats(store: StoreDep) -> dict[str, Any]:
    """Counts of articles, actors, mentions, quotes and events, and the date range."""
    with store.read() as c:
        return c.stats()


@router.get("/api/actors", tags=["actors"], response_model=Page[query.ActorMatch])
def api_actors(store: StoreDep,
               q: Annotated[str, Query(max_length=200, description="Name or alias prefix (case and accents "
                                                                    "ignored); empty lists all.")] = "",
               type: Annotated[list[ActorType] | None, Query(description="Actor types; repeatable.")] = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Search actors by name or alias prefix, most mentioned first."""
    with store.read() as c:
        return paged(c.actor_search(q, type, limit=limit + 1, offset=offset), limit, offset)


@router.get("/api/actors/{actor}", tags=["actors"], response_model=ActorOut)
def api_actor(store: StoreDep, actor: str) -> dict[str, Any]:
    """One actor by id (or any name or alias): aliases, counts, roles and labels."""
    with store.read() as c:
        p = c.actor(actor)
        return {**p.actor.to_dict(), "mentions": p.mentions, "articles": p.articles,
                "activity": c.activity_counts(p.actor.id), "roles": c.roles(p.actor.id), "labels": c.labels(p.actor.id)}


@router.get("/api/actors/{actor}/counterparts", tags=["actors"], response_model=Page[query.Counterpart])
def api_counterparts(store: StoreDep, actor: str, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """The actor's network: event counts per counterpart, type and direction ('out' = the actor is source)."""
    with store.read() as c:
        rows = c.counterparts(c.actor(actor).actor.id).to_list()
    return {"items": rows[offset:offset + limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(rows) > offset + limit else None}


@router.get("/api/actors/{actor}/activity", tags=["actors"], response_model=list[query.ActivityRow])
def api_activity(store: StoreDep, actor: str, by: By = "week") -> list[query.ActivityRow]:
    """Counts per period of the actor's events (as source, as target) and quotes (by, about)."""
    with store.read() as c:
        return c.activity(c.actor(actor).actor.id, by).to_list()


@router.get("/api/quotes", tags=["quotes"], response_model=Page[query.QuoteRecord])
def api_quotes(store: StoreDep,
               speaker: Annotated[str | None, Query(description="Actor id or name: quotes by them.")] = None,
               about: Annotated[str | None, Query(description="Actor id or name mentioned in the content.")] = None,
               since: dt.date | None = None, until: dt.date | None = None,
               newest_first: bool = False, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Quotes by and/or about an actor, oldest first (or newest first)."""
    if newest_first and (since or until):
        raise RequestValidationError([{"type": "value_error", "loc": ("query", "newest_first"), "input": True,
                                       "msg": "newest_first cannot be combined with since or until"}])
    with store.read() as c:
        if newest_first:
            result = c.latest_quotes(speaker, about, limit=limit + 1, offset=offset)
        else:
            result = c.quotes(speaker, about, _iso(since), _iso(until), limit=limit + 1, offset=offset)
        return paged(result, limit, offset)


@router.get("/api/events", tags=["events"], response_model=Page[query.EventRecord])
def api_events(store: StoreDep,
               source: Annotated[str | None, Query(description="Actor id or name.")] = None,
               target: Annotated[str | None, Query(description="Actor id or name.")] = None,
               type: Annotated[list[str] | None, Query(description="PLOVER event types; repeatable.")] = None,
               modality: Annotated[list[Modality] | None, Query(description="Repeatable.")] = None,
               since: dt.date | None = None, until: dt.date | None = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events with filters, oldest first, each with the sentence it comes from."""
    types = _event_types(type)
    with store.read() as c:
        return paged(c.events(source, target, types, modality, _iso(since), _iso(until), limit=limit + 1, offset=offset), limit, offset)


@router.get("/api/relation", tags=["events"], response_model=list[query.RelationRow])
def api_relation(store: StoreDep,
                 a: Annotated[str, Query(description="Actor id or name.")],
                 b: Annotated[str, Query(description="Actor id or name.")],
                 by: By = "week") -> list[query.RelationRow]:
    """Event counts per period, type and direction ('a->b' or 'b->a') between two actors."""
    with store.read() as c:
        return c.relation(a, b, by).to_list()


@router.get("/api/articles/{article_id:path}", tags=["articles"])
def api_article(store: StoreDep, article_id: str) -> dict[str, Any]:
    """One article with all its annotations (the JSON contract; offsets refer to `text`)."""
    with store.read() as c:
        return c.article(article_id).to_dict()
