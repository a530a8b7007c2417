"""`newsgraph serve`: a JSON API (FastAPI, OpenAPI at /docs) and pages for analysts.

    api.py        /api routes          pages.py      HTML pages and /docs; list_pages.py /quotes, /events, /articles
    security.py   token, CSP headers   errors.py     error pages and JSON errors
    deps.py       the store, paging    templating.py Jinja environment; render.py, charts.py, filters.py shape
                                       records, chart data and list filters for templates

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

import uvicorn
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import query
from ..errors import TokenRequiredError
from . import api, claims, errors, list_pages, pages, security
from .deps import Store
from .templating import HERE, make_templates

DESCRIPTION = ("Who said what, about whom, and who did what to whom, when: read-only API over a newsgraph store. "
               "Lists are paged with `limit` and `offset`; `next_offset` is null on the last page. "
               "Actor parameters take an id or any name or alias.")


def create_app(db: str, *, token: str | None = None) -> FastAPI:
    """The app over the store at `db`; with `token`, every request must carry it (see `security`)."""
    app = FastAPI(title="newsgraph", version="1", docs_url=None, redoc_url=None, description=DESCRIPTION)
    app.state.store = Store(db)
    app.state.token = token
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.middleware("http")(security.guard)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(list_pages.router)
    app.include_router(claims.router)
    app.include_router(claims.pages)
    return app


def run(db: str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Check the store and the binding, then serve until interrupted."""
    if not security.is_loopback(host) and not token:
        raise TokenRequiredError(host)
    query.open(db, read_only=True).close()  # fail now, with the store's own message, if it is missing
    uvicorn.run(create_app(db, token=token or None), host=host, port=port, log_level="info")
