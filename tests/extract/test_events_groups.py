"""Group actors as event actors: a group named with its country acts, not its country. Sentences written for
these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, group, country", [
    ("Haitian gangs attacked the police station in Cabaret.", "Haitian gangs", "Haiti"),
    ("Israeli settlers attacked the village of Duma.", "Israeli settlers", "Israel"),
])
def test_a_group_acts_not_its_country(code, text, group, country):
    events = code(text)
    assert any(e[1] == group for e in events), events
    assert not any(e[1] == country for e in events), events


def test_a_group_is_a_target(code):
    events = code("Kenya condemned the attack by Haitian gangs and urged Haitian gangs to disarm.")
    assert ("REQUEST", "Kenya", "Haitian gangs", "asserted") in events, events
