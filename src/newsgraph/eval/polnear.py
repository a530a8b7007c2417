"""Scoring quote attribution against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

PolNeAR ships brat standoff: `attributions/NAME_ANNOTATOR.ann` with `Source`, `Cue` and
`Content` text-bound spans (possibly discontinuous, `12 40;42 80`) tied together by `E` lines,
and the raw article in `text/NAME.txt`. Offsets refer to the raw text, so the extractor runs on
it uncleaned: one `nlp.pipe` pass, then the pipeline's own mention, actor and quote steps
(what `pipeline.analyze_text` does, minus event extraction, which the scores do not use).

Scoring (see `score`):
- content, overlap: greedy one-to-one matching of predicted and gold contents, best pairs
  first, on the Jaccard index of their word-token sets (`\\w+` runs); a pair counts at >= 0.5;
- content, exact: the same matching, counting only pairs whose word-token sets are identical
  (edge punctuation and quotation marks are therefore ignored);
- speaker accuracy, over overlap-matched pairs whose gold attribution has a Source: the
  predicted speaker span overlaps a gold Source span, or both resolve to the same actor (the
  gold Source's actor is the one of a predicted mention inside it);
- direct vs indirect: an attribution is direct when its content contains a quotation mark;
  recall counts by the gold kind, precision by the predicted kind (marks: straight, curly, and
  the typewriter pair '' of the NYT archive).

Articles annotated by several annotators (a handful per split, file suffix `_<annotator>`)
are scored once, with the alphabetically first annotation file. Baseline: textacy's
`extract.triples.direct_quotations`, which raises ValueError on an odd number of quotation
marks; such an article counts as one where the baseline finds nothing.
"""
from __future__ import annotations

import argparse
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import nlp as nlp_module
from .. import pipeline

Fragments = tuple[tuple[int, int], ...]

_WORD = re.compile(r"\w+")
_QUOTE_MARKS = re.compile(r"[\"“”]|''")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.+)$")
OVERLAP_THRESHOLD = 0.5


@dataclass(frozen=True)
class Attribution:
    """One attribution, gold or predicted: character fragments into the document's text.

    `speaker` is an actor id when one is known (predicted speaker, or the actor of a predicted
    mention inside a gold Source span).
    """

    content: Fragments
    source: Fragments = ()
    cue: Fragments = ()
    speaker: str | None = None


@dataclass
class Document:
    name: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


# ---------------------------------------------------------------------------------- reading
def _fragments(offsets: str) -> Fragments:
    out = []
    for part in offsets.strip().split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(ann_text: str) -> list[Attribution]:
    """Parse one brat .ann file into attributions (only `E` relations with a Content)."""
    spans: dict[str, tuple[str, Fragments]] = {}
    relations: list[str] = []
    for line in ann_text.splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), _fragments(m.group(3)))
            continue
        m = _E_LINE.match(line)
        if m:
            relations.append(m.group(2))
    out = []
    for rel in relations:
        parts: dict[str, list[tuple[int, int]]] = {}
        for arg in rel.split():
            if ":" not in arg:
                continue
            role, tid = arg.split(":", 1)
            role = role.rstrip("0123456789")
            if tid in spans and role in ("Content", "Source", "Cue"):
                parts.setdefault(role, []).extend(spans[tid][1])
        if parts.get("Content"):
            out.append(Attribution(content=tuple(sorted(parts["Content"])),
                                   source=tuple(sorted(parts.get("Source", []))),
                                   cue=tuple(sorted(parts.get("Cue", [])))))
    return out


def read_split(polnear_dir: str | Path, split: str = "dev", limit: int | None = None) -> list[Document]:
    """Gold documents of one split (`data/<split>` under the corpus root, or the split dir itself)."""
    root = Path(polnear_dir)
    for cand in (root / "data" / split, root / split, root):
        if (cand / "attributions").is_dir() and (cand / "text").is_dir():
            base = cand
            break
    else:
        raise FileNotFoundError(
            f"{root}: no '{split}' split with attributions/ and text/ found; pass the PolNeAR "
            f"root (the folder holding data/) or a split folder")
    seen: set[str] = set()
    docs = []
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        txt = base / "text" / f"{name}.txt"
        if name in seen or not txt.exists():
            continue
        seen.add(name)
        docs.append(Document(name, txt.read_text(encoding="utf-8"),
                             read_ann(ann.read_text(encoding="utf-8"))))
        if limit and len(docs) >= limit:
            break
    return docs


# ---------------------------------------------------------------------------------- scoring
def _tokens(text: str, frags: Fragments, minus: Fragments = ()) -> frozenset[int]:
    out = set()
    for a, b in frags:
        for m in _WORD.finditer(text, a, b):
            s = m.start()
            if not any(x <= s < y for x, y in minus):
                out.add(s)
    return frozenset(out)


def _is_direct(text: str, frags: Fragments) -> bool:
    return any(_QUOTE_MARKS.search(text, a, b) for a, b in frags)


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _match(text: str, gold: Sequence[Attribution], pred: Sequence[Attribution]) -> list[tuple[int, int, bool]]:
    """Greedy one-to-one matching, best Jaccard first; returns (gold i, pred j, exact)."""
    g_tok = [_tokens(text, g.content) for g in gold]
    p_tok = [_tokens(text, p.content, minus=p.source + p.cue) for p in pred]
    cands = []
    for i, gt in enumerate(g_tok):
        if not gt:
            continue
        for j, pt in enumerate(p_tok):
            inter = len(gt & pt)
            if inter:
                jac = inter / len(gt | pt)
                if jac >= OVERLAP_THRESHOLD:
                    cands.append((-jac, i, j))
    cands.sort()
    used_g, used_p, out = set(), set(), []
    for _negjac, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j, g_tok[i] == p_tok[j]))
    return out


def score(gold: Sequence[Document], predicted: Sequence[Document]) -> dict[str, Any]:
    """Score predicted against gold documents (paired by position; same texts).

    Pure: no parsing, no I/O. Returns counts and P/R/F1 for overlap and exact matching, speaker
    accuracy, and the direct/indirect breakdown (see the module docstring).
    """
    n_g = n_p = tp = tp_exact = spk_n = spk_ok = 0
    kinds = {k: {"gold": 0, "pred": 0, "tp_gold": 0, "tp_pred": 0} for k in ("direct", "indirect")}
    for gdoc, pdoc in zip(gold, predicted, strict=True):
        text = gdoc.text
        g_kind = ["direct" if _is_direct(text, g.content) else "indirect" for g in gdoc.attributions]
        p_kind = ["direct" if _is_direct(text, p.content) else "indirect" for p in pdoc.attributions]
        n_g += len(gdoc.attributions)
        n_p += len(pdoc.attributions)
        for k in g_kind:
            kinds[k]["gold"] += 1
        for k in p_kind:
            kinds[k]["pred"] += 1
        for i, j, exact in _match(text, gdoc.attributions, pdoc.attributions):
            tp += 1
            tp_exact += exact
            kinds[g_kind[i]]["tp_gold"] += 1
            kinds[p_kind[j]]["tp_pred"] += 1
            g, p = gdoc.attributions[i], pdoc.attributions[j]
            if g.source:
                spk_n += 1
                if (p.source and _overlaps(p.source, g.source)) or (
                        p.speaker is not None and p.speaker == g.speaker):
                    spk_ok += 1
    return {
        "documents": len(gold), "gold": n_g, "predicted": n_p,
        "overlap": {"tp": tp, **_prf(tp, n_p, tp, n_g)},
        "exact": {"tp": tp_exact, **_prf(tp_exact, n_p, tp_exact, n_g)},
        "speaker": {"n": spk_n, "correct": spk_ok,
                    "accuracy": round(spk_ok / spk_n, 4) if spk_n else 0.0},
        "by_kind": {k: {**v, **_prf(v["tp_pred"], v["pred"], v["tp_gold"], v["gold"])}
                    for k, v in kinds.items()},
    }


# ---------------------------------------------------------------------------------- running
def _quotes_as_attributions(quotes) -> list[Attribution]:
    out = []
    for q in quotes:
        src = ((q.speaker_start, q.speaker_end),) if q.speaker_start is not None else ()
        cue = ((q.cue_start, q.cue_end),) if q.cue_start is not None else ()
        out.append(Attribution(content=((q.start, q.end),), source=src, cue=cue, speaker=q.speaker))
    return out


def _with_gold_speakers(doc: Document, mentions) -> Document:
    """Give each gold Source the actor of a predicted mention inside it (for actor matching)."""
    atts = []
    for g in doc.attributions:
        actor = None
        for m in mentions:
            if any(a <= m.start and m.end <= b for a, b in g.source):
                actor = m.actor
                break
        atts.append(Attribution(g.content, g.source, g.cue, actor))
    return Document(doc.name, doc.text, atts)


def _textacy_baseline(doc) -> list[Attribution]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        for dq in direct_quotations(doc):
            content = dq.content
            src: tuple[tuple[int, int], ...] = ()
            if dq.speaker:
                src = ((min(t.idx for t in dq.speaker), max(t.idx + len(t) for t in dq.speaker)),)
            cue: tuple[tuple[int, int], ...] = ()
            if dq.cue:
                cue = ((min(t.idx for t in dq.cue), max(t.idx + len(t) for t in dq.cue)),)
            out.append(Attribution(((content.start_char, content.end_char),), src, cue))
    except ValueError:
        return []
    return out


def run_quote_eval(polnear_dir: str | Path, split: str = "dev", limit: int | None = None,
                   baseline: bool = True) -> dict[str, Any]:
    """Parse each PolNeAR text once, run newsgraph's extractor (and textacy's), score both."""
    gold = read_split(polnear_dir, split, limit)
    if baseline:
        try:
            import textacy.extract.triples  # noqa: F401
        except ImportError:
            baseline = False
            missing_baseline = True
        else:
            missing_baseline = False
    else:
        missing_baseline = False
    nlp = nlp_module.load()
    pred, base, gold_with_actors = [], [], []
    t0 = time.perf_counter()
    pairs = ((d.text, d) for d in gold)
    for doc, gdoc in nlp.pipe(pairs, as_tuples=True, batch_size=16):
        # the pipeline's own mention and quote steps (`pipeline.annotate` without events)
        mentions, actors = pipeline.annotate_mentions(doc)
        quotes = pipeline.extract_quotes(doc, mentions, actors)
        pred.append(Document(gdoc.name, gdoc.text, _quotes_as_attributions(quotes)))
        gold_with_actors.append(_with_gold_speakers(gdoc, mentions))
        if baseline:
            base.append(Document(gdoc.name, gdoc.text, _textacy_baseline(doc)))
    report: dict[str, Any] = {
        "split": split, "polnear": str(polnear_dir), "limit": limit,
        "seconds": round(time.perf_counter() - t0, 1),
        "newsgraph": score(gold_with_actors, pred),
    }
    if baseline:
        report["textacy"] = score(gold, base)
    elif missing_baseline:
        report["textacy_missing"] = "textacy is not installed: pip install 'newsgraph[eval]'"
    return report


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table of a `run_quote_eval` result."""
    lines = [f"PolNeAR {report['split']}: {report['newsgraph']['documents']} articles, "
             f"{report['newsgraph']['gold']} gold attributions ({report['seconds']} s)"]
    head = f"{'system':<10} {'match':<8} {'P':>6} {'R':>6} {'F1':>6}   {'pred':>6} {'tp':>6}  speaker acc"
    lines.append(head)
    for system in ("newsgraph", "textacy"):
        if system not in report:
            continue
        s = report[system]
        spk = s["speaker"]
        for match in ("overlap", "exact"):
            m = s[match]
            tail = (f"  {spk['accuracy']:.3f} ({spk['correct']}/{spk['n']})" if match == "overlap" else "")
            lines.append(f"{system:<10} {match:<8} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f}   "
                         f"{s['predicted']:6d} {m['tp']:6d}{tail}")
        for kind, k in s["by_kind"].items():
            lines.append(f"{system:<10} {kind:<8} {k['p']:6.3f} {k['r']:6.3f} {k['f1']:6.3f}   "
                         f"{k['pred']:6d} {k['tp_gold']:6d}  (gold {k['gold']})")
    if "textacy_missing" in report:
        lines.append(f"baseline skipped: {report['textacy_missing']}")
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score quote attribution on PolNeAR.")
    ap.add_argument("--polnear", required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-baseline", action="store_true")
    a = ap.parse_args(list(argv) if argv is not None else None)
    print(format_report(run_quote_eval(a.polnear, a.split, a.limit, baseline=not a.no_baseline)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
