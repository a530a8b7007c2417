"""A quote's content as claim features: content words, their polarity, numbers and named actors.

Two reports of one claim differ in function words, inflection, word order and synonyms ("Russia
dispatched soldiers" / "troops were sent by Moscow"); they agree in what is claimed. So a quote
becomes a set of canonical content words: lower-cased, irregular forms to their base form
(`data/irregular_forms.tsv`), a light suffix stemmer in the manner of Lovins (1968) and Porter (1980)
(plural, -ed, -ing, -ment, -ation, -ly, final -e), then one word per group of news near-synonyms
(`data/paraphrases.tsv`). Function and reporting words (`data/stopwords.txt`) are dropped.

What must agree between two reports is kept apart:

- **polarity**: the first content word after a negator (`data/negators.txt`: "not", "never",
  "denied") is negated, within `NEGATION_SCOPE` tokens and before punctuation or a conjunction
  (`data/scope_breaks.txt`), after the window heuristic of Chapman et al. (2001, NegEx);
- **numbers**: "10,000", "3 million", "three thousand" become values; a day or year next to a month
  name is a date, not a figure of the claim;
- **named actors**: actor ids (with their type) that the caller found inside the quote, e.g. from the
  article's mentions; they are also content features (`@id`), so "the Kremlin" and "Moscow" agree.

    >>> f = claim_features("Officials said 3,000 troops were not sent to the border.")
    >>> sorted(f.terms), sorted(f.negated), sorted(f.numbers)
    (['#3000', 'border', 'official', 'send', 'troop'], ['send'], ['3000'])
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import lexicon

PACKAGE = "newsgraph.claims"
NEGATION_SCOPE = 6  # tokens after a negator that it governs (NegEx uses 5-6)
ACTOR_PREFIX = "@"
PERSON_KEY = "person:"  # a person's entity key: "person:" + folded surname
NUMBER_PREFIX = "#"
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                     "sept", "oct", "nov", "dec"})
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*|[.,;:!?()\[\]{}\u2013\u2014]")
_PUNCT = frozenset(".,;:!?()[]{}\u2013\u2014")
# Tokens that end a clause: a quote reporting two claims ("the case will be dropped and he will go to
# Belarus") is compared clause by clause as well as whole.
CLAUSE_BREAKS = frozenset({".", ";", ":", "!", "?", "and", "but", "while", "whereas", "adding", "saying"})
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """What a quote claims, as sets: content terms (`#` numbers and `@` actors among them), the terms
    only ever negated, the terms both negated and asserted, the numbers, and the named actors as
    (actor key, type, slot): the slot is the word before the name ("to" in "sent to Syria"), so a
    substitution in one slot ("to Libya") can be told from a participant one report leaves out."""

    terms: frozenset[str]
    negated: frozenset[str] = frozenset()
    mixed: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    entities: frozenset[tuple[str, str, str]] = frozenset()  # (actor key, type, slot)
    parts: tuple[frozenset[str], ...] = ()  # the terms of each clause, when the quote has several

    def polarity(self, term: str) -> int:
        """+1 asserted, -1 only negated, 0 both or absent."""
        if term not in self.terms or term in self.mixed:
            return 0
        return -1 if term in self.negated else 1


@cache
def stopwords() -> frozenset[str]:
    """Function and reporting words that say nothing about a claim (`data/stopwords.txt`)."""
    return lexicon.words(PACKAGE, "stopwords.txt")


@cache
def _negators() -> frozenset[str]:
    return lexicon.words(PACKAGE, "negators.txt")


@cache
def _transparent() -> frozenset[str]:
    return frozenset(canonical(w) for w in lexicon.words(PACKAGE, "negation_transparent.txt"))


@cache
def _scope_breaks() -> frozenset[str]:
    return lexicon.words(PACKAGE, "scope_breaks.txt")


@cache
def _irregular() -> dict[str, str]:
    return lexicon.mapping(PACKAGE, "irregular_forms.tsv")


@cache
def _number_words() -> dict[str, float]:
    return {word: float(value) for word, value in lexicon.mapping(PACKAGE, "number_words.tsv").items()}


@cache
def _paraphrases() -> dict[str, str]:
    """Stem of a variant -> stem of its group word (both sides go through the same stemmer)."""
    return {stem(variant): stem(group) for variant, group in lexicon.mapping(PACKAGE, "paraphrases.tsv").items()}


def _undouble(word: str) -> str:
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz" and word[-1] not in _VOWELS:
        return word[:-1]
    return word


def stem(word: str) -> str:
    """A light English stemmer: irregular forms, then plural, -ed/-ing, -ment/-ation/-ly, final -e.

    Conflates inflections and the commonest derivations ("agreed", "agreement" -> "agr"; "moving",
    "moves" -> "mov") without a dictionary; over-stemming is harmless here because only equality of
    stems matters and rare collisions are outweighed by the rest of a claim's words.
    """
    word = _irregular().get(word, word)
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ied"):
        word = word[:-3] + "y" if len(word) > 4 else word[:-1]
    elif word.endswith("ing") and len(word) > 5:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and len(word) > 4:
        word = _undouble(word[:-2])
    if word.endswith("ment") and len(word) > 7:
        word = word[:-4]
    elif word.endswith("ation") and len(word) > 7:
        word = word[:-3]
    elif word.endswith("ly") and len(word) > 6:
        word = word[:-2]
    if word.endswith("e") and len(word) > 3:
        word = word.rstrip("e")  # "agree", "agreed", "agreement" -> "agr"
    return word


@lru_cache(maxsize=200_000)
def canonical(word: str) -> str:
    """The term a (lower-case) word stands for: its stem, or its near-synonym group's stem."""
    s = stem(word)
    return _paraphrases().get(s, s)


def tokens(text: str) -> list[str]:
    """Lower-cased word, number and punctuation tokens; "n't" split off, possessive "'s" dropped."""
    return [tok.lower() for tok in cased_tokens(text)]


def _fold(text: str) -> str:
    """Accents off (NFKD, combining marks dropped) and typographic apostrophes straightened."""
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("\u2019", "'").replace("\u2018", "'")


def cased_tokens(text: str) -> list[str]:
    """`tokens` with the text's own case (names stay capitalised)."""
    folded = text if text.isascii() else _fold(text)
    out: list[str] = []
    for tok in _TOKEN.findall(folded):
        low = tok.lower()
        if low.endswith("n't") and len(tok) > 3:
            out.extend((tok[:-3], "n't"))
        elif low.endswith("'s"):
            out.append(tok[:-2])
        else:
            out.append(tok)
    return out


def _digits(tok: str) -> float | None:
    if not tok[0].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", tok):
        return float(tok.replace(",", ""))
    try:
        return float(tok.replace(",", "."))
    except ValueError:
        return None


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def number_runs(toks: Sequence[str]) -> list[tuple[str | None, int, int]]:
    """(value, first token, end token) of each run of number words and digits; value None for a date.

    A run is one number ("3 million", "two hundred thousand"); a multiplier scales what precedes it.
    Numbers next to a month name are dates, not figures of a claim.
    """
    words = _number_words()
    runs: list[tuple[str | None, int, int]] = []
    i = 0
    while i < len(toks):
        start = i
        total, current, seen = 0.0, 0.0, False
        while i < len(toks):
            tok = toks[i]
            digit = _digits(tok)
            if digit is not None and not seen:
                current, seen = digit, True
            elif tok in words and words[tok] >= 100:
                scale = words[tok]
                if scale == 100:
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * scale
                    current = 0.0
                seen = True
            elif tok in words and (current == 0 or (current >= 20 and current % 10 == 0 and words[tok] < 10)):
                current += words[tok]
                seen = True
            else:
                break
            i += 1
        if not seen:
            i += 1
            continue
        near_month = any(t in _MONTHS for t in toks[max(0, start - 3):start]) or (i < len(toks) and toks[i] in _MONTHS)
        runs.append((None if near_month else _format(total + current), start, i))
    return runs


def numbers_in(toks: Sequence[str]) -> tuple[set[str], set[int]]:
    """Values of the numbers in a token list (dates left out) and the token positions numbers use."""
    runs = number_runs(toks)
    return {v for v, _, _ in runs if v is not None}, {i for _, start, end in runs for i in range(start, end)}


def _negated_positions(toks: Sequence[str], cased: Sequence[str]) -> set[int]:
    """Positions of the words a negator negates: the first content word after it, within
    `NEGATION_SCOPE` tokens and before punctuation or a conjunction (a NegEx-style window, Chapman et
    al. 2001, narrowed to the predicate: in "did not send troops to Syria" only "send" is negated, so a
    report that names the troops elsewhere does not flip their polarity). Names and numbers are skipped;
    a verb of intention or attempt passes the negation on ("did not intend to overthrow": both negated,
    `data/negation_transparent.txt`)."""
    negators, breaks, stop = _negators(), _scope_breaks(), stopwords()
    out: set[int] = set()
    for i, tok in enumerate(toks):
        if tok not in negators:
            continue
        for j in range(i + 1, min(len(toks), i + 1 + NEGATION_SCOPE)):
            word = toks[j]
            if word in _PUNCT or word in breaks or word in negators:
                break
            if word in stop or word[0].isdigit() or cased[j][:1].isupper() or len(word) < 2:
                continue
            out.add(j)
            if canonical(word) not in _transparent():
                break
    return out


_ARTICLES = frozenset({"the", "a", "an"})


def _slot_before(toks: Sequence[str], spans: Sequence[tuple[int, int]], start: int) -> str:
    """`entity_slot` from tokens already made: the last non-article token ending before `start`."""
    for tok, (_, end) in zip(reversed(toks), reversed(spans), strict=True):
        if end <= start and tok not in _ARTICLES:
            return tok
    return ""


def entity_slot(text: str, start: int) -> str:
    """The word before a name that starts at `start` in `text` (articles skipped; "" at the start)."""
    before = [t for t in tokens(text[:max(start, 0)]) if t not in _ARTICLES]
    return before[-1] if before else ""


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of `cased_tokens(text)` in `text` (a split "n't" shares its word's span); empty
    when folding accents changed the text's length (then offsets cannot be mapped)."""
    spans: list[tuple[int, int]] = []
    folded = text if text.isascii() else unicodedata.normalize("NFKD", text)
    if len(folded) != len(text):  # decomposed accents shift offsets: no spans (callers fall back)
        return spans
    for m in _TOKEN.finditer(folded.replace("\u2019", "'")):
        low = m.group().lower()
        spans.append((m.start(), m.end()))
        if low.endswith("n't") and len(low) > 3:
            spans.append((m.start(), m.end()))
    return spans


def claim_features(text: str, entities: Iterable[tuple[str, str, int, int]] = ()) -> ClaimFeatures:
    """The claim features of a quote's content.

    `entities` are the actors named in `text` as (actor key, type, start, end) character offsets. Their
    words are replaced by one term: a person by the stem of the name's last word (so "Yevgeny Prigozhin"
    and an unresolved "Prigozhin" agree), any other actor by `@key` (so "the Kremlin" and "Moscow" agree).
    """
    cased = cased_tokens(text)
    toks = [t.lower() for t in cased]
    spans = _token_spans(text)
    aligned = len(spans) == len(toks)
    ents = frozenset((str(key), str(kind), _slot_before(toks, spans, start) if aligned else entity_slot(text, start))
                     for key, kind, start, _ in entities)
    inside = {i for i, (s, e) in enumerate(spans) for _, _, start, end in entities if start <= s and e <= end} \
        if aligned else set()
    runs = number_runs(toks)
    numbers = {v for v, _, _ in runs if v is not None}
    number_positions = {i for _, start, end in runs for i in range(start, end)}
    negated_at = _negated_positions(toks, cased)
    stop, negators = stopwords(), _negators()
    asserted: set[str] = set()
    negated: set[str] = set()
    clause, clauses = 0, [set[str]()]
    clause_at: list[int] = []
    for i, tok in enumerate(toks):
        if tok in CLAUSE_BREAKS and clauses[-1]:
            clause += 1
            clauses.append(set())
        clause_at.append(clause)
        if i in inside or i in number_positions or tok in _PUNCT or tok in negators or tok in stop or len(tok) < 2 \
                or tok[0].isdigit():
            continue
        term = canonical(tok)
        if term in stop:
            continue
        (negated if i in negated_at else asserted).add(term)
        clauses[clause].add(term)
    named = set()
    for key, kind, start, _ in entities:
        term = canonical(key.split(":", 1)[1]) if kind == "PERSON" and key.startswith(PERSON_KEY) else ACTOR_PREFIX + key
        named.add(term)
        at = next((i for i, (s, _) in enumerate(spans) if s >= start), None) if aligned else None
        if at is not None:
            clauses[clause_at[at]].add(term)
    for value, start, _ in runs:
        if value is not None:
            clauses[clause_at[start]].add(NUMBER_PREFIX + value)
    terms = asserted | negated | {NUMBER_PREFIX + n for n in numbers} | named
    parts = tuple(frozenset(c) for c in clauses if len(c) >= 2)
    return ClaimFeatures(terms=frozenset(terms), negated=frozenset(negated - asserted),
                         mixed=frozenset(negated & asserted), numbers=frozenset(numbers), entities=ents,
                         parts=parts if len(parts) > 1 else ())
