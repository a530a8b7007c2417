"""Seats of government the gazetteer misses, table aliases of well-known names, and descriptions whose owner
is named but is no actor. Sentences written for these tests."""
from __future__ import annotations

import pytest
from resolve_helpers import actor_name


@pytest.mark.parametrize("text, seat, country", [
    ("Astana said it would not join the sanctions, and Kazakhstan's envoy repeated the point.", "Astana", "Kazakhstan"),
    ("Naypyitaw rejected the report, and Myanmar's foreign ministry called it biased.", "Naypyitaw", "Myanmar"),
    ("Bujumbura accused Kigali of shelter for rebels, and Burundi closed the border.", "Bujumbura", "Burundi"),
])
def test_seat_of_government_stands_for_its_country(analyze_text, text, seat, country):
    a = analyze_text(text, "2025-02-03")
    assert actor_name(a, seat) == country


def test_a_description_whose_owner_is_named_but_no_actor_takes_no_other_holder(analyze_text):
    a = analyze_text("According to the agency, the Leader of the Islamic Revolution ordered a response. Hamas "
                     "political chief Khalil al-Hayya arrived in Doha.", "2025-02-03")
    assert actor_name(a, "Khalil al-Hayya") == "Khalil al-Hayya"
    assert actor_name(a, "the Leader of the Islamic Revolution") != "Khalil al-Hayya"


@pytest.mark.parametrize("text, form, name", [
    ("Mahmoud Abbas met the envoy in Ramallah. Abu Mazen told him the talks must resume.", "Abu Mazen",
     "Mahmoud Abbas"),
    ("Vetevendosje won the most votes in Kosovo, and the Self-Determination Movement will lead talks.",
     "Self-Determination Movement", "Vetevendosje"),
])
def test_table_alias_joins_its_actor(analyze_text, text, form, name):
    a = analyze_text(text, "2025-02-03")
    assert actor_name(a, form) == name
