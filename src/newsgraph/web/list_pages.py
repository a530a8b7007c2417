"""The list pages: /quotes, /events and /articles, filtered, sorted and paged, the total always shown.

Each reads one `Page` through `Corpus.quote_list` / `event_list` / `article_list` with the
filters of the URL (`filters.read_request`), and links the same rows as CSV and JSON from the
/api list of the same name. An actor filter may name several actors (every actor with that name
or alias, as the CLI does); the page says which. A filter the store cannot answer (an unknown
actor, a column an older store lacks) is shown above an empty list, with status 404 or 422, and
the form stays there to fix it.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ..errors import UnknownActorError, UnknownValueError
from ..model import Actor
from ..query import Corpus, Page
from .api import LIST_LIMIT_MAX
from .deps import StoreDep
from .errors import without_paths
from .filters import PAGE_SIZES, SPECS, ListRequest, ListSpec, range_text, read_request
from .templating import template_response

router = APIRouter(include_in_schema=False)


def named_actors(corpus: Corpus, req: ListRequest) -> list[tuple[str, str, list[Actor]]]:
    """(parameter, name as given, the actors it covers) for each actor filter of the request."""
    out = []
    for control in req.spec.controls:
        name = req.value(control.name)
        if control.kind == "actor" and name:
            out.append((control.name, name, [corpus.actor(i).actor for i in corpus.actor_ids(name)]))
    return out


def _read(corpus: Corpus, req: ListRequest) -> Page:
    """The page of rows the request asks for, through the list method of its kind."""
    common: dict[str, Any] = {**req.arguments, "sort": req.sort, "order": req.order, "limit": req.limit,
                              "offset": req.offset}
    if req.spec.kind == "quotes":
        return corpus.quote_list(**common)
    if req.spec.kind == "events":
        return corpus.event_list(**common)
    return corpus.article_list(**common)


def list_context(corpus: Corpus, req: ListRequest) -> tuple[dict[str, Any], int]:
    """The template context of a list page and its status: 200, 404 for an unknown actor, 422 for a
    filter the store refuses (an unknown value, a column this store lacks)."""
    error, status = None, 200
    named: list[tuple[str, str, list[Actor]]] = []
    page = Page([], 0, req.limit, req.offset)
    try:
        named = named_actors(corpus, req)
        page = _read(corpus, req)
    except UnknownActorError as exc:
        error, status = str(exc), 404
    except (UnknownValueError, ValueError) as exc:
        error, status = without_paths(str(exc), corpus.path), 422  # e.g. a column an older store lacks
    last_offset = max(0, (page.total - 1) // req.limit * req.limit)
    return {"spec": req.spec, "req": req, "rows": page.rows, "total": page.total, "notes": list(page.notes),
            "range": range_text(req.offset, len(page.rows), page.total, page.exact), "next_offset": page.next_offset,
            "last_offset": last_offset, "named": named, "error": error, "page_sizes": PAGE_SIZES,
            "download_all": page.total if len(page.rows) < page.total <= LIST_LIMIT_MAX else None}, status


def list_page(request: Request, store: StoreDep, spec: ListSpec) -> Response:
    req = read_request(spec, request.query_params)
    with store.read() as corpus:
        context, status = list_context(corpus, req)
    return template_response(request, f"{spec.kind}.html", context, status_code=status)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, store: StoreDep) -> Response:
    """Quotes: words, speaker, about, dates, outlet, kind, confidence, anonymous source."""
    return list_page(request, store, SPECS["quotes"])


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep) -> Response:
    """Events: words, an actor on either side or as source/target, type or family, modality, dates, outlet, confidence."""
    return list_page(request, store, SPECS["events"])


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep) -> Response:
    """Articles: words of title and text, an actor mentioned, dates, outlet."""
    return list_page(request, store, SPECS["articles"])
