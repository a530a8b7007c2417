"""What `Corpus.claims` returns: claim records (claims/records.py) with speaker names, as records,
flat rows (CSV, pandas, Arrow) or JSON objects.

One row per claim: its canonical wording, main speaker, first sighting, how many outlets, articles
and quotes carry it, its last date, its number of distinct wordings and of articles that dropped or
changed the attribution; `to_dicts` gives the whole record (spread, wordings, changes) for JSON.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import pyarrow as pa

from .claims.records import ClaimRecord

ROW_COLUMNS = ("claim_id", "canonical", "speaker", "speaker_name", "first_date", "first_outlet", "first_article_id",
               "last_date", "outlets", "articles", "quotes", "wordings", "attribution_changes", "outlet_list")


@dataclass(frozen=True)
class ClaimList:
    """A page of claim records, most outlets first, and the actor names of their speakers."""

    records: tuple[ClaimRecord, ...]
    names: Mapping[str, str]
    total: int  # claims matching before `limit`/`offset`

    def __iter__(self) -> Iterator[ClaimRecord]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def to_list(self) -> list[ClaimRecord]:
        return list(self.records)

    def row(self, r: ClaimRecord) -> dict[str, Any]:
        """The flat row of one record (ROW_COLUMNS)."""
        dates = [s.date for s in r.spread if s.date]
        return {"claim_id": r.claim_id, "canonical": r.canonical, "speaker": r.speaker,
                "speaker_name": self.names.get(r.speaker) if r.speaker else None, "first_date": r.first_seen.date,
                "first_outlet": r.first_seen.outlet, "first_article_id": r.first_seen.article_id,
                "last_date": max(dates) if dates else None, "outlets": r.outlets, "articles": r.articles,
                "quotes": r.quotes, "wordings": len(r.wordings), "attribution_changes": len(r.attribution_changes),
                "outlet_list": [s.outlet or "" for s in r.spread]}

    def rows(self) -> list[dict[str, Any]]:
        return [self.row(r) for r in self.records]

    def to_dicts(self) -> list[dict[str, Any]]:
        """Whole records (with the speaker's name) for JSON."""
        return [{**asdict(r), "speaker_name": self.names.get(r.speaker) if r.speaker else None} for r in self.records]

    def to_arrow(self) -> pa.Table:
        rows = self.rows()
        return pa.Table.from_pylist(rows, schema=_SCHEMA) if rows else _SCHEMA.empty_table()

    def to_pandas(self):  # type: ignore[no-untyped-def]
        return self.to_arrow().to_pandas()


_SCHEMA = pa.schema([("claim_id", pa.string()), ("canonical", pa.string()), ("speaker", pa.string()),
                     ("speaker_name", pa.string()), ("first_date", pa.string()), ("first_outlet", pa.string()),
                     ("first_article_id", pa.string()), ("last_date", pa.string()), ("outlets", pa.int64()),
                     ("articles", pa.int64()), ("quotes", pa.int64()), ("wordings", pa.int64()),
                     ("attribution_changes", pa.int64()), ("outlet_list", pa.list_(pa.string()))])


def page(records: Sequence[ClaimRecord], names: Mapping[str, str], limit: int | None, offset: int) -> ClaimList:
    """The `offset`..`offset + limit` slice of the records."""
    end = None if limit is None else offset + limit
    return ClaimList(tuple(records[offset:end]), dict(names), len(records))
