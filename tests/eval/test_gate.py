"""The eval gate's comparison: a figure below its floor by more than the tolerance fails the gate."""
from __future__ import annotations

from newsgraph.eval.gate import compare


def _figs(**values: float) -> dict[str, dict[str, object]]:
    return {k.replace("_", "."): {"value": v, "group": "quotes", "command": "cmd"} for k, v in values.items()}


def test_a_figure_within_tolerance_passes():
    failures, notes = compare(_figs(f1=0.716), _figs(f1=0.712))
    assert failures == [] and notes == []


def test_a_figure_below_its_floor_fails():
    failures, _ = compare(_figs(f1=0.716), _figs(f1=0.710))
    assert len(failures) == 1 and failures[0].startswith("f1: 0.7100 < floor 0.7160")


def test_a_risen_figure_is_noted_not_failed():
    failures, notes = compare(_figs(f1=0.716), _figs(f1=0.730))
    assert failures == [] and "raise it with --update" in notes[0]


def test_a_missing_figure_of_a_computed_group_fails():
    failures, _ = compare(_figs(f1=0.716, speaker=0.917), _figs(f1=0.716))
    assert failures == ["speaker: missing from this run (floor 0.9170)"]
