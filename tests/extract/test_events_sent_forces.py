"""Whose forces are sent: a sending or deployment that names no sender is done by the forces' own state.
Sentences written for these tests (one phenomenon per case)."""
from __future__ import annotations

import pytest


def dyads(events, etype):
    return {(s, t) for ty, s, t, _ in events if ty == etype}


@pytest.mark.parametrize("text, etype, expected", [
    # an infinitive with no subject of its own
    ("There were talks about sending more Rwandan troops to Mozambique.", "MOBILIZE", ("Rwanda", "Mozambique")),
    # an agentless passive: the forces are what is deployed, not whom it is done to
    ("Nigerian soldiers were deployed to Gambia in January.", "MOBILIZE", ("Nigeria", "Gambia")),
    # arms sent
    ("North Korean missiles were shipped to Russia, the report said.", "AID", ("North Korea", "Russia")),
])
def test_forces_are_sent_by_their_own_state(code, text, etype, expected):
    assert expected in {d for ty in (etype, "AID", "MOBILIZE") for d in dyads(code(text), ty)}


def test_deployed_forces_are_not_the_target(code):
    found = dyads(code("Nigerian soldiers were deployed to Gambia in January."), "MOBILIZE")
    assert (None, "Nigeria") not in found


@pytest.mark.parametrize("text, wrong", [
    # people moved, not sent by their state
    ("Ukrainian refugees were sent to Ireland.", "Ukraine"),
    # the passive subject is the recipient ("granted asylum"), not what is given
    ("Syrian soldiers were granted asylum in Turkey.", "Syria"),
])
def test_other_things_sent_name_no_sender(code, text, wrong):
    assert not [e for e in code(text) if e[1] == wrong]


@pytest.mark.parametrize("text", [
    "Forty Nigerian peacekeepers were shipped out of the town on Friday.",
    "The Ghanaian soldiers were sent home after the mission ended.",
])
def test_a_removal_is_no_sending(code, text):
    assert not [e for e in code(text) if e[0] in ("AID", "MOBILIZE") and e[1] is not None]
