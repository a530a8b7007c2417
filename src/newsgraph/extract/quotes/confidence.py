"""Each quote's confidence: the calibrated probability that its text and its speaker are right.

A logistic model over how the quote was found (`index.Evidence`): the stage that found it, the
frame's learned score, the kind of speaker phrase (name, pronoun, description, anonymous,
document, none), whether an actor was found, the quote's kind (direct, indirect, mixed), its
length, and four facts about the speaker that tell a wrong one in both PolNeAR dev and news-dev
(`calibrate.py`): the phrase is linked to the actor by no mention of it (`link=none`: a quote
rule linked it by its own heuristic), how far the phrase stands from the words, whether two or
more people are named in its sentence (competing speakers), and, for a quote without an actor,
whether its phrase names someone (the speaker was named but not taken: nearly always wrong). The
resolver's finer mention kinds (name, surname, demonym, acronym...) were tried and left out: PolNeAR
and news disagree on them (a demonym speaker is mostly wrong in one, mostly right in the other),
and they made news quotes' out-of-fold Brier score worse. The weights are data (`data/quote_confidence.tsv`), fitted by `quotes/calibrate.py` on
PolNeAR dev and the development part of news-dev; the README gives its reliability table.

    >>> confidence_model().probability({"bias": 1.0})                     # doctest: +SKIP
    0.61
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from ...lexicon import data_path, table
from ...model import Actor, Quote
from .index import ArticleIndex, Evidence

PACKAGE = "newsgraph.extract"
MODEL_FILE = "quote_confidence.tsv"
#: the sources, speaker kinds and quote kinds the model has one weight each for
SOURCES = ("frame", "according", "colon", "floating", "continued", "marker")
SPEAKER_KINDS = ("name", "pronoun", "description", "anonymous", "document", "none")
QUOTE_KINDS = ("direct", "indirect", "mixed")
#: contents up to this many words are "short" (a word or a phrase: "mutiny", "the bill")
SHORT_CONTENT_WORDS = 3
#: the speaker's distance from the words is log(1 + characters) / this (about 1 at 150 characters)
GAP_SCALE = 5.0
#: this many people named in the speaker's sentence (outside the words) compete for the speaker
COMPETING_PEOPLE = 2
_WORD = re.compile(r"[^\W\d_]+")
#: the default floor of `--min-confidence` (CLI, API and Python): above it, 82% of PolNeAR dev quotes
#: and 90% of the news-dev development part's are right in text and speaker, 81% of its held-out
#: part's (calibrate.py, 2026-12-03)
DEFAULT_MIN_CONFIDENCE = 0.7
#: confidences are rounded to this many digits (the JSON stays readable)
DIGITS = 3


def quote_features(quote: Quote, evidence: Evidence | None, actor: Actor | None = None,
                   index: ArticleIndex | None = None) -> dict[str, float]:
    """The model's inputs for one quote (one-hot indicators, the frame score, the length), with
    the speaker actor's type and whether the speaker phrase shares a word with the actor's names
    (a named phrase linked to an actor it does not name is a likely wrong link), and what the
    article's `index` (its parse, mentions and actors) tells about the speaker phrase."""
    ev = evidence or Evidence("frame", None, "none")
    words = len(quote.text.split())
    features = {"bias": 1.0, f"source={ev.source}": 1.0, f"speaker={ev.speaker_kind}": 1.0,
                f"kind={quote.kind}": 1.0, "frame_score": ev.score if ev.score is not None else 0.0,
                "no_actor": 1.0 if quote.speaker is None else 0.0,
                "short": 1.0 if words <= SHORT_CONTENT_WORDS else 0.0,
                "log_words": math.log1p(words)}
    if actor is not None:
        features[f"actor={actor.type}"] = 1.0
        if ev.speaker_kind == "name" and not _shares_word(quote.speaker_text or "", actor):
            features["name_mismatch"] = 1.0
    if quote.speaker_start is not None and quote.speaker_end is not None:
        features["speaker_gap"] = math.log1p(_gap(quote, quote.speaker_start, quote.speaker_end)) / GAP_SCALE
    if index is not None:
        features.update(speaker_facts(quote, index))
    return features


def speaker_facts(quote: Quote, index: ArticleIndex) -> dict[str, float]:
    """`link=none`: the quote has an actor but no mention of it covers the speaker phrase;
    `phrase_names_other`: it has none but its phrase holds a mention; `competing_people`: at least
    `COMPETING_PEOPLE` people are named in the speaker's sentence (the words' first one without a
    phrase) outside the words."""
    facts: dict[str, float] = {}
    s, e = quote.speaker_start, quote.speaker_end
    in_phrase = [] if s is None or e is None else [m for m in index.mentions if m.start < e and s < m.end]
    if quote.speaker is not None and not any(m.actor == quote.speaker for m in in_phrase):
        facts["link=none"] = 1.0
    if quote.speaker is None and in_phrase:
        facts["phrase_names_other"] = 1.0
    anchor = index.doc.char_span(s, e, alignment_mode="expand") if s is not None and e is not None else None
    anchor = anchor or index.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if anchor is not None and len(anchor):
        sent = anchor[0].sent
        people = {m.actor for m in index.mentions if sent.start_char <= m.start < sent.end_char
                  and not quote.start <= m.start < quote.end and _is_person(index, m.actor)}
        if len(people) >= COMPETING_PEOPLE:
            facts["competing_people"] = 1.0
    return facts


def _is_person(index: ArticleIndex, actor_id: str) -> bool:
    actor = index.actors.get(actor_id)
    return actor is not None and actor.type == "PERSON"


def _gap(quote: Quote, start: int, end: int) -> int:
    """Characters between the span [start, end) and the quote's words (0 when they overlap)."""
    if start >= quote.end:
        return start - quote.end
    return quote.start - end if end <= quote.start else 0


def _shares_word(phrase: str, actor: Actor) -> bool:
    """A word of at least three letters of `phrase` is a word of the actor's name or aliases."""
    names = {w for n in (actor.name, *actor.aliases) for w in _WORD.findall(n.lower())}
    return any(w in names for w in _WORD.findall(phrase.lower()) if len(w) >= 3)


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic weights by feature name; a feature without a weight counts 0."""

    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def confidence_model() -> ConfidenceModel | None:
    """The fitted model (`data/quote_confidence.tsv`), or None before one was fitted."""
    if not data_path(PACKAGE, MODEL_FILE).is_file():
        return None
    return ConfidenceModel({name: float(w) for name, w in table(PACKAGE, MODEL_FILE, 2, min_columns=2)})


def confidence_of(quote: Quote, evidence: Evidence | None, actor: Actor | None = None,
                  model: ConfidenceModel | None = None, index: ArticleIndex | None = None) -> float | None:
    """The quote's calibrated confidence, None without a fitted model."""
    model = model or confidence_model()
    if model is None:
        return None
    return round(model.probability(quote_features(quote, evidence, actor, index)), DIGITS)
