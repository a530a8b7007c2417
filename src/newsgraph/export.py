"""`newsgraph export`: a store (or a selection of it) as JSON Lines, Parquet tables or a GraphML graph.

* **jsonl**: the extract contract (`Article.to_dict`), one article per line, sorted by article id,
  every list in a stable order (blocks, mentions, quotes and events in text order, actors by id,
  aliases sorted), so two stores built from the same input compare with `diff`.
* **parquet**: the normalized tables in the shard layout (`OUT/<table>/export.parquet` and
  `OUT/manifest.json`), so `newsgraph load OUT` reads an export back into another store.
* **graphml**: actors as nodes (name, type, country, mentions) and counted directed edges:
  `kind="event"` per (source, target, PLOVER type) and `kind="quote"` per (speaker, actor
  mentioned inside the quote). The graph is a networkx MultiDiGraph; it loads in
  `networkx.read_graphml` and in Gephi.

Everything is read through the query API (`Corpus`).
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from .query import Corpus
from .store import parquet

FORMATS = ("jsonl", "parquet", "graphml")


def export_jsonl(corpus: Corpus, out: str, *, since: str | None = None, until: str | None = None,
                 actor: str | None = None, on_article: Callable[[], None] = lambda: None) -> int:
    """Write the selected articles as JSON Lines (`-` = stdout); returns how many."""
    ids = corpus.article_ids(since, until, actor)
    stream = sys.stdout if out == "-" else open(out, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    try:
        for article in corpus.articles(ids):
            stream.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            on_article()
    finally:
        if out == "-":
            stream.flush()
        else:
            stream.close()
    return len(ids)


def export_parquet(corpus: Corpus, out: str, *, since: str | None = None, until: str | None = None,
                   actor: str | None = None) -> dict[str, int]:
    """Write the selected rows of every table under folder `out`; returns rows per table."""
    counts = parquet.write_shard(out, "export", corpus.tables(since, until, actor))
    parquet.write_manifest(out, {"export": counts})
    return counts


def graph(corpus: Corpus, *, since: str | None = None, until: str | None = None, actor: str | None = None) -> Any:
    """The actor graph of the selection as a networkx MultiDiGraph."""
    nodes, event_edges, quote_edges = corpus.graph_rows(since, until, actor)
    g = nx.MultiDiGraph(name="newsgraph actors")
    for n in nodes:
        attrs = {"name": n["name"], "type": n["type"], "mentions": int(n["mentions"])}
        if n["country"]:
            attrs["country"] = n["country"]  # GraphML has no null: an actor without a country lacks the key
        g.add_node(n["id"], **attrs)
    for e in event_edges:
        g.add_edge(e["source"], e["target"], key=f"event:{e['type']}", kind="event", type=e["type"],
                   count=int(e["count"]), weight=int(e["count"]))
    for e in quote_edges:
        g.add_edge(e["source"], e["target"], key="quote", kind="quote", type="QUOTE",
                   count=int(e["count"]), weight=int(e["count"]))
    return g


def export_graphml(corpus: Corpus, out: str, *, since: str | None = None, until: str | None = None,
                   actor: str | None = None) -> tuple[int, int]:
    """Write the actor graph as GraphML; returns (nodes, edges)."""
    g = graph(corpus, since=since, until=until, actor=actor)
    parent = Path(out).parent
    if str(parent) and not parent.exists():
        os.makedirs(parent, exist_ok=True)
    nx.write_graphml(g, out)
    return g.number_of_nodes(), g.number_of_edges()
