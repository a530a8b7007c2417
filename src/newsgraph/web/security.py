"""Who may read, and what a browser may run: the token check and the security headers of every response.

Binding anything but loopback requires a token (`run` refuses otherwise, NG020). The token may
come as `Authorization: Bearer TOKEN`, as `?token=TOKEN` (then the server sets an HttpOnly,
same-site cookie so the pages' own links and requests carry it too), or as that cookie; it is
compared in constant time. The Content-Security-Policy allows only this server's own scripts
(article text is untrusted; see the `app` module), except on /docs, whose Swagger UI starts
itself with an inline script.
"""
from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.responses import JSONResponse, Response

TOKEN_COOKIE = "newsgraph_token"

PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback addresses (127.0.0.0/8, ::1), with or without brackets."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def security_headers(response: Response, path: str) -> None:
    """Set the CSP, nosniff and no-referrer headers unless the response already has them."""
    response.headers.setdefault("Content-Security-Policy", DOCS_CSP if path == "/docs" else PAGE_CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")


def supplied_token(request: Request) -> tuple[str | None, bool]:
    """The token the request carries (bearer header, else `?token=`, else the cookie), and whether it came in the query."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip(), False
    if "token" in request.query_params:
        return request.query_params["token"], True
    return request.cookies.get(TOKEN_COOKIE), False


async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """HTTP middleware: refuse a request without the app's token (`app.state.token`, if any); add the headers."""
    token: str | None = request.app.state.token
    from_query = False
    if token is not None:
        supplied, from_query = supplied_token(request)
        if supplied is None or not hmac.compare_digest(supplied.encode(), token.encode()):
            response: Response = JSONResponse(
                {"detail": "a token is required: send 'Authorization: Bearer TOKEN' or add ?token=TOKEN"},
                status_code=401, headers={"WWW-Authenticate": "Bearer"})
            security_headers(response, request.url.path)
            return response
    response = await call_next(request)
    if from_query:
        response.set_cookie(TOKEN_COOKIE, token or "", httponly=True, samesite="strict")
    security_headers(response, request.url.path)
    return response
