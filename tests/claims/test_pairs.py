"""Which pairs of reports are one claim: paraphrases join; a changed number, a negation, another
speaker's denial or another place never do; an unnamed source's repetition joins, marked."""
from __future__ import annotations

import pytest

from newsgraph.claims import ClaimIndex, ClaimQuote
from newsgraph.claims.quotes import person_group
from newsgraph.claims.similarity import conflict
from newsgraph.claims.text import claim_features

from .conftest import entity, make_quote


def _claims(quotes: list[ClaimQuote], background: list[ClaimQuote]) -> dict[str, str]:
    batch = ClaimIndex().add(background + quotes)
    return {q: a.claim_id for q, a in batch.assignments.items()}


PARAPHRASES = [
    ("rewording", "The ministry will raise the minimum wage to 15 dollars an hour next year",
     "Next year the minimum wage is going to be raised to 15 dollars an hour, the ministry said"),
    ("synonyms", "The army dispatched soldiers to the northern border on Tuesday",
     "Troops were sent to the northern border by the army"),
    ("shortened", "The factory will be shut down in spring and its 400 workers will lose their jobs, the owner said",
     "its 400 workers will lose their jobs"),
    ("translated word order", "Negotiations about the gas contract were by the two governments suspended until further notice",
     "The two governments suspended negotiations on the gas contract"),
    ("inflection and nominalisation", "The rebels agreed to release the hostages after mediation by the church",
     "The church mediated an agreement under which the rebels release the hostages"),
]


@pytest.mark.parametrize("name,first,second", PARAPHRASES, ids=[p[0] for p in PARAPHRASES])
def test_paraphrases_join(name, first, second, background):
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] == claims["a002:0"], name


NEAR_PAIRS = [
    ("number changed", "The army sent 10,000 troops to the border", "The army sent 3,000 troops to the border"),
    ("number in words", "The army sent ten thousand troops to the border", "The army sent 3,000 troops to the border"),
    ("negation", "The army sent troops to the border", "The army did not send troops to the border"),
    ("denial", "The company polluted the river with chemicals", "The company denied polluting the river with chemicals"),
    ("never", "The president will sign the trade agreement", "The president will never sign the trade agreement"),
]


@pytest.mark.parametrize("name,first,second", NEAR_PAIRS, ids=[p[0] for p in NEAR_PAIRS])
def test_near_pairs_stay_apart(name, first, second, background):
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] != claims["a002:0"], name


def test_another_speakers_opposite_claim_stays_apart(background):
    accusation = make_quote("The mining company poisoned the lake near the village", 1, speaker="actor:activist", group="XYZ")
    denial = make_quote("The mining company never poisoned the lake near the village", 2, speaker="actor:ceo", group="ABC")
    claims = _claims([accusation, denial], background)
    assert claims["a001:0"] != claims["a002:0"]


def test_another_place_in_the_same_slot_stays_apart(background):
    first = "The ministers agreed to send food aid to Chad"
    second = "The ministers agreed to send food aid to Niger"
    a = make_quote(first, 1, entities=(entity(first, "Chad", "country:TCD"),))
    b = make_quote(second, 2, entities=(entity(second, "Niger", "country:NER"),))
    claims = _claims([a, b], background)
    assert claims["a001:0"] != claims["a002:0"]


def test_a_participant_left_out_still_joins(background):
    first = "Norway will send food aid to Chad after the floods"
    second = "Food aid will be sent to Chad after the floods"
    a = make_quote(first, 1, entities=(entity(first, "Norway", "country:NOR"), entity(first, "Chad", "country:TCD")))
    b = make_quote(second, 2, entities=(entity(second, "Chad", "country:TCD"),))
    claims = _claims([a, b], background)
    assert claims["a001:0"] == claims["a002:0"]


def test_anonymous_repetition_joins_marked(background):
    named = make_quote("The central government will close all coal mines by 2030", 1, date="2024-03-01")
    unnamed = make_quote("all coal mines will be closed by 2030 by the central government", 2, date="2024-03-02",
                         speaker=None, speaker_text="a senior official familiar with the plan")
    batch = ClaimIndex().add(background + [named, unnamed])
    first, repeat = batch.assignments["a001:0"], batch.assignments["a002:0"]
    assert repeat.claim_id == first.claim_id
    assert (first.relation, repeat.relation) == ("first", "anonymous")


def test_unattributed_repetition_joins_marked(background):
    named = make_quote("The central government will close all coal mines by 2030", 1)
    bare = make_quote("The central government will close all coal mines by 2030", 2, speaker=None)
    batch = ClaimIndex().add(background + [named, bare])
    assert batch.assignments["a002:0"].claim_id == batch.assignments["a001:0"].claim_id
    assert batch.assignments["a002:0"].relation == "unattributed"


def test_a_two_word_quote_gets_its_own_claim(background):
    claims = _claims([make_quote("a betrayal", 1), make_quote("betrayal", 2)], background)
    assert claims["a001:0"] != claims["a002:0"]


def test_quotes_weeks_apart_are_not_compared(background):
    early = make_quote("The army dispatched soldiers to the northern border", 1, date="2024-01-01")
    late = make_quote("The army dispatched soldiers to the northern border", 2, date="2024-06-01")
    claims = _claims([early, late], background)
    assert claims["a001:0"] != claims["a002:0"]


def test_a_quote_of_several_claims_joins_a_report_of_its_last(background):
    """Whole quotes are too unlike for another speaker's threshold; their last clauses are the same claim."""
    several = make_quote("Teachers in all public schools of the province will get a pay rise of four percent from January "
                         "under the wage agreement signed with the unions after months of strikes, pensions of retired "
                         "staff will be indexed to inflation, and the school year will begin a week late", 1)
    last = make_quote("the school year will begin a week late", 2, speaker="actor:union", group="ABC")
    claims = _claims([several, last], background)
    assert claims["a001:0"] == claims["a002:0"]


def test_the_attribution_frame_does_not_join_two_claims_of_one_speaker(background):
    """Two direct quotes framed alike ('..., Okafor said in a conference call with reporters on Friday') share
    the frame's words, not a claim."""
    bridge = make_quote('"The harbour bridge will reopen in May," Okafor said in a conference call with reporters '
                        'on Friday. "Fares will stay as they are"', 1)
    stadium = make_quote('"The new stadium will be finished next year," Okafor said in a conference call with '
                         'reporters on Friday.', 2)
    claims = _claims([bridge, stadium], background)
    assert claims["a001:0"] != claims["a002:0"]


def test_a_framed_direct_quote_joins_its_indirect_report(background):
    direct = make_quote('"The harbour bridge will reopen in May," Okafor said in a conference call with reporters '
                        'on Friday. "Fares will stay as they are"', 1)
    indirect = make_quote("the harbour bridge would reopen in May and fares would stay as they are", 2)
    claims = _claims([direct, indirect], background)
    assert claims["a001:0"] == claims["a002:0"]


def test_no_one_will_is_a_denial(background):
    """'no one will prosecute them' is 'they will not be prosecuted', never 'they will be prosecuted'."""
    denial = make_quote("As for the striking miners, no one will prosecute them for the blockade", 1)
    passive = make_quote("The striking miners will not be prosecuted for the blockade", 2)
    opposite = make_quote("The striking miners will be prosecuted for the blockade", 3)
    claims = _claims([denial, passive, opposite], background)
    assert claims["a001:0"] == claims["a002:0"] != claims["a003:0"]


def test_a_partial_quote_joins_the_full_quote_it_cuts(background):
    """An outlet quoting three of the speaker's words joins another outlet's full quote of them, even from
    another named speaker entry (the ministry for the minister) and with little else in common."""
    partial = make_quote('The government, which closed the northern crossing to trucks and buses on Monday after a '
                         'week of protests by farmers, has described it as a "temporary security measure"', 1,
                         speaker="actor:government", group="ABC")
    full = make_quote('"This is a temporary security measure that we will review every week until the smugglers '
                      'are caught," the interior minister said', 2, speaker="actor:minister", group="XYZ")
    claims = _claims([partial, full], background)
    assert claims["a001:0"] == claims["a002:0"]


def test_a_partial_quote_does_not_join_its_denial(background):
    partial = make_quote('The government has described the closure of the northern crossing as a '
                         '"temporary security measure"', 1, speaker="actor:government", group="ABC")
    denial = make_quote('"This is not a temporary security measure, the crossing stays closed," the interior '
                        'minister said', 2, speaker="actor:minister", group="XYZ")
    claims = _claims([partial, denial], background)
    assert claims["a001:0"] != claims["a002:0"]


def test_the_troops_movement_is_not_a_move_to_a_city(background):
    halt = make_quote("Border guards stopped the movement of the refugees", 1)
    move = make_quote("The refugees will move to the capital", 2)
    claims = _claims([halt, move], background)
    assert claims["a001:0"] != claims["a002:0"]


def test_two_people_of_one_country_are_two_speakers(background):
    """A president and his spokesman repeat each other as 'other' speakers; the president's ministry speaks
    for him ('group'), as a minister and his ministry do."""
    claim = "The border with the north will stay closed until the end of the winter"
    first = make_quote(claim, 1, speaker="actor:president", group=person_group("XYZ"))
    spokesman = make_quote(claim, 2, speaker="actor:spokesman", group=person_group("XYZ"))
    ministry = make_quote(claim, 3, speaker="actor:ministry", group="XYZ")
    batch = ClaimIndex().add(background + [first, spokesman, ministry])
    relations = [batch.assignments[f"a00{n}:0"].relation for n in (1, 2, 3)]
    assert relations == ["first", "other", "group"]
    assert len({batch.assignments[f"a00{n}:0"].claim_id for n in (1, 2, 3)}) == 1


def test_two_presidents_named_after_one_preposition_still_conflict():
    """A title before a name is skipped when finding the name's slot: the same slot ("by") with two different
    people conflicts, two people in different slots ("of", "with") do not, whatever their titles."""
    one = "The truce was brokered by President Mensah"
    other = "The truce was brokered by President Okafor"
    a = claim_features(one, (entity(one, "Mensah", "person:mensah", "PERSON"),))
    b = claim_features(other, (entity(other, "Okafor", "person:okafor", "PERSON"),))
    assert conflict(a, b) == "entity"
    via = "The truce came through the mediation of Ghanaian President Mensah"
    agreed = "The truce was mediated by the Ghanaian leader in agreement with Nigerian President Okafor"
    c = claim_features(via, (entity(via, "Mensah", "person:mensah", "PERSON"),))
    d = claim_features(agreed, (entity(agreed, "Okafor", "person:okafor", "PERSON"),))
    assert conflict(c, d) is None


def test_a_partial_quote_is_matched_on_its_quoted_words(background):
    """The narration around a partial quote describes the story in the outlet's words; another claim of the
    story that shares only those words is another claim."""
    partial = make_quote('The government described the week of protests by farmers at the northern crossing as '
                         'a "foreign provocation"', 1, speaker="actor:government", group="ABC")
    other = make_quote("The week of protests by farmers at the northern crossing cost the hauliers millions", 2,
                       speaker="actor:hauliers", group="ABC")
    claims = _claims([partial, other], background)
    assert claims["a001:0"] != claims["a002:0"]


OPPOSITES = [
    ("imposed / lifted", "The night curfew in the capital was imposed on Monday",
     "The night curfew in the capital was lifted on Monday"),
    ("opened / closed", "The authorities opened the border crossing with the north for trucks",
     "The authorities closed the border crossing with the north for trucks"),
    ("accepted / rejected", "The union accepted the new wage offer from the employers",
     "The union rejected the new wage offer from the employers"),
    # a nominalised verb of outcome ('the introduction of', 'the closure of') opposes the other verb as its verb does
    ("introduction / lifted", "Officials announced the introduction of a night curfew in the capital on Monday",
     "The night curfew in the capital was lifted on Monday"),
    ("closure / reopened", "The ministry ordered the closure of the border crossing with the north for trucks",
     "The ministry reopened the border crossing with the north for trucks"),
    ("rejection / accepted", "The union announced its rejection of the new wage offer from the employers",
     "The union accepted the new wage offer from the employers"),
    ("raised / cut", "The city council raised the bus fares for students this autumn",
     "The city council cut the bus fares for students this autumn"),
    ("captured / lost", "Government forces captured the hilltop village near the river",
     "Government forces lost the hilltop village near the river"),
    ("upheld / overturned", "The appeals court upheld the sentence of the former governor",
     "The appeals court overturned the sentence of the former governor"),
    ("hired / fired", "The carmaker hired the whole night shift at its northern plant",
     "The carmaker fired the whole night shift at its northern plant"),
    ("doubled / halved", "Coal imports from the neighbouring country doubled in the first quarter",
     "Coal imports from the neighbouring country halved in the first quarter"),
    ("succeeded / collapsed", "The mediation between the two clans succeeded on Sunday",
     "The mediation between the two clans collapsed on Sunday"),
    ("held / collapsed", "The truce between the two militias held over the weekend",
     "The truce between the two militias collapsed over the weekend"),
    ("allowed / blocked", "Customs allowed the convoy of aid lorries across the bridge",
     "Customs blocked the convoy of aid lorries at the bridge"),
    ("detained / released", "Police detained the opposition blogger at the airport",
     "Police released the opposition blogger at the airport"),
    ("higher / lower", "Wheat prices at the harvest were higher than a year ago, the traders said",
     "Wheat prices at the harvest were lower than a year ago, the traders said"),
    ("kept / scrapped", "The cabinet kept the tax break for small bakeries",
     "The cabinet scrapped the tax break for small bakeries"),
    ("slowed / accelerated", "Growth in the service sector slowed in the spring",
     "Growth in the service sector accelerated in the spring"),
    ("violated / respected", "The militia violated the agreement on heavy weapons",
     "The militia respected the agreement on heavy weapons"),
    ("vetoed / signed", "The governor vetoed the bill on rent controls",
     "The governor signed the bill on rent controls"),
    ("sold / bought", "The pension fund sold its stake in the steel maker",
     "The pension fund bought a stake in the steel maker"),
    ("praised / condemned", "The envoy praised the verdict against the general",
     "The envoy condemned the verdict against the general"),
    ("open / shut", "The mountain pass stays open for trucks this week",
     "The mountain pass stays shut for trucks this week"),
    ("grew / shrank", "The fishing fleet grew by a third over the decade",
     "The fishing fleet shrank by a third over the decade"),
]


@pytest.mark.parametrize("name,first,second", OPPOSITES, ids=[p[0] for p in OPPOSITES])
def test_verbs_of_opposite_outcome_never_join(name, first, second, background):
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] != claims["a002:0"], name


def test_an_antonym_read_through_its_synonym_group_still_joins_its_synonym(background):
    lifted = make_quote("The night curfew in the capital was lifted on Monday", 1)
    scrapped = make_quote("On Monday the authorities scrapped the night curfew in the capital", 2)
    claims = _claims([lifted, scrapped], background)
    assert claims["a001:0"] == claims["a002:0"]


@pytest.mark.parametrize("written", ["12 000", "12.000", "twelve thousand"])
def test_a_number_grouped_as_translated_copy_writes_it_joins(written, background):
    first = make_quote("The army sent 12,000 troops to the northern border", 1)
    second = make_quote(f"The army has sent {written} soldiers to the northern border", 2)
    other = make_quote("The army has sent 15 000 soldiers to the northern border", 3)
    claims = _claims([first, second, other], background)
    assert claims["a001:0"] == claims["a002:0"] != claims["a003:0"]


EMBEDDINGS = [
    ("a guarantee of the proposition", "The mayor's word is the guarantee that the harbour bridge will reopen in May",
     "The harbour bridge will reopen in May"),
    ("an existential before the proposition", "If you ask what guarantee there is that the harbour bridge will "
     "reopen in May, it is the word of the mayor", "The harbour bridge will reopen in May"),
    ("reports of the proposition dismissed", "The ministry dismissed reports that troops were sent to the border",
     "Troops were sent to the border"),
]


@pytest.mark.parametrize("name,about,plain", EMBEDDINGS, ids=[e[0] for e in EMBEDDINGS])
def test_a_claim_about_a_proposition_is_not_the_proposition(name, about, plain, background):
    claims = _claims([make_quote(about, 1), make_quote(plain, 2)], background)
    assert claims["a001:0"] != claims["a002:0"], name


def test_words_embedded_on_one_side_do_not_count_as_shared(background):
    """A word the other quote asserts in another clause does not make an embedded proposition shared."""
    about = make_quote("Asked what guarantee there is that the harbour bridge will reopen in May, the council "
                       "said it is the mayor's word. The night curfew will be lifted soon", 1)
    plain = make_quote("The harbour bridge will reopen in May after the tolls are lifted", 2)
    claims = _claims([about, plain], background)
    assert claims["a001:0"] != claims["a002:0"]


def test_two_reports_of_one_guarantee_join(background):
    first = make_quote("The mayor's word is the guarantee that the harbour bridge will reopen in May", 1)
    second = make_quote("The mayor gave his word as a guarantee that the harbour bridge will reopen in May", 2)
    claims = _claims([first, second], background)
    assert claims["a001:0"] == claims["a002:0"]


def test_a_partial_quote_whose_narration_is_a_clause_is_matched_on_it_too(background):
    """'troops had been sent ..., calling it a "necessary precaution"': the narration states the claim."""
    partial = make_quote('The army had sent its troops to the northern border on Tuesday, calling it a '
                         '"necessary precaution"', 1)
    plain = make_quote("Troops were sent to the northern border by the army on Tuesday", 2, speaker="actor:agency",
                       group="ABC")
    claims = _claims([partial, plain], background)
    assert claims["a001:0"] == claims["a002:0"]


NEGATION_RAISING = [
    ("intend", "The rebels did not intend to seize the capital",
     "The rebels intended to surround the capital but not to seize it"),
    ("try", "The company never tried to hide the losses from its shareholders",
     "The company tried not to hide the losses from its shareholders"),
]


@pytest.mark.parametrize("name,first,second", NEGATION_RAISING, ids=[p[0] for p in NEGATION_RAISING])
def test_a_negation_on_a_verb_of_intention_is_the_negation_of_its_complement(name, first, second, background):
    """"Did not intend to seize" and "intended ... not to seize" deny one act: the verb of intention
    is not itself a polarity the two reports disagree on (negation raising, Horn 1978)."""
    assert conflict(claim_features(first), claim_features(second)) is None, name
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] == claims["a002:0"], name


@pytest.mark.parametrize("first,second", [
    ("The rebels did not intend to seize the capital", "The rebels intended to seize the capital"),
    ("The union did not plan to extend the strike", "The union planned to extend the strike"),
])
def test_a_denied_intention_never_joins_the_intention(first, second, background):
    assert conflict(claim_features(first), claim_features(second)) == "negation"
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] != claims["a002:0"]


PREFIX_NEGATIONS = [
    ("unsafe", "The old bridge over the canal is safe for heavy lorries",
     "The old bridge over the canal is unsafe for heavy lorries"),
    ("unlikely", "A deal on the budget is likely before the summer recess",
     "A deal on the budget is unlikely before the summer recess"),
    ("illegal", "The court said the strike by the dock workers was legal",
     "The court said the strike by the dock workers was illegal"),
    ("disagreed", "The two parties agreed on the date of the early election",
     "The two parties disagreed on the date of the early election"),
    # a prefix on a word of ability passes the negation on, as "not able to" does
    ("unable", "The ministry was able to pay the nurses their December wages",
     "The ministry was unable to pay the nurses their December wages"),
]


@pytest.mark.parametrize("name,first,second", PREFIX_NEGATIONS, ids=[p[0] for p in PREFIX_NEGATIONS])
def test_a_word_negated_by_its_prefix_never_joins_its_base(name, first, second, background):
    assert conflict(claim_features(first), claim_features(second)) == "negation", name
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] != claims["a002:0"], name


def test_a_prefix_negation_joins_the_same_claim_with_not(background):
    """"Unsafe" and "not safe" state one claim."""
    claims = _claims([make_quote("Inspectors found the old bridge over the canal unsafe for heavy lorries", 1),
                      make_quote("The old bridge over the canal is not safe for heavy lorries, inspectors found", 2)],
                     background)
    assert claims["a001:0"] == claims["a002:0"]


@pytest.mark.parametrize("first,second", [
    ("The two rivals refused to debate on national television", "The two rivals agreed to debate on national television"),
    ("The hospital lacks oxygen for its intensive care ward", "The hospital has oxygen for its intensive care ward"),
])
def test_a_refusal_or_a_lack_denies_what_it_names(first, second, background):
    assert conflict(claim_features(first), claim_features(second)) == "negation"
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] != claims["a002:0"]


@pytest.mark.parametrize("first,second", [
    ("Floods cut off several villages in the north of the province", "Floods cut off several villages in the south of the province"),
    ("The militia shelled the eastern suburbs of the port overnight",
     "The militia shelled the suburbs on the west side of the port overnight"),
    ("The gap between the two candidates widened in the final week", "The gap between the two candidates narrowed in the final week"),
])
def test_two_places_of_one_compass_or_opposite_trends_never_join(first, second, background):
    assert conflict(claim_features(first), claim_features(second)) in {"exclusive", "antonym"}
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] != claims["a002:0"]


@pytest.mark.parametrize("first,second", [
    ("Floods cut off several villages in the north of the province", "Several villages in the northern province were cut off by floods"),
    ("Floods cut off several villages in the north-east of the province", "Floods cut off several villages in the northeast of the province"),
])
def test_one_compass_point_in_other_words_still_joins(first, second, background):
    assert conflict(claim_features(first), claim_features(second)) is None
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] == claims["a002:0"]


def test_refusing_a_thing_is_rejecting_it(background):
    """"refused to" negates the act it names; "refused the plan" is "rejected the plan", not its denial."""
    refused = make_quote("The regional assembly refused the water plan of the capital", 1)
    rejected = make_quote("The regional assembly rejected the water plan of the capital", 2)
    adopted = make_quote("The regional assembly accepted the water plan of the capital", 3)
    claims = _claims([refused, rejected, adopted], background)
    assert claims["a001:0"] == claims["a002:0"] != claims["a003:0"]


@pytest.mark.parametrize("first,second", [
    ("More than 200 families lost their homes in the landslide", "Fewer than 200 families lost their homes in the landslide"),
    ("At least 40 miners were trapped after the collapse of the shaft",
     "Up to 40 miners were trapped after the collapse of the shaft"),
])
def test_one_figure_bounded_from_opposite_sides_never_joins(first, second, background):
    assert conflict(claim_features(first), claim_features(second)) == "number"
    claims = _claims([make_quote(first, 1), make_quote(second, 2)], background)
    assert claims["a001:0"] != claims["a002:0"]


def test_a_bounded_figure_joins_the_plain_figure(background):
    claims = _claims([make_quote("More than 200 families lost their homes in the landslide", 1),
                      make_quote("The landslide destroyed the homes of 200 families", 2)], background)
    assert claims["a001:0"] == claims["a002:0"]



SLOTTED = [
    ("nominalised", "The envoy will leave for Oman next week", "his departure for Oman", True),
    ("short verb phrase", "The envoy will leave for Oman next week", "will leave for Oman", True),
    ("another slot", "The envoy will leave for Oman next week", "his departure from Oman", False),
    ("another thing sent", "Troops were sent to Oman", "Food aid was sent to Oman", False),
    ("another event held", "Talks will be held in Oman", "Elections will be held in Oman", False),
    ("another measure imposed", "Sanctions were imposed on Oman", "Tariffs were imposed on Oman", False),
]


@pytest.mark.parametrize("name,first,second,joined", SLOTTED, ids=[s[0] for s in SLOTTED])
def test_a_place_in_one_slot_counts_as_a_word_of_a_shortening(name, first, second, joined, background):
    """A short report that names the act and its place ("his departure for Oman") shares one word with the
    full report and the place in the same slot. The place counts as a shared word only there: not in
    another slot ("from Oman"), nor when each report has a word of its own (another thing sent there)."""
    a = make_quote(first, 1, entities=(entity(first, "Oman", "country:OMN"),))
    b = make_quote(second, 2, entities=(entity(second, "Oman", "country:OMN"),))
    claims = _claims([a, b], background)
    assert (claims["a001:0"] == claims["a002:0"]) is joined, name


BRIDGED = "The mayor will resign at the end of the month and the city council will hold early elections in May"


def test_a_report_of_two_claims_does_not_bridge_reports_of_each(background):
    """A cluster started by a report of two claims, joined by a report of the first, is that claim: a
    report of the second claim matches the first report clause by clause but joins no report of the
    first (single link through a report of two claims chains them)."""
    both = make_quote(BRIDGED, 1)
    first = make_quote("the mayor will resign at the end of the month", 2)
    second = make_quote("the city council will hold early elections in May", 3)
    claims = _claims([both, first, second], background)
    assert claims["a001:0"] == claims["a002:0"]
    assert claims["a003:0"] != claims["a002:0"]


def test_a_cluster_of_one_claim_still_takes_its_paraphrase(background):
    both = make_quote(BRIDGED, 1)
    first = make_quote("the mayor will resign at the end of the month", 2)
    again = make_quote("At the end of the month the mayor is going to resign", 3, speaker="actor:aide", group="XYZ")
    claims = _claims([both, first, again], background)
    assert claims["a001:0"] == claims["a002:0"] == claims["a003:0"]


def test_a_report_of_two_claims_joins_the_cluster_of_that_two_claim_report(background):
    """Two reports of the same two claims are one report, compared whole: once the cluster of a two-claim
    report holds a report of one of them (the second), a later report of both joins it, not the cluster
    of a report of the first claim alone that its first clause also matches."""
    both = make_quote("The charges against the singer will be dropped and she will leave the country next week", 1)
    second = make_quote("the singer will leave", 2)
    first = make_quote("prosecutors will drop the charges against the singer", 3)
    again = make_quote("The charges against the singer will be withdrawn and she will depart from the country next week", 4)
    claims = _claims([both, second, first, again], background)
    assert claims["a001:0"] == claims["a002:0"] != claims["a003:0"]
    assert claims["a004:0"] == claims["a001:0"]
