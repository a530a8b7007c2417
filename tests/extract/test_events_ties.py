"""Ended ties (extract/events/ended_ties.py): breaking off, suspending or leaving a cooperative tie is a SANCTION
on the partner, and the tie is no event of its own. One phenomenon per test, on sentences written for these tests."""
from __future__ import annotations

import pytest

#: types a tie noun would code if it were read as an act of its own ("ties" COOPERATE, "aid" AID, "talks" CONSULT)
_TIE_TYPES = {"COOPERATE", "AGREE", "AID", "CONSULT", "SUPPORT"}


@pytest.mark.parametrize("text, source, target", [
    ("Nicaragua severed diplomatic relations with Taiwan.", "Nicaragua", "Taiwan"),
    ("Vietnam froze its cooperation with Cambodia.", "Vietnam", "Cambodia"),
    ("Guatemala terminated the security agreement with Honduras.", "Guatemala", "Honduras"),
    ("Washington suspended military aid to Egypt.", "United States", "Egypt"),
    ("Ecuador is severing ties with Mexico after the embassy raid.", "Ecuador", "Mexico"),
    ("Burkina Faso quit the alliance with France.", "Burkina Faso", "France"),
])
def test_ending_a_tie_is_a_sanction_on_the_partner(code, text, source, target):
    assert ("SANCTION", source, target, "asserted") in code(text), code(text)


@pytest.mark.parametrize("text", [
    "Nicaragua severed diplomatic relations with Taiwan.",
    "Vietnam froze its cooperation with Cambodia.",
    "Guatemala terminated the security agreement with Honduras.",
    "Washington suspended military aid to Egypt.",
    "Russia pulled out of the grain deal with Ukraine.",
    "Chile suspended the fisheries agreement with Peru.",
])
def test_the_ended_tie_is_no_cooperative_event(code, text):
    assert not [e for e in code(text) if e[0] in _TIE_TYPES], code(text)


def test_the_suspension_of_a_tie_is_the_possessor_s_sanction(code):
    events = code("Ghana's suspension of the trade agreement with Nigeria angered Abuja.")
    assert ("SANCTION", "Ghana", "Nigeria", "asserted") in events, events
    assert not [e for e in events if e[0] == "AGREE"], events


@pytest.mark.parametrize("text, source, body", [
    ("Mali withdrew from ECOWAS in January.", "Mali", "ECOWAS"),
    ("Brazil pulled out of the World Health Organization last year.", "Brazil", "World Health Organization"),
    ("Britain quit the European Union in 2020.", "United Kingdom", "European Union"),
])
def test_a_state_leaving_an_organization_sanctions_it(code, text, source, body):
    assert ("SANCTION", source, body, "asserted") in code(text), code(text)


@pytest.mark.parametrize("text", [
    "Russia withdrew its troops from Kherson.",
    "The army withdrew from Bakhmut on Sunday.",
])
def test_withdrawing_from_a_place_stays_a_retreat(code, text):
    assert not [e for e in code(text) if e[0] == "SANCTION"], code(text)


def test_a_person_leaving_an_organization_changes_jobs(code):
    assert not [e for e in code("The minister quit Reuters in 2020.") if e[0] == "SANCTION"]


def test_restoring_ties_is_still_cooperation(code):
    assert [e for e in code("Israel and Turkey restored diplomatic ties in 2022.") if e[0] == "COOPERATE"]


def test_an_indefinite_deal_is_made_not_ended(code):
    events = code("Morocco and Spain struck a deal on migration.")
    assert not [e for e in events if e[0] == "SANCTION"], events


@pytest.mark.parametrize("text, source, target", [
    ("Brazil, citing the attacks, cut ties with Israel.", "Brazil", "Israel"),
    ("Washington cut military aid to Egypt.", "United States", "Egypt"),
])
def test_cutting_a_tie_ends_it(code, text, source, target):
    events = code(text)
    assert ("SANCTION", source, target, "asserted") in events, events
    assert not [e for e in events if e[0] in _TIE_TYPES], events


@pytest.mark.parametrize("text", [
    "Peru cut a deal with Chile on fishing.",
    "Peru cut deals with Chile and Bolivia.",
])
def test_cutting_a_deal_makes_one(code, text):
    events = code(text)
    assert not [e for e in events if e[0] == "SANCTION"], events
    assert [e for e in events if e[0] == "AGREE"], events


def test_a_possessor_s_exclusion_of_a_member_is_a_sanction(code):
    events = code("Mercosur's exclusion of Venezuela from the bloc was upheld.")
    assert ("SANCTION", "Mercosur", "Venezuela", "asserted") in events, events
