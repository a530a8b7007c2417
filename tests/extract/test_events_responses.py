"""Responses and bare passive participles: whom a rejection answers, who asked the one a participle is about.
Sentences written for these tests (one phenomenon per case)."""
from __future__ import annotations

import pytest


def dyads(events, etype):
    return {(s, t) for ty, s, t, _ in events if ty == etype}


# ---------------------------------------------------------------- a response answers the earlier act's doer

@pytest.mark.parametrize("text, etype, expected", [
    # an accusation denied in the next sentence: the accuser is answered
    ("Ghana accused Togo of arming the rebels. Togo rejected the accusation.", "REJECT", ("Togo", "Ghana")),
    # a demand dismissed: the one who demanded
    ("Chile urged Bolivia to reopen the border crossing. Bolivia dismissed the demand on Friday.", "REJECT",
     ("Bolivia", "Chile")),
    # a request agreed to with no object: the asker
    ("Uruguay asked Paraguay to extradite the banker. Paraguay agreed.", "AGREE", ("Paraguay", "Uruguay")),
    # a threat brushed off
    ("Serbia threatened Kosovo with new sanctions. Kosovo rejected the threat.", "REJECT", ("Kosovo", "Serbia")),
])
def test_response_answers_the_earlier_act(code, text, etype, expected):
    assert expected in dyads(code(text), etype)


@pytest.mark.parametrize("text, etype, responder", [
    # the earlier accusation was aimed at someone else: the answer stays open
    ("Ghana accused Togo of arming the rebels. Benin rejected the accusation.", "REJECT", "Benin"),
    # two accusers of the responder in the window: no guess
    ("Ghana accused Togo of arming rebels. Niger accused Togo of hiding them. Togo rejected the accusations.",
     "REJECT", "Togo"),
    # an object that names no one's act ("the plan"): no answer looked for
    ("Chile urged Bolivia to reopen the border. Bolivia rejected the plan.", "REJECT", "Bolivia"),
    # an agreement with a content of its own is not an answer to the request
    ("Uruguay asked Paraguay to extradite the banker. Paraguay agreed to hold talks.", "AGREE", "Paraguay"),
])
def test_response_stays_open_without_one_clear_asker(code, text, etype, responder):
    assert (responder, None) in dyads(code(text), etype)


def test_response_far_after_the_act_stays_open(code):
    text = ("Ghana accused Togo of arming the rebels. The talks resumed. Trade grew. Markets rose. "
            "Togo rejected the accusation.")
    assert ("Togo", None) in dyads(code(text), "REJECT")


# ---------------------------------------------------------------- a bare passive participle

@pytest.mark.parametrize("text, etype, expected", [
    ("Asked by Brazil to release the prisoners, Venezuela refused.", "REQUEST", ("Brazil", "Venezuela")),
    ("Criticized by Germany over the vote, Hungary defended its position.", "ACCUSE", ("Germany", "Hungary")),
    ("Supported by Iran, the Houthis launched an offensive against Israel.", "SUPPORT", ("Iran", "Houthis")),
])
def test_passive_participle_acts_on_the_clause_subject(code, text, etype, expected):
    found = dyads(code(text), etype)
    assert expected in found
    assert (expected[1], None) not in found  # never the one asked as asker


def test_perfect_participle_keeps_its_subject_as_actor(code):
    assert ("Mali", None) not in dyads(code("Having attacked Mali, the Islamic State withdrew."), "ASSAULT")


# ---------------------------------------------------------------- the from-phrase of an answered act

@pytest.mark.parametrize("text, etype, expected", [
    ("Rebels in Mali dismissed an appeal from President Assimi Goita to disarm.", "REJECT",
     ("Mali", "Assimi Goita")),
    ("The government of Chad accepted demands from the Sudanese army.", "CONCEDE", ("Chad", "Sudan")),
])
def test_from_phrase_of_an_answered_act_is_the_one_answered(code, text, etype, expected):
    found = dyads(code(text), etype)
    assert any(s == expected[0] and t is not None and expected[1] in t for s, t in found), found

