"""Continuation: a sentence carrying a marker such as "also" or "in addition", right after a
passage reported from a speaker (the same paragraph or the first sentence of the next), stays
with that speaker. A heading, a new attribution, a new paragraph in the writer's voice, a
sentence narrating in the simple past, or one about another named actor ends the passage.

Markers are data (`data/continuation_markers.txt`), matched on lower-cased tokens.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import Quote
from ..syntax import char_range, subject, token_end
from .content import trim
from .index import ArticleIndex
from .records import continued_quote

#: a sentence not ending in one of these characters is a heading
SENTENCE_END = ".!?\"”'’)"
#: actor types whose naming as a sentence's subject makes it about a new agent
_AGENT_TYPES = ("PERSON", "ORG")


def continuations(index: ArticleIndex, quotes: list[Quote]) -> list[Quote]:
    """`quotes` and a quote for every continuation sentence (see the module docstring).

    A walk over the sentences that tracks the last reported passage and its paragraph; a reason
    ends the passage at each step, so the branches are kept together in one loop."""
    if not quotes:
        return quotes
    doc, text = index.doc, index.text
    by_end = sorted(quotes, key=lambda q: q.end)
    out = list(quotes)
    qi = 0
    last: Quote | None = None
    last_para = -1
    para = 0
    sent_in_para = 0
    for sent in doc.sents:
        if _opens_paragraph(index, sent):
            para += 1
            sent_in_para = 0
        else:
            sent_in_para += 1
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        own = False
        while qi < len(by_end) and by_end[qi].start < sent.end_char:
            if by_end[qi].end > sent.start_char:
                own = True
                last = by_end[qi]
                last_para = para
            qi += 1
        if own:
            continue
        if words[-1].text not in SENTENCE_END:  # a heading
            last = None
            continue
        if last is None or not (para == last_para or (para == last_para + 1 and sent_in_para == 0)):
            last = None
            continue
        marker = find_marker(words, index.lex.continuation_markers, index.settings.continuation_marker_window)
        if marker is None:
            if para != last_para:  # a new paragraph in the writer's voice ends the passage
                last = None
            continue
        # "Sanders also won Oklahoma": the writer narrating events, not a further claim;
        # "Obama will also try ...": the writer now reports another actor's doings
        if narrates_past(sent) or new_actor_subject(index, sent, last.speaker):
            last = None
            continue
        lo, hi = trim(doc, sent.start, sent.end) or (sent.start, sent.end)
        q = index.carry(continued_quote(last, text, char_range(doc, lo, hi), "indirect",
                                        cue_span=(marker[0].idx, token_end(marker[1]))), last, "marker")
        out.append(q)
        last, last_para = q, para
    return out


def _opens_paragraph(index: ArticleIndex, sent: Span) -> bool:
    """A line break right before the sentence (in the text or in the previous token)."""
    text, doc = index.text, index.doc
    return "\n" in text[sent.start_char - 2 if sent.start_char >= 2 else 0:sent.start_char] or (
        sent.start > 0 and "\n" in doc[sent.start - 1].text)


def find_marker(words: list[Token], markers: tuple[tuple[str, ...], ...], window: int) -> tuple[Token, Token] | None:
    """The first and last token of a continuation marker among the first `window` words (the
    first marker of the list that occurs, at its first place); "in addition to ..." is not one."""
    low = [t.lower_ for t in words[:window]]
    for m in markers:
        for k in range(len(low) - len(m) + 1):
            if tuple(low[k:k + len(m)]) == m and not (k + len(m) < len(low) and low[k + len(m)] == "to"):
                return words[k], words[k + len(m) - 1]
    return None


def narrates_past(sent: Span) -> bool:
    """True when the sentence's main verb is in the simple past ("also won", "also did not
    return"): a reported claim running on without a cue keeps the present or future."""
    root = sent.root
    verbs = [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    return any(v.tag_ == "VBD" for v in verbs)


def new_actor_subject(index: ArticleIndex, sent: Span, speaker: str | None) -> bool:
    """True when the sentence's main subject names a person or organisation other than the
    speaker, or is a personal pronoun (a new agent, not a further claim)."""
    subj = subject(sent.root, ("nsubj", "nsubjpass"))
    if subj is None:
        return False
    if subj.lower_ in index.lex.personal_speakers and subj.lower_ not in index.lex.subject_relatives:
        return True
    m = index.mention_at(subj.idx, token_end(subj), subj)
    if m is None or m.actor == speaker:
        return False
    actor = index.actors.get(m.actor)
    return actor is not None and actor.type in _AGENT_TYPES
