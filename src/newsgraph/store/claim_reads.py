"""Reading claim clusters back: the member quotes of the claims that match a filter.

A claim matches when one of its member quotes does (by speaker, by an actor named inside the quote,
by date); every member of a matching claim is returned, since a claim's record (claims/records.py)
is built from all of them. Tables: schema.sql ("Claim clusters").
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from ..claims.quotes import ClaimQuote

# A member's quote: the key is "<article id>:<idx>" (claims/quotes.py quote_key).
_QUOTE_JOIN = ("q.article_id = m.article_id AND q.idx = CAST(substr(m.quote_id, length(m.article_id) + 2) AS INTEGER)")


def _matching(speakers: Sequence[str] | None, about: Sequence[str] | None, since: str | None, until: str | None,
              claim_ids: Sequence[str] | None) -> tuple[str, list[Any]]:
    """The WHERE clause over claim_members m picking the members that match, and its parameters."""
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if claim_ids is not None:
        where.append("m.claim_id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(claim_ids))
    if speakers is not None:
        where.append("m.speaker IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(speakers))
    if since is not None:
        where.append("m.date >= ?")
        params.append(since)
    if until is not None:
        where.append("m.date <= ?")
        params.append(until)
    if about is not None:
        where.append(f"""EXISTS (SELECT 1 FROM quotes q JOIN mentions x ON x.article_id = q.article_id
                         AND x."start" >= q."start" AND x."end" <= q."end"
                         WHERE {_QUOTE_JOIN} AND x.actor_id IN (SELECT unnest(?::VARCHAR[])))""")
        params.append(list(about))
    return " AND ".join(where), params


def claim_members(con: duckdb.DuckDBPyConnection, *, speakers: Sequence[str] | None = None,
                  about: Sequence[str] | None = None, since: str | None = None, until: str | None = None,
                  claim_ids: Sequence[str] | None = None) -> tuple[list[ClaimQuote], dict[str, str]]:
    """Every member quote of the claims with a matching member, and quote id -> claim id."""
    where, params = _matching(speakers, about, since, until, claim_ids)
    sql = f"""WITH picked AS (SELECT DISTINCT m.claim_id FROM claim_members m WHERE {where})
        SELECT m.quote_id, m.claim_id, m.article_id, m.outlet, m.date, m.speaker, a.country, m.attribution,
               q.text, q.speaker_text, q.cue, q.kind
        FROM claim_members m JOIN picked p ON p.claim_id = m.claim_id
        JOIN quotes q ON {_QUOTE_JOIN}
        LEFT JOIN actors a ON a.id = m.speaker
        ORDER BY m.claim_id, m.date, m.quote_id"""
    quotes, claim_of = [], {}
    with con.cursor() as cur:
        for qid, cid, aid, outlet, date, speaker, group, attribution, text, speaker_text, cue, kind in cur.execute(
                sql, params).fetchall():
            quotes.append(ClaimQuote(qid, aid, text or "", date, outlet, speaker, group,
                                     anonymous=attribution == "anonymous", speaker_text=speaker_text, cue=cue,
                                     kind=kind or "indirect"))
            claim_of[qid] = cid
    return quotes, claim_of


def claim_page(con: duckdb.DuckDBPyConnection, *, speakers: Sequence[str] | None = None,
               about: Sequence[str] | None = None, since: str | None = None, until: str | None = None,
               min_outlets: int = 1, limit: int | None = None, offset: int = 0) -> tuple[list[str], int]:
    """The ids of one page of matching claims in the records' order (most outlets, earliest first seen,
    id; claims/records.py `claim_records`) and how many claims match, counted in SQL so that only the
    page's members are read back."""
    where, params = _matching(speakers, about, since, until, None)
    counted = f"""WITH picked AS (SELECT DISTINCT m.claim_id FROM claim_members m WHERE {where}),
        spread AS (SELECT m.claim_id, count(DISTINCT coalesce(m.outlet, m.article_id)) AS outlets,
                          coalesce(min(m.date), '9999-99-99') AS first_date
                   FROM claim_members m JOIN picked p ON p.claim_id = m.claim_id GROUP BY m.claim_id)
        SELECT claim_id, count(*) OVER () FROM spread WHERE outlets >= ?
        ORDER BY outlets DESC, first_date, claim_id LIMIT ? OFFSET ?"""
    with con.cursor() as cur:
        rows = cur.execute(counted, [*params, min_outlets, limit if limit is not None else 2**62, offset]).fetchall()
        if rows or offset == 0:
            return [r[0] for r in rows], int(rows[0][1]) if rows else 0
        total = cur.execute(counted, [*params, min_outlets, 1, 0]).fetchall()
    return [], int(total[0][1]) if total else 0


def actor_names(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    """Actor id -> name for the ids given."""
    with con.cursor() as cur:
        rows = cur.execute("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]).fetchall()
    return dict(rows)


def has_claims(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store has the claim tables (a store of schema 6 or later)."""
    with con.cursor() as cur:
        return bool(cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'claim_members'").fetchall()[0][0])
