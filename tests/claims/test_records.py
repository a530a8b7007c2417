"""A claim's record: canonical wording, speakers, first seen, spread, wordings, attribution changes."""
from __future__ import annotations

import pytest

from newsgraph.claims import claim_record, claim_records, wording_diff

from .conftest import make_quote

CORE = "the dam will be finished before the rainy season"


@pytest.fixture
def members():
    return [
        make_quote(f"{CORE}, the minister said", 1, date="2024-04-02", outlet="daily.example"),
        make_quote(CORE, 2, date="2024-04-01", outlet="wire.example"),
        make_quote(CORE, 3, date="2024-04-03", outlet="weekly.example"),
        make_quote("officials said the dam would be finished before the rains", 4, date="2024-04-03",
                   outlet="radio.example", speaker=None, speaker_text="officials"),
        make_quote(CORE, 5, date="2024-04-04", outlet="tabloid.example", speaker=None),
        make_quote(CORE, 6, date="2024-04-05", outlet="rival.example", speaker="actor:opposition", group="ABC"),
        make_quote(CORE, 7, date="2024-04-05", outlet="wire.example"),
    ]


def test_canonical_wording_is_the_most_repeated_core(members):
    assert claim_record("c1", members).canonical == CORE


def test_first_seen_is_the_earliest_report(members):
    first = claim_record("c1", members).first_seen
    assert (first.date, first.outlet, first.article_id) == ("2024-04-01", "wire.example", "a002")


def test_spread_lists_each_outlet_once_by_date_then_name(members):
    record = claim_record("c1", members)
    assert [s.outlet for s in record.spread] == ["wire.example", "daily.example", "radio.example", "weekly.example",
                                                 "tabloid.example", "rival.example"]
    assert record.outlets == 6 and record.quotes == 7


def test_main_speaker_and_attribution_changes(members):
    record = claim_record("c1", members)
    assert record.speaker == "actor:minister"
    changes = {c.outlet: c.change for c in record.attribution_changes}
    assert changes == {"radio.example": "anonymous", "tabloid.example": "dropped", "rival.example": "changed"}


def test_wordings_side_by_side(members):
    record = claim_record("c1", members)
    assert record.wordings[0].text == CORE and record.wordings[0].count == 5
    assert len(record.wordings) == 3


def test_records_of_many_claims_most_outlets_first(members):
    other = make_quote("the bridge will reopen in June", 9, outlet="local.example")
    claims = {q.quote_id: "c1" for q in members} | {other.quote_id: "c2"}
    records = claim_records([*members, other], claims)
    assert [r.claim_id for r in records] == ["c1", "c2"]
    assert [r.claim_id for r in claim_records([*members, other], claims, min_outlets=2)] == ["c1"]


def test_a_claim_without_members_is_an_error():
    with pytest.raises(ValueError, match="no member quotes"):
        claim_record("c1", [])


def test_wording_diff_marks_words_only_in_one():
    assert wording_diff("troops were sent to the border", "soldiers were sent to the border") == [
        ("delete", "troops"), ("insert", "soldiers"), ("equal", "were sent to the border")]
