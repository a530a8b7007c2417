"""Quoted passages without a cue of their own ("floating quotes", Asr et al. 2021, the Gender
Gap Tracker).

Such a passage takes a speech verb that found no content of its own next to it ('"No," she
said' where "said" governs nothing; any verb before a colon: 'Cruz continued: "..."'), or else
continues the previous speaker: as part of the same quote within a paragraph, as a new quote in
a following one. Short passages away from any cue, and titles of works, are not quotes.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Quote
from ..syntax import token_end, token_span
from .index import ArticleIndex
from .lexicons import QuoteLexicons
from .records import continued_quote, cue_quote, with_content
from .speakers import cue_speaker

#: the characters an adjacent cue may have between it and a passage after / before it
_GAP_AFTER_PASSAGE = " ,"
_GAP_BEFORE_PASSAGE = " ,:"


def looks_like_title(passage: str, lex: QuoteLexicons, max_words: int = 8, min_content_words: int = 2) -> bool:
    """A short quoted passage whose words are capitalized, like the title of a book, film, show
    or campaign slogan ("Make America Great Again."), not a sentence somebody said."""
    words = [w for w in passage.strip("\"“”‘’'«» ,.!?:;").split() if any(ch.isalpha() for ch in w)]
    if not 1 <= len(words) <= max_words:
        return False
    content = [w for w in words if w.lower() not in lex.title_small_words]
    return (len(content) >= min_content_words and all(w[:1].isupper() for w in content)
            and not any(w.lower().strip(",.!?") in lex.spoken_words for w in words))


def floating_quotes(index: ArticleIndex, quotes: list[Quote], bare_cues: list[Token]) -> list[Quote]:
    """`quotes` with the quoted passages no quote covers attributed (see the module docstring).
    `bare_cues`: the speech verbs that found no content of their own, in text order."""
    settings, text = index.settings, index.text
    covered = sorted(((q.start, q.end, q) for q in quotes), key=lambda x: (x[0], x[1]))
    out = list(quotes)
    for a, b in index.passages:
        if any(s <= a < e or a <= s < b for s, e, _ in covered):
            continue
        if looks_like_title(text[a:b], index.lex, settings.max_title_words, settings.min_title_content_words):
            continue  # “Guardians of the Galaxy,”: a work's title, not somebody's words
        cue = bare_cue_for(index, bare_cues, a, b)
        if len(text[a:b].split()) < settings.min_floating_words and not (
                cue is not None and is_adjacent(index, cue, a, b)):
            # a short passage is a quote only right next to its cue ('she said, "No."');
            # elsewhere it is a title or a scare-quoted word
            continue
        if cue is not None:
            out.append(cue_quote(index, (a, b), (cue.i, cue.i + 1), cue_speaker(index, cue), "direct", "floating"))
            covered.append((a, b, out[-1]))
            covered.sort(key=lambda x: x[0])
            continue
        prev = [q for s, e, q in covered if e <= a and q.speaker_start is not None]
        if not prev:
            continue
        p = prev[-1]
        between = text[p.end:a]
        if len(between) > settings.max_floating_gap_chars:
            continue
        if "\n" not in between:
            # same paragraph: '"X," he said. "Y."' is one quote running on
            merged = index.carry(with_content(p, text, (p.start, b), "direct"), p)
            out[out.index(p)] = merged
            covered = [(s, e, merged if q is p else q) for s, e, q in covered]
            covered.append((a, b, merged))
            covered.sort(key=lambda x: x[0])
            continue
        out.append(index.carry(continued_quote(p, text, (a, b), "direct"), p, "continued"))
        covered.append((a, b, out[-1]))
        covered.sort(key=lambda x: x[0])
    return out


def is_adjacent(index: ArticleIndex, cue: Token, a: int, b: int) -> bool:
    """The cue verb touches passage [a, b): only a comma, colon or the speaker between."""
    text, most = index.text, index.settings.max_adjacent_cue_gap_chars
    if cue.idx >= b:
        gap = text[b:cue.idx]
        return len(gap) <= most and not gap.strip(_GAP_AFTER_PASSAGE)
    gap = text[token_end(cue):a]
    return len(gap) <= most and not gap.strip(_GAP_BEFORE_PASSAGE)


def bare_cue_for(index: ArticleIndex, bare_cues: list[Token], a: int, b: int) -> Token | None:
    """A cue for passage [a, b) without one: any verb before a colon that introduces it ('Cruz
    continued: "..."'), else the first bare speech verb after it in the sentence it ends in,
    else one introducing it from just before ("He said, ...") or earlier in its first sentence."""
    doc, text = index.doc, index.text
    last = len(text[:b].rstrip())  # a passage ending in a line break: its last word, not the space token
    end_tok = token_span(doc, last - 1, last)
    start_tok = token_span(doc, a, a + 1)
    if not end_tok or not start_tok:  # None, or empty: the range holds only spaces
        return None
    colon_verb = _verb_before_colon(index, a, start_tok[0])
    if colon_verb is not None:
        return colon_verb
    sent_end = end_tok[0].sent
    best = None
    for cue in bare_cues:
        if cue.idx >= b and cue.i < sent_end.end:
            if best is None or cue.idx < best.idx:
                best = cue
    if best is not None:
        return best
    for cue in reversed(bare_cues):
        if cue.idx < a and not text[token_end(cue):a].strip(" ,:\n\t") or (
                cue.idx < a and cue.sent.start == start_tok[0].sent.start):
            return cue
        if cue.idx < a:
            break
    return None


def _verb_before_colon(index: ArticleIndex, a: int, first: Token) -> Token | None:
    """'Cruz continued: "..."': when a colon introduces the passage at `a` (whose first token is
    `first`), the verb of the colon's sentence before it (its root if that is one, else the last)."""
    doc, text = index.doc, index.text
    lookback = text[max(0, a - index.settings.colon_lookback_chars):a]
    before = lookback.rstrip()
    if not before.endswith(":") or first.i <= 0:
        return None
    colon = token_span(doc, a - (len(lookback) - len(before)) - 1, a)
    if colon is None:
        return None
    c = colon[0]
    verbs = [t for t in c.sent if t.i < c.i and t.pos_ == "VERB" and not index.inside_passage(t)]
    if not verbs:
        return None
    root = c.sent.root
    return root if root in verbs else verbs[-1]
