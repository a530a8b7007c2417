"""Pronouns and short forms within an article → the right earlier actor, by agreement and salience.

A light version of the salience-based resolvers (Lappin & Leass 1994; the centering idea that
the subject of the previous clause is the likeliest antecedent): candidates are the actor
mentions of the same and the two previous sentences that agree with the pronoun (`he`: a
person; `it`: an organization or place; `they`: an organization, a country or a group; `she`:
a person or, as machine translation renders countries, a country); the score prefers subjects,
nearer sentences and actors mentioned more often. Pleonastic `it` ("it is possible that") is
skipped. Short forms (`the country`, `the alliance`, `the organization`) take the most recent
actor of their kind.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, Token

from ..model import Actor, Mention

_DATA = Path(__file__).parent / "data"
_PRONOUN_TYPES = {
    "he": {"PERSON"}, "him": {"PERSON"}, "his": {"PERSON"}, "himself": {"PERSON"},
    "she": {"PERSON", "COUNTRY"}, "her": {"PERSON", "COUNTRY"}, "hers": {"PERSON"}, "herself": {"PERSON", "COUNTRY"},
    "it": {"ORG", "COUNTRY", "GPE"}, "its": {"ORG", "COUNTRY", "GPE"}, "itself": {"ORG", "COUNTRY", "GPE"},
    "they": {"ORG", "COUNTRY", "NORP"}, "them": {"ORG", "COUNTRY", "NORP"}, "their": {"ORG", "COUNTRY", "NORP"},
    "themselves": {"ORG", "COUNTRY", "NORP"},
}
_PLURAL = {"they", "them", "their", "themselves"}
PLURAL_WINDOW = 0  # measured on GUM: beyond the sentence "they" is mostly people no name denotes
PLURAL_SUBJECT_ONLY = True
PERSON_BONUS = 1.0
_PLEONASTIC_HEADS = {"be", "seem", "appear", "happen", "take", "remain", "matter", "rain", "mean"}


def _short_forms() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for line in (_DATA / "short_forms.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            noun, kinds = line.split("\t")[:2]
            table[noun] = set(kinds.split("|"))
    return table


_SHORT = _short_forms()


def _kind(actor: Actor) -> set[str]:
    if actor.type == "GPE" and actor.country and actor.name and actor.id and actor.aliases is not None:
        return {"GPE", "COUNTRY"} if _is_country(actor) else {"GPE"}
    if actor.type == "ORG" and actor.sector == "IGO":
        return {"ORG", "IGO"}
    return {actor.type}


def _is_country(actor: Actor) -> bool:
    from .actors import actor_id

    return actor.country is not None and actor.id == actor_id(f"country:{actor.country}")


def _pleonastic(t: Token) -> bool:
    if t.dep_ == "expl":
        return True
    head = t.head
    return t.lower_ == "it" and head.lemma_ in _PLEONASTIC_HEADS and any(
        c.dep_ in {"ccomp", "xcomp", "acomp", "csubj", "attr"} for c in head.children)


def resolve_pronouns(doc: Doc, mentions: list[Mention], actors: dict[str, Actor]) -> list[Mention]:
    """Pronoun and short-form mentions (how = "pronoun" / "description"), in text order."""
    if not mentions:
        return []
    sents = list(doc.sents)
    text = doc.text  # built once: Doc.text joins every token
    sent_of_char = {}
    for k, s in enumerate(sents):
        sent_of_char[s.start_char] = k
    starts = sorted(sent_of_char)

    def sent_index(char: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return sent_of_char[starts[lo]]

    covered = set()
    pool: list[tuple[int, int, str, bool, int]] = []  # (start char, sentence, actor, is subject, root token)
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        covered.update(range(span.start, span.end))
        root = span.root
        pool.append((m.start, sent_index(m.start), m.actor, root.dep_ in {"nsubj", "nsubjpass"}, root.i))
    pool.sort()
    counts = Counter(p[2] for p in pool)
    out: list[Mention] = []
    for t in doc:
        lower = t.lower_
        short = None
        if lower in _PRONOUN_TYPES and t.tag_ in {"PRP", "PRP$"}:
            wanted = _PRONOUN_TYPES[lower]
            if _pleonastic(t):
                continue
            start, end = t.idx, t.idx + len(t.text)
        elif lower in _SHORT and t.i > 0 and doc[t.i - 1].lower_ == "the" and t.i not in covered and t.tag_ in {"NN", "NNP"} \
                and not any(c.dep_ in {"compound", "amod", "prep"} for c in t.children):
            wanted = _SHORT[lower]
            short = doc[t.i - 1]
            start, end = short.idx, t.idx + len(t.text)
        else:
            continue
        if t.i in covered:
            continue
        here = sent_index(t.idx)
        best, best_score = None, float("-inf")
        for p_start, p_sent, aid, subj, root_i in pool:
            if p_start >= t.idx:
                break
            if here - p_sent > 2:
                continue
            actor = actors.get(aid)
            if actor is None or not (_kind(actor) & wanted):
                continue
            if lower in {"him", "her", "them", "it"} and t.dep_ in {"dobj", "pobj"} and doc[root_i].head == t.head:
                continue  # "Putin praised him": not Putin
            if lower in _PLURAL and (here - p_sent > PLURAL_WINDOW or (PLURAL_SUBJECT_ONLY and not subj)):
                continue  # "they" mostly means people no name denotes: link only to a recent subject
            score = -2.0 * (here - p_sent) + (1.5 if subj else 0.0) + 0.3 * min(counts[aid], 3) + p_start / 1e7
            if "PERSON" in wanted and "COUNTRY" in wanted and actor.type == "PERSON":
                score += PERSON_BONUS
            if score > best_score:
                best, best_score = aid, score
        if best is None:
            continue
        how = "pronoun" if short is None else "description"
        out.append(Mention(best, start, end, text[start:end], how))
        pool.append((start, here, best, t.dep_ in {"nsubj", "nsubjpass"}, t.i))
        pool.sort()
        counts[best] += 1
    return out
