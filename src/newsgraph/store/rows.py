"""Analyzed articles as the store's rows, and back: one column table per store table.

`batch_tables` is what every write inserts (an ingest batch, a shard written by the engines);
`articles_from_tables` reads such tables back into `Article`s, so that `load` hands a shard's
articles to the corpus step exactly as `ingest` hands its own (pipeline.corpus_step).
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

import pyarrow as pa

from ..model import Actor, Article, Block, Descriptor, Event, Mention, Quote, field_names
from ..resolve.text import fold

ARTICLE_COLUMNS = ["id", "source", "date", "title", "url", "outlet", "text", "blocks", "language", "date_source", "story"]
ACTOR_COLUMNS = ["id", "name", "type", "country", "sector"]
ALIAS_COLUMNS = ["actor_id", "alias", "folded"]
MENTION_COLUMNS = ["article_id", "idx", "actor_id", "start", "end", "text", "how"]
QUOTE_COLUMNS = ["article_id", "idx", *field_names(Quote)]
EVENT_COLUMNS = ["article_id", "idx", *field_names(Event)]
DESCRIPTOR_COLUMNS = ["article_id", "idx", "actor_id", "label", "role", "of_actor", "start", "end", "text", "kind"]
# The tables whose rows come from Article records (the others: copy signatures, curation, dictionary, meta).
ARTICLE_TABLES = ("articles", "actors", "aliases", "mentions", "quotes", "events", "descriptors")


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> pa.Table:
    return pa.Table.from_pydict({c: [r[c] for r in rows] for c in columns})


def batch_tables(articles: Sequence[Article]) -> dict[str, pa.Table]:
    """Column tables for one batch (built once, inserted with one statement per table); empty ones left out.

    An actor seen in several articles of the batch is one row, as the first article has it; its
    aliases are the union of every article's names for it.
    """
    art_rows: list[dict[str, Any]] = []
    actor_rows: dict[str, dict[str, Any]] = {}
    alias_rows: dict[tuple[str, str], dict[str, Any]] = {}
    mention_rows: list[dict[str, Any]] = []
    quote_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    descriptor_rows: list[dict[str, Any]] = []
    for a in articles:
        art_rows.append({"id": a.id, "source": a.source, "date": a.date, "title": a.title, "url": a.url,
                         "outlet": a.outlet, "text": a.text, "blocks": json.dumps([asdict(b) for b in a.blocks]),
                         "language": a.language, "date_source": a.date_source, "story": a.story or a.id})
        for actor in a.actors:
            actor_rows.setdefault(actor.id, {"id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
                                             "sector": actor.sector})
            for alias in (actor.name, *actor.aliases):
                alias_rows.setdefault((actor.id, alias), {"actor_id": actor.id, "alias": alias, "folded": fold(alias)})
        for i, m in enumerate(a.mentions):
            mention_rows.append({"article_id": a.id, "idx": i, "actor_id": m.actor, "start": m.start,
                                 "end": m.end, "text": m.text, "how": m.how})
        for i, q in enumerate(a.quotes):
            quote_rows.append({"article_id": a.id, "idx": i, **asdict(q)})
        for i, e in enumerate(a.events):
            event_rows.append({"article_id": a.id, "idx": i, **asdict(e)})
        for i, d in enumerate(a.descriptors):
            descriptor_rows.append({"article_id": a.id, "idx": i, "actor_id": d.actor, "label": d.label, "role": d.role,
                                    "of_actor": d.of, "start": d.start, "end": d.end, "text": d.text, "kind": d.kind})
    tables = {
        "articles": _table(art_rows, ARTICLE_COLUMNS),
        "actors": _table(list(actor_rows.values()), ACTOR_COLUMNS),
        "aliases": _table(list(alias_rows.values()), ALIAS_COLUMNS),
        "mentions": _table(mention_rows, MENTION_COLUMNS),
    }
    if quote_rows:
        tables["quotes"] = _table(quote_rows, QUOTE_COLUMNS)
    if event_rows:
        tables["events"] = _table(event_rows, EVENT_COLUMNS)
    if descriptor_rows:
        tables["descriptors"] = _table(descriptor_rows, DESCRIPTOR_COLUMNS)
    return {k: v for k, v in tables.items() if v.num_rows}


def _day(value: dt.date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _by_article(table: pa.Table | None) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in table.to_pylist() if table is not None else []:
        grouped[row["article_id"]].append(row)
    for rows in grouped.values():
        rows.sort(key=lambda r: r["idx"])
    return grouped


def _event_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    return {f: _day(row[f]) if f == "date" else row[f] for f in field_names(Event)}


def articles_from_tables(tables: Mapping[str, pa.Table]) -> list[Article]:
    """The articles of `batch_tables`-shaped tables (a shard's), in the order of the articles table.

    An article's actors are the rows it refers to (mentions, quote speakers, event ends,
    descriptors), each with every alias the tables hold for it; written back with
    `batch_tables`, they give the same rows.
    """
    actors = {r["id"]: r for r in tables["actors"].to_pylist()} if "actors" in tables else {}
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in tables["aliases"].to_pylist() if "aliases" in tables else []:
        aliases[r["actor_id"]].append(r["alias"])
    mentions, quotes = _by_article(tables.get("mentions")), _by_article(tables.get("quotes"))
    events, descriptors = _by_article(tables.get("events")), _by_article(tables.get("descriptors"))
    out: list[Article] = []
    for r in tables["articles"].to_pylist() if "articles" in tables else []:
        aid = r["id"]
        article = Article(
            id=aid, source=r["source"], date=_day(r["date"]), title=r["title"], text=r["text"], url=r["url"],
            outlet=r["outlet"], language=r["language"], date_source=r["date_source"], story=r["story"],
            blocks=[Block(**b) for b in json.loads(r["blocks"] or "[]")],
            mentions=[Mention(m["actor_id"], m["start"], m["end"], m["text"], m["how"]) for m in mentions[aid]],
            quotes=[Quote(**{f: q[f] for f in field_names(Quote)}) for q in quotes[aid]],
            events=[Event(**_event_fields(e)) for e in events[aid]],
            descriptors=[Descriptor(d["actor_id"], d["label"], d["role"], d["of_actor"], d["start"], d["end"], d["text"],
                                    d["kind"]) for d in descriptors[aid]])
        referenced = ({m.actor for m in article.mentions} | {q.speaker for q in article.quotes}
                      | {e.source for e in article.events} | {e.target for e in article.events}
                      | {d.actor for d in article.descriptors} | {d.of for d in article.descriptors})
        article.actors = [Actor(i, actors[i]["name"], actors[i]["type"], actors[i]["country"],
                                tuple(sorted(a for a in aliases[i] if a != actors[i]["name"])), actors[i]["sector"])
                          for i in sorted(x for x in referenced if x is not None and x in actors)]
        out.append(article)
    return out
