"""eval/claims.py computes what ../shared/tools/news-score/score_claims.py computes (run side by side)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.eval.claims import ClaimScore, pair_scores, read_gold, score_claims

SHARED = Path(__file__).resolve().parents[3] / "shared"
SCRIPT = SHARED / "tools" / "news-score" / "score_claims.py"
STORY = SHARED / "eval-data" / "news-dev" / "story"


@pytest.fixture(scope="module")
def gold():
    if not (SCRIPT.exists() and (STORY / "gold.jsonl").exists()):
        pytest.skip(f"{SCRIPT} or {STORY} not found (../shared is absent)")
    return read_gold(STORY)


def _predicted(gold, pick) -> list[dict]:
    """One article per gold file; its quotes carry the claim ids `pick(file index, gold claims)` returns."""
    arts = []
    for i, row in enumerate(gold):
        claims = pick(i, row.get("claims", []))
        arts.append({"id": f"art{i}", "source": str(STORY / row["file"]),
                     "quotes": [{"text": "x", "claim": c} for c in claims]})
    return arts


def _shared_script(arts, tmp_path: Path) -> str:
    out = tmp_path / "pred.jsonl"
    out.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    fake = tmp_path / "newsgraph"
    fake.write_text(f"#!/bin/sh\ncat {out}\n", encoding="utf-8")
    fake.chmod(0o755)
    run = subprocess.run([sys.executable, str(SCRIPT), str(fake), "--root", str(STORY), "-v"],
                         capture_output=True, text=True, timeout=120)
    return run.stdout


def _ours(score: ClaimScore) -> str:
    lines = [f"  {r.claim}: {r.files} files; best cluster {r.cluster!r} coverage {r.coverage:.2f} purity "
             f"{r.purity:.2f} {'RECOVERED' if r.recovered else ''}" for r in score.claims]
    return "\n".join(lines + [score.line()]) + "\n"


PICKS = {
    "gold ids": lambda i, ks: ks,
    "first id only": lambda i, ks: ks[:1],
    "every other file": lambda i, ks: ks if i % 2 else [],
    "merged neighbours": lambda i, ks: [f"m{i // 3}"] + ks[1:2],
    "some without ids": lambda i, ks: ks[:1] + [None],
}


@pytest.mark.parametrize("name", PICKS)
def test_agrees_with_the_shared_script(name, gold, tmp_path):
    arts = _predicted(gold, PICKS[name])
    assert _ours(score_claims(arts, STORY)) == _shared_script(arts, tmp_path)


def test_perfect_ids_recover_every_claim(gold):
    score = score_claims(_predicted(gold, lambda i, ks: ks), STORY)
    assert score.recovered == score.total == 21


def test_pair_scores_count_quote_pairs_across_files(tmp_path):
    """Quotes are linked to gold claims by their prefixes; a cluster spanning a claim's files but holding
    other quotes is a wrong pair, not a recovery."""
    rows = [{"file": "a.txt", "claims": ["K1", "K2"], "claim_links": [
                {"claim": "K1", "speaker": "X", "prefix": "the troops were sent"},
                {"claim": "K2", "speaker": "X", "prefix": "“the bridge will reopen"}]},
            {"file": "b.txt", "claims": ["K1"], "claim_links": [
                {"claim": "K1", "speaker": "X", "prefix": "soldiers were sent north"}]},
            {"file": "c.txt", "claims": ["K2"], "claim_links": [
                {"claim": "K2", "speaker": "Y", "prefix": "the bridge reopens in May"}]}]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    arts = [{"id": "a", "source": "a.txt", "quotes": [{"text": "the troops were sent", "claim": "c1"},
                                                      {"text": "the bridge will reopen soon", "claim": "c2"},
                                                      {"text": "an unrelated remark", "claim": "c2"}]},
            {"id": "b", "source": "b.txt", "quotes": [{"text": "soldiers were sent north", "claim": "c1"}]},
            {"id": "c", "source": "c.txt", "quotes": [{"text": "the bridge reopens in May", "claim": "c1"}]}]
    score = pair_scores(arts, tmp_path)
    # linked: a/K1 c1, a/K2 c2, b/K1 c1, c/K2 c1; pairs across files put together: a/K1-b, a/K1-c, b-c (1 right);
    # pairs of one claim: a/K1-b (together), a/K2-c (apart)
    assert (score.linked, round(score.precision, 3), score.recall) == (4, 0.333, 0.5)
