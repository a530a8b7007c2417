"""Which actor a stance-marked group is, and when giving is aid: one phenomenon per test, on sentences written
for these tests."""
from __future__ import annotations

import pytest


def ends(events):
    """Every actor an event names, as source or target."""
    return {a for _, s, t, _ in events for a in (s, t) if a}


# ---------------------------------------------------------------- pro-X / anti-X: a stance, not X

@pytest.mark.parametrize("text, stance_of", [
    ("Police detained dozens of anti-Israel activists.", "Israel"),
    ("Police dispersed anti-Maduro demonstrators with water cannon.", "Maduro"),
    ("Chile condemned the attack by pro-Russian militias.", "Russia"),
    ("Armenia accused pro-Turkish gunmen of the ambush.", "Türkiye"),
])
def test_stance_prefixed_group_is_not_the_actor_it_favours(code, text, stance_of):
    assert not any(stance_of in a for a in ends(code(text))), code(text)


def test_plain_demonym_still_names_the_actor(code):
    assert ("ACCUSE", "Chile", "Russia", "asserted") in code("Chile condemned Russian troops.")


# ---------------------------------------------------------------- giving is aid when something material goes

@pytest.mark.parametrize("text", [
    "North Korea keeps sending balloons over the border.",
    "The Commission handed out its first fines under the law.",
    "The fall of the city gives the rebels control over the region.",
])
def test_giving_nothing_material_to_no_one_is_no_aid(code, text):
    assert not [e for e in code(text) if e[0] == "AID"], code(text)


@pytest.mark.parametrize("text", [
    "Japan sent 200 tonnes of food.",
    "Germany delivered tanks last week.",
    "Norway gave $20 million.",
    "The weapons were delivered by Germany.",
])
def test_giving_aid_money_or_arms_is_aid(code, text):
    assert [e for e in code(text) if e[0] == "AID"], code(text)


def test_giving_to_a_named_recipient_is_aid(code):
    assert ("AID", "Japan", "Sudan", "asserted") in code("Japan sent forty trucks to Sudan.")


def test_a_verb_the_lemmatizer_strips_to_another_verb_still_finds_its_trigger(code):
    # spaCy's rule lemmatizer gives "fin" (a dictionary verb) for "fined"
    events = code("The European Commission fined Lindoria's national airline on Monday.")
    assert ("SANCTION", "European Commission") in {(ty, s) for ty, s, _, _ in events}


# ---------------------------------------------------------------- committing a deed is no commitment

@pytest.mark.parametrize("text", [
    "The militia committed atrocities in the province.",
    "Chile condemned the crimes committed by the militia.",
])
def test_committing_a_deed_is_no_agreement(code, text):
    assert not [e for e in code(text) if e[0] == "AGREE"], code(text)


@pytest.mark.parametrize("text", [
    "Peru committed to a ceasefire with Chile.",
    "Japan committed to pay five million dollars to Kenya.",
])
def test_committing_to_something_is_an_agreement(code, text):
    assert [e for e in code(text) if e[0] == "AGREE"], code(text)


# ---------------------------------------------------------------- condemning a deed accuses its doer

@pytest.mark.parametrize("text, doer", [
    ("Chile condemned the atrocities committed by the Houthis.", "Houthis"),
    ("Kenya condemned the attacks carried out by al-Shabaab.", "al-Shabaab"),
    ("Peru denounced the killings perpetrated by Hamas.", "Hamas"),
])
def test_condemning_a_deed_accuses_its_doer(code, text, doer):
    events = code(text)
    assert any(e[0] == "ACCUSE" and doer in (e[2] or "") for e in events), events


# ---------------------------------------------------------------- what is exchanged decides the type

@pytest.mark.parametrize("text, etype", [
    ("Pakistan and India exchanged fire along the border.", "FIGHT"),
    ("Thailand and Cambodia exchanged artillery fire on Monday.", "FIGHT"),
    ("Armenia and Azerbaijan exchanged accusations over the shelling.", "ACCUSE"),
    ("China and Japan exchanged views on trade.", "CONSULT"),
])
def test_what_is_exchanged_decides_the_type(code, text, etype):
    events = code(text)
    assert {e[0] for e in events if e[1] and e[2]} == {etype}, events
    assert not [e for e in events if e[0] == "COOPERATE"], events


def test_exchanging_goods_is_cooperation(code):
    assert {e[0] for e in code("Kenya and Uganda exchanged goods worth $1 billion.")} == {"COOPERATE"}


# ---------------------------------------------------------------- an act argued against is not done

@pytest.mark.parametrize("text, etype", [
    ("France warned against attacking Iran.", "ASSAULT"),
    ("Germany cautioned against cutting ties with China.", "SANCTION"),
    ("Spain voted against imposing tariffs on China.", "SANCTION"),
    ("Italy warned against scrapping the nuclear agreement with Iran.", "SANCTION"),
])
def test_an_act_argued_against_is_no_event(code, text, etype):
    assert not [e for e in code(text) if e[0] == etype], code(text)


def test_an_act_done_is_still_an_event(code):
    assert ("SANCTION", "Spain", "China", "asserted") in code("Spain imposed tariffs on China.")


# ---------------------------------------------------------------- a particle makes another verb; an amount is committed

def test_turning_something_over_to_someone_is_no_request(code):
    events = code("Peru was granted immunity for turning over to Chile the laptop it used.")
    assert not [e for e in events if e[0] == "REQUEST"], events


def test_committing_an_amount_is_an_agreement(code):
    assert [e for e in code("Peru has committed $5 million.") if e[0] == "AGREE"]


def test_support_enjoyed_from_someone_is_theirs(code):
    assert ("SUPPORT", "Mexico", "Peru", "asserted") in code("Peru enjoyed strong support from Mexico.")


# ---------------------------------------------------------------- a reporter's question is no request

@pytest.mark.parametrize("text", [
    "Canada said it was watching the talks closely, when asked whether Ottawa would join sanctions on Iran.",
    "Asked about the clash with India, Pakistan's foreign ministry said the army had acted in self-defence.",
    "When questioned about Turkey's drone sales, Greece declined to comment.",
])
def test_a_bare_asked_clause_is_no_request(code, text):
    assert not [e for e in code(text) if e[0] == "REQUEST"], code(text)


@pytest.mark.parametrize("text, source", [
    ("Japan asked China to release the fishermen.", "Japan"),
    ("When Tokyo asked China to release the fishermen, Beijing refused.", "Japan"),
])
def test_asking_by_a_named_asker_stays_a_request(code, text, source):
    assert any(e[0] == "REQUEST" and source in (e[1] or "") for e in code(text)), code(text)
