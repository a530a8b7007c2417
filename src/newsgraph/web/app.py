"""`newsgraph serve`: a JSON API (FastAPI, OpenAPI at /docs) and pages for analysts.

    api.py        /api routes          pages.py      HTML pages and /docs; list_pages.py /quotes, /events, /articles
    security.py   Host, token, headers errors.py     error pages and JSON errors
    limits.py     parameter caps       timeouts.py   the time limit of a request
    cache.py      answers kept while the store file does not change
    deps.py       the store, paging    templating.py Jinja environment; render.py, charts.py, filters.py shape
    settings.py   the limits           records, chart data and list filters for templates

Every endpoint and page reads through `newsgraph.query` (no SQL here). The handlers are plain
`def` functions, which FastAPI runs in its thread pool, so the event loop keeps accepting and
answering while a request reads the store. The store is opened read-only and shared by the
requests that run together, and closed as soon as none has used it for a moment (`deps`):
DuckDB lets one process hold a file for writing and then no other process may open it, so an
ingest (which opens the file once per batch) gets in between bursts of requests, and a request
that arrives while a batch is being written waits for it (`store.connect` retries). An answer
is kept in memory until the store file changes (`cache`), so a page many clients ask for is
computed once.

Article text is untrusted. Templates autoescape, scripts draw with `textContent` or on a
canvas, data for scripts travels as JSON in `<script type="application/json">` (Jinja's
`tojson` escapes `<`, `>`, `&`), and a Content-Security-Policy allows only this server's own
scripts. Binding anything but loopback requires a token that every request must carry.
"""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import query
from ..errors import TokenRequiredError
from . import api, claims, errors, list_pages, pages, security
from .cache import ResponseCache
from .deps import SharedStore
from .settings import DEFAULT, ServerSettings
from .templating import HERE, make_templates
from .timeouts import TimeLimit

DESCRIPTION = ("Who said what, about whom, and who did what to whom, when: read-only API over a newsgraph store. "
               "Lists are paged with `limit` and `offset`; `next_offset` is null on the last page. "
               "Actor parameters take an id or any name or alias; a value over "
               f"{DEFAULT.max_param_chars} characters (a full-text `q` over {DEFAULT.max_query_chars}) is a 422.")


def create_app(db: str, *, token: str | None = None, hosts: security.HostCheck | None = None,
               settings: ServerSettings = DEFAULT) -> FastAPI:
    """The app over the store at `db`; with `token`, every request must carry it, and with `hosts`, its Host
    header must name this server (see `security`; `run` always passes both checks' settings)."""
    store = SharedStore(db, settings.store_idle_seconds, settings.writer_poll_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="newsgraph", version="1", docs_url=None, redoc_url=None, description=DESCRIPTION,
                  lifespan=lifespan)
    app.state.store = store
    app.state.token = token
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(ResponseCache, store=store, settings=settings)
    app.add_middleware(TimeLimit, settings=settings)
    app.add_middleware(security.Guard, token=token, hosts=hosts, settings=settings)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(list_pages.router)
    app.include_router(claims.router)
    app.include_router(claims.pages)
    return app


def run(db: str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
        allow_hosts: Iterable[str] = (), settings: ServerSettings = DEFAULT) -> None:
    """Check the store, the binding and the token, then serve until interrupted (the access log without tokens)."""
    if not security.is_loopback(host) and not token:
        raise TokenRequiredError(host)
    if token:
        security.check_token(token, settings)
    query.open(db, read_only=True).close()  # fail now, with the store's own message, if it is missing
    app = create_app(db, token=token or None, hosts=security.HostCheck(host, allow_hosts), settings=settings)
    config = uvicorn.Config(app, host=host, port=port, log_level="info")  # configures uvicorn's loggers
    logging.getLogger("uvicorn.access").addFilter(security.RedactToken())
    uvicorn.Server(config).run()
