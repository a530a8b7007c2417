"""The claim index as a store uses it: incremental batches equal one pass, wherever the input is cut
into batches, rows persist and rebuild it, and a store-backed index (lookup) gives what the in-memory
one gives."""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from newsgraph.claims import Assignment, ClaimIndex, ClaimQuote, ClaimRows, ClaimSettings, claim_id
from newsgraph.claims.rows import DOCS, PostingRow, TermCountRow

from .conftest import make_quote

CLAIMS = [
    ("The ministry will raise the minimum wage to 15 dollars an hour next year", "actor:minister"),
    ("The army dispatched soldiers to the northern border", "actor:general"),
    ("The mining company poisoned the lake near the village", "actor:activist"),
    ("Negotiations on the gas contract were suspended by both governments", "actor:envoy"),
]
REWORDINGS = [
    "{}",
    "{}, the spokesman said on television",
    "officials said {} according to reports",
]


def _quotes() -> list[ClaimQuote]:
    """Three reports of each claim on three days, by different outlets, plus unrelated quotes."""
    out, n = [], 0
    for day, template in enumerate(REWORDINGS):
        for text, speaker in CLAIMS:
            n += 1
            out.append(make_quote(template.format(text), n, speaker=speaker, date=f"2024-05-0{day + 1}"))
    for i, text in enumerate(["The central bank left interest rates unchanged for the third month",
                              "Heavy rain flooded several villages in the south overnight",
                              "The football club signed a new striker on a long contract"]):
        out.append(make_quote(text, 100 + i, speaker=None, date="2024-05-02"))
    return out


def _one_pass(quotes: Sequence[ClaimQuote]) -> dict[str, str]:
    return {q: a.claim_id for q, a in ClaimIndex().add(quotes).assignments.items()}


def _partition(claims: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for quote, claim in claims.items():
        groups.setdefault(claim, set()).add(quote)
    return {frozenset(g) for g in groups.values()}


def test_each_claim_is_one_cluster():
    claims = _one_pass(_quotes())
    groups = _partition(claims)
    assert {frozenset(f"a{n:03d}:0" for n in range(k + 1, 13, 4)) for k in range(4)} <= groups


def test_claim_id_is_derived_from_the_first_report():
    quotes = _quotes()
    claims = _one_pass(quotes)
    assert claims["a005:0"] == claims["a001:0"] == claim_id("a001:0")


def test_a_second_batch_joins_as_one_pass_would():
    quotes = _quotes()
    one_pass = _one_pass(quotes)
    index = ClaimIndex()
    first = index.add([q for q in quotes if q.date <= "2024-05-01"])
    second = index.add([q for q in quotes if q.date > "2024-05-01"])
    incremental = {q: a.claim_id for q, a in {**first.assignments, **second.assignments}.items()}
    assert incremental == one_pass
    assert any(not a.new_claim for a in second.assignments.values())


def _in_batches(quotes: Sequence[ClaimQuote], cuts: Sequence[int]) -> dict[str, Assignment]:
    """Every assignment when `quotes` are added in batches cut before each position of `cuts`."""
    index, out = ClaimIndex(), {}
    for start, end in zip([0, *cuts], [*cuts, len(quotes)], strict=True):
        out.update(index.add(quotes[start:end]).assignments)
    return out


def _shuffled_with_undated() -> list[ClaimQuote]:
    """The quotes out of date order, a third of them undated."""
    quotes = _quotes()
    random.Random(3).shuffle(quotes)
    return [replace(q, date=None) if i % 3 == 0 else q for i, q in enumerate(quotes)]


def test_cutting_the_input_into_batches_anywhere_changes_nothing():
    quotes = _shuffled_with_undated()
    whole = _in_batches(quotes, [])
    assert _in_batches(quotes, list(range(1, len(quotes)))) == whole
    for seed in range(5):
        cuts = sorted(random.Random(seed).sample(range(1, len(quotes)), 4))
        assert _in_batches(quotes, cuts) == whole, cuts


def test_an_undated_quote_read_before_anything_dated_is_found_by_a_later_dated_report():
    """Placed on day 0 (no date, no clock), the first quote is in every later quote's window."""
    text, speaker = CLAIMS[1]
    undated = replace(make_quote(text, 1, speaker=speaker), date=None)
    dated = make_quote(f"{text}, the spokesman said", 2, speaker=speaker, date="2024-05-02")
    claims = ClaimIndex().add([undated, dated]).assignments
    assert claims[dated.quote_id].claim_id == claims[undated.quote_id].claim_id


def test_a_store_backed_index_in_batches_of_one_assigns_what_one_batch_does():
    quotes = _shuffled_with_undated()
    store = _FakeStore(ClaimSettings().posting_cap)
    backed = ClaimIndex(lookup=store.lookup)
    one_by_one = {}
    for quote in quotes:
        result = backed.add([quote])
        store.write(result.rows)
        one_by_one.update(result.assignments)
    assert one_by_one == ClaimIndex().add(quotes).assignments


def test_an_undated_quote_is_placed_at_the_latest_date_before_it_not_at_a_later_quotes():
    """An undated repetition read between a January report and an unrelated June quote is placed in
    January (the clock of the quotes before it), so it joins the January claim in one batch as it does
    in batches of one; placed in June (the batch's latest date) it would be outside the claim's window."""
    text, speaker = CLAIMS[1]
    january = make_quote(text, 1, speaker=speaker, date="2024-01-10")
    undated = replace(make_quote(f"{text}, the spokesman said", 2, speaker=speaker), date=None)
    june = make_quote("Heavy rain flooded several villages in the south overnight", 3, speaker=None, date="2024-06-01")
    together = ClaimIndex().add([january, undated, june]).assignments
    assert together[undated.quote_id].claim_id == together[january.quote_id].claim_id
    assert _in_batches([january, undated, june], [1, 2]) == together


def test_batches_in_reverse_date_order_give_the_same_groups():
    quotes = _quotes()
    index = ClaimIndex()
    late = index.add([q for q in quotes if q.date >= "2024-05-02"])
    early = index.add([q for q in quotes if q.date < "2024-05-02"])
    reverse = {q: a.claim_id for q, a in {**late.assignments, **early.assignments}.items()}
    assert _partition(reverse) == _partition(_one_pass(quotes))


def test_rows_rebuild_an_index_that_continues_identically():
    quotes = _quotes()
    first_half = [q for q in quotes if q.date <= "2024-05-01"]
    second_half = [q for q in quotes if q.date > "2024-05-01"]
    original = ClaimIndex()
    original.add(first_half)
    rebuilt = ClaimIndex.from_rows(original.to_rows())
    assert rebuilt.to_rows() == original.to_rows()
    assert rebuilt.add(second_half).assignments == original.add(second_half).assignments


class _FakeStore:
    """The store side of `ClaimIndex(lookup=...)`: tables kept as lists and dicts, written batch by batch."""

    def __init__(self, posting_cap: int) -> None:
        self.cap = posting_cap
        self.rows = ClaimRows()
        self.clusters: dict[str, object] = {}
        self.counts: dict[str, int] = {}
        self.postings: dict[tuple[str, int], list[str]] = {}
        self.clock: str | None = None
        self.asked_keys = 0

    def write(self, delta: ClaimRows) -> None:
        assert delta.counts_are_increments
        self.rows.members += delta.members
        self.rows.variants += delta.variants
        for c in delta.clusters:
            self.clusters[c.claim_id] = c
        for p in delta.postings:
            holders = self.postings.setdefault((p.term, p.bucket), [])
            if p.cluster_id not in holders:
                holders.append(p.cluster_id)
        for t in delta.term_counts:
            self.counts[t.term] = self.counts.get(t.term, 0) + t.count
        self.clock = max(filter(None, [self.clock, delta.clock]), default=None)

    def lookup(self, keys, terms) -> ClaimRows:
        self.asked_keys += len(keys)
        postings = [(k, cid) for k in keys for cid in self.postings.get(k, [])[-self.cap:]]
        ids = {cid for _, cid in postings}
        return ClaimRows(
            clusters=[c for cid, c in self.clusters.items() if cid in ids],  # type: ignore[misc]
            variants=[v for v in self.rows.variants if v.claim_id in ids],
            postings=[PostingRow(t, b, cid) for (t, b), cid in postings],
            term_counts=[TermCountRow(t, self.counts[t]) for t in terms if t in self.counts]
            + ([TermCountRow(DOCS, self.counts[DOCS])] if DOCS in self.counts and DOCS not in terms else []),
            clock=self.clock)


def test_a_store_backed_index_assigns_what_the_in_memory_one_does():
    quotes = _quotes()
    days = sorted({q.date for q in quotes})
    memory = ClaimIndex()
    store = _FakeStore(memory.settings.posting_cap)
    backed = ClaimIndex(lookup=store.lookup)
    for day in days:
        batch = [q for q in quotes if q.date == day]
        expected = memory.add(batch).assignments
        result = backed.add(batch)
        store.write(result.rows)
        assert result.assignments == expected
    assert store.asked_keys > 0
    assert {m.quote_id for m in store.rows.members} == {q.quote_id for q in quotes}
