"""`newsgraph claims`: the same claim across outlets, from the claim clusters a store keeps (claims/).

A face over `Corpus.claims`: one row per claim (canonical wording, speaker, first seen, outlets),
most outlets first; `--format jsonl` prints whole records (spread, wordings, attribution changes).
"""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from ..query import Page
from .corpus import open_read
from .options import DEFAULT_DB, DbOption, ListFormatOption, OffsetOption, PageOption, SinceOption, UntilOption, checked_date
from .output import ListFormat, or_fail, print_jsonl, print_rows, warn

CLAIM_COLUMNS = [("claim", "claim_id"), ("first seen", "first_date"), ("first outlet", "first_outlet"),
                 ("outlets", "outlets"), ("speaker", "speaker_name"), ("canonical wording", "canonical")]


def claims(db: DbOption = DEFAULT_DB,
           speaker: Annotated[Optional[str], typer.Option("--speaker", help="Claims said by this actor (any alias).")] = None,
           about: Annotated[Optional[str], typer.Option("--about", help="Claims naming this actor inside the quote.")] = None,
           since: SinceOption = None, until: UntilOption = None,
           min_outlets: Annotated[int, typer.Option("--min-outlets", min=1, help="Reported by at least this many outlets.")] = 1,
           limit: PageOption = 50, offset: OffsetOption = 0, format: ListFormatOption = ListFormat.table) -> None:
    """The same claim across outlets: canonical wording, speaker, first seen, spread; most outlets first."""
    with open_read(db) as corpus:
        found = or_fail(lambda: corpus.claims(speaker=speaker, about=about, since=checked_date(since),
                                              until=checked_date(until), min_outlets=min_outlets, limit=limit,
                                              offset=offset))
    if format is ListFormat.jsonl:
        print_jsonl(found.to_dicts())
    elif format is ListFormat.csv:
        rows = [{**r, "outlet_list": ";".join(r["outlet_list"])} for r in found.rows()]
        sys.stdout.write(Page(rows, len(rows), None, 0).to_csv())
    else:
        print_rows(found.rows(), CLAIM_COLUMNS, format)
    if len(found) < found.total:
        warn(f"showing {len(found)} of {found.total} claims from offset {offset} (use --limit or --offset)")
