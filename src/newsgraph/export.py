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

Everything is read through the query API (`Corpus`). A JSON Lines or GraphML file is written
to a temporary file beside `out` and renamed over it only when complete, so a full disk or an
interrupted export never leaves a truncated file (an earlier export at that path stays as it
was); the Parquet tables are written file by file the same way (store/parquet.py).
"""
from __future__ import annotations

import errno
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .errors import OutputError
from .query import Corpus
from .store import parquet

FORMATS = ("jsonl", "parquet", "graphml")


@contextmanager
def replaced(out: str) -> Iterator[str]:
    """A temporary path beside `out` to write to; renamed over `out` when the block ends without
    an error, removed when it fails. An OS error (no space left, a folder that cannot be made) is
    an `OutputError` naming `out`."""
    parent = Path(out).parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{Path(out).name}.", suffix=".partial", dir=parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(out, _reason(exc)) from exc
    try:
        yield tmp
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())  # on disk before the rename, so a crash leaves the old file or the new one
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(out, _reason(exc)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on device"
    return exc.strerror or str(exc)


def _write_jsonl(corpus: Corpus, ids: list[str], stream: IO[str], on_article: Callable[[], None]) -> None:
    for article in corpus.articles(ids):
        stream.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        on_article()


def export_jsonl(corpus: Corpus, out: str, *, since: str | None = None, until: str | None = None,
                 actor: str | None = None, on_article: Callable[[], None] = lambda: None) -> int:
    """Write the selected articles as JSON Lines (`-` = stdout); returns how many."""
    ids = corpus.article_ids(since, until, actor)
    if out == "-":
        _write_jsonl(corpus, ids, sys.stdout, on_article)
        sys.stdout.flush()
        return len(ids)
    with replaced(out) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as stream:
        _write_jsonl(corpus, ids, stream, on_article)
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
    with replaced(out) as tmp:
        nx.write_graphml(g, tmp)
    return g.number_of_nodes(), g.number_of_edges()
