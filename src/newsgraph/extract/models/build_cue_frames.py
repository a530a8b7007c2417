"""Learn cue-frame statistics for the quote extractor from PolNeAR `train`.

For every word the extractor could treat as a cue (a verb, adjective or noun, outside quoted
passages), `quotes.frames.candidate_frames` lists the contents it could govern ("said" + its
clause, "criticized" + its object, "support" + "for ..."). A candidate counts as a hit when the
word lies inside a gold Cue span and the candidate content, shaped and widened to its quoted
passage as the extractor does, matches that attribution's gold Content (word-token Jaccard
>= 0.5, as in `newsgraph eval quotes`). The output, `extract/data/cue_frames.tsv`, holds only
aggregate counts per (lemma, part of speech, frame, speaker class): no text of the corpus. The
extractor uses a frame when its smoothed precision reaches `QuoteSettings.min_frame_score`.

Provenance: PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018; networkdynamics/PolNeAR,
commit c3eee833), split `train` only (dev and test are never read here).

Usage (about 4 minutes on 2 cores):
    python -m newsgraph.extract.models.build_cue_frames --polnear ../shared/eval-data/polnear
"""
from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ... import nlp as nlp_module
from ... import pipeline
from ...eval.polnear import _tokens, read_split
from ..quotes.cues import CUE_POS, pos_code
from ..quotes.frames import candidate_frames
from ..quotes.index import ArticleIndex
from ..quotes.lexicons import LEARNED_FRAMES
from ..quotes.passages import widen_to_passages
from ..quotes.records import frame_quote
from ..quotes.settings import QuoteSettings
from ..quotes.speakers import cue_speaker, speaker_class

MIN_COUNT = 2
#: the extractor as it runs, but without the table being rebuilt
UNLEARNED = QuoteSettings(use_learned_frames=False)
#: a candidate content matches a gold content at this word-token Jaccard overlap
MIN_OVERLAP = 0.5

FrameKey = tuple[str, str, str, str]


@dataclass
class FrameCounts:
    """How often each (lemma, V|N|A, frame, speaker class) was seen, and was a gold attribution."""

    seen: Counter[FrameKey] = field(default_factory=Counter)
    hits: Counter[FrameKey] = field(default_factory=Counter)
    articles: int = 0


def build(polnear_dir: str | Path, skip: int = 0, limit: int | None = None) -> FrameCounts:
    """Count every candidate frame of every cue-able word in PolNeAR train (after `skip`, up to `limit`)."""
    docs = read_split(polnear_dir, "train")[skip:]
    if limit:
        docs = docs[:limit]
    counts = FrameCounts(articles=len(docs))
    nlp = nlp_module.load()
    for doc, gdoc in nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=16):
        mentions, actors = pipeline.annotate_mentions(doc)  # as the pipeline and `eval quotes` do
        index = ArticleIndex.build(doc, mentions, actors, UNLEARNED)
        text = gdoc.text
        gold = [(g.cue, _tokens(text, g.content)) for g in gdoc.attributions if g.cue]
        for tok in doc:
            if tok.pos_ not in CUE_POS or index.inside_passage(tok):
                continue
            lemma, pos = tok.lemma_.lower(), pos_code(tok)
            mine = [gt for cue, gt in gold if any(a <= tok.idx < b for a, b in cue)]
            src = speaker_class(index, cue_speaker(index, tok))
            for rel, lo, hi in candidate_frames(tok, index.lex):
                q = frame_quote(index, (lo, hi), (tok.i, tok.i + 1), None)
                if q is None:
                    continue
                q = widen_to_passages(index, [q])[0]
                cue = ((q.cue_start, q.cue_end),) if q.cue_start is not None and q.cue_end is not None else ()
                pt = _tokens(text, ((q.start, q.end),), cue)
                hit = bool(pt) and any(len(gt & pt) / len(gt | pt) >= MIN_OVERLAP for gt in mine)
                for key in ((lemma, pos, rel, "*"), (lemma, pos, rel, src)):
                    counts.seen[key] += 1
                    counts.hits[key] += hit
    return counts


def write(counts: FrameCounts, out: Path, note: str) -> int:
    """Write the table (frames seen at least MIN_COUNT times with a hit); returns its row count."""
    rows = sorted(k for k, n in counts.seen.items() if n >= MIN_COUNT and counts.hits[k] > 0)
    with out.open("w", encoding="utf-8") as f:
        f.write("# Cue-frame statistics learned from PolNeAR v1.0.0 train "
                f"({counts.articles} articles{note}); built by\n"
                "# python -m newsgraph.extract.models.build_cue_frames. Columns: lemma, V|N|A, frame, "
                "speaker class (* any, a actor/pronoun, n other, - none), times seen, times a "
                "gold attribution.\n")
        for k in rows:
            f.write("\t".join(k) + f"\t{counts.seen[k]}\t{counts.hits[k]}\n")
    return len(rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--polnear", required=True)
    ap.add_argument("--skip", type=int, default=0, help="Leave the first N train articles out (held out).")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", default=str(LEARNED_FRAMES))
    a = ap.parse_args(argv)
    counts = build(a.polnear, a.skip, a.limit)
    note = f", first {a.skip} left out" if a.skip else ""
    n = write(counts, Path(a.out), note)
    print(f"{n} frames from {counts.articles} articles -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
