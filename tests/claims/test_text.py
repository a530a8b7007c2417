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


def test_a_verb_in_eed_keeps_one_stem_across_its_forms():
    """"succeed" is not "succe" + "-ed": its forms agree, so "succeeded" meets the antonym of "succeed"."""
    assert canonical("succeed") == canonical("succeeded") == canonical("succeeds") == canonical("succeeding")
    assert canonical("exceed") == canonical("exceeded")


def test_stemmer_undoubles_consonants():
    assert stem("dropped") == stem("dropping") == stem("drop")


@pytest.mark.parametrize("text,values", [
    ("10,000 troops", {"10000"}), ("ten thousand troops", {"10000"}), ("3 million people", {"3000000"}),
    ("two hundred and fifty", {"200", "50"}), ("twenty five", {"25"}), ("1.5 billion dollars", {"1500000000"}),
    ("on March 3, 2024 they met", set()), ("one of the officials", set()),
    # thousands grouped by a space or a dot, as translated copy writes them; decimals stay decimals
    ("10 000 troops", {"10000"}), ("10.000 troops", {"10000"}), ("2.75 percent", {"2.75"}),
    ("12 000 to 15 000 soldiers", {"12000", "15000"}), ("in 2023 300 people died", {"2023", "300"}),
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


# A derived noun keeps the near-synonym group of its verb only when it is listed itself: the troops'
# "movement" is not "moving" to a city, while a "deployment" is a sending.
@pytest.mark.parametrize("a,b,same", [("movement", "moved", False), ("deployment", "sent", True),
                                      ("negotiations", "mediated", True)])
def test_derived_nouns_join_a_synonym_group_only_when_listed(a, b, same):
    assert (canonical(a) == canonical(b)) is same


def test_no_one_negates_the_predicate():
    """'no one will prosecute them' denies the prosecution, as 'they will not be prosecuted' does."""
    f = claim_features("As for the rest of the workers, no one will prosecute them")
    assert f.polarity(canonical("prosecute")) == -1 and "one" not in f.terms


@pytest.mark.parametrize("text,frame,claim", [
    ('"The bridge will reopen in May," the mayor told reporters on Friday. "Fares will stay"', "reporter",
     {"bridg", "reopen", "far", "stay"}),
    ('"Prices will fall," Ms Okafor said. "Wages will not"', "okafor", {"pric", "fall", "wag"}),
    ('"Fares will stay," according to the city council.', "council", {"far", "stay"}),
])
def test_the_attribution_frame_inside_a_quote_is_not_the_claim(text, frame, claim):
    f = claim_features(text)
    assert frame not in f.terms and "friday" not in f.terms
    assert claim <= f.terms


def test_words_outside_the_quotation_marks_are_kept_without_a_speech_verb():
    """A partial quote's narration is part of the claim ('the ministry called the closure ...')."""
    f = claim_features('The closure of the border is a "temporary security measure" for two weeks')
    assert {"closur", "border", "week"} <= f.terms


def test_a_long_stretch_with_a_speech_verb_is_no_frame():
    f = claim_features('The ministry said the talks with the unions about pensions and wages will go on '
                       'next week, calling them "constructive"')
    assert {"pension", "wag", "union"} <= f.terms


def test_a_partial_quote_keeps_its_quoted_fragment():
    f = claim_features('The premier called the strike an "unlawful political act" on Monday')
    assert f.fragments == (frozenset({"lawful", "political", "act"}),)  # "unlawful": "lawful", negated
    assert f.negated == {"lawful"}
    assert f.clauses == ()
    assert claim_features('"This is an unlawful political act," the premier said').fragments == ()


@pytest.mark.parametrize("text,name,slot", [
    ("talks led by Belarusian President Lukashenko", "Lukashenko", "by"),
    ("a deal brokered by the mercenary leader Prigozhin", "Prigozhin", "mercenary"),
    ("in agreement with Russian President Vladimir Putin", "Vladimir", "with"),
    ("the aid was sent to Chad", "Chad", "to"),
])
def test_the_slot_of_a_name_skips_its_title_and_capitalised_modifiers(text, name, slot):
    assert entity_slot(text, text.index(name)) == slot


@pytest.mark.parametrize("text,embedded", [
    ("The mayor's word is the guarantee that the harbour bridge will reopen", {"harbour", "bridg", "reopen"}),
    ("The guarantee of the bridge's reopening is the mayor's word", {"bridg", "reopen"}),
    ("Asked what guarantee there is that the harbour bridge will reopen, he said: the mayor's word",
     {"harbour", "bridg", "reopen"}),
    ("The ministry dismissed reports that troops were sent to the border", {"troop", "send", "border"}),
    ("The fact that the bridge will reopen pleased the mayor", set()),  # factive: asserts what follows
])
def test_the_complement_of_a_noun_of_proposition_is_embedded(text, embedded):
    assert claim_features(text).embedded == embedded


@pytest.mark.parametrize("text,n", [
    ("The rebels turned around and returned to their bases before dawn", 0),  # one subject, two verbs: one act
    ("The ministry raised the fee and cut the subsidy for small farms", 0),
    ("The fee will be raised and the subsidy for small farms will be cut", 2),  # a new subject after "and"
    ("The fee will be raised and it will stay in force until June", 2),
    ("The fee will be raised, but Parliament must still approve it", 2),
])
def test_and_begins_a_clause_only_before_a_new_subject(text, n):
    """A quote is compared clause by clause when it reports several claims; "and" before a second verb of
    the same subject joins two parts of one claim, before a subject of its own it begins another."""
    assert len(claim_features(text).clauses) == n
