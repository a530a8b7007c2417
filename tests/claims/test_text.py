"""Claim features: what two wordings of one claim share, and the polarity and numbers that must agree."""
from __future__ import annotations

import pytest

from newsgraph.claims.text import canonical, claim_features, entity_slot, numbers_in, stem, tokens


@pytest.mark.parametrize("a,b", [("sent", "send"), ("troops", "soldiers"), ("dispatched", "deployed"),
                                 ("agreement", "agreed"), ("moving", "moves"), ("mutiny", "uprising"),
                                 ("bombing", "attacked"), ("died", "killed")])
def test_words_of_one_idea_share_a_term(a, b):
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize("a,b", [("send", "receive"), ("troops", "tanks"), ("drop", "raise")])
def test_words_of_different_ideas_do_not(a, b):
    assert canonical(a) != canonical(b)


def test_stemmer_undoubles_consonants():
    assert stem("dropped") == stem("dropping") == stem("drop")


@pytest.mark.parametrize("text,values", [
    ("10,000 troops", {"10000"}), ("ten thousand troops", {"10000"}), ("3 million people", {"3000000"}),
    ("two hundred and fifty", {"200", "50"}), ("twenty five", {"25"}), ("1.5 billion dollars", {"1500000000"}),
    ("on March 3, 2024 they met", set()), ("one of the officials", set()),
])
def test_numbers(text, values):
    assert numbers_in(tokens(text))[0] == values


def test_negation_marks_the_predicate_not_its_participants():
    f = claim_features("The army did not send troops to the border")
    assert f.negated == {"send"}
    assert f.polarity("troop") == 1 and f.polarity("send") == -1


def test_negation_passes_no_conjunction():
    f = claim_features("They did not attack but defended the town")
    assert "attack" in f.negated and "defend" not in f.negated


def test_a_term_both_negated_and_asserted_is_mixed():
    f = claim_features("Those who took part will be punished, those who did not take part will not")
    assert f.polarity("take") == 0


def test_named_actors_become_one_term_each():
    text = "Yevgenia Morozova said Belgium would send aid"
    f = claim_features(text, [("person:morozova", "PERSON", 0, 17), ("country:BEL", "GPE", 23, 30)])
    assert {"morozova", "@country:BEL"} <= f.terms
    assert "yevgenia" not in f.terms and "belgium" not in f.terms


def test_entity_slot_is_the_word_before_the_name():
    text = "aid was sent to the Congo"
    assert entity_slot(text, text.index("Congo")) == "to"
    assert entity_slot(text, 0) == ""
