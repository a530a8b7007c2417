"""Roles from pre-modifiers and appositives; definite descriptions resolved to the role holder."""
from __future__ import annotations

import pytest
from resolve_helpers import actor, actor_name


def test_premodifier_gives_role_of_organization(analyze_text):
    a = analyze_text("Acme Alliance Chairman Tomas Varga opened the summit. The Acme Alliance chairman later left.",
                     "2023-03-01")
    roles = [(d.role, d.kind) for d in a.descriptors if d.actor == actor(a, "Tomas Varga").id]
    assert ("chairman", "premodifier") in roles
    assert actor_name(a, "The Acme Alliance chairman") == "Tomas Varga"


def test_appositive_with_possessive(analyze_text):
    a = analyze_text("Ingrid Solberg, Norway's foreign minister, arrived on Monday. The foreign minister said little.",
                     "2023-05-02")
    d = next(d for d in a.descriptors if d.kind == "appositive")
    assert d.role == "foreign minister" and d.actor == actor(a, "Ingrid Solberg").id
    assert actor_name(a, "The foreign minister") == "Ingrid Solberg"


@pytest.mark.parametrize("text, description, holder", [
    ("Belarusian strongman Alexander Lukashenko met the press. Critics say the Belarusian strongman fears the street.",
     "the Belarusian strongman", "Alexander Lukashenko"),
    ("Russian dictator Vladimir Putin spoke on television. Analysts doubt the dictator's claims.",
     "the dictator", "Vladimir Putin"),
])
def test_description_takes_back_the_labelled_person(analyze_text, text, description, holder):
    a = analyze_text(text, "2024-02-01")
    assert actor_name(a, description) == holder
    labels = {d.label for d in a.descriptors if d.actor == actor(a, holder).id}
    assert any("strongman" in label or "dictator" in label for label in labels)


def test_head_of_seat_of_power_from_knowledge_at_the_date(analyze_text):
    """No name in the article: the holder comes from the project's table, valid at the article's date."""
    a = analyze_text("Observers said the head of the Kremlin was isolated.", "2024-03-01")
    assert actor_name(a, "the head of the Kremlin") == "Vladimir Putin"
    b = analyze_text("Observers said the head of the Kremlin was isolated.", "2010-03-01")
    assert actor_name(b, "the head of the Kremlin") == "Dmitry Medvedev"


def test_two_people_two_roles_do_not_mix(analyze_text):
    a = analyze_text("Defense Minister Lena Hart met Finance Minister Omar Reyes. Later the finance minister resigned.",
                     "2022-01-01")
    assert actor_name(a, "the finance minister") == "Omar Reyes"


def test_unresolved_description_is_kept_without_actor(analyze_text):
    a = analyze_text("The spokesman of the Zeta Council declined to comment.", "2022-01-01")
    assert any(d.actor is None and d.role for d in a.descriptors)
