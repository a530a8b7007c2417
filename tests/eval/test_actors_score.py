"""Actor-resolution scorers: B³, the GUM reader, NGEC figures (when ../shared is present)."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.eval.actors import b_cubed, read_gum_tsv, run_ngec

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval-data"
NGEC = SHARED / "ngec-actor-resolution" / "actor_resolution_dev.tsv"
GUM = SHARED / "gum-wikinews"


def test_b_cubed_perfect_and_lumped():
    gold = {1: "a", 2: "a", 3: "b"}
    assert b_cubed(gold, {1: "x", 2: "x", 3: "y"}) == (1.0, 1.0, 1.0)
    p, r, _ = b_cubed(gold, {1: "x", 2: "x", 3: "x"})
    assert r == 1.0 and abs(p - (2 / 3 * 2 + 1 / 3) / 3) < 1e-9


def test_read_gum_tsv_own_sample(tmp_path):
    tsv = tmp_path / "tiny.tsv"
    rows = [
        "#FORMAT=WebAnno TSV 3.2", "", "#Text=Anna Berg said she left .",
        "1-1\t0-4\tAnna\tperson[1]\tnew[1]\t_\t_\t_\tcoref\t1-4[0_1]\t",
        "1-2\t5-9\tBerg\tperson[1]\tnew[1]\t_\t_\t_\t_\t_\t",
        "1-3\t10-14\tsaid\t_\t_\t_\t_\t_\t_\t_\t",
        "1-4\t15-18\tshe\tperson\tgiv\t_\t_\t_\t_\t_\t",
        "1-5\t19-23\tleft\t_\t_\t_\t_\t_\t_\t_\t",
        "1-6\t24-25\t.\t_\t_\t_\t_\t_\t_\t_\t",
    ]
    tsv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    doc = read_gum_tsv(tsv)
    assert doc.text.startswith("Anna Berg said she")
    spans = {(s, e): c for s, e, c in doc.mentions}
    assert spans[(0, 9)] == spans[(15, 18)]


@pytest.mark.skipif(not NGEC.exists(), reason="../shared/eval-data/ngec-actor-resolution is absent")
def test_ngec_default_knowledge_meets_the_bar():
    report = run_ngec(str(NGEC)).as_dict()
    assert report["country_accuracy"] >= 0.65
    assert report["none_precision"] >= 0.8


@pytest.mark.skipif(not NGEC.exists(), reason="../shared/eval-data/ngec-actor-resolution is absent")
def test_eval_actors_cli_ngec():
    result = CliRunner().invoke(app, ["eval", "actors", "--ngec", str(NGEC), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"country_accuracy"' in result.stdout


@pytest.mark.skipif(not GUM.exists(), reason="../shared/eval-data/gum-wikinews is absent")
def test_gum_beats_ner_only_on_a_few_documents():
    from newsgraph.eval.actors import run_gum

    r = run_gum(str(GUM), limit=6)
    assert r["gold_mentions"] > 100
    assert r["newsgraph"]["b3_recall"] > r["spacy_ner"]["b3_recall"]
