"""A state with limited recognition and no ISO code of its own stays its own actor, not its claimant."""
from __future__ import annotations

import pytest
from resolve_helpers import actor

from newsgraph.resolve.countries import country_word, iso3_of
from newsgraph.resolve.places import place_country


@pytest.mark.parametrize("name, claimant", [("Somaliland", "SOM"), ("Transnistria", "MDA"),
                                            ("Northern Cyprus", "CYP"), ("South Ossetia", "GEO")])
def test_no_country_but_a_place_of_its_claimant(name, claimant):
    assert iso3_of(name) is None
    assert country_word(name) is None
    assert place_country(name) == claimant


def test_states_with_their_own_code_stay_countries():
    assert iso3_of("Kosovo") == "XKX"
    assert iso3_of("Taiwan") == "TWN"
    assert iso3_of("Somalia") == "SOM"


def test_an_agreement_with_a_breakaway_state_is_between_the_two(analyze_text):
    a = analyze_text("Ethiopia signed a port agreement with Somaliland on Monday.", "2024-01-01")
    ethiopia, somaliland = actor(a, "Ethiopia"), actor(a, "Somaliland")
    assert somaliland.type == "GPE" and somaliland.country == "SOM"
    assert all(x.name != "Somalia" for x in a.actors)
    assert any(e.source == ethiopia.id and e.target == somaliland.id for e in a.events)
