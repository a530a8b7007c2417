"""Event coding scored against PLOVER and PETRARCH-2 gold records.

PLOVER gold standard records (`PLOVER_GSR_*.json`, Open Event Data Alliance, CC BY-SA 4.0):
one sentence per record with one event type, its source (actor) and target (recipient) with
codes. PETRARCH-2 validation (`PETR2_GSR_validation.xml`, MIT): AFP sentences with CAMEO
event codes, mapped to PLOVER through `CAMEO2PLOVER-2021.txt`.

How a sentence's prediction is picked: the pipeline runs on the record's text and the
*main event* is taken (`events.main_event`: the event of the highest trigger in the parse,
preferring one with a source actor), and its type is mapped with `events.plover_category`
(the manual's future rules: a future cooperative act is AGREE, a future retreat CONCEDE,
a future material-conflict act THREATEN), as PLOVER coders do.

Metrics (`score`): event-type accuracy over records and macro-F1 over the gold types;
source and target ISO3 accuracy over the records whose gold side has an ISO3 country code
(IGO and other non-country codes are left out), a prediction being right when its actor's
country is one of the gold codes. A person or organization without a country of its own
takes the country named right before it in its noun phrase (`Lebanon's new President
Elias Hrawi`, `Israeli Prime Minister Ehud Barak`), right after it (`King Hassan of Morocco`,
`Sidhoum, Algeria's ...`), or at the start of an organization's own name (`Syrian parliament`):
the GSR codes people and organizations by their state.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from ..extract.events import LEGACY_TYPES, PLOVER_TYPES, main_event, plover_category
from ..model import Article
from ..pipeline import analyze_text
from ..resolve.countries import iso3_of

#: PLOVER 0.8 (2021), the ontology CAMEO2PLOVER-2021 maps to, has no FIGHT or INVESTIGATE:
#: conventional force is ASSAULT and investigations are ACCUSE 'investigate'.
PLOVER_2021 = {"FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}

_AFFILIATION_GAP = re.compile(r"^(?:['’]s)?(?:\s+[A-Za-z.\-]+){0,5}\s*$")
_SKIP_GAP_WORDS = {"and", "or", "of", "to", "with", "by", "against", "in", "on", "from", "for"}


def normalize_type(t: str | None) -> str | None:
    """Gold or predicted type in current PLOVER names (DEMAND → REQUEST, DISAPPROVE → ACCUSE)."""
    if not t:
        return None
    t = t.strip().upper()
    return LEGACY_TYPES.get(t, t)


@lru_cache(maxsize=1)
def _iso3_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def iso3_codes(code: str | None) -> list[str]:
    """The ISO3 country code(s) in a gold code: 'LBN' → ['LBN'], 'USAGOV' → ['USA'], 'IGO' → []."""
    if not code:
        return []
    code = code.strip().upper()
    head = code[:3]
    return [head] if head in _iso3_codes() else []


# ---------------------------------------------------------------- scoring (pure)

def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, Any]:
    """Score predictions against gold records, matched by `id`.

    Args:
        gold: records `{"id", "type", "source": [ISO3...], "target": [ISO3...]}`; `type` may also be
            a list of acceptable types (a sentence with several gold events).
        predicted: `{"id", "type": str|None, "source": ISO3|None, "target": ISO3|None}`; a missing id
            counts as no prediction.
    Returns:
        n, type_accuracy, macro_f1, per_type {type: {precision, recall, f1, support}},
        source / target {n, correct, accuracy}, predicted_any (records with an event), confusion.
    """
    pred = {p["id"]: p for p in predicted}
    n = len(gold)
    correct = 0
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    side = {"source": [0, 0], "target": [0, 0]}
    any_pred = 0
    for g in gold:
        p = pred.get(g["id"], {})
        gtypes = g["type"] if isinstance(g["type"], list) else [g["type"]]
        gtypes = [normalize_type(t) for t in gtypes]
        ptype = normalize_type(p.get("type"))
        any_pred += ptype is not None
        label: str = ptype if ptype is not None and ptype in gtypes else gtypes[0]
        hit = ptype is not None and ptype in gtypes
        correct += hit
        n_gold[label] += 1
        if ptype is not None:
            n_pred[ptype] += 1
        if hit:
            tp[label] += 1
        confusion[(label, ptype or "-")] += 1
        for s in ("source", "target"):
            codes = [c for c in g.get(s) or [] if c]
            if codes:
                side[s][0] += 1
                side[s][1] += p.get(s) in codes
    per_type = {}
    for t in sorted(n_gold):
        prec = tp[t] / n_pred[t] if n_pred[t] else 0.0
        rec = tp[t] / n_gold[t]
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[t] = {"precision": prec, "recall": rec, "f1": f1, "support": n_gold[t], "predicted": n_pred[t]}
    macro = sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0
    return {
        "n": n,
        "type_accuracy": correct / n if n else 0.0,
        "macro_f1": macro,
        "per_type": per_type,
        "source": {"n": side["source"][0], "correct": side["source"][1],
                   "accuracy": side["source"][1] / side["source"][0] if side["source"][0] else 0.0},
        "target": {"n": side["target"][0], "correct": side["target"][1],
                   "accuracy": side["target"][1] / side["target"][0] if side["target"][0] else 0.0},
        "predicted_any": any_pred,
        "confusion": {f"{a}->{b}": c for (a, b), c in sorted(confusion.items()) if a != b},
    }


# ---------------------------------------------------------------- predictions

def _analyzer() -> Callable[[str, str | None], Article]:
    return analyze_text


def actor_country(article: Article, actor_id: str | None, near: int | None = None) -> str | None:
    """The ISO3 of an event's actor: its own country, else the country named just before it
    in its noun phrase (`Lebanon's new President Elias Hrawi` → LBN)."""
    if actor_id is None:
        return None
    actors = {a.id: a for a in article.actors}
    actor = actors.get(actor_id)
    if actor is not None and actor.country:
        return actor.country
    if actor is not None and actor.type != "PERSON":  # "Syrian parliament", "Nigerian Union of Teachers"

        words = actor.name.split()
        for k in (2, 1):
            if len(words) >= k:
                iso = iso3_of(" ".join(words[:k]))
                if iso:
                    return iso
    ms = sorted(article.mentions, key=lambda m: m.start)
    own = [m for m in ms if m.actor == actor_id]
    if near is not None and own:
        own.sort(key=lambda m: abs(m.start - near))
    for m in own:
        after = [x for x in ms if x.start >= m.end and x.actor != actor_id][:1]
        for x in after:  # "King Hassan of Morocco"
            gap = article.text[m.end:x.start]
            after_text = article.text[x.end:x.end + 2]
            if re.fullmatch(r"\s+of\s+(?:the\s+)?", gap) or (
                    re.fullmatch(r",\s+", gap) and after_text in ("'s", "’s")):  # "Sidhoum, Algeria's leading ..."
                c = actors.get(x.actor)
                if c is not None and c.country:
                    return c.country
        before = [x for x in ms if x.end <= m.start and x.actor != actor_id]
        for x in reversed(before[-3:]):
            gap = article.text[x.end:m.start]
            gap_words = {w.lower() for w in re.findall(r"[A-Za-z]+", gap)}
            if _AFFILIATION_GAP.match(gap) and not gap_words & _SKIP_GAP_WORDS:
                c = actors.get(x.actor)
                if c is not None and c.country:
                    return c.country
            break
    return None


def predict(article: Article) -> dict[str, Any]:
    """The main event of an analysed text as {type, source, target} (types in PLOVER coding, ISO3)."""
    ev = main_event(article.events)
    if ev is None:
        return {"type": None, "source": None, "target": None, "trigger": None}
    return {"type": plover_category(ev), "source": actor_country(article, ev.source, ev.trigger_start),
            "target": actor_country(article, ev.target, ev.trigger_start), "trigger": ev.trigger,
            "modality": ev.modality}


# ---------------------------------------------------------------- PLOVER GSR

def load_plover(path: str | Path) -> list[dict[str, Any]]:
    """Gold records of a PLOVER GSR JSON file (DOCUMENT records skipped, legacy types mapped)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for r in data:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        sides = {}
        for s in ("source", "target"):
            v = r.get(s)
            items = v if isinstance(v, list) else []
            sides[s] = sorted({c for it in items if isinstance(it, dict) for c in iso3_codes(it.get("code"))})
        out.append({"id": r["id"], "type": normalize_type(r["event"]), "text": r["text"].strip(),
                    "date": r.get("date"), **sides})
    return out


def run_event_eval(plover_json: str | Path, limit: int | None = None,
                   analyze: Callable[[str, str | None], Article] | None = None) -> dict[str, Any]:
    """Run the pipeline on every PLOVER gold record and score the main events."""
    gold = load_plover(plover_json)[:limit] if limit else load_plover(plover_json)
    analyze = analyze or _analyzer()
    predicted = []
    for g in gold:
        art = analyze(g["text"], g.get("date"))
        predicted.append({"id": g["id"], **predict(art)})
    result = score(gold, predicted)
    result["dataset"] = f"PLOVER GSR {Path(plover_json).name}"
    result["records"] = [{"id": g["id"], "gold": g["type"], "pred": p["type"], "trigger": p.get("trigger"),
                          "gold_source": g["source"], "pred_source": p["source"]}
                         for g, p in zip(gold, predicted, strict=False)]
    return result


# ---------------------------------------------------------------- PETRARCH-2 validation

@lru_cache(maxsize=4)
def cameo_to_plover(table: str) -> dict[str, str]:
    """CAMEO code → PLOVER type from CAMEO2PLOVER-2021.txt (`030: AGREE,  , diplomatic # ...`)."""
    out: dict[str, str] = {}
    for line in Path(table).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)", line)
        if m:
            out.setdefault(m.group(1), m.group(2))
    return out


def map_cameo(code: str, table: dict[str, str]) -> str | None:
    """The most specific code in the table that prefixes `code`, else its root (first two digits)."""
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return table[code[:k]]
    return None


def load_petrarch(xml: str | Path, table: str | Path | None = None) -> list[dict[str, Any]]:
    """Sentences with their gold events from a PETRARCH validation file (not strict XML: it has
    comment banners), CAMEO codes mapped to PLOVER 2021 types."""
    xml = Path(xml)
    table = Path(table) if table else _default_table(xml)
    mapping = cameo_to_plover(str(table))
    raw = xml.read_text(encoding="utf-8", errors="replace")
    out: list[dict[str, Any]] = []
    for block in re.split(r"(?=<Sentence\s)", raw)[1:]:
        head = re.match(r"<Sentence\s([^>]*)>", block)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', head.group(1))) if head else {}
        if attrs.get("evaluate", "true").lower() != "true":
            continue
        text = re.search(r"<Text>(.*?)</Text>", block, re.S)
        if not text:
            continue
        events = []
        for ec in re.findall(r"<EventCoding\s([^>]*)/?>", block):
            a = dict(re.findall(r'(\w+)="([^"]*)"', ec))
            if "eventcode" in a:
                events.append({"type": map_cameo(a["eventcode"], mapping), "cameo": a["eventcode"],
                               "source": iso3_codes(a.get("sourcecode")), "target": iso3_codes(a.get("targetcode"))})
        d = attrs.get("date", "")
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if re.fullmatch(r"\d{8}", d) else None
        out.append({"id": attrs.get("id", str(len(out))), "text": " ".join(text.group(1).split()),
                    "date": date, "events": [e for e in events if e["type"]]})
    return out


def _default_table(xml: Path) -> Path:
    for parent in xml.parents:
        cand = parent / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
        if cand.exists():
            return cand
    raise FileNotFoundError(f"CAMEO2PLOVER-2021.txt not found near {xml}; pass table=PATH")


def run_petrarch_eval(xml: str | Path, limit: int | None = None, table: str | Path | None = None,
                      analyze: Callable[[str, str | None], Article] | None = None) -> dict[str, Any]:
    """Score main events on the PETRARCH-2 validation sentences that have gold events; predicted
    types are folded into PLOVER 2021 (FIGHT → ASSAULT, INVESTIGATE → ACCUSE) like the gold."""
    sents = load_petrarch(xml, table)
    if limit:
        sents = sents[:limit]
    analyze = analyze or _analyzer()
    gold, predicted = [], []
    quiet = 0
    n_none = 0
    for s in sents:
        art = analyze(s["text"], s["date"])
        p = predict(art)
        if p["type"]:
            p["type"] = PLOVER_2021.get(p["type"], p["type"])
        if not s["events"]:
            n_none += 1
            quiet += p["type"] is None
            continue
        gold.append({"id": s["id"], "type": sorted({e["type"] for e in s["events"]}),
                     "source": sorted({c for e in s["events"] for c in e["source"]}),
                     "target": sorted({c for e in s["events"] for c in e["target"]})})
        predicted.append({"id": s["id"], **p})
    result = score(gold, predicted)
    result["dataset"] = f"PETRARCH-2 {Path(xml).name}"
    result["no_event_sentences"] = {"n": n_none, "predicted_none": quiet}
    return result


# ---------------------------------------------------------------- report

def format_report(result: dict[str, Any]) -> str:
    """A short text report: headline figures, then per-type precision/recall/F1."""
    lines = [
        f"{result.get('dataset', 'events')}: {result['n']} records, an event predicted for {result['predicted_any']}",
        f"  type accuracy    {result['type_accuracy']:.3f}",
        f"  type macro-F1    {result['macro_f1']:.3f}",
        f"  source ISO3 acc  {result['source']['accuracy']:.3f}  ({result['source']['correct']}/{result['source']['n']})",
        f"  target ISO3 acc  {result['target']['accuracy']:.3f}  ({result['target']['correct']}/{result['target']['n']})",
    ]
    if "no_event_sentences" in result:
        ne = result["no_event_sentences"]
        lines.append(f"  sentences without gold events: {ne['n']}, of which predicted none: {ne['predicted_none']}")
    lines.append(f"  {'type':12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for t, v in result["per_type"].items():
        lines.append(f"  {t:12} {v['precision']:6.2f} {v['recall']:6.2f} {v['f1']:6.2f} {v['support']:5d} {v['predicted']:5d}")
    return "\n".join(lines)


__all__ = ["score", "run_event_eval", "run_petrarch_eval", "format_report", "load_plover", "load_petrarch",
           "predict", "actor_country", "cameo_to_plover", "map_cameo", "PLOVER_TYPES"]
