"""Mentions NER glues across a possessive: a country's possessive before an organization's name."""
from __future__ import annotations

from newsgraph.extract.mentions import entity_mentions


def test_an_organization_after_a_countrys_possessive_is_its_own_mention(nlp):
    doc = nlp("Peru\u2019s Special Crimes Tribunal has issued arrest warrants against two generals.")
    assert [(s.text, s.label_) for s in entity_mentions(doc)][:2] == [("Peru", "GPE"), ("Special Crimes Tribunal", "ORG")]


def test_a_single_word_after_a_possessive_stays_with_the_name_before_it(nlp):
    doc = nlp("Wagner\u2019s March on Moscow Ends")
    assert "Wagner\u2019s March" not in [s.text for s in entity_mentions(doc)]
