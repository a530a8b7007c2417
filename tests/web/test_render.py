"""Shaping records for the pages: article segments (displaCy-like) and fact anchors, network elements,
chart series on a date axis, confidence, collapsed labels."""
from __future__ import annotations

import pytest

from newsgraph.model import Actor, Article, Block, Event, Mention, Quote
from newsgraph.query import ActivityRow, Counterpart, RelationRow
from newsgraph.web import charts, render

TEXT = 'Rutte said "Russia <b>attacked</b> Ukraine."\n\nMoscow denied it.'


def _article() -> Article:
    rutte = Actor("r", "Mark Rutte", "PERSON")
    russia = Actor("ru", "Russia", "GPE", "RUS", ("Moscow",))
    ukraine = Actor("u", "Ukraine", "GPE", "UKR")
    start = TEXT.index('"')
    end = TEXT.index('."') + 2
    return Article(
        id="a", source="t", date="2024-11-01", title=None, text=TEXT,
        blocks=[Block(0, TEXT.index("\n")), Block(TEXT.index("Moscow"), len(TEXT))],
        actors=[rutte, russia, ukraine],
        mentions=[Mention("r", 0, 5, "Rutte", "surname"), Mention("ru", 12, 18, "Russia"),
                  Mention("u", TEXT.index("Ukraine"), TEXT.index("Ukraine") + 7, "Ukraine"),
                  Mention("ru", TEXT.index("Moscow"), TEXT.index("Moscow") + 6, "Moscow", "alias")],
        quotes=[Quote("r", "Rutte", 0, 5, "said", 6, 10, TEXT[start:end], start, end, "direct")],
        events=[Event("ASSAULT", None, "ru", "u", "attacked", TEXT.index("attacked"), TEXT.index("attacked") + 8,
                      0, TEXT.index("\n"))])


def test_segments_cover_each_block_exactly():
    art = _article()
    blocks = render.article_blocks(art)
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]
    assert "".join(s.text for s in blocks[0].segments) == TEXT[:TEXT.index("\n")]
    assert "".join(s.text for s in blocks[1].segments) == "Moscow denied it."


def test_segments_carry_their_annotations():
    segs = {s.text: s for b in render.article_blocks(_article()) for s in b.segments}
    assert segs["Rutte"].actor["name"] == "Mark Rutte" and segs["Rutte"].speaker == 0 and segs["Rutte"].mention_end
    assert segs["said"].cue == 0 and segs["said"].actor is None
    assert segs["Russia"].quote == 0 and segs["Russia"].actor["country"] == "RUS"
    assert segs["attacked"].trigger == 0 and segs["attacked"].trigger_type == "ASSAULT" and segs["attacked"].quote == 0
    assert segs["Moscow"].actor["id"] == "ru" and segs["Moscow"].actor["how"] == "alias"
    assert segs[" denied it."].plain


def test_article_without_blocks_is_one_paragraph():
    art = _article()
    art.blocks = []
    (block,) = render.article_blocks(art)
    assert "".join(s.text for s in block.segments) == TEXT


def test_each_fact_has_one_anchor_at_its_first_segment():
    art = _article()
    blocks = render.article_blocks(art)
    first = {a: s for b in blocks for s in b.segments for a in s.anchors}
    assert set(first) == {"q-0", "e-0"} == render.placed_anchors(blocks)
    assert first["q-0"].start == 0  # the attribution starts at the speaker, before the content
    assert first["e-0"].start == art.events[0].sentence_start


def test_segments_know_the_attribution_and_sentence_covering_them():
    segs = {s.text: s for b in render.article_blocks(_article()) for s in b.segments}
    assert segs["said"].quotes == [0] and segs["Rutte"].quotes == [0]  # speaker and cue belong to the attribution
    assert segs["attacked"].sentences == [0] and segs["Moscow"].sentences == []
    assert segs["Moscow"].quotes == []


def test_network_folds_all_but_the_busiest_counterparts():
    rows = [Counterpart(f"c{i}", f"Country {i}", "GPE", None, "out", "AID", 10 - i) for i in range(5)]
    graph = charts.network({"id": "ru", "name": "Russia", "type": "GPE"}, rows, charts.ChartSettings(network_top=3))
    nodes = {e["data"]["id"]: e["data"] for e in graph["elements"] if "source" not in e["data"]}
    assert set(nodes) == {"ru", "c0", "c1", "c2", charts.OTHERS_ID}
    assert nodes[charts.OTHERS_ID]["label"] == "+2 others" and nodes[charts.OTHERS_ID]["total"] == 7 + 6
    assert graph["counterparts"] == 3 and graph["others"] == 2 and graph["all"] == 5


def test_network_has_one_edge_per_direction_and_family_coloured_by_family():
    rows = [Counterpart("nk", "North Korea", "GPE", "PRK", "in", "AID", 2),
            Counterpart("nk", "North Korea", "GPE", "PRK", "in", "COOPERATE", 1),
            Counterpart("nk", "North Korea", "GPE", "PRK", "in", "SUPPORT", 3),
            Counterpart("u", "Ukraine", "GPE", "UKR", "out", "FIGHT", 1)]
    graph = charts.network({"id": "ru", "name": "Russia", "type": "GPE"}, rows)
    edges = {e["data"]["id"]: e["data"] for e in graph["elements"] if "source" in e["data"]}
    material = edges["nk->ru:material-cooperation"]  # PLOVER: AID and COOPERATE are material cooperation
    assert material["label"] == "AID 2, COOPERATE 1" and material["total"] == 3
    assert material["color"] == charts.FAMILY_COLORS["material-cooperation"]
    assert edges["nk->ru:verbal-cooperation"]["label"] == "SUPPORT 3"
    assert edges["ru->u:material-conflict"]["color"] == charts.FAMILY_COLORS["material-conflict"]


def test_counterparts_of_events_count_each_direction_and_skip_the_actor_itself():
    events = [{"source": "ru", "target": "u", "target_name": "Ukraine", "type": "FIGHT"},
              {"source": "ru", "target": "u", "target_name": "Ukraine", "type": "FIGHT"},
              {"source": "nk", "source_name": "North Korea", "target": "ru", "type": "AID"},
              {"source": "ru", "target": None, "type": "REJECT"},
              {"source": "ru", "target": "ru2", "type": "CONSULT"}]
    rows = charts.counterparts_of_events(events, ["ru", "ru2"], {"u": "GPE"})
    assert sorted((r.counterpart, r.direction, r.type, r.events, r.counterpart_type) for r in rows) == [
        ("nk", "in", "AID", 1, ""), ("u", "out", "FIGHT", 2, "GPE")]


def test_timeline_is_on_dates_with_a_zero_for_every_quiet_week():
    t = charts.timeline([ActivityRow("2024-11-04", "quotes_by", 2), ActivityRow(None, "events_as_source", 1),
                         ActivityRow("2024-10-21", "events_as_source", 3)], "week")
    series = {d["key"]: d["data"] for d in t["datasets"]}
    assert series["events_as_source"] == [{"x": "2024-10-21", "y": 3}, {"x": "2024-10-28", "y": 0},
                                          {"x": "2024-11-04", "y": 0}]
    assert series["quotes_by"][-1] == {"x": "2024-11-04", "y": 2} and t["periods"] == 3
    assert t["undated"] == {"events as source": 1}


def test_years_apart_stay_years_apart_on_the_axis():
    t = charts.timeline([ActivityRow("1945-01-01", "quotes_by", 1), ActivityRow("2016-01-01", "quotes_by", 1)], "year")
    xs = [p["x"] for p in t["datasets"][2]["data"]]
    assert xs[0] == "1945-01-01" and xs[-1] == "2016-01-01" and len(xs) == 2016 - 1945 + 1


@pytest.mark.parametrize("first, last, by, expected", [
    ("2024-11-25", "2024-12-09", "week", ["2024-11-25", "2024-12-02", "2024-12-09"]),
    ("2024-11-01", "2025-02-01", "month", ["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]),
    ("2024-02-28", "2024-03-01", "day", ["2024-02-28", "2024-02-29", "2024-03-01"]),
])
def test_period_starts(first, last, by, expected):
    assert charts.period_starts(first, last, by) == expected


@pytest.mark.parametrize("first, last, expected", [
    ("2024-01-01", "2024-01-01", "week"), ("2016-01-01", "2017-01-01", "week"),
    ("2010-01-01", "2018-01-01", "month"), ("1945-01-01", "2016-01-01", "year"), (None, None, "week"),
])
def test_period_for_span(first, last, expected):
    assert charts.period_for_span(first, last) == expected


def test_relation_series_keeps_directions_apart_and_undated_aside():
    r = charts.relation_series([RelationRow("2024-11-04", "a->b", "AID", 2), RelationRow("2024-11-11", "b->a", "AID", 1),
                                RelationRow(None, "a->b", "AID", 5)], "Iran", "Russia", "week")
    data = {d["label"]: (d["direction"], d["data"]) for d in r["datasets"]}
    assert data["AID (Iran → Russia)"] == ("a->b", [{"x": "2024-11-04", "y": 2}, {"x": "2024-11-11", "y": 0}])
    assert data["AID (Russia → Iran)"][1] == [{"x": "2024-11-04", "y": 0}, {"x": "2024-11-11", "y": 1}]
    assert r["undated"] == {"AID (Iran → Russia)": 5}


@pytest.mark.parametrize("record, low", [
    ({"confidence": 0.2}, True), ({"confidence": 0.5}, False), ({"confidence": None}, False), ({}, False),
    (Event("AID", None, "a", "b", "sent", 0, 4, 0, 10, confidence=0.1), True),
    (Event("AID", None, "a", "b", "sent", 0, 4, 0, 10), False),
])
def test_low_confidence_is_below_the_threshold_and_unknown_is_not_low(record, low):
    assert render.is_low_confidence(record) is low


def test_labels_sum_over_outlets_most_used_first():
    rows = [{"label": "president", "outlet": "a.com", "count": 2, "first_seen": "2024-01-02", "last_seen": "2024-03-01"},
            {"label": "president", "outlet": "b.com", "count": 3, "first_seen": "2023-12-30", "last_seen": "2024-02-01"},
            {"label": "dictator", "outlet": "a.com", "count": 4, "first_seen": None, "last_seen": None}]
    top = render.label_summary(rows)
    assert [(x["label"], x["count"], x["outlets"]) for x in top] == [("president", 5, 2), ("dictator", 4, 1)]
    assert (top[0]["first_seen"], top[0]["last_seen"]) == ("2023-12-30", "2024-03-01")


@pytest.mark.parametrize("periods, by, expected", [
    (["2024-11-18"], "week", {"min": "2024-11-11", "max": "2024-11-25"}),
    (["2024-12-01", "2025-01-01"], "month", {"min": "2024-11-01", "max": "2025-02-01"}),
    (["2016-01-01"], "year", {"min": "2015-01-01", "max": "2017-01-01"}),
    ([], "week", None),
])
def test_axis_runs_one_period_beyond_the_bars(periods, by, expected):
    assert charts.axis_bounds(periods, by) == expected
