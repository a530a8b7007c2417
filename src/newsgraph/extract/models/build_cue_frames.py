"""Learn cue-frame statistics for the quote extractor from PolNeAR `train`.

For every word the extractor could treat as a cue (a verb or noun, outside quoted passages),
`_Extractor.frames` lists the contents it could govern ("said" + its clause, "criticized" + its
object, "support" + "for ..."). A candidate counts as a hit when the word lies inside a gold
Cue span and the candidate content matches that attribution's gold Content (word-token Jaccard
>= 0.5, as in `newsgraph eval quotes`). The output, `extract/data/cue_frames.tsv`, holds only
aggregate counts per (lemma, part of speech, frame): no text of the corpus. The extractor uses
a frame when its smoothed precision reaches `MIN_FRAME_SCORE`.

Provenance: PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018; networkdynamics/PolNeAR,
commit c3eee833), split `train` only (dev and test are never read here).

Usage (about 4 minutes on 2 cores):
    python -m newsgraph.extract.models.build_cue_frames --polnear ../shared/eval-data/polnear
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ...eval.polnear import _tokens, read_split
from .. import quotes as Q

MIN_COUNT = 2


def build(polnear_dir: str | Path, skip: int = 0, limit: int | None = None) -> dict:
    from ... import nlp as nlp_module
    from ... import pipeline

    docs = read_split(polnear_dir, "train")[skip:]
    if limit:
        docs = docs[:limit]
    seen: Counter = Counter()
    hits: Counter = Counter()
    nlp = nlp_module.load()
    for doc, gdoc in nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=16):
        mentions, actors = pipeline.annotate_mentions(doc)  # as the pipeline and `eval quotes` do
        ex = Q._Extractor(doc, mentions, actors, use_learned=False)
        text = gdoc.text
        gold = [(g.cue, _tokens(text, g.content)) for g in gdoc.attributions if g.cue]
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") or ex._inside_passage(tok):
                continue
            lemma, pos = tok.lemma_.lower(), Q._pos_code(tok)
            mine = [gt for cue, gt in gold if any(a <= tok.idx < b for a, b in cue)]
            src = ex.speaker_class(ex._speaker(tok))
            for rel, lo, hi in ex.frames(tok):
                q = ex._make((lo, hi), tok.i, tok.i + 1, None)
                if q is None:
                    continue
                q = ex._widen_to_passages([q])[0]
                pt = _tokens(text, ((q.start, q.end),), ((q.cue_start, q.cue_end),))
                hit = bool(pt) and any(len(gt & pt) / len(gt | pt) >= 0.5 for gt in mine)
                for key in ((lemma, pos, rel, "*"), (lemma, pos, rel, src)):
                    seen[key] += 1
                    hits[key] += hit
    return {"seen": seen, "hits": hits, "articles": len(docs)}


def write(stats: dict, out: Path, note: str) -> int:
    rows = sorted(k for k, n in stats["seen"].items() if n >= MIN_COUNT and stats["hits"][k] > 0)
    with out.open("w", encoding="utf-8") as f:
        f.write("# Cue-frame statistics learned from PolNeAR v1.0.0 train "
                f"({stats['articles']} articles{note}); built by\n"
                "# python -m newsgraph.extract.models.build_cue_frames. Columns: lemma, V|N|A, frame, "
                "speaker class (* any, a actor/pronoun, n other, - none), times seen, times a "
                "gold attribution.\n")
        for k in rows:
            f.write("\t".join(k) + f"\t{stats['seen'][k]}\t{stats['hits'][k]}\n")
    return len(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", required=True)
    ap.add_argument("--skip", type=int, default=0, help="Leave the first N train articles out (held out).")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", default=str(Q.LEARNED))
    a = ap.parse_args(argv)
    stats = build(a.polnear, a.skip, a.limit)
    note = f", first {a.skip} left out" if a.skip else ""
    n = write(stats, Path(a.out), note)
    print(f"{n} frames from {stats['articles']} articles -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
