"""Whom a threat threatens when it names no recipient: the one its if/unless condition asks to act.
Sentences written for these tests (one phenomenon per case)."""
from __future__ import annotations

import pytest


def dyads(events, etype):
    return {(s, t) for ty, s, t, _ in events if ty == etype}


@pytest.mark.parametrize("text, expected", [
    # the threatened act's own unless-clause (infinitive)
    ("Algeria threatened to cut gas supplies unless Spain changed its position.", ("Algeria", "Spain")),
    # the threatened act in a that-clause whose subject is the threatener itself
    ("Ghana warned it would close the border unless Togo arrested the smugglers.", ("Ghana", "Togo")),
    # an if-clause of the threatening verb
    ("Russia warned it would respond if NATO deployed troops in Finland.", ("Russia", "NATO")),
])
def test_threat_condition_names_the_threatened(code, text, expected):
    assert expected in dyads(code(text), "THREATEN")


@pytest.mark.parametrize("text, warner, other", [
    # a prediction about someone else's act is no threat made to the one in the condition
    ("Peru warned that prices would rise if Chile closed the port.", "Peru", "Chile"),
    ("Kenya warned that Somalia would suffer if Ethiopia withdrew its troops.", "Kenya", "Ethiopia"),
])
def test_prediction_condition_threatens_no_one(code, text, warner, other):
    assert (warner, other) not in dyads(code(text), "THREATEN")


def test_condition_naming_no_actor_leaves_the_threat_open(code):
    assert dyads(code("Kenya threatened to withdraw its troops if the talks failed."), "THREATEN") <= {("Kenya", None)}
