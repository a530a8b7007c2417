"""A claim's record: its canonical wording, speakers, first sighting, spread, variants and attribution.

What an analyst asks of a claim (issue "The same claim across outlets"): who said it, where and when it
was first reported, which outlets repeated it and when, in what words, and which outlets dropped the
attribution (no speaker, or an unnamed source) or gave it to someone else. Built from the clustered
quotes alone, so a store, `extract` and the tests build the same record.

The canonical wording is the most central member, the medoid (Kaufman & Rousseeuw 1990): the distinct
wording with the highest mean similarity to the others (weighted by how often each was used), so a
widely repeated core wins over one outlet's long paraphrase.
"""
from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .quotes import ClaimQuote, co_referent
from .similarity import similarity
from .text import claim_features

MAX_WORDINGS = 200  # distinct wordings compared for the canonical one (the earliest)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Sighting:
    """Where and when an outlet reported the claim (its first quote of it there)."""

    date: str | None
    outlet: str | None
    article_id: str
    quote_id: str
    speaker: str | None
    attribution: str


@dataclass(frozen=True, slots=True)
class Wording:
    """One distinct wording of the claim and the outlets that used it."""

    text: str
    outlets: tuple[str, ...]
    count: int
    first_date: str | None


@dataclass(frozen=True, slots=True)
class AttributionChange:
    """An article that reported the claim without its speaker: `dropped` (no speaker), `anonymous`
    (an unnamed source) or `changed` (another named speaker, outside the speaker's group)."""

    outlet: str | None
    article_id: str
    quote_id: str
    change: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    claim_id: str
    canonical: str
    canonical_quote_id: str
    speaker: str | None  # the speaker most articles give (actor id)
    speakers: tuple[tuple[str, int], ...]  # (actor id, number of quotes), most frequent first
    first_seen: Sighting
    spread: tuple[Sighting, ...]  # one per outlet (its first sighting), by date
    wordings: tuple[Wording, ...]  # distinct wordings, most used first
    attribution_changes: tuple[AttributionChange, ...]
    quotes: int
    articles: int
    outlets: int


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().strip("\"'\u201c\u201d\u2018\u2019 ")


def _date_key(q: ClaimQuote) -> tuple[str, str, str]:
    return (q.date or "9999-99-99", q.outlet or "", q.quote_id)


def _canonical(wordings: dict[str, list[ClaimQuote]]) -> str:
    """The medoid wording: highest mean (use-weighted) similarity to the other wordings."""
    texts = sorted(wordings, key=lambda t: _date_key(min(wordings[t], key=_date_key)))[:MAX_WORDINGS]
    if len(texts) == 1:
        return texts[0]
    feats = {t: claim_features(t) for t in texts}
    df = Counter(term for f in feats.values() for term in f.terms)
    n = len(texts)

    def weight(term: str) -> float:
        return math.log1p(n / df.get(term, 1))

    def centrality(t: str) -> float:
        total = sum(similarity(feats[t], feats[u], weight)[0] * len(wordings[u]) for u in texts if u != t)
        return total + len(wordings[t]) - 1  # a wording used again is as central as an identical one

    return max(texts, key=lambda t: (centrality(t), -texts.index(t)))


def _sighting(q: ClaimQuote) -> Sighting:
    return Sighting(q.date, q.outlet, q.article_id, q.quote_id, q.speaker, q.attribution)


def _attribution_changes(members: Sequence[ClaimQuote], speaker: str | None,
                         group: str | None) -> list[AttributionChange]:
    """Per article: the claim without the main speaker (or one of the speaker's group) anywhere in it."""
    if speaker is None:
        return []
    by_article: dict[str, list[ClaimQuote]] = {}
    for q in members:
        by_article.setdefault(q.article_id, []).append(q)
    out = []
    for article_id, quotes in by_article.items():
        if any(q.speaker == speaker or co_referent(q.speaker_group, group) for q in quotes):
            continue
        first = min(quotes, key=_date_key)
        named = [q for q in quotes if q.attribution == "named"]
        if named:
            out.append(AttributionChange(first.outlet, article_id, named[0].quote_id, "changed", named[0].speaker))
        elif any(q.attribution == "anonymous" for q in quotes):
            out.append(AttributionChange(first.outlet, article_id, first.quote_id, "anonymous", None))
        else:
            out.append(AttributionChange(first.outlet, article_id, first.quote_id, "dropped", None))
    return sorted(out, key=lambda c: (c.outlet or "", c.article_id))


def claim_record(claim_id: str, members: Sequence[ClaimQuote]) -> ClaimRecord:
    """The record of one claim from its member quotes (any order)."""
    if not members:
        raise ValueError(f"claim {claim_id!r} has no member quotes; build records from clustered quotes")
    ordered = sorted(members, key=_date_key)
    speakers = Counter(q.speaker for q in ordered if q.attribution == "named" and q.speaker)
    first_named = {s: i for i, s in reversed(list(enumerate(q.speaker for q in ordered)))}
    ranked = sorted(speakers.items(), key=lambda kv: (-kv[1], first_named.get(kv[0], 0)))
    speaker = ranked[0][0] if ranked else None
    group = next((q.speaker_group for q in ordered if q.speaker == speaker), None)
    wordings: dict[str, list[ClaimQuote]] = {}
    for q in ordered:
        wordings.setdefault(_normalise(q.text), []).append(q)
    canonical = _canonical(wordings)
    spread: dict[str, ClaimQuote] = {}
    for q in ordered:
        spread.setdefault(q.outlet or q.article_id, q)
    variants = sorted(
        (Wording(t, tuple(sorted({q.outlet or "" for q in qs})), len(qs), min(qs, key=_date_key).date)
         for t, qs in wordings.items()),
        key=lambda w: (-w.count, w.first_date or "9999", w.text))
    return ClaimRecord(
        claim_id=claim_id, canonical=canonical, canonical_quote_id=wordings[canonical][0].quote_id,
        speaker=speaker, speakers=tuple(ranked), first_seen=_sighting(ordered[0]),
        spread=tuple(_sighting(q) for q in spread.values()), wordings=tuple(variants),
        attribution_changes=tuple(_attribution_changes(ordered, speaker, group)), quotes=len(ordered),
        articles=len({q.article_id for q in ordered}), outlets=len(spread))


def claim_records(quotes: Iterable[ClaimQuote], claim_of: Mapping[str, str], *,
                  min_outlets: int = 1) -> list[ClaimRecord]:
    """Records of every claim among `quotes` (`claim_of`: quote id -> claim id), most outlets first."""
    members: dict[str, list[ClaimQuote]] = {}
    for q in quotes:
        if q.quote_id in claim_of:
            members.setdefault(claim_of[q.quote_id], []).append(q)
    records = [claim_record(cid, qs) for cid, qs in members.items()]
    return sorted((r for r in records if r.outlets >= min_outlets),
                  key=lambda r: (-r.outlets, r.first_seen.date or "9999", r.claim_id))


def wording_diff(canonical: str, variant: str) -> list[tuple[str, str]]:
    """A variant against the canonical wording, word by word: (op, words) with op in equal | insert |
    delete (words only in the canonical), for showing wordings side by side with differences marked."""
    a, b = canonical.split(), variant.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("insert", " ".join(b[j1:j2])))
    return out
