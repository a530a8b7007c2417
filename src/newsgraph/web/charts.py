"""Chart data for the pages: timelines on a real date axis and an actor's network, top counterparts first.

No queries here (pages read through `newsgraph.query`), only shaping into plain data that the
scripts hand to Chart.js and Cytoscape.js:

- Timelines are points `{x: "2024-11-04", y: 3}` for a Chart.js `time` axis (the vendored
  date-fns adapter), so a period with nothing in it is an empty stretch of axis: eight quiet
  years look like eight years, not like the next bar. Undated counts cannot sit on a date axis;
  they come back beside the series and the page says how many there are.
- The network keeps the `top` counterparts by number of events and folds the rest into one
  node ("+37 others"), so a busy actor's page stays readable; one edge per counterpart,
  direction and PLOVER family (the four quad categories of `newsgraph.vocabulary`), its width
  by count and its colour by family.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import vocabulary
from ..query import ACTIVITY_KINDS, ActivityRow, Counterpart, RelationRow

UNDATED = "undated"
OTHERS_ID = "others"
#: the four PLOVER quad categories (newsgraph.vocabulary.families) -> colour; cooperation greens, conflict reds
FAMILY_COLORS = {"verbal-cooperation": "#59a14f", "material-cooperation": "#2e6b2a",
                 "verbal-conflict": "#f28e2b", "material-conflict": "#d62728"}
OTHER_FAMILY = "other"
OTHER_COLOR = "#8a8a8a"
ACTIVITY_LABELS = {"events_as_source": "events as source", "events_as_target": "events as target",
                   "quotes_by": "quotes by", "quotes_about": "quotes about"}


@dataclass(frozen=True, slots=True)
class ChartSettings:
    """How much the charts show: counterparts drawn before the rest fold into one node, and the span
    (in days) under which a timeline counts by week, then by month, beyond that by year."""

    network_top: int = 12
    weekly_up_to_days: int = 2 * 366
    monthly_up_to_days: int = 12 * 366


DEFAULT = ChartSettings()


def family_of(event_type: str) -> str:
    """The PLOVER family (quad category) of an event type, `other` for a type the vocabulary lacks."""
    return _families().get(event_type, OTHER_FAMILY)


@cache
def _families() -> dict[str, str]:
    return {t.name: t.family for t in vocabulary.event_types()}


def family_legend() -> list[dict[str, str]]:
    """The families with their colours, in the PLOVER manual's order, for a legend."""
    return [{"name": f.name, "label": f.name.replace("-", " "), "color": FAMILY_COLORS.get(f.name, OTHER_COLOR)}
            for f in vocabulary.families()]


def period_for_span(first: str | None, last: str | None, settings: ChartSettings = DEFAULT) -> str:
    """The period (`week`, `month`, `year`) a timeline from `first` to `last` (YYYY-MM-DD) counts by:
    weeks for a couple of years, months for a decade, years beyond, so bars stay wide enough to see."""
    if not first or not last:
        return "week"
    days = (_date(last) - _date(first)).days
    if days <= settings.weekly_up_to_days:
        return "week"
    return "month" if days <= settings.monthly_up_to_days else "year"


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def period_starts(first: str, last: str, by: str) -> list[str]:
    """Every period start from `first` to `last` (both period starts, as DuckDB's `date_trunc` gives them:
    weeks start on Monday), so a timeline has a zero for each quiet period.

    Chart.js sizes bars on a time axis by the smallest gap between two points; with the quiet
    periods present every bar is one period wide and a gap of years is years of empty axis.
    """
    day, end = _date(first), _date(last)
    out = []
    while day <= end:
        out.append(day.isoformat())
        day = _step(day, by, 1)
    return out


def _step(day: dt.date, by: str, n: int) -> dt.date:
    """The period start `n` periods after (or before, n < 0) the period start `day`."""
    if by == "day":
        return day + dt.timedelta(days=n)
    if by == "week":
        return day + dt.timedelta(days=7 * n)
    if by == "month":
        months = day.year * 12 + day.month - 1 + n
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(day.year + n, 1, 1)


def axis_bounds(periods: Sequence[str], by: str) -> dict[str, str] | None:
    """The date axis from one period before the first to one after the last, so a lone bar is one period
    wide among empty periods rather than stretched over the whole chart."""
    if not periods:
        return None
    return {"min": _step(_date(periods[0]), by, -1).isoformat(), "max": _step(_date(periods[-1]), by, 1).isoformat()}


def _series(points: Mapping[str, Mapping[str, int]], by: str) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    """The periods from the first to the last dated point, and each key's `{x, y}` points over all of them."""
    dated = sorted({p for counts in points.values() for p in counts})
    periods = period_starts(dated[0], dated[-1], by) if dated else []
    return periods, {k: [{"x": p, "y": counts.get(p, 0)} for p in periods] for k, counts in points.items()}


def timeline(rows: Iterable[ActivityRow], by: str) -> dict[str, Any]:
    """Chart.js time-axis data: one series of `{x, y}` points per kind of activity (a zero for every quiet
    period), and the undated counts, which a date axis cannot show."""
    points: dict[str, dict[str, int]] = {k: {} for k in ACTIVITY_KINDS}
    undated: Counter[str] = Counter()
    for r in rows:
        if r.period is None:
            undated[ACTIVITY_LABELS[r.kind]] += r.count
        else:
            points[r.kind][r.period] = points[r.kind].get(r.period, 0) + r.count
    periods, series = _series(points, by)
    return {"by": by, "periods": len(periods), "axis": axis_bounds(periods, by), "undated": dict(undated),
            "datasets": [{"key": k, "label": ACTIVITY_LABELS[k], "data": series[k]} for k in ACTIVITY_KINDS]}


def relation_series(rows: Iterable[RelationRow], a_name: str, b_name: str, by: str) -> dict[str, Any]:
    """Chart.js time-axis data between two actors: one series per event type and direction (stacked by
    direction), a zero for every quiet period, and the undated counts."""
    points: dict[str, dict[str, int]] = defaultdict(dict)
    undated: Counter[str] = Counter()
    meta: dict[str, tuple[str, str]] = {}
    for r in rows:
        arrow = f"{a_name} → {b_name}" if r.direction == "a->b" else f"{b_name} → {a_name}"
        key = f"{r.type} ({arrow})"
        meta[key] = (r.type, r.direction)
        if r.period is None:
            undated[key] += r.events
        else:
            points[key][r.period] = points[key].get(r.period, 0) + r.events
    periods, series = _series(points, by)
    return {"by": by, "periods": len(periods), "axis": axis_bounds(periods, by), "undated": dict(undated),
            "datasets": [{"key": k, "label": k, "type": meta[k][0], "direction": meta[k][1],
                          "family": family_of(meta[k][0]), "data": series.get(k, [])} for k in sorted(meta)]}


def counterparts_of_events(events: Iterable[Mapping[str, Any]], actor_ids: Sequence[str],
                           types: Mapping[str, str]) -> list[Counterpart]:
    """Counterpart counts (as `Corpus.counterparts` gives them) from event rows of `Corpus.event_list`, for a
    network restricted to a period or a type; `types` maps actor ids to their actor type (PERSON, GPE...).
    The actor page sums them from `actor_pairs` instead (`Corpus.counterparts_over`); this
    row-by-row count is the definition that aggregate is tested against (tests/web/test_read_equivalence.py).

    As `counterparts`, events without a counterpart or between two ids of the actor itself are left out.
    """
    own = set(actor_ids)
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for e in events:
        if e.get("source") in own and e.get("target") and e["target"] not in own:
            counts[(e["target"], e.get("target_name") or e["target"], "out", e["type"])] += 1
        elif e.get("target") in own and e.get("source") and e["source"] not in own:
            counts[(e["source"], e.get("source_name") or e["source"], "in", e["type"])] += 1
    return [Counterpart(cid, name, types.get(cid, ""), None, direction, etype, n)
            for (cid, name, direction, etype), n in counts.items()]


def network(center: Mapping[str, Any], rows: Iterable[Counterpart], settings: ChartSettings = DEFAULT) -> dict[str, Any]:
    """Cytoscape elements: the actor in the middle, its `settings.network_top` busiest counterparts around it,
    the rest folded into one node "+N others".

    One edge per counterpart, direction and family, labelled with its counts by type (`AID 2,
    COOPERATE 1`), `total` for its width and `color` for its family.
    """
    rows = list(rows)
    totals: Counter[str] = Counter()
    info: dict[str, tuple[str, str]] = {}
    for r in rows:
        totals[r.counterpart] += r.events
        info[r.counterpart] = (r.counterpart_name, r.counterpart_type)
    ranked = sorted(totals, key=lambda cid: (-totals[cid], info[cid][0], cid))
    shown = ranked[:settings.network_top]
    folded = ranked[settings.network_top:]
    nodes = [{"id": cid, "label": info[cid][0], "type": info[cid][1], "total": totals[cid]} for cid in shown]
    if folded:
        nodes.append({"id": OTHERS_ID, "label": f"+{len(folded)} others", "type": "", "others": len(folded),
                      "total": sum(totals[cid] for cid in folded)})
    node_of = {cid: cid for cid in shown} | dict.fromkeys(folded, OTHERS_ID)
    edges: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for r in rows:
        edges[(node_of[r.counterpart], r.direction, family_of(r.type))][r.type] += r.events
    elements: list[dict[str, Any]] = [
        {"data": {"id": center["id"], "label": center["name"], "type": center["type"], "center": 1, "total": sum(totals.values())}}]
    elements += [{"data": n} for n in nodes]
    for (other, direction, family), counts in edges.items():
        source, target = (center["id"], other) if direction == "out" else (other, center["id"])
        label = ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        elements.append({"data": {"id": f"{source}->{target}:{family}", "source": source, "target": target,
                                  "family": family, "color": FAMILY_COLORS.get(family, OTHER_COLOR),
                                  "label": label, "total": sum(counts.values())}})
    return {"elements": elements, "counterparts": len(shown), "others": len(folded), "all": len(ranked)}


def counterpart_table(rows: Sequence[Counterpart]) -> list[dict[str, Any]]:
    """One row per counterpart with its event counts by type and direction, busiest first."""
    table: dict[str, dict[str, Any]] = {}
    for r in rows:
        entry = table.setdefault(r.counterpart, {"id": r.counterpart, "name": r.counterpart_name,
                                                 "type": r.counterpart_type, "out": {}, "in": {}, "total": 0})
        entry[r.direction][r.type] = entry[r.direction].get(r.type, 0) + r.events
        entry["total"] += r.events
    return sorted(table.values(), key=lambda e: (-e["total"], e["name"]))
