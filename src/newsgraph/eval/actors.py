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

from ..resolve.knowledge import Knowledge
from ..resolve.names import cameo_country, resolve_name


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


def _failure_kind(row: dict[str, str], got: Any) -> str:
    mention = row["mention"]
    if got is None:
        words = mention.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            return "unknown person or organization (needs world knowledge)"
        return "no country or sector word recognised"
    if row["expect_country"] and got.country != row["expect_country"]:
        return "country: wrong or missing" if got.country else "country: none derivable from the name"
    return "sector: wrong or missing"


def run_ngec(path: str, knowledge: Knowledge | None = None, label: str = "default") -> NgecReport:
    rows = list(csv.DictReader(Path(path).open(encoding="utf-8"), delimiter="\t"))
    report = NgecReport(label)
    for row in rows:
        if row["method"] not in {"agent_to_code", "short_text_to_agent", "search_nat", "trf_agent_match"}:
            continue
        kwargs = json.loads(row["kwargs"]) if row.get("kwargs") else {}
        context = row.get("context") or kwargs.get("known_country") or None
        got = resolve_name(row["mention"], _date(row.get("date", ""), kwargs), context, knowledge)
        country = cameo_country(got.name, got.country, got.sector) if got else None
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
        if expected_sectors and "????" not in expected_sectors and not re.fullmatch(r"[A-Z]{3}", row["expect_code_1"] or "X") is None:
            report.sector_total += 1
            hit = sector in expected_sectors
            report.sector_right += hit
            ok = ok and hit
        if not ok:
            report.failures.append({"mention": row["mention"], "date": row.get("date"), "expect_country": row["expect_country"],
                                    "expect_sector": "|".join(expected_sectors), "got_country": country,
                                    "got_sector": got.sector if got else None, "kind": _failure_kind(row, got)})
    return report
