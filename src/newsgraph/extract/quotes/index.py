"""The per-article index every quote stage reads: mentions by offset, quoted passages, and the
titles with which the article introduced its people.

Built once per article (`ArticleIndex.build`); the stages only look things up in it, so no
stage walks the mention list or the text again for these questions.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ...model import Actor, Mention, Quote
from ...resolve.coref import last_actor_before
from ..syntax import token_end, token_span
from .lexicons import LearnedFrames, QuoteLexicons, learned_cue_lemmas, learned_frames, quote_lexicons
from .marks import quoted_passages
from .settings import QuoteSettings


@dataclass(frozen=True)
class TitledPerson:
    """A PERSON mention introduced with a title ("NATO Secretary General Mark Rutte"): a later
    definite title ("the Secretary General") as speaker stands for this person."""

    offset: int
    title_words: frozenset[str]
    actor: str


@dataclass(frozen=True)
class Evidence:
    """How a quote was found, kept beside it for its confidence (`confidence.py`).

    `source`: `frame` (a cue word's frame), `according` ("according to X"), `colon` (a
    "Speaker: content" line), `floating` (a passage next to a bare speech verb), `continued`
    (a passage continuing the previous speaker), `marker` (a sentence continued by "also").
    `score`: the frame's score (`frames.scoring`), None for the other sources. `speaker_kind`:
    `name`, `pronoun`, `description`, `anonymous`, `document` or `none` (`speakers.SpeakerKind`).
    `co_speakers`: further actors the same words are attributed to ("A and B said", a joint
    statement's other parties)."""

    source: str
    score: float | None
    speaker_kind: str
    co_speakers: tuple[str, ...] = ()


@dataclass
class ArticleIndex:
    """One article's parse, mentions and quoted passages, indexed by character offset."""

    doc: Doc
    text: str
    mentions: list[Mention]  # sorted by start
    mention_starts: list[int]
    actors: dict[str, Actor]
    passages: list[tuple[int, int]]  # quoted passages, in text order
    passage_starts: list[int]
    titled: list[TitledPerson]
    settings: QuoteSettings
    lex: QuoteLexicons
    learned: LearnedFrames | None
    learned_lemmas: frozenset[str] | None
    #: id(quote) -> (the quote, how it was found): every stage notes its quotes here
    evidence: dict[int, tuple[Quote, Evidence]] = field(default_factory=dict)
    #: anonymous speakers introduced so far, by the head word of their description ("official")
    anonymous_by_head: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
              settings: QuoteSettings) -> ArticleIndex:
        ordered = sorted(mentions, key=lambda m: m.start)
        passages = quoted_passages(doc.text)
        use = settings.use_learned_frames
        return cls(doc=doc, text=doc.text, mentions=ordered, mention_starts=[m.start for m in ordered],
                   actors=actors, passages=passages, passage_starts=[a for a, _ in passages],
                   titled=titled_persons(doc, ordered, actors, settings.title_window_tokens),
                   settings=settings, lex=quote_lexicons(),
                   learned=learned_frames() if use else None,
                   learned_lemmas=learned_cue_lemmas(settings.min_frame_score) if use else None)

    # -------------------------------------------------------------- evidence
    def note(self, quote: Quote, evidence: Evidence) -> Quote:
        """Record how `quote` was found; returns it."""
        self.evidence[id(quote)] = (quote, evidence)
        return quote

    def evidence_of(self, quote: Quote) -> Evidence | None:
        """How `quote` was found (None for a quote no stage noted)."""
        entry = self.evidence.get(id(quote))
        return entry[1] if entry is not None and entry[0] is quote else None

    def carry(self, new: Quote, old: Quote, source: str | None = None) -> Quote:
        """`new`, made from `old`, found the same way (or by `source`); returns `new`."""
        ev = self.evidence_of(old)
        if ev is not None:
            self.note(new, ev if source is None else replace(ev, source=source, score=None))
        return new

    # -------------------------------------------------------------- mentions
    def mention_at(self, start: int, end: int, head: Token | None = None) -> Mention | None:
        """A mention inside or overlapping [start, end): the one holding `head` if given (else
        None), or without `head` the last one."""
        i = bisect_right(self.mention_starts, end) - 1
        best = None
        while i >= 0 and self.mentions[i].end > start - self.settings.mention_lookback_chars:
            m = self.mentions[i]
            if m.start >= start and m.end <= end or (m.start < end and start < m.end):
                if head is not None and m.start <= head.idx < m.end:
                    return m
                if best is None:
                    best = m
            i -= 1
        return best if head is None else None

    def first_mention_at(self, char: int) -> int:
        """Index into `mentions` of the first mention starting at or after `char`."""
        return bisect_right(self.mention_starts, char - 1)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions lying wholly inside [start, end), in text order."""
        i = self.first_mention_at(start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def recent_actor(self, before: int, types: tuple[str, ...], since: int = 0) -> str | None:
        """The last actor of one of `types` mentioned from `since` to `before` outside quoted passages: the
        one pronoun resolver's fallback for a speaker pronoun (`resolve.coref.last_actor_before`)."""
        return last_actor_before(self.mentions, self.mention_starts, self.actors, before, types, self.in_passage, since)

    def in_passage(self, char: int) -> bool:
        """The character lies inside a quoted passage (its marks excluded)."""
        i = bisect_right(self.passage_starts, char) - 1
        return i >= 0 and self.passages[i][0] < char < self.passages[i][1] - 1

    # -------------------------------------------------------------- quoted passages
    def inside_passage(self, tok: Token) -> bool:
        """True for a token strictly inside a quoted passage of several words: a cue word there is
        the quoted speaker's, not an attribution of its own."""
        i = bisect_right(self.passage_starts, tok.idx) - 1
        if i < 0:
            return False
        a, b = self.passages[i]
        return a < tok.idx and token_end(tok) < b - 1 and b - a > self.settings.min_hiding_passage_chars


def titled_persons(doc: Doc, mentions: list[Mention], actors: dict[str, Actor], window: int) -> list[TitledPerson]:
    """Every PERSON mention introduced with a title: the nouns and adjectives up to `window`
    tokens before the name ("Harbour Commissioner Maria Lopez"), the nouns right after it, and
    its appositions ("Maria Lopez, the commissioner")."""
    out = []
    for m in mentions:
        actor = actors.get(m.actor)
        if actor is None or actor.type != "PERSON":
            continue
        span = token_span(doc, m.start, m.end)
        if span is None:
            continue
        words = set()
        j = span.start - 1
        while j >= 0 and j >= span.start - window and doc[j].pos_ in ("PROPN", "NOUN", "ADJ") \
                and doc[j].ent_type_ != "PERSON":
            words.add(doc[j].lower_)
            j -= 1
        j = span.end
        while j < len(doc) and j < span.end + window and doc[j].pos_ in ("PROPN", "NOUN") \
                and doc[j].ent_type_ != "PERSON" and not doc[j].is_sent_start:
            words.add(doc[j].lower_)
            j += 1
        for tok in span:
            for child in tok.children:
                if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                    words.add(child.lower_)
                    words.update(c.lower_ for c in child.lefts if c.dep_ in ("compound", "amod"))
        if words:
            out.append(TitledPerson(m.start, frozenset(words), m.actor))
    return out
