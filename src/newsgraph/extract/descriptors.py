"""Descriptors of people from one parsed Doc: pre-modifiers, appositives and definite descriptions.

`NATO Secretary General Mark Rutte` and `Russian dictator Vladimir Putin` (a title before the
name, in the same noun phrase), `Rutte, NATO's secretary general,` and `Mark Rutte Secretary
General of NATO` (an appositive after the name) say who holds which role; `the NATO Secretary
General`, `the Russian dictator`, `the illegitimate head of the Kremlin` (a definite noun phrase
headed by a role word, not attached to a name) refer back to such a holder. The head-noun and
left-edge rules follow the dependency parse (spaCy's `compound`/`amod`/`appos`/`poss` labels);
the role words are data (`data/role_words.txt`).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..resolve.text import tokens

_DATA = Path(__file__).parent / "data"
_NP_DEPS = {"compound", "amod", "nmod", "poss", "case", "det", "nummod", "punct", "prep", "pobj", "npadvmod", "quantmod"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_NOT_ROLE_HEADS = {"state", "war", "general", "vice", "prime", "deputy", "foreign", "supreme", "defense", "defence",
                   "interior", "finance", "justice", "military", "rights", "top"}
_OWNER_TYPES = {"ORG", "GPE", "NORP"}  # modifiers, not heads, on their own ("the state", "the war")
_CLOSING = {",", ".", ";", ")", "—", "–"}  # what ends an appositive set off after a name
_MAX_APPOSITIVE = 12  # tokens: a role, its modifiers and one prepositional phrase


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    lines = (_DATA / "role_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class Candidate:
    """A span that describes a person: `holder` is the PERSON mention's span for pre-modifiers/appositives."""

    start: int  # token indices into the Doc
    end: int
    kind: str  # premodifier | appositive | description
    holder: Span | None


def _is_role_token(t: Token) -> bool:
    return t.lower_ in role_words() and (t.tag_ in _NOUN_TAGS or t.tag_ in {"JJ", "VBN"})


def _has_role_head(tokens: Iterable[Token]) -> bool:
    return any(t.lower_ in role_words() and t.lower_ not in _NOT_ROLE_HEADS and t.tag_ in _NOUN_TAGS for t in tokens) or \
        any(t.lower_ == "general" and t.tag_ in {"NNP", "NN"} for t in tokens)


def _premodifier(doc: Doc, span: Span, taken: set[int], sent_start: int) -> tuple[int, int] | None:
    """Tokens before the name inside its noun phrase ("Russian dictator" in "Russian dictator Vladimir Putin")."""
    i = span.start - 1
    start = span.start
    while i >= sent_start:
        t = doc[i]
        if i in taken or t.dep_ not in _NP_DEPS or not (start <= t.head.i < span.end or span.start <= t.head.i < span.end
                                                        or start <= t.head.i <= span.end):
            break
        if t.dep_ == "punct" and t.text not in {"-", "–"}:
            break
        start = i
        if t.dep_ == "det":
            break
        i -= 1
    while start < span.start and doc[start].dep_ == "det":
        start += 1
    if start < span.start and _has_role_head(doc[start:span.start]):
        return start, span.start
    return None


def _np_after(doc: Doc, i: int, limit: int) -> int | None:
    """End of a role noun phrase starting at token i (adjectives, nouns, possessives, then "of" + a name)."""
    j, seen_noun = i, False
    while j < limit and j - i < 8:
        t = doc[j]
        if t.tag_ in _NOUN_TAGS or t.tag_ in {"JJ", "POS", "HYPH"} or (t.tag_ == "DT" and j == i):
            seen_noun = seen_noun or t.tag_ in _NOUN_TAGS
            j += 1
        elif t.lower_ == "of" and seen_noun and j + 1 < limit:
            k = j + 1 + (doc[j + 1].tag_ == "DT")
            m = k
            while m < limit and doc[m].tag_ in {"NNP", "NNPS", "NN", "NNS"} and m - k < 5:
                m += 1
            if m == k:
                break
            j = m
            break
        else:
            break
    return j if seen_noun and j > i else None


def _appositive(doc: Doc, span: Span, taken: set[int], sent_end: int) -> tuple[int, int] | None:
    """A role phrase right after the name: ", NATO's secretary general," or a title glued to it."""
    i = span.end
    comma = i < sent_end and doc[i].text == ","
    if comma:
        i += 1
    if i >= sent_end or i in taken or doc[i].ent_type_ == "PERSON":
        return None
    end = _np_after(doc, i, sent_end)
    closed = end is not None and (end >= sent_end or doc[end].text in _CLOSING or doc[end].pos_ == "VERB")
    if comma and not closed:
        end = _parsed_appositive(doc, span, i, sent_end)
    if end is None or not _has_role_head(doc[i:end]):
        return None
    if comma and end < sent_end and doc[end].text not in _CLOSING and doc[end].pos_ != "VERB":
        return None
    if not comma and not doc[i].text[:1].isupper():
        return None  # "Rutte said": no title glued to the name
    return i, end


def _parsed_appositive(doc: Doc, span: Span, i: int, limit: int) -> int | None:
    """End of the appositive the parser attaches to the name, with the role word as its head and its
    prepositional phrase ("the de facto leader of Syria", "a trade adviser to the interim government"),
    when it starts at token i and is set off by punctuation; else None."""
    head = next((t for t in doc[i:limit] if t.dep_ == "appos" and span.start <= t.head.i < span.end), None)
    if head is None or head.left_edge.i != i or head.lower_ not in role_words():
        return None
    end = head.right_edge.i + 1
    if end - i > _MAX_APPOSITIVE or (end < limit and doc[end].text not in _CLOSING):
        return None
    return end


def has_appositive_role(span: Span) -> bool:
    """Is the name followed by a role set off as an appositive ("Marta Quispe, the de facto leader of Peru,")?
    Then it is a person's name, whatever label NER gave it."""
    return _appositive(span.doc, span, set(), span.sent.end) is not None


def _description_extent(doc: Doc, head: Token) -> tuple[int, int]:
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = max(end, child.right_edge.i + 1)
        else:
            break
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return start, end


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(sentence start, sentence end) of every token, computed once per Doc (`Span.sent` rescans the Doc)."""
    starts = [t.i for t in tokens(doc) if t.is_sent_start] or [0]
    bounds: list[tuple[int, int]] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(doc)
        bounds.extend([(start, end)] * (end - start))
    return bounds


def candidates(doc: Doc, persons: list[Span]) -> list[Candidate]:
    """Descriptor candidates in text order: premodifiers and appositives of the given PERSON spans,
    then definite descriptions headed by a role word anywhere else."""
    found: list[Candidate] = []
    taken: set[int] = set()
    for span in persons:
        taken.update(range(span.start, span.end))
    bounds = _sentence_bounds(doc) if persons else []
    for span in persons:
        sent_start, sent_end = bounds[span.start]
        for kind, extent in (("premodifier", _premodifier(doc, span, taken, sent_start)),
                             ("appositive", _appositive(doc, span, taken, sent_end))):
            if extent:
                found.append(Candidate(extent[0], extent[1], kind, span))
                taken.update(range(*extent))
    for t in tokens(doc):
        if t.i in taken or t.tag_ not in _NOUN_TAGS or t.lower_ not in role_words() or t.lower_ in _NOT_ROLE_HEADS and t.lower_ != "general":
            continue
        if t.dep_ == "compound" and t.head.i > t.i and t.head.lower_ in role_words():
            continue  # "Secretary" in "Secretary General": the head decides
        start, end = _description_extent(doc, t)
        first = doc[start]
        # "the chief", "NATO's chief", and "NATO chief" / "UN rights chief": an organization or country
        # before the role makes it as definite as an article does
        definite = first.lower_ in {"the", "this", "that"} or any(
            x.tag_ == "POS" or x.ent_type_ in _OWNER_TYPES for x in doc[start:t.i])
        if not definite or any(i in taken for i in range(start, end)):
            continue
        if start < t.i and doc[start].lower_ == "the" and any(doc[k].ent_type_ == "PERSON" for k in range(start, end)):
            continue
        found.append(Candidate(start, end, "description", None))
        taken.update(range(start, end))
    return sorted(found, key=lambda c: c.start)
