"""Seats of power and capitals as political actors → the country's government; as places they stay places."""
from __future__ import annotations

import pytest
from resolve_helpers import actor_name


@pytest.mark.parametrize("text, surface, country", [
    ("The Kremlin denied the report on Tuesday.", "Kremlin", "Russia"),
    ("The White House said the talks would continue.", "White House", "United States"),
    ("Pyongyang fired two missiles, Seoul said.", "Pyongyang", "North Korea"),
    ("Beijing's decision surprised diplomats.", "Beijing", "China"),
])
def test_seat_as_actor_is_the_government(analyze_text, text, surface, country):
    a = analyze_text(text, "2024-01-10")
    m = next(m for m in a.mentions if m.text == surface)
    assert m.how == "metonym"
    assert actor_name(a, surface) == country


def test_city_as_place_stays_a_place_with_its_country(analyze_text):
    a = analyze_text("Thousands marched in Moscow on Sunday.", "2024-01-10")
    m = next(m for m in a.mentions if m.text == "Moscow")
    assert m.how != "metonym"
    place = next(x for x in a.actors if x.id == m.actor)
    assert place.name == "Moscow" and place.country == "RUS"


def test_resolve_name_gives_government_sector():
    from newsgraph.resolve.names import resolve_name

    got = resolve_name("the Kremlin")
    assert (got.country, got.sector, got.how) == ("RUS", "GOV", "metonym")


@pytest.mark.parametrize("text, surface, country", [
    ("Talks between Ankara and Athens resumed after a long pause.", "Athens", "Greece"),
    ("The militia waged a long insurgency against Baghdad.", "Baghdad", "Iraq"),
    ("The rebels say they are still at war with Kinshasa.", "Kinshasa", "DR Congo"),
    ("The truce came after Doha-mediated negotiations last week.", "Doha", "Qatar"),
    ("Activists floated anti-Kyiv pamphlets over the line.", "Kyiv", "Ukraine"),
    ("The row has soured Cairo-Nairobi ties for months.", "Nairobi", "Kenya"),
])
def test_capital_as_party_to_a_relation_is_the_government(analyze_text, text, surface, country):
    a = analyze_text(text, "2024-01-10")
    m = next(m for m in a.mentions if m.text == surface)
    assert m.how == "metonym"
    assert actor_name(a, surface) == country


@pytest.mark.parametrize("text, surface", [
    ("A Washington-based think tank published the survey.", "Washington"),
    ("Flights from Nairobi and Cairo were delayed on Monday.", "Cairo"),
    ("Tourists crowded into Athens and Rome this summer.", "Athens"),
])
def test_capital_as_place_in_a_relation_test_stays_a_place(analyze_text, text, surface):
    a = analyze_text(text, "2024-01-10")
    m = next(m for m in a.mentions if m.text == surface)
    assert m.how != "metonym"


@pytest.mark.parametrize("text, surface, country", [
    ("Oman hosted the third round. The delegations will meet again in Muscat next month.", "Muscat", "Oman"),
    ("Ecuadorian troops patrolled the port. Curfews were imposed in Quito on Friday.", "Quito", "Ecuador"),
    ("Nigeria raised fuel prices. Unions gathered in Abuja to protest the decision.", "Abuja", "Nigeria"),
])
def test_capital_as_place_in_an_article_naming_its_country_is_that_country(analyze_text, text, surface, country):
    a = analyze_text(text, "2024-06-03")
    assert actor_name(a, surface, how="place") == country
    assert len({m.actor for m in a.mentions if m.text in {surface, country} or m.how == "demonym"}) == 1


def test_city_that_is_no_capital_keeps_its_own_actor_beside_the_country(analyze_text):
    a = analyze_text("Nigeria raised fuel prices. Unions gathered in Lagos to protest the decision.", "2024-06-03")
    assert actor_name(a, "Lagos") == "Lagos"
