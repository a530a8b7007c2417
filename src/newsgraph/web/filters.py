"""The filters of the list pages (/quotes, /events, /articles): what each list offers, and a request's
query string read into `Corpus.*_list` arguments.

The URL holds the whole view (filters, sort, page), so a view can be shared; the parameter names
are those of the /api lists and of `Corpus.quote_list`/`event_list`/`article_list`, so a page's
CSV and JSON downloads are the same query with `format=` added. An HTML form sends its empty
fields too, so an empty value means "no filter" here (the API refuses an empty date); a value
that is not valid gives a 422 page that names the parameter, as the API's own check does.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi.exceptions import RequestValidationError
from starlette.datastructures import QueryParams

from .. import vocabulary
from ..errors import NewsgraphError
from ..query import parse_date

ORDERS = ("desc", "asc")
PAGE_SIZES = (25, 50, 100, 200, 500)
DEFAULT_PAGE_SIZE = 50
MAX_OFFSET = 10**9


@dataclass(frozen=True, slots=True)
class Control:
    """One filter of a list: its parameter, label and how it is entered (`text`, `actor`, `date`, `select`, `number`)."""

    name: str
    label: str
    kind: str = "text"
    options: tuple[tuple[str, str], ...] = ()  # (value, label); "" = any
    hint: str = ""
    multiple: bool = False  # the parameter may repeat (type=AID&type=FIGHT)


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a list; `sort` is the sort key that orders by it (None: not sortable)."""

    label: str
    sort: str | None = None
    numeric: bool = False


@dataclass(frozen=True, slots=True)
class ListSpec:
    """What one list page offers: filters, sortable columns, and where its rows come from."""

    kind: str  # quotes, events, articles: the path of the page and of its /api list
    title: str
    controls: tuple[Control, ...]
    columns: tuple[Column, ...]
    sorts: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/{self.kind}"

    @property
    def api(self) -> str:
        return f"/api/{self.kind}"


def _type_options() -> tuple[tuple[str, str], ...]:
    """Families first (PLOVER's quad categories), then every type, for one select."""
    fams = tuple((f.name, f"family: {f.name.replace('-', ' ')}") for f in vocabulary.families())
    return (("", "any type"), *fams, *((t.name, t.name) for t in vocabulary.event_types()))


Q = Control("q", "Words", "search", hint="full text, e.g. missiles or \"peace talks\"")
SINCE = Control("since", "From", "date")
UNTIL = Control("until", "To", "date")
OUTLET = Control("outlet", "Outlet", hint="as stored, e.g. reuters.com", multiple=True)
MIN_CONFIDENCE = Control("min_confidence", "Min. confidence", "number", hint="0 to 1; unknown confidence is left out")


TYPE = Control("type", "Type or family", "select", (), multiple=True)
#: the actor page's network: a period and a type or family
NETWORK_CONTROLS = (SINCE, UNTIL, TYPE)


def type_options() -> tuple[tuple[str, str], ...]:
    """The options of a type select: any, the four families, every type."""
    return _type_options()


def quote_spec() -> ListSpec:
    kinds = (("", "any kind"), *((k.name, k.name) for k in vocabulary.quote_kinds()))
    return ListSpec(
        "quotes", "Quotes",
        (Q, Control("speaker", "Speaker", "actor"), Control("about", "About", "actor", hint="named in the quote"),
         SINCE, UNTIL, OUTLET, Control("kind", "Kind", "select", kinds, multiple=True), MIN_CONFIDENCE,
         Control("anonymous", "Anonymous source", "select", (("", "any"), ("true", "only anonymous"),
                                                             ("false", "only named")))),
        (Column("date", "date"), Column("speaker", "speaker"), Column("quote"), Column("outlet", "outlet"),
         Column("kind", "kind"), Column("confidence", "confidence", numeric=True)),
        ("date", "speaker", "outlet", "kind", "confidence", "relevance"))


def event_spec() -> ListSpec:
    modalities = (("", "any modality"), *((m.name, m.name) for m in vocabulary.modalities()))
    return ListSpec(
        "events", "Events",
        (Q, Control("actor", "Actor (either side)", "actor"), Control("source", "Source", "actor"),
         Control("target", "Target", "actor"), Control("type", "Type or family", "select", _type_options(), multiple=True),
         Control("modality", "Modality", "select", modalities, multiple=True), SINCE, UNTIL, OUTLET, MIN_CONFIDENCE),
        (Column("date", "date"), Column("source", "source"), Column("type", "type"), Column("target", "target"),
         Column("sentence"), Column("modality", "modality"), Column("outlet", "outlet"),
         Column("confidence", "confidence", numeric=True)),
        ("date", "type", "source", "target", "modality", "outlet", "confidence", "relevance"))


def article_spec() -> ListSpec:
    return ListSpec(
        "articles", "Articles",
        (Q, Control("actor", "Mentions", "actor"), SINCE, UNTIL, OUTLET),
        (Column("date", "date"), Column("title", "title"), Column("outlet", "outlet"),
         Column("quotes", "quotes", numeric=True), Column("events", "events", numeric=True)),
        ("date", "outlet", "title", "quotes", "events", "relevance"))


SPECS = {s.kind: s for s in (quote_spec(), event_spec(), article_spec())}


@dataclass(frozen=True)
class ListRequest:
    """A list page's request: the filters as given (for the form and the URLs) and as `Corpus` arguments."""

    spec: ListSpec
    filters: dict[str, list[str]]  # parameter -> non-empty values, as written
    arguments: dict[str, Any]  # keyword arguments of Corpus.<kind>_list, typed
    sort: str
    order: str
    limit: int
    offset: int
    explicit_sort: bool = False

    def value(self, name: str) -> str:
        """The first value of a filter, "" when not given (for a form field)."""
        return (self.filters.get(name) or [""])[0]

    def params(self, **changes: Any) -> list[tuple[str, str]]:
        """The query of this view with `changes` (None drops a parameter), as (name, value) pairs."""
        state: dict[str, list[str]] = {k: list(v) for k, v in self.filters.items()}
        if self.explicit_sort:
            state["sort"], state["order"] = [self.sort], [self.order]
        if self.limit != DEFAULT_PAGE_SIZE:
            state["limit"] = [str(self.limit)]
        if self.offset:
            state["offset"] = [str(self.offset)]
        for key, value in changes.items():
            if value is None:
                state.pop(key, None)
            else:
                state[key] = [str(value)]
        return [(k, v) for k, values in state.items() for v in values]

    def url(self, **changes: Any) -> str:
        """This page's URL with `changes` (e.g. `offset=100`, `sort='speaker'`)."""
        query = urlencode(self.params(**changes))
        return f"{self.spec.path}?{query}" if query else self.spec.path

    def download(self, fmt: str, everything: int | None = None) -> str:
        """The /api list of the same rows (same filters, sort and page) as `csv` or `json`; with
        `everything` (the total), every matching row from the first on, in one file."""
        pairs = [(k, v) for k, values in self.filters.items() for v in values]
        pairs += [("sort", self.sort), ("order", self.order), ("limit", str(everything or self.limit))]
        pairs += [("offset", str(self.offset))] if self.offset and not everything else []
        return f"{self.spec.api}?{urlencode([*pairs, ('format', fmt)])}"

    def sort_url(self, key: str) -> str:
        """Sort by `key`: descending first, the other way when it is already the sort; back to the first page."""
        order = ("asc" if self.order == "desc" else "desc") if key == self.sort else "desc"
        return self.url(sort=key, order=order, offset=None)


def invalid(name: str, value: str, msg: str) -> RequestValidationError:
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "input": value, "msg": msg}])


def typed_value(control: Control, values: list[str]) -> Any:
    """The Corpus argument of one filter, or a 422 naming the parameter."""
    first = values[0]
    try:
        if control.name in ("since", "until"):
            return parse_date(first)
        if control.name == "min_confidence":
            number = float(first)
            if not 0.0 <= number <= 1.0:
                raise ValueError(f"a confidence is between 0 and 1, not {first}")
            return number
        if control.name == "anonymous":
            if first not in ("true", "false"):
                raise ValueError(f"anonymous is true or false, not {first!r}")
            return first == "true"
        if control.name == "type":
            return [vocabulary.check_event_type(v) for v in values]
        if control.name == "modality":
            return [vocabulary.check_modality(v) for v in values]
        if control.name == "kind":
            return [vocabulary.check_quote_kind(v) for v in values]
    except (ValueError, NewsgraphError) as exc:
        raise invalid(control.name, first, str(exc)) from None
    return values if control.multiple else first


def _int(params: QueryParams, name: str, default: int, low: int, high: int) -> int:
    raw = (params.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise invalid(name, raw, f"{name} is a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise invalid(name, raw, f"{name} must be between {low} and {high}")
    return value


def _choice(params: QueryParams, name: str, allowed: Sequence[str], default: str) -> str:
    raw = (params.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw not in allowed:
        raise invalid(name, raw, f"{name} must be one of {', '.join(allowed)}, not {raw!r}")
    return raw


def read_filters(controls: Sequence[Control], params: QueryParams) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """The filters of `controls` that `params` give a value: as written, and typed as `Corpus` arguments."""
    filters: dict[str, list[str]] = {}
    arguments: dict[str, Any] = {}
    for control in controls:
        values = [v.strip() for v in params.getlist(control.name) if v.strip()]
        if values:
            filters[control.name] = values if control.multiple else values[:1]
            arguments[control.name] = typed_value(control, filters[control.name])
    return filters, arguments


def read_request(spec: ListSpec, params: QueryParams) -> ListRequest:
    """The list request in `params`: empty values dropped, each filter checked and typed.

    Without a `sort`, a full-text query sorts by relevance and anything else by date, newest first.
    """
    filters, arguments = read_filters(spec.controls, params)
    has_query = bool(arguments.get("q"))
    sorts = [s for s in spec.sorts if s != "relevance" or has_query]
    explicit = bool((params.get("sort") or "").strip() or (params.get("order") or "").strip())
    sort = _choice(params, "sort", sorts, "relevance" if has_query else "date")
    order = _choice(params, "order", ORDERS, "desc")
    limit = _int(params, "limit", DEFAULT_PAGE_SIZE, 1, max(PAGE_SIZES))
    offset = _int(params, "offset", 0, 0, MAX_OFFSET)
    return ListRequest(spec, filters, arguments, sort, order, limit, offset, explicit_sort=explicit)


def range_text(offset: int, shown: int, total: int, exact: bool = True) -> str:
    """Where this page sits in the list: `51–100 of 1,234`; `0 of 0` when nothing matches.

    With `exact` False (a full-text query matched more than the index hands on) the total is a floor: `of 1,000+`.
    """
    of = f"{total:,}" + ("" if exact else "+")
    if not shown:
        return f"0 of {of}"
    return f"{offset + 1:,}–{offset + shown:,} of {of}"

