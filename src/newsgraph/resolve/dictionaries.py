"""User actor dictionaries for `newsgraph import-actors`: a CSV, or the PETRARCH/Phoenix `.actors` format.

CSV: a header with `name` and any of `aliases` (separated by `|` or `;`), `type`, `country`
(ISO3), `sector` (PLOVER), `role`, `of`, `valid_from`, `valid_to` (YYYY-MM-DD).

PETRARCH/TABARI `.actors` (Schrodt's CountryInfo-derived dictionaries, as in PETRARCH2's
`Phoenix.Countries.actors.txt`): an entry line `VLADIMIR_PUTIN_` (optionally with an inline
`[CODE]`), synonyms on `+ALIAS_` lines, and code lines `\t[RUSGOV 991231-080507]`, `[RUSGOV >080508]`,
`[RUSELI <990809]` or an undated default `[RUSELI]`. A CAMEO code is a country (ISO3, or IGO/NGO/
MNC) followed by 3-letter sector codes; dates are YYMMDD.

Imported entries are kept in the store's `dictionary` table (`entry_row` / `entry_from_row`,
aliases joined by `|`); `stored_knowledge` indexes them once per version of that table.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..dates import from_yymmdd
from .knowledge import Entry, Knowledge

_CODE = re.compile(r"\[([A-Z~]{3,})\s*([<>]?\d{6})?(?:-(\d{6}))?\s*\]")
_NON_STATE = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "NGM": "NGO", "UNO": "IGO"}
# CAMEO country codes that are not ISO 3166 alpha-3.
_CAMEO_ISO3 = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR", "SER": "SRB"}


def _name(raw: str) -> str:
    words = raw.strip().strip("_").replace("_", " ").split()
    return " ".join(w if any(c.isdigit() for c in w) or len(w) <= 3 and w.isupper() and "." in w else w.capitalize()
                    for w in words)


def _code(code: str) -> tuple[str | None, str | None]:
    code = code.lstrip("~")
    head = code[:3]
    if head in _NON_STATE:
        return None, _NON_STATE[head]
    return _CAMEO_ISO3.get(head, head), code[3:6] or None


def parse_actors_file(text: str, source: str = "dictionary") -> list[Entry]:
    """Entries of a PETRARCH/Phoenix `.actors` text (see the module docstring)."""
    entries: list[Entry] = []
    name: str | None = None
    aliases: list[str] = []
    codes: list[tuple[str, str | None, str | None, str | None]] = []  # code, from, to, kind

    def flush() -> None:
        if name and codes:
            for code, start, end in ((c[0], c[1], c[2]) for c in codes):
                country, sector = _code(code)
                entries.append(Entry("PERSON" if not sector or sector in {"GOV", "ELI", "MIL", "LEG", "OPP", "JUD", "PTY"} and len(name.split()) >= 2
                                     else "ORG", name, tuple(aliases), country, sector, None, None, start, end, source))

    for line in text.splitlines():
        stripped = line.split("#", 1)[0].rstrip()
        if not stripped.strip():
            continue
        if line.startswith("+"):
            if name:
                aliases.append(_name(stripped[1:]))
            continue
        if line[:1] in {"\t", " ", "["}:
            for m in _CODE.finditer(stripped):
                codes.append(_span(m))
            continue
        if stripped.startswith("!") or "=" in stripped and stripped.startswith("!"):
            continue
        flush()
        name, aliases, codes = None, [], []
        head = _CODE.split(stripped, maxsplit=1)[0] if "[" in stripped else stripped
        name = _name(head.split("[")[0])
        codes = [_span(m) for m in _CODE.finditer(stripped)]
    flush()
    return entries


def _span(m: re.Match[str]) -> tuple[str, str | None, str | None, str | None]:
    code, first, second = m.group(1), m.group(2), m.group(3)
    if first and first.startswith(">"):
        return code, from_yymmdd(first[1:]), None, None
    if first and first.startswith("<"):
        return code, None, from_yymmdd(first[1:]), None
    if first and second:
        return code, from_yymmdd(first), from_yymmdd(second), None
    return code, None, None, None


def parse_csv(text: str, source: str = "dictionary") -> list[Entry]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in [f.strip().lower() for f in reader.fieldnames]:
        raise ValueError(f"the CSV header is {reader.fieldnames}; it needs a 'name' column "
                         "(and any of aliases, type, country, sector, role, of, valid_from, valid_to)")
    entries = []
    for n, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("name"):
            raise ValueError(f"line {n}: no name")
        for key in ("valid_from", "valid_to"):
            if row.get(key) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[key]):
                raise ValueError(f"line {n}: {key} is {row[key]!r}, not a date YYYY-MM-DD")
        aliases = tuple(a.strip() for a in re.split(r"[|;]", row.get("aliases", "")) if a.strip())
        entries.append(Entry(row.get("type") or "PERSON", row["name"], aliases, row.get("country") or None,
                             row.get("sector") or None, row.get("role") or None, row.get("of") or None,
                             row.get("valid_from") or None, row.get("valid_to") or None, source))
    return entries


def read_dictionary(path: str) -> list[Entry]:
    """Entries of a CSV (by extension .csv) or a PETRARCH/Phoenix .actors file (anything else)."""
    p = Path(path)
    text = p.read_text(encoding="utf-8", errors="replace")
    if p.suffix.lower() in {".csv", ".tsv"} or text.lstrip().lower().startswith("name,"):
        return parse_csv(text, p.name)
    return parse_actors_file(text, p.name)


def entry_row(entry: Entry) -> dict[str, Any]:
    """An entry as a row of the store's `dictionary` table (aliases joined by `|`)."""
    return {"name": entry.name, "aliases": "|".join(entry.aliases), "type": entry.type, "country": entry.country,
            "sector": entry.sector, "role": entry.role, "of": entry.of, "valid_from": entry.valid_from,
            "valid_to": entry.valid_to, "source": entry.source}


def entry_from_row(row: Sequence[Any]) -> Entry:
    """Inverse of `entry_row`, from (type, name, aliases, country, sector, role, of, valid_from, valid_to, source)."""
    return Entry(row[0] or "PERSON", row[1], tuple(a for a in (row[2] or "").split("|") if a), row[3], row[4],
                 row[5], row[6], row[7], row[8], row[9] or "dictionary")


_STORED: dict[Hashable, Knowledge] = {}


def stored_knowledge(version: Hashable | None, rows: Callable[[], Iterable[Sequence[Any]]]) -> Knowledge | None:
    """The store's imported dictionaries as one `Knowledge`, None when nothing was imported.

    `version` changes whenever the stored entries do (store.dictionary_version), so the index,
    costly for a Phoenix dictionary, is built once per version and `rows` read only then.
    """
    if version is None:
        return None
    if version not in _STORED:
        _STORED.clear()
        _STORED[version] = Knowledge(entry_from_row(r) for r in rows())
    return _STORED[version]


def forget_stored_knowledge() -> None:
    """Drop the index of `stored_knowledge` (after an import: the next read rebuilds it)."""
    _STORED.clear()
