"""Errors as responses: an error page for a browser, `{"detail": ...}` for the API.

Unknown actors and articles are 404, a bad date 422, a store locked by a writer 503 with
`Retry-After` (the client may simply retry), a store removed or unreadable while serving 503
(it may come back), invalid parameters 422 (FastAPI's own JSON body under /api, one readable
line on a page). No answer names a file on the server: the store's messages say where the file
is, which is for the person at the terminal, so its folder is cut from every message here.
"""
from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ..errors import BadDateError, NewsgraphError, StoreError, StoreLockedError, UnknownActorError, UnknownArticleError
from .templating import template_response


def wants_html(request: Request) -> bool:
    """Pages get HTML errors; /api/ and the OpenAPI document get JSON."""
    return not (request.url.path.startswith("/api/") or request.url.path == "/openapi.json")


def without_paths(message: str, store_path: str | None) -> str:
    """`message` with the store's folder cut: `/srv/data/news.duckdb.search` -> `news.duckdb.search`."""
    if not store_path:
        return message
    folders = {os.path.dirname(p) for p in (store_path, os.path.abspath(store_path), str(Path(store_path).resolve()))}
    for folder in sorted((f for f in folders if f), key=len, reverse=True):
        message = message.replace(folder.rstrip(os.sep) + os.sep, "")
    return message


def _store_path(request: Request) -> str | None:
    store = getattr(request.app.state, "store", None)
    return getattr(store, "path", None)


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error page, or `{"detail": message}`, with `status`; the store's folder is cut from `message`."""
    message = without_paths(message, _store_path(request))
    if wants_html(request):
        return template_response(request, "error.html", {"status": status, "message": message}, status_code=status,
                                 headers=headers)
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


async def not_found(request: Request, exc: NewsgraphError) -> Response:
    return error_response(request, 404, str(exc))


async def bad_date(request: Request, exc: BadDateError) -> Response:
    return error_response(request, 422, str(exc))


async def locked(request: Request, exc: StoreLockedError) -> Response:
    return error_response(request, 503, str(exc), headers={"Retry-After": "5"})


async def unusable_store(request: Request, exc: StoreError) -> Response:
    """The store was removed, replaced by something that is not a store, or cannot be read: 503, it may come back."""
    return error_response(request, 503, f"the store is unavailable: {exc}", headers={"Retry-After": "30"})


async def http_error(request: Request, exc: HTTPException) -> Response:
    """Routes' own errors (a claim not found, a search index that cannot be opened) and the router's (no such
    page: 404), as a page or JSON, their paths cut."""
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return error_response(request, exc.status_code, detail, headers=dict(exc.headers) if exc.headers else None)


async def invalid(request: Request, exc: RequestValidationError) -> Response:
    """Invalid parameters: `loc: msg` pairs on a page, FastAPI's standard body for the API."""
    if wants_html(request):
        msgs = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
        return error_response(request, 422, msgs)
    for error in exc.errors():
        if isinstance(error.get("msg"), str):
            error["msg"] = without_paths(error["msg"], _store_path(request))
    return await request_validation_exception_handler(request, exc)


def install(app: FastAPI) -> None:
    """Register the handlers on `app`."""
    app.exception_handler(UnknownActorError)(not_found)
    app.exception_handler(UnknownArticleError)(not_found)
    app.exception_handler(BadDateError)(bad_date)
    app.exception_handler(StoreLockedError)(locked)
    app.exception_handler(StoreError)(unusable_store)
    app.exception_handler(HTTPException)(http_error)
    app.exception_handler(RequestValidationError)(invalid)
