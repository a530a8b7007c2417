"""Cost of adding a batch of quotes to a claim index holding 10^4 or 10^6 quotes.

Usage: .venv/bin/python benchmarks/claims.py [--small 10000] [--large 1000000] [--batch 1000] [--per-day 250]
                                             [--repeat 3] [--same-day]

Synthetic quotes: claims are sets of 7 words drawn from a Zipf-distributed vocabulary of 50,000
made-up words, with a speaker out of 5,000 and a number for one claim in four; each quote drops one
or two of its claim's words and adds two others and some function words, so repetitions are
paraphrases, not copies. Quotes arrive at `--per-day` a day (news volume), half of them repeating a
recent claim.

The small index is filled through `ClaimIndex.add` (1,000 quotes a batch) over `--small / --per-day`
days, a span longer than the index's time window, so its window is as full as it will ever be. The
large index holds the same period's rows shifted back in time again and again (ids renamed, days and
buckets moved by whole periods) for `--large` quotes of history, rebuilt with `ClaimIndex.from_rows`:
filling 10^6 quotes through `add` would take most of an hour here, and quotes outside the window
only make the store bigger, which is the point measured. Both then add the same batch of `--batch`
new quotes a day for `--repeat` days (the best day's CPU time counts). Prints both timings and
their ratio; the goal is large/small <= 1.5.

`--same-day` puts every quote on one day instead and fills both indexes through `add`: the worst
case, in which only the posting caps bound the work (use a smaller --large).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from datetime import date, timedelta

from newsgraph.claims import ClaimIndex, ClaimQuote, ClaimRows, ClaimSettings
from newsgraph.claims.rows import PostingRow, TermCountRow

VOCABULARY = 50_000
SPEAKERS = 5_000
CLAIM_WORDS = 7
FILLER = ("the", "that", "would", "has", "been", "of", "to", "in", "and", "was")
START = date(2020, 1, 1)


def word(i: int) -> str:
    """A made-up word (letters only, ending in 'k' so the stemmer leaves it alone)."""
    letters = []
    i += 26 * 26
    while i:
        i, r = divmod(i, 26)
        letters.append(chr(97 + r))
    return "z" + "".join(letters) + "k"


class Generator:
    """Synthetic claims and quotes paraphrasing them; deterministic for a seed."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
        self.vocab = [word(i) for i in range(VOCABULARY)]
        self.cum = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.claims: list[tuple[list[str], str, str | None]] = []
        self.count = 0

    def words(self, n: int) -> list[str]:
        return self.rng.choices(self.vocab, cum_weights=self.cum, k=n)

    def new_claim(self) -> int:
        number = str(self.rng.randint(2, 90_000)) if self.rng.random() < 0.25 else None
        self.claims.append((self.words(CLAIM_WORDS), f"speaker{self.rng.randrange(SPEAKERS)}", number))
        return len(self.claims) - 1

    def quote(self, day: int, claim: int) -> ClaimQuote:
        words, speaker, number = self.claims[claim]
        kept = self.rng.sample(words, len(words) - self.rng.randint(1, 2)) + self.words(2)
        text = " ".join(kept[:3] + [self.rng.choice(FILLER)] + kept[3:] + ([number] if number else []))
        self.count += 1
        article = f"a{self.count // 8}"
        return ClaimQuote(quote_id=f"{article}:{self.count % 8}", article_id=article, text=text,
                          date=(START + timedelta(days=day)).isoformat(), outlet=f"outlet{self.count % 300}",
                          speaker=speaker if self.rng.random() < 0.8 else None)

    def batch(self, size: int, day: int, recent: int) -> list[ClaimQuote]:
        """`size` quotes on `day`: half repeat one of the `recent` latest claims, half state new ones."""
        out = []
        for _ in range(size):
            if self.claims and self.rng.random() < 0.5:
                claim = len(self.claims) - 1 - self.rng.randrange(min(recent, len(self.claims)))
            else:
                claim = self.new_claim()
            out.append(self.quote(day, claim))
        return out


def fill(total: int, batch: int, per_day: int, same_day: bool) -> tuple[ClaimIndex, Generator, int, float]:
    """An index filled through `add` with `total` quotes; returns it, the generator, the next day and the seconds."""
    gen, index = Generator(), ClaimIndex()
    started, added = time.perf_counter(), 0
    while added < total:
        n = min(batch, total - added)
        index.add(gen.batch(n, 0 if same_day else added // per_day, recent=per_day))
        added += n
    next_day = 0 if same_day else -(-total // per_day)
    return index, gen, next_day, time.perf_counter() - started


def _shift(rows: ClaimRows, days: int, bucket_days: int, tag: str) -> ClaimRows:
    """The rows of one period moved `days` back in time, every id tagged (a distinct earlier period)."""
    def day(d: str | None) -> str | None:
        return (date.fromisoformat(d) - timedelta(days=days)).isoformat() if d else None

    shift = days // bucket_days
    return ClaimRows(
        members=[replace(m, quote_id=m.quote_id + tag, claim_id=m.claim_id + tag, article_id=m.article_id + tag,
                         date=day(m.date)) for m in rows.members],
        clusters=[replace(c, claim_id=c.claim_id + tag, first_quote_id=c.first_quote_id + tag,
                          first_date=day(c.first_date), last_date=day(c.last_date)) for c in rows.clusters],
        variants=[replace(v, claim_id=v.claim_id + tag, quote_id=v.quote_id + tag, date=day(v.date))
                  for v in rows.variants],
        postings=[PostingRow(p.term, p.bucket - shift, p.cluster_id + tag) for p in rows.postings])


def with_history(period: ClaimRows, periods: int, period_days: int, bucket_days: int) -> ClaimRows:
    """`period` as the latest of `periods` equal periods: earlier copies shifted back, term counts summed."""
    rows = ClaimRows(members=list(period.members), clusters=list(period.clusters), variants=list(period.variants),
                     postings=list(period.postings), clock=period.clock)
    for k in range(1, periods):
        old = _shift(period, k * period_days, bucket_days, f"#{k}")
        rows.members += old.members
        rows.clusters += old.clusters
        rows.variants += old.variants
        rows.postings += old.postings
    rows.term_counts = [TermCountRow(t.term, t.count * periods) for t in period.term_counts]
    return rows


def time_adds(index: ClaimIndex, batches: list[list[ClaimQuote]]) -> float:
    """Best CPU time of adding each batch in turn (one a day) to the index.

    CPU time of this process, not wall time: the machine is shared, and other jobs' load would otherwise
    decide the ratio. The cyclic garbage collector runs as usual (its cost is part of what is measured).
    """
    best = float("inf")
    for batch in batches:
        started = time.process_time()
        index.add(batch)
        best = min(best, time.process_time() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--per-day", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--same-day", action="store_true")
    args = parser.parse_args()
    settings = ClaimSettings()
    index, gen, day, build = fill(args.small, 1_000, args.per_day, args.same_day)
    period = index.to_rows()
    print(f"small: {args.small:,} quotes ({len(period.clusters):,} claims) added in {build:.1f} s "
          f"({args.small / build:,.0f} quotes/s)")
    batches = [gen.batch(args.batch, day + i, recent=args.per_day) for i in range(args.repeat)]
    if args.same_day:
        large, _, _, build = fill(args.large, 1_000, args.per_day, True)
        large_rows = large.to_rows()
        print(f"large: {args.large:,} quotes added in {build:.1f} s")
    else:
        period_days = -(-args.small // args.per_day)
        period_days += -period_days % settings.bucket_days  # whole buckets, so shifted postings stay aligned
        periods = max(1, round(args.large / args.small))
        started = time.perf_counter()
        large_rows = with_history(period, periods, period_days, settings.bucket_days)
        print(f"large: {len(large_rows.members):,} quotes ({len(large_rows.clusters):,} claims, "
              f"{len(large_rows.postings):,} postings) as {periods} periods of {period_days} days, "
              f"rows made in {time.perf_counter() - started:.1f} s")
    small_time = time_adds(ClaimIndex.from_rows(period, settings), batches)
    started = time.perf_counter()
    large_index = ClaimIndex.from_rows(large_rows, settings)
    print(f"rebuilding the large index from its rows: {time.perf_counter() - started:.1f} s")
    del large_rows
    large_time = time_adds(large_index, batches)
    ratio = large_time / small_time
    print(f"adding {args.batch:,} quotes: {small_time * 1000:.0f} ms to the small index, "
          f"{large_time * 1000:.0f} ms to the large one; ratio large/small {ratio:.2f} (goal <= 1.5)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
