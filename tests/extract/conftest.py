"""The event tests' shared reading of a text: the events of one sentence as (type, source name, target
name, modality). test_events.py and test_events_arguments.py read more of each event and define their own."""
from __future__ import annotations

import pytest

from newsgraph.extract.events import extract_events
from newsgraph.extract.mentions import entity_mentions
from newsgraph.resolve.actors import resolve_mentions

DATE = "2024-11-06"


@pytest.fixture(scope="module")
def code(nlp):
    """text → list of (type, source name, target name, modality), with the article dated DATE."""

    def run(text: str) -> list[tuple[str, str | None, str | None, str]]:
        doc = nlp(text)
        mentions, actors = resolve_mentions(entity_mentions(doc))
        name = {a.id: a.name for a in actors.values()}
        return [(e.type, name.get(e.source), name.get(e.target), e.modality)
                for e in extract_events(doc, mentions, actors, [], DATE)]

    return run
