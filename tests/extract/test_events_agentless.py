"""An agentless concession in a state's own announcement is that state's act; other agentless acts are not.
Sentences written for these tests (one phenomenon per case), run through the whole pipeline (quotes included)."""
from __future__ import annotations

import pytest


def events(analyze_text, text):
    art = analyze_text(text, "2025-02-10")
    name = {a.id: a.name for a in art.actors}
    return {(e.type, name.get(e.source), name.get(e.target)) for e in art.events}


@pytest.mark.parametrize("text, expected", [
    # a government's spokesman announces its decision in the passive
    ("Sanctions on Belarus will be eased next month, Lithuanian Foreign Minister Kestutis Budrys said.",
     ("CONCEDE", "Lithuania", "Belarus")),
    # the state itself speaks
    ("Iran said the restrictions on Armenia would be lifted.", ("CONCEDE", "Iran", "Armenia")),
])
def test_agentless_concession_is_the_announcing_state(analyze_text, text, expected):
    assert expected in events(analyze_text, text)


@pytest.mark.parametrize("text, etype, wrong_source", [
    # an agentless attack reported by a ministry is not the ministry's state's attack
    ("Two soldiers from Armenia were killed in the border village, Armenia's defence ministry said.",
     "ASSAULT", "Armenia"),
    # a by-agent names who conceded: no guess from the speaker
    ("The sanctions on Belarus were eased by Poland, a Lithuanian official said.", "CONCEDE", "Lithuania"),
])
def test_other_agentless_acts_keep_no_speaker_agent(analyze_text, text, etype, wrong_source):
    assert not [e for e in events(analyze_text, text) if e[0] == etype and e[1] == wrong_source]
