"""Golden output: `newsgraph extract examples/` must stay byte-identical to tests/golden/examples.jsonl.

A refactor changes no output; a change of behaviour regenerates the file on purpose, with its diff
reviewed in the same commit:

    .venv/bin/newsgraph extract examples/ > tests/golden/examples.jsonl
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "examples.jsonl"


def _run_extract() -> str:
    code = "from newsgraph.cli import main; main()"
    out = subprocess.run([sys.executable, "-c", code, "extract", "examples/"], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=600)
    return out.stdout


def test_extract_of_examples_is_byte_identical_to_the_golden_file():
    got = _run_extract()
    want = GOLDEN.read_text(encoding="utf-8")
    got_lines, want_lines = got.splitlines(), want.splitlines()
    assert len(got_lines) == len(want_lines), f"{len(got_lines)} articles printed, golden file has {len(want_lines)}"
    for number, (line, golden) in enumerate(zip(got_lines, want_lines, strict=True)):
        if line != golden:
            got_art, want_art = json.loads(line), json.loads(golden)
            changed = sorted(k for k in set(got_art) | set(want_art) if got_art.get(k) != want_art.get(k))
            raise AssertionError(f"article {number} ({want_art.get('source')}) differs in {changed}; regenerate "
                                 "tests/golden/examples.jsonl on purpose if the change is meant")
    assert got == want  # same lines, same bytes (line endings included)
