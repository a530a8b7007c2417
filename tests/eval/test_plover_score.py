"""The PLOVER scorer on a tiny hand-made gold file (tests/data/plover_tiny.json)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.eval.plover import format_report, iso3_codes, load_plover, map_cameo, normalize_type, run_event_eval, score

TINY = Path(__file__).resolve().parents[1] / "data" / "plover_tiny.json"


def test_load_skips_document_and_maps_legacy_types():
    gold = load_plover(TINY)
    assert [g["id"] for g in gold] == ["TINY-0001", "TINY-0002", "TINY-0003", "TINY-0004"]
    assert [g["type"] for g in gold] == ["AID", "REQUEST", "ACCUSE", "PROTEST"]
    assert gold[2]["source"] == [] and gold[2]["target"] == ["HUN"]  # IGO is not a country code
    assert gold[3]["target"] == []


def test_score_by_hand():
    gold = load_plover(TINY)
    predicted = [
        {"id": "TINY-0001", "type": "AID", "source": "DEU", "target": "POL"},
        {"id": "TINY-0002", "type": "DEMAND", "source": "PER", "target": None},  # legacy name mapped too
        {"id": "TINY-0003", "type": "AID", "source": None, "target": "HUN"},
        # TINY-0004: no prediction
    ]
    r = score(gold, predicted)
    assert r["n"] == 4 and r["predicted_any"] == 3
    assert r["type_accuracy"] == pytest.approx(2 / 4)
    # AID: P 1/2 R 1/1 F1 2/3; REQUEST: 1; ACCUSE: 0; PROTEST: 0  → macro (2/3 + 1) / 4
    assert r["per_type"]["AID"]["f1"] == pytest.approx(2 / 3)
    assert r["macro_f1"] == pytest.approx((2 / 3 + 1) / 4)
    assert (r["source"]["correct"], r["source"]["n"]) == (1, 3)
    assert (r["target"]["correct"], r["target"]["n"]) == (2, 3)
    assert "type accuracy    0.500" in format_report(r)


def test_score_accepts_a_list_of_gold_types():
    r = score([{"id": "a", "type": ["AID", "AGREE"], "source": [], "target": []}],
              [{"id": "a", "type": "AGREE", "source": None, "target": None}])
    assert r["type_accuracy"] == 1.0


def test_codes_and_cameo_mapping():
    assert iso3_codes("USAGOV") == ["USA"] and iso3_codes("IGO") == [] and iso3_codes("---LEG") == []
    table = {"03": "AGREE", "163": "COERCE", "16": "SANCTION"}
    assert map_cameo("0311", table) == "AGREE"
    assert map_cameo("163", table) == "COERCE" and map_cameo("161", table) == "SANCTION"
    assert normalize_type("disapprove") == "ACCUSE"


def test_run_event_eval_end_to_end():
    r = run_event_eval(TINY)
    assert r["n"] == 4
    assert r["type_accuracy"] >= 0.5  # the pipeline codes these plain sentences
