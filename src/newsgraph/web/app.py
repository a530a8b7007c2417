"""`newsgraph serve`: a JSON API (FastAPI, OpenAPI at /docs) and pages for analysts.

Every endpoint and page reads through `newsgraph.query` (no SQL here). The store is opened
read-only for the time of one request and closed again: DuckDB lets one process hold a file
for writing and then no other process may open it, so short read connections let an ingest
(which opens the file once per batch) get in between requests, and a request that arrives
while a batch is being written waits for it (`store.connect` retries) instead of failing.

Article text is untrusted. Templates autoescape, scripts draw with `textContent` or on a
canvas, data for scripts travels as JSON in `<script type="application/json">` (Jinja's
`tojson` escapes `<`, `>`, `&`), and a Content-Security-Policy allows only this server's own
scripts. Binding anything but loopback requires a token that every request must carry.
"""
from __future__ import annotations

import datetime as dt
import hmac
import ipaddress
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from .. import query
from ..errors import (BadDateError, NewsgraphError, StoreLockedError, TokenRequiredError, UnknownActorError,
                      UnknownArticleError)
from ..model import ACTOR_TYPES
from . import render

HERE = Path(__file__).parent
TOKEN_COOKIE = "newsgraph_token"
T = TypeVar("T")

ActorType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP"]
Modality = Literal["asserted", "reported", "future", "possible", "negated"]
By = Literal["day", "week", "month", "year"]
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page (1-500).")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Rows to skip.")]
_EVENT_TYPE = re.compile(r"^[A-Z_]{2,32}$")


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


def _page(result: query.Result[Any], limit: int, offset: int) -> dict[str, Any]:
    """Items of a result fetched with limit + 1, so the last page knows it is the last."""
    rows = result.to_list()
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}


def _event_types(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    bad = [v for v in values if not _EVENT_TYPE.match(v)]
    if bad:
        raise RequestValidationError([{"type": "value_error", "loc": ("query", "type"), "input": bad[0],
                                       "msg": f"event type {bad[0]!r} is not a PLOVER type name (upper case, e.g. AID)"}])
    return values


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _security_headers(response: Response, path: str) -> None:
    if path == "/docs":  # Swagger UI starts itself with an inline script
        csp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
    else:
        csp = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    response.headers.setdefault("Content-Security-Policy", csp)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")


def create_app(db: str, *, token: str | None = None) -> FastAPI:
    """The app over the store at `db`; with `token`, every request must carry it.

    The token may come as `Authorization: Bearer TOKEN`, as `?token=TOKEN` (then the server
    sets an HttpOnly, same-site cookie so the pages' own links and requests carry it too), or
    as that cookie.
    """
    app = FastAPI(title="newsgraph", version="1", docs_url=None, redoc_url=None,
                  description="Who said what, about whom, and who did what to whom, when: read-only API over a "
                              "newsgraph store. Lists are paged with `limit` and `offset`; `next_offset` is null "
                              "on the last page. Actor parameters take an id or any name or alias.")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["qs"] = lambda params: urlencode({k: v for k, v in params.items() if v not in (None, "")})
    env.globals["sentence_parts"] = render.sentence_parts
    env.filters["http_url"] = lambda url: url if isinstance(url, str) and re.match(r"(?i)^https?://", url) else None
    templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @contextmanager
    def corpus() -> Iterator[query.Corpus]:
        c = query.open(db, read_only=True)
        try:
            yield c
        finally:
            c.close()

    # ------------------------------------------------------------ middleware and errors
    @app.middleware("http")
    async def guard(request: Request, call_next):  # type: ignore[no-untyped-def]
        from_query = False
        if token is not None:
            auth = request.headers.get("authorization", "")
            supplied = auth[7:].strip() if auth.lower().startswith("bearer ") else None
            if supplied is None and "token" in request.query_params:
                supplied, from_query = request.query_params["token"], True
            if supplied is None:
                supplied = request.cookies.get(TOKEN_COOKIE)
            if supplied is None or not hmac.compare_digest(supplied.encode(), token.encode()):
                response: Response = JSONResponse(
                    {"detail": "a token is required: send 'Authorization: Bearer TOKEN' or add ?token=TOKEN"},
                    status_code=401, headers={"WWW-Authenticate": "Bearer"})
                _security_headers(response, request.url.path)
                return response
        response = await call_next(request)
        if from_query:
            response.set_cookie(TOKEN_COOKIE, token or "", httponly=True, samesite="strict")
        _security_headers(response, request.url.path)
        return response

    def wants_html(request: Request) -> bool:
        return not (request.url.path.startswith("/api/") or request.url.path == "/openapi.json")

    def error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        if wants_html(request):
            return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                              status_code=status, headers=headers)
        return JSONResponse({"detail": message}, status_code=status, headers=headers)

    @app.exception_handler(UnknownActorError)
    @app.exception_handler(UnknownArticleError)
    async def not_found(request: Request, exc: NewsgraphError) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(BadDateError)
    async def bad_date(request: Request, exc: BadDateError) -> Response:
        return error(request, 422, str(exc))

    @app.exception_handler(StoreLockedError)
    async def locked(request: Request, exc: StoreLockedError) -> Response:
        return error(request, 503, str(exc), headers={"Retry-After": "5"})

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_html(request):
            msgs = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
            return error(request, 422, msgs)
        return await request_validation_exception_handler(request, exc)

    # ------------------------------------------------------------ API
    @app.get("/api/stats", tags=["corpus"])
    def api_stats() -> dict[str, Any]:
        """Counts of articles, actors, mentions, quotes and events, and the date range."""
        with corpus() as c:
            return c.stats()

    @app.get("/api/actors", tags=["actors"], response_model=Page[query.ActorMatch])
    def api_actors(q: Annotated[str, Query(max_length=200, description="Name or alias prefix (case and accents "
                                                                         "ignored); empty lists all.")] = "",
                   type: Annotated[list[ActorType] | None, Query(description="Actor types; repeatable.")] = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Search actors by name or alias prefix, most mentioned first."""
        with corpus() as c:
            return _page(c.search(q, type, limit=limit + 1, offset=offset), limit, offset)

    @app.get("/api/actors/{actor}", tags=["actors"], response_model=ActorOut)
    def api_actor(actor: str) -> dict[str, Any]:
        """One actor by id (or any name or alias): aliases, counts, roles and labels."""
        with corpus() as c:
            p = c.actor(actor)
            return {**p.actor.to_dict(), "mentions": p.mentions, "articles": p.articles,
                    "activity": c.activity_counts(p.actor.id), "roles": c.roles(p.actor.id), "labels": c.labels(p.actor.id)}

    @app.get("/api/actors/{actor}/counterparts", tags=["actors"], response_model=Page[query.Counterpart])
    def api_counterparts(actor: str, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        """The actor's network: event counts per counterpart, type and direction ('out' = the actor is source)."""
        with corpus() as c:
            rows = c.counterparts(c.actor(actor).actor.id).to_list()
        return {"items": rows[offset:offset + limit], "limit": limit, "offset": offset,
                "next_offset": offset + limit if len(rows) > offset + limit else None}

    @app.get("/api/actors/{actor}/activity", tags=["actors"], response_model=list[query.ActivityRow])
    def api_activity(actor: str, by: By = "week") -> list[query.ActivityRow]:
        """Counts per period of the actor's events (as source, as target) and quotes (by, about)."""
        with corpus() as c:
            return c.activity(c.actor(actor).actor.id, by).to_list()

    @app.get("/api/quotes", tags=["quotes"], response_model=Page[query.QuoteRecord])
    def api_quotes(speaker: Annotated[str | None, Query(description="Actor id or name: quotes by them.")] = None,
                   about: Annotated[str | None, Query(description="Actor id or name mentioned in the content.")] = None,
                   since: dt.date | None = None, until: dt.date | None = None,
                   newest_first: bool = False, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Quotes by and/or about an actor, oldest first (or newest first)."""
        if newest_first and (since or until):
            raise RequestValidationError([{"type": "value_error", "loc": ("query", "newest_first"), "input": True,
                                           "msg": "newest_first cannot be combined with since or until"}])
        with corpus() as c:
            if newest_first:
                result = c.latest_quotes(speaker, about, limit=limit + 1, offset=offset)
            else:
                result = c.quotes(speaker, about, _iso(since), _iso(until), limit=limit + 1, offset=offset)
            return _page(result, limit, offset)

    @app.get("/api/events", tags=["events"], response_model=Page[query.EventRecord])
    def api_events(source: Annotated[str | None, Query(description="Actor id or name.")] = None,
                   target: Annotated[str | None, Query(description="Actor id or name.")] = None,
                   type: Annotated[list[str] | None, Query(description="PLOVER event types; repeatable.")] = None,
                   modality: Annotated[list[Modality] | None, Query(description="Repeatable.")] = None,
                   since: dt.date | None = None, until: dt.date | None = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Events with filters, oldest first, each with the sentence it comes from."""
        types = _event_types(type)
        with corpus() as c:
            return _page(c.events(source, target, types, modality, _iso(since), _iso(until), limit=limit + 1,
                                  offset=offset), limit, offset)

    @app.get("/api/relation", tags=["events"], response_model=list[query.RelationRow])
    def api_relation(a: Annotated[str, Query(description="Actor id or name.")],
                     b: Annotated[str, Query(description="Actor id or name.")],
                     by: By = "week") -> list[query.RelationRow]:
        """Event counts per period, type and direction ('a->b' or 'b->a') between two actors."""
        with corpus() as c:
            return c.relation(a, b, by).to_list()

    @app.get("/api/articles/{article_id:path}", tags=["articles"])
    def api_article(article_id: str) -> dict[str, Any]:
        """One article with all its annotations (the JSON contract; offsets refer to `text`)."""
        with corpus() as c:
            return c.article(article_id).to_dict()

    # ------------------------------------------------------------ pages
    def page(request: Request, name: str, **context: Any) -> Response:
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> Response:
        with corpus() as c:
            stats, top = c.stats(), c.actors(top=25).to_list()
        return page(request, "home.html", stats=stats, top=top)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: Annotated[str, Query(max_length=200)] = "",
               type: Literal["", "PERSON", "ORG", "GPE", "LOC", "NORP"] = "",
               offset: Offset = 0) -> Response:
        limit = 50
        with corpus() as c:
            result = _page(c.search(q, type or None, limit=limit + 1, offset=offset), limit, offset)
        return page(request, "search.html", q=q, type=type, types=ACTOR_TYPES, result=result)

    @app.get("/actor/{actor}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor: str) -> Response:
        with corpus() as c:
            p = c.actor(actor)
            if actor != p.actor.id:  # a name or alias: go to the canonical page
                return RedirectResponse(f"/actor/{p.actor.id}", status_code=307)
            aid = p.actor.id
            center = {"id": aid, "name": p.actor.name, "type": p.actor.type}
            counterparts = c.counterparts(aid).to_list()
            context = {
                "profile": p, "activity": c.activity_counts(aid),
                "timeline": render.timeline(c.activity(aid, "week")),
                "graph": render.network(center, counterparts),
                "counterparts": _counterpart_table(counterparts),
                "quotes_by": c.latest_quotes(speaker=aid, limit=10).to_list(),
                "quotes_about": c.latest_quotes(about=aid, limit=10).to_list(),
                "roles": c.roles(aid), "labels": c.labels(aid),
            }
        return page(request, "actor.html", **context)

    @app.get("/relation", response_class=HTMLResponse, include_in_schema=False)
    def relation_page(request: Request, a: str, b: str, by: By = "week") -> Response:
        with corpus() as c:
            pa_, pb = c.actor(a), c.actor(b)
            ida, idb = pa_.actor.id, pb.actor.id
            rows = c.relation(ida, idb, by).to_list()
            sentences = c.events(ida, idb, limit=200).to_list() + c.events(idb, ida, limit=200).to_list()
        sentences.sort(key=lambda e: (e.date is None, e.date or "", e.article_id, e.idx))
        return page(request, "relation.html", a=pa_.actor, b=pb.actor, by=by, rows=rows, events=sentences,
                    series=render.relation_series(rows, pa_.actor.name, pb.actor.name))

    @app.get("/article/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> Response:
        with corpus() as c:
            art = c.article(article_id)
        names = {a.id: a.name for a in art.actors}
        return page(request, "article.html", article=art, blocks=render.article_blocks(art), names=names)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="newsgraph API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")

    return app


def _counterpart_table(rows: list[query.Counterpart]) -> list[dict[str, Any]]:
    """One row per counterpart with its event counts by type and direction, busiest first."""
    table: dict[str, dict[str, Any]] = {}
    for r in rows:
        entry = table.setdefault(r.counterpart, {"id": r.counterpart, "name": r.counterpart_name,
                                                 "type": r.counterpart_type, "out": {}, "in": {}, "total": 0})
        entry[r.direction][r.type] = r.events
        entry["total"] += r.events
    return sorted(table.values(), key=lambda e: (-e["total"], e["name"]))


def run(db: str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Check the store and the binding, then serve until interrupted."""
    import uvicorn

    if not is_loopback(host) and not token:
        raise TokenRequiredError(host)
    query.open(db, read_only=True).close()  # fail now, with the store's own message, if it is missing
    uvicorn.run(create_app(db, token=token or None), host=host, port=port, log_level="info")
