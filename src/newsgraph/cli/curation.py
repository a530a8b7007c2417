"""Commands that correct actors by hand: merge, split, alias add, rename, curation export/import, import-actors.

Every correction is recorded in the store and re-applied on every later ingest (see
`resolve.curation`); the CSV form (op,actor,actor_name,value) lets analysts share them.
"""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import NewsgraphError
from ..resolve.curation import from_csv, to_csv
from .corpus import open_read, open_write
from .options import DEFAULT_DB, DbOption
from .output import fail, say

ActorToCurate = Annotated[str, typer.Argument(help="The actor (name, alias or id).")]


def _curate(db: str, op: str, actor: str, value: str) -> None:
    """Apply and record one rule, then say what was done."""
    with open_write(db) as corpus:
        try:
            done = corpus.curate(op, actor, value)
        except (NewsgraphError, ValueError) as exc:
            fail(exc)
    say(f"{op}: {actor} <- {value} (recorded; re-applied on every ingest)" if op == "merge"
        else f"{op}: {actor} {value!r} (recorded; re-applied on every ingest) {done['actor']}")


def merge(a: Annotated[str, typer.Argument(help="The actor to keep (name, alias or id).")],
          b: Annotated[str, typer.Argument(help="The actor merged into it.")], db: DbOption = DEFAULT_DB) -> None:
    """Merge actor B into actor A: B's mentions, quotes, events and aliases become A's, now and on later ingests."""
    _curate(db, "merge", a, b)


def split(actor: ActorToCurate,
          alias: Annotated[str, typer.Argument(help="Mentions written so become an actor of their own.")],
          db: DbOption = DEFAULT_DB) -> None:
    """Split the mentions written as ALIAS off ACTOR into a new actor, now and on later ingests."""
    _curate(db, "split", actor, alias)


def alias_add(actor: ActorToCurate,
              alias: Annotated[str, typer.Argument(help="A name that should always mean this actor.")],
              db: DbOption = DEFAULT_DB) -> None:
    """Make ALIAS mean ACTOR: mentions written so (any article, now and later) become ACTOR's."""
    _curate(db, "alias", actor, alias)


def rename(actor: ActorToCurate,
           name: Annotated[str, typer.Argument(help="Its new canonical name (the old one stays an alias).")],
           db: DbOption = DEFAULT_DB) -> None:
    """Give an actor a new canonical name; its id does not change."""
    _curate(db, "rename", actor, name)


def curation_export(db: DbOption = DEFAULT_DB) -> None:
    """Print the curation rules as CSV (op,actor,actor_name,value)."""
    with open_read(db) as corpus:
        sys.stdout.write(to_csv(corpus.curation()))


def curation_import(path: Annotated[str, typer.Argument(help="A CSV written by `newsgraph curation export` (- for stdin).")],
                    db: DbOption = DEFAULT_DB) -> None:
    """Apply and record curation rules from a CSV."""
    try:
        rules = from_csv(sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read())
    except (OSError, ValueError) as exc:
        fail(ValueError(f"{path}: {exc}"))
    with open_write(db) as corpus:
        n = corpus.import_curation(rules)
    say(f"imported {n} curation rule(s) into {db}")


def import_actors(path: Annotated[str, typer.Argument(help="CSV (name, aliases, country, sector, valid_from, valid_to, ...) "
                                                          "or a PETRARCH/Phoenix .actors file.")],
                  db: DbOption = DEFAULT_DB) -> None:
    """Add a user actor dictionary to the store: used by `resolve` and on every later ingest."""
    try:
        with open_write(db) as corpus:
            n = corpus.import_actors(path)
    except (OSError, ValueError) as exc:
        fail(ValueError(f"{path}: {exc}"))
    say(f"imported {n} dictionary entries from {path} into {db}")
