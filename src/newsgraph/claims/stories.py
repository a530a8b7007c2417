"""Stories beyond copies: articles about the same story within a few days, grouped incrementally.

`story` (readers/copies.py) links copies of one wire text; a `story_cluster` groups the coverage of one
story by different outlets in their own words. An article is described by its rarest content words
(tf-idf, top `StorySettings.top_terms`) and the actors it names; it joins the story cluster whose
representative articles it is most similar to (binary tf-idf cosine, as for claims) within the time
window, else it starts a story. This is single-pass clustering as in topic detection and tracking
(Allan et al. 1998; Yang, Pierce & Carbonell 1998, "A study on retrospective and on-line event
detection"), with the same blocking as the claim index (`blocking.TermIndex`). A syndicated copy joins
the story cluster of its first-seen copy directly.

Articles are grouped one at a time in the order given (input order), the clock moving with each one's
date just before it is placed, as the claim index does (index.py, "Order"): a batch groups what adding
its articles one by one would, so story cluster ids do not depend on the batch boundaries.

Rows (a store persists them like the claim index's, see rows.py):

    story_members(article_id, story_cluster, score)
    story_clusters(story_cluster, first_article_id, first_date, last_date, size)
    story_variants(story_cluster, article_id, terms)      representative articles (at most `representatives`)
    story_postings(term, bucket, cluster_id)              as claim_postings
    story_term_counts(term, count)                        document frequency over articles; "" = articles
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .blocking import TermIndex, day_number, iso_day, placed_days
from .rows import DOCS, PostingRow, TermCountRow
from .settings import StorySettings
from .similarity import similarity
from .text import ACTOR_PREFIX, ClaimFeatures, canonical, stopwords, tokens


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article to group: its text (title and body), date, named actors and syndicated-copy story id."""

    article_id: str
    text: str
    date: str | None = None
    outlet: str | None = None
    actors: tuple[str, ...] = ()
    story: str | None = None  # the first-seen copy's article id when this is a syndicated copy


@dataclass(frozen=True, slots=True)
class StoryMemberRow:
    article_id: str
    story_cluster: str
    score: float


@dataclass(frozen=True, slots=True)
class StoryClusterRow:
    story_cluster: str
    first_article_id: str
    first_date: str | None
    last_date: str | None
    size: int


@dataclass(frozen=True, slots=True)
class StoryVariantRow:
    story_cluster: str
    article_id: str
    terms: tuple[str, ...]


@dataclass
class StoryRows:
    members: list[StoryMemberRow] = field(default_factory=list)
    clusters: list[StoryClusterRow] = field(default_factory=list)
    variants: list[StoryVariantRow] = field(default_factory=list)
    postings: list[PostingRow] = field(default_factory=list)
    term_counts: list[TermCountRow] = field(default_factory=list)
    counts_are_increments: bool = False
    clock: str | None = None


# A store's answer for a batch: (keys, terms, article ids of first-seen copies) -> postings of those keys,
# the clusters and variants they name, the term counts, and the member rows of those article ids.
StoryLookup = Callable[[Sequence[tuple[str, int]], Sequence[str], Sequence[str]], StoryRows]


def story_cluster_id(first_article_id: str) -> str:
    """The id of the story an article starts: a short stable hash of its id."""
    return "s" + hashlib.blake2b(first_article_id.encode("utf-8"), digest_size=8).hexdigest()


def article_terms(text: str) -> Counter[str]:
    """Content-word counts of an article (the claim terms' normalisation, without polarity)."""
    stop = stopwords()
    return Counter(canonical(t) for t in tokens(text) if t.isalpha() and len(t) > 2 and t not in stop)


@dataclass
class _Story:
    id: str
    first_article_id: str
    first_date: str | None
    last_date: str | None
    size: int
    variants: list[tuple[str, ClaimFeatures]] = field(default_factory=list)

    def row(self) -> StoryClusterRow:
        return StoryClusterRow(self.id, self.first_article_id, self.first_date, self.last_date, self.size)


class StoryIndex:
    """Assigns a `story_cluster` to every article, batch after batch (see the module docstring)."""

    def __init__(self, settings: StorySettings | None = None, lookup: StoryLookup | None = None) -> None:
        self.settings = settings or StorySettings()
        self.lookup = lookup
        self._reset_state()
        self._members_all: list[StoryMemberRow] = []

    def _reset_state(self) -> None:
        s = self.settings
        self.terms = TermIndex(window_days=s.window_days, bucket_days=s.bucket_days, cap=s.posting_cap)
        self.stories: dict[str, _Story] = {}
        self.member_of: dict[str, str] = {}

    def _load(self, rows: StoryRows) -> None:
        for c in rows.clusters:
            self.stories[c.story_cluster] = _Story(c.story_cluster, c.first_article_id, c.first_date, c.last_date,
                                                   c.size)
        for v in rows.variants:
            if v.story_cluster in self.stories:
                self.stories[v.story_cluster].variants.append((v.article_id, ClaimFeatures(frozenset(v.terms))))
        for m in rows.members:
            self.member_of[m.article_id] = m.story_cluster
        self.terms.load(rows.postings, rows.term_counts, rows.clock)

    @classmethod
    def from_rows(cls, rows: StoryRows, settings: StorySettings | None = None) -> StoryIndex:
        index = cls(settings)
        index._load(rows)
        index._members_all = list(rows.members)
        return index

    def to_rows(self) -> StoryRows:
        """Every row of the in-memory index (term counts as totals)."""
        rows = StoryRows(members=list(self._members_all), postings=self.terms.posting_rows(),
                         term_counts=self.terms.count_rows(), clock=iso_day(self.terms.clock))
        for story in sorted(self.stories.values(), key=lambda x: x.id):
            rows.clusters.append(story.row())
            rows.variants.extend(StoryVariantRow(story.id, a, tuple(sorted(f.terms))) for a, f in story.variants)
        return rows

    def _features(self, article: StoryArticle, counts: Counter[str]) -> ClaimFeatures:
        """The article's top tf-idf words (by the counts so far) and its actors."""
        ranked = sorted(counts, key=lambda t: (-counts[t] * self.terms.weight(t), t))[:self.settings.top_terms]
        return ClaimFeatures(frozenset(ranked) | {ACTOR_PREFIX + a for a in article.actors})

    def _load_stored(self, lookup: StoryLookup, batch: list[StoryArticle], counts: dict[str, Counter[str]]) -> None:
        """Load what the store holds that this batch can read, as adding its articles one by one would
        read it: the store's clock first when the batch has an undated article (its day, so its keys),
        then the postings, stories and term counts of the batch, then the counts of the terms of those
        stories' variants that the batch lacks (a similarity weighs both sides' terms)."""
        self._reset_state()
        undated = any(day_number(a.date) is None for a in batch)
        clock = day_number(lookup([], [], []).clock) if undated else None  # a dated article's day is its own
        days = placed_days([a.date for a in batch], clock)
        keys = sorted({k for a, day in zip(batch, days, strict=True) for k in self.terms.keys(set(counts[a.article_id]) | {
            ACTOR_PREFIX + x for x in a.actors}, day)})
        terms = sorted({DOCS} | {t for c in counts.values() for t in c} | {ACTOR_PREFIX + x for a in batch for x in a.actors})
        rows = lookup(keys, terms, sorted({a.story for a in batch if a.story}))
        self._load(rows)
        missing = sorted({t for v in rows.variants for t in v.terms} - set(terms))
        if missing:
            self._load(StoryRows(term_counts=[c for c in lookup([], missing, []).term_counts if c.term != DOCS]))

    def add(self, articles: Iterable[StoryArticle]) -> tuple[dict[str, str], StoryRows]:
        """Group a batch: (article id -> story cluster, the rows to write for the batch)."""
        batch = list(articles)
        counts = {a.article_id: article_terms(a.text) for a in batch}
        if self.lookup is not None:
            self._load_stored(self.lookup, batch, counts)
        self.terms.reset_journal()
        members: list[StoryMemberRow] = []
        touched: dict[str, None] = {}
        variants: list[StoryVariantRow] = []
        for article in batch:  # input order, the clock moving with each article: what batches of one would give
            self.terms.advance(day_number(article.date))
            member = self._assign(article, counts[article.article_id], variants)
            members.append(member)
            touched[member.story_cluster] = None
        if self.lookup is None:
            self._members_all.extend(members)
        rows = StoryRows(members=members, clusters=[self.stories[c].row() for c in touched], variants=variants,
                         postings=self.terms.new_postings, term_counts=self.terms.increment_rows(),
                         counts_are_increments=True, clock=iso_day(self.terms.clock))
        return {m.article_id: m.story_cluster for m in members}, rows

    def _assign(self, article: StoryArticle, counts: Counter[str], variants: list[StoryVariantRow]) -> StoryMemberRow:
        s = self.settings
        day = self.terms.day_of(article.date)
        features = self._features(article, counts)
        self.terms.count(set(counts) | {ACTOR_PREFIX + a for a in article.actors})
        best: tuple[float, str] | None = None
        copied = self.member_of.get(article.story) if article.story and article.story != article.article_id else None
        if copied is not None and copied in self.stories:
            best = (1.0, copied)
        else:
            for sid in self.terms.candidates(features.terms, day, s.lookup_terms, s.max_candidates):
                top = max((similarity(features, f, self.terms.weight)[0] for _, f in self.stories[sid].variants),
                          default=0.0)
                if top >= s.join_threshold and (best is None or (top, sid) > best):
                    best = (top, sid)
        if best is None:
            story = _Story(story_cluster_id(article.article_id), article.article_id, article.date, article.date, 0)
            self.stories[story.id] = story
            best = (1.0, story.id)
        story = self.stories[best[1]]
        story.size += 1
        if article.date and (story.first_date is None or article.date < story.first_date):
            story.first_date = article.date
        if article.date and (story.last_date is None or article.date > story.last_date):
            story.last_date = article.date
        if len(story.variants) < s.representatives:
            story.variants.append((article.article_id, features))
            variants.append(StoryVariantRow(story.id, article.article_id, tuple(sorted(features.terms))))
        self.terms.post(features.terms, day, story.id)
        self.member_of[article.article_id] = story.id
        return StoryMemberRow(article.article_id, story.id, round(best[0], 4))
