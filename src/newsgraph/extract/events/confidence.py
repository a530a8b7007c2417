"""Confidence: how likely an event's type, source and target are all right, from what the rules saw.

Each event gets a few yes/no and scaled facts about how it was found (`evidence`): whether both
actors are named, whether the trigger came from the project's lexicon or PETRARCH's dictionary,
a noun or a verb, the main clause or a deep one, in a quote, a fan-out of a coordination, an actor
named only by a pronoun, a place taken as target. A logistic model over them gives the
probability; its weights are fitted by `calibrate` on labelled dev events (PLOVER GSR dev and the
dev part of news-dev) and stored in `data/event_confidence.tsv`, whose header carries the
reliability table and expected calibration error of the fit.

    >>> round(confidence({"has_source": 1.0, "has_target": 1.0, "main_clause": 1.0}), 2)   # doctest: +SKIP
    0.71
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache

from spacy.tokens import Span, Token

from ...lexicon import table
from ...model import Modality
from .actors import ActorIndex
from .lexicons import PACKAGE, type_group
from .triggers import Trigger

CONFIDENCE_FILE = "event_confidence.tsv"
#: the model's inputs, in the order the data file lists them (any missing weight is 0)
FEATURES = ("has_source", "has_target", "person_source", "cameo", "noun", "phrasal", "reported", "future",
            "negated", "main_clause", "depth", "fanout", "quoted", "material", "verbal_conflict", "cooperative",
            "unnamed_actor", "place_target", "paired", "long_sentence", "demand")
#: the inputs the fitted model weighs (`calibrate.py`); the others keep weight 0. Fewer inputs, each
#: shrunk, are calibrated out of fold where all 21 were not (5 folds by document: ECE 0.019 against
#: 0.059, Brier 0.143 against 0.150); kept are the ones the 21-input fit weighed most
MODEL_FEATURES = ("has_source", "has_target", "cameo", "depth", "reported", "verbal_conflict", "cooperative",
                  "demand", "material", "unnamed_actor")
_BIAS = "bias"
#: arcs from the root at which `depth` stops growing, and tokens at which `long_sentence` is 1
_DEPTH_SCALE, _LONG_SENTENCE = 6, 40


def evidence(tok: Token, trig: Trigger, etype: str, source: str | None, target: str | None, modality: Modality,
             quoted: bool, *, depth: int, fanout: int, place_target: bool, paired: bool, demand: bool,
             index: ActorIndex) -> dict[str, float]:
    """The facts the confidence model reads about one event (see `FEATURES`)."""
    sent = tok.sent
    return {
        "has_source": float(source is not None),
        "has_target": float(target is not None),
        "person_source": float(source is not None and index.is_person(source)),
        "cameo": float(trig.origin == "cameo"),
        "noun": float(tok.pos_ == "NOUN"),
        "phrasal": float(" " in trig.key),
        "reported": float(modality == "reported"),
        "future": float(modality in ("future", "possible")),
        "negated": float(modality == "negated"),
        "main_clause": float(depth == 0),
        "depth": min(depth, _DEPTH_SCALE) / _DEPTH_SCALE,
        "fanout": float(fanout > 1),
        "quoted": float(quoted),
        "material": float(etype in type_group("material_conflict")),
        "verbal_conflict": float(etype in type_group("response") or etype == "THREATEN"),
        "cooperative": float(etype in type_group("cooperative") or etype == "AGREE"),
        "unnamed_actor": float(any(a is not None and not _named_in(a, sent, index) for a in (source, target))),
        "place_target": float(place_target),
        "paired": float(paired),
        "long_sentence": min(len(sent) / _LONG_SENTENCE, 2.0),
        "demand": float(demand),
    }


def _named_in(actor_id: str, sent: Span, index: ActorIndex) -> bool:
    """Whether the sentence names the actor by a word that is no pronoun."""
    return any(index.tok_actor[t.i] == actor_id and t.pos_ != "PRON" for t in sent)


@cache
def weights() -> dict[str, float]:
    """feature → weight (and `bias`) of the fitted model, from `data/event_confidence.tsv`."""
    return {name: float(value) for name, value in table(PACKAGE, CONFIDENCE_FILE, 2, min_columns=2)}


def confidence(features: Mapping[str, float]) -> float:
    """The calibrated probability that an event with these features is right, rounded to 3 places."""
    w = weights()
    z = w.get(_BIAS, 0.0) + sum(w.get(name, 0.0) * value for name, value in features.items())
    return round(1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))), 3)
