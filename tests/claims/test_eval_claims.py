"""eval/claims.py computes what ../shared/tools/news-score/score_claims.py computes (run side by side)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.eval.claims import ClaimScore, read_gold, score_claims

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
