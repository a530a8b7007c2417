"""Trigger coverage (issue 16): phrasal verbs, "verb preposition noun" idioms and event nouns that name the same
acts as the lexicon's single words, each with a sentence where it is no event. Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.extract.events.triggers import cameo_lexicon, lookup


def _types(code, text: str) -> set[str]:
    return {t for t, *_ in code(text)}


@pytest.mark.parametrize("text, etype", [
    ("Belarusian police took eleven students into custody in Grodno.", "COERCE"),        # verb prep noun idiom
    ("Kenyan police rounded up dozens of Somali refugees in Eastleigh.", "COERCE"),     # phrasal verb, people
    ("Thousands of Armenians took to the streets of Yerevan on Sunday.", "PROTEST"),   # verb prep noun idiom
    ("Hungary turned down the Ukrainian request for transit.", "REJECT"),               # phrasal verb
    ("Colombian prosecutors filed charges against the former senator.", "ACCUSE"),     # light verb + noun
    ("The Sudanese army pounded RSF positions near Khartoum with artillery.", "FIGHT"),  # armed force, weapon
    ("Syrian air defences shot down an Israeli drone over Quneitra.", "FIGHT"),
    ("Ethiopian federal troops recaptured the town of Weldiya from Tigrayan forces.", "FIGHT"),
    ("Chad and Sudan signed a memorandum of understanding on border security.", "AGREE"),
    ("Egypt and Turkey restored diplomatic relations after a decade.", "COOPERATE"),
    ("A gunbattle between Armenian and Azerbaijani troops erupted near Sotk.", "FIGHT"),
    ("Russia handed a long prison sentence to the Estonian journalist.", "COERCE"),
])
def test_an_idiom_or_event_noun_codes_its_event(code, text, etype):
    assert etype in _types(code, text)


@pytest.mark.parametrize("text, etype", [
    ("The senator took the train from Boston to Chicago.", "PROTEST"),                 # "take to" alone is nothing
    ("Biden critics quickly shot down the senator's idea.", "FIGHT"),                  # figurative: no gunfire
    ("The campaign pounded the airwaves with ads in Ohio.", "FIGHT"),                 # no armed actor, no weapon
    ("Police told the Tulsa man to drop the gun.", "FIGHT"),        # laying a weapon down
])
def test_the_same_words_without_the_act_code_no_such_event(code, text, etype):
    assert etype not in _types(code, text)


def test_a_court_striking_down_a_law_is_no_gunfire(code):
    types = _types(code, "Poland's constitutional tribunal struck down the abortion law of Poland.")
    assert "FIGHT" not in types and "ASSAULT" not in types


@pytest.mark.parametrize("text, i, etype", [
    ("Police took the two men into custody.", 1, "COERCE"),
    ("Farmers took to the streets.", 1, "PROTEST"),
])
def test_three_word_idioms_are_read_on_the_verb(nlp, text, i, etype):
    trig = lookup(nlp(text)[i])
    assert trig is not None and trig.type == etype and trig.origin == "lexicon"


def test_laying_a_weapon_down_is_not_in_the_dictionary_list():
    cameo = cameo_lexicon()
    assert ("drop gun", "VERB") not in cameo and ("drop bomb", "VERB") in cameo


@pytest.mark.parametrize("text, etype, other", [
    ("Kenyan opposition supporters staged a protest outside parliament in Nairobi.", "PROTEST", "ACCUSE"),  # a demonstration
    ("Manila lodged a protest with Beijing over the water cannon incident.", "ACCUSE", "PROTEST"),  # a complaint
    ("Vietnam delivered a formal protest to China over the island dispute.", "ACCUSE", "PROTEST"),
    ("Thousands of Georgians joined the protest against the government in Tbilisi.", "PROTEST", "ACCUSE"),
])
def test_a_staged_or_joined_protest_is_a_demonstration_a_lodged_one_a_complaint(code, text, etype, other):
    types = _types(code, text)
    assert etype in types and other not in types


def test_a_lodged_protest_keeps_the_noun_s_recipient(code):
    assert ("ACCUSE", "Philippines", "China") in {(t, s, g) for t, s, g, _ in
                                                 code("Manila lodged a protest with Beijing over the incident.")}


def test_a_light_verb_yields_to_the_event_inside_a_package(code):
    types = _types(code, "Australia imposed a new package of sanctions on Iran on Friday.")
    assert "SANCTION" in types and "COERCE" not in types


@pytest.mark.parametrize("text, kept", [
    ("Senator Ted Cruz attacked Nancy Pelosi for her support of military aid to Kyiv.", "ACCUSE"),  # grounds
    ("Malian soldiers attacked the convoy for hours with mortars.", "FIGHT"),  # a time phrase, armed actors
])
def test_the_grounds_of_an_attack_give_it_no_material_reading(code, text, kept):
    types = _types(code, text)
    assert kept in types and ({"ASSAULT", "FIGHT"} - {kept}).isdisjoint(types)


@pytest.mark.parametrize("text, event, not_aid", [
    ("Pyongyang sent a stern warning to Tokyo over the drills.", "THREATEN", True),   # the warning is the act
    ("Ukraine sent a formal request to Sweden for fighter jets.", "REQUEST", True),
    ("Norway sent emergency aid to Turkey after the floods.", "AID", False),          # aid sent stays aid
])
def test_sending_an_event_noun_is_that_event_not_aid(code, text, event, not_aid):
    types = _types(code, text)
    assert event in types and (("AID" not in types) if not_aid else True)


@pytest.mark.parametrize("text, etype", [
    ("The Kremlin brushed off the latest Western proposal.", "REJECT"),
    ("Armenia and Azerbaijan swapped 32 prisoners on the border.", "RETREAT"),
    ("Ottawa slapped a travel ban on three Iranian officials.", "SANCTION"),
])
def test_more_phrasal_verbs_and_nouns(code, text, etype):
    assert etype in _types(code, text)


# ---------------------------------------------------------------- round 5: riots, flag burning, coups, blacklists, meals

@pytest.mark.parametrize("text, etype", [
    ("Rioters threw stones and bottles at the Bolivian police in Cochabamba.", "PROTEST"),   # a riot (PLOVER 3.12)
    ("Crowds in Karachi burned the Danish flag outside the consulate.", "PROTEST"),          # flag burning (CAMEO 141)
    ("Guinean soldiers ousted President Conde in a coup.", "COERCE"),                         # armed subject
    ("Rebel fighters toppled the Chadian government in a week.", "FIGHT"),
    ("The United States blacklisted several Iranian shipping firms.", "SANCTION"),
    ("ECOWAS excluded Niger from its regional summit.", "SANCTION"),                        # exclude from, two actors
    ("Angela Merkel had lunch with Vladimir Putin in Sochi.", "CONSULT"),                     # a meal with someone
])
def test_a_round_five_family_codes_its_event(code, text, etype):
    assert etype in _types(code, text)


@pytest.mark.parametrize("text, etype", [
    ("Voters in Ohio ousted the Republican incumbent.", "COERCE"),                  # no armed actor: an election
    ("The expenses scandal toppled the Labour minister.", "FIGHT"),
    ("The survey excluded respondents from the capital.", "SANCTION"),              # no two actors
    ("Trump had lunch at his golf club in New Jersey.", "CONSULT"),                  # a meal with no one named
])
def test_a_round_five_family_without_the_act_codes_no_such_event(code, text, etype):
    assert etype not in _types(code, text)


@pytest.mark.parametrize("text, etype", [
    ("The Chinese army held military drills near the Vietnamese border.", "MOBILIZE"),       # one side's drills
    ("Pyongyang carried out another nuclear test in September.", "MOBILIZE"),               # weapons readiness
    ("Moscow annexed the Abkhazian coast of Georgia.", "COERCE"),
    ("Bahrain and Qatar normalised relations in 2023.", "COOPERATE"),
    ("Israeli jets downed a Syrian helicopter over the Golan.", "FIGHT"),                   # armed subject
    ("Iran launched dozens of drones at Israel in April.", "FIGHT"),                        # through a bundle noun
])
def test_drills_tests_annexation_and_bundled_fire_code_their_event(code, text, etype):
    assert etype in _types(code, text)


@pytest.mark.parametrize("text, etype", [
    ("Dockers in Antwerp downed tools over pay.", "FIGHT"),                               # no armed reading
    ("The firm ran a fire drill at its office in Leeds.", "MOBILIZE"),
    ("The campaign launched a barrage of attack ads against Romney.", "FIGHT"),           # no weapon in the bundle
    ("The tribunal will try ousted President Bazoum next month.", "COERCE"),              # a participle of a title
])
def test_the_same_words_without_the_act_code_nothing_of_it(code, text, etype):
    assert etype not in _types(code, text)


def test_a_title_participle_is_no_event_but_the_verb_is(code):
    assert "COERCE" in _types(code, "Malian soldiers have ousted President Keita.")


# ---------------------------------------------------------------- envoys, visitors and fire (CAMEO patterns the own verbs shadowed)

@pytest.mark.parametrize("text, etype", [
    ("Mali withdrew its ambassador from Algeria last week.", "SANCTION"),                 # CAMEO 161, as "recall"
    ("Erdogan received the Iraqi prime minister in Ankara on Tuesday.", "CONSULT"),       # a host receiving a visitor
    ("The Vatican sent an envoy to Kyiv in June.", "CONSULT"),                           # CAMEO 04
    ("Thai and Cambodian soldiers traded fire along the disputed border.", "FIGHT"),     # as "exchange fire"
    ("Serbia and Kosovo traded accusations over the attack.", "ACCUSE"),
])
def test_envoys_visitors_and_fire_code_their_event(code, text, etype):
    assert etype in _types(code, text)


@pytest.mark.parametrize("text, etype", [
    ("Erdogan received the Iraqi prime minister in Ankara on Tuesday.", "AID"),          # no aid received
    ("Poland received 40 tanks from South Korea.", "CONSULT"),                           # things received: aid
    ("The governor received 38 percent support, Senator Ortiz 12 percent.", "CONSULT"),  # a list of results
])
def test_what_is_received_decides_visit_or_aid(code, text, etype):
    assert etype not in _types(code, text)


# ---------------------------------------------------------------- retorts, takeovers, blocking, martial law

@pytest.mark.parametrize("text, etype", [
    ("Ukraine hit back at Russia with drones on Sunday.", "FIGHT"),                     # a weapon: armed force
    ("Warren hit back at Bloomberg over his record in New York.", "ACCUSE"),            # a person's retort ("back" parsed as an adverb)
    ("Islamic State fighters took over Mosul in June 2014.", "COERCE"),                # armed subject
    ("Poland blocked the EU's new migration pact in Brussels.", "REJECT"),              # blocking a decision
    ("Greek farmers blocked roads with tractors across Thessaly.", "PROTEST"),          # blocking a road
    ("Yoon Suk Yeol declared martial law in South Korea.", "COERCE"),
])
def test_retorts_takeovers_blocking_and_martial_law(code, text, etype):
    assert etype in _types(code, text)


@pytest.mark.parametrize("text, etype", [
    ("Warren hit back at Bloomberg over his record in New York.", "FIGHT"),
    ("The billionaire took over the newspaper in 2013.", "COERCE"),                      # no armed reading
    ("Poland blocked the EU's new migration pact in Brussels.", "PROTEST"),
])
def test_the_verbal_or_civil_reading_is_no_material_conflict(code, text, etype):
    assert etype not in _types(code, text)


@pytest.mark.parametrize("text, listed", [
    ("Australia designated the Wagner Group a terrorist organisation.", True),            # listed as a terrorist group
    ("New Zealand listed the Proud Boys as a terrorist entity in 2022.", True),
    ("Britain proscribed Hezbollah as a terror group.", True),
    ("The senator designated his chief of staff as campaign manager.", False),             # no terror word
    ("Trump listed the dangers of terrorism in his speech in Ohio.", False),              # terrorism is no listing
])
def test_listing_someone_as_a_terrorist_group_is_a_sanction(code, text, listed):
    assert ("SANCTION" in _types(code, text)) is listed
