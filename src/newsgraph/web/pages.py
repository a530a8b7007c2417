"""The analysts' pages (HTML, not in the OpenAPI document): home, search, actor, relation, article, /docs.
The list pages (/quotes, /events, /articles) are `list_pages`.

Each page reads through `newsgraph.query` inside `with store.read()`, shapes the records with
`render` and `charts` and draws them with a template; data for scripts travels as JSON in
`<script type="application/json">`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..errors import UnknownActorError
from ..model import Actor
from ..query import ACTIVITY_KINDS, ActorProfile, Corpus, Page, RelationRow
from . import charts, filters, render
from .deps import StoreDep
from .settings import DEFAULT
from .templating import query_string, template_response

HOME_ACTORS = 25  # the most mentioned actors the home page lists
SEARCH_KINDS = ("actors", "quotes", "events", "articles")
SEARCH_PER_KIND = 10
# Facts per list on the relation page: the first page of the list page that continues it (/events, /quotes
# at their default size and sort, newest first), so its next-page link opens that list at the second page.
# It showed 200 events and 100 quotes each way: on a store of 10^5 articles reading and drawing them was
# most of the page's 450 ms (issue 20, "pagination everywhere").
RELATION_PAGE = filters.DEFAULT_PAGE_SIZE
ACTOR_QUOTES = 10
ACTOR_CLAIMS = 5  # the most repeated claims (most outlets) on the actor page
# Rows of the actor page's tables of counterparts and of labels by outlet (busiest, most used first): they
# grow with the actors and outlets a store holds, not its facts, but had no bound (issue 20).
ACTOR_TABLE_ROWS = 100
AutoBy = Literal["", "day", "week", "month", "year"]

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> Response:
    with store.read() as c:
        stats, top = c.stats(), c.top_actors(HOME_ACTORS)
    return template_response(request, "home.html", {"stats": stats, "top": top})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=DEFAULT.max_query_chars)] = "") -> Response:
    """Quotes, actors, events and articles matching `q` (the full-text index), the best few of each with
    the total and a link to the whole list."""
    results: dict[str, Any] = {}
    if q.strip():
        with store.read() as c:
            results = c.search(q, kinds=SEARCH_KINDS, limit=SEARCH_PER_KIND)
    notes = list(dict.fromkeys(n for page in results.values() for n in page.notes))
    return template_response(request, "search.html", {"q": q, "header_q": q, "results": results,
                                                      "kinds": SEARCH_KINDS, "notes": notes})


def _actor_context(c: Corpus, p: ActorProfile, by: str, net_filters: dict[str, Any]) -> dict[str, Any]:
    """What the actor page draws: timeline on a date axis, network (filtered by period and type), quotes, roles, labels.

    The store is held for the whole page (an ingest waits meanwhile), so each thing is read once:
    the weekly activity gives the totals and the span, and is read again by month or year only
    when the span is too long for weekly bars."""
    aid = p.actor.id
    activity = c.activity(aid, by or "week").to_list()
    totals = dict.fromkeys(ACTIVITY_KINDS, 0)
    for row in activity:
        totals[row.kind] += row.count
    dated = sorted(r.period for r in activity if r.period)
    period = by or (charts.period_for_span(dated[0], dated[-1]) if dated else "week")
    if period != (by or "week"):
        activity = c.activity(aid, period).to_list()
    rows = (c.counterparts_over(aid, **net_filters) if net_filters else c.counterparts(aid)).to_list()
    labels = c.labels(aid)
    quotes_by, quotes_about = c.quote_lists({"speaker": aid}, {"about": aid}, limit=ACTOR_QUOTES)
    return {
        "profile": p, "activity": totals, "by": period, "timeline": charts.timeline(activity, period),
        "graph": charts.network({"id": aid, "name": p.actor.name, "type": p.actor.type}, rows),
        "counterparts": charts.counterpart_table(rows), "families": charts.family_legend(),
        "quotes_by": quotes_by.rows, "quotes_about": quotes_about.rows,
        "roles": c.roles(aid), "labels": render.label_summary(labels), "label_rows": labels,
        "collapse": render.VIEW.collapse_top, "table_rows": ACTOR_TABLE_ROWS,
        "claims": c.claims(speaker=aid, limit=ACTOR_CLAIMS).to_list(),
    }


@router.get("/actor/{actor}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, actor: str, by: AutoBy = "") -> Response:
    """The actor's page; a name or alias redirects to the canonical page under the actor's id.

    `since`, `until` and `type` (a PLOVER type or family) restrict the network to those events."""
    net_echo, net_filters = filters.read_filters(filters.NETWORK_CONTROLS, request.query_params)
    with store.read() as c:
        p = c.actor(actor)
        if actor != p.actor.id:
            query = f"?{request.url.query}" if request.url.query else ""
            return RedirectResponse(f"/actor/{quote(p.actor.id, safe='')}{query}", status_code=307)
        context = _actor_context(c, p, by, net_filters)
    context.update(net=net_echo, type_options=filters.type_options(), by_param=by)
    return template_response(request, "actor.html", context)


def _covered(c: Corpus, name: str) -> list[Actor]:
    """Every actor that a name covers (all with that name or alias, as `newsgraph relation` counts them)."""
    return [c.actor(i).actor for i in c.actor_ids(name)]


@dataclass(frozen=True, slots=True)
class FirstPage:
    """The first page of a list shown inside another page: its rows, where they sit (`1–50 of 412`), and
    links to the list page that continues it (`next`, None when this page holds them all) and to all of it."""

    rows: list[dict[str, Any]]
    total: int
    range: str
    next: str | None
    all: str


def _first_page(page: Page, path: str, params: dict[str, str]) -> FirstPage:
    """`page` (offset 0) with the links to the list page `path?params` that continue it: its second page
    at the same size (the list page's default size needs no `limit`) and sort (the default, newest first)."""
    more = page.next_offset
    size = {} if page.limit == filters.DEFAULT_PAGE_SIZE else {"limit": page.limit}
    return FirstPage(page.rows, page.total, filters.range_text(0, len(page.rows), page.total, page.exact),
                     f"{path}?{query_string({**params, **size, 'offset': more})}" if more is not None else None,
                     f"{path}?{query_string(params)}")


def _relation_rows(c: Corpus, a: str, b: str, by: str) -> tuple[list[RelationRow], str]:
    """The pair's counts per period and the period: `by` as asked, or (`by` empty) weeks, months or years by
    the span of its dated rows, as the actor page's timeline picks them (`charts.period_for_span`).

    Its chart has a point per period and series, its table a row per period, type and direction: by week
    over the three years of a store of 10^5 articles 1,145 rows and 7,360 points, most of a 0.6 MB page;
    by the span's period at most about 150 periods however long the store's history grows (issue 20)."""
    rows = c.relation(a, b, by or "week").to_list()
    if by:
        return rows, by
    dated = sorted(r.period for r in rows if r.period)
    period = charts.period_for_span(dated[0], dated[-1]) if dated else "week"
    if period != "week":
        rows = c.relation(a, b, period).to_list()
    return rows, period


def _relation_context(c: Corpus, a: str, b: str, by: str) -> dict[str, Any]:
    """The relation of the actors named `a` and `b`, counted over every actor each name covers (as the CLI):
    counts per period, type and direction; per type both ways; the newest events and quotes each way, a page
    of each with a link to the next (the list pages, which read a page by the pair's summary rows)."""
    name_a, name_b = c.actor(a).actor.name, c.actor(b).actor.name
    rows, by = _relation_rows(c, a, b, by)
    by_type: dict[str, dict[str, int]] = {}
    for r in rows:
        counts = by_type.setdefault(r.type, {"a->b": 0, "b->a": 0})
        counts[r.direction] += r.events
    event_filters = ({"source": a, "target": b}, {"source": b, "target": a})
    quote_filters = ({"speaker": a, "about": b}, {"speaker": b, "about": a})
    events_ab, events_ba = c.event_lists(*event_filters, limit=RELATION_PAGE)
    quotes_ab, quotes_ba = c.quote_lists(*quote_filters, limit=RELATION_PAGE)
    return {
        "name_a": name_a, "name_b": name_b, "actors_a": _covered(c, a), "actors_b": _covered(c, b), "rows": rows,
        "by_type": sorted(by_type.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])),
        "total": sum(r.events for r in rows), "series": charts.relation_series(rows, name_a, name_b, by), "by": by,
        "events_ab": _first_page(events_ab, "/events", event_filters[0]),
        "events_ba": _first_page(events_ba, "/events", event_filters[1]),
        "quotes_ab": _first_page(quotes_ab, "/quotes", quote_filters[0]),
        "quotes_ba": _first_page(quotes_ba, "/quotes", quote_filters[1]),
    }


@router.get("/relation", response_class=HTMLResponse)
def relation_page(request: Request, store: StoreDep, a: Annotated[str, Query(max_length=200)] = "",
                  b: Annotated[str, Query(max_length=200)] = "", by: AutoBy = "") -> Response:
    """Compare two actors: pick them by any name or alias; with both, how they relate over time (per `by`,
    or without it per week, month or year by the span of their events)."""
    context: dict[str, Any] = {"a": a.strip(), "b": b.strip(), "by": by or "week", "error": None, "compared": False}
    status = 200
    if context["a"] and context["b"]:
        with store.read() as c:
            try:
                context.update(_relation_context(c, context["a"], context["b"], by), compared=True)
            except UnknownActorError as exc:
                context["error"], status = str(exc), 404
    return template_response(request, "relation.html", context, status_code=status)


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep, article_id: str) -> Response:
    """The article with its marks; `#q-3` / `#e-5` open it at quote 3 / event 5, highlighted (static/js/article.js)."""
    with store.read() as c:
        art = c.article(article_id)
    names = {a.id: a.name for a in art.actors}
    blocks = render.article_blocks(art)
    return template_response(request, "article.html", {"article": art, "blocks": blocks, "names": names,
                                                       "placed": render.placed_anchors(blocks)})


@router.get("/docs")
def docs() -> HTMLResponse:
    """Swagger UI over /openapi.json, from the vendored copy (no CDN)."""
    return get_swagger_ui_html(openapi_url="/openapi.json", title="newsgraph API",
                               swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                               swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                               swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")
