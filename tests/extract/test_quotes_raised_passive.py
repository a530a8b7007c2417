"""A passive cue with an infinitive ("the talks are said to have lasted", "who is reported to have
resigned", "X was urged to resign") names no speaker: its subject is what the words are about or
whom they address. Before, a relative pronoun subject ("that", "who") was kept as the speaker
text, and claims joined such speakerless fragments to real claims. Sentences written for this test."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, content", [
    ("Following meetings that are said to have lasted all night, the mayor announced a deal.", "lasted all night"),
    ("The treasurer, who is reported to have resigned, did not attend the hearing.", "resigned"),
    ("The coach was urged to step down after the defeat.", "step down"),
])
def test_a_raised_passive_subject_is_no_speaker(analyze_text, text, content):
    article = analyze_text(text)
    quotes = [q for q in article.quotes if content in q.text]
    assert all(q.speaker is None and q.speaker_text is None for q in quotes)


def test_a_speaker_forced_to_admit_still_speaks(analyze_text):
    article = analyze_text("Councillor Dana Whitfield was forced to admit that the budget had been overspent.")
    names = {a.id: a.name for a in article.actors}
    assert [names.get(q.speaker) for q in article.quotes if "overspent" in q.text] == ["Dana Whitfield"]
