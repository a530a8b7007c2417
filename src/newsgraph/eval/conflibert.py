"""Scoring events against the ConfliBERT CAMEO sentences (Hu et al., NAACL 2022; AIES 2022 data).

A second, independent check of the event coder next to the PLOVER GSR: 1,349 news sentences
(2017-2020, almost none shared with PLOVER), each with a coarse CAMEO class ("PentaClass") in
`data/cameo_class/train.tsv` and the source / target words tagged in `data/cameo_ner/train.txt`
(BIO tags S, T, and R for an actor that is both).

PentaClass: 0 make a statement or appeal (CAMEO 01-02), 1 verbal cooperation (03-05), 2 material
cooperation (06-08), 3 verbal conflict (09-13, 16), 4 material conflict (14-15, 17-20). The main
event of each sentence (`plover.predict`, PLOVER coding with the future rules) maps to a class by
`PENTACLASS`; no event is class 0 (a statement). PLOVER's REQUEST joins CAMEO's appeal (02, class
0) and demand (10, class 3), so it is told apart by its trigger: demand words are class 3.

Actors: over the sentences whose gold tags a source (target), the share where the main event's
source (target) actor has a mention overlapping a gold source (target) span.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..extract.events import main_event, plover_category
from ..model import Article
from ..pipeline import analyze_text

PENTACLASS = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
              "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
              "INVESTIGATE": 3, "REQUEST": 0, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
              "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4}
DEMAND_WORDS = frozenset({"demand", "demanded", "demanding", "demands", "insist", "insisted", "insists",
                          "ultimatum", "must"})
CLASS_NAMES = ("statement/appeal", "verbal cooperation", "material cooperation", "verbal conflict",
               "material conflict")


def _sentences(ner_text: str) -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = [[]]
    for line in ner_text.splitlines():
        if not line.strip():
            if out[-1]:
                out.append([])
            continue
        word, _, tag = line.rpartition(" ")
        out[-1].append((word, tag))
    return [s for s in out if s]


def _spans(text: str, tagged: list[tuple[str, str]]) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the S and T phrases (R counts as both), found word by word in `text`."""
    spans: dict[str, list[tuple[int, int]]] = {"S": [], "T": []}
    pos = 0
    current: tuple[str, int, int] | None = None
    for word, tag in tagged + [("", "O")]:
        start = text.find(word, pos) if word else len(text)
        if start < 0 or start - pos > 40:  # a token spelt otherwise in the text ("'s" / "ʼs"): skip it
            continue
        end = start + len(word)
        pos = end
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if current and (kind is None or tag.startswith("B-") or kind != current[0]):
            for k in (("S", "T") if current[0] == "R" else (current[0],)):
                if k in spans:
                    spans[k].append((current[1], current[2]))
            current = None
        if kind is not None:
            current = (kind, current[1], end) if current else (kind, start, end)
    return spans


def load(folder: str | Path) -> list[dict[str, Any]]:
    """Sentences with their class and source/target spans, from the ConfliBERT `data` folder
    (or the folder above it)."""
    root = Path(folder)
    for cand in (root, root / "data"):
        cls, ner = cand / "cameo_class" / "train.tsv", cand / "cameo_ner" / "train.txt"
        if cls.exists():
            break
    else:
        raise FileNotFoundError(f"{root}: no cameo_class/train.tsv found; pass the conflibert-cameo folder")
    rows = [line.rstrip("\n").rsplit("\t", 1) for line in cls.read_text(encoding="utf-8").splitlines() if "\t" in line]
    # the tagged file holds most of the same sentences, in another order: pair them by their letters
    tagged = {_key(" ".join(w for w, _ in t)): t for t in _sentences(ner.read_text(encoding="utf-8"))} if ner.exists() else {}
    out = []
    for text, label in rows:
        found = tagged.get(_key(text))
        spans = _spans(text, found) if found else {"S": [], "T": []}
        out.append({"text": text, "label": int(label), "source": spans["S"], "target": spans["T"],
                    "tagged": found is not None})
    return out


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())[:80]


def pentaclass(article: Article) -> tuple[int, Any]:
    """The class of an analysed sentence's main event (0 when it has none) and the event."""

    ev = main_event(article.events)
    if ev is None:
        return 0, None
    t = plover_category(ev)
    if t == "REQUEST" and ev.trigger.lower() in DEMAND_WORDS:
        return 3, ev
    return PENTACLASS.get(t, 0), ev


def _hits(article: Article, actor: str | None, spans: list[tuple[int, int]]) -> bool:
    return actor is not None and any(m.actor == actor and m.start < b and a < m.end
                                     for m in article.mentions for a, b in spans)


def run(folder: str | Path, limit: int | None = None,
        analyze: Callable[[str, str | None], Article] | None = None) -> dict[str, Any]:
    """Analyse every sentence and score classes and actor spans."""
    if analyze is None:
        analyze = analyze_text
    data = load(folder)[:limit] if limit else load(folder)
    t0 = time.perf_counter()
    confusion = [[0] * 5 for _ in range(5)]
    side = {"source": [0, 0], "target": [0, 0]}
    for s in data:
        art = analyze(s["text"], None)
        pred, ev = pentaclass(art)
        confusion[s["label"]][pred] += 1
        for key in ("source", "target"):
            if s[key]:
                side[key][0] += 1
                side[key][1] += bool(ev is not None and _hits(art, getattr(ev, key), s[key]))
    n = len(data)
    per_class: list[dict[str, Any]] = []
    for c in range(5):
        tp = confusion[c][c]
        gold, predicted = sum(confusion[c]), sum(row[c] for row in confusion)
        p, r = (tp / predicted if predicted else 0.0), (tp / gold if gold else 0.0)
        per_class.append({"class": c, "name": CLASS_NAMES[c], "gold": gold, "predicted": predicted,
                          "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0})
    return {"dataset": f"ConfliBERT CAMEO {Path(folder).name}", "n": n,
            "seconds": round(time.perf_counter() - t0, 1),
            "accuracy": sum(confusion[c][c] for c in range(5)) / n if n else 0.0,
            "macro_f1": sum(c["f1"] for c in per_class) / 5,
            "per_class": per_class, "confusion": confusion,
            **{k: {"n": v[0], "correct": v[1], "accuracy": v[1] / v[0] if v[0] else 0.0} for k, v in side.items()}}


def format_report(result: dict[str, Any]) -> str:
    lines = [f"{result['dataset']}: {result['n']} sentences ({result['seconds']} s)",
             f"  PentaClass accuracy {result['accuracy']:.3f}, macro-F1 {result['macro_f1']:.3f}",
             f"  source span hit     {result['source']['accuracy']:.3f}  ({result['source']['correct']}/{result['source']['n']})",
             f"  target span hit     {result['target']['accuracy']:.3f}  ({result['target']['correct']}/{result['target']['n']})",
             f"  {'class':24} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for c in result["per_class"]:
        lines.append(f"  {c['class']} {c['name']:22} {c['precision']:6.2f} {c['recall']:6.2f} {c['f1']:6.2f} "
                     f"{c['gold']:5d} {c['predicted']:5d}")
    lines.append("  confusion (rows gold 0-4, columns predicted 0-4): "
                 + " | ".join(" ".join(str(x) for x in row) for row in result["confusion"]))
    return "\n".join(lines)
