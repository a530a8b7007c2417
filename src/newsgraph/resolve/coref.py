"""The one pronoun resolver: pronouns and short forms → the right earlier actor, by agreement and salience.

A light version of the salience-based resolvers (Lappin & Leass 1994; the centering idea that
the subject of the previous clause is the likeliest antecedent). Candidates are the actor mentions
of the same and the two previous sentences that *agree* with the pronoun, by the features of the
project's pronoun table (`extract/data/pronouns.tsv`, read through `newsgraph.lexicon`):

- person and gender: `he`/`she` take a person whose gender is that one or unknown. A person's
  gender is firm when an honorific says it ("Mrs. Clinton") or a gendered pronoun already resolved
  to it; a gender read only from the given name (`gender-guesser`) is a preference (a mismatch costs
  `NAME_GENDER_PENALTY`), since first-name lists err ("Andrea", "Bernie"). `she` may also take a
  country, as machine translation renders countries, when no person of the window may be female (a
  woman named two sentences back beats the country of the last one: "President Ana Ruiz accused
  Russia ... The Kremlin denied it. She said ..."); `it` takes an
  organization, a country or a place;
- number: `they` takes an organization, a country or a group (a collective), only a recent subject
  in the same sentence (measured on GUM: beyond it "they" is mostly people no name denotes);
- quotation: a third-person pronoun inside quotation marks refers to someone other than the quote's
  speaker ("'She will not win,' Mr. Lamm said": not Lamm); the speaker is the quote extractor's when
  it passes its quotes, else the subject of the speech verb the passage belongs to;
- binding: the subject pronoun of a speech verb after its report is unlikely to be a name inside
  that report ("The crew shouted at Tomas Berg, he said": not Berg), after Principle C of binding theory (Chomsky
  1981, *Lectures on Government and Binding*): a pronoun does not c-command its antecedent. A
  fronted report weakens the principle ("Berg had been ill, he said" can be Berg), so it costs
  `COMPLEMENT_PENALTY` instead of excluding. Preposed adjunct clauses ("After Berg arrived, he
  said ...") are not reports and cost nothing.

The score prefers subjects, nearer sentences, actors mentioned more often and an exact gender
match. Pleonastic `it` ("it is possible that") is skipped. Short forms (`the country`, `the
alliance`, `the organization`) take the most recent salient actor of their kind.

Two fallbacks answer a pronoun the scorer left without an antecedent, one per caller's question,
so every pronoun decision of the project lives in this module:

- `clause_antecedent` (event roles): within the sentence, the subject of a governing clause
  ("Syria says it is willing"), else the nearest actor before the pronoun; a plural prefers a
  group. Answering event pronouns with `PronounResolver.antecedent` alone lowered PLOVER dev
  source ISO3 .800 -> .742 and type .785 -> .776: single gold sentences give it no earlier
  sentences to weigh.
- `last_actor_before` (quote speakers): the last mention of an actor of the wanted types before
  the pronoun and outside quoted passages, since a name a speaker quotes is not who a later
  "he said" is.

    >>> resolver = PronounResolver(doc, mentions, actors)            # doctest: +SKIP
    >>> resolver.antecedent(doc[12])                                  # doctest: +SKIP
    'c0ffee...'  # an actor id, or None
    >>> resolve_pronouns(doc, mentions, actors, quotes=[(40, 90, speaker_id)])  # doctest: +SKIP
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..extract.syntax import SUBJECT_DEPS
from ..lexicon import mapping, table, words
from ..model import Actor, Mention, Quote
from .ids import actor_id
from .people import honorific_before
from .person_names import given_name_gender, parse
from .text import doc_text, sentence_starts, tokens

PLURAL_WINDOW = 0  # measured on GUM: beyond the sentence "they" is mostly people no name denotes
PLURAL_SUBJECT_ONLY = True
PERSON_BONUS = 1.0
GENDER_MATCH_BONUS = 1.0
NAME_GENDER_PENALTY = 1.5  # a gender read from a given name only (gender-guesser) is a preference, not a rule
SENTENCE_WINDOW = 2
#: a name inside the complement of the pronoun's own verb: a strong dispreference, not a ban ("Berg had
#: been ill, he said" may still be Berg when no one else agrees)
COMPLEMENT_PENALTY = 3.0
#: a name only inside quotation marks, for a pronoun outside them: a speaker's quoted name is rarely who a
#: following "he said" is (the rule `last_actor_before` applies to quote speakers), a dispreference only
QUOTED_NAME_PENALTY = 3.0
#: dependents of a speech verb that hold its reported content (binding Principle C)
_COMPLEMENT_DEPS = frozenset({"ccomp"})
_PLEONASTIC_HEADS = {"be", "seem", "appear", "happen", "take", "remain", "matter", "rain", "mean"}
_QUOTE_PAIRS = (("“", "”"), ("«", "»"))
_STRAIGHT = re.compile(r'"([^"\n]{1,2000})"')

#: a quoted passage: (start char, end char, speaker actor id or None)
Passage = tuple[int, int, str | None]


@dataclass(frozen=True)
class PronounFeatures:
    """One third-person pronoun of `pronouns.tsv`: what its antecedent must be."""

    word: str
    number: str  # singular | plural
    gender: str  # male | female | neuter | any

    @property
    def wants(self) -> frozenset[str]:
        """Actor kinds it may stand for (see the module docstring)."""
        if self.gender == "male":
            return frozenset({"PERSON"})
        if self.gender == "female":
            return frozenset({"PERSON", "COUNTRY"})
        if self.gender == "neuter":
            return frozenset({"ORG", "COUNTRY", "GPE"})
        return frozenset({"ORG", "COUNTRY", "NORP"})  # they: a collective


@lru_cache(maxsize=1)
def third_person_pronouns() -> dict[str, PronounFeatures]:
    """Third-person pronouns of the project's pronoun table, by word."""
    return {p: PronounFeatures(p, number, gender)
            for p, person, number, gender, _ in table("newsgraph.extract", "pronouns.tsv", 5, min_columns=5)
            if person == "3" and (number == "plural" or gender != "any")}


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, frozenset[str]]:
    return {noun: frozenset(kinds.split("|")) for noun, kinds in mapping("newsgraph.resolve", "short_forms.tsv").items()}


@lru_cache(maxsize=1)
def _short_form_heads() -> frozenset[str]:
    return frozenset(phrase.split()[-1] for phrase in _short_forms())


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return words("newsgraph.extract", "speech_verbs.txt")


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text between paired quotation marks (curly, guillemets, straight)."""
    found: list[tuple[int, int]] = []
    for opening, closing in _QUOTE_PAIRS:
        depth_start = None
        for i, ch in enumerate(text):
            if ch == opening and depth_start is None:
                depth_start = i
            elif ch == closing and depth_start is not None:
                found.append((depth_start, i + 1))
                depth_start = None
            elif ch == "\n" and depth_start is not None and text[i - 1:i + 1] == "\n\n":
                depth_start = None  # a quote continued in the next paragraph re-opens its marks
    found += [(m.start(), m.end()) for m in _STRAIGHT.finditer(text)]
    return sorted(found)


def _kind(actor: Actor) -> set[str]:
    """What an actor counts as for agreement: its type, COUNTRY for a country, an organization's sector."""
    if actor.type == "GPE" and actor.country:
        return {"GPE", "COUNTRY"} if actor.id == actor_id(f"country:{actor.country}") else {"GPE"}
    if actor.type == "ORG" and actor.sector:
        return {"ORG", actor.sector}
    return {actor.type}


def _pleonastic(t: Token) -> bool:
    if t.dep_ == "expl":
        return True
    head = t.head
    return t.lower_ == "it" and head.lemma_ in _PLEONASTIC_HEADS and any(
        c.dep_ in {"ccomp", "xcomp", "acomp", "csubj", "attr"} for c in head.children)


def _complement_ranges(t: Token) -> tuple[tuple[int, int], ...]:
    """Token ranges of the reported content before a subject pronoun's speech verb ('..., he said'): the
    names there are c-commanded by the pronoun, so they are unlikely antecedents (Principle C). Only a
    content set off by a comma or quotation mark right before the pronoun counts (a colon or a run-on
    sentence the parser folded into a complement does not). A parenthetical cue inside its content
    ("Putin, he said, had not been briefed") binds the content's part before it the same way."""
    verb = t.head
    if t.dep_ not in {"nsubj", "nsubjpass"} or verb == t or verb.lemma_ not in _speech_verbs() or t.i == 0:
        return ()
    if t.doc[t.i - 1].text not in {",", "”", '"'}:
        return ()
    if verb.dep_ == "parataxis" and verb.head != verb and verb.head.left_edge.i < t.i:
        return ((verb.head.left_edge.i, t.i - 1),)  # the parser hangs the cue on the content it interrupts
    return tuple((c.left_edge.i, min(c.right_edge.i, t.i - 1)) for c in verb.children
                 if c.dep_ in _COMPLEMENT_DEPS and c.left_edge.i < t.i)


@dataclass
class _Candidate:
    start: int  # start char
    sentence: int
    actor: str
    subject: bool
    root: int  # token index of the mention's root


class PronounResolver:
    """Resolves the pronouns and short forms of one article (see the module docstring).

    `quotes`: the article's quoted passages as (start char, end char, speaker actor id); without
    them the passages are found by their quotation marks and their speaker from the parse.
    `antecedent(token)` answers for one pronoun token; `mentions()` resolves all of them in text
    order (each resolution then counts as a mention for the next ones)."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], actors: dict[str, Actor],
                 quotes: Iterable[Passage] | None = None) -> None:
        self.doc = doc
        self.actors = actors
        self.text = doc_text(doc)
        self._sent_starts = sentence_starts(doc)
        self.tokens = tokens(doc)
        self.covered: set[int] = set()
        self.pool: list[_Candidate] = []
        self.gender: dict[str, tuple[str | None, bool]] = {}  # actor -> (gender, firm: honorific or pronoun)
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            self.covered.update(range(span.start, span.end))
            self.pool.append(_Candidate(m.start, self.sentence_of(m.start), m.actor,
                                        span.root.dep_ in {"nsubj", "nsubjpass"}, span.root.i))
            self._learn_gender(m.actor, span)
        self.pool.sort(key=lambda c: c.start)
        self.counts = Counter(c.actor for c in self.pool)
        self.passages: list[Passage] = sorted(quotes) if quotes is not None else self._guess_passages(mentions)
        self._passage_starts = [p[0] for p in self.passages]
        self.marked = quoted_passages(self.text)  # between quotation marks (the passages may be indirect)
        self._marked_starts = [p[0] for p in self.marked]

    # ------------------------------------------------------------------ features
    def sentence_of(self, char: int) -> int:
        return max(bisect_right(self._sent_starts, char) - 1, 0)

    def _learn_gender(self, aid: str, span: Span) -> None:
        actor = self.actors.get(aid)
        if actor is None or actor.type != "PERSON":
            return
        said = honorific_before(span)
        if said:
            self.gender[aid] = (said, True)
        elif aid not in self.gender:
            parts = parse(actor.name)
            self.gender[aid] = (given_name_gender(parts.given) if parts.given else None, False)

    def _guess_passages(self, mentions: Sequence[Mention]) -> list[Passage]:
        """Quoted passages with the subject of the speech verb outside them as their speaker."""
        out: list[Passage] = []
        for start, end in quoted_passages(self.text):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            out.append((start, end, self._speaker_outside(span, mentions) if span is not None else None))
        return out

    def _speaker_outside(self, passage: Span, mentions: Sequence[Mention]) -> str | None:
        k = self.sentence_of(passage.start_char)
        lo = self._sent_starts[k]
        hi = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(self.text)
        for t in (x for x in self.tokens if lo <= x.idx < hi):
            if passage.start <= t.i < passage.end or t.lemma_ not in _speech_verbs():
                continue
            for c in t.children:
                if c.dep_ in {"nsubj", "nsubjpass"} and not passage.start <= c.i < passage.end:
                    return next((m.actor for m in mentions if m.start <= c.idx < m.end), None)
        return None

    def in_marks(self, char: int) -> bool:
        """Whether a character offset lies between paired quotation marks."""
        i = bisect_right(self._marked_starts, char) - 1
        return any(self.marked[j][0] <= char < self.marked[j][1] for j in range(max(i - 1, 0), i + 1))

    def speaker_of_passage(self, char: int) -> tuple[bool, str | None]:
        """(inside a passage, its speaker) for a character offset."""
        i = bisect_right(self._passage_starts, char) - 1
        if i >= 0 and self.passages[i][0] <= char < self.passages[i][1]:
            return True, self.passages[i][2]
        return False, None

    # ------------------------------------------------------------------ resolution
    def _agrees(self, aid: str, wants: frozenset[str], features: PronounFeatures | None) -> bool:
        actor = self.actors.get(aid)
        if actor is None or not (_kind(actor) & wants):
            return False
        if features is not None and actor.type == "PERSON" and features.gender in {"male", "female"}:
            gender, firm = self.gender.get(aid, (None, False))
            return gender in {features.gender, None} or not firm
        return True

    def antecedent(self, t: Token) -> str | None:
        """The actor id a pronoun or short-form head token stands for, or None."""
        lower = t.lower_
        features = third_person_pronouns().get(lower)
        if features is not None:
            if t.tag_ not in {"PRP", "PRP$"} or _pleonastic(t):
                return None
            wants, at = features.wants, t.idx
        elif (short := self.short_form(t)) is not None:
            wants, at = _short_forms()[short[1]], self.doc[short[0]].idx
        else:
            return None
        here = self.sentence_of(at)
        quoted, speaker = self.speaker_of_passage(at) if features is not None else (False, None)
        bound = _complement_ranges(t) if features is not None else ()
        outside = features is not None and not self.in_marks(at)
        best, best_score = None, float("-inf")
        person, person_score = None, float("-inf")  # `she`: a person who may be female beats a country
        for c in self.pool:
            if c.start >= at:
                break
            if here - c.sentence > SENTENCE_WINDOW or not self._agrees(c.actor, wants, features):
                continue
            if quoted and speaker is not None and c.actor == speaker:
                continue  # a pronoun inside a quote is not its speaker
            if lower in {"him", "her", "them", "it"} and t.dep_ in {"dobj", "pobj"} and self.doc[c.root].head == t.head:
                continue  # "Putin praised him": not Putin
            if lower in OBJECT_PRONOUNS and t.dep_ in {"dobj", "dative"} and c.root in clause_subjects(t.head):
                continue  # "Macron called Netanyahu and urged him": not Macron (Principle B)
            if features is not None and features.number == "plural" and (
                    here - c.sentence > PLURAL_WINDOW or (PLURAL_SUBJECT_ONLY and not c.subject)):
                continue
            score = -2.0 * (here - c.sentence) + (1.5 if c.subject else 0.0) + 0.3 * min(self.counts[c.actor], 3) + c.start / 1e7
            actor = self.actors[c.actor]
            if "PERSON" in wants and "COUNTRY" in wants and actor.type == "PERSON":
                score += PERSON_BONUS
            if any(lo <= c.root <= hi for lo, hi in bound):
                score -= COMPLEMENT_PENALTY  # a name the pronoun c-commands (Principle C)
            if outside and self.in_marks(c.start):
                score -= QUOTED_NAME_PENALTY  # a name only a speaker quoted
            gender, firm = self.gender.get(c.actor, (None, False))
            if features is not None and features.gender in {"male", "female"} and gender is not None:
                score += GENDER_MATCH_BONUS if gender == features.gender else -NAME_GENDER_PENALTY
            if score > best_score:
                best, best_score = c.actor, score
            if actor.type == "PERSON" and "COUNTRY" in wants and gender in {features.gender if features else None, None} \
                    and score > person_score:
                person, person_score = c.actor, score
        return person if person is not None else best

    def short_form(self, t: Token) -> tuple[int, str] | None:
        """(index of its "the", the table phrase) when `t` heads a definite short form ("the country", "the
        rebel group"); a modifier that is not part of a table phrase makes it no short form ("the Chinese
        ministry" is for the institution resolver)."""
        if t.lower_ not in _short_form_heads() or t.tag_ not in {"NN", "NNS", "NNP"} or \
                any(c.dep_ == "prep" for c in t.children):
            return None
        mods = [c for c in t.lefts if c.dep_ in {"compound", "amod"}]
        first = mods[0].i if mods else t.i
        words = self.tokens[first:t.i + 1]
        phrase = " ".join(x.lower_ for x in words)
        if phrase in _short_forms() and first > 0 and self.tokens[first - 1].lower_ == "the" and \
                all(x.i >= first for x in mods) and not any(x.i in self.covered for x in words):
            return first - 1, phrase
        return None

    def mentions(self) -> list[Mention]:
        """Pronoun and short-form mentions (how = "pronoun" / "description"), in text order."""
        if not self.pool:
            return []
        text = self.text
        out: list[Mention] = []
        for t in self.tokens:
            if t.i in self.covered:
                continue
            short = self.short_form(t)
            if t.lower_ not in third_person_pronouns() and short is None:
                continue
            best = self.antecedent(t)
            if best is None:
                continue
            start = self.doc[short[0]].idx if short else t.idx
            end = t.idx + len(t.text)
            out.append(Mention(best, start, end, text[start:end], "description" if short else "pronoun"))
            self._add(best, start, t)
        return out

    def _add(self, aid: str, start: int, t: Token) -> None:
        features = third_person_pronouns().get(t.lower_)
        gender, firm = self.gender.get(aid, (None, False))
        if features is not None and features.gender in {"male", "female"} and self.actors[aid].type == "PERSON" \
                and not firm and gender in {None, features.gender}:
            self.gender[aid] = (features.gender, True)  # an earlier "she" tells the next pronoun
        self.pool.append(_Candidate(start, self.sentence_of(start), aid, t.dep_ in {"nsubj", "nsubjpass"}, t.i))
        self.pool.sort(key=lambda c: c.start)
        self.counts[aid] += 1


#: object pronouns that are never bound by their own clause's subject (reflexives would be)
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def clause_subjects(verb: Token) -> set[int]:
    """Token indexes of a verb's subjects, its own or, when it has none, those it shares: a conjunct
    verb's first conjunct's ("X called Y and urged him") and a controlled infinitive's controller's
    ("X wanted to meet him"). A non-reflexive object pronoun of the verb cannot be one of them
    (Chomsky's Principle B: a pronoun is free in its clause)."""
    for _ in range(4):
        own = {c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
        if own or verb.dep_ not in {"conj", "xcomp"}:
            return own
        verb = verb.head
    return set()


def resolve_pronouns(doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
                     quotes: Iterable[Passage] | None = None) -> list[Mention]:
    """Pronoun and short-form mentions of an article, in text order (see `PronounResolver`)."""
    return PronounResolver(doc, mentions, actors, quotes).mentions()


def with_quote_speakers(doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
                        quotes: Iterable[Quote]) -> list[Mention]:
    """The article's mentions with every pronoun resolved again now that the quotes are known: a pronoun
    inside a quote's text refers to someone other than that quote's speaker (first person excepted). For the
    quote extractor or the pipeline to call after extracting quotes; other mentions are kept as they are."""
    kept = [m for m in mentions if m.how != "pronoun"]
    passages = [(q.start, q.end, q.speaker) for q in quotes]
    resolved = PronounResolver(doc, kept, actors, passages).mentions()
    return sorted(kept + [m for m in resolved if m.how == "pronoun"], key=lambda m: (m.start, -m.end))


def clause_antecedent(tok: Token, *, plural: bool, wants_person: bool, head_steps: int,
                      subject_actors: Callable[[Token], list[str]],
                      token_actor: Callable[[int], str | None],
                      is_person: Callable[[str], bool]) -> str | None:
    """A same-sentence antecedent for a pronoun the article-wide scorer left open (he/she → a person,
    it → a non-person, they → either): the subject of a governing clause, up to `head_steps` heads
    above the pronoun and before it (`Syria says it is willing`, `The union, the umbrella body for
    teachers, announced that it ...`), else the nearest actor before the pronoun in its sentence; a
    plural takes the nearest group first and a plural-named person ("Bosnian Serbs") only after.

    `subject_actors(subject)` names a subject's actors (the caller's noun-phrase rules),
    `token_actor(i)` the actor a token belongs to, `is_person(actor)` its kind."""
    def fits(aid: str) -> bool:
        return plural or is_person(aid) == wants_person

    t = tok
    for _ in range(head_steps):
        if t.head.i == t.i:
            break
        t = t.head
        for c in t.children:
            if c.dep_ in SUBJECT_DEPS and c.i < tok.i and c.pos_ != "PRON":
                for a in subject_actors(c):
                    if fits(a):
                        return a
    before = [a for a in (token_actor(i) for i in range(tok.i - 1, tok.sent.start - 1, -1)) if a]
    if plural:
        return next((a for a in before if not is_person(a)), before[0] if before else None)
    return next((a for a in before if fits(a)), None)


def last_actor_before(mentions: Sequence[Mention], starts: Sequence[int], actors: dict[str, Actor], before: int,
                      types: tuple[str, ...], in_passage: Callable[[int], bool], since: int = 0) -> str | None:
    """The actor of the last mention ending before `before` whose actor has one of `types`, not inside a
    quoted passage (`in_passage(char)`): a name a speaker quotes is not who a later "he said" is (a
    pronoun's antecedent in a quote is someone other than that quote's speaker, and the reverse holds
    for the speaker's pronoun outside it). `mentions` are sorted by start; `starts` are their starts.
    Mentions starting before `since` are not considered (`plural_since`: "they" stays in its sentence)."""
    i = bisect_right(starts, before) - 1
    while i >= 0 and starts[i] >= since:
        m = mentions[i]
        a = actors.get(m.actor)
        if a is not None and a.type in types and m.end <= before and not in_passage(m.start):
            return m.actor
        i -= 1
    return None


def plural_since(t: Token) -> int:
    """Where a speaker pronoun's antecedent may start: its sentence for "they" (as `PLURAL_WINDOW` says
    for the scorer: beyond the sentence "they" is mostly people no name denotes), else anywhere (0)."""
    features = third_person_pronouns().get(t.lower_)
    if features is not None and features.number == "plural" and PLURAL_WINDOW == 0:
        return t.sent.start_char
    return 0
