"""Random predictions on the news-dev dev parts for a blind check (README "Blind checks").

Usage: PYTHONPATH=src .venv/bin/python scripts/blind-sample.py OUTDIR [--seed N] [--quotes 40] [--events 50]

Runs `newsgraph extract` over the dev part of every news-dev set (every fifth excerpt is held out and
never sampled, as in `eval.news.split_gold`) and writes OUTDIR/quotes.jsonl (quotes with confidence
>= 0.7, the default floor) and OUTDIR/events.jsonl (events with confidence >= 0.5), each a random
sample with the prediction and its context, for someone who wrote none of the rules to judge.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from newsgraph.eval.news import find_sets, read_gold, split_gold

NEWS_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data" / "news-dev"
CONTEXT_CHARS = 300


def _context(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) with CONTEXT_CHARS on each side."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    b = min([x for x in (text.find(". ", end), text.find("\n", end)) if x >= 0] or [len(text)])
    return text[max(0, a - CONTEXT_CHARS):b + CONTEXT_CHARS]


def predictions(files: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(quotes >= 0.7, events >= 0.5) of the files, as the judge reads them."""
    binary = Path(sys.executable).parent / "newsgraph"
    out = subprocess.run([str(binary), "extract", *files, "--format", "jsonl"], capture_output=True, text=True, check=True)
    quotes: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for line, path in zip([x for x in out.stdout.splitlines() if x.strip()], files, strict=True):
        art = json.loads(line)
        text, names = art["text"], {a["id"]: a["name"] for a in art["actors"]}
        where = f"{Path(path).parent.name}/{Path(path).name}"
        quotes += [{"file": where, "quote": q["text"], "speaker": names.get(q["speaker"]) if q.get("speaker") else None,
                    "speaker_text": q.get("speaker_text"), "kind": q.get("kind"),
                    "context": _context(text, q["start"], q["end"])}
                   for q in art["quotes"] if (q.get("confidence") or 0) >= 0.7]
        events += [{"file": where, "type": e["type"], "source": names.get(e.get("source")),
                    "target": names.get(e.get("target")), "modality": e.get("modality"), "trigger": e.get("trigger"),
                    "date": e.get("date"), "location": e.get("location_iso3"),
                    "sentence": text[e["sentence_start"]:e["sentence_end"]],
                    "context": _context(text, e["sentence_start"], e["sentence_end"])}
                   for e in art["events"] if (e.get("confidence") or 0) >= 0.5]
    return quotes, events


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--quotes", type=int, default=40)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--news-dev", type=Path, default=NEWS_DEV)
    args = parser.parse_args()
    files = [str(folder / row["file"]) for folder in find_sets(args.news_dev)
             for row in split_gold(read_gold(folder))[0]]
    quotes, events = predictions(files)
    rng = random.Random(args.seed)
    picked = {"quotes": rng.sample(quotes, min(args.quotes, len(quotes))),
              "events": rng.sample(events, min(args.events, len(events)))}
    args.out.mkdir(parents=True, exist_ok=True)
    for kind, rows in picked.items():
        (args.out / f"{kind}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                                encoding="utf-8")
    print(f"{len(quotes)} quotes >= 0.7, {len(events)} events >= 0.5; sampled {len(picked['quotes'])} and "
          f"{len(picked['events'])} (seed {args.seed}) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
