"""The ConfliBERT CAMEO scorer on a tiny fixture written for these tests (tests/data/conflibert_tiny)."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.eval import conflibert

TINY = Path(__file__).resolve().parents[1] / "data" / "conflibert_tiny"


def test_load_pairs_tags_with_sentences_by_their_words():
    rows = conflibert.load(TINY)
    assert [r["label"] for r in rows] == [3, 1, 4, 0]
    shelled = rows[2]
    assert [shelled["text"][a:b] for a, b in shelled["source"]] == ["Troops of Chile"]
    assert [shelled["text"][a:b] for a, b in shelled["target"]] == ["a village in Peru"]
    assert rows[1]["tagged"] is False and rows[1]["source"] == []


def test_run_scores_classes_and_actor_spans():
    result = conflibert.run(TINY)
    assert result["n"] == 4
    assert sum(map(sum, result["confusion"])) == 4
    assert result["confusion"][3][3] == 1          # "condemned": verbal conflict
    assert result["confusion"][4][4] == 1          # "shelled": material conflict
    assert result["confusion"][0][0] == 1          # no event: a statement
    assert result["source"]["n"] == 2 and result["source"]["correct"] == 2
    assert 0.5 <= result["accuracy"] <= 1.0


def test_request_splits_into_appeal_and_demand():
    from newsgraph.pipeline import analyze_text

    assert conflibert.pentaclass(analyze_text("Peru called on Chile to open the border.", None))[0] == 0
    assert conflibert.pentaclass(analyze_text("Peru demanded that Chile open the border.", None))[0] == 3


def test_cli_eval_events_conflibert():
    result = CliRunner().invoke(app, ["eval", "events", "--conflibert", str(TINY)])
    assert result.exit_code == 0, result.output
    assert "PentaClass accuracy" in result.output and "4 sentences" in result.output
