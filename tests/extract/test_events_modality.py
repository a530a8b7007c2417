"""Event modality and attribution on real-news phrasings: one phenomenon per test, on sentences written for
these tests."""
from __future__ import annotations

import pytest


def modalities(events, etype):
    return {m for ty, _, _, m in events if ty == etype}


# ---------------------------------------------------------------- a speech act the writer narrates

@pytest.mark.parametrize("text, etype", [
    ("Chile accused Peru of breaking the border treaty, saying Lima had moved troops.", "ACCUSE"),
    ("Ghana criticised Togo on Monday, adding that the border must stay open.", "ACCUSE"),
    ("Chile declined to comment on the dispute, indicating the matter was closed.", "REJECT"),
])
def test_trailing_participle_of_saying_leaves_the_act_asserted(code, text, etype):
    assert modalities(code(text), etype) == {"asserted"}, code(text)


def test_trailing_speech_verb_with_its_own_subject_still_reports(code):
    assert modalities(code("Chile attacked Peru, officials said."), "ASSAULT") == {"reported"}


def test_content_of_a_trailing_participle_is_reported(code):
    ev = code("Chile accused Peru of breaking the treaty, saying Lima had attacked Bolivia.")
    assert ("ASSAULT", "Peru", "Bolivia", "reported") in ev, ev


# ---------------------------------------------------------------- the scope of "according to"

def test_according_to_inside_a_complement_leaves_the_warning_asserted(code):
    ev = code("Chile warned that, according to its data, Peru supports armed groups.")
    assert modalities(ev, "THREATEN") == {"asserted"}, ev
    assert modalities(ev, "SUPPORT") == {"reported"}, ev


@pytest.mark.parametrize("text", [
    "According to Reuters, Chile attacked Peru.",
    "Chile attacked Peru, according to the ministry.",
])
def test_according_to_its_own_clause_reports_the_act(code, text):
    assert modalities(code(text), "ASSAULT") == {"reported"}, code(text)


# ---------------------------------------------------------------- what a promise holds out

@pytest.mark.parametrize("text, etype", [
    ("Japan pledged aid to Sudan.", "AID"),
    ("Japan offered Sudan a loan.", "AID"),
    ("Japan offered talks to Sudan.", "CONSULT"),
    ("Japan promised an investigation into the shooting.", "INVESTIGATE"),
])
def test_promised_act_is_future(code, text, etype):
    assert modalities(code(text), etype) == {"future"}, code(text)


def test_the_promise_itself_is_done(code):
    assert ("AGREE", "Japan", "Sudan", "asserted") in code("Japan pledged aid to Sudan.")


@pytest.mark.parametrize("text, etype", [
    ("Japan sent aid to Sudan.", "AID"),                     # given, not promised
    ("Japan pledged support for Sudan.", "SUPPORT"),          # verbal support is done by saying it
])
def test_acts_not_held_out_by_a_promise_stay_asserted(code, text, etype):
    assert modalities(code(text), etype) == {"asserted"}, code(text)


# ---------------------------------------------------------------- a speaker's own act beside the saying

@pytest.mark.parametrize("text, etype", [
    ("The IMF said in a statement, praising Argentina for its reforms.", "SUPPORT"),
    ("Chile said on Monday, condemning Peru for the raid.", "ACCUSE"),
])
def test_participle_of_a_speech_verb_is_the_speakers_narrated_act(code, text, etype):
    assert modalities(code(text), etype) == {"asserted"}, code(text)


# ---------------------------------------------------------------- the infinitive of a noun of intent

@pytest.mark.parametrize("text, etype, modality", [
    ("The IMF reached an agreement to grant Argentina a loan.", "AID", "future"),
    ("Japan announced a plan to send aid to Sudan.", "AID", "future"),
    ("Japan has no plans to send troops to Sudan.", "AID", "negated"),
])
def test_infinitive_of_a_noun_of_intent_lies_ahead(code, text, etype, modality):
    assert modalities(code(text), etype) == {modality}, code(text)


def test_finite_reporting_verb_without_a_parsed_subject_still_reports(code):
    """The parser may hang a reporter on the name before it ("... led by X, state media reported"):
    a finite verb is no participle of elaboration."""
    ev = code("Chad has agreed to halt its advance on the border after a mediation effort led by Angolan President "
              "Joao Lourenco, Angolan state media reported Saturday evening.")
    assert modalities(ev, "AGREE") == {"reported"}, ev


# ---------------------------------------------------------------- an act someone is kept from

@pytest.mark.parametrize("text, event", [
    ("Russian diplomats were barred from attending the NATO summit.", ("CONSULT", "Russia", "NATO", "negated")),
    ("Turkey refrained from attacking Syria.", ("ASSAULT", "Türkiye", "Syria", "negated")),
])
def test_act_kept_from_did_not_happen(code, text, event):
    assert event in code(text), code(text)


def test_the_meeting_one_is_barred_from_still_happens(code):
    ev = code("Russian diplomats were barred from attending the NATO summit.")
    assert ("CONSULT", "NATO", None, "asserted") in ev


def test_one_kept_from_acting_is_the_actor(code):
    ev = code("Belarus banned Polish officials from visiting Lithuania.")
    assert ("CONSULT", "Poland", "Lithuania", "negated") in ev and not any(
        ty == "CONSULT" and s == "Belarus" for ty, s, _, _ in ev)


# ---------------------------------------------------------------- an act weighed, not decided

@pytest.mark.parametrize("text, etype", [
    ("Norway is considering sending aid to Malawi.", "AID"),
    ("Canada is weighing imposing sanctions on Belarus.", "SANCTION"),
    ("Japan is considering whether to send aid to Laos.", "AID"),
])
def test_an_act_under_consideration_is_possible(code, text, etype):
    assert modalities(code(text), etype) == {"possible"}, code(text)


def test_an_act_done_stays_asserted(code):
    assert modalities(code("Norway sent aid to Malawi."), "AID") == {"asserted"}


# ---------------------------------------------------------------- a polite performative (issue 16)

@pytest.mark.parametrize("text", [
    '"I would like to thank Ghana for its help," the minister said.',
    '"We wish to congratulate Ghana on the vote," the minister said.',
])
def test_polite_first_person_speech_act_is_not_future(code, text):
    ev = code(text)
    assert modalities(ev, "SUPPORT") and "future" not in modalities(ev, "SUPPORT"), ev


@pytest.mark.parametrize("text, modality", [
    ("Togo would like to thank Ghana.", "future"),                          # a wish of someone else
    ('"I would like to visit Ghana next year," the minister said.', "future"),  # not a speech act
])
def test_a_wish_that_is_no_polite_speech_act_stays_future(code, text, modality):
    ev = code(text)
    assert modality in {m for *_, m in ev}, ev


# ---------------------------------------------------------------- an "until" clause under an act not done

@pytest.mark.parametrize("text", [
    "The shelling will go on until Peru halts its border raids.",
    "Chile will not withdraw until Peru releases the detained fishermen.",
    "Chile vowed to keep fighting until Peru withdraws its troops.",
])
def test_until_clause_of_an_act_not_done_is_a_condition_not_an_event(code, text):
    ev = code(text)
    assert not [e for e in ev if e[1] == "Peru"], ev


def test_until_clause_of_a_past_act_happened(code):
    ev = code("Chile shelled Peru until Bolivia sent troops.")
    assert any(s == "Bolivia" and m == "asserted" for _, s, _, m in ev), ev
