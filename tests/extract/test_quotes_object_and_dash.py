"""Issue 15 (a blind check of quotes): an object-only content before a participle cue, and a
trailing "- X said" inside a content. Sentences written for these tests."""
from __future__ import annotations

import pytest


def contents(article) -> list[str]:
    return [q.text for q in article.quotes]


@pytest.mark.parametrize("text,participle_content,object_only", [
    # criticise X, saying ...: the claim is the participle's clause, the object is what it is about
    ("The senator criticised the broadcaster Channel Nine, saying it had ignored the flood victims.",
     "it had ignored the flood victims", "the broadcaster Channel Nine"),
    # refer to X, calling ...: the same with a prepositional object
    ("Ms Okafor referred to the tariffs on steel, calling them the main cause of the layoffs.",
     "them the main cause of the layoffs", "the tariffs on steel"),
    # liken X, saying ...
    ("The coach likened the new stadium, saying the club could not afford the rent.",
     "the club could not afford the rent", "the new stadium"),
])
def test_object_before_a_participle_cue_is_no_content(analyze_text, text, participle_content, object_only):
    got = contents(analyze_text(text))
    assert any(participle_content in c for c in got), got
    assert object_only not in got, got


@pytest.mark.parametrize("text,content", [
    # a cue verb with an object and no participle keeps its object ("criticised X" alone is a stance)
    ("The senator criticised the decision to close the hospital.", "the decision to close the hospital"),
    # a verb of stance outside the topic list keeps its object before a participle (PolNeAR annotates it)
    ("The governor defended the new curfew, saying it had cut street crime.", "the new curfew"),
])
def test_object_content_without_a_participle_stays(analyze_text, text, content):
    assert content in contents(analyze_text(text))


@pytest.mark.parametrize("text,content,cut", [
    # "- Y said" after the content is another report, not part of X's words
    ("Spain said it had signed a water treaty with Morocco - Sanchez said on Friday.",
     "it had signed a water treaty with Morocco", "Sanchez"),
    ("The ministry said the border crossing would reopen next week – the deputy minister told reporters.",
     "the border crossing would reopen next week", "deputy minister"),
])
def test_trailing_dash_report_is_cut_from_the_content(analyze_text, text, content, cut):
    got = contents(analyze_text(text))
    assert content in got, got
    assert not any(cut in c for c in got), got


@pytest.mark.parametrize("text,first,second", [
    # two reports joined by a dash: each speaker keeps their own clause, the parser's nesting of the
    # first under the second speech verb notwithstanding
    ("Turkey said it had reached a deal with the rebels under which they would leave the border town – "
     "Stoltenberg said the alliance was watching the talks but would not comment further.",
     ("Stoltenberg", "the alliance was watching the talks but would not comment further"),
     ("Turkey", "it had reached a deal with the rebels under which they would leave the border town")),
    ("Kenya said its police unit would stay in Haiti until March — Ruto said the mission had restored order in "
     "the capital.",
     ("Ruto", "the mission had restored order in the capital"), ("Kenya", "its police unit would stay in Haiti until March")),
])
def test_two_reports_joined_by_a_dash_keep_their_speakers(analyze_text, text, first, second):
    got = [(q.speaker_text, q.text) for q in analyze_text(text).quotes]
    assert first in got and second in got, got


@pytest.mark.parametrize("text,content", [
    # a hyphen inside a word, or a dash aside without a speech verb, stays in the content
    ("The mayor said the long-awaited bridge would open - weather permitting - in the spring.",
     "the long-awaited bridge would open - weather permitting - in the spring"),
])
def test_dash_without_a_report_stays(analyze_text, text, content):
    assert content in contents(analyze_text(text))


@pytest.mark.parametrize("text,speaker,content", [
    # "According to <outlet>, <Name> said ...": the outlet relays, the named person speaks
    ("According to Reuters, Tom Hardy said the plant would close in June.",
     "Tom Hardy", "the plant would close in June"),
])
def test_according_to_relays_a_named_report(analyze_text, text, speaker, content):
    got = [(q.speaker_text, q.text) for q in analyze_text(text).quotes]
    assert (speaker, content) in got, got


@pytest.mark.parametrize("text,speaker", [
    # "According to X, <clause>" without a report of its own stays X's
    ("According to the Daily Ledger, the plant will close in June.", "the Daily Ledger"),
])
def test_according_to_without_a_named_report_stays(analyze_text, text, speaker):
    assert [q.speaker_text for q in analyze_text(text).quotes] == [speaker]


@pytest.mark.parametrize("text,content,cut", [
    # the writer's note of what the report led to
    ("The mayor said the bridge would close for a month, prompting the city to add extra buses on the route.",
     "the bridge would close for a month", "prompting"),
    # an absolute with-clause the writer adds
    ("The minister said the strike had ended, with unions declaring a victory for the teachers.",
     "the strike had ended", "declaring"),
])
def test_a_writers_consequence_clause_is_cut_from_the_content(analyze_text, text, content, cut):
    got = contents(analyze_text(text))
    assert content in got and not any(cut in c for c in got), got
