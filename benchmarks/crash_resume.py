"""Crash safety: an ingest killed with SIGKILL at random moments, resumed each time, ends identical.

Usage: .venv/bin/python benchmarks/crash_resume.py [--articles 2000] [--kills 5] [--workers 2] [--seed 1]

Builds a corpus of PolNeAR texts (distinct ids and dates, as benchmarks/scale.py) and ingests
it once without interruption. Then, `--kills` times, on a fresh store: starts the same ingest,
kills it with SIGKILL at a random moment, runs the same command again to resume, exports the
store as JSON Lines (`newsgraph export --format jsonl`, sorted by article id) and prints
whether the export is byte-identical to the uninterrupted run's.
"""
from __future__ import annotations

import argparse
import filecmp
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale import corpus  # noqa: E402  (the same corpus builder)


def run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="ng-crash-"))
    path = corpus(args.articles, folder)
    ng = [sys.executable, "-m", "newsgraph.cli"]
    reference = folder / "reference.duckdb"
    ingest_cmd = lambda db: [*ng, "ingest", str(path), "--db", str(db), "--workers", str(args.workers)]  # noqa: E731

    start = time.perf_counter()
    done = run(ingest_cmd(reference))
    full = time.perf_counter() - start
    assert done.returncode == 0, done.stderr
    print(f"uninterrupted: {done.stdout.strip()} ({full:.0f}s)")
    ref_export = folder / "reference.jsonl"
    assert run([*ng, "export", "--db", str(reference), "--format", "jsonl", "--out", str(ref_export)]).returncode == 0

    for k in range(1, args.kills + 1):
        crashed = folder / f"crashed-{k}.duckdb"  # a fresh store per trial: kill once, resume, compare
        at = rng.uniform(0.05, 0.95) * full
        proc = subprocess.Popen(ingest_cmd(crashed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(at)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        resumed = run(ingest_cmd(crashed))
        out = folder / f"resumed-{k}.jsonl"
        exported = run([*ng, "export", "--db", str(crashed), "--format", "jsonl", "--out", str(out)])
        same = resumed.returncode == 0 and exported.returncode == 0 and filecmp.cmp(out, ref_export, shallow=False)
        print(f"trial {k}: SIGKILL after {at:5.1f}s; resume: {resumed.stdout.strip()}; export identical: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
