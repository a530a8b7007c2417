"""Building `Quote` records: every stage makes its quotes through these few constructors, so a
quote's texts are always slices of the article text at its offsets."""
from __future__ import annotations

from dataclasses import replace

from ...model import Quote, QuoteKind
from ..syntax import char_range
from .content import drop_trailing_aside, drop_trailing_medium, drop_trailing_relay, drop_trailing_report, trim
from .index import ArticleIndex, Evidence
from .speakers import SpeakerPhrase, outside_own_content, resolve_speaker

#: tags of a content that is one pronoun and so no claim ("them", "which", "what")
LONE_PRONOUN_TAGS = ("PRP", "WDT", "WP")


def new_quote(text: str, *, content: tuple[int, int], kind: QuoteKind, speaker: str | None = None,
              speaker_span: tuple[int, int] | None = None, cue_span: tuple[int, int] | None = None,
              anonymous: bool = False) -> Quote:
    """A quote whose content, speaker phrase and cue are the character ranges given of `text`."""
    start, end = content
    ss, se = speaker_span if speaker_span is not None else (None, None)
    cs, ce = cue_span if cue_span is not None else (None, None)
    return Quote(speaker=speaker,
                 speaker_text=text[ss:se] if speaker_span is not None else None,
                 speaker_start=ss, speaker_end=se,
                 cue=text[cs:ce] if cue_span is not None else None, cue_start=cs, cue_end=ce,
                 text=text[start:end], start=start, end=end, kind=kind, anonymous=anonymous)


def with_content(quote: Quote, text: str, content: tuple[int, int], kind: QuoteKind) -> Quote:
    """`quote` (same speaker and cue) with another content span of `text`."""
    start, end = content
    return replace(quote, text=text[start:end], start=start, end=end, kind=kind)


def continued_quote(previous: Quote, text: str, content: tuple[int, int], kind: QuoteKind,
                    cue_span: tuple[int, int] | None = None) -> Quote:
    """A new quote of `previous`'s speaker: a passage or sentence that continues it, with its
    own cue (a continuation marker) or none."""
    start, end = content
    cs, ce = cue_span if cue_span is not None else (None, None)
    return replace(previous, cue=text[cs:ce] if cue_span is not None else None, cue_start=cs, cue_end=ce,
                   text=text[start:end], start=start, end=end, kind=kind)


def cue_quote(index: ArticleIndex, content: tuple[int, int], cue: tuple[int, int],
              speaker: SpeakerPhrase | None, kind: QuoteKind, source: str = "frame",
              score: float | None = None) -> Quote:
    """A quote from a content's character range, a cue's token range [lo, hi) and a speaker
    phrase (resolved to its actor), noted in `index` as found by `source` with frame `score`."""
    doc, text = index.doc, index.text
    cue_span = char_range(doc, *cue)
    resolved = resolve_speaker(index, speaker)
    if speaker is not None:
        resolved = outside_own_content(index, speaker, resolved, content)
    if speaker is None or (resolved.kind == "none"):
        q = new_quote(text, content=content, kind=kind, cue_span=cue_span)
    else:
        q = new_quote(text, content=content, kind=kind, speaker=resolved.actor,
                      speaker_span=char_range(doc, speaker.lo, speaker.hi), cue_span=cue_span,
                      anonymous=resolved.anonymous)
    co_speakers = named_outside(index, resolved.co_speakers, content)
    return index.note(q, Evidence(source, score, resolved.kind, co_speakers))


def named_outside(index: ArticleIndex, actors: tuple[str, ...], content: tuple[int, int]) -> tuple[str, ...]:
    """The co-speakers named outside the content, before it or in its sentence ("Peru and Chile signed
    a deal. They said in a joint statement ..."): one named only inside the words is what they are
    about, not who says them ("According to the Kremlin, Putin and Xi discussed trade", where the
    parser makes "Putin" a conjunct of the source)."""
    if not actors:
        return actors
    start, end = content
    span = index.doc.char_span(start, end, alignment_mode="expand")
    sent_end = span.sent.end_char if span is not None and len(span) else end
    outside = {m.actor for m in index.mentions_in(0, sent_end) if m.end <= start or m.start >= end}
    return tuple(a for a in actors if a in outside)


def frame_quote(index: ArticleIndex, content: tuple[int, int], cue: tuple[int, int],
                speaker: SpeakerPhrase | None, kind: QuoteKind = "indirect", source: str = "frame",
                score: float | None = None) -> Quote | None:
    """A quote from a content's token range [lo, hi) as a frame gives it: a trailing aside, relay, dash report or medium cut,
    edge punctuation trimmed; None when nothing is left or only a pronoun ("referring to them")."""
    lo, hi = drop_trailing_relay(index.doc, *drop_trailing_aside(index.doc, *content, index.lex), index.lex)
    lo, hi = drop_trailing_medium(index.doc, *drop_trailing_report(index.doc, lo, hi, index.lex))
    trimmed = trim(index.doc, lo, hi)
    if trimmed is None or trimmed[1] - trimmed[0] == 1 and index.doc[trimmed[0]].tag_ in LONE_PRONOUN_TAGS:
        return None  # "referring to them", "announced, which": a pronoun alone says nothing
    return cue_quote(index, char_range(index.doc, *trimmed), cue, speaker, kind, source, score)
