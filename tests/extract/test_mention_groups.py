"""Group actors that are no named entity (extract/mentions.py `group_mentions`): a group noun named with its country
is a mention of its own. One phenomenon per test, on sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.extract.mentions import entity_mentions, group_mentions
from newsgraph.resolve.zones import Zones


def texts(nlp, text):
    return [(s.text, s.label_) for s in entity_mentions(nlp(text))]


@pytest.mark.parametrize("text, group", [
    ("Haitian gangs blocked the road to the airport.", "Haitian gangs"),
    ("Police dispersed Serbian student protesters near the bridge.", "Serbian student protesters"),
    ("Israeli settlers attacked a village near Nablus.", "Israeli settlers"),
    ("Officials said North Korean defectors sent the balloons.", "North Korean defectors"),
])
def test_a_group_noun_with_its_country_is_one_mention(nlp, text, group):
    assert (group, "ORG") in texts(nlp, text), texts(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("Protesters gathered outside the parliament.", "Protesters"),
    ("The rebels took the town on Friday.", "rebels"),
])
def test_a_group_without_a_country_is_no_mention(nlp, text, word):
    assert not [t for t, _ in texts(nlp, text) if word in t], texts(nlp, text)


@pytest.mark.parametrize("text, named", [
    ("M23 rebels seized the lakeside town.", "M23"),
    ("Hamas militants fired rockets overnight.", "Hamas"),
])
def test_a_group_of_a_named_actor_stays_that_actor(nlp, text, named):
    doc = nlp(text)
    assert group_mentions(doc, Zones.of(doc.text)) == []
    assert any(named in t for t, _ in texts(nlp, text)), texts(nlp, text)


@pytest.mark.parametrize("text", [
    "Pro-Russian separatists shelled the city.",
    "The anti-Chinese activists marched in the capital.",
])
def test_a_stance_gives_a_group_no_country(nlp, text):
    assert not [t for t, _ in texts(nlp, text) if "separatists" in t or "activists" in t], texts(nlp, text)


def test_an_act_of_opposing_is_no_group(nlp):
    assert not [t for t, _ in texts(nlp, "Their Georgian opposition to the law grew.") if "opposition" in t]


def _bare(nlp, text):
    from newsgraph.extract.mentions import bare_group_mentions
    return [s.text for s in bare_group_mentions(nlp(text))]


@pytest.mark.parametrize("text, word", [
    ("Police said armed gangs had looted the depot.", "gangs"),
    ("Gangsters controlled the port district.", "Gangsters"),
])
def test_a_bare_collective_is_a_candidate_for_the_story_country(nlp, text, word):
    assert _bare(nlp, text) == [word]


@pytest.mark.parametrize("text", [
    "Haitian gangs blocked the road to the airport.",  # the country is given: group_mentions' own
    "The rebels took the town on Friday.",  # rebels may come from elsewhere
    "Pro-government gangs attacked the march.",  # a stance, not a country's group
    "Protesters gathered outside the parliament.",  # not of the story's country by itself (story_groups.txt)
])
def test_no_bare_collective_where_the_phrase_decides_otherwise(nlp, text):
    assert _bare(nlp, text) == []
