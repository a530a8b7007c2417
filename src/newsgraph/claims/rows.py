"""The rows a claim index is persisted as: what a store keeps and gives back.

Five tables, each a list of frozen dataclasses (`asdict` gives the column dict):

    claim_members(quote_id, claim_id, article_id, outlet, date, speaker, attribution, relation, score)
        every quote clustered, with its claim; `relation` is how its speaker relates to the claim's
        first speaker: first | same | group | other | unattributed | anonymous
    claims(claim_id, first_quote_id, first_date, last_date, size, speaker, speaker_group)
        one row per claim (replaced when a batch changes it)
    claim_variants(claim_id, quote_id, date, speaker, speaker_group, terms, negated, mixed, numbers, entities, parts)
        the claim's representative members (at most `ClaimSettings.representatives`) with their features
    claim_postings(term, bucket, cluster_id)
        the inverted index: claims that hold a term in a time bucket (bucket = day number // bucket_days)
    claim_term_counts(term, count)
        in how many clustered quotes a term occurs (document frequency); the row with term "" counts the quotes

`ClaimIndex.add` returns the rows a batch adds or changes (`ClaimRows`, with term counts as
increments); `ClaimIndex.to_rows` all of them (counts as totals); `ClaimIndex.from_rows` rebuilds.
"""
from __future__ import annotations

from dataclasses import dataclass, field

DOCS = ""  # the claim_term_counts row that counts clustered quotes


@dataclass(frozen=True, slots=True)
class MemberRow:
    quote_id: str
    claim_id: str
    article_id: str
    outlet: str | None
    date: str | None
    speaker: str | None
    attribution: str
    relation: str
    score: float


@dataclass(frozen=True, slots=True)
class ClusterRow:
    claim_id: str
    first_quote_id: str
    first_date: str | None
    last_date: str | None
    size: int
    speaker: str | None
    speaker_group: str | None


@dataclass(frozen=True, slots=True)
class VariantRow:
    claim_id: str
    quote_id: str
    date: str | None
    speaker: str | None
    speaker_group: str | None
    terms: tuple[str, ...]
    negated: tuple[str, ...]
    mixed: tuple[str, ...]
    numbers: tuple[str, ...]
    entities: tuple[str, ...]  # "actor key<TAB>type<TAB>slot"
    parts: tuple[str, ...] = ()  # the terms of each clause, space-separated (when the quote has several)


@dataclass(frozen=True, slots=True)
class PostingRow:
    term: str
    bucket: int
    cluster_id: str


@dataclass(frozen=True, slots=True)
class TermCountRow:
    term: str
    count: int


@dataclass
class ClaimRows:
    """Rows of the five tables; `counts_are_increments` says whether term counts add to stored ones."""

    members: list[MemberRow] = field(default_factory=list)
    clusters: list[ClusterRow] = field(default_factory=list)
    variants: list[VariantRow] = field(default_factory=list)
    postings: list[PostingRow] = field(default_factory=list)
    term_counts: list[TermCountRow] = field(default_factory=list)
    counts_are_increments: bool = False
    clock: str | None = None  # the latest quote date the index has seen (undated quotes are placed there)
