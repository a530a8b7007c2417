"""Claims on the web: `/api/claims` (the records `Corpus.claims` gives) and the claim page `/claim/<id>`.

The page shows a claim's canonical wording and speaker, where and when it was first seen, its spread
over time (one mark per outlet on a date axis, drawn as an inline SVG by the server so no script is
needed) and its wording variants with their differences from the canonical wording marked
(`claims.records.wording_diff`), and the outlets that dropped or changed the attribution.
"""
from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..claim_list import ClaimList
from ..claims.records import ClaimRecord, wording_diff
from ..query import parse_date
from .deps import Limit, Offset, StoreDep
from .templating import template_response

router = APIRouter()
pages = APIRouter(include_in_schema=False)

# The spread chart's geometry (SVG user units): left margin for outlet names, plot width, row height.
CHART_LEFT, CHART_WIDTH, CHART_ROW, CHART_TOP = 180, 560, 22, 30
ActorName = Annotated[str | None, Query(max_length=200, description="An actor id or any name or alias.")]
Day = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")]


def _listing(found: ClaimList, limit: int, offset: int) -> dict[str, Any]:
    end = offset + len(found)
    return {"items": found.to_dicts(), "total": found.total, "limit": limit, "offset": offset,
            "next_offset": end if end < found.total else None}


@router.get("/api/claims", tags=["claims"])
def api_claims(store: StoreDep, speaker: ActorName = None, about: ActorName = None, since: Day = None, until: Day = None,
               min_outlets: Annotated[int, Query(ge=1, le=10**6, description="Reported by at least this many outlets.")] = 1,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Claim clusters (the same claim across outlets), most outlets first: canonical wording, speaker,
    first seen, spread, wordings and attribution changes."""
    with store.read() as c:
        found = c.claims(speaker=speaker, about=about, since=parse_date(since), until=parse_date(until),
                         min_outlets=min_outlets, limit=limit, offset=offset)
    return _listing(found, limit, offset)


def _one(store: StoreDep, claim_id: str) -> ClaimList:
    with store.read() as c:
        found = c.claim(claim_id)
    if not len(found):
        raise HTTPException(status_code=404, detail=f"no claim {claim_id!r} in this store")
    return found


@router.get("/api/claims/{claim_id}", tags=["claims"])
def api_claim(store: StoreDep, claim_id: str) -> dict[str, Any]:
    """One claim's record."""
    return _one(store, claim_id).to_dicts()[0]


def spread_chart(record: ClaimRecord) -> dict[str, Any]:
    """One mark per outlet (its first sighting) on a date axis: positions for the template's SVG."""
    dated = [(Date.fromisoformat(s.date[:10]), s) for s in record.spread if s.date]
    if not dated:
        return {"marks": [], "height": 0, "ticks": []}
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((last - first).days, 1)
    marks = []
    for row, (day, s) in enumerate(sorted(dated, key=lambda x: (x[0], x[1].outlet or ""))):
        x = CHART_LEFT + CHART_WIDTH * (day - first).days / span
        marks.append({"x": round(x, 1), "y": CHART_TOP + row * CHART_ROW, "outlet": s.outlet or s.article_id,
                      "date": s.date, "article_id": s.article_id, "attribution": s.attribution})
    ticks = [{"x": CHART_LEFT, "label": first.isoformat()}]
    if last != first:
        ticks.append({"x": CHART_LEFT + CHART_WIDTH, "label": last.isoformat()})
    return {"marks": marks, "height": CHART_TOP + len(marks) * CHART_ROW, "ticks": ticks,
            "left": CHART_LEFT, "right": CHART_LEFT + CHART_WIDTH}


@pages.get("/claim/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, store: StoreDep, claim_id: str) -> Response:
    """A claim: canonical wording, speaker, first seen, spread over time and wording variants."""
    found = _one(store, claim_id)
    record = found.records[0]
    variants = [{"wording": w, "diff": wording_diff(record.canonical, w.text)} for w in record.wordings]
    return template_response(request, "claim.html", {"claim": record, "names": found.names, "variants": variants,
                                                     "chart": spread_chart(record)})
