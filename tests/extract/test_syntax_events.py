"""The clause helpers that event coding appended to `newsgraph.extract.syntax`, on sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.extract import syntax


def token(doc, text):
    """The only token of `doc` with this text."""
    (found,) = [t for t in doc if t.text == text]
    return found


def subject_of(nlp, text, verb, steps=3):
    subjects, passive = syntax.inherited_subject(token(nlp(text), verb), steps)
    return [t.text for t in subjects], passive


def test_own_subject(nlp):
    assert subject_of(nlp, "The council approved the budget.", "approved") == (["council"], False)


def test_own_passive_subject(nlp):
    assert subject_of(nlp, "The repair was criticized by residents.", "criticized") == (["repair"], True)


def test_infinitive_inherits_the_governing_subject(nlp):
    assert subject_of(nlp, "The ferry company agreed to send two boats.", "send") == (["company"], False)


def test_inheritance_stops_after_the_given_steps(nlp):
    assert subject_of(nlp, "The ferry company agreed to send two boats.", "send", steps=0) == ([], False)


def test_relative_clause_subject_is_the_modified_noun(nlp):
    assert subject_of(nlp, "The boats that crossed the bay were old.", "crossed") == (["boats"], False)


def test_conjunct_inherits_subject_and_voice(nlp):
    assert subject_of(nlp, "The storm was forecast and expected to hit the coast.", "expected") == (["storm"], True)


def test_infinitive_under_a_passive_is_active(nlp):
    assert subject_of(nlp, "The storm was forecast and expected to hit the coast.", "hit") == (["storm"], False)


def test_passive_participle_has_its_noun_as_patient(nlp):
    assert subject_of(nlp, "Two ships built in Korea arrived on Monday.", "built") == (["ships"], True)


@pytest.mark.parametrize("text, word, verb", [
    ("The mayor praised the repair of the bridge.", "repair", "praised"),   # object
    ("The repair was criticized by residents.", "repair", "criticized"),    # passive subject
    ("The council approved the budget.", "approved", "approved"),           # a verb governs itself
])
def test_governing_verb(nlp, text, word, verb):
    doc = nlp(text)
    assert syntax.governing_verb(token(doc, word)).text == verb


def test_noun_in_a_prepositional_phrase_has_no_governing_verb(nlp):
    doc = nlp("The town celebrated the end of the strike.")
    assert syntax.governing_verb(token(doc, "strike")) is None


def test_governing_verb_within_the_given_steps(nlp):
    doc = nlp("The mayor praised the repair of the bridge.")
    assert syntax.governing_verb(token(doc, "repair"), steps=0) is None


def test_root_distance(nlp):
    doc = nlp("The town celebrated the end of the strike.")
    assert [syntax.root_distance(token(doc, w)) for w in ("celebrated", "end", "of", "strike")] == [0, 1, 2, 3]
    assert syntax.root_distance(token(doc, "strike"), cap=2) == 2
