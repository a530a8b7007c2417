"""Errors as responses: an error page for a browser, `{"detail": ...}` for the API.

Unknown actors and articles are 404, a bad date 422, a store locked by a writer 503 with
`Retry-After` (the client may simply retry), invalid parameters 422 (FastAPI's own JSON
body under /api, one readable line on a page).
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from ..errors import BadDateError, NewsgraphError, StoreLockedError, UnknownActorError, UnknownArticleError
from .templating import template_response


def wants_html(request: Request) -> bool:
    """Pages get HTML errors; /api/ and the OpenAPI document get JSON."""
    return not (request.url.path.startswith("/api/") or request.url.path == "/openapi.json")


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error page, or `{"detail": message}`, with `status`."""
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


async def invalid(request: Request, exc: RequestValidationError) -> Response:
    """Invalid parameters: `loc: msg` pairs on a page, FastAPI's standard body for the API."""
    if wants_html(request):
        msgs = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
        return error_response(request, 422, msgs)
    return await request_validation_exception_handler(request, exc)


def install(app: FastAPI) -> None:
    """Register the handlers on `app`."""
    app.exception_handler(UnknownActorError)(not_found)
    app.exception_handler(UnknownArticleError)(not_found)
    app.exception_handler(BadDateError)(bad_date)
    app.exception_handler(StoreLockedError)(locked)
    app.exception_handler(RequestValidationError)(invalid)
