"""The JSON API under /api (OpenAPI at /docs): stats, actors, quotes, events, articles, search, relations.

Every route reads through `newsgraph.query` (no SQL here) inside `with store.read()`. Lists
are paged with `limit` and `offset`; `next_offset` is null on the last page. The analyst's
lists (/api/quotes, /api/events, /api/articles) take the filters of `Corpus.quote_list`,
`event_list` and `article_list` under the same names, say how many rows match (`total`), and
download the same rows as CSV with `format=csv`; a type, modality, kind or sort key outside
the vocabulary is a 422 whose `ctx.valid` lists the values accepted.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, HTTPException, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel

from .. import query
from ..errors import BadDateError, UnknownValueError
from ..search import KINDS
from .deps import ActorType, By, Limit, Offset, StoreDep, paged
from .settings import DEFAULT

T = TypeVar("T")
LIST_LIMIT_MAX = 10_000  # a CSV download of a whole filtered list, in one request

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


ListFormat = Literal["json", "csv"]
ListLimit = Annotated[int, Query(ge=1, le=LIST_LIMIT_MAX, description=f"Rows per page (1-{LIST_LIMIT_MAX}).")]
Text = Annotated[str | None, Query(max_length=DEFAULT.max_query_chars, description="Full-text query (tantivy syntax: words, \"a phrase\", -not).")]
Dates = dt.date | None
Many = Annotated[list[str] | None, Query(description="Repeatable.")]
Confidence = Annotated[float | None, Query(ge=0.0, le=1.0, description="Only rows at least this confident (0-1).")]
Sort = Annotated[str, Query(max_length=20, description="Sort key (see the list's sort keys).")]
Order = Annotated[str, Query(max_length=4, description="asc or desc.")]


class ListOut(BaseModel, Generic[T]):
    """One page of a filtered list: `total` rows match, `items` are those from `offset`; `exact` is false when
    a broad full-text query was cut to its best matches (`notes` say why)."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next_offset: int | None
    exact: bool
    notes: list[str]


class QuoteRow(BaseModel):
    """A quote as the lists show it; `sentence_start`..`sentence_end` is the attribution in the article's text."""

    article_id: str
    idx: int
    date: str | None
    outlet: str | None
    title: str | None
    speaker: str | None
    speaker_name: str | None
    speaker_text: str | None
    cue: str | None
    text: str
    kind: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    sentence: str
    confidence: float | None
    anonymous: bool | None
    score: float | None


class EventRow(BaseModel):
    """An event as the lists show it, with its trigger and sentence offsets in the article's text."""

    article_id: str
    idx: int
    date: str | None
    outlet: str | None
    title: str | None
    type: str
    mode: str | None
    modality: str
    source: str | None
    source_name: str | None
    source_country: str | None
    target: str | None
    target_name: str | None
    target_country: str | None
    trigger: str
    location: str | None
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    sentence: str
    confidence: float | None
    score: float | None


class ArticleRow(BaseModel):
    """An article as the lists show it: counts of its quotes and events and the opening of its text."""

    article_id: str
    date: str | None
    outlet: str | None
    title: str | None
    url: str | None
    source: str
    quotes: int
    events: int
    snippet: str
    score: float | None


class ActorHit(BaseModel):
    """An actor found by a search, with its counts."""

    id: str
    name: str
    type: str
    country: str | None
    mentions: int
    articles: int
    score: float | None


class SearchOut(BaseModel):
    """The best matches of `q` per kind, each with the total that matches."""

    q: str
    quotes: ListOut[QuoteRow] | None = None
    articles: ListOut[ArticleRow] | None = None
    actors: ListOut[ActorHit] | None = None
    events: ListOut[EventRow] | None = None


def _list_out(page: query.Page) -> dict[str, Any]:
    return {"items": page.rows, "total": page.total, "limit": page.limit, "offset": page.offset,
            "next_offset": page.next_offset, "exact": page.exact, "notes": list(page.notes)}


def _refused(exc: Exception, name: str) -> RequestValidationError:
    """A value the lists refuse (not in the vocabulary, a sort key, a column this store lacks), as FastAPI's 422."""
    error: dict[str, Any] = {"type": "value_error", "loc": ("query", name), "msg": str(exc)}
    if isinstance(exc, UnknownValueError):
        error.update(input=exc.value, ctx={"valid": list(exc.valid)})
    return RequestValidationError([error])


def _answer(run: Callable[[], query.Page], format: str, filename: str) -> Any:
    """The page as the JSON list, or as a CSV download of the same rows.

    A value the lists refuse is a 422 in FastAPI's shape, naming the parameter (and, for the
    vocabulary, listing the valid values); a search index that cannot be opened is a 503."""
    try:
        page = run()
    except UnknownValueError as exc:
        raise _refused(exc, _PARAM_OF.get(exc.what, "query")) from None
    except BadDateError:
        raise
    except FileNotFoundError as exc:
        raise HTTPException(503, str(exc)) from None
    except ValueError as exc:
        named = next((p for p in _PARAMS_IN_MESSAGES if p in str(exc)), "query")
        raise _refused(exc, named) from None
    if format == "csv":
        return Response(page.to_csv(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})
    return _list_out(page)


#: the parameter a refused value belongs to: by the vocabulary's name for it, or named in a message
_PARAMS_IN_MESSAGES = ("min_confidence", "anonymous", "relevance", "limit")
_PARAM_OF = {"event type": "type", "event type family": "type", "modality": "modality", "quote kind": "kind",
             "sort key": "sort", "sort order": "order", "search kind": "kinds"}
_CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}, "description": "The page as JSON, or as CSV with format=csv."}}


@router.get("/api/quotes", tags=["quotes"], response_model=ListOut[QuoteRow], responses=_CSV)
def api_quotes(store: StoreDep, q: Text = None,
               speaker: Annotated[str | None, Query(description="Actor id or name: quotes by them.")] = None,
               about: Annotated[str | None, Query(description="Actor id or name mentioned in the content.")] = None,
               since: Dates = None, until: Dates = None, outlet: Many = None,
               kind: Annotated[list[str] | None, Query(description="direct, indirect or mixed; repeatable.")] = None,
               min_confidence: Confidence = None,
               anonymous: Annotated[bool | None, Query(description="true: only unnamed sources; false: only named.")] = None,
               sort: Sort = "date", order: Order = "desc", limit: ListLimit = 50, offset: Offset = 0,
               format: ListFormat = "json") -> Any:
    """Quotes with filters, newest first by default; `total` counts every match; `format=csv` downloads the page."""
    with store.read() as c:
        return _answer(lambda: c.quote_list(q=q, speaker=speaker, about=about, since=_iso(since), until=_iso(until),
                                            outlet=outlet, kind=kind, min_confidence=min_confidence, anonymous=anonymous,
                                            sort=sort, order=order, limit=limit, offset=offset),
                       format, "quotes")


@router.get("/api/events", tags=["events"], response_model=ListOut[EventRow], responses=_CSV)
def api_events(store: StoreDep, q: Text = None,
               actor: Annotated[str | None, Query(description="Actor id or name, on either side.")] = None,
               source: Annotated[str | None, Query(description="Actor id or name.")] = None,
               target: Annotated[str | None, Query(description="Actor id or name.")] = None,
               type: Annotated[list[str] | None, Query(description="PLOVER type (AID) or family (verbal-conflict); "
                                                                   "repeatable.")] = None,
               modality: Annotated[list[str] | None, Query(description="asserted, reported, future, possible or "
                                                                       "negated; repeatable.")] = None,
               min_confidence: Confidence = None, since: Dates = None, until: Dates = None, outlet: Many = None,
               sort: Sort = "date", order: Order = "desc", limit: ListLimit = 50, offset: Offset = 0,
               format: ListFormat = "json") -> Any:
    """Events with filters, each with the sentence it comes from; an unknown type or modality is a 422 listing
    the valid ones."""
    with store.read() as c:
        return _answer(lambda: c.event_list(q=q, actor=actor, source=source, target=target, type=type, modality=modality,
                                            min_confidence=min_confidence, since=_iso(since), until=_iso(until),
                                            outlet=outlet, sort=sort, order=order, limit=limit, offset=offset),
                       format, "events")


@router.get("/api/articles", tags=["articles"], response_model=ListOut[ArticleRow], responses=_CSV)
def api_articles(store: StoreDep, q: Text = None,
                 actor: Annotated[str | None, Query(description="Actor id or name mentioned in the article.")] = None,
                 since: Dates = None, until: Dates = None, outlet: Many = None,
                 sort: Sort = "date", order: Order = "desc", limit: ListLimit = 50, offset: Offset = 0,
                 format: ListFormat = "json") -> Any:
    """Articles with filters and their counts of quotes and events."""
    with store.read() as c:
        return _answer(lambda: c.article_list(q=q, actor=actor, since=_iso(since), until=_iso(until), outlet=outlet,
                                              sort=sort, order=order, limit=limit, offset=offset),
                       format, "articles")


@router.get("/api/search", tags=["search"], response_model=SearchOut, responses=_CSV)
def api_search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=DEFAULT.max_query_chars, description="Words to find.")],
               kinds: Annotated[list[str] | None, Query(description="quotes, articles, actors, events; "
                                                                    "repeatable (default: all).")] = None,
               limit: Annotated[int, Query(ge=1, le=100, description="Best matches per kind (1-100).")] = 20,
               format: ListFormat = "json") -> Any:
    """Full-text search: the best matches per kind with the total of each. `format=csv` needs one kind."""
    asked = kinds or list(KINDS)
    if format == "csv" and len(asked) != 1:
        raise _refused(ValueError("format=csv downloads one kind: pass kinds=quotes (or articles, actors, events)"),
                       "format")
    with store.read() as c:
        try:
            found = c.search(q, kinds=asked, limit=limit)
        except UnknownValueError as exc:
            raise _refused(exc, "kinds") from None
    if format == "csv":
        return _answer(lambda: found[asked[0]], format, f"search-{asked[0]}")
    return {"q": q, **{kind: _list_out(page) for kind, page in found.items()}}


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
