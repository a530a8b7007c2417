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
from .lookups import keyed, keyed_params


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
        # an actor named inside the member's quote, as `actor_quotes` links them (store/summaries.py)
        where.append("""EXISTS (SELECT 1 FROM actor_quotes k WHERE k.rel = 'about' AND k.article_id = m.article_id
                         AND k.idx = CAST(substr(m.quote_id, length(m.article_id) + 2) AS INTEGER)
                         AND k.actor_id IN (SELECT unnest(?::VARCHAR[])))""")
        params.append(list(about))
    return " AND ".join(where), params


def claim_members(con: duckdb.DuckDBPyConnection, *, speakers: Sequence[str] | None = None,
                  about: Sequence[str] | None = None, since: str | None = None, until: str | None = None,
                  claim_ids: Sequence[str] | None = None) -> tuple[list[ClaimQuote], dict[str, str]]:
    """Every member quote of the claims with a matching member, and quote id -> claim id."""
    if claim_ids is not None and not claim_ids:
        return [], {}  # no claim asked for: nothing to read
    where, params = _matching(speakers, about, since, until, claim_ids)
    sql = f"""WITH picked AS (SELECT DISTINCT m.claim_id FROM claim_members m WHERE {where})
        SELECT {_MEMBER_COLUMNS} FROM claim_members m JOIN picked p ON p.claim_id = m.claim_id
        LEFT JOIN actors a ON a.id = m.speaker ORDER BY m.claim_id, m.date, m.quote_id"""
    with con.cursor() as cur:
        quotes, claim_of, _ = _member_quotes(cur, cur.execute(sql, params).fetchall())
    return quotes, claim_of


# A member's columns as `_member_quotes` reads them: its quote's idx is the end of its quote id, and its
# speaker's country and name come from `actors`.
_MEMBER_COLUMNS = """m.quote_id, m.claim_id, m.article_id, m.outlet, m.date, m.speaker, a.country, m.attribution,
               CAST(substr(m.quote_id, length(m.article_id) + 2) AS INTEGER) AS idx, a.name"""


def _member_quotes(cur: duckdb.DuckDBPyConnection, members: Sequence[tuple[Any, ...]]
                   ) -> tuple[list[ClaimQuote], dict[str, str], dict[str, str]]:
    """The members' quotes, quote id -> claim id, and speaker id -> name of the quotes kept.

    The members are read first, then their quotes through the quotes' article-id index (store/lookups.py):
    a join of the members with `quotes` would read every stored quote."""
    quotes, claim_of, names = [], {}, {}
    article_ids = sorted({m[2] for m in members})
    texts = {(r[0], r[1]): r[2:] for r in cur.execute(
        keyed("quotes", "article_id", "article_id, idx, text, speaker_text, cue, kind"),
        keyed_params(article_ids)).fetchall()} if article_ids else {}
    for qid, cid, aid, outlet, date, speaker, group, attribution, idx, name, *_ in members:
        if (aid, idx) not in texts:
            continue  # a member whose quote is not stored (as the join with `quotes` left it out)
        text, speaker_text, cue, kind = texts[(aid, idx)]
        quotes.append(ClaimQuote(qid, aid, text or "", date, outlet, speaker, group,
                                 anonymous=attribution == "anonymous", speaker_text=speaker_text, cue=cue,
                                 kind=kind or "indirect"))
        claim_of[qid] = cid
        if speaker and name is not None:
            names[speaker] = name
    return quotes, claim_of, names


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


def claim_page_members(con: duckdb.DuckDBPyConnection, *, speakers: Sequence[str] | None = None,
                       about: Sequence[str] | None = None, since: str | None = None, until: str | None = None,
                       min_outlets: int = 1, limit: int | None = None, offset: int = 0
                       ) -> tuple[list[ClaimQuote], dict[str, str], dict[str, str], int]:
    """`claim_page` and then `claim_members` of its ids, and the names of the quotes' speakers
    (`actor_names`), in two reads instead of four: the page's members with the total in one query
    (the page picked as `claim_page` picks it), then their quotes by article id.

    Returns the member quotes, quote id -> claim id, speaker id -> name, and how many claims match."""
    where, params = _matching(speakers, about, since, until, None)
    sql = f"""WITH picked AS (SELECT DISTINCT m.claim_id FROM claim_members m WHERE {where}),
        spread AS (SELECT m.claim_id, count(DISTINCT coalesce(m.outlet, m.article_id)) AS outlets,
                          coalesce(min(m.date), '9999-99-99') AS first_date
                   FROM claim_members m JOIN picked p ON p.claim_id = m.claim_id GROUP BY m.claim_id),
        page AS (SELECT claim_id, count(*) OVER () AS total FROM spread WHERE outlets >= ?
                 ORDER BY outlets DESC, first_date, claim_id LIMIT ? OFFSET ?)
        SELECT {_MEMBER_COLUMNS}, pg.total FROM claim_members m JOIN page pg ON pg.claim_id = m.claim_id
        LEFT JOIN actors a ON a.id = m.speaker ORDER BY m.claim_id, m.date, m.quote_id"""
    with con.cursor() as cur:
        members = cur.execute(sql, [*params, min_outlets, limit if limit is not None else 2**62, offset]).fetchall()
        if not members:  # past the last page (or nothing matches): the total alone
            return [], {}, {}, claim_page(con, speakers=speakers, about=about, since=since, until=until,
                                          min_outlets=min_outlets, limit=1, offset=0)[1] if offset else 0
        quotes, claim_of, names = _member_quotes(cur, members)
    return quotes, claim_of, names, int(members[0][-1])


def actor_names(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    """Actor id -> name for the ids given."""
    if not ids:
        return {}
    with con.cursor() as cur:
        rows = cur.execute("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]).fetchall()
    return dict(rows)


def has_claims(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store has the claim tables (a store of schema 6 or later)."""
    with con.cursor() as cur:
        return bool(cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'claim_members'").fetchall()[0][0])
