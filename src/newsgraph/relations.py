"""`newsgraph relation A B`: how two actors relate over time, both directions, with example events.

The counts come from `Corpus.relation` (events per period, PLOVER type and direction); this
module names the directions after the actors ("North Korea -> Russia") and picks the first
example events of each direction.
"""
from __future__ import annotations

from dataclasses import dataclass

from .query import Corpus, EventRecord, RelationRow


@dataclass(frozen=True)
class Relation:
    """Event counts between two actors, with their canonical names and example events per direction."""

    name_a: str
    name_b: str
    rows: list[RelationRow]
    examples: dict[str, list[EventRecord]]  # "A -> B" and "B -> A", in that order

    def direction(self, row: RelationRow) -> str:
        """The row's direction by name: "A -> B" for 'a->b', else "B -> A"."""
        return f"{self.name_a} -> {self.name_b}" if row.direction == "a->b" else f"{self.name_b} -> {self.name_a}"


def relation(corpus: Corpus, a: str, b: str, *, by: str = "week", examples: int = 3) -> Relation:
    """The relation of actors `a` and `b` (any name, alias or id) counted by `by`, with up to `examples` events per direction."""
    rows = corpus.relation(a, b, by=by).to_list()
    name_a, name_b = _label(corpus, a), _label(corpus, b)
    samples = {
        f"{name_a} -> {name_b}": corpus.events(a, b, limit=examples).to_list() if examples else [],
        f"{name_b} -> {name_a}": corpus.events(b, a, limit=examples).to_list() if examples else [],
    }
    return Relation(name_a, name_b, rows, samples)


def _label(corpus: Corpus, name: str) -> str:
    """What a side is called: its actor's canonical name, or the name as asked when it covers several
    actors (an alias given to two), whose counts the rows hold together; one actor's name would then
    put the other's events under it."""
    return name if len(corpus.actor_ids(name)) > 1 else corpus.actor(name).actor.name
