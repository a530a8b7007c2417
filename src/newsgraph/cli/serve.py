"""`newsgraph serve`: the read-only JSON API and analysts' pages over a store (see `web`)."""
from __future__ import annotations

import os
from typing import Annotated, Optional

import typer

from ..errors import NewsgraphError
from ..web import run
from ..web.security import read_token_file
from .options import DEFAULT_DB, DbOption
from .output import fail, warn

TOKEN_ENV = "NEWSGRAPH_TOKEN"


def serve(db: DbOption = DEFAULT_DB,
          host: Annotated[str, typer.Option("--host", help="Address to bind; anything but loopback needs a token.")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
          token_file: Annotated[Optional[str], typer.Option(
              "--token-file", help=f"Require the token on this file's first line on every request (or set {TOKEN_ENV}); "
                                   "at least 16 characters.")] = None,
          token: Annotated[Optional[str], typer.Option(
              "--token", help=f"The token itself; other users see it in `ps`: prefer --token-file or {TOKEN_ENV}.")] = None,
          allow_host: Annotated[Optional[list[str]], typer.Option(
              "--allow-host", help="Another name the server answers to in the Host header (besides loopback and "
                                   "--host); repeatable.")] = None) -> None:
    """Serve a read-only JSON API (OpenAPI at /docs) and pages for analysts over the store.

    The token (from --token-file, --token or NEWSGRAPH_TOKEN, in that order) is sent as
    `Authorization: Bearer TOKEN` or `X-Newsgraph-Token: TOKEN`; a browser opens a page once with
    ?token=TOKEN and keeps it in a cookie."""
    try:
        if token is not None and token_file is None:
            warn("warning: --token shows the token to every user of this machine (in `ps`); "
                 f"use --token-file PATH or {TOKEN_ENV} instead")
        secret = read_token_file(token_file) if token_file else (token or os.environ.get(TOKEN_ENV) or None)
        run(db, host=host, port=port, token=secret, allow_hosts=allow_host or ())
    except (NewsgraphError, FileNotFoundError) as exc:
        fail(exc)
