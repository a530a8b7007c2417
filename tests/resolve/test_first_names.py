"""First-name references: after a full name, the first given name standing alone is that person when no
other person of the article shares it (Ethiopian, Indonesian, Icelandic names, footballers' names)."""
from __future__ import annotations

import pytest
from resolve_helpers import actor_name

from newsgraph.resolve.missed_names import family_name_first


@pytest.mark.parametrize("text, short, full", [
    # Ethiopian: the given name is the person's own name, the second is the father's.
    ("Abiy Ahmed opened a dam on the Omo river. Abiy told farmers the water would reach them by May.",
     "Abiy", "Abiy Ahmed"),
    # Indonesian: many public figures are called by the first (or only) name.
    ("Prabowo Subianto toured a rice mill near Solo. Later Prabowo told growers that prices would hold.",
     "Prabowo", "Prabowo Subianto"),
    # Icelandic: the second name is a patronymic, people are called by the given name.
    ("Olafur Gunnarsson met the governor in Akureyri. Olafur said the road would open in June.",
     "Olafur", "Olafur Gunnarsson"),
    # Brazilian footballers go by one name.
    ("Endrick Felipe scored twice in Santos. Later Endrick told reporters the team was ready.",
     "Endrick", "Endrick Felipe"),
    # A common English given name, one person of that name in the article: the article's only John.
    ("John Mwangi chairs the dockers' union. John said the strike would continue.", "John", "John Mwangi"),
])
def test_a_lone_first_name_joins_the_one_full_name(analyze_text, text, short, full):
    a = analyze_text(text, "2025-03-01")
    assert actor_name(a, short) == full


def test_a_first_name_two_people_share_joins_neither(analyze_text):
    a = analyze_text("David Ochieng and David Kamau met on Monday. David said the deal was close.", "2025-03-01")
    assert {x.name for x in a.actors} >= {"David Ochieng", "David Kamau"}
    assert actor_name(a, "David") not in {"David Ochieng", "David Kamau"}


def test_a_first_name_that_is_another_persons_family_name_is_that_family_name(analyze_text):
    a = analyze_text("Amina Yusuf met Hassan Amina on Monday. Amina said the deal was close.", "2025-03-01")
    assert actor_name(a, "Amina") == "Hassan Amina"


@pytest.mark.parametrize("text, word, full", [
    ("Hope Nakato met the mayor on Monday. Hope said the deal was close.", "Hope", "Hope Nakato"),  # English word
    ("Kenya Mutua met the governor in Nakuru. Kenya said the road would open in June.", "Kenya", "Kenya Mutua"),
    ("Paris Okonjo met the mayor on Monday. Paris said the deal was close.", "Paris", "Paris Okonjo"),  # place
])
def test_a_first_name_that_is_a_word_or_a_place_joins_no_one(analyze_text, text, word, full):
    a = analyze_text(text, "2025-03-01")
    assert actor_name(a, full) == full
    assert actor_name(a, word) != full


@pytest.mark.parametrize("text, short, full", [
    # Chinese names put the one-syllable family name first; news then calls the person by it.
    ("Vice Premier He Lifeng met bankers in Hong Kong. Later Wu Ping, a trade official, said Wu would "
     "join the talks in Geneva.", "Wu", "Wu Ping"),
    ("Li Xiaoming, the ambassador, presented his credentials in Nairobi. Li said trade would double.",
     "Li", "Li Xiaoming"),
    ("Ma Zhaoxu arrived in Brasilia on Tuesday. Ma told reporters the visit would be short.", "Ma", "Ma Zhaoxu"),
])
def test_a_two_letter_family_name_first_joins_its_full_name(analyze_text, text, short, full):
    a = analyze_text(text, "2025-03-01")
    assert actor_name(a, short) == full


@pytest.mark.parametrize("word, family", [("Xi", True), ("Wu", True), ("He", False), ("To", False), ("An", False),
                                          ("Mr", False), ("Dr", False), ("Abe", False)])
def test_only_a_two_letter_word_that_is_no_function_word_or_title_is_a_family_name_first(word, family):
    assert family_name_first(word) is family
