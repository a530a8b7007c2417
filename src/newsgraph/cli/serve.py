"""`newsgraph serve`: the read-only JSON API and analysts' pages over a store (see `web`)."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..errors import NewsgraphError
from ..web import run
from .options import DEFAULT_DB, DbOption
from .output import fail


def serve(db: DbOption = DEFAULT_DB,
          host: Annotated[str, typer.Option("--host", help="Address to bind; anything but loopback needs --token.")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
          token: Annotated[Optional[str], typer.Option("--token", envvar="NEWSGRAPH_TOKEN",
                                                       help="Require this token on every request (Authorization: Bearer, or ?token=).")] = None) -> None:
    """Serve a read-only JSON API (OpenAPI at /docs) and pages for analysts over the store."""
    try:
        run(db, host=host, port=port, token=token)
    except (NewsgraphError, FileNotFoundError) as exc:
        fail(exc)
