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
  (`data/scope_breaks.txt`), after the window heuristic of Chapman et al. (2001, NegEx); a word negated
  by its prefix ("unsafe", "illegal", `data/negative_affixes.tsv`) is its base, negated;
- **numbers**: "10,000", "3 million", "three thousand" become values; a day or year next to a month
  name is a date, not a figure of the claim;
- **named actors**: actor ids (with their type) that the caller found inside the quote, e.g. from the
  article's mentions; they are also content features (`@id`), so "the Kremlin" and "Moscow" agree.

What is not the claim is left out: the attribution frame that a quote's span may hold between its
quoted segments ('"...," Peskov said in a call with reporters. "..."', `frame_spans`). What a partial
quote puts in quotation marks is kept apart as well (`ClaimFeatures.fragments`): the speaker's own
words, which another outlet's full quote repeats verbatim. So are the words of a proposition that the
quote only embeds ("the guarantee that he can leave", `ClaimFeatures.embedded`): a claim about it.

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
FRAGMENT_MIN_TERMS = 2  # content words a quoted fragment of a partial quote needs to be compared on its own
FRAME_MAX_TOKENS = 12  # an attribution frame is short: "Peskov said in a call with reporters on Saturday."
NEGATION_SCOPE = 6  # tokens after a negator that it governs (NegEx uses 5-6)
ACTOR_PREFIX = "@"
PERSON_KEY = "person:"  # a person's entity key: "person:" + folded surname
NUMBER_PREFIX = "#"
FRAGMENT_MARK = '"'  # the term that marks a part of `ClaimFeatures.parts` as a quoted fragment
NARRATION_PHRASE_MARK = "~"  # a part of `ClaimFeatures.parts` saying a partial quote's narration is a phrase
EMBEDDED_MARK = "^"  # the term that marks a part of `ClaimFeatures.parts` as an embedded proposition
_MARKS = frozenset({FRAGMENT_MARK, NARRATION_PHRASE_MARK, EMBEDDED_MARK})
_COMPLEMENTISERS = frozenset({"that", "of"})  # what joins a noun of proposition to its complement
# Auxiliaries and forms of "be" (a closed class of English): a noun phrase complement ("the guarantee of
# his departure") ends where the clause's own verb begins ("... is the word of the president").
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "will", "would", "has", "have", "had",
                          "can", "could", "may", "might", "must", "shall", "should", "remains", "remained"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                     "sept", "oct", "nov", "dec"})
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*|[.,;:!?()\[\]{}\u2013\u2014]")
_THOUSANDS_GROUP = re.compile(r"\d{3}")  # the digits after a space in "10 000" (ten thousand)
_PUNCT = frozenset(".,;:!?()[]{}\u2013\u2014")
_QUOTE_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')
# Tokens that end a clause: a quote reporting two claims ("the charges will be withdrawn and she will
# leave the country") is compared clause by clause as well as whole.
CLAUSE_BREAKS = frozenset({".", ";", ":", "!", "?", "and", "but", "while", "whereas", "adding", "saying"})
_VOWELS = frozenset("aeiouy")
_COORDINATORS = frozenset({"and", "but"})  # break a clause only before a new subject (`_opens_clause`)


@cache
def _clause_openers() -> frozenset[str]:
    return lexicon.words(PACKAGE, "clause_openers.txt")


def _opens_clause(cased: Sequence[str], i: int) -> bool:
    """Whether the token at `i`, after "and" or "but", begins a clause of its own: a subject (a pronoun, a
    determiner, a name) or a complementiser ("and that ..."), not a second verb of one subject ("turn
    around and return to their bases": one act, one claim)."""
    if i >= len(cased):
        return False
    tok = cased[i]
    return tok.lower() in _clause_openers() or tok[:1].isupper() or tok[:1].isdigit()


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
    # the terms of each clause, when the quote has several; then the terms of each quoted fragment of a
    # partial quote, marked by FRAGMENT_MARK (one field, so a store keeps both in one column)
    parts: tuple[frozenset[str], ...] = ()

    @property
    def clauses(self) -> tuple[frozenset[str], ...]:
        """The terms of each clause, when the quote has several (`parts` less fragments and embeddings)."""
        return tuple(p for p in self.parts if not p & _MARKS)

    @property
    def narration_is_phrase(self) -> bool:
        """Whether the words outside a partial quote's quotation marks are a phrase (`_fragments`)."""
        return frozenset({NARRATION_PHRASE_MARK}) in self.parts

    @property
    def embedded(self) -> frozenset[str]:
        """The terms only found in the complement of a noun of proposition ("the guarantee that ...")."""
        return frozenset().union(*(p - {EMBEDDED_MARK} for p in self.parts if EMBEDDED_MARK in p))

    @property
    def arguments(self) -> frozenset[tuple[str, str]]:
        """(actor term `@key`, slot) of the actors other than people named after a word of the quote ("to"
        in "sent to Syria"): an argument of what is claimed, not the quote's opening subject."""
        return frozenset((ACTOR_PREFIX + key, slot) for key, kind, slot in self.entities if slot and kind != "PERSON")

    @property
    def fragments(self) -> tuple[frozenset[str], ...]:
        """The terms of each stretch inside quotation marks of a partial quote (`quoted_spans`)."""
        return tuple(p - {FRAGMENT_MARK} for p in self.parts if FRAGMENT_MARK in p)

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
    """The words that negate what follows wherever they stand (the one-word lines of `data/negators.txt`)."""
    return frozenset(w for w in lexicon.words(PACKAGE, "negators.txt") if " " not in w)


@cache
def _negators_before() -> dict[str, str]:
    """Word -> the word that must follow it for it to negate (the two-word lines of `data/negators.txt`):
    "refused to meet" denies the meeting, "refused the offer" rejects the offer (a content word)."""
    pairs = (w.split() for w in lexicon.words(PACKAGE, "negators.txt") if " " in w)
    return {p[0]: p[1] for p in pairs if len(p) == 2}


def _negates(toks: Sequence[str], i: int) -> bool:
    """Whether the token at `i` is a negator there (`_negators`, `_negators_before`)."""
    tok = toks[i]
    if tok in _negators():
        return True
    after = _negators_before().get(tok)
    return after is not None and i + 1 < len(toks) and toks[i + 1] == after


@cache
def affix_negations() -> dict[str, str]:
    """Word -> its base, for the words a prefix negates ("unsafe" -> "safe"; `data/negative_affixes.tsv`)."""
    return {w.lower(): b.lower() for w, b in lexicon.table(PACKAGE, "negative_affixes.tsv", 2, min_columns=2)}


@cache
def exclusive_terms() -> dict[str, tuple[str, frozenset[str]]]:
    """Term -> (class, values) for the words of a closed class of which a claim names one value ("north",
    "southern"; `data/exclusive_terms.tsv`), keyed by canonical term."""
    table = lexicon.table(PACKAGE, "exclusive_terms.tsv", 3, min_columns=3)
    return {canonical(word.lower()): (kind, frozenset(values.split())) for word, kind, values in table}


@cache
def transparent() -> frozenset[str]:
    """The terms of intention and attempt through which a negation passes (`data/negation_transparent.txt`)."""
    return frozenset(canonical(w) for w in lexicon.words(PACKAGE, "negation_transparent.txt"))


@cache
def _scope_breaks() -> frozenset[str]:
    return lexicon.words(PACKAGE, "scope_breaks.txt")


@cache
def _frame_verbs() -> frozenset[str]:
    return frozenset(stem(w) for w in lexicon.words(PACKAGE, "frame_verbs.txt"))


@cache
def antonyms() -> dict[str, frozenset[str]]:
    """Term -> the terms of opposite outcome (`data/antonyms.tsv`, both ways), as canonical terms."""
    out: dict[str, set[str]] = {}
    for word, other in lexicon.table(PACKAGE, "antonyms.tsv", 2, min_columns=2):
        a, b = canonical(word.lower()), canonical(other.lower())
        if a != b:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return {term: frozenset(opposites) for term, opposites in out.items()}


@cache
def _proposition_nouns() -> frozenset[str]:
    return frozenset(canonical(w) for w in lexicon.words(PACKAGE, "proposition_nouns.txt"))


@cache
def _irregular() -> dict[str, str]:
    return lexicon.mapping(PACKAGE, "irregular_forms.tsv")


@cache
def _number_words() -> dict[str, float]:
    return {word: float(value) for word, value in lexicon.mapping(PACKAGE, "number_words.tsv").items()}


@cache
def _listed_variants() -> frozenset[str]:
    """The uninflected forms of the words listed in `data/paraphrases.tsv` (either side)."""
    pairs = lexicon.mapping(PACKAGE, "paraphrases.tsv").items()
    return frozenset(_final_e(_inflect(w)) for pair in pairs for w in pair)


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
    return _final_e(_derive(_inflect(word)))


def _inflect(word: str) -> str:
    """The word without its inflection: irregular forms, plural, -ed/-ing."""
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
    return word


def _derive(word: str) -> str:
    """The word without a derivational suffix: -ment, -ation, -ly."""
    if word.endswith("ment") and len(word) > 7:
        return word[:-4]
    if word.endswith("ation") and len(word) > 7:
        return word[:-3]
    if word.endswith("ly") and len(word) > 6:
        return word[:-2]
    return word


def _final_e(word: str) -> str:
    """The word without its final -e ("agree", "agreement" -> "agr"), and a verb in -eed without its -eed's
    "ed" as well, so that "succeed" and "succeeded" (whose -ed `_inflect` strips) agree on "succ"."""
    if word.endswith("eed") and len(word) > 5:
        word = word[:-1]
    return word.rstrip("e") if word.endswith("e") and len(word) > 3 else word


@lru_cache(maxsize=200_000)
def canonical(word: str) -> str:
    """The term a (lower-case) word stands for: its stem, or its near-synonym group's stem.

    A near-synonym group takes a word's inflections, not its derivations, unless the derived word is
    listed itself: "moved" and "moves" are "move" (a synonym of "leave"), but "movement" (of troops)
    is not leaving, so it keeps its own stem; "negotiation" joins "broker" because it is listed."""
    inflected = _inflect(word)
    s = _final_e(_derive(inflected))
    if _derive(inflected) != inflected and _final_e(inflected) not in _listed_variants():
        return s
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
    """The value of a digit token: "10,000" and, as translated copy writes it, "10.000" are ten thousand
    (a dot before exactly three digits groups thousands; "1.5" and "2.75" stay decimals)."""
    if not tok[0].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", tok):
        return float(tok.replace(",", ""))
    if re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", tok):
        return float(tok.replace(".", ""))
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
            elif seen and _THOUSANDS_GROUP.fullmatch(tok) and current == int(current) and 0 < current < 1000 \
                    and total == 0 and _digits(toks[i - 1]) is not None:
                current = current * 1000 + int(tok)  # "10 000": a space groups thousands
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


@cache
def _bound_phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    return tuple((tuple(phrase.split()), sign) for phrase, sign in lexicon.table(PACKAGE, "number_bounds.tsv", 2, min_columns=2))


def _bounds(toks: Sequence[str], runs: Sequence[tuple[str | None, int, int]]) -> set[str]:
    """The figures that a phrase before them bounds, as sign + value: ">100" for "more than 100", "<100" for
    "fewer than 100" (`data/number_bounds.tsv`). They sit beside the plain values in `ClaimFeatures.numbers`,
    so "more than 100" and "100" still share "100" while "more than 100" and "fewer than 100" conflict."""
    out: set[str] = set()
    for value, start, _ in runs:
        if value is None:
            continue
        for phrase, sign in _bound_phrases():
            if start >= len(phrase) and tuple(toks[start - len(phrase):start]) == phrase:
                out.add(sign + value)
    return out


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
    breaks, stop, affixed = _scope_breaks(), stopwords(), affix_negations()
    out: set[int] = set()
    for i, tok in enumerate(toks):
        base = affixed.get(tok)
        if base is not None:  # "unsafe": the word itself is negated; "unable to pay" reaches "pay" as well
            out.add(i)
            if canonical(base) not in transparent():
                continue
        elif not _negates(toks, i):
            continue
        for j in range(i + 1, min(len(toks), i + 1 + NEGATION_SCOPE)):
            word = toks[j]
            if word in _PUNCT or word in breaks or _negates(toks, j):
                break
            if word in stop or word[0].isdigit() or cased[j][:1].isupper() or len(word) < 2:
                continue
            out.add(j)
            if canonical(word) not in transparent():
                break
    return out


_ARTICLES = frozenset({"the", "a", "an"})


@cache
def _title_words() -> frozenset[str]:
    """Titles and role nouns that stand before a name ("President", "spokesman", "leader"): the project's
    one list of them, `extract/data/role_words.txt`."""
    return lexicon.words("newsgraph.extract", "role_words.txt")


def _premodifies_name(cased: str) -> bool:
    """Whether a token before a name belongs to the name's own phrase: a title or role noun ("President",
    "leader") or another capitalised word (a demonym or first name: "Belarusian", "Russian")."""
    return cased.lower() in _title_words() or cased[:1].isupper()


def _slot_before(cased: Sequence[str], spans: Sequence[tuple[int, int]], start: int) -> str:
    """`entity_slot` from tokens already made (with their case)."""
    for tok, (_, end) in zip(reversed(cased), reversed(spans), strict=True):
        if end <= start and tok.lower() not in _ARTICLES and not _premodifies_name(tok):
            return tok.lower()
    return ""


def entity_slot(text: str, start: int) -> str:
    """The word before a name that starts at `start` in `text` ("" at the start): articles are skipped,
    and so is the name's own phrase before it, its title and capitalised modifiers, so that "talks led by
    Belarusian President Lukashenko" puts the name in the slot "by", as "talks led by Lukashenko" does,
    and two people who share a title ("President Lukashenko", "President Putin") are not one slot."""
    before = [t for t in cased_tokens(text[:max(start, 0)]) if t.lower() not in _ARTICLES and not _premodifies_name(t)]
    return before[-1].lower() if before else ""


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


def frame_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the attribution frame inside a quote's text: each stretch outside its quotation
    marks that holds a reporting verb (`data/frame_verbs.txt`) in at most `FRAME_MAX_TOKENS` tokens, in a text with at least one quoted segment
    ('"The case will be dropped," Peskov said in a call with reporters. "He will go abroad"': the middle
    stretch). Outlets repeat the quoted words and frame them each in their own way, so the frame's words
    (the speaker's name, "reporters", the day) are not part of the claim. Without quotation marks (an
    indirect quote) the whole text is the claim, and nothing is a frame."""
    marks = [m.start() for m in _QUOTE_MARKS.finditer(text)]
    if len(marks) < 2:
        return []
    bounds = [0, *marks, len(text)]
    verbs = _frame_verbs()
    out = []
    for i in range(0, len(bounds) - 1, 2):  # even stretches lie outside the quotation marks
        start, end = bounds[i], bounds[i + 1]
        words = _TOKEN.findall(text[start:end])
        if len(words) <= FRAME_MAX_TOKENS and any(stem(t.lower()) in verbs for t in words):
            out.append((start, end))
    return out


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside the quotation marks of a text, each stretch between an opening and a
    closing mark ('Putin called it a "stab in the back"': the three words)."""
    marks = [m.start() for m in _QUOTE_MARKS.finditer(text)]
    return [(marks[i] + 1, marks[i + 1]) for i in range(0, len(marks) - 1, 2)]


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
    frames = frame_spans(text) if aligned else []
    if frames:
        entities = [e for e in entities if not any(fs <= e[2] < fe for fs, fe in frames)]
    framed = {i for i, (s, e) in enumerate(spans) for fs, fe in frames if fs <= s and e <= fe}
    ents = frozenset((str(key), str(kind), _slot_before(cased, spans, start) if aligned else entity_slot(text, start))
                     for key, kind, start, _ in entities)
    inside = {i for i, (s, e) in enumerate(spans) for _, _, start, end in entities if start <= s and e <= end} \
        if aligned else set()
    runs = [run for run in number_runs(toks) if run[1] not in framed]
    values = {v for v, _, _ in runs if v is not None}
    numbers = values | _bounds(toks, runs)
    number_positions = {i for _, start, end in runs for i in range(start, end)}
    negated_at = _negated_positions(toks, cased)
    stop = stopwords()
    asserted: set[str] = set()
    negated: set[str] = set()
    clause, clauses = 0, [set[str]()]
    clause_at: list[int] = []
    term_at: dict[int, str] = {}  # token position -> its content term
    for i, tok in enumerate(toks):
        if tok in CLAUSE_BREAKS and clauses[-1] and (tok not in _COORDINATORS or _opens_clause(cased, i + 1)):
            clause += 1
            clauses.append(set())
        clause_at.append(clause)
        if i in framed or i in inside or i in number_positions or tok in _PUNCT or _negates(toks, i) or tok in stop or len(tok) < 2 \
                or tok[0].isdigit():
            continue
        term = canonical(affix_negations().get(tok, tok))
        if term in stop:
            continue
        (negated if i in negated_at else asserted).add(term)
        clauses[clause].add(term)
        term_at[i] = term
    named = set()
    named_at: dict[int, str] = {}  # token position of a named actor -> its term
    for key, kind, start, _ in entities:
        term = canonical(key.split(":", 1)[1]) if kind == "PERSON" and key.startswith(PERSON_KEY) else ACTOR_PREFIX + key
        named.add(term)
        at = next((i for i, (s, _) in enumerate(spans) if s >= start), None) if aligned else None
        if at is not None:
            clauses[clause_at[at]].add(term)
            named_at[at] = term
    for value, start, _ in runs:
        if value is not None:
            clauses[clause_at[start]].add(NUMBER_PREFIX + value)
    terms = asserted | negated | {NUMBER_PREFIX + n for n in values} | named
    parts = tuple(frozenset(c) for c in clauses if len(c) >= 2)
    fragments = _fragments(spans, term_at, text, toks) if aligned else ()
    embedded = _embedded(toks, term_at, named_at)
    return ClaimFeatures(terms=frozenset(terms), negated=frozenset(negated - asserted),
                         mixed=frozenset(negated & asserted), numbers=frozenset(numbers), entities=ents,
                         parts=(parts if len(parts) > 1 else ()) + fragments + embedded)


def _embedded(toks: Sequence[str], term_at: dict[int, str], named_at: dict[int, str]) -> tuple[frozenset[str], ...]:
    """The terms found only inside the complement of a noun of proposition (`data/proposition_nouns.txt`:
    "the guarantee that he can leave", "reports of troops being sent"), to the end of its clause (of a
    noun phrase after "of": to the clause's own verb), marked with EMBEDDED_MARK; () when there are none.
    An existential may stand between the noun and its that-clause ("what guarantee there is that he can leave").

    The quote claims something about that proposition, not the proposition: "Putin's word is the
    guarantee that he can go to Belarus" is not "he will go to Belarus" (`similarity`)."""
    nouns = _proposition_nouns()
    inside: set[int] = set()
    for i in range(len(toks) - 1):
        if not (i in term_at and term_at[i] in nouns):
            continue
        k = i + 1
        if toks[k:k + 2] and toks[k] == "there" and toks[k + 1:k + 2] and toks[k + 1] in _AUXILIARIES:
            k += 2  # an existential between the noun and its clause: "what guarantee there is that he can leave"
        if k < len(toks) and toks[k] in _COMPLEMENTISERS and (k == i + 1 or toks[k] == "that"):
            for j in range(k + 1, len(toks)):
                if toks[j] in _PUNCT or toks[j] in CLAUSE_BREAKS or (toks[k] == "of" and toks[j] in _AUXILIARIES):
                    break
                inside.add(j)
    at = {**term_at, **named_at}
    within = {t for j, t in at.items() if j in inside}
    outside = {t for j, t in at.items() if j not in inside}
    embedded = within - outside
    return (frozenset(embedded | {EMBEDDED_MARK}),) if embedded else ()


def _fragments(spans: Sequence[tuple[int, int]], term_at: dict[int, str], text: str,
               toks: Sequence[str]) -> tuple[frozenset[str], ...]:
    """The terms of each quoted stretch of a partial quote (one whose words outside the quotation marks
    hold content terms too), each marked with FRAGMENT_MARK, when it holds `FRAGMENT_MIN_TERMS` terms;
    and NARRATION_PHRASE_MARK alone when the words outside the marks are a phrase, not a clause (no
    auxiliary or form of "be" among them).

    A partial quote is an outlet's narration around the speaker's own words ('Beijing called the revolt
    an "internal affair"'); those few words are what another outlet's full quote repeats verbatim. When
    the narration is only a phrase ("the revolt by a mercenary force as an"), it names what the quoted
    words are said of, and the claim is in the quoted words (`similarity._narration_only`); a narration
    that is a clause ('troops had been sent, calling it a "grave escalation"') states a claim itself."""
    quoted = quoted_spans(text)
    if not quoted:
        return ()
    inside = {i: n for i, (s, e) in enumerate(spans) for n, (qs, qe) in enumerate(quoted) if qs <= s and e <= qe}
    if not any(i not in inside for i in term_at):
        return ()  # all of its content is quoted: a full quote, compared whole
    out = []
    for n in range(len(quoted)):
        terms = {term_at[i] for i, m in inside.items() if m == n and i in term_at}
        if len(terms) >= FRAGMENT_MIN_TERMS:
            out.append(frozenset(terms | {FRAGMENT_MARK}))
    if out and not any(tok in _AUXILIARIES for i, tok in enumerate(toks) if i not in inside):
        out.append(frozenset({NARRATION_PHRASE_MARK}))
    return tuple(out)
