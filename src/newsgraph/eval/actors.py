"""Actor resolution scored against NGEC's actor-resolution cases and GUM's coreference.

NGEC (Halterman et al. 2023, `ahalterman/NGEC` tests, extracted to TSV): a name (with an
optional date and context) → country code (ISO3, or UNO/EUR/IGO) and PLOVER sector. Metrics:
country accuracy over rows that expect a country, sector accuracy over rows that expect a
sector (expected `UNK` = no sector derivable = our None), and precision on rows that expect no
actor (the share resolved to None). Wikipedia-title rows are not scored (no linker here).

GUM (Zeldes 2017; Wikinews news and interviews, WebAnno TSV): within-document B³ (Bagga &
Baldwin 1998) over the gold mentions of people, organizations and places that are named (a
proper noun inside) or pronominal, against spaCy-NER-only clustering (same folded text = same
entity; pronouns never linked) in the same run. A gold mention takes the cluster of the system
mention with the same last token; gold mentions the system does not find are singletons.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import nlp as nlp_module
from ..resolve.actors import resolve_doc
from ..resolve.dictionaries import read_dictionary
from ..resolve.knowledge import Knowledge
from ..resolve.names import cameo_country, resolve_name
from ..resolve.text import bare, fold


@dataclass
class NgecReport:
    label: str
    country_total: int = 0
    country_right: int = 0
    sector_total: int = 0
    sector_right: int = 0
    none_total: int = 0
    none_right: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None
        kinds = Counter(f["kind"] for f in self.failures)
        return {"set": "ngec", "knowledge": self.label,
                "country_accuracy": ratio(self.country_right, self.country_total), "country_rows": self.country_total,
                "sector_accuracy": ratio(self.sector_right, self.sector_total), "sector_rows": self.sector_total,
                "none_precision": ratio(self.none_right, self.none_total), "none_rows": self.none_total,
                "failures_by_kind": dict(kinds.most_common())}


def _date(value: str, kwargs: dict[str, Any]) -> str | None:
    value = (kwargs.get("query_date") or value or "").strip()
    if not value or value.lower() == "today":
        return None
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(value.title() if "%B" in fmt else value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _failure_kind(row: dict[str, str], got: Any, country: str | None) -> str:
    mention = row["mention"]
    if got is None:
        words = mention.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            return "unknown person or organization (needs world knowledge)"
        return "no country or sector word recognised"
    if row["expect_country"] and country != row["expect_country"]:
        return "country: wrong or missing" if country else "country: none derivable from the name"
    return "sector: wrong or missing"


def run_ngec(path: str, knowledge: Knowledge | None = None, label: str = "default", table: bool = True) -> NgecReport:
    rows = list(csv.DictReader(Path(path).open(encoding="utf-8"), delimiter="\t"))
    report = NgecReport(label)
    for row in rows:
        if row["method"] not in {"agent_to_code", "short_text_to_agent", "search_nat", "trf_agent_match"}:
            continue
        kwargs = json.loads(row["kwargs"]) if row.get("kwargs") else {}
        context = row.get("context") or kwargs.get("known_country") or None
        got = resolve_name(row["mention"], _date(row.get("date", ""), kwargs), context, knowledge, table)
        country = cameo_country(got.name, got.country, got.sector, got.of) if got else None
        sector = (got.sector if got else None) or "UNK"
        ok = True
        if row["expect_none"]:
            report.none_total += 1
            report.none_right += got is None
            ok = got is None
        if row["expect_country"] and row["expect_country"] not in {"????"}:
            report.country_total += 1
            hit = country == row["expect_country"]
            report.country_right += hit
            ok = ok and hit
        expected_sectors = [s for s in (row["expect_code_1"], *json.loads(row["expect_code_1_in"] or "[]")) if s]
        if expected_sectors and "????" not in expected_sectors and re.fullmatch(r"[A-Z]{3}", row["expect_code_1"] or "X") is not None:
            report.sector_total += 1
            hit = sector in expected_sectors
            report.sector_right += hit
            ok = ok and hit
        if not ok:
            report.failures.append({"mention": row["mention"], "date": row.get("date"), "expect_country": row["expect_country"],
                                    "expect_sector": "|".join(expected_sectors), "got_country": country,
                                    "got_sector": got.sector if got else None, "kind": _failure_kind(row, got, country)})
    return report


# ---------------------------------------------------------------- GUM: within-document B³

_GUM_TYPES = {"person", "organization", "place"}
_GUM_IDENTITY = ("coref", "ana", "cata", "appos")
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "hers", "theirs", "himself",
             "herself", "itself", "themselves"}
_REL = re.compile(r"(\d+-\d+)\[(\d+)_(\d+)\]|(\d+-\d+)")
_ENT = re.compile(r"([a-z]+)(?:\[(\d+)\])?")


@dataclass
class GumDoc:
    name: str
    text: str
    mentions: list[tuple[int, int, str]]  # (start, end, gold cluster)


def read_gum_tsv(path: Path) -> GumDoc:
    """Text, and named + pronominal gold mentions of people/organizations/places with their clusters.

    One pass over the WebAnno TSV columns (token, offsets, entity, coreference); longer than 60 lines
    because the format's stacked span and edge annotations are decoded in the same loop."""
    tokens: list[tuple[str, int, int, str]] = []  # token id, start, end, text
    spans: dict[str, dict[str, Any]] = {}  # span key -> {type, tokens}
    edges: list[tuple[str, str]] = []
    sent_first: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            continue
        tid, offsets, word, ents = cols[0], cols[1], cols[2], cols[3]
        start, end = (int(x) for x in offsets.split("-"))
        tokens.append((tid, start, end, word))
        if tid.endswith("-1"):
            sent_first.add(tid)
        single = None
        if ents != "_":
            for part in ents.split("|"):
                m = _ENT.fullmatch(part.strip())
                if not m:
                    continue
                key = f"s{m.group(2)}" if m.group(2) else f"t{tid}"
                if not m.group(2):
                    single = key
                spans.setdefault(key, {"type": m.group(1), "tokens": []})["tokens"].append(tid)
        if cols[8] != "_" and cols[9] != "_":
            for rel_type, target in zip(cols[8].split("|"), cols[9].split("|"), strict=False):
                if not any(rel_type.startswith(t) for t in _GUM_IDENTITY):
                    continue
                m = _REL.fullmatch(target)
                if not m:
                    continue
                if m.group(4):
                    target_key, source_key = f"t{m.group(4)}", single
                else:
                    target_key = f"s{m.group(2)}" if m.group(2) != "0" else f"t{m.group(1)}"
                    source_key = f"s{m.group(3)}" if m.group(3) != "0" else single
                if source_key:
                    edges.append((source_key, target_key))
    length = max((t[2] for t in tokens), default=0)
    chars = [" "] * length
    for _, s, e, w in tokens:
        chars[s:e] = list(w[: e - s].ljust(e - s))
    text = "".join(chars)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    offset = {t[0]: (t[1], t[2], t[3]) for t in tokens}
    mentions = []
    for key, span in spans.items():
        if span["type"] not in _GUM_TYPES:
            continue
        toks = [offset[t] for t in span["tokens"] if t in offset]
        if not toks:
            continue
        words = [w for _, _, w in toks]
        pronominal = len(words) == 1 and words[0].lower() in _PRONOUNS
        named = any(w[:1].isupper() and w.isalpha() and not (i == 0 and span["tokens"][0] in sent_first and w.lower() in {"the", "a", "an", "this"})
                    for i, w in enumerate(words)) and not (len(words) == 1 and words[0].lower() in _PRONOUNS | {"i", "we", "you"})
        if pronominal or named:
            mentions.append((toks[0][0], toks[-1][1], find(key)))
    return GumDoc(path.stem, text, sorted(mentions))


def b_cubed(gold: dict[Any, Any], system: dict[Any, Any]) -> tuple[float, float, float]:
    """B³ precision, recall, F1 over the mentions (keys) of `gold`; `system` maps each to a cluster."""
    g_members: dict[Any, set[Any]] = defaultdict(set)
    s_members: dict[Any, set[Any]] = defaultdict(set)
    for m, c in gold.items():
        g_members[c].add(m)
        s_members[system[m]].add(m)
    p = sum(len(g_members[gold[m]] & s_members[system[m]]) / len(s_members[system[m]]) for m in gold) / max(len(gold), 1)
    r = sum(len(g_members[gold[m]] & s_members[system[m]]) / len(g_members[gold[m]]) for m in gold) / max(len(gold), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _align(gold: list[tuple[int, int, str]], system: list[tuple[int, int, str]]) -> dict[Any, Any]:
    """Each gold mention's system cluster: the system mention ending where it ends (the head), else a singleton."""
    by_end: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for s in system:
        by_end[s[1]].append(s)
    out: dict[Any, Any] = {}
    for g in gold:
        hits = [s for s in by_end.get(g[1], []) if s[0] >= g[0]] or [s for s in system if s[0] <= g[0] < s[1] and s[1] <= g[1] + 2]
        out[(g[0], g[1])] = ("sys", max(hits, key=lambda s: s[1] - s[0])[2]) if hits else ("single", g[0], g[1])
    return out


def run_gum(folder: str, limit: int | None = None) -> dict[str, Any]:
    """B³ of newsgraph's actor mentions (names, roles, descriptions, pronouns) vs spaCy-NER-only clustering."""

    root = Path(folder)
    tsv_dir = root / "coref" / "gum" / "tsv" if (root / "coref").exists() else root
    paths = sorted(tsv_dir.glob("*.tsv"))
    if not paths:
        raise FileNotFoundError(f"{folder}: no GUM .tsv files (expected coref/gum/tsv/*.tsv)")
    docs = [read_gum_tsv(p) for p in paths[:limit]]
    nlp = nlp_module.load()
    totals = {"newsgraph": [0.0, 0.0], "spacy_ner": [0.0, 0.0]}
    n = 0
    for gum, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=8), strict=False):
        gold = {(s, e): c for s, e, c in gum.mentions}
        if not gold:
            continue
        res = resolve_doc(doc)
        ours = [(m.start, m.end, m.actor) for m in res.mentions]
        ner = [(e.start_char, e.end_char, fold(bare(e.text))) for e in doc.ents
               if e.label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}]
        for label, system in (("newsgraph", ours), ("spacy_ner", ner)):
            p, r, _ = b_cubed(gold, _align(gum.mentions, system))
            totals[label][0] += p * len(gold)
            totals[label][1] += r * len(gold)
        n += len(gold)
    result: dict[str, Any] = {"set": "gum", "documents": len(docs), "gold_mentions": n}
    for label, (p, r) in totals.items():
        p, r = p / max(n, 1), r / max(n, 1)
        result[label] = {"b3_precision": round(p, 3), "b3_recall": round(r, 3),
                         "b3_f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}
    return result


def run_actor_eval(ngec: str | None, gum: str | None, dictionaries: list[str], limit: int | None) -> list[dict[str, Any]]:
    reports: list[dict[str, Any]] = []
    if ngec:
        if not Path(ngec).exists():
            raise FileNotFoundError(f"{ngec}: no such NGEC file")
        default = run_ngec(ngec)
        reports.append({**default.as_dict(), "failures": default.failures})
        rules = run_ngec(ngec, None, "rules only (without the project's actor table)", table=False)
        reports.append({**rules.as_dict(), "failures": rules.failures})
        if dictionaries:
            entries = [e for path in dictionaries for e in read_dictionary(path)]
            user = run_ngec(ngec, Knowledge(entries), "after import-actors " + ", ".join(Path(d).name for d in dictionaries))
            reports.append({**user.as_dict(), "failures": user.failures})
    if gum:
        reports.append(run_gum(gum, limit))
    return reports


def format_report(r: dict[str, Any], failures: bool = False) -> str:
    if r["set"] == "ngec":
        lines = [f"NGEC actor resolution ({r['knowledge']} knowledge): country accuracy {r['country_accuracy']} "
                 f"over {r['country_rows']} rows, sector accuracy {r['sector_accuracy']} over {r['sector_rows']} rows, "
                 f"precision on no-actor rows {r['none_precision']} over {r['none_rows']} rows",
                 "  failures by kind: " + ", ".join(f"{k} {v}" for k, v in r["failures_by_kind"].items())]
        if failures:
            lines += [f"  - {f['mention']!r} ({f['date'] or 'no date'}): expected {f['expect_country'] or '-'} "
                      f"{f['expect_sector'] or '-'}, got {f['got_country'] or '-'} {f['got_sector'] or '-'} [{f['kind']}]"
                      for f in r.get("failures", [])]
        return "\n".join(lines)
    ours, base = r["newsgraph"], r["spacy_ner"]
    return (f"GUM within-document B3 over {r['gold_mentions']} named+pronominal mentions in {r['documents']} documents: "
            f"newsgraph P {ours['b3_precision']} R {ours['b3_recall']} F1 {ours['b3_f1']}; "
            f"spaCy-NER-only P {base['b3_precision']} R {base['b3_recall']} F1 {base['b3_f1']}")
