"""The claim index: quotes join claim clusters batch after batch, at a cost that does not grow with the store.

Single-pass clustering as in first-story detection (Allan, Papka & Lavrenko 1998, "On-line new event
detection and tracking"): each quote, in a fixed order, joins the most similar existing cluster if the
similarity reaches the join threshold and no hard constraint vetoes it (`similarity.conflict`), else it
starts a new claim. Clusters never merge afterwards, so a claim id once given never changes: the id is
derived from the quote that started the claim (`claim_id`).

Only a few clusters are compared per quote. An inverted index maps (term, time bucket) to the clusters
holding that term in that bucket; a quote looks up its `lookup_terms` rarest terms in the buckets within
`window_days` of its date, and compares in full the `max_candidates` clusters sharing most key weight
(prefix filtering, Chaudhuri et al. 2006, and time blocking). Each key keeps at most `posting_cap`
clusters and each cluster `representatives` wording variants, so a quote's cost is bounded whatever the
number of stored quotes. Term rarity comes from document-frequency counts kept incrementally.

Two ways to hold the state:
- in memory (`ClaimIndex()`): `extract` over many files, tests; `to_rows()`/`from_rows()` persist it;
- in a store (`ClaimIndex(lookup=...)`): before each batch the index asks the store for the postings of
  the batch's keys, the clusters they name and the term counts (`ClaimLookup`), and `add` returns the
  rows to write (`ClaimBatch.rows`). The store must write a batch's rows before the next `add`.

Order: quotes are clustered one at a time in the order given (input order), and the clock moves
forward with each quote's own date just before that quote is placed, so a batch assigns exactly what
adding its quotes one by one would: cutting a sequence into batches anywhere changes nothing (the
store's determinism: the same input gives the same claim ids whatever the batch size, the worker
count or where a run was resumed). A quote without a date is placed at the latest date among the
quotes indexed before it (the clock), never at a later quote's date. (Sorting each batch by date,
as this index once did, made a quote see later-input quotes of its own batch but not of the next
one, so ids changed with the batch boundaries.) A store-backed index therefore reads the store's
clock before it asks for a batch's keys, to know the day of each undated quote.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .blocking import TermIndex, day_number, iso_day, placed_days
from .quotes import ClaimQuote, co_referent
from .rows import DOCS, ClaimRows, ClusterRow, MemberRow, VariantRow
from .settings import ClaimSettings
from .similarity import conflict, same_clauses, similarity
from .text import ClaimFeatures, claim_features

# A store's answer for a batch: (keys (term, bucket), terms) -> the rows it holds for them: postings of
# those keys (at most posting_cap per key, most recent), the clusters and variants they name, the term
# counts of those terms and the DOCS row, and the clock.
ClaimLookup = Callable[[Sequence[tuple[str, int]], Sequence[str]], ClaimRows]


def claim_id(first_quote_id: str) -> str:
    """The id of the claim a quote starts: a short stable hash of that quote's id."""
    return "c" + hashlib.blake2b(first_quote_id.encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class _Variant:
    quote_id: str
    date: str | None
    speaker: str | None
    speaker_group: str | None
    features: ClaimFeatures

    def row(self, claim: str) -> VariantRow:
        f = self.features
        return VariantRow(claim, self.quote_id, self.date, self.speaker, self.speaker_group, tuple(sorted(f.terms)),
                          tuple(sorted(f.negated)), tuple(sorted(f.mixed)), tuple(sorted(f.numbers)),
                          tuple(sorted("\t".join(e) for e in f.entities)),
                          tuple(" ".join(sorted(part)) for part in f.parts))

    @classmethod
    def from_row(cls, row: VariantRow) -> _Variant:
        entities = frozenset((key, kind, slot) for key, kind, slot in (e.split("\t", 2) for e in row.entities))
        features = ClaimFeatures(frozenset(row.terms), frozenset(row.negated), frozenset(row.mixed),
                                 frozenset(row.numbers), entities, tuple(frozenset(p.split()) for p in row.parts))
        return cls(row.quote_id, row.date, row.speaker, row.speaker_group, features)


@dataclass
class _Cluster:
    id: str
    first_quote_id: str
    first_date: str | None
    last_date: str | None
    size: int
    speaker: str | None
    speaker_group: str | None
    variants: list[_Variant] = field(default_factory=list)

    def row(self) -> ClusterRow:
        return ClusterRow(self.id, self.first_quote_id, self.first_date, self.last_date, self.size, self.speaker,
                          self.speaker_group)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one quote went: its claim, how its speaker relates to the claim's, and the similarity."""

    quote_id: str
    claim_id: str
    relation: str  # first | same | group | other | unattributed | anonymous
    score: float
    new_claim: bool


@dataclass
class ClaimBatch:
    """The claims of a batch's quotes (by quote id) and the rows to write for it."""

    assignments: dict[str, Assignment]
    rows: ClaimRows


class _State:
    """The term index and the clusters; records what a batch changes."""

    def __init__(self, settings: ClaimSettings) -> None:
        self.terms = TermIndex(window_days=settings.window_days, bucket_days=settings.bucket_days,
                               cap=settings.posting_cap)
        self.clusters: dict[str, _Cluster] = {}
        self.reset_journal()

    def reset_journal(self) -> None:
        self.terms.reset_journal()
        self.new_members: list[MemberRow] = []
        self.touched: dict[str, None] = {}
        self.new_variants: list[VariantRow] = []

    def load(self, rows: ClaimRows) -> None:
        """Add stored rows (a whole store, or what a lookup returned for one batch)."""
        for c in rows.clusters:
            self.clusters[c.claim_id] = _Cluster(c.claim_id, c.first_quote_id, c.first_date, c.last_date, c.size,
                                                 c.speaker, c.speaker_group)
        for v in rows.variants:
            cluster = self.clusters.get(v.claim_id)
            if cluster is not None:
                cluster.variants.append(_Variant.from_row(v))
        self.terms.load(rows.postings, rows.term_counts, rows.clock)

    def journal(self) -> ClaimRows:
        """What changed since the last reset, as rows (term counts as increments)."""
        return ClaimRows(members=self.new_members, clusters=[self.clusters[c].row() for c in self.touched],
                         variants=self.new_variants, postings=self.terms.new_postings,
                         term_counts=self.terms.increment_rows(), counts_are_increments=True,
                         clock=iso_day(self.terms.clock))


def _speaker_relation(quote: ClaimQuote, cluster: _Cluster) -> str:
    """How a quote's speaker relates to a cluster's speakers (its first speaker and its variants')."""
    attribution = quote.attribution
    if attribution != "named":
        return attribution
    speakers = {cluster.speaker} | {v.speaker for v in cluster.variants}
    groups = {cluster.speaker_group} | {v.speaker_group for v in cluster.variants}
    speakers.discard(None)
    groups.discard(None)
    if not speakers:
        return "unattributed"
    if quote.speaker in speakers:
        return "same"
    if any(co_referent(quote.speaker_group, g) for g in groups):
        return "group"
    return "other"


class ClaimIndex:
    """Assigns a claim id to every quote, batch after batch (see the module docstring)."""

    def __init__(self, settings: ClaimSettings | None = None, lookup: ClaimLookup | None = None) -> None:
        self.settings = settings or ClaimSettings()
        self.lookup = lookup
        self._state = _State(self.settings)
        self._members: list[MemberRow] = []  # in memory only: a store keeps its own claim_members

    @classmethod
    def from_rows(cls, rows: ClaimRows, settings: ClaimSettings | None = None) -> ClaimIndex:
        """An in-memory index rebuilt from the rows `to_rows` gave (or a store holds)."""
        index = cls(settings)
        index._state.load(rows)
        index._members = list(rows.members)
        return index

    def to_rows(self) -> ClaimRows:
        """Every row of the in-memory index (term counts as totals)."""
        st = self._state
        rows = ClaimRows(counts_are_increments=False, clock=iso_day(st.terms.clock))
        for c in sorted(st.clusters.values(), key=lambda c: c.id):
            rows.clusters.append(c.row())
            rows.variants.extend(v.row(c.id) for v in c.variants)
        rows.members = list(self._members)
        rows.postings = st.terms.posting_rows()
        rows.term_counts = st.terms.count_rows()
        return rows

    def add(self, quotes: Iterable[ClaimQuote]) -> ClaimBatch:
        """Cluster a batch of quotes against everything indexed before; returns ids and rows to write."""
        batch = list(quotes)
        features = {q.quote_id: claim_features(q.text, q.entities) for q in batch}
        if self.lookup is not None:
            self._state = self._stored_state(self.lookup, batch, features)
        state = self._state
        state.reset_journal()
        assignments: dict[str, Assignment] = {}
        for q in batch:  # input order, the clock moving with each quote: what batches of one would give
            state.terms.advance(day_number(q.date))
            assignments[q.quote_id] = self._assign(q, features[q.quote_id])
        if self.lookup is None:
            self._members.extend(state.new_members)
        return ClaimBatch(assignments, state.journal())

    def _stored_state(self, lookup: ClaimLookup, batch: list[ClaimQuote],
                      features: dict[str, ClaimFeatures]) -> _State:
        """What the store holds that this batch can read, as adding its quotes one by one would read it.

        Three questions: the store's clock, when the batch has an undated quote (its day depends on the
        clock, and so do the keys to ask for); the postings of the batch's keys with their clusters and
        the counts of the batch's terms; then the counts of the terms of those clusters' variants that
        the batch lacks (a similarity weighs both sides' terms: without their counts, a variant's terms
        would weigh more or less depending on which other quotes share the batch)."""
        state = _State(self.settings)
        undated = any(day_number(q.date) is None for q in batch)
        clock = day_number(lookup([], []).clock) if undated else None  # a dated quote's day is its own
        keys, terms = self._lookup_request(batch, features, clock)
        rows = lookup(keys, terms)
        state.load(rows)
        missing = sorted({t for v in rows.variants for t in v.terms} - set(terms))
        if missing:
            state.load(ClaimRows(term_counts=[c for c in lookup([], missing).term_counts if c.term != DOCS]))
        return state

    def _lookup_request(self, batch: list[ClaimQuote], features: dict[str, ClaimFeatures],
                        clock: int | None) -> tuple[list[tuple[str, int]], list[str]]:
        """The (term, bucket) keys and the terms a store must answer for this batch, each quote's keys
        around the day `add` will place it on (the store's `clock` moving with the batch's dates)."""
        probe = self._state.terms
        keys: set[tuple[str, int]] = set()
        for q, day in zip(batch, placed_days([q.date for q in batch], clock), strict=True):
            keys.update(probe.keys(features[q.quote_id].terms, day))
        return sorted(keys), sorted({DOCS} | {t for f in features.values() for t in f.terms})

    def _assign(self, quote: ClaimQuote, features: ClaimFeatures) -> Assignment:
        state, s = self._state, self.settings
        day = state.terms.day_of(quote.date)
        state.terms.count(features.terms)
        content = [t for t in features.terms if not t.startswith("@")] + sorted({t for t, _ in features.arguments})
        best: tuple[float, str, str] | None = None
        if len(content) >= s.min_terms:
            weight = state.terms.weights()
            min_hits = min(s.min_shared, s.min_shared_same_speaker)
            for cid in state.terms.candidates(features.terms, day, s.lookup_terms, s.max_candidates, min_hits):
                cluster = state.clusters[cid]
                scored = self._score(quote, features, cluster, weight)
                if scored is not None and (best is None or (scored[0], cid) > (best[0], best[1])):
                    best = (scored[0], cid, scored[1])
        if best is None:
            return self._start(quote, features, day, indexed=len(content) >= s.min_terms)
        return self._join(quote, features, day, state.clusters[best[1]], best[0])

    def _score(self, quote: ClaimQuote, features: ClaimFeatures, cluster: _Cluster,
               weight: Callable[[str], float]) -> tuple[float, str] | None:
        """The best similarity to a cluster's variants if it reaches the join threshold, else None.

        The best variant decides (single link, so paraphrase chains join), but the mean over all variants
        must reach `min_mean_similarity` too, so a quote that matches one outlying wording does not drag
        another topic in (chaining, the weakness of single link; Jain, Murty & Flynn 1999).

        A variant of several clauses ("the charges will be withdrawn and she will leave the country") reports two
        claims and bridges them: a report of either matches it clause by clause, so single link through it
        puts a report of the one ("the charges will be withdrawn") with a report of the other ("she will leave
        the country") that joined before. So once a cluster holds a variant of one clause, that is what the
        cluster claims: the best match must be with such a variant, and variants of several clauses count
        only as whole quotes (`similarity(split_other=False)`), for the mean and the vetoes as before."""
        s = self.settings
        relation = _speaker_relation(quote, cluster)
        min_shared = s.min_shared_same_speaker if relation == "same" else s.min_shared
        top = total = 0.0
        settled = any(not v.features.clauses for v in cluster.variants)  # a variant of one clause
        for variant in cluster.variants:
            if conflict(features, variant.features) is not None:
                return None
            sim, shared = similarity(features, variant.features, weight, s.cosine_share, split_other=not settled)
            total += sim
            if shared >= min_shared and not (settled and variant.features.clauses):
                top = max(top, sim)
            elif settled and same_clauses(features, variant.features):  # two reports of the same claims
                report, shared = similarity(features, variant.features, weight, s.cosine_share, whole=True)
                if shared >= min_shared:
                    top = max(top, report)
        if cluster.variants and total / len(cluster.variants) < s.min_mean_similarity:
            return None
        threshold = {"same": s.join_same_speaker, "group": s.join_same_speaker, "other": s.join_other_speaker}.get(
            relation, s.join_unattributed)
        return (top, relation) if top >= threshold else None

    def _start(self, quote: ClaimQuote, features: ClaimFeatures, day: int, *, indexed: bool) -> Assignment:
        state = self._state
        cid = claim_id(quote.quote_id)
        named = quote.attribution == "named"
        cluster = _Cluster(cid, quote.quote_id, quote.date, quote.date, 0, quote.speaker if named else None,
                           quote.speaker_group if named else None)
        state.clusters[cid] = cluster
        relation = "first" if named else quote.attribution
        self._record(quote, features, day, cluster, relation, 1.0, indexed=indexed)
        return Assignment(quote.quote_id, cid, relation, 1.0, True)

    def _join(self, quote: ClaimQuote, features: ClaimFeatures, day: int, cluster: _Cluster, score: float) -> Assignment:
        relation: str = quote.attribution
        if relation == "named":
            if cluster.speaker is None:
                cluster.speaker, cluster.speaker_group, relation = quote.speaker, quote.speaker_group, "first"
            elif quote.speaker == cluster.speaker:
                relation = "same"
            elif co_referent(quote.speaker_group, cluster.speaker_group):
                relation = "group"
            else:
                relation = "other"
        if quote.date and (cluster.first_date is None or quote.date < cluster.first_date):
            cluster.first_date = quote.date
        if quote.date and (cluster.last_date is None or quote.date > cluster.last_date):
            cluster.last_date = quote.date
        self._record(quote, features, day, cluster, relation, score, indexed=True)
        return Assignment(quote.quote_id, cluster.id, relation, round(score, 4), False)

    def _record(self, quote: ClaimQuote, features: ClaimFeatures, day: int, cluster: _Cluster, relation: str,
                score: float, *, indexed: bool) -> None:
        state = self._state
        cluster.size += 1
        state.touched[cluster.id] = None
        state.new_members.append(MemberRow(quote.quote_id, cluster.id, quote.article_id, quote.outlet, quote.date,
                                           quote.speaker, quote.attribution, relation, round(score, 4)))
        if not indexed:
            return
        if len(cluster.variants) < self.settings.representatives and all(
                v.features.terms != features.terms for v in cluster.variants):
            variant = _Variant(quote.quote_id, quote.date, quote.speaker, quote.speaker_group, features)
            cluster.variants.append(variant)
            state.new_variants.append(variant.row(cluster.id))
        state.terms.post(features.terms, day, cluster.id)
