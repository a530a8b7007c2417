"""A time limit per request: a request still running after `request_seconds` is answered 503.

The pages and the API are plain `def` handlers, so FastAPI runs them in its thread pool and the
event loop stays free to accept and answer other requests while one is slow. A thread cannot be
stopped from outside, so the limit answers the client and lets the work finish in the
background, its answer dropped; the parameter caps (`limits`) keep such work short.
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import errors
from .settings import DEFAULT, ServerSettings

log = logging.getLogger(__name__)


@dataclass
class _Progress:
    started: bool = False  # the handler began its response: it is let finish
    abandoned: bool = False  # the client was answered 503: whatever the handler sends later is dropped


class TimeLimit:
    """ASGI middleware: answer 503 when the app has not begun its response within `request_seconds`."""

    def __init__(self, app: ASGIApp, settings: ServerSettings = DEFAULT) -> None:
        self.app, self.seconds = app, settings.request_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        progress = _Progress()

        async def sending(message: Message) -> None:
            if progress.abandoned:
                return
            progress.started = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, sending))
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if task in done or progress.started:
            await task
            return
        progress.abandoned = True
        task.add_done_callback(_log_failure)
        request = Request(scope, receive)
        response = errors.error_response(
            request, 503, f"the request took longer than {self.seconds:g} s and was stopped; narrow it (a shorter "
                          f"period, fewer rows) or try again", headers={"Retry-After": "5"})
        await response(scope, receive, send)


def _log_failure(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("a request answered 503 for its time limit then failed: %r", task.exception())
