"""Each quote's confidence: the calibrated probability that its text and its speaker are right.

A logistic model over how the quote was found (`index.Evidence`): the stage that found it, the
frame's learned score, the kind of speaker phrase (name, pronoun, description, anonymous,
document, none), whether an actor was found, the quote's kind (direct, indirect, mixed), its
length, how the speaker phrase is linked to the speaker actor (the resolver's `Mention.how`: a
name, a surname, a pronoun, a demonym...; `link=none` when no mention of the actor covers the
phrase, i.e. a quote stage linked it by its own heuristic) and how far the speaker phrase stands
from the words (a speaker several clauses away is more often the wrong one; PolNeAR dev and
news-dev agree on both, `calibrate.py`). The weights are data (`data/quote_confidence.tsv`), fitted by `quotes/calibrate.py` on
PolNeAR dev and the development part of news-dev; the README gives its reliability table.

    >>> confidence_model().probability({"bias": 1.0})                     # doctest: +SKIP
    0.61
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ...lexicon import data_path, table
from ...model import Actor, Mention, Quote
from .index import Evidence

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
_WORD = re.compile(r"[^\W\d_]+")
#: the default floor of `--min-confidence` (CLI, API and Python): above it, 83% of PolNeAR dev quotes
#: and 89% of the news-dev development part's are right in text and speaker, 79% of its held-out
#: part's (calibrate.py, 2026-12-03)
DEFAULT_MIN_CONFIDENCE = 0.7
#: confidences are rounded to this many digits (the JSON stays readable)
DIGITS = 3


def quote_features(quote: Quote, evidence: Evidence | None, actor: Actor | None = None,
                   mentions: Sequence[Mention] = ()) -> dict[str, float]:
    """The model's inputs for one quote (one-hot indicators, the frame score, the length), with
    the speaker actor's type and whether the speaker phrase shares a word with the actor's names
    (a named phrase linked to an actor it does not name is a likely wrong link), how the phrase is
    linked (`mentions`: the article's resolved mentions) and its distance from the words."""
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
        features[f"link={speaker_link(quote, mentions)}"] = 1.0
    if quote.speaker_start is not None and quote.speaker_end is not None:
        features["speaker_gap"] = math.log1p(_gap(quote, quote.speaker_start, quote.speaker_end)) / GAP_SCALE
    return features


def speaker_link(quote: Quote, mentions: Sequence[Mention]) -> str:
    """How the resolver linked the speaker phrase to the quote's speaker (`Mention.how` of the
    speaker's mention inside the phrase), `none` when no mention of that actor covers it."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return "none"
    return next((m.how for m in mentions if m.actor == quote.speaker
                 and m.start < quote.speaker_end and quote.speaker_start < m.end), "none")


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
                  model: ConfidenceModel | None = None, mentions: Sequence[Mention] = ()) -> float | None:
    """The quote's calibrated confidence, None without a fitted model."""
    model = model or confidence_model()
    if model is None:
        return None
    return round(model.probability(quote_features(quote, evidence, actor, mentions)), DIGITS)
