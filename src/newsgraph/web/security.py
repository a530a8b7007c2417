"""Who may read, and what a browser may do with the answers: every request passes `Guard` first.

In order, a request is refused when:

1. its `Host` header is not a name the server answers to (400): a page on another site whose
   name the attacker re-points at 127.0.0.1 (DNS rebinding) would otherwise read a loopback
   server as its own origin. The names are the loopback ones, the bound `--host` and each
   `--allow-host`; a server bound to every address (0.0.0.0, ::) also answers to any IP address
   written as such, which no rebinding can forge (it needs a name).
2. a parameter is too long (422, `limits`);
3. the app has a token and the request does not carry it (401), or its client has sent a wrong
   one `auth_failures` times within `auth_window_seconds` (429 until the window since its last
   failure has passed), so a token cannot be guessed at speed. The token may come as
   `Authorization: Bearer TOKEN`, as `X-Newsgraph-Token: TOKEN`, as `?token=TOKEN` or in the
   HttpOnly, SameSite=Strict cookie the server sets when it sees `?token=`; a browser that
   navigated to a page with `?token=` is sent, cookie in hand, to the same URL without it, so
   the token leaves the address bar (and the history). It is compared in constant time, and
   `RedactToken` keeps it out of the access log. `run` refuses a token shorter than
   `min_token_chars`.

Every response, refusals and /docs included, carries the Content-Security-Policy (only this
server's scripts run; article text is untrusted, see `app`), `frame-ancestors 'none'` and
`X-Frame-Options: DENY` (no page of this server can be framed), nosniff and no-referrer.
"""
from __future__ import annotations

import hmac
import ipaddress
import logging
import time
from collections import deque
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import InputError, NewsgraphError
from . import errors, limits
from .settings import DEFAULT, ServerSettings

TOKEN_COOKIE = "newsgraph_token"
TOKEN_HEADER = "x-newsgraph-token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
MAX_TRACKED_CLIENTS = 10_000  # addresses with recent wrong tokens kept before the expired ones are swept

PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; frame-ancestors 'none'")
ALWAYS = ((b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"))


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback addresses (127.0.0.0/8, ::1), with or without brackets."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def check_token(token: str, settings: ServerSettings = DEFAULT) -> None:
    """Refuse a token a client could guess (shorter than `min_token_chars`) before the server starts."""
    if len(token) < settings.min_token_chars:
        raise NewsgraphError(
            f"the token is {len(token)} characters long; use at least {settings.min_token_chars}, e.g. "
            f"`python3 -c 'import secrets; print(secrets.token_urlsafe(24))'`, passed with --token-file PATH "
            f"or NEWSGRAPH_TOKEN")


class HostCheck:
    """The names in `Host` the server answers to (see the module docstring, point 1)."""

    def __init__(self, bound: str, allowed: Iterable[str] = ()) -> None:
        names = {*LOOPBACK_NAMES, bound, *allowed}
        self.names = frozenset(n.strip("[]").lower() for n in names if n)
        self.any_ip = bound.strip("[]") in WILDCARD_HOSTS

    def accepts(self, host_header: str) -> bool:
        host = host_header.strip().lower()
        if host.startswith("["):  # [::1]:8000
            name = host[1:host.find("]")] if "]" in host else host
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        return name in self.names or (self.any_ip and _is_ip(name))


class FailedAttempts:
    """Wrong tokens per client address within a window: after `auth_failures` of them, the client waits."""

    def __init__(self, settings: ServerSettings) -> None:
        self.limit, self.window = settings.auth_failures, settings.auth_window_seconds
        self._times: dict[str, deque[float]] = {}

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self._times.get(client, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        if not times:
            self._times.pop(client, None)
        return times

    def wait_seconds(self, client: str) -> float:
        """Seconds until `client` may try again; 0 when it may now."""
        now = time.monotonic()
        times = self._recent(client, now)
        return self.window - (now - times[-1]) if len(times) >= self.limit else 0.0

    def record(self, client: str) -> None:
        now = time.monotonic()
        if len(self._times) >= MAX_TRACKED_CLIENTS:  # many addresses guessing: forget those whose window passed
            for other in list(self._times):
                self._recent(other, now)
        times = self._recent(client, now)
        times.append(now)
        self._times[client] = times


def supplied_token(request: Request) -> tuple[str | None, bool]:
    """The token the request carries (bearer header, X-Newsgraph-Token, `?token=`, the cookie, in that order),
    and whether it came in the query."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip(), False
    if TOKEN_HEADER in request.headers:
        return request.headers[TOKEN_HEADER].strip(), False
    if "token" in request.query_params:
        return request.query_params["token"], True
    return request.cookies.get(TOKEN_COOKIE), False


def without_token(query_string: str) -> str:
    """The query string with every `token` parameter removed."""
    return urlencode([(k, v) for k, v in parse_qsl(query_string, keep_blank_values=True) if k != "token"])


def _is_navigation(request: Request) -> bool:
    """A browser loading a page (not a script or an API client), which may be redirected."""
    mode = request.headers.get("sec-fetch-mode")
    if mode is not None:
        return mode == "navigate"
    return "text/html" in request.headers.get("accept", "")


class RedactToken(logging.Filter):
    """Drops `token=...` from the request lines of uvicorn's access log (its record's args hold the path)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_redact(a) if isinstance(a, str) and "token=" in a else a for a in record.args)
        return True


def _redact(path_and_query: str) -> str:
    path, _, query = path_and_query.partition("?")
    pairs = [(k, "[redacted]" if k == "token" else v) for k, v in parse_qsl(query, keep_blank_values=True)]
    return f"{path}?{urlencode(pairs, safe='[]')}" if pairs else path


class Guard:
    """ASGI middleware: the checks of the module docstring, then the security headers on every response."""

    def __init__(self, app: ASGIApp, *, token: str | None, hosts: HostCheck | None,
                 settings: ServerSettings = DEFAULT) -> None:
        self.app, self.token, self.hosts, self.settings = app, token, hosts, settings
        self.failures = FailedAttempts(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send, DOCS_CSP if scope["path"] == "/docs" else PAGE_CSP)
        request = Request(scope, receive)
        refusal = self.refusal(request)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        if self.token is not None and supplied_token(request)[1]:
            await self._token_from_query(request, scope, receive, send)
            return
        await self.app(scope, receive, send)

    def refusal(self, request: Request) -> Response | None:
        """The response refusing this request (bad host, parameter too long, no or wrong token), or None."""
        if self.hosts is not None and not self.hosts.accepts(request.headers.get("host", "")):
            return errors.error_response(request, 400, "this server does not answer to that Host name; start it with "
                                                       "--allow-host NAME to add one")
        too_long = limits.check_request(request.url.path, request.scope.get("query_string", b"").decode("latin-1"),
                                        self.settings)
        if too_long is not None:
            if errors.wants_html(request):
                return errors.error_response(request, 422, f"{too_long.name}: {too_long.message}")
            return JSONResponse({"detail": too_long.detail()}, status_code=422)
        if self.token is None:
            return None
        client = request.client.host if request.client else ""
        wait = self.failures.wait_seconds(client)
        if wait > 0:
            return errors.error_response(request, 429, f"too many wrong tokens from this address; try again in "
                                                       f"{wait:.0f} s", headers={"Retry-After": f"{wait:.0f}"})
        supplied, _ = supplied_token(request)
        if supplied is not None and hmac.compare_digest(supplied.encode(), self.token.encode()):
            return None
        if supplied is not None:
            self.failures.record(client)
        return JSONResponse({"detail": "a token is required: send 'Authorization: Bearer TOKEN' (or "
                                       "'X-Newsgraph-Token: TOKEN'), or open a page once with ?token=TOKEN"},
                            status_code=401, headers={"WWW-Authenticate": "Bearer"})

    async def _token_from_query(self, request: Request, scope: Scope, receive: Receive, send: Send) -> None:
        """A right token in the query: set the cookie; a browser is sent to the URL without the token."""
        holder = Response()
        holder.set_cookie(TOKEN_COOKIE, self.token or "", httponly=True, samesite="strict", path="/")
        cookie = [h for h in holder.raw_headers if h[0] == b"set-cookie"]
        if _is_navigation(request):
            query = without_token(request.url.query)
            redirect = RedirectResponse(request.url.path + (f"?{query}" if query else ""), status_code=303)
            redirect.raw_headers.extend(cookie)
            await redirect(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *cookie]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _with_headers(send: Send, csp: str) -> Send:
    """`send` that adds the security headers to the response's start unless the response set them itself."""
    csp_header = (b"content-security-policy", csp.encode())

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {name.lower() for name, _ in headers}
            headers += [h for h in (csp_header, *ALWAYS) if h[0] not in present]
            message["headers"] = headers
        await send(message)

    return sending


def read_token_file(path: str) -> str:
    """The token in the file at `path` (its first line, spaces stripped), so it never shows in `ps`."""
    try:
        with open(path, encoding="utf-8") as fh:
            token = fh.readline().strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the token file ({exc}); write the token on its first line") from None
    if not token:
        raise InputError(path, "the token file is empty; write the token on its first line")
    return token
