"""Troop movements and promised force (issue 16, triggers): an armed march on a place and forces sent somewhere are
deployments (MOBILIZE), not a street protest or aid; "hit" is armed force only with a material reading, and a vow is a
threat only when what it promises is. Sentences written for these tests."""
from __future__ import annotations

import pytest


def _types(code, text: str) -> set[str]:
    return {t for t, *_ in code(text)}


@pytest.mark.parametrize("text", [
    "Rebel fighters marched on the provincial capital of Bunia on Friday.",         # armed word as subject
    "Hundreds of mercenaries marched on Tripoli before the ceasefire.",             # armed word: mercenary
    "Armed militiamen marched towards Goma, the army said.",                        # toward(s)
    "Government troops advanced on Mekelle from the south.",                        # advance on
])
def test_an_armed_march_on_a_place_is_a_troop_movement(code, text):
    types = _types(code, text)
    assert "MOBILIZE" in types and "PROTEST" not in types


def test_unarmed_marchers_on_a_place_still_protest(code):
    types = _types(code, "Thousands of teachers marched on the parliament in Nairobi to demand back pay.")
    assert "MOBILIZE" not in types


@pytest.mark.parametrize("text", [
    "Egypt sent troops to the Libyan border last month.",
    "Ankara sent more soldiers to northern Syria.",                                 # a part of a state
    "Brazil sent hundreds of soldiers to the Venezuelan border.",                   # through a quantity noun
    "France sent two warships to the eastern Mediterranean.",
    "Lithuania moved troops to its border with Belarus.",                           # move troops
])
def test_forces_sent_somewhere_are_deployed_not_given(code, text):
    types = _types(code, text)
    assert "MOBILIZE" in types and "AID" not in types


@pytest.mark.parametrize("text, etype", [
    ("Tanzania sent troops to help Malawi fight the insurgents.", "AID"),           # a purpose of help: military aid
    ("Uruguay sent peacekeepers to Congo under a UN mandate.", "AID"),              # peacekeepers stay aid
    ("Sweden sent troops to Latvia last spring.", "AID"),                           # personnel to a state by name
    ("Spain sent medical supplies to Morocco.", "AID"),                             # no forces
    ("Paris decided to send the troops home from Niger.", "RETREAT"),               # home: a withdrawal
])
def test_what_is_sent_and_why_decide_the_type(code, text, etype):
    assert etype in _types(code, text)


@pytest.mark.parametrize("text", [
    "Pakistani jets hit militant hideouts in North Waziristan on Sunday.",          # armed subject
    "Ukrainian drones hit a fuel depot near Belgorod overnight.",                   # a literal object
])
def test_hit_with_a_material_reading_is_armed_force(code, text):
    assert "FIGHT" in _types(code, text)


@pytest.mark.parametrize("text", [
    "The hurricane hit Louisiana on Tuesday.",                                      # no actor, no armed reading
    "Higher tariffs hit Mexico hard last year.",
    "Clinton hit Sanders on his gun record during the debate.",                     # verbal
])
def test_hit_without_a_material_reading_is_no_attack(code, text):
    types = _types(code, text)
    assert "FIGHT" not in types and "ASSAULT" not in types


def test_a_vow_to_hit_targets_is_a_threat(code):
    assert "THREATEN" in _types(code, "The Houthis vowed to hit American warships in the Gulf of Aden.")


@pytest.mark.parametrize("text", [
    "The senator vowed to fight for working families in Michigan.",                 # fighting for someone
    "The governor vowed to fight Washington over the new water rules.",             # a person's fight with a state
])
def test_a_vow_of_a_figurative_fight_is_no_threat(code, text):
    types = _types(code, text)
    assert "THREATEN" not in types and "FIGHT" not in types
