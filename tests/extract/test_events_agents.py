"""Who did an event when the clause does not say it plainly (issue 16, arguments): an event noun as subject, a
by-agent on the noun of an of-phrase, a giver's phrase on what is received, co-subjects of a tie, the target of a
promised event noun and a mediator's light verb. Sentences written for these tests."""
from __future__ import annotations

import pytest


def pairs_of(events):
    """(source, target) of every event, whatever its type (the type is the trigger lexicon's business)."""
    return {(s, t) for _, s, t, _ in events}


# ---------------------------------------------------------------- an event noun as subject: its perpetrator

@pytest.mark.parametrize("text, wrong", [
    ("The shelling of the Albanian village by Serbian artillery destroyed two schools.", "Albania"),
    ("The attack on the Danish embassy in Beirut killed three guards.", "Denmark"),
    ("The bombing of the Libyan airport wounded eleven travellers.", "Libya"),
])
def test_event_noun_subject_is_not_its_victim(code, text, wrong):
    assert all(s != wrong for _, s, _, _ in code(text))


def test_event_noun_subject_acts_through_its_by_agent(code):
    events = code("The shelling of the Albanian village by Serbian artillery destroyed two schools.")
    assert ("Serbia", "Albania") in pairs_of(events)


def test_event_noun_subject_keeps_its_possessor(code):
    events = code("Hezbollah's drone attack on Haifa wounded a soldier.")
    assert any(s == "Hezbollah" for _, s, _, _ in events)


def test_talks_between_two_sides_as_subject_keep_both(code):
    events = code("Talks between Ecuador and Colombia produced a border agreement.")
    assert {("Ecuador", "Colombia")} <= pairs_of(events)


# ---------------------------------------------------------------- by-agent of an answered act

@pytest.mark.parametrize("text, pair", [
    ("Hungary condemned the expulsion of its diplomats by Slovakia.", ("Hungary", "Slovakia")),
    ("Pakistan condemned the arrest of its citizens by Afghan authorities.", ("Pakistan", "Afghanistan")),
])
def test_condemned_act_by_agent_is_the_target(code, text, pair):
    assert pair in {(s, t) for ty, s, t, _ in code(text) if ty == "ACCUSE"}


# ---------------------------------------------------------------- giver's phrase on what is received

@pytest.mark.parametrize("text, pair", [
    ("Mongolia received a delivery of fuel from Kazakhstan.", ("Kazakhstan", "Mongolia")),
    ("Sri Lanka received a loan from Japan in May.", ("Japan", "Sri Lanka")),
])
def test_receiver_takes_the_giver_from_the_object(code, text, pair):
    assert pair in pairs_of(code(text))


# ---------------------------------------------------------------- co-subjects of a tie

@pytest.mark.parametrize("text, pair", [
    ("Morocco and Israel restored diplomatic relations in December.", ("Morocco", "Israel")),
    ("Armenia and Turkey resumed talks on their shared border.", ("Armenia", "Türkiye")),
])
def test_co_subjects_of_a_tie_act_on_each_other(code, text, pair):
    events = code(text)
    assert pair in pairs_of(events)
    assert all(t is not None for _, _, t, _ in events)


@pytest.mark.parametrize("text", [
    "Peru and Bolivia welcomed the talks between the two Koreas.",
    "Kenya and Ghana condemned the talks.",
])
def test_co_subjects_speaking_of_a_tie_are_not_its_sides(code, text):
    assert not {("Peru", "Bolivia"), ("Kenya", "Ghana")} & pairs_of(code(text))


def test_three_co_subjects_of_a_tie_are_not_paired_by_the_tie(code):
    events = code("Chad, Mali and Niger restored relations with the bank.")
    assert not {("Chad", "Mali"), ("Chad", "Niger")} & pairs_of(events)


# ---------------------------------------------------------------- promised event nouns, mediation

@pytest.mark.parametrize("text, pair", [
    ("Norway pledged support for Moldova at the donors' conference.", ("Norway", "Moldova")),
    ("Syria promised the withdrawal of its forces from Jordan.", ("Syria", "Jordan")),
])
def test_promised_event_noun_gives_the_target(code, text, pair):
    assert pair in {(s, t) for ty, s, t, _ in code(text) if ty == "AGREE"}


def test_mediator_of_an_offered_mediation_is_the_subject(code):
    events = code("Turkey offered mediation between Sudan and South Sudan.")
    assert ("Türkiye", "Sudan") in pairs_of(events)


# ---------------------------------------------------------------- a passive act done in someone's event

@pytest.mark.parametrize("text, pair", [
    ("Five Iraqi soldiers were killed in an attack by Islamic State fighters.", ("Islamic State", "Iraq")),
    ("Two Somali police officers were wounded during an al-Shabaab raid on a checkpoint.", ("al-Shabaab", "Somalia")),
])
def test_passive_act_in_an_event_noun_takes_its_perpetrator(code, text, pair):
    assert pair in pairs_of(code(text))


def test_passive_act_in_an_event_noun_with_no_perpetrator_has_no_source(code):
    events = code("Three Kenyan soldiers were killed in an ambush on Friday.")
    assert all(s is None for _, s, _, _ in events)


@pytest.mark.parametrize("text, event", [
    ("The EU imposed a fresh package of sanctions on Belarus.", ("SANCTION", "European Union", "Belarus")),
    ("Japan announced a new round of sanctions against North Korea.", ("SANCTION", "Japan", "North Korea")),
])
def test_an_event_noun_in_a_bundle_takes_the_light_verbs_subject(code, text, event):
    """'a package of sanctions' stands for the sanctions: the verb that imposes the package lends its subject."""
    assert event in {e[:3] for e in code(text)}, code(text)
