"""Shaping records for the pages: article segments (displaCy-like), network elements, chart series."""
from __future__ import annotations

from newsgraph.model import Actor, Article, Block, Event, Mention, Quote
from newsgraph.query import ActivityRow, Counterpart, RelationRow
from newsgraph.web import render

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


def test_network_has_the_actor_in_the_middle_and_one_edge_per_direction():
    rows = [Counterpart("nk", "North Korea", "GPE", "PRK", "in", "AID", 2),
            Counterpart("nk", "North Korea", "GPE", "PRK", "in", "COOPERATE", 1),
            Counterpart("nk", "North Korea", "GPE", "PRK", "out", "COOPERATE", 1),
            Counterpart("u", "Ukraine", "GPE", "UKR", "out", "FIGHT", 1)]
    graph = render.network({"id": "ru", "name": "Russia", "type": "GPE"}, rows)
    nodes = [e["data"] for e in graph["elements"] if "source" not in e["data"]]
    edges = {e["data"]["id"]: e["data"] for e in graph["elements"] if "source" in e["data"]}
    assert nodes[0]["center"] == 1 and {n["id"] for n in nodes} == {"ru", "nk", "u"}
    assert edges["nk->ru"]["label"] == "AID 2, COOPERATE 1" and edges["nk->ru"]["total"] == 3
    assert edges["ru->nk"]["label"] == "COOPERATE 1" and edges["ru->u"]["label"] == "FIGHT 1"
    assert graph["counterparts"] == 2
    assert render.network({"id": "ru", "name": "Russia", "type": "GPE"}, rows, limit=1)["counterparts"] == 1


def test_timeline_and_relation_series():
    t = render.timeline([ActivityRow("2024-11-04", "quotes_by", 2), ActivityRow(None, "events_as_source", 1),
                         ActivityRow("2024-10-28", "events_as_source", 3)])
    assert t["labels"] == ["2024-10-28", "2024-11-04", "undated"]
    series = {d["key"]: d["data"] for d in t["datasets"]}
    assert series["events_as_source"] == [3, 0, 1] and series["quotes_by"] == [0, 2, 0] and series["quotes_about"] == [0, 0, 0]
    r = render.relation_series([RelationRow("2024-11-04", "a->b", "AID", 2), RelationRow("2024-11-11", "b->a", "AID", 1)],
                               "Iran", "Russia")
    assert r["labels"] == ["2024-11-04", "2024-11-11"]
    assert {d["label"]: d["data"] for d in r["datasets"]} == {"AID (Iran → Russia)": [2, 0], "AID (Russia → Iran)": [0, 1]}
