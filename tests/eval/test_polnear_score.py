"""`eval quotes` on a tiny hand-made brat file: reading, matching and every figure by hand."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.eval.polnear import Attribution, Document, format_report, read_split, score

TINY = Path(__file__).resolve().parents[1] / "data" / "polnear_tiny"


def span(text: str, s: str, n: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(n):
        i = text.index(s, i + 1)
    return i, i + len(s)


@pytest.fixture(scope="module")
def gold() -> list[Document]:
    return read_split(TINY, "dev")


def test_read_split_first_annotator_only(gold):
    assert [d.name for d in gold] == ["tiny"]
    atts = gold[0].attributions
    assert len(atts) == 4  # tiny_b2.ann (a second annotator) is ignored
    text = gold[0].text
    assert [text[a:b] for a, b in atts[0].content] == ["that taxes will rise"]
    assert [text[a:b] for a, b in atts[0].source] == ["Smith"]
    assert atts[2].source == ()  # Attribution-no-source
    assert [text[a:b] for a, b in atts[3].content] == ["The mayor,", "is away"]  # discontinuous


def test_score_by_hand(gold):
    text = gold[0].text
    g = gold[0]
    # the actor of gold 2's Source, as run_quote_eval would set it from a predicted mention
    g = Document(g.name, text, [*g.attributions[:1],
                                Attribution(g.attributions[1].content, g.attributions[1].source,
                                            g.attributions[1].cue, speaker="a-jones"),
                                *g.attributions[2:]])
    pred = Document("tiny", text, [
        # J = 3/4 with "that taxes will rise": matched, not exact; speaker span wrong
        Attribution((span(text, "taxes will rise"),), source=(span(text, "taxes"),)),
        # exact; speaker right by actor although it has no span
        Attribution((span(text, '"We are ready,"'),), speaker="a-jones"),
        # J = 2/4 = 0.5 with "The weather was bad": matched (threshold inclusive); gold has no source
        Attribution((span(text, "The weather"),)),
        # overlaps gold 2, which is already taken: a false positive
        Attribution((span(text, "ready"),)),
        # split around the cue: speaker and cue tokens are not content, so exact; speaker right
        Attribution((span(text, "The mayor, she added, is away"),),
                    source=(span(text, "she"),), cue=(span(text, "added"),)),
    ])
    r = score([g], [pred])
    assert (r["gold"], r["predicted"]) == (4, 5)
    assert r["overlap"] == {"tp": 4, "p": 0.8, "r": 1.0, "f1": 0.8889}
    assert r["exact"] == {"tp": 2, "p": 0.4, "r": 0.5, "f1": 0.4444}
    assert r["speaker"] == {"n": 3, "correct": 2, "accuracy": 0.6667}
    assert r["by_kind"]["direct"] == {"gold": 1, "pred": 1, "tp_gold": 1, "tp_pred": 1,
                                      "p": 1.0, "r": 1.0, "f1": 1.0}
    assert r["by_kind"]["indirect"] == {"gold": 3, "pred": 4, "tp_gold": 3, "tp_pred": 3,
                                        "p": 0.75, "r": 1.0, "f1": 0.8571}


def test_score_empty_prediction(gold):
    r = score(gold, [Document("tiny", gold[0].text, [])])
    assert r["overlap"] == {"tp": 0, "p": 0.0, "r": 0.0, "f1": 0.0}
    assert r["speaker"]["n"] == 0


def test_score_needs_paired_documents(gold):
    with pytest.raises(ValueError):
        score(gold, [])


def test_missing_split_says_what_to_pass(tmp_path):
    with pytest.raises(FileNotFoundError, match="no 'dev' split"):
        read_split(tmp_path, "dev")


def test_run_quote_eval_end_to_end():
    import importlib.util

    from newsgraph.eval.polnear import run_quote_eval

    has_textacy = importlib.util.find_spec("textacy") is not None  # the `eval` extra
    report = run_quote_eval(TINY, "dev", None, baseline=has_textacy)
    assert report["newsgraph"]["gold"] == 4
    assert report["newsgraph"]["overlap"]["tp"] >= 2  # "Smith said that ..." and the direct quote
    assert ("textacy" in report) == has_textacy
    assert "newsgraph  overlap" in format_report(report)
