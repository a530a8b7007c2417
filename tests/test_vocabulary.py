"""The controlled vocabulary: it covers what the extractors emit, and rejects anything else with the list.

`--type CRITICIZE` used to print an empty table; the vocabulary makes it an error (NG009) that names
the valid types and families. These tests pin that the vocabulary and the extractors agree, by
reading the trigger lexicon and the record types themselves.
"""
from __future__ import annotations

from typing import get_args

import pytest

from newsgraph import lexicon, vocabulary
from newsgraph.errors import UnknownValueError
from newsgraph.extract.events import MODALITY_PRECEDENCE, PLOVER_TYPES
from newsgraph.lexicon import LexiconError
from newsgraph.model import Modality, QuoteKind

TYPE_NAMES = {t.name for t in vocabulary.event_types()}


def test_every_type_of_the_trigger_lexicon_is_in_the_vocabulary():
    rows = lexicon.table("newsgraph.extract", "plover_triggers.tsv", min_columns=3)
    lexicon_types = {row[2] for row in rows}
    assert lexicon_types, "the trigger lexicon has no rows"
    assert lexicon_types <= TYPE_NAMES, f"types the extractor emits but the vocabulary lacks: {lexicon_types - TYPE_NAMES}"


def test_vocabulary_types_are_exactly_the_extractors_types():
    # the extractor codes types beyond its lexicon (REQUEST from appeals, plover_category's AGREE/REJECT/THREATEN);
    # all are PLOVER_TYPES, and a type the extractor never emits should not be offered as a filter
    assert TYPE_NAMES == set(PLOVER_TYPES)


def test_modalities_are_exactly_what_the_extractor_emits():
    names = [m.name for m in vocabulary.modalities()]
    assert set(names) == set(get_args(Modality)) == set(MODALITY_PRECEDENCE)
    assert len(names) == len(set(names))


def test_quote_kinds_are_exactly_the_record_type_values():
    assert [k.name for k in vocabulary.quote_kinds()] == list(get_args(QuoteKind))


def test_unknown_type_raises_ng009_listing_types_and_families():
    with pytest.raises(UnknownValueError) as caught:
        vocabulary.check_event_type("CRITICIZE")
    message = str(caught.value)
    assert message.startswith("NG009 unknown event type 'CRITICIZE'; valid types: ACCUSE, AGREE, AID, ")
    assert all(name in message for name in TYPE_NAMES)
    assert "families: verbal-cooperation, material-cooperation, verbal-conflict, material-conflict" in message
    assert set(caught.value.valid) == TYPE_NAMES | {f.name for f in vocabulary.families()}


def test_unknown_type_is_a_value_error_for_callers_that_catch_those():
    with pytest.raises(ValueError):
        vocabulary.check_event_type("BOMBING")


def test_misspelt_type_gets_a_suggestion():
    with pytest.raises(UnknownValueError, match=r"'ASSUALT' \(did you mean ASSAULT\?\)"):
        vocabulary.check_event_type("ASSUALT")


def test_unrelated_word_gets_no_suggestion():
    with pytest.raises(UnknownValueError) as caught:
        vocabulary.check_event_type("CRITICIZE")
    assert "did you mean" not in str(caught.value)


@pytest.mark.parametrize("value", ["assault", "Assault", "ASSAULT", "  assault\t"])
def test_type_is_case_insensitive(value):
    assert vocabulary.check_event_type(value) == "ASSAULT"


@pytest.mark.parametrize("value", ["verbal-conflict", "Verbal conflict", "VERBAL_CONFLICT", " verbal  conflict "])
def test_family_name_is_accepted_in_any_case_and_separator(value):
    assert vocabulary.check_event_type(value) == "verbal-conflict"


def test_family_expands_to_its_types_in_manual_order():
    assert vocabulary.expand_family("material cooperation") == ("COOPERATE", "AID", "RETREAT")


def test_expand_event_type_gives_a_type_itself():
    assert vocabulary.expand_event_type("aid") == ("AID",)


def test_expand_event_type_gives_a_familys_types():
    assert vocabulary.expand_event_type("Verbal-Cooperation") == ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")


def test_expand_family_rejects_a_type_name_listing_the_families():
    with pytest.raises(UnknownValueError, match=r"unknown event type family 'AID'; families: verbal-cooperation, "):
        vocabulary.expand_family("AID")


def test_families_partition_the_types():
    expanded = [name for family in vocabulary.families() for name in vocabulary.expand_family(family.name)]
    assert sorted(expanded) == sorted(TYPE_NAMES)
    assert all(vocabulary.expand_family(f.name) for f in vocabulary.families())


@pytest.mark.parametrize(("type_name", "family"), [
    ("AGREE", "verbal-cooperation"), ("CONCEDE", "verbal-cooperation"), ("RETREAT", "material-cooperation"),
    ("THREATEN", "verbal-conflict"), ("SANCTION", "material-conflict"), ("FIGHT", "material-conflict"),
    ("INVESTIGATE", "verbal-conflict"),
])
def test_type_is_in_its_plover_quad_category(type_name, family):
    # PLOVER manual draft 2.0, the "Quad category" line of each section; FIGHT/INVESTIGATE as ASSAULT/ACCUSE
    assert {t.name: t.family for t in vocabulary.event_types()}[type_name] == family


@pytest.mark.parametrize("value", ["reported", "Reported", " NEGATED "])
def test_modality_is_case_insensitive(value):
    assert vocabulary.check_modality(value) == value.strip().lower()


def test_unknown_modality_raises_listing_the_modalities():
    with pytest.raises(UnknownValueError) as caught:
        vocabulary.check_modality("certain")
    assert str(caught.value) == ("NG009 unknown modality 'certain'; "
                                 "valid modalities: asserted, reported, future, possible, negated")


def test_unknown_quote_kind_raises_listing_the_kinds():
    with pytest.raises(UnknownValueError, match=r"valid quote kinds: direct, indirect, mixed$"):
        vocabulary.check_quote_kind("verbatim")


def test_every_type_has_a_one_line_definition_and_an_example_sentence():
    for t in vocabulary.event_types():
        assert 30 <= len(t.definition) <= 170, t.name
        assert t.example[0].isupper() and t.example.endswith("."), t.name


def test_a_type_in_an_unknown_family_is_a_data_error():
    families = (vocabulary.Term("verbal-conflict", "words"),)
    with pytest.raises(LexiconError, match=r"ACCUSE has family 'verbal-conflikt'"):
        vocabulary.build_event_types((("ACCUSE", "verbal-conflikt", "Criticize.", "They criticized it."),), families)


def test_a_type_listed_twice_is_a_data_error():
    families = (vocabulary.Term("verbal-conflict", "words"),)
    row = ("ACCUSE", "verbal-conflict", "Criticize.", "They criticized it.")
    with pytest.raises(LexiconError, match=r"ACCUSE is listed twice"):
        vocabulary.build_event_types((row, row), families)


def test_glossary_has_one_table_line_per_type_with_family_and_definition():
    lines = vocabulary.format_glossary().splitlines()
    for t in vocabulary.event_types():
        (line,) = [x for x in lines if x.startswith(f"| {t.name} |")]
        assert line == f"| {t.name} | {t.family.replace('-', ' ')} | {t.definition} |"


def test_glossary_lists_modalities_and_quote_kinds_with_meanings():
    glossary = vocabulary.format_glossary()
    for term in (*vocabulary.modalities(), *vocabulary.quote_kinds()):
        assert f"- **{term.name}**: {term.meaning}" in glossary


def test_types_table_rows_give_type_family_definition_example_in_order():
    rows = vocabulary.types_table_rows()
    assert [r[0] for r in rows] == [t.name for t in vocabulary.event_types()]
    assert rows[0] == ("AGREE", "verbal-cooperation", vocabulary.event_types()[0].definition,
                       vocabulary.event_types()[0].example)
