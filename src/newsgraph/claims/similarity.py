"""How alike two quotes' claims are, and when they can never be one claim.

Similarity is a weighted overlap of content terms, each weighted by its rarity (inverse document
frequency, Sparck Jones 1972, over the quotes clustered so far): sharing "Belarus" and "criminal case"
says more than sharing "Russia". The overlap is normalised by the geometric mean of both quotes'
weights (the cosine of binary tf-idf vectors, Salton & Buckley 1988), optionally mixed with the overlap
coefficient (`ClaimSettings.cosine_share`), which favours a shortened quote inside the full one; on the
news-dev story set the cosine alone separated claims best. Two quotes are also compared clause by clause
(a quote often reports two claims: "the charges will be withdrawn and she will leave the country"), a clause match
counting when the clauses share at least `PART_MIN_SHARED` words. A partial quote's quoted fragment
('called it an "internal affair"') found whole in the other quote counts as a match of its own
(`_contained`): an outlet that quotes three of the speaker's words shares little else with the full quote.

Hard constraints (a conflict vetoes a join whatever the similarity), after what the issue asks:
a claim that 10,000 troops were sent is not one that 3,000 were, nor "more than 100" one of "fewer than 100" (numbers), "sent" and "did not send"
never join (polarity of a shared term; not of a verb of intention, `text.transparent`, whose negation is
its complement's: "did not intend to seize" and "intended ... not to seize" deny one act, Horn 1978 on
negation raising, while "intended to seize" still conflicts through "seize"), nor do "imposed" and "lifted" (verbs of opposite outcome,
`data/antonyms.tsv`, each asserted on one side only), nor "in the north" and "in the south" (values of a closed
class with none in common, `data/exclusive_terms.tsv`), and a claim about Syria is not one about Libya (each side
names an actor of one type that the other lacks, in the same slot: after the same word, "to").
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Literal

from .text import ACTOR_PREFIX, ClaimFeatures, antonyms, exclusive_terms, transparent

Conflict = Literal["number", "negation", "antonym", "exclusive", "entity"]
Weight = Callable[[str], float]
# Actor types whose keys are stable across articles (a country's ISO3, a person's surname); organisation
# ids are not ("the Defense Ministry" and "the Russian Defense Ministry" resolve apart), so they do not veto.
PART_MIN_SHARED = 3  # words two clauses must share for a clause match to count
SAME_CLAUSE_MIN_SHARED = 2  # terms (actors among them) two clauses share to be reports of one claim (`same_clauses`)
FRAGMENT_MIN_CONTAINED = 1.0  # share of a quoted fragment's weight the other quote must hold
_OPPOSITE_BOUND = {">": "<", "<": ">"}
CONSTRAINED_TYPES = frozenset({"PERSON", "GPE", "LOC"})
ENTITY_CLAIM_SIZE = 3  # the entity constraint holds for claims naming at most this many actors  # weight of the cosine in the similarity; the rest is the overlap coefficient


def conflict(a: ClaimFeatures, b: ClaimFeatures) -> Conflict | None:
    """Why two quotes can never state the same claim, or None."""
    if a.numbers and b.numbers and not (a.numbers & b.numbers):
        return "number"
    if any(n[0] in _OPPOSITE_BOUND and _OPPOSITE_BOUND[n[0]] + n[1:] in b.numbers for n in a.numbers):
        return "number"  # "more than 100" / "fewer than 100" (text._bounds)
    for term in a.terms & b.terms - transparent():
        if a.polarity(term) * b.polarity(term) == -1:
            return "negation"
    opposite = antonyms()
    for x in a.terms:
        for y in opposite.get(x, ()):
            if y in b.terms and a.polarity(x) == 1 and b.polarity(y) == 1 and y not in a.terms and x not in b.terms:
                return "antonym"
    if _exclusive_values_differ(a, b):
        return "exclusive"
    a_keys = {key for key, _, _ in a.entities}
    b_keys = {key for key, _, _ in b.entities}
    a_slots = {(kind, slot) for key, kind, slot in a.entities if key not in b_keys and kind in CONSTRAINED_TYPES}
    b_slots = {(kind, slot) for key, kind, slot in b.entities if key not in a_keys and kind in CONSTRAINED_TYPES}
    if a_slots & b_slots:
        return "entity"
    return None


def _values(features: ClaimFeatures) -> dict[str, set[str]]:
    """The values of each closed class a quote names (`text.exclusive_terms`), by class."""
    table = exclusive_terms()
    out: dict[str, set[str]] = {}
    for term in features.terms:
        if term in table:
            kind, values = table[term]
            out.setdefault(kind, set()).update(values)
    return out


def _exclusive_values_differ(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether two quotes each name a value of one closed class and no value in common ("north" / "south")."""
    a_values = _values(a)
    if not a_values:
        return False
    b_values = _values(b)
    return any(kind in b_values and not (values & b_values[kind]) for kind, values in a_values.items())


def similarity(a: ClaimFeatures, b: ClaimFeatures, weight: Weight, cosine_share: float = 1.0,
               split_other: bool = True, whole: bool = False) -> tuple[float, int]:
    """(similarity in [0, 1], number of shared words: terms other than actor ids) of two quotes.

    The best of the whole quotes, of their clauses (`ClaimFeatures.clauses`), so a quote reporting two
    claims matches a report of either, and of a partial quote's fragments found in the other quote; 0 when
    a partial quote shares none of its quoted words with the other (`_narration_only`). A word inside an
    embedded proposition on one side only (`ClaimFeatures.embedded`) is not counted as shared, so a quote
    about a proposition does not reach another quote that asserts it through one further word they share
    in other clauses ("what guarantee there is that he can leave for Belarus ... the regime will be lifted"
    / "he will leave for Belarus and the charges will be dropped"). `cosine_share` mixes the cosine with
    the overlap coefficient. With `split_other` False, `b` is taken whole, not clause by clause; with
    `whole`, both are, and fragments are not looked for: how alike two quotes are as whole reports."""
    if _narration_only(a, b) or _narration_only(b, a) or _embedded_only(a, b):
        return 0.0, 0
    one_sided = a.embedded ^ b.embedded  # embedded on one side, asserted on the other: not a shared claim word
    argued = frozenset(term for term, _ in a.arguments & b.arguments)  # one actor in one slot on both sides
    best = _term_similarity(a.terms, b.terms, weight, cosine_share, one_sided, argued)
    if whole:
        return best
    a_clauses, b_clauses = a.clauses, (b.clauses if split_other else ())
    if a_clauses or b_clauses:
        for pa in a_clauses or (a.terms,):
            for pb in b_clauses or (b.terms,):
                sim = _term_similarity(pa, pb, weight, cosine_share, one_sided, argued)
                if sim[1] >= PART_MIN_SHARED and sim > best:
                    best = sim
    for fragments, other in ((a.fragments, b.terms), (b.fragments, a.terms)):
        for fragment in fragments:
            sim = _contained(fragment, other, weight)
            if sim > best:
                best = sim
    return best


def same_clauses(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether two quotes of several clauses report the same claims: each clause of either shares
    `SAME_CLAUSE_MIN_SHARED` terms with a clause of the other ("the charges will be dropped and she will
    leave" / "the charges will be withdrawn and she will depart"), not one claim and each another ("she
    will leave, adding that a deal was found" / "she will leave and the charges will be dropped")."""
    if not (a.clauses and b.clauses):
        return False
    return all(any(len(x & y) >= SAME_CLAUSE_MIN_SHARED for y in other)
               for one, other in ((a.clauses, b.clauses), (b.clauses, a.clauses)) for x in one)


def _embedded_only(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether every word two quotes share lies, on one side or the other, inside the complement of a noun
    of proposition (`ClaimFeatures.embedded`): "the guarantee that he can leave for Belarus" and "he will
    leave for Belarus" share a proposition that only one of them asserts."""
    if not (a.embedded or b.embedded):
        return False
    shared = a.terms & b.terms
    return bool(shared) and shared <= (a.embedded | b.embedded)


def _narration_only(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether `a` is a partial quote whose narration is a phrase and that shares none of its quoted words
    with `b`.

    A partial quote ('China called the aborted rebellion by a Russian mercenary force an "internal
    affair"') claims what its quotation marks hold; the narration around them describes the story in the
    outlet's words ("rebellion", "mercenary force"), which any other claim of the story may share."""
    return a.narration_is_phrase and bool(a.fragments) and not frozenset().union(*a.fragments) & b.terms


def _contained(fragment: frozenset[str], terms: frozenset[str], weight: Weight) -> tuple[float, int]:
    """A partial quote's quoted fragment found in another quote: (share of the fragment's weight the other
    quote holds, shared words) when that share reaches `FRAGMENT_MIN_CONTAINED`, else (0, 0).

    An outlet that quotes two or three of the speaker's words ('called it an "internal affair"') shares
    few words with another outlet's full quote, so the cosine of the whole quotes stays low; that the
    speaker's own words recur verbatim in the other report is the evidence that both report one claim."""
    shared = fragment & terms
    words = sum(1 for t in shared if not t.startswith(ACTOR_PREFIX))
    if words < 2:
        return 0.0, 0
    share = sum(weight(t) for t in shared) / sum(weight(t) for t in fragment)
    return (share, words) if share >= FRAGMENT_MIN_CONTAINED else (0.0, 0)


def _term_similarity(a_terms: frozenset[str], b_terms: frozenset[str], weight: Weight,
                     cosine_share: float, unshared: frozenset[str] = frozenset(),
                     argued: frozenset[str] = frozenset()) -> tuple[float, int]:
    """The similarity of two term sets, not counting `unshared` terms as shared (they still weigh in the norms).

    An actor in `argued` (in one slot on both sides, `ClaimFeatures.arguments`) counts as a shared word
    when one side's words all recur in the other ("his departure for Oman" in "he will leave for Oman
    next week": a shortening); not when each side has a word of its own ("troops were sent to Oman" /
    "aid was sent to Oman": another thing sent to the same place)."""
    shared = (a_terms & b_terms) - unshared
    if argued and not (_words(a_terms) <= b_terms or _words(b_terms) <= a_terms):
        argued = frozenset()
    words = sum(1 for t in shared if not t.startswith(ACTOR_PREFIX) or t in argued)
    if not words:
        return 0.0, 0
    common = sum(weight(t) for t in shared)
    wa = sum(weight(t) for t in a_terms)
    wb = sum(weight(t) for t in b_terms)
    cosine = common / math.sqrt(wa * wb)
    overlap = common / min(wa, wb)
    return cosine_share * cosine + (1 - cosine_share) * overlap, words


def _words(terms: frozenset[str]) -> frozenset[str]:
    """The terms other than actor ids."""
    return frozenset(t for t in terms if not t.startswith(ACTOR_PREFIX))
