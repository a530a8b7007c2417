"""Places → countries through the gazetteer; PLOVER sectors from names and descriptions."""
from __future__ import annotations

import pytest

from newsgraph.resolve.countries import MAX_COUNTRY_NAME_CHARS, iso3_of
from newsgraph.resolve.names import resolve_name
from newsgraph.resolve.places import place_country
from newsgraph.resolve.sectors import sector_of


@pytest.mark.parametrize("place, iso3", [("Shanghai", "CHN"), ("Kabul", "AFG"), ("Mariupol", "UKR"), ("Texas", "USA"),
                                         ("Rakhine", "MMR"), ("Sydney", "AUS")])
def test_gazetteer(place, iso3):
    assert place_country(place) == iso3


@pytest.mark.parametrize("name, country, sector", [
    ("Shanghai police", "CHN", "COP"),
    ("Britain's Defense Ministry", "GBR", "GOV"),
    ("an amusement park operator in Kabul", "AFG", "BUS"),
    ("Lagos traders' union", "NGA", "LAB"),
    ("two Chinese warplanes", "CHN", "MIL"),
    ("Peruvian farmers", "PER", "AGR"),
    ("a former Kenyan minister", "KEN", "ELI"),
    ("Canadian Ambassador to the United Nations", "CAN", "GOV"),
])
def test_name_gives_country_and_sector(name, country, sector):
    got = resolve_name(name)
    assert got is not None and (got.country, got.sector) == (country, sector)


@pytest.mark.parametrize("text, sector", [("riot police", "COP"), ("rebel fighters", "REB"), ("the central bank", "GOV"),
                                          ("members of parliament", "LEG"), ("retired general", "ELI"), ("a cat", None)])
def test_sector_words(text, sector):
    assert sector_of(text) == sector


@pytest.mark.parametrize("name", ["a cat", "Frank", "puppies", "Tamsin Oduya", "was, expected"])
def test_non_actors_resolve_to_none(name):
    assert resolve_name(name) is None


def test_dated_knowledge():
    assert resolve_name("Vladimir Putin", "2010-06-01").role == "prime minister"
    assert resolve_name("Vladimir Putin", "2023-06-01").role == "president"
    assert resolve_name("Jens Stoltenberg", "2020-01-01").role == "secretary general"
    assert resolve_name("Jacinda Ardern", "2024-01-01").sector == "ELI"  # a former official


def test_article_actors_get_country_and_sector(analyze_text):
    a = analyze_text("Shanghai police detained two men. Britain's Defense Ministry said nothing.", "2024-01-01")
    by_name = {x.name: x for x in a.actors}
    assert (by_name["Shanghai police"].country, by_name["Shanghai police"].sector) == ("CHN", "COP")
    ministry = next(x for x in a.actors if "Ministry of Defence" in x.name)
    assert (ministry.country, ministry.sector) == ("GBR", "GOV")


def test_a_string_longer_than_any_country_name_is_no_country():
    """A long string never reaches country_converter's regular expressions (their cost grows with the
    square of the length): 'France' inside it does not make it France."""
    assert iso3_of("France") == "FRA"
    assert iso3_of("France " + "x" * MAX_COUNTRY_NAME_CHARS) is None
