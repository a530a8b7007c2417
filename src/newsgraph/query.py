"""The one read API over a store: the CLI, the web face and notebooks all call this.

`Corpus` methods return `Result`s: iterate typed records, or convert straight from DuckDB
with `.to_pandas()` / `.to_arrow()` (no Python loop per row). The analyst's lists
(`quote_list`, `event_list`, `article_list`, `search`) return a `Page`: the rows a list page
shows, the total that matches, and CSV, JSON, pandas or Arrow of the same rows. `Corpus` only
reads; ingest, curation and dictionary imports are `newsgraph.Curator`'s (curate.py).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar

import pyarrow as pa

from . import search as fulltext
from . import store
from .claim_list import ClaimList
from .claim_list import page as claim_page
from .claims.records import claim_records
from .dates import parse_iso
from .errors import UnknownActorError, UnknownArticleError, UnknownValueError
from .model import Actor, Article
from .resolve.actors import actor_id
from .resolve.corpus import stored_dictionary
from .resolve.countries import iso3_of
from .resolve.curation import Rule
from .resolve.names import resolve_name
from .store import claim_reads, lists, search_rows, selection
from .vocabulary import check_modality, check_quote_kind, expand_event_type

Found = tuple[lists.Hits, int]  # hits already read from the search index, and how many match in all

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """An actor with its counts in the store."""

    id: str
    name: str
    type: str
    country: str | None
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """One actor as the store knows it: names and counts."""

    actor: Actor
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """A stored quote with its article, date and speaker's canonical name."""

    article_id: str
    idx: int
    date: str | None
    title: str | None
    source: str
    outlet: str | None
    speaker: str | None
    speaker_name: str | None
    speaker_text: str | None
    cue: str | None
    text: str
    start: int
    end: int
    kind: str
    sentence: str = ""  # the attribution as written: speaker, cue and content together


@dataclass(frozen=True, slots=True)
class EventRecord:
    """A stored event with its actors' names and countries and the sentence it comes from."""

    article_id: str
    idx: int
    date: str | None
    type: str
    mode: str | None
    source: str | None
    source_name: str | None
    source_country: str | None
    target: str | None
    target_name: str | None
    target_country: str | None
    trigger: str
    modality: str
    quote: int | None
    location: str | None
    sentence: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    location_iso3: str | None = None
    date_source: str | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class ArticleCopy:
    """Another outlet's copy of the same syndicated story."""

    id: str
    date: str | None
    date_source: str | None
    outlet: str | None
    url: str | None
    title: str | None
    source: str


@dataclass(frozen=True, slots=True)
class RelationRow:
    """Events of one type in one period and direction between two actors (a->b or b->a)."""

    period: str | None
    direction: str
    type: str
    events: int


class Result(Generic[T]):
    """Rows of one query; iterate records or convert to DataFrames / Arrow tables."""

    def __init__(self, rows: store.Rows, make: Callable[[dict[str, Any]], T]) -> None:
        self._rows, self._make = rows, make

    def __iter__(self) -> Iterator[T]:
        return (self._make(d) for d in self._rows.dicts())

    def to_list(self) -> list[T]:
        return list(self)

    def to_pandas(self):  # type: ignore[no-untyped-def]
        return self._rows.to_pandas()

    def to_arrow(self):  # type: ignore[no-untyped-def]
        return self._rows.to_arrow()

    def to_polars(self):  # type: ignore[no-untyped-def]
        import polars as pl  # optional dependency

        return pl.from_arrow(self.to_arrow())


# A text cell a spreadsheet would run as a formula (OWASP "CSV Injection": a leading =, +, -, @, tab or
# carriage return). Article text is untrusted, so such a cell is written with a leading apostrophe,
# which spreadsheets show as text; numbers are written as they are.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    """A value as a CSV cell: None empty, booleans true/false, lists and dicts as JSON, a text that a
    spreadsheet would take for a formula prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple, dict)) else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


@dataclass(frozen=True, slots=True)
class Page:
    """One page of an analyst's list: `rows` (dicts, the columns a list page shows), the `total` that
    matches the filters, and the `limit`/`offset` asked for.

    `exact` is False when a full-text query matched more than the index hands on
    (`SearchSettings.max_hits`): `total` then counts the best matches only; or when a list sorted by
    relevance with other filters was filled from the index's best hits before all were read
    (`search.paged`): `total` is then estimated from them, and a note says so. `notes` say what a reader should know about the answer (a search index behind its store).
    """

    rows: list[dict[str, Any]]
    total: int
    limit: int | None
    offset: int
    columns: tuple[str, ...] = ()
    exact: bool = True
    notes: tuple[str, ...] = field(default=())

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page, None on the last."""
        end = self.offset + len(self.rows)
        return end if end < self.total and self.rows else None

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "next_offset": self.next_offset,
                "exact": self.exact, "notes": list(self.notes), "rows": self.rows}

    def to_json(self) -> str:
        """The page as one JSON object: total, limit, offset, next_offset, exact, notes, rows."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def to_csv(self) -> str:
        """The rows as CSV with a header line (also when there are no rows); None is an empty cell."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        columns = self.columns or (tuple(self.rows[0]) if self.rows else ())
        writer.writerow(columns)
        for row in self.rows:
            writer.writerow([_csv_cell(row.get(c)) for c in columns])
        return buf.getvalue()

    def to_arrow(self) -> pa.Table:
        columns = self.columns or (tuple(self.rows[0]) if self.rows else ())
        return pa.Table.from_pydict({c: [r.get(c) for r in self.rows] for c in columns})

    def to_pandas(self):  # type: ignore[no-untyped-def]
        return self.to_arrow().to_pandas()


def parse_date(value: str | dt.date | None) -> str | None:
    """Validate a YYYY-MM-DD date (or None); `newsgraph.dates.parse_iso`."""
    return parse_iso(value)


_MAX_KEPT_NAMES = 4096  # names (and actors) whose ids (profiles) a read-only Corpus keeps while open


def writer_waiting(path: str) -> bool:
    """Is a writer (an ingest, a merge) waiting for the store at `path`? A reader that keeps its
    connection open between reads (the server) closes it then, so that the writer gets in."""
    return store.writer_waiting(path)


class Corpus:
    """A newsgraph store opened for reading; `newsgraph.Curator` opens one for writing too.

    `read_only=False` only opens the file read-write (as `Curator` does); the methods here never write.
    """

    def __init__(self, path: str, *, read_only: bool = True) -> None:
        self.path = path
        self.read_only = read_only
        self._con = store.connect(path, read_only=read_only)
        self._index: fulltext.SearchIndex | None = None
        # What a read-only store cannot change while it is open (DuckDB lets no process write it meanwhile):
        # the tables' columns and the count and newest write time of its articles, read once.
        self._columns: dict[str, frozenset[str]] = {}
        self._state: tuple[int, str | None] | None = None
        # and the actors a name finds and their profiles (a page asks for one actor's ids several times:
        # 16 lookups of 5 ms for a relation page), at most _MAX_KEPT_NAMES of each, then read again.
        self._ids_of: dict[str, tuple[str, ...]] = {}
        self._profiles: dict[str, ActorProfile] = {}

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- actors
    def actor_ids(self, name: str) -> list[str]:
        """Ids of actors with this name or alias (folded), most mentioned first; raises if none."""
        kept = self._ids_of.get(name)
        if kept is not None:
            return list(kept)
        ids = self._find_actor_ids(name)
        if self.read_only and len(self._ids_of) < _MAX_KEPT_NAMES:
            self._ids_of[name] = tuple(ids)
        return ids

    def _find_actor_ids(self, name: str) -> list[str]:
        ids = store.find_actor_ids(self._con, name)
        if not ids and store.actor(self._con, name):
            ids = [name]
        if not ids:
            # Any name of a country finds the country, even a form no stored article used ("DPRK").
            iso3 = iso3_of(name)
            if iso3 and store.actor(self._con, actor_id(f"country:{iso3}")):
                ids = [actor_id(f"country:{iso3}")]
        if not ids:
            raise UnknownActorError(name)
        return ids

    def actors(self, type: str | Sequence[str] | None = None, top: int | None = None) -> Result[ActorSummary]:
        types = [type] if isinstance(type, str) else (list(type) if type else None)
        return Result(store.actors(self._con, types, top), lambda d: ActorSummary(**d))

    def actor(self, name: str) -> ActorProfile:
        first = self.actor_ids(name)[0]
        kept = self._profiles.get(first)
        if kept is not None:
            return kept
        row = store.actor(self._con, first)
        assert row is not None
        actor = Actor(row["id"], row["name"], row["type"], row["country"], tuple(row["aliases"] or ()), row.get("sector"))
        profile = ActorProfile(actor, row["mentions"], row["articles"])
        if self.read_only and len(self._profiles) < _MAX_KEPT_NAMES:
            self._profiles[first] = profile
        return profile

    # -- roles, labels, resolution and curation rules
    def roles(self, name: str) -> list[dict[str, Any]]:
        """Roles of an actor (from appositives and pre-modifiers) with the country/organization and first/last date seen."""
        return store.actor_roles(self._con, self.actor_ids(name)[0]).dicts()

    def labels(self, name: str, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """How an actor is labelled ("dictator", "war criminal"), by outlet, with counts and dates; most used
        first, `limit` and `offset` page the rows."""
        return store.actor_labels(self._con, self.actor_ids(name)[0], limit, offset).dicts()

    def resolve(self, name: str, date: str | dt.date | None = None, context: str | None = None) -> dict[str, Any] | None:
        """The actor a name denotes at a date: stored aliases and curation first, then user dictionaries, the
        project's knowledge and the rules (resolve/names.py); None for a non-actor."""
        day = parse_date(date)
        got = resolve_name(name, day, context, stored_dictionary(store.CorpusRows(self._con)))
        ids = store.find_actor_ids(self._con, name)
        if ids and (got is None or got.id not in ids):
            row = store.actor(self._con, ids[0])
            if row:
                base = got.to_dict() if got else {"role": None, "of": None}
                return {**base, "id": row["id"], "name": row["name"], "type": row["type"],
                        "country": row["country"] or base.get("country"), "sector": row.get("sector") or base.get("sector"),
                        "how": "store"}
        return got.to_dict() if got else None

    def curation(self) -> list[Rule]:
        """The curation rules in the order they were made."""
        return [Rule(*r) for r in store.curation_rules(self._con)]

    def _ids(self, name: str | None) -> list[str] | None:
        return None if name is None else self.actor_ids(name)

    # -- quotes and events
    def quotes(self, speaker: str | None = None, about: str | None = None, since: str | dt.date | None = None,
               until: str | dt.date | None = None, *, limit: int | None = None, offset: int = 0,
               distinct_stories: bool = False) -> Result[QuoteRecord]:
        """Quotes by `speaker` and/or mentioning `about` in their content (any alias of an actor).

        `distinct_stories` counts a syndicated story once (the first-seen copy's quotes only)."""
        rows = store.quotes(self._con, speakers=self._ids(speaker), about=self._ids(about), since=parse_date(since),
                            until=parse_date(until), limit=limit, offset=offset, distinct_stories=distinct_stories)
        return Result(rows, lambda d: QuoteRecord(**d))

    def events(self, source: str | None = None, target: str | None = None, type: str | Sequence[str] | None = None,
               modality: str | Sequence[str] | None = None, since: str | dt.date | None = None,
               until: str | dt.date | None = None, *, limit: int | None = None, offset: int = 0,
               distinct_stories: bool = False) -> Result[EventRecord]:
        """Events filtered by source/target actor (any alias), PLOVER type, modality and date.

        `distinct_stories` counts a syndicated story once (the first-seen copy's events only)."""
        def many(v: str | Sequence[str] | None) -> list[str] | None:
            return [v] if isinstance(v, str) else (list(v) if v is not None else None)
        rows = store.events(self._con, sources=self._ids(source), targets=self._ids(target), types=many(type),
                            modalities=many(modality), since=parse_date(since), until=parse_date(until),
                            limit=limit, offset=offset, distinct_stories=distinct_stories)
        return Result(rows, lambda d: EventRecord(**d))

    def relation(self, a: str, b: str, by: str = "week") -> Result[RelationRow]:
        """Event counts per `by` period (day, week, month, year), type and direction between a and b."""
        if by not in ("day", "week", "month", "year"):
            raise ValueError(f"by must be one of day, week, month, year; not {by!r}")
        return Result(store.relation(self._con, self.actor_ids(a), self.actor_ids(b), by), lambda d: RelationRow(**d))

    # -- articles
    def article(self, article_id: str) -> Article:
        found = next(self.articles([article_id]), None)
        if found is None:
            raise UnknownArticleError(article_id)
        return found

    def articles(self, article_ids: Iterable[str], chunk: int = 500) -> Iterator[Article]:
        """Whole stored articles in the order given (unknown ids skipped), read `chunk` at a time."""
        ids = list(article_ids)
        for k in range(0, len(ids), chunk):
            for row in store.articles(self._con, ids[k:k + chunk]):
                for a in row["actors"]:
                    a["aliases"] = a["aliases"] or []
                yield Article.from_dict(row)

    def copies(self, article_id: str) -> Result[ArticleCopy]:
        """The other stored copies of this article's syndicated story (same `story`), oldest first."""
        return Result(store.copies(self._con, article_id), lambda d: ArticleCopy(**d))

    def stats(self) -> dict[str, Any]:
        """Counts of articles, actors, mentions, quotes and events, and the date range."""
        return store.stats(self._con)

    # -- for the web face: search, network, activity, newest first
    def actor_search(self, prefix: str = "", type: str | Sequence[str] | None = None, *, limit: int | None = None,
                     offset: int = 0) -> Result[ActorMatch]:
        """Actors whose name or an alias starts with `prefix` (case and accents folded), most mentioned first."""
        types = [type] if isinstance(type, str) else (list(type) if type else None)
        return Result(store.search_actors(self._con, prefix, types, limit, offset), lambda d: ActorMatch(**d))

    def search(self, q: str, *, kinds: Sequence[str] = fulltext.KINDS, limit: int | None = 20) -> dict[str, Page]:
        """Full-text search: the best `limit` matches of `q` per kind (quotes, articles, actors, events),
        each a `Page` with the total that matches, best first (actors also by a name or alias prefix)."""
        asked = [k.strip().lower() for k in kinds]
        for kind in asked:
            if kind not in fulltext.KINDS:
                raise UnknownValueError("search kind", kind, {"valid kinds": fulltext.KINDS})
        pages: dict[str, Page] = {}
        for kind in asked:
            if kind == "actors":
                pages[kind] = self._actor_page(q, limit)
            elif kind == "quotes":
                pages[kind] = self.quote_list(q=q, sort="relevance", limit=limit)
            elif kind == "events":
                pages[kind] = self.event_list(q=q, sort="relevance", limit=limit)
            else:
                pages[kind] = self.article_list(q=q, sort="relevance", limit=limit)
        return pages

    # -- the analyst's lists: filters, sort, a page and the total
    def quote_list(self, *, q: str | None = None, speaker: str | None = None, about: str | None = None,
                   since: str | dt.date | None = None, until: str | dt.date | None = None,
                   outlet: str | Sequence[str] | None = None, kind: str | Sequence[str] | None = None,
                   min_confidence: float | None = None, anonymous: bool | None = None, sort: str = "date",
                   order: str = "desc", limit: int | None = 50, offset: int = 0, distinct_stories: bool = False) -> Page:
        """Quotes matching every filter given: `q` full text (content or speaker as written), `speaker` and
        `about` actors (any alias; `about` = named inside the content), dates, outlet(s), quote kind(s),
        confidence and anonymity. Sort by date, speaker, outlet, kind, confidence or relevance (with `q`).
        `distinct_stories` counts a syndicated story once (its first-seen copy)."""
        filters = dict(q=q, speaker=speaker, about=about, since=since, until=until, outlet=outlet, kind=kind,
                       min_confidence=min_confidence, anonymous=anonymous, sort=sort, order=order,
                       distinct_stories=distinct_stories)
        return self._list_page("quotes", self._quote_query, filters, limit, offset)

    def quote_lists(self, *filters: Mapping[str, Any], limit: int | None = 50, offset: int = 0) -> list[Page]:
        """Several `quote_list`s read together, one per mapping of its filters (all with this `limit` and
        `offset`): each page is the one `quote_list(**filters)` gives, and the quotes of all of them are read
        at once (a read of many articles' quotes is a scan on a large store; one instead of one per list)."""
        return _pages([self._quote_query(**f) for f in filters], limit, offset)

    def _quote_query(self, *, q: str | None = None, speaker: str | None = None, about: str | None = None,
                     since: str | dt.date | None = None, until: str | dt.date | None = None,
                     outlet: str | Sequence[str] | None = None, kind: str | Sequence[str] | None = None,
                     min_confidence: float | None = None, anonymous: bool | None = None, sort: str = "date",
                     order: str = "desc", distinct_stories: bool = False,
                     found: Found | None = None) -> tuple[lists.ListQuery, bool, tuple[str, ...]]:
        if min_confidence is not None:
            self._needs_column("quotes", "confidence", "min_confidence")
        if anonymous is not None:
            self._needs_column("quotes", "anonymous", "anonymous")
        hits, exact, notes = self._hits("quotes", q, found)
        query = lists.quote_list(
            self._con, stored_columns=self._columns_of("quotes"), hits=hits, speakers=self._ids(speaker),
            about=self._ids(about), since=parse_date(since),
            until=parse_date(until), outlets=_many(outlet), kinds=_checked(kind, check_quote_kind),
            min_confidence=_confidence(min_confidence), anonymous=anonymous, distinct_stories=distinct_stories,
            sort=_sort(sort, lists.QUOTE_SORTS, q), order=_order(order))
        return query, exact, notes

    def event_list(self, *, q: str | None = None, actor: str | None = None, source: str | None = None,
                   target: str | None = None, type: str | Sequence[str] | None = None,
                   modality: str | Sequence[str] | None = None, min_confidence: float | None = None,
                   since: str | dt.date | None = None, until: str | dt.date | None = None,
                   outlet: str | Sequence[str] | None = None, sort: str = "date", order: str = "desc",
                   limit: int | None = 50, offset: int = 0, distinct_stories: bool = False) -> Page:
        """Events matching every filter given: `q` full text of the sentence, `actor` on either side, `source`,
        `target`, PLOVER `type` or family (`verbal-conflict`), modality, confidence, dates and outlet(s).
        An unknown type or modality raises `UnknownValueError` listing the valid ones."""
        filters = dict(q=q, actor=actor, source=source, target=target, type=type, modality=modality,
                       min_confidence=min_confidence, since=since, until=until, outlet=outlet, sort=sort, order=order,
                       distinct_stories=distinct_stories)
        return self._list_page("events", self._event_query, filters, limit, offset)

    def event_lists(self, *filters: Mapping[str, Any], limit: int | None = 50, offset: int = 0) -> list[Page]:
        """Several `event_list`s read together, one per mapping of its filters (see `quote_lists`)."""
        return _pages([self._event_query(**f) for f in filters], limit, offset)

    def _event_query(self, *, q: str | None = None, actor: str | None = None, source: str | None = None,
                     target: str | None = None, type: str | Sequence[str] | None = None,
                     modality: str | Sequence[str] | None = None, min_confidence: float | None = None,
                     since: str | dt.date | None = None, until: str | dt.date | None = None,
                     outlet: str | Sequence[str] | None = None, sort: str = "date", order: str = "desc",
                     distinct_stories: bool = False,
                     found: Found | None = None) -> tuple[lists.ListQuery, bool, tuple[str, ...]]:
        if min_confidence is not None:
            self._needs_column("events", "confidence", "min_confidence")
        types = None if type is None else sorted({t for v in _many(type) or [] for t in expand_event_type(v)})
        hits, exact, notes = self._hits("events", q, found)
        query = lists.event_list(
            self._con, stored_columns=self._columns_of("events"), hits=hits, actors=self._ids(actor),
            sources=self._ids(source), targets=self._ids(target),
            types=types, modalities=_checked(modality, check_modality), min_confidence=_confidence(min_confidence),
            since=parse_date(since), until=parse_date(until), outlets=_many(outlet), distinct_stories=distinct_stories,
            sort=_sort(sort, lists.EVENT_SORTS, q), order=_order(order))
        return query, exact, notes

    def article_list(self, *, q: str | None = None, actor: str | None = None, since: str | dt.date | None = None,
                     until: str | dt.date | None = None, outlet: str | Sequence[str] | None = None,
                     sort: str = "date", order: str = "desc", limit: int | None = 50, offset: int = 0,
                     distinct_stories: bool = False) -> Page:
        """Articles matching every filter given: `q` full text of title and text, `actor` mentioned (any
        alias), dates and outlet(s); each row with its counts of quotes and events and a snippet."""
        filters = dict(q=q, actor=actor, since=since, until=until, outlet=outlet, sort=sort, order=order,
                       distinct_stories=distinct_stories)
        return self._list_page("articles", self._article_query, filters, limit, offset)

    def _article_query(self, *, q: str | None = None, actor: str | None = None, since: str | dt.date | None = None,
                       until: str | dt.date | None = None, outlet: str | Sequence[str] | None = None,
                       sort: str = "date", order: str = "desc", distinct_stories: bool = False,
                       found: Found | None = None) -> tuple[lists.ListQuery, bool, tuple[str, ...]]:
        hits, exact, notes = self._hits("articles", q, found)
        query = lists.article_list(self._con, hits=hits, actors=self._ids(actor), since=parse_date(since),
                                   until=parse_date(until), outlets=_many(outlet), distinct_stories=distinct_stories,
                                   sort=_sort(sort, lists.ARTICLE_SORTS, q), order=_order(order))
        return query, exact, notes

    def _list_page(self, kind: str, make: Callable[..., tuple[lists.ListQuery, bool, tuple[str, ...]]],
                   filters: dict[str, Any], limit: int | None, offset: int) -> Page:
        """One page of a list: sorted by relevance, from only the index's hits it needs (`search.paged`);
        otherwise (no `q`, another sort) from the best `SearchSettings.max_hits` hits joined at once."""
        q, sort, order = filters.get("q"), filters.get("sort"), filters.get("order")
        if (not isinstance(q, str) or not q.strip() or not isinstance(sort, str) or sort.strip().lower() != "relevance"
                or not isinstance(order, str) or order.strip().lower() != "desc" or not limit or limit < 0 or offset < 0):
            query, exact, notes = make(**filters)
            return _page(query, limit, offset, exact, notes)
        answer = fulltext.paged(self._search_index(), kind, q.strip(), limit, offset,
                                lambda hits, matched: make(**filters, found=(hits, matched)))
        return Page(answer.rows, answer.total, limit, offset, answer.columns, answer.exact, answer.notes)

    def _columns_of(self, table: str) -> frozenset[str]:
        """The columns of a store table (kept while a read-only store is open)."""
        present = self._columns.get(table)
        if present is None:
            present = frozenset(store.table_columns(self._con, table))
            if self.read_only:
                self._columns[table] = present
        return present

    def _store_state(self) -> tuple[int, str | None]:
        """How many articles the store holds and when the last was written (kept while a read-only store is open)."""
        state = self._state or lists.store_state(self._con)
        if self.read_only:
            self._state = state
        return state

    def _needs_column(self, table: str, column: str, parameter: str) -> None:
        if column not in self._columns_of(table):
            raise ValueError(f"{self.path}: this store has no {table}.{column} column (written before newsgraph "
                             f"recorded it), which the filter {parameter} needs. Re-ingest the articles into a new store.")

    def _search_index(self) -> fulltext.SearchIndex:
        """The index beside the store; a store written before search existed gets one on its first search."""
        if self._index is None:
            path = fulltext.index_path(self.path)
            if not path.exists():
                fulltext.build_missing(self._con, path)
            index = fulltext.SearchIndex.open(path)
            probe = index.state().key_probe
            if probe is not None and probe != search_rows.key_probe(self._con):
                raise FileNotFoundError(f"{path}: the search index was built under another DuckDB version, whose "
                                        f"keys do not join here. Rebuild it with `newsgraph reindex --db {self.path}`.")
            self._index = index
        return self._index

    def _hits(self, kind: str, q: str | None,
              found: Found | None = None) -> tuple[lists.Hits | None, bool, tuple[str, ...]]:
        """The index's matches of `q` (None without a query; `found`: the hits and count already read),
        whether they are all of them, and notes."""
        if q is None or not q.strip():
            return None, True, ()
        index = self._search_index()
        hits, matched = found if found is not None else index.hits(kind, q.strip())
        notes: list[str] = []
        indexed, (stored, _) = index.state().articles, self._store_state()
        if indexed < stored:
            notes.append(f"the search index covers {indexed} of {stored} articles; "
                         f"run `newsgraph reindex --db {self.path}` to search them all")
        return hits, matched <= len(hits.idx), tuple(notes)

    def _actor_page(self, q: str, limit: int | None) -> Page:
        """Actors matched by words of their names in the index, or by a name or alias prefix, best first."""
        hits, _, notes = self._hits("actors", q)
        rows, columns, total = lists.actor_matches(self._con, hits, q.strip(), limit)
        return Page(rows, total, limit, 0, columns, True, notes)

    def counterparts(self, name: str, *, limit: int | None = None, offset: int = 0) -> Result[Counterpart]:
        """The actor's network: event counts per counterpart, PLOVER type and direction ('out' = actor is source),
        busiest counterpart first; `limit` and `offset` page the rows."""
        return Result(store.counterparts(self._con, self.actor_ids(name), limit, offset), lambda d: Counterpart(**d))

    def counterparts_over(self, name: str, *, since: str | dt.date | None = None, until: str | dt.date | None = None,
                          type: str | Sequence[str] | None = None) -> Result[Counterpart]:  # noqa: A002 - as event_list's
        """`counterparts` of the events dated `since`..`until` (undated ones left out once a bound is given) and of
        PLOVER `type`s or families: the counts `event_list(actor=name, since=..., until=..., type=...)` has."""
        types = None if type is None else sorted({t for v in _many(type) or [] for t in expand_event_type(v)})
        return Result(store.counterparts_over(self._con, self.actor_ids(name), parse_date(since), parse_date(until), types),
                      lambda d: Counterpart(**d))

    def activity(self, name: str, by: str = "week") -> Result[ActivityRow]:
        """Counts per `by` period of the actor's events (as source / target) and quotes (by / about)."""
        if by not in ("day", "week", "month", "year"):
            raise ValueError(f"by must be one of day, week, month, year; not {by!r}")
        return Result(store.activity(self._con, self.actor_ids(name), by), lambda d: ActivityRow(**d))

    def activity_counts(self, name: str) -> dict[str, int]:
        """Totals of `activity`: events_as_source, events_as_target, quotes_by, quotes_about."""
        totals = dict.fromkeys(ACTIVITY_KINDS, 0)
        for row in self.activity(name, by="year"):
            totals[row.kind] += row.count
        return totals

    def latest_quotes(self, speaker: str | None = None, about: str | None = None, *, limit: int | None = 10,
                      offset: int = 0) -> Result[QuoteRecord]:
        """Like `quotes`, newest first (undated last). With a speaker or an actor `about`, the page is found in
        the store's quote links (store/summaries.py) and only its quotes are read, however many the actor has."""
        if speaker is None and about is None:
            rows = store.quotes(self._con)
            return Result(store.newest_first(rows, limit, offset), lambda d: QuoteRecord(**d))
        keys = store.actor_quote_keys(self._con, speakers=self._ids(speaker), about=self._ids(about), limit=limit,
                                      offset=offset)
        return Result(store.quotes_by_keys(self._con, keys), lambda d: QuoteRecord(**d))

    # -- claims: the same claim across outlets (claims/)
    def claims(self, speaker: str | None = None, about: str | None = None, since: str | dt.date | None = None,
               until: str | dt.date | None = None, min_outlets: int = 1, limit: int | None = 50,
               offset: int = 0) -> ClaimList:
        """Claim clusters with a member quote by `speaker`, naming `about` inside the quote, or dated within
        [since, until]; each as its record (claims/records.py: canonical wording, first seen, spread, wordings,
        attribution changes) built from all its members; most outlets first, at least `min_outlets`."""
        quotes, claim_of, names, total = claim_reads.claim_page_members(
            self._con, speakers=self._ids(speaker), about=self._ids(about), since=parse_date(since),
            until=parse_date(until), min_outlets=min_outlets, limit=limit, offset=offset)
        return ClaimList(tuple(claim_records(quotes, claim_of)), names, total)

    def claim(self, claim_id: str) -> ClaimList:
        """One claim's record (an empty list when no claim has this id)."""
        quotes, claim_of = claim_reads.claim_members(self._con, claim_ids=[claim_id])
        names = claim_reads.actor_names(self._con, sorted({q.speaker for q in quotes if q.speaker}))
        return claim_page(claim_records(quotes, claim_of), names, None, 0)

    # -- for `newsgraph export`: a selection of articles by date and actor
    def article_ids(self, since: str | dt.date | None = None, until: str | dt.date | None = None,
                    actor: str | None = None) -> list[str]:
        """Ids of stored articles, sorted; within [since, until] and mentioning `actor` (any alias) when given."""
        return selection.article_ids(self._con, since=parse_date(since), until=parse_date(until), actor_ids=self._ids(actor))

    def tables(self, since: str | dt.date | None = None, until: str | dt.date | None = None,
               actor: str | None = None) -> dict[str, Any]:
        """The normalized tables (pyarrow) of the same selection as `article_ids`, with the store's columns."""
        return selection.tables(self._con, since=parse_date(since), until=parse_date(until), actor_ids=self._ids(actor))

    def graph_rows(self, since: str | dt.date | None = None, until: str | dt.date | None = None,
                   actor: str | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """Actor nodes (with mention counts), event edges (per source, target, type) and quote edges
        (speaker -> actor mentioned in the content) of the same selection as `article_ids`."""
        kw: dict[str, Any] = {"since": parse_date(since), "until": parse_date(until), "actor_ids": self._ids(actor)}
        return (selection.graph_nodes(self._con, **kw).dicts(), selection.graph_event_edges(self._con, **kw).dicts(),
                selection.graph_quote_edges(self._con, **kw).dicts())


def _many(value: str | Sequence[str] | None) -> list[str] | None:
    return [value] if isinstance(value, str) else (list(value) if value is not None else None)


def _checked(value: str | Sequence[str] | None, check: Callable[[str], str]) -> list[str] | None:
    """Each value checked against the vocabulary (`UnknownValueError` listing the valid ones)."""
    values = _many(value)
    return None if values is None else [check(v) for v in values]


def _confidence(value: float | None) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise ValueError(f"a confidence is a probability between 0 and 1, not {value}")
    return value


def _sort(sort: str, sorts: dict[str, str], q: str | None) -> str:
    key = sort.strip().lower()
    if key not in sorts:
        raise UnknownValueError("sort key", sort, {"valid sort keys": tuple(sorts)})
    if key == "relevance" and not (q and q.strip()):
        raise ValueError("sort by relevance needs a full-text query (q)")
    return key


def _order(order: str) -> str:
    key = order.strip().lower()
    if key not in lists.ORDERS:
        raise UnknownValueError("sort order", order, {"valid orders": lists.ORDERS})
    return key


def _page(query: lists.ListQuery, limit: int | None, offset: int, exact: bool, notes: tuple[str, ...]) -> Page:
    if limit is not None and limit < 0 or offset < 0:
        raise ValueError(f"limit and offset must not be negative (limit {limit}, offset {offset})")
    rows, columns, total = query.page(limit, offset)
    return Page(rows, total, limit, offset, columns, exact, notes)


def _pages(queries: Sequence[tuple[lists.ListQuery, bool, tuple[str, ...]]], limit: int | None,
           offset: int) -> list[Page]:
    if limit is not None and limit < 0 or offset < 0:
        raise ValueError(f"limit and offset must not be negative (limit {limit}, offset {offset})")
    read = lists.pages([query for query, _, _ in queries], limit, offset)
    return [Page(rows, total, limit, offset, columns, exact, notes)
            for (rows, columns, total), (_, exact, notes) in zip(read, queries, strict=True)]


def open(path: str = "newsgraph.duckdb", *, read_only: bool = True) -> Corpus:  # noqa: A001 - mirrors builtins.open on purpose
    """Open a store for reading; read-only by default so several readers can share it (writes: `newsgraph.Curator`)."""
    return Corpus(path, read_only=read_only)


# -- records for the web face
ACTIVITY_KINDS = ("events_as_source", "events_as_target", "quotes_by", "quotes_about")


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """A search hit: the actor, the alias that matched, and its counts."""

    id: str
    name: str
    type: str
    country: str | None
    matched: str
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Events of one type between an actor and one counterpart; direction 'out' = the actor is the source."""

    counterpart: str
    counterpart_name: str
    counterpart_type: str
    counterpart_country: str | None
    direction: str
    type: str
    events: int


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """How many events or quotes of one `kind` (see ACTIVITY_KINDS) an actor has in one period."""

    period: str | None
    kind: str
    count: int
