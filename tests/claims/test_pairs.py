"""Which pairs of reports are one claim: paraphrases join; a changed number, a negation, another
speaker's denial or another place never do; an unnamed source's repetition joins, marked."""
from __future__ import annotations

import pytest

from newsgraph.claims import ClaimIndex, ClaimQuote

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
