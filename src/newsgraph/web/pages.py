"""The analysts' pages (HTML, not in the OpenAPI document): home, search, actor, relation, article, /docs.

Each page reads through `newsgraph.query` inside `with store.read()`, shapes the records with
`render` and draws them with a template; data for scripts travels as JSON in
`<script type="application/json">`.
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..model import ACTOR_TYPES
from . import render
from .deps import By, Offset, StoreDep, paged
from .templating import template_response

SEARCH_PAGE_SIZE = 50

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> Response:
    with store.read() as c:
        stats, top = c.stats(), c.actors(top=25).to_list()
    return template_response(request, "home.html", {"stats": stats, "top": top})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "",
           type: Literal["", "PERSON", "ORG", "GPE", "LOC", "NORP"] = "", offset: Offset = 0) -> Response:
    limit = SEARCH_PAGE_SIZE
    with store.read() as c:
        result = paged(c.search(q, type or None, limit=limit + 1, offset=offset), limit, offset)
    return template_response(request, "search.html", {"q": q, "type": type, "types": ACTOR_TYPES, "result": result})


@router.get("/actor/{actor}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, actor: str) -> Response:
    """The actor's page; a name or alias redirects to the canonical page under the actor's id."""
    with store.read() as c:
        p = c.actor(actor)
        if actor != p.actor.id:
            return RedirectResponse(f"/actor/{p.actor.id}", status_code=307)
        aid = p.actor.id
        center = {"id": aid, "name": p.actor.name, "type": p.actor.type}
        counterparts = c.counterparts(aid).to_list()
        context = {
            "profile": p, "activity": c.activity_counts(aid),
            "timeline": render.timeline(c.activity(aid, "week")),
            "graph": render.network(center, counterparts),
            "counterparts": render.counterpart_table(counterparts),
            "quotes_by": c.latest_quotes(speaker=aid, limit=10).to_list(),
            "quotes_about": c.latest_quotes(about=aid, limit=10).to_list(),
            "roles": c.roles(aid), "labels": c.labels(aid),
        }
    return template_response(request, "actor.html", context)


@router.get("/relation", response_class=HTMLResponse)
def relation_page(request: Request, store: StoreDep, a: str, b: str, by: By = "week") -> Response:
    with store.read() as c:
        pa_, pb = c.actor(a), c.actor(b)
        ida, idb = pa_.actor.id, pb.actor.id
        rows = c.relation(ida, idb, by).to_list()
        sentences = c.events(ida, idb, limit=200).to_list() + c.events(idb, ida, limit=200).to_list()
    sentences.sort(key=lambda e: (e.date is None, e.date or "", e.article_id, e.idx))
    return template_response(request, "relation.html", {
        "a": pa_.actor, "b": pb.actor, "by": by, "rows": rows, "events": sentences,
        "series": render.relation_series(rows, pa_.actor.name, pb.actor.name)})


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep, article_id: str) -> Response:
    with store.read() as c:
        art = c.article(article_id)
    names = {a.id: a.name for a in art.actors}
    return template_response(request, "article.html", {"article": art, "blocks": render.article_blocks(art), "names": names})


@router.get("/docs")
def docs() -> HTMLResponse:
    """Swagger UI over /openapi.json, from the vendored copy (no CDN)."""
    return get_swagger_ui_html(openapi_url="/openapi.json", title="newsgraph API",
                               swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                               swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                               swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")
