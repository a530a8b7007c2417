"""The CAMEO-derived trigger list, its precedence under the project's lexicon, and the confidence fit."""
from __future__ import annotations

import numpy as np
import pytest

from newsgraph.extract.events.build_cameo_triggers import plover
from newsgraph.extract.events.calibrate import fit, predict, reliability
from newsgraph.extract.events.confidence import FEATURES, confidence, weights
from newsgraph.extract.events.lexicons import light_verbs
from newsgraph.extract.events.triggers import cameo_lexicon, lexicon, lookup

TABLE = {"19": ("ASSAULT", ""), "190": ("ASSAULT", "military"), "09": ("ACCUSE", ""), "163": ("COERCE", "diplomatic"),
         "04": ("CONSULT", "")}


@pytest.mark.parametrize("code, expected", [
    ("190", ("FIGHT", "military")),       # CAMEO 19 conventional force is FIGHT, as in the PLOVER GSR
    ("0923", ("INVESTIGATE", "")),        # CAMEO 09 is INVESTIGATE
    ("163", ("COERCE", "diplomatic")),
    ("042:043", ("CONSULT", "")),         # the active code of an active:passive pair
    ("010", None),                        # statements have no PLOVER type
    ("---", None),
])
def test_cameo_codes_map_to_plover(code, expected):
    assert plover(code, TABLE) == expected


def test_cameo_list_is_loaded_and_marked():
    lex = cameo_lexicon()
    assert len(lex) > 1000 and all(t.origin == "cameo" for t in lex.values())


def test_own_lexicon_wins_on_its_verbs():
    own_verbs = {k for k, pos in lexicon() if pos == "VERB"} - light_verbs()  # light verbs: their object decides
    assert not any(key.split(" ", 1)[0] in own_verbs for key, _ in cameo_lexicon())


def test_a_dictionary_verb_codes_an_event(nlp):
    doc = nlp("Rebels gunned down three hostages.")
    trig = lookup(doc[1])
    assert trig is not None and trig.origin == "cameo" and trig.type in ("ASSAULT", "FIGHT")


def test_an_excluded_dictionary_verb_codes_nothing(nlp):
    assert lookup(nlp("The minister expressed hope.")[2]) is None


# ---------------------------------------------------------------- confidence model

def test_confidence_weights_cover_the_features():
    assert set(FEATURES) <= set(weights()) and "bias" in weights()


def test_confidence_is_a_probability():
    for features in ({}, {f: 1.0 for f in FEATURES}, {"has_source": 1.0, "has_target": 1.0}):
        assert 0.0 <= confidence(features) <= 1.0


def test_logistic_fit_recovers_a_separating_feature():
    rng = np.random.default_rng(0)
    feature = rng.integers(0, 2, 400).astype(float)
    y = (rng.random(400) < np.where(feature == 1, 0.8, 0.2)).astype(float)
    x = np.column_stack([np.ones(400), feature])
    p = predict(x, fit(x, y, penalty=0.01))
    assert abs(p[feature == 1].mean() - 0.8) < 0.06 and abs(p[feature == 0].mean() - 0.2) < 0.06


def test_reliability_of_a_calibrated_forecast_is_small():
    rng = np.random.default_rng(1)
    p = rng.random(5000)
    y = (rng.random(5000) < p).astype(float)
    rows, ece = reliability(p, y)
    assert ece < 0.03 and len(rows) == 10 and sum(n for _, n, _, _ in rows) == 5000
