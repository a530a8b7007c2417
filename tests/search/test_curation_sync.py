"""A curation rule updates the search index at once: a renamed actor is found under its new name, a
merged one under the names of the actor merged into it, a split one under the alias split off (before,
the index kept the old documents until `newsgraph reindex`)."""
from __future__ import annotations

import pytest

import newsgraph

TEXT = ("Alma Vestergaard, the harbour commissioner, said on Monday that the new pier would open in May. "
        "Commissioner Vestergaard added that the Port Authority of Nordhavn had approved the budget. "
        "The Nordhavn Harbour Board said it welcomed the plan.")


@pytest.fixture()
def curator(tmp_path):
    with newsgraph.Curator(str(tmp_path / "harbour.duckdb")) as curator:
        curator.ingest([{"id": "pier-1", "date": "2024-05-02", "title": "Pier plan", "text": TEXT}])
        yield curator


def _found(curator: newsgraph.Curator, words: str) -> list[str]:
    return [row["name"] for row in curator.search(words, kinds=["actors"]).get("actors").rows]


def test_a_renamed_actor_is_found_under_its_new_name(curator):
    assert _found(curator, "Tidewater") == []
    curator.rename("Alma Vestergaard", "Alma Tidewater Vestergaard")
    assert _found(curator, "Tidewater") == ["Alma Tidewater Vestergaard"]


def test_a_merged_actor_is_found_under_the_kept_actor(curator):
    board = _found(curator, "Harbour Board")
    assert board and board[0] != "Port Authority of Nordhavn"
    curator.merge("Port Authority of Nordhavn", board[0])
    assert _found(curator, "Harbour Board") == ["Port Authority of Nordhavn"]


def test_an_alias_is_found_at_once(curator):
    curator.add_alias("Alma Vestergaard", "the pier queen")
    assert _found(curator, "queen") == ["Alma Vestergaard"]
