"""Answers kept while the store does not change: a GET answered once is answered again from memory.

The server never writes the store, and only an ingest (or a curation) changes it, which moves
the file's modification time. So an answer is a function of the request's path and query and of
the store file's version (`SharedStore.version`: device, inode, size, modification time), and can
be kept until the version moves. Under 20 concurrent clients most requests ask for pages another
client has just asked for (the home page, a busy actor, the same lists), and each of those cost
20-400 ms of CPU in DuckDB on a 300-article store (benchmarks/serve.py), which is what made them
queue (an audit measured about 30 requests/s, p95 2-3 s).

Kept: 200 answers to GET requests, at most `cache_entry_bytes` each and `cache_bytes` in all
(least recently used dropped first). Requests for the same answer that arrive while it is being
computed wait for that one computation instead of each starting their own. The cache sits behind
`security.Guard`, so every request is checked (Host, caps, token) before it is answered from it.
"""
from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import StoreError
from .deps import SharedStore
from .settings import DEFAULT, ServerSettings

Key = tuple[object, ...]


@dataclass
class _Answer:
    start: Message
    body: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.start.get("headers", []))


@dataclass
class _Capture:
    """What the app sends, kept while it fits: the start message and the body."""

    limit: int
    start: Message | None = None
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    complete: bool = False
    keep: bool = True

    def see(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = {**message, "headers": list(message.get("headers", []))}  # outer layers add to theirs
            self.keep = message["status"] == 200 and not any(k.lower() == b"set-cookie"
                                                             for k, _ in message.get("headers", []))
        elif message["type"] == "http.response.body" and self.keep:
            body = message.get("body", b"")
            self.size += len(body)
            self.keep = self.size <= self.limit
            self.chunks.append(body)
            self.complete = not message.get("more_body", False)

    def answer(self) -> _Answer | None:
        if not (self.keep and self.complete and self.start is not None):
            return None
        return _Answer(self.start, b"".join(self.chunks))


class ResponseCache:
    """ASGI middleware: GET answers kept per store version (see the module docstring)."""

    def __init__(self, app: ASGIApp, *, store: SharedStore, settings: ServerSettings = DEFAULT) -> None:
        self.app, self.store = app, store
        self.max_bytes, self.entry_bytes = settings.cache_bytes, settings.cache_entry_bytes
        self._answers: OrderedDict[Key, _Answer] = OrderedDict()
        self._bytes = 0
        self._computing: dict[Key, asyncio.Event] = {}
        self._version: object = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        try:
            version = self.store.version()
        except StoreError:
            await self.app(scope, receive, send)  # the app answers 503 with the reason
            return
        if version != self._version:  # the store moved on: what older versions answered is stale
            self._answers.clear()
            self._bytes, self._version = 0, version
        key: Key = (version, scope["path"], scope.get("query_string", b""))
        while key in self._computing:  # the same answer is being computed: wait for it
            await self._computing[key].wait()
        answer = self._get(key)
        if answer is not None:
            await send({**answer.start, "headers": list(answer.start.get("headers", []))})
            await send({"type": "http.response.body", "body": answer.body, "more_body": False})
            return
        done = self._computing[key] = asyncio.Event()
        try:
            await self._compute(key, scope, receive, send)
        finally:
            del self._computing[key]
            done.set()

    async def _compute(self, key: Key, scope: Scope, receive: Receive, send: Send) -> None:
        capture = _Capture(self.entry_bytes)

        async def sending(message: Message) -> None:
            capture.see(message)
            await send(message)

        await self.app(scope, receive, sending)
        answer = capture.answer()
        if answer is not None:
            self._put(key, answer)

    def _get(self, key: Key) -> _Answer | None:
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
        return answer

    def _put(self, key: Key, answer: _Answer) -> None:
        if key[0] != self._version:
            return
        self._answers[key] = answer
        self._bytes += answer.size
        while self._bytes > self.max_bytes and self._answers:
            _, dropped = self._answers.popitem(last=False)
            self._bytes -= dropped.size
