"""Verdicts: calling someone's act a wrong accuses its doer (issue 16, the speaker as source of a speech act).
Sentences written for these tests."""
from __future__ import annotations

import pytest


def accusations(events):
    return {(s, t) for ty, s, t, _ in events if ty == "ACCUSE"}


@pytest.mark.parametrize("text, pair", [
    # a copula's predicate, said by a speaker: the speaker accuses the act's doer
    ("The Hungarian government said the Slovak border closure was a provocation.", ("Hungary", "Slovakia")),
    ("Peru said the decision by Chile to expel its consul was a breach of diplomatic practice.", ("Peru", "Chile")),
    # a naming verb: the namer accuses the doer of its object
    ("Lithuania called the airspace intrusion by Belarusian helicopters an act of aggression.",
     ("Lithuania", "Belarus")),
    ("Georgia described the Russian bombing of Gori as a war crime.", ("Georgia", "Russia")),
])
def test_verdict_on_an_act_accuses_its_doer(code, text, pair):
    assert pair in accusations(code(text))


@pytest.mark.parametrize("text", [
    "The bombing of the market was a crime, the Malian minister said.",  # no doer named
    "Analysts said the pipeline deal was a violation of the treaty.",  # no doer, no actor judging
    "The Iraqi lawmakers' resolution is a violation of everything the constitution stands for, she said.",
])
def test_verdict_without_doer_or_judge_is_no_event(code, text):
    events = code(text)
    assert not [e for e in events if e[0] == "ACCUSE" and e[3] != "negated" and (e[1] is None or e[2] is None)]


def test_verdict_noun_outside_a_predicate_is_not_a_verdict(code):
    events = code("Albania investigated the violation of its airspace by Greek jets.")
    assert ("Albania", "Greece") not in accusations(events)


def test_verdict_on_a_pronoun_names_no_doer(code):
    # "it" stands for the rules, an act the pronoun resolver (which gives actors) cannot give
    events = code("Peru announced new fishing rules on Monday. Ecuador called it a violation of the treaty.")
    assert ("Ecuador", "Peru") not in accusations(events)
