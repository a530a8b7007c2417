"""The confidence models' inputs and the calibration scripts' figures (quotes and events)."""
from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from newsgraph.extract.events import calibrate as event_calibrate
from newsgraph.extract.quotes import calibrate as quote_calibrate
from newsgraph.extract.quotes.confidence import quote_features
from newsgraph.extract.quotes.index import ArticleIndex
from newsgraph.extract.quotes.settings import QuoteSettings
from newsgraph.model import Actor, Mention, Quote

# "Senator Mara Voss told reporters on Friday that the levee plan was dead."
TEXT = "Senator Mara Voss told reporters on Friday that the levee plan was dead."
VOSS = Actor("p-voss", "Mara Voss", "PERSON")


def _quote(speaker_start: int | None, speaker_end: int | None, speaker: str | None = "p-voss") -> Quote:
    start = TEXT.index("the levee")
    return Quote(speaker, None if speaker_start is None else TEXT[speaker_start:speaker_end], speaker_start,
                 speaker_end, "told", TEXT.index("told"), TEXT.index("told") + 4, TEXT[start:-1], start, len(TEXT) - 1)


@pytest.fixture(scope="module")
def index(nlp: Language) -> ArticleIndex:
    """An article where two people are named in the speaker's sentence."""
    doc = nlp(TEXT2)
    mentions = [Mention("p-voss", TEXT2.index("Voss"), TEXT2.index("Voss") + 4, "Voss", "surname"),
                Mention("p-okafor", TEXT2.index("Okafor"), TEXT2.index("Okafor") + 6, "Okafor", "surname")]
    actors = {"p-voss": VOSS, "p-okafor": Actor("p-okafor", "Ben Okafor", "PERSON")}
    return ArticleIndex.build(doc, mentions, actors, QuoteSettings())


TEXT2 = "After meeting Okafor, Voss said the levee plan was dead."


def _quote2(speaker: str | None, phrase: str) -> Quote:
    start = TEXT2.index("the levee")
    s = TEXT2.index(phrase)
    return Quote(speaker, phrase, s, s + len(phrase), "said", TEXT2.index("said"), TEXT2.index("said") + 4,
                 TEXT2[start:-1], start, len(TEXT2) - 1)


def test_a_speaker_named_by_a_mention_of_it_is_linked(index: ArticleIndex) -> None:
    assert "link=none" not in quote_features(_quote2("p-voss", "Voss"), None, VOSS, index)


def test_a_speaker_phrase_no_mention_of_the_speaker_covers_is_unlinked(index: ArticleIndex) -> None:
    # the quote rule gave the words to Voss from the phrase "Okafor": no mention of Voss covers it
    assert quote_features(_quote2("p-voss", "Okafor"), None, VOSS, index)["link=none"] == 1.0


def test_a_quote_without_an_actor_whose_phrase_names_someone(index: ArticleIndex) -> None:
    assert quote_features(_quote2(None, "Voss"), None, None, index)["phrase_names_other"] == 1.0
    assert "phrase_names_other" not in quote_features(_quote2("p-voss", "Voss"), None, VOSS, index)


def test_two_people_named_in_the_speakers_sentence_compete(index: ArticleIndex) -> None:
    assert quote_features(_quote2("p-voss", "Voss"), None, VOSS, index)["competing_people"] == 1.0


def test_one_person_named_in_the_sentence_does_not_compete(nlp: Language) -> None:
    doc = nlp(TEXT)
    mention = Mention("p-voss", TEXT.index("Mara"), TEXT.index("Mara") + 9, "Mara Voss", "name")
    one = ArticleIndex.build(doc, [mention], {"p-voss": VOSS}, QuoteSettings())
    assert "competing_people" not in quote_features(_quote(0, len("Senator Mara Voss")), None, VOSS, one)


def test_a_distant_speaker_has_a_larger_gap_than_an_adjacent_one() -> None:
    near = quote_features(_quote(TEXT.index("on Friday"), TEXT.index("that")), None, VOSS)
    far = quote_features(_quote(0, len("Senator Mara Voss")), None, VOSS)
    assert 0.0 < near["speaker_gap"] < far["speaker_gap"]


def test_a_speaker_inside_the_words_has_no_gap() -> None:
    inside = quote_features(_quote(TEXT.index("levee"), TEXT.index("levee") + 5), None, VOSS)
    assert inside["speaker_gap"] == 0.0
    assert "speaker_gap" not in quote_features(_quote(None, None), None, VOSS)


# ---------------------------------------------------------------- quote calibration figures

def test_table_of_a_perfect_forecast_has_no_error() -> None:
    probs = [(0.05, False)] * 10 + [(0.95, True)] * 10
    assert quote_calibrate.table_of(probs)[1] == pytest.approx(0.05)
    assert [r.n for r in quote_calibrate.table_of(probs)[0]] == [10, 10]


def test_table_of_an_overconfident_forecast() -> None:
    probs = [(0.85, True)] * 5 + [(0.85, False)] * 5   # says .85, right half the time
    assert quote_calibrate.table_of(probs)[1] == pytest.approx(0.35)


def test_the_noise_floor_shrinks_with_more_quotes() -> None:
    few, many = [(0.7, True)] * 30, [(0.7, True)] * 3000
    assert quote_calibrate.noise_floor(few) > 0.03 > quote_calibrate.noise_floor(many)


def test_above_counts_the_quotes_at_or_over_the_floor() -> None:
    assert quote_calibrate.above([(0.7, True), (0.9, False), (0.69, True)], 0.7) == (2, 0.5)


def _sample(doc: str, feature: float, right: bool) -> quote_calibrate.Sample:
    return quote_calibrate.Sample({"bias": 1.0, "x": feature}, right, doc)


def test_out_of_fold_confidences_do_not_see_their_own_document() -> None:
    samples = [_sample(f"d{i}", float(i % 2), bool(i % 2)) for i in range(20)]
    flipped = [*samples[:-1], _sample("d19", 1.0, False)]   # only d19's label differs
    assert quote_calibrate.out_of_fold(samples)[-1] == pytest.approx(quote_calibrate.out_of_fold(flipped)[-1])


@pytest.mark.parametrize(("text", "holds"), [
    ("the port would reopen within a week once repairs end", True),   # the gold opening, extended
    ("the dredging contract had been cancelled", False),              # words no gold speaker said
])
def test_a_quote_holds_a_gold_opening(text: str, holds: bool) -> None:
    q = Quote(None, "harbour officials", 0, 17, "said", 18, 22, text, 23, 23 + len(text))
    row = {"speakers": [{"name": "Ilse Brandt", "direct": [], "indirect": ["the port would reopen within a week"]}]}
    assert quote_calibrate._holds_gold_opening(q, row) is holds


# ---------------------------------------------------------------- event calibration figures

def test_event_noise_floor_is_small_for_many_events_and_large_for_few() -> None:
    p = np.full(4000, 0.6)
    assert event_calibrate.noise_floor(p) < 0.02 < event_calibrate.noise_floor(p[:40])


def test_shuffled_folds_are_fixed_by_their_seed() -> None:
    items = [event_calibrate.Labelled({"has_source": float(i % 2)}, bool(i % 3), f"doc{i // 2}", "news")
             for i in range(40)]
    first, again = event_calibrate.cross_validated(items, seed=3), event_calibrate.cross_validated(items, seed=3)
    assert np.allclose(first, again)
    assert not np.allclose(first, event_calibrate.cross_validated(items, seed=4))


def test_brier_rewards_telling_right_from_wrong() -> None:
    sharp = [(0.9, True), (0.1, False)]
    vague = [(0.5, True), (0.5, False)]   # as calibrated, but tells nothing apart
    assert quote_calibrate.brier(sharp) == pytest.approx(0.01) and quote_calibrate.brier(vague) == pytest.approx(0.25)
