"""Ended acts, promises, self-defence, requests, legal acts and relative pronouns: one phenomenon per test,
on sentences written for these tests."""
from __future__ import annotations

import pytest


def types_of(events, trigger_type):
    return [(s, t, m) for ty, s, t, m in events if ty == trigger_type]


# ---------------------------------------------------------------- ended acts

def test_halting_an_advance_on_a_country_is_a_retreat_from_it(code):
    ev = code("Serbia halted its advance on Kosovo after the talks.")
    assert ("Serbia", "Kosovo", "asserted") in types_of(ev, "RETREAT")
    assert not types_of(ev, "SANCTION")


def test_stopping_an_offensive_is_a_retreat(code):
    assert ("Ukraine", "Russia", "asserted") in types_of(code("Ukraine stopped its offensive against Russia."), "RETREAT")


def test_calling_off_a_march_on_a_city_is_a_retreat(code):
    assert [t for _, t, _ in types_of(code("The rebels called off their march on Kinshasa."), "RETREAT")] == ["DR Congo"]


def test_calling_off_a_march_aimed_at_no_one_is_no_retreat(code):
    assert not types_of(code("The students of Lima called off the march after the rain."), "RETREAT")


def test_dropping_charges_against_someone_is_a_concession(code):
    assert ("Russia", "Alexei Navalny", "asserted") in types_of(
        code("Russia dropped the charges against Alexei Navalny."), "CONCEDE")


def test_charges_to_be_dropped_are_a_future_concession_to_their_target(code):
    assert (None, "Joseph Kabila", "future") in types_of(
        code("The charges against Joseph Kabila will be dropped, Congo said."), "CONCEDE")


def test_suspending_aid_stays_a_sanction(code):
    ev = code("Niger suspended aid to Chad.")
    assert ("Niger", "Chad", "asserted") in types_of(ev, "SANCTION")
    assert not types_of(ev, "RETREAT")


def test_being_in_charge_is_no_legal_act(code):
    ev = code("Kenya's president is in charge of the army.")
    assert not types_of(ev, "ACCUSE") and not types_of(ev, "CONCEDE")


# lifting a restriction eases it for whom it was on (CAMEO 081, 0871); the restriction is no new act

@pytest.mark.parametrize("text", [
    "Peru lifted its sanctions on Chile.",
    "Peru eased the restrictions on Chile.",
    "Peru lifted a visa ban imposed on Chilean citizens.",
    "Peru scrapped its tariffs on Chile.",
    "The sanctions on Chile were lifted by Peru.",
])
def test_lifting_a_restriction_concedes_to_whom_it_was_on(code, text):
    ev = code(text)
    assert types_of(ev, "CONCEDE") == [("Peru", "Chile", "asserted")], ev


@pytest.mark.parametrize("text", [
    "Peru lifted its sanctions on Chile.",
    "Peru lifted the curfew in Lima.",
    "Peru scrapped its tariffs on Chile.",
])
def test_a_lifted_restriction_is_not_imposed(code, text):
    ev = code(text)
    assert not [e for e in ev if e[0] in ("SANCTION", "COERCE")], ev


def test_imposing_a_restriction_stays_a_sanction(code):
    assert ("Peru", "Chile", "asserted") in types_of(code("Peru imposed new sanctions on Chile."), "SANCTION")


def test_refusing_to_lift_a_restriction_rejects_whom_it_is_on(code):
    assert types_of(code("Peru refused to lift its sanctions on Chile."), "REJECT") == [("Peru", "Chile", "asserted")]


# a response to someone's proposal or demand is aimed at whoever made it, named in a by-phrase

@pytest.mark.parametrize("text, etype", [
    ("Peru rejected a request by Chile for talks.", "REJECT"),
    ("Peru rejected renewed calls by Chile for compensation.", "REJECT"),
    ("Peru accepted the demands by Chile.", "CONCEDE"),
])
def test_the_by_phrase_of_a_rejected_or_accepted_proposal_is_the_target(code, text, etype):
    ev = code(text)
    assert ("Peru", "Chile") in {(s, t) for s, t, _ in types_of(ev, etype)}, ev


@pytest.mark.parametrize("text", [
    "Peru rejected the plan drafted by Chile.",
    "Peru rejected the resolution put forward by Chile.",
])
def test_the_agent_of_a_participle_on_a_rejected_proposal_is_the_target(code, text):
    assert types_of(code(text), "REJECT") == [("Peru", "Chile", "asserted")], code(text)


# ---------------------------------------------------------------- legal acts

def test_opening_a_criminal_case_against_someone_accuses_them(code):
    assert ("Russia", "Alexei Navalny", "asserted") in types_of(
        code("Russia opened a criminal case against Alexei Navalny."), "ACCUSE")


def test_an_arrest_warrant_for_someone_coerces_them(code):
    assert [t for _, t, _ in types_of(code("A court in Kenya issued an arrest warrant for William Ruto."), "COERCE")] \
        == ["William Ruto"]


# ---------------------------------------------------------------- promises and threats

def test_a_vow_to_attack_is_a_threat(code):
    ev = code("Nigeria vowed to attack the rebels of Mali.")
    assert ("Nigeria", "Mali", "asserted") in types_of(ev, "THREATEN")
    assert not types_of(ev, "AGREE")


def test_a_vow_to_impose_sanctions_is_a_threat(code):
    assert ("Iran", "Israel", "asserted") in types_of(code("Iran vowed to impose sanctions on Israel."), "THREATEN")


def test_a_pledge_of_aid_stays_an_agreement(code):
    ev = code("Kenya pledged to send aid to Haiti.")
    assert ("Kenya", "Haiti", "asserted") in types_of(ev, "AGREE")
    assert not types_of(ev, "THREATEN")


# ---------------------------------------------------------------- self-defence

def test_defending_itself_against_a_country_warns_it(code):
    ev = code("Kenya said it would defend itself against Somalia.")
    assert ("Kenya", "Somalia", "future") in types_of(ev, "THREATEN")
    assert not types_of(ev, "SUPPORT")


def test_defending_itself_if_a_country_attacks_warns_that_country(code):
    assert [(s, t) for s, t, _ in types_of(code("Kenya will defend itself if Somalia attacks."), "THREATEN")] == [
        ("Kenya", "Somalia")]


def test_having_defended_itself_is_no_support_of_the_attacker(code):
    ev = code("Kenya defended itself against Somalia in 2019.")
    assert not types_of(ev, "SUPPORT") and not types_of(ev, "THREATEN")


def test_defending_another_country_stays_support(code):
    assert ("Poland", "Lithuania", "future") in types_of(code("Poland pledged to defend Lithuania."), "SUPPORT")


def test_an_act_in_a_conditional_clause_is_possible(code):
    assert [m for _, _, m in types_of(code("Kenya will defend itself if Somalia attacks."), "ASSAULT")] == ["possible"]


# ---------------------------------------------------------------- requests

def test_an_act_someone_is_urged_to_do_is_not_coded_as_done(code):
    ev = code("Chile urged Peru to withdraw its troops from Bolivia.")
    assert ("Chile", "Peru", "asserted") in types_of(ev, "REQUEST")
    assert not types_of(ev, "RETREAT")


# ---------------------------------------------------------------- relative pronouns

def test_a_relative_pronoun_object_is_its_antecedent(code):
    assert ("Russia", "Alexei Navalny", "asserted") in types_of(
        code("Alexei Navalny, whom Russia charged with fraud, died in prison."), "ACCUSE")


def test_a_relative_pronoun_after_a_preposition_is_its_antecedent(code):
    assert ("United Kingdom", "Houthis") in [(s, t) for s, t, _ in types_of(
        code("The Houthis, against whom Britain fought, fled to Oman."), "FIGHT")]


def test_a_vow_with_a_phrase_before_its_infinitive_is_still_a_threat(code):
    ev = code("The Houthis vowed in March to attack the ships of Israel.")
    assert ("Houthis", "Israel", "asserted") in types_of(ev, "THREATEN")
    assert [m for _, _, m in types_of(ev, "ASSAULT")] == ["future"]


# ---------------------------------------------------------------- violent repression

def test_tear_gas_used_against_someone_is_an_assault_on_them(code):
    assert [(s, t) for s, t, _ in types_of(code("The Kenyan police used tear gas against Raila Odinga."), "ASSAULT")] \
        == [("Kenya", "Raila Odinga")]


def test_deploying_tear_gas_is_no_mobilization(code):
    ev = code("The Kenyan police deployed tear gas against Raila Odinga.")
    assert not types_of(ev, "MOBILIZE") and types_of(ev, "ASSAULT")


def test_deploying_troops_stays_a_mobilization(code):
    assert ("Israel", "Palestine", "asserted") in types_of(code("Israel deployed troops to Gaza."), "MOBILIZE")


# ---------------------------------------------------------------- one fact, one event

def test_an_event_coded_by_two_triggers_of_a_sentence_is_stored_once(code):
    ev = code("Kenya met and held talks with Haiti on Monday.")
    assert [(s, t) for s, t, _ in types_of(ev, "CONSULT")] == [("Kenya", "Haiti")]


def test_an_event_negated_in_one_clause_and_asserted_in_another_stays_twice(code):
    ev = code("Chad did not attack Niger in May but attacked Niger in June.")
    assert sorted(m for _, _, m in types_of(ev, "ASSAULT") + types_of(ev, "FIGHT")) == ["asserted", "negated"]


# ---------------------------------------------------------------- claims, accusations and denials

def test_an_act_someone_is_accused_of_is_theirs_and_reported(code):
    ev = code("Iran accused Israel of attacking Syria.")
    assert ("Iran", "Israel", "asserted") in types_of(ev, "ACCUSE")
    assert types_of(ev, "ASSAULT") == [("Israel", "Syria", "reported")]


def test_an_act_someone_is_blamed_for_is_theirs(code):
    assert [(s, m) for s, _, m in types_of(code("Ukraine blamed Russia for shelling the port of Odesa."), "FIGHT")] \
        == [("Russia", "reported")]


def test_an_act_denied_in_a_that_clause_is_negated(code):
    assert types_of(code("Chad denied that it attacked Niger."), "ASSAULT") == [("Chad", "Niger", "negated")]


def test_an_act_in_the_content_of_a_claim_is_reported(code):
    assert types_of(code("Moscow rejected claims that Russia attacked Georgia."), "ASSAULT") == [
        ("Russia", "Georgia", "reported")]


def test_a_relative_clause_of_a_report_noun_is_no_claim_content(code):
    ev = code("Niger criticised the report that attacked Chad.")
    assert [m for _, _, t, m in ev if t == "Chad"] == ["asserted"]


# ---------------------------------------------------------------- warnings

def test_a_warning_threatens_the_target_of_the_act_it_announces(code):
    assert [t for s, t, _ in types_of(code("Algeria warned that it would expel the diplomats of Morocco."),
                                      "THREATEN")] == ["Morocco"]


def test_what_someone_warns_of_is_their_claim(code):
    assert [m for _, _, m in types_of(code("Maia Sandu warned that Russia supports the opposition."), "SUPPORT")] \
        == ["reported"]


# ---------------------------------------------------------------- who took part

def test_an_appositive_person_is_the_actor_not_the_possessor(code):
    ev = code("Diplomats welcomed a video call between President Macron and his Kenyan counterpart William Ruto.")
    assert ("Emmanuel Macron", "William Ruto") in [(s, t) for s, t, _ in types_of(ev, "CONSULT")]


def test_talks_a_clause_follows_had_its_subject_as_a_party(code):
    ev = code("Yevgeny Prigozhin called off the march towards Moscow after negotiations with Alexander Lukashenko.")
    assert ("Yevgeny Prigozhin", "Alexander Lukashenko") in [(s, t) for s, t, _ in types_of(ev, "CONSULT")]


def test_an_attack_a_clause_follows_is_not_its_subjects(code):
    ev = code("Poland closed its border with Belarus after the attack on Lithuania.")
    assert all(s != "Poland" for s, _, _ in types_of(ev, "ASSAULT") + types_of(ev, "FIGHT"))


def test_closing_the_case_against_someone_is_a_concession(code):
    assert [(s, t) for s, t, _ in types_of(code("Chile closed the case against Evo Morales."), "CONCEDE")] == [
        ("Chile", "Evo Morales")]


def test_closing_a_border_stays_a_sanction(code):
    ev = code("Turkey closed its border with Syria.")
    assert types_of(ev, "SANCTION") and not types_of(ev, "CONCEDE")


def test_an_order_to_ones_own_forces_is_no_request_to_the_place_they_head_for(code):
    ev = code("Yevgeny Prigozhin ordered his fighters advancing on Moscow to turn around.")
    assert [(s, t) for s, t, _ in types_of(ev, "REQUEST")] == [("Yevgeny Prigozhin", None)]


def test_an_order_to_another_country_requests_of_it(code):
    assert ("Russia", "Ukraine", "asserted") in types_of(code("Russia ordered Ukraine to withdraw."), "REQUEST")


def test_who_is_allowed_to_act_is_the_target_of_the_concession(code):
    assert ("Egypt", "Hamas", "asserted") in types_of(code("Egypt allowed Hamas to open an office."), "CONCEDE")


def test_refusing_to_let_someone_act_rejects_them(code):
    ev = code("Claudia Sheinbaum refused to allow American cargo jets loaded with rifles to land in Mexico.")
    assert ("Claudia Sheinbaum", "United States", "asserted") in types_of(ev, "REJECT")


def test_the_topic_of_a_discussion_is_not_its_partner(code):
    ev = code("Antony Blinken discussed the situation in Ukraine with Dmytro Kuleba.")
    assert "Ukraine" not in [t for _, t, _ in types_of(ev, "CONSULT")]


@pytest.mark.parametrize("text", [
    "Ghana's foreign minister discussed the situation with Togolese President Faure Gnassingbe.",
    "Ghana's foreign minister discussed security with Togolese President Faure Gnassingbe.",
    "Ghana's foreign minister discussed bilateral ties with his Togolese counterpart Robert Dussey.",
])
def test_a_person_in_a_with_phrase_on_the_topic_is_the_partner(code, text):
    # the parser hangs "with X" on the topic noun; a topic has no partner of its own
    partners = [t for _, t, _ in types_of(code(text), "CONSULT")]
    assert partners and set(partners) <= {"Faure Gnassingbe", "Robert Dussey"}, code(text)


def test_a_second_topic_the_parser_joins_to_the_verb_keeps_its_with_phrase(code):
    ev = code("Ronald Lamola went to Malawi, where he discussed economic relations and the situation with "
              "President Lazarus Chakwera.")
    assert ("Ronald Lamola", "Lazarus Chakwera", "asserted") in types_of(ev, "CONSULT")


def test_a_country_in_a_with_phrase_on_the_topic_may_be_the_topic(code):
    # "the situation with Togo" may be what is discussed, not whom with: no partner
    assert [t for _, t, _ in types_of(code("Ghana's foreign minister discussed the situation with Togo."),
                                      "CONSULT")] in ([], [None])


# an event noun a discussion is about was talked about, not done: the CONSULT is the event

def test_sanctions_discussed_are_not_imposed(code):
    ev = code("Ghana's president discussed sanctions against Togo with the French president Emmanuel Macron.")
    assert not types_of(ev, "SANCTION"), ev
    assert ("Ghana", "Emmanuel Macron", "asserted") in types_of(ev, "CONSULT")


def test_the_recipient_of_aid_discussed_is_no_partner_of_the_talks(code):
    ev = code("Ghana and Nigeria discussed military aid to Togo.")
    assert not types_of(ev, "AID"), ev
    assert "Togo" not in [t for _, t, _ in types_of(ev, "CONSULT")]


def test_a_person_with_whom_a_discussed_act_is_talked_about_is_the_partner(code):
    ev = code("Ghana's president discussed trade and security with Togolese President Faure Gnassingbe.")
    assert not types_of(ev, "COOPERATE"), ev
    assert ("Ghana", "Faure Gnassingbe", "asserted") in types_of(ev, "CONSULT")


def test_an_act_discussed_that_names_its_actor_stays_an_event_but_no_partner(code):
    ev = code("Ghana's president discussed Togo's attack on Benin.")
    assert ("Togo", "Benin", "asserted") in types_of(ev, "ASSAULT")
    assert "Togo" not in [t for _, t, _ in types_of(ev, "CONSULT")]


def test_a_person_met_stays_the_partner(code):
    assert ("Emmanuel Macron", "Kenya", "asserted") in types_of(code("Emmanuel Macron met the president of Kenya."),
                                                                "CONSULT")


def test_condemning_acts_by_someone_accuses_them(code):
    assert ("Iran", "Israel", "asserted") in types_of(code("Iran condemned the violations by Israel."), "ACCUSE")


@pytest.mark.parametrize("text", [
    "Ghana condemned the violations by Togo.",  # the parser hangs "by Togo" on the active verb
    "Ghana denounced inaction by Togo to end the atrocities.",
])
def test_a_by_phrase_on_an_active_verb_of_accusation_names_the_wrongdoer(code, text):
    assert ("Ghana", "Togo", "asserted") in types_of(code(text), "ACCUSE"), code(text)


def test_a_by_phrase_of_means_names_no_wrongdoer(code):
    assert [t for _, t, _ in types_of(code("Ghana condemned the attack by issuing a statement."), "ACCUSE")] == [None]


# ---------------------------------------------------------------- a verb that reports and demands

@pytest.mark.parametrize("text", [
    "Chile insisted that Peru must release the journalists.",
    "Chile insisted that Peru release the journalists.",
])
def test_insisting_on_a_demanded_clause_is_a_request(code, text):
    assert ("Chile", "Peru", "asserted") in types_of(code(text), "REQUEST"), code(text)


def test_insisting_on_a_fact_is_a_claim_not_a_request(code):
    assert types_of(code("Chile insisted Peru would pay for the new bridge."), "REQUEST") == []


# ---------------------------------------------------------------- the act a request asks for

@pytest.mark.parametrize("text, etype", [
    ("Protesters demanded the resignation of Prime Minister Irakli Kobakhidze.", "RETREAT"),
    ("The opposition called for the release of Mikheil Saakashvili.", "RETREAT"),
    ("Chile called for talks with Peru in Lima.", "CONSULT"),
])
def test_a_requested_act_has_not_happened(code, text, etype):
    ev = code(text)
    assert types_of(ev, "REQUEST") and not types_of(ev, etype), ev


def test_an_ordered_act_is_still_an_event(code):
    assert types_of(code("Putin ordered strikes on Ukraine."), "FIGHT")


def test_a_question_about_an_act_is_no_request_for_it(code):
    ev = code("Reporters asked the minister about a phone call between Macron and Scholz.")
    assert ("Emmanuel Macron", "Scholz", "asserted") in types_of(ev, "CONSULT"), ev


def test_what_a_requested_act_is_for_has_not_happened_either(code):
    ev = code("Chile requested Peru's cooperation to extradite the former minister.")
    assert types_of(ev, "REQUEST") and not types_of(ev, "COOPERATE"), ev


# lifting verbs beyond "lift": cancelling, repealing or cutting a restriction eases it

@pytest.mark.parametrize("text", [
    "Peru cancelled the restrictions on Chilean imports.",
    "Peru cut its tariffs on Chilean copper.",
    "Peru repealed the ban on Chilean wine.",
])
def test_cancelling_or_cutting_a_restriction_is_a_concession(code, text):
    ev = code(text)
    assert types_of(ev, "CONCEDE") == [("Peru", "Chile", "asserted")], ev
    assert not [e for e in ev if e[0] in ("SANCTION", "COERCE")], ev


def test_cutting_aid_stays_a_sanction(code):
    assert ("Peru", "Chile", "asserted") in types_of(code("Peru cut its military aid to Chile."), "SANCTION")


def test_calling_off_a_strike_is_a_concession(code):
    ev = code("The Chilean Medical Association called off its strike.")
    assert [s for s, _, _ in types_of(ev, "CONCEDE")] == ["Chilean Medical Association"], ev


def test_a_restriction_someone_refuses_to_lift_still_holds(code):
    ev = code("Peru refused to lift its curfew on Chilean workers.")
    assert [s for s, t, _ in types_of(ev, "COERCE") if t == "Chile"] == ["Peru"], ev


@pytest.mark.parametrize("text", [
    "Chile halted the advance of its troops toward the border.",
    "Chile halted its offensive in the north.",
])
def test_halting_ones_own_forces_is_a_retreat_not_a_sanction(code, text):
    ev = code(text)
    assert ("RETREAT", "Chile", None, "asserted") in ev and not [e for e in ev if e[0] == "SANCTION"], ev


def test_halting_the_movement_of_ones_own_fighters_is_a_retreat(code):
    ev = code("Chile halted the movement of its fighters across the border.")
    assert ("RETREAT", "Chile", None, "asserted") in ev, ev


@pytest.mark.parametrize("text", [
    "Chile halted the Peruvian advance.",
    "Chile halted the movement of Peruvian fighters across the border.",
])
def test_halting_anothers_armed_movement_is_no_sanction(code, text):
    assert not [e for e in code(text) if e[0] in ("SANCTION", "RETREAT")], code(text)


def test_halting_the_movement_of_goods_is_still_a_sanction(code):
    assert "SANCTION" in {e[0] for e in code("Chile halted the movement of goods into Peru.")}
