"""`newsgraph resolve` core: honorific forms, offices at a date, institutions (resolve.names.resolve_name)."""
from __future__ import annotations

import pytest

from newsgraph.resolve.names import resolve_name


@pytest.mark.parametrize("name, date, expected", [
    ("Mr. Trump", "2016-05-01", "Donald Trump"),
    ("Mrs. Clinton", "2016-05-01", "Hillary Clinton"),
    ("Mr. Clinton", "2016-05-01", "Bill Clinton"),
    ("Donald J. Trump", "2016-05-01", "Donald Trump"),
])
def test_honorific_and_printed_forms_of_a_person(name, date, expected):
    got = resolve_name(name, date)
    assert got is not None and (got.name, got.type) == (expected, "PERSON")


@pytest.mark.parametrize("name, date, holder", [
    ("NATO chief", "2019-05-01", "Jens Stoltenberg"),
    ("NATO chief", "2024-12-01", "Mark Rutte"),
    ("the Russian president", "2024-01-01", "Vladimir Putin"),
    ("the US secretary of state", "2023-06-01", "Antony Blinken"),
])
def test_office_with_its_owner_is_its_holder_at_the_date(name, date, holder):
    got = resolve_name(name, date)
    assert got is not None and got.name == holder


def test_bare_office_is_a_role_not_an_organization():
    got = resolve_name("the president", "2016-05-01")
    assert got is not None and (got.type, got.role, got.country) == ("PERSON", "president", None)


def test_bare_office_takes_the_country_of_its_context():
    got = resolve_name("the president", "2016-05-01", context="Washington")
    assert got is not None and got.name == "Barack Obama"


def test_office_without_a_known_holder_is_a_role_actor():
    got = resolve_name("Brazil's top economic adviser", "2025-01-01")
    assert got is not None and (got.type, got.country, got.how) == ("PERSON", "BRA", "role")


@pytest.mark.parametrize("name, expected, country", [
    ("the French embassy", "Embassy of France", "FRA"),
    ("Russian Defense Ministry", "Ministry of Defence of Russia", "RUS"),
    ("the Serbian government", "Serbia", "SRB"),
])
def test_institution_of_a_state(name, expected, country):
    got = resolve_name(name)
    assert got is not None and (got.name, got.country) == (expected, country)


def test_stranger_with_an_honorific_is_no_one():
    assert resolve_name("Mr. Haldorsen", "2016-05-01") is None


@pytest.mark.parametrize("name, head_of_state", [
    ("Pakistan's army chief", "Asif Ali Zardari"),
    ("Nigeria's police chief", "Bola Tinubu"),
    ("Turkey's central bank chief", "Recep Tayyip Erdogan"),
    ("Iran's former president", "Masoud Pezeshkian"),
])
def test_a_field_head_or_former_holder_is_not_the_head_of_state(name, head_of_state):
    """As in an article (resolve/roles.py): "army chief" heads the army, "former president" held it before."""
    got = resolve_name(name, "2025-03-01")
    assert got is not None and got.name != head_of_state and got.type == "PERSON"


@pytest.mark.parametrize("name, holder", [
    ("Russia's prime minister", "Mikhail Mishustin"),
    ("Israel's prime minister", "Benjamin Netanyahu"),
    ("Iran's supreme leader", "Ali Khamenei"),
    ("the German chancellor", "Friedrich Merz"),
    ("the Russian leader", "Vladimir Putin"),
])
def test_a_named_office_is_its_own_holder(name, holder):
    got = resolve_name(name, "2025-08-01")
    assert got is not None and got.name == holder


def test_a_named_office_nobody_holds_in_the_table_is_no_other_leader():
    got = resolve_name("India's president", "2025-08-01")
    assert got is None or got.name != "Narendra Modi"
