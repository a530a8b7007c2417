"""The shared parse helpers of `newsgraph.extract.syntax`, on sentences written for these tests."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract import syntax


def token(doc, text):
    """The only token of `doc` with this text."""
    (found,) = [t for t in doc if t.text == text]
    return found


def test_subject_of_an_active_verb(nlp):
    doc = nlp("The ferry company sent two boats to the island.")
    assert syntax.subject(token(doc, "sent")).text == "company"


def test_subject_of_a_passive_verb(nlp):
    doc = nlp("The minister was criticized by the union.")
    verb = token(doc, "criticized")
    assert syntax.subject(verb).text == "minister"
    assert syntax.subject(verb, deps=syntax.SUBJECT_DEPS) is None
    assert syntax.is_passive(verb)


def test_verb_without_a_subject(nlp):
    doc = nlp("Close the gates before noon.")
    assert syntax.subject(token(doc, "Close")) is None
    assert not syntax.is_passive(token(doc, "Close"))


def test_objects_of_a_verb(nlp):
    doc = nlp("The ferry company sent two boats to the island.")
    assert [t.text for t in syntax.objects(token(doc, "sent"))] == ["boats"]


def test_by_agent_of_a_passive(nlp):
    doc = nlp("The minister was criticized by the union.")
    assert syntax.by_agent(token(doc, "criticized")).text == "union"
    assert syntax.by_agent(token(doc, "minister")) is None


def test_prep_object(nlp):
    doc = nlp("Farmers protested outside the harbour.")
    assert syntax.prep_object(token(doc, "outside")).text == "harbour"
    assert syntax.prep_object(token(doc, "Farmers")) is None


def test_prep_objects_maps_each_preposition_to_its_object(nlp):
    doc = nlp("The ferry company sent two boats to the island.")
    found = syntax.prep_objects(token(doc, "sent"))
    assert {word: obj.text for word, obj in found.items()} == {"to": "island"}


def test_prep_objects_under_a_particle(nlp):
    """A preposition the parser hangs on a particle ("held up to 16 ships") still counts."""
    words = ["Guards", "held", "up", "to", "16", "ships", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 2, 5, 3, 1],
              deps=["nsubj", "ROOT", "prt", "prep", "nummod", "pobj", "punct"])
    assert syntax.prep_objects(doc[1])["to"].text == "ships"


def test_first_found_skips_prepositions_that_yield_nothing(nlp):
    doc = nlp("The council sent a letter to the harbour with the mayor.")
    preps = syntax.prep_objects(token(doc, "sent"))
    people = {"mayor"}

    def named_people(obj):
        return [obj.text] if obj.text in people else []

    assert syntax.first_found(preps, ("to", "with"), named_people) == ["mayor"]
    assert syntax.first_found(preps, ("against", "to"), named_people) == []


def test_coordination_head_climbs_to_the_first_conjunct(nlp):
    doc = nlp("Farmers and fishermen protested outside the harbour.")
    assert syntax.coordination_head(token(doc, "fishermen")).text == "Farmers"
    assert syntax.coordination_head(token(doc, "protested")).text == "protested"


def test_with_conjuncts(nlp):
    doc = nlp("Farmers and fishermen protested outside the harbour.")
    assert [t.text for t in syntax.with_conjuncts(token(doc, "Farmers"))] == ["Farmers", "fishermen"]


def test_subtree_range(nlp):
    doc = nlp("The ferry company sent two boats to the island.")
    lo, hi = syntax.subtree_range(token(doc, "company"))
    assert doc[lo:hi].text == "The ferry company"


@pytest.mark.parametrize("lo,hi,expected", [(0, 3, "The ferry company"), (3, 4, "sent"), (7, 9, "the island")])
def test_char_range_of_a_token_range(nlp, lo, hi, expected):
    text = "The ferry company sent two boats to the island."
    doc = nlp(text)
    start, end = syntax.char_range(doc, lo, hi)
    assert text[start:end] == expected


def test_token_end_excludes_the_trailing_space(nlp):
    doc = nlp("Boats sail.")
    assert syntax.token_end(doc[0]) == 5


def test_token_span_widens_to_whole_tokens(nlp):
    text = "The ferry company sent two boats."
    doc = nlp(text)
    span = syntax.token_span(doc, text.index("erry"), text.index("erry") + 2)
    assert span is not None and span.text == "ferry"
    assert syntax.token_span(doc, len(text) + 5, len(text) + 6) is None
