"""Scaling: 1 vs 2 local workers, Ray with 1 vs 2 CPUs, and peak RSS per worker over a long stream.

Usage: .venv/bin/python benchmarks/scale.py [--articles 400] [--rss-articles 10000] [--no-ray]

Corpus: the PolNeAR texts in ../shared/eval-data/polnear/ (train, then dev), repeated with
distinct ids and dates where more are needed, written as JSON Lines. Each mode ingests the
same texts into a fresh store (`ingest --workers N`) or extracts them to Parquet shards
(Ray), timed end to end including process start and model loading, so the figure is what a
user sees. Goal: 2 workers >= 1.8x the articles/s of one. The RSS part samples every
worker's resident memory from /proc once a second while `newsgraph ingest --workers 2`
streams `--rss-articles` articles, and prints the peak per worker and the RSS in the first
and last quarter of the run (flat = no growth with the stream's length).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.ingest import ingest

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data" / "polnear" / "data"


def corpus(n: int, folder: Path) -> Path:
    """n articles as JSON Lines: PolNeAR texts, cycled with distinct ids and dates."""
    files = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"PolNeAR texts not found under {POLNEAR}")
    texts = [f.read_text(encoding="utf-8") for f in files[: min(n, len(files))]]
    path = folder / f"corpus-{n}.jsonl"
    start = dt.date(2016, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"bench-{i:06d}", "date": (start + dt.timedelta(days=i % 700)).isoformat(),
                                 "text": texts[i % len(texts)]}) + "\n")
    return path


def time_ingest(path: Path, workers: int, folder: Path) -> float:
    db = folder / f"w{workers}.duckdb"
    start = time.perf_counter()
    summary = ingest([str(path)], str(db), workers=workers, batch_size=16)
    seconds = time.perf_counter() - start
    assert summary.stored > 0, summary
    return seconds


def time_ray(path: Path, cpus: int, folder: Path) -> float:
    import ray

    from newsgraph.engines import ray as ray_engine

    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
    try:
        start = time.perf_counter()
        ray_engine.run([str(path)], str(folder / f"ray{cpus}"), actors=cpus, batch_size=16, shard_size=16)
        return time.perf_counter() - start
    finally:
        ray.shutdown()


def _descendants(pid: int) -> list[int]:
    out = []
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        out.append(int(child))
        try:
            out.extend(_descendants(int(child)))
        except FileNotFoundError:
            pass
    return out


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def rss_run(path: Path, folder: Path) -> None:
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(path), "--db", str(folder / "rss.duckdb"),
           "--workers", "2", "--batch-size", "16"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples: dict[int, list[float]] = {}
    while proc.poll() is None:
        try:
            for pid in _descendants(proc.pid):
                samples.setdefault(pid, []).append(_rss_mb(pid))
        except (FileNotFoundError, ProcessLookupError):
            pass
        time.sleep(1.0)
    workers = {pid: s for pid, s in samples.items() if max(s) > 150}  # spaCy workers, not helper processes
    for pid, s in workers.items():
        q = max(1, len(s) // 4)
        print(f"  worker {pid}: peak {max(s):7.0f} MB; mean first quarter {sum(s[:q]) / q:7.0f} MB, "
              f"last quarter {sum(s[-q:]) / q:7.0f} MB ({len(s)} samples)")
        tenth = max(1, len(s) // 10)
        deciles = [max(s[k:k + tenth]) for k in range(0, tenth * 10, tenth) if s[k:k + tenth]]
        print("    peak per tenth of the stream (MB): " + " ".join(f"{v:.0f}" for v in deciles))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rss-articles", type=int, default=10_000)
    parser.add_argument("--no-ray", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ng-scale-"))
    path = corpus(args.articles, folder)
    words = sum(len(json.loads(line)["text"].split()) for line in path.open())
    print(f"corpus: {args.articles} PolNeAR articles, {words:,} words; {os.cpu_count()} cores")
    one, two = time_ingest(path, 1, folder), time_ingest(path, 2, folder)
    print(f"ingest --workers 1: {args.articles / one:6.2f} articles/s ({one:.1f}s)")
    print(f"ingest --workers 2: {args.articles / two:6.2f} articles/s ({two:.1f}s)   ratio {one / two:.2f} (goal >= 1.8)")
    if not args.no_ray:
        try:
            r1, r2 = time_ray(path, 1, folder), time_ray(path, 2, folder)
            print(f"ray, 1 CPU:  {args.articles / r1:6.2f} articles/s ({r1:.1f}s)")
            print(f"ray, 2 CPUs: {args.articles / r2:6.2f} articles/s ({r2:.1f}s)   ratio {r1 / r2:.2f}")
        except ImportError as exc:
            print(f"ray: skipped ({exc})")
    if args.rss_articles:
        print(f"peak RSS, ingest --workers 2 over {args.rss_articles:,} articles:")
        rss_run(corpus(args.rss_articles, folder), folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
