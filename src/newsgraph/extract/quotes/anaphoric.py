"""Anaphoric contents: "This was announced by the mayor Ana Ruiz", "The minister disclosed this on Monday".

News written in (or machine-translated from) Ukrainian and Russian reports a statement first, as plain
narration, and then attributes it with a demonstrative subject of a passive speech verb ("Це повідомив ..."
→ "This was reported by ..."); Nigerian papers close a report the same way with a demonstrative object
("The Minister of Works, Ana Ruiz, disclosed this on Monday in Abuja"). The words reported are the previous
sentence, not "this". Such a quote's content is widened to that sentence (the one before the cue's sentence,
across a paragraph break), and a speech verb with a demonstrative object gets a quote of that sentence,
unless another quote already holds it (then the demonstrative names that quote, which keeps its own
speaker) or it is no full clause. Demonstrative pronouns are data (`data/anaphoric_contents.txt`).

    >>> # "The bridge will close until March. This was announced by the mayor Ana Ruiz."  (doctest: +SKIP)
    >>> # -> content "The bridge will close until March.", speaker Ana Ruiz
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from ...lexicon import table
from ...model import Quote
from ..syntax import char_range, subject
from .index import ArticleIndex
from .records import cue_quote
from .speakers import cue_speaker

PACKAGE = "newsgraph.extract"


@cache
def anaphoric_contents(role: str = "subject") -> frozenset[str]:
    """Demonstratives that stand for the previous sentence as a content in `role` (subject of a passive
    report, or object of a speech verb: `data/anaphoric_contents.txt`)."""
    return frozenset(word.lower() for word, roles in table(PACKAGE, "anaphoric_contents.txt", 2, min_columns=2)
                     if role in roles.split(","))


def with_antecedent_contents(index: ArticleIndex, quotes: list[Quote]) -> list[Quote]:
    """`quotes`, each whose whole content is a demonstrative subject ("This was stated by X") given the
    previous sentence as its content (see the module docstring)."""
    out = []
    for q in quotes:
        widened = _antecedent(index, q, quotes)
        out.append(index.carry(widened, q) if widened is not None else q)
    return out


def _antecedent(index: ArticleIndex, q: Quote, quotes: list[Quote]) -> Quote | None:
    """The quote with the previous sentence as content, or None when `q` is no such report or that
    sentence is missing, empty or already another quote's."""
    if q.text.strip().lower() not in anaphoric_contents() or q.cue_start is None:
        return None
    span = index.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubjpass":
        return None  # only the passive report, "This was said by X"; not "This means ..."
    found = _sentence_before(index, span.sent, [k for k in quotes if k is not q])
    if found is None:
        return None
    start, end = found
    return replace(q, text=index.text[start:end], start=start, end=end)


def _sentence_before(index: ArticleIndex, sent: Span, quotes: list[Quote]) -> tuple[int, int] | None:
    """The character range of the full-clause sentence before `sent` that no quote in `quotes` overlaps."""
    if sent.start == 0:
        return None
    prev = index.doc[sent.start - 1].sent
    if prev.root.pos_ not in ("VERB", "AUX") or any(index.inside_passage(t) for t in (prev[0], prev[-1])):
        return None  # a fragment ("... on the scanner: Ana Ruiz."): "This" may be anything before it
    start, end = char_range(index.doc, prev.start, prev.end)
    end = start + len(index.text[start:end].rstrip())
    if end <= start or any(k.start < end and start < k.end for k in quotes):
        return None
    return start, end


def demonstrative_object_quotes(index: ArticleIndex, quotes: list[Quote]) -> list[Quote]:
    """`quotes` and, for each speech verb with a subject and a demonstrative object ("Ana Ruiz disclosed
    this on Monday", "the governor said this while ..."), a quote of the sentence before (see the module
    docstring)."""
    out = list(quotes)
    for tok in index.doc:
        verb = tok.head
        if tok.lower_ not in anaphoric_contents("object") or tok.dep_ != "dobj" or not _speech_verb(index, verb):
            continue
        spk = cue_speaker(index, verb)
        content = _sentence_before(index, verb.sent, out) if spk is not None else None
        if content is not None:
            out.append(cue_quote(index, content, (verb.i, verb.i + 1), spk, "indirect"))
    return out


def _speech_verb(index: ArticleIndex, verb: Token) -> bool:
    """A speech verb with its own subject, outside any quoted passage."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in index.lex.speech_verbs and \
        subject(verb, ("nsubj",)) is not None and not index.inside_passage(verb)
