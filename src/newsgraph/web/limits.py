"""Bounded work per request: the length of every parameter is checked before any handler runs.

One long value used to freeze the whole server: an actor name is matched against country names
by country_converter's regular expressions (`resolve/countries.iso3_of`), whose cost grows with
the square of the name's length and holds the GIL, so a 100 kB `speaker` blocked every other
request for minutes. Checking each route's parameters one by one would miss the next
parameter someone adds; this check reads the raw query string and path of every request instead,
so no handler (and no layer below) ever sees a value longer than `ServerSettings` allows:

* each query parameter value: `max_param_chars` (`q`, a full-text query: `max_query_chars`);
* each parameter at most `max_values` times;
* each segment of the path (`/actor/{name}`, `/api/actors/{actor}/counterparts`):
  `max_param_chars`; an article id (`/article/{id}`, `/api/articles/{id}`, which may hold `/`):
  `max_path_chars` in all.

A refused request is a 422 that names the parameter and the limit, in FastAPI's shape
(`detail[].loc`, `ctx.max_length`), without echoing the value back.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from .settings import ServerSettings

QUERY_PARAMS = frozenset({"q"})  # full-text queries: only tantivy's query parser reads them
ARTICLE_PREFIXES = ("/article/", "/api/articles/")  # an article id is one path parameter, slashes and all


@dataclass(frozen=True, slots=True)
class TooLong:
    """A parameter over its limit: where it is (`query` or `path`), its name, its length and the limit."""

    where: str
    name: str
    length: int
    limit: int
    repeated: bool = False

    @property
    def message(self) -> str:
        if self.repeated:
            return f"{self.name} is given {self.length} times; at most {self.limit} values are accepted"
        return (f"{self.name} is {self.length:,} characters long; the limit is {self.limit} characters "
                f"(no name, id or value in a store is that long)")

    def detail(self) -> list[dict[str, object]]:
        """The error as FastAPI words a validation error, so API clients read it like every other 422."""
        kind = "too_many_values" if self.repeated else "string_too_long"
        return [{"type": kind, "loc": [self.where, self.name], "msg": self.message,
                 "ctx": {"max_length": self.limit}}]


def check_query(query_string: str, settings: ServerSettings) -> TooLong | None:
    """The first query parameter that is too long or repeated too often, if any."""
    counts: dict[str, int] = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        limit = settings.max_query_chars if name in QUERY_PARAMS else settings.max_param_chars
        shown = name if len(name) <= settings.max_param_chars else name[:40] + "..."
        if len(name) > settings.max_param_chars:
            return TooLong("query", shown, len(name), settings.max_param_chars)
        if len(value) > limit:
            return TooLong("query", shown, len(value), limit)
        counts[name] = counts.get(name, 0) + 1
        if counts[name] > settings.max_values:
            return TooLong("query", shown, counts[name], settings.max_values, repeated=True)
    return None


def check_path(path: str, settings: ServerSettings) -> TooLong | None:
    """A path too long in all, or with a segment (an actor name) longer than a parameter may be."""
    if len(path) > settings.max_path_chars:
        return TooLong("path", "path", len(path), settings.max_path_chars)
    if path.startswith(ARTICLE_PREFIXES):
        return None
    for segment in path.split("/"):
        if len(segment) > settings.max_param_chars:  # the server hands the path over already decoded
            return TooLong("path", "actor" if path.startswith(("/actor/", "/api/actors/")) else "path",
                           len(segment), settings.max_param_chars)
    return None


def check_request(path: str, query_string: str, settings: ServerSettings) -> TooLong | None:
    """The request's first parameter over its limit (path first), or None when every one is within bounds."""
    return check_path(path, settings) or check_query(query_string, settings)
