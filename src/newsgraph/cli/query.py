"""Commands that read the store: stats, actors, show, quotes, events, articles, search, types, relation,
actor, labels, resolve.

Thin faces over `query.Corpus` (and `relations`, `lookup`, `vocabulary`): parse options, ask, print
a table, JSON Lines or CSV. A list cut by `--limit` says so on stderr ("showing 50 of 53 quotes"),
and a value outside the vocabulary (`--type`, `--modality`, `--kind`, `--sort`) is an error that
lists the valid ones.
"""
from __future__ import annotations

import sys
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated, Optional

import typer
from rich.text import Text

from .. import vocabulary
from ..errors import NewsgraphError
from ..lookup import NameLookup, answer_lines
from ..relations import relation as relation_between
from ..search import KINDS
from .corpus import open_read
from .options import (
    DEFAULT_DB,
    ActorArgument,
    DbOption,
    DistinctOption,
    FormatOption,
    ListFormatOption,
    MinConfidenceOption,
    OffsetOption,
    OrderOption,
    OutletOption,
    PageOption,
    SearchOption,
    SinceOption,
    UntilOption,
    checked_date,
)
from .output import (
    Format,
    ListFormat,
    fail,
    or_fail,
    out,
    print_json,
    print_jsonl,
    print_page,
    print_rows,
    printable,
    report,
    report_warning,
    say,
    warn,
)
from .output import TextTable as Table  # every cell plain, escaped text: stored names and titles are never markup


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


def stats(db: DbOption = DEFAULT_DB,
          top: Annotated[int, typer.Option("--top", help="Top actors to list.")] = 10) -> None:
    """Corpus summary: counts, date range and top actors."""
    with open_read(db) as corpus:
        s = corpus.stats()
        top_actors = list(corpus.actors(top=top))
    say(f"store {db}: {s['articles']} articles ({s['first_date'] or '-'} .. {s['last_date'] or '-'}), "
        f"{s['actors']} actors, {s['mentions']} mentions, {s['quotes']} quotes, {s['events']} events")
    table = Table("top actors", "type", "country", "mentions", "articles")
    for r in top_actors:
        table.add_row(r.name, r.type, r.country or "", str(r.mentions), str(r.articles))
    out.print(table)


def actors(db: DbOption = DEFAULT_DB,
           type: Annotated[Optional[list[str]], typer.Option("--type", help="PERSON, ORG, GPE, LOC or NORP; repeatable.")] = None,
           top: Annotated[int, typer.Option("--top", help="How many to list.")] = 20,
           format: ListFormatOption = ListFormat.table) -> None:
    """List actors by number of mentions."""
    with open_read(db) as corpus:
        rows = list(corpus.actors(type=[t.upper() for t in type] if type else None, top=top))
    if format is not ListFormat.table:
        print_rows(rows, [], format)
        return
    table = Table("name", "type", "country", "mentions", "articles", "id")
    for r in rows:
        table.add_row(r.name, r.type, r.country or "", str(r.mentions), str(r.articles), r.id)
    out.print(table)


def show(article_id: Annotated[str, typer.Argument(help="Article id (from `extract`, `stats` or `actors`).")],
         db: DbOption = DEFAULT_DB, format: FormatOption = Format.table) -> None:
    """Show one stored article with its actors and mentions, and its syndicated copies."""
    with open_read(db) as corpus:
        try:
            article = corpus.article(article_id)
            copies = list(corpus.copies(article_id))
        except NewsgraphError as exc:
            fail(exc)
    if format is Format.jsonl:
        print_json({**article.to_dict(), "copies": [asdict(c) for c in copies]})
        return
    heading = Text(printable(article.title or article.id), style="bold")
    heading.append(printable(f"  {article.date or 'undated'}  {article.source}"))
    out.print(heading)
    out.print(Text(printable(article.text)))
    names = {a.id: a.name for a in article.actors}
    table = Table("actor", "type", "country", "mentions", "as written")
    for a in article.actors:
        forms = sorted({m.text for m in article.mentions if m.actor == a.id})
        table.add_row(a.name, a.type, a.country or "", str(sum(m.actor == a.id for m in article.mentions)), ", ".join(forms))
    out.print(table)
    mtable = Table("start", "end", "text", "actor", "how")
    for m in article.mentions:
        mtable.add_row(str(m.start), str(m.end), m.text, names.get(m.actor, m.actor), m.how)
    out.print(mtable)
    if copies:
        ctable = Table("copy", "date", "outlet", "url", title=f"{len(copies)} other copies of this story ({article.story})")
        for c in copies:
            ctable.add_row(c.id, c.date or "", c.outlet or "", c.url or c.source)
        out.print(ctable)


QUOTE_COLUMNS = [("date", "date"), ("speaker", "speaker_name"), ("as written", "speaker_text"), ("cue", "cue"),
                 ("content", "text"), ("kind", "kind"), ("outlet", "outlet"), ("article", "article_id")]
EVENT_COLUMNS = [("date", "date"), ("source", "source_name"), ("type", "type"), ("mode", "mode"),
                 ("target", "target_name"), ("modality", "modality"), ("sentence", "sentence")]
ARTICLE_COLUMNS = [("date", "date"), ("title", "title"), ("outlet", "outlet"), ("quotes", "quotes"),
                   ("events", "events"), ("article", "article_id")]
ACTOR_HIT_COLUMNS = [("name", "name"), ("type", "type"), ("country", "country"), ("mentions", "mentions"), ("id", "id")]


def quotes(db: DbOption = DEFAULT_DB,
           speaker: Annotated[Optional[str], typer.Option("--speaker", help="Said by this actor (any alias).")] = None,
           about: Annotated[Optional[str], typer.Option("--about", help="Mentioning this actor in the content.")] = None,
           search: SearchOption = None, since: SinceOption = None, until: UntilOption = None, outlet: OutletOption = None,
           kind: Annotated[Optional[list[str]], typer.Option("--kind", help="direct, indirect or mixed; repeatable.")] = None,
           min_confidence: MinConfidenceOption = None,
           anonymous: Annotated[Optional[bool], typer.Option("--anonymous/--named", help="Only unnamed sources / only named speakers.", show_default=False)] = None,
           sort: Annotated[str, typer.Option("--sort", help="date, speaker, outlet, kind, confidence or relevance (with --search).")] = "date",
           order: OrderOption = "desc", limit: PageOption = 50, offset: OffsetOption = 0,
           distinct_stories: DistinctOption = False, format: ListFormatOption = ListFormat.table) -> None:
    """Who said what: quotes with speaker, cue, content, outlet and article, newest first."""
    with open_read(db) as corpus:
        page = or_fail(lambda: corpus.quote_list(
            q=search, speaker=speaker, about=about, since=checked_date(since), until=checked_date(until), outlet=outlet,
            kind=kind, min_confidence=min_confidence, anonymous=anonymous, sort=sort, order=order, limit=limit,
            offset=offset, distinct_stories=distinct_stories))
    print_page(page, QUOTE_COLUMNS, format, "quotes")


def events(db: DbOption = DEFAULT_DB,
           actor: Annotated[Optional[str], typer.Option("--actor", help="This actor on either side (any alias).")] = None,
           source: Annotated[Optional[str], typer.Option("--source", help="Source actor (any alias).")] = None,
           target: Annotated[Optional[str], typer.Option("--target", help="Target actor (any alias).")] = None,
           type: Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER type (AID) or family (verbal-conflict); repeatable. `newsgraph types` lists them.")] = None,
           modality: Annotated[Optional[list[str]], typer.Option("--modality", help="asserted, reported, future, possible or negated; repeatable.")] = None,
           search: SearchOption = None, since: SinceOption = None, until: UntilOption = None, outlet: OutletOption = None,
           min_confidence: MinConfidenceOption = None,
           sort: Annotated[str, typer.Option("--sort", help="date, type, source, target, modality, outlet, confidence or relevance (with --search).")] = "date",
           order: OrderOption = "desc", limit: PageOption = 50, offset: OffsetOption = 0,
           distinct_stories: DistinctOption = False, format: ListFormatOption = ListFormat.table) -> None:
    """Who did what to whom: PLOVER events with modality, date and the sentence they come from, newest first."""
    with open_read(db) as corpus:
        page = or_fail(lambda: corpus.event_list(
            q=search, actor=actor, source=source, target=target, type=type, modality=modality,
            min_confidence=min_confidence, since=checked_date(since), until=checked_date(until), outlet=outlet,
            sort=sort, order=order, limit=limit, offset=offset, distinct_stories=distinct_stories))
    print_page(page, EVENT_COLUMNS, format, "events")


def articles(db: DbOption = DEFAULT_DB,
             actor: Annotated[Optional[str], typer.Option("--actor", help="Mentioning this actor (any alias).")] = None,
             search: SearchOption = None, since: SinceOption = None, until: UntilOption = None, outlet: OutletOption = None,
             sort: Annotated[str, typer.Option("--sort", help="date, outlet, title, quotes, events or relevance (with --search).")] = "date",
             order: OrderOption = "desc", limit: PageOption = 50, offset: OffsetOption = 0,
             distinct_stories: DistinctOption = False, format: ListFormatOption = ListFormat.table) -> None:
    """Stored articles with their counts of quotes and events, newest first."""
    with open_read(db) as corpus:
        page = or_fail(lambda: corpus.article_list(
            q=search, actor=actor, since=checked_date(since), until=checked_date(until), outlet=outlet, sort=sort,
            order=order, limit=limit, offset=offset, distinct_stories=distinct_stories))
    print_page(page, ARTICLE_COLUMNS, format, "articles")


def search(text: Annotated[str, typer.Argument(help="Words to find (all required), \"a phrase\", -not.")],
           db: DbOption = DEFAULT_DB,
           kind: Annotated[Optional[list[str]], typer.Option("--kind", help="quotes, articles, actors or events; repeatable (default: all).")] = None,
           limit: Annotated[int, typer.Option("--limit", min=1, help="Best matches per kind.")] = 10,
           format: ListFormatOption = ListFormat.table) -> None:
    """Full-text search of quotes, articles, actors and events: the best matches of each, with how many match."""
    kinds = kind or list(KINDS)
    if format is ListFormat.csv and len(kinds) != 1:
        fail(ValueError("--format csv prints one kind: add --kind quotes (or articles, actors, events)"))
    with open_read(db) as corpus:
        found = or_fail(lambda: corpus.search(text, kinds=kinds, limit=limit))
    columns = {"quotes": QUOTE_COLUMNS, "articles": ARTICLE_COLUMNS, "actors": ACTOR_HIT_COLUMNS, "events": EVENT_COLUMNS}
    for name, page in found.items():
        if format is ListFormat.table:
            total = page.total if page.exact else f"at least {page.total}"
            say(f"{name}: {total} match(es)" + (f", the best {len(page.rows)} shown" if len(page.rows) < page.total else ""))
        if format is ListFormat.jsonl:
            print_jsonl({"found_in": name, **row} for row in page.rows)
        elif page.rows or format is ListFormat.csv:
            print_rows(page.rows, columns[name], format)
        for note in page.notes:
            warn(f"note: {note}")


def types(format: Annotated[Format, typer.Option("--format", help="table or jsonl.")] = Format.table) -> None:
    """The vocabulary: PLOVER event types with family, definition and example; families, modalities, quote kinds."""
    if format is Format.jsonl:
        for name, family, definition, example in vocabulary.types_table_rows():
            print_json({"what": "type", "name": name, "family": family, "definition": definition, "example": example})
        for what, terms in (("family", vocabulary.families()), ("modality", vocabulary.modalities()),
                            ("quote kind", vocabulary.quote_kinds())):
            for t in terms:
                print_json({"what": what, "name": t.name, "meaning": t.meaning, "example": t.example})
        return
    table = Table("type", "family", "definition", "example", title="PLOVER event types (--type takes a type or a family)")
    for row in vocabulary.types_table_rows():
        table.add_row(*row)
    out.print(table)
    for title, terms in (("type families", vocabulary.families()), ("event modalities (--modality)", vocabulary.modalities()),
                         ("quote kinds (--kind)", vocabulary.quote_kinds())):
        terms_table = Table("name", "meaning", "example", title=title)
        for term in terms:
            terms_table.add_row(term.name, term.meaning, term.example)
        out.print(terms_table)


def relation(a: Annotated[str, typer.Argument(help="First actor (any alias).")],
             b: Annotated[str, typer.Argument(help="Second actor (any alias).")],
             db: DbOption = DEFAULT_DB,
             by: Annotated[Period, typer.Option("--by", help="Period to count by.")] = Period.week,
             examples: Annotated[int, typer.Option("--examples", min=0, help="Example sentences per direction.")] = 3,
             format: ListFormatOption = ListFormat.table) -> None:
    """How two actors relate over time: event counts per type and period, both directions, with examples."""
    with open_read(db) as corpus:
        found = or_fail(lambda: relation_between(corpus, a, b, by=by.value, examples=examples))
    if format is not ListFormat.table:
        print_rows([{**asdict(r), "direction": found.direction(r)} for r in found.rows], [], format)
        return
    table = Table(by.value, "direction", "type", "events")
    for r in found.rows:
        table.add_row(r.period or "undated", found.direction(r), r.type, str(r.events))
    out.print(table)
    for direction, evs in found.examples.items():
        for e in evs:
            say(f"{direction}  {e.date}  {e.type} [{e.modality}]  {e.sentence}")


def actor(name: ActorArgument, db: DbOption = DEFAULT_DB, format: FormatOption = Format.table) -> None:
    """One actor: country, sector, aliases, and the roles seen with first and last dates."""
    with open_read(db) as corpus:
        try:
            profile, roles = corpus.actor(name), corpus.roles(name)
        except NewsgraphError as exc:
            fail(exc)
    a = profile.actor
    if format is Format.jsonl:
        print_json({**a.to_dict(), "mentions": profile.mentions, "articles": profile.articles, "roles": roles})
        return
    say(f"{a.name}  ({a.type}, country {a.country or '-'}, sector {a.sector or '-'})  "
        f"{profile.mentions} mentions in {profile.articles} articles  id {a.id}")
    if a.aliases:
        say("aliases: " + ", ".join(a.aliases))
    table = Table("role", "of", "first seen", "last seen", "times")
    for r in roles:
        table.add_row(r["role"], r["of_name"] or "", r["first_seen"] or "", r["last_seen"] or "", str(r["mentions"]))
    out.print(table)


def labels(name: ActorArgument, db: DbOption = DEFAULT_DB, format: ListFormatOption = ListFormat.table) -> None:
    """How an actor is labelled ("dictator", "war criminal", "president"), by outlet, with counts and dates."""
    with open_read(db) as corpus:
        try:
            rows = corpus.labels(name)
        except NewsgraphError as exc:
            fail(exc)
    if format is not ListFormat.table:
        print_rows(rows, [], format)
        return
    table = Table("label", "outlet", "count", "first seen", "last seen")
    for r in rows:
        table.add_row(r["label"], r["outlet"], str(r["count"]), r["first_seen"] or "", r["last_seen"] or "")
    out.print(table)


def resolve(name: Annotated[str, typer.Argument(help="A name, or - to read NAME<TAB>DATE lines from stdin.")],
            date: Annotated[Optional[str], typer.Option("--date", help="Resolve as of this date (YYYY-MM-DD).")] = None,
            context: Annotated[Optional[str], typer.Option("--context", help="Text around the name (a country, a title).")] = None,
            db: DbOption = DEFAULT_DB,
            format: Annotated[str, typer.Option("--format", help="json (one object or null per line).")] = "json") -> None:
    """The actor a name resolves to: id, name, type, country ISO3, sector, role at that date; null for a non-actor."""
    with NameLookup(db) as lookup:
        if name != "-":
            print_json(lookup.resolve(name, checked_date(date) if date else None, context))
            return
        failed = False
        for answer in answer_lines(lookup, sys.stdin, checked_date(date) if date else None, context):
            print_json(answer.value)  # one answer per line, in order: actor, null, or an error object
            if answer.report is not None:
                (report if answer.failed else report_warning)(answer.report)
            failed = failed or answer.failed
        sys.stdout.flush()
    if failed:
        raise typer.Exit(1)
