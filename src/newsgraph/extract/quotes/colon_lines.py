"""`Speaker: content` lines: headlines ("Ryan: FBI Decision ...") and transcripts ("TAPPER: ...").

A line opening with a short name phrase (a proper noun, a named entity, an all-capitals word,
or words all in title case) and a colon: the phrase is the speaker, the colon the cue, the rest
of the line the content.
"""
from __future__ import annotations

from spacy.tokens import Span

from ...model import Quote
from ..syntax import token_span
from .index import ArticleIndex, Evidence
from .not_speakers import is_furniture
from .records import new_quote
from .speakers import SpeakerPhrase, resolve_speaker

#: punctuation a speaker phrase may hold ("Dr. Smith", "O'Neill", "Jean-Paul")
_NAME_PUNCTUATION = ".-'’"


def colon_line_quotes(index: ArticleIndex) -> list[Quote]:
    """A quote for every `Speaker: content` line of the article (see the module docstring)."""
    settings, doc, text = index.settings, index.doc, index.text
    out = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        colon = line.find(":", 1, settings.max_colon_line_offset)
        if colon < 0 or not line[colon + 1:].strip() or len(line[colon + 1:].split()) < settings.min_colon_content_words:
            continue
        lead = token_span(doc, start, start + colon)
        if lead is None or not _is_name_phrase(lead, settings.max_colon_speaker_tokens) \
                or is_furniture(doc, lead.start, lead.end):
            continue  # "GENEVA: ...", "Photo: ...", "World: ...": a dateline, credit or label
        c_lo = start + colon + 1
        while c_lo < pos - 1 and text[c_lo].isspace():
            c_lo += 1
        c_hi = pos - 1
        while c_hi > c_lo and text[c_hi - 1].isspace():
            c_hi -= 1
        resolved = resolve_speaker(index, SpeakerPhrase(lead.root, lead.start, lead.end))
        q = new_quote(text, content=(c_lo, c_hi), kind="indirect", speaker=resolved.actor,
                      speaker_span=(lead.start_char, lead.end_char), cue_span=(start + colon, start + colon + 1),
                      anonymous=resolved.anonymous)
        out.append(index.note(q, Evidence("colon", None, resolved.kind, resolved.co_speakers)))
    return out


def _is_name_phrase(lead: Span, max_tokens: int) -> bool:
    """A line's lead looks like a speaker's name: a few tokens, no punctuation but that of names,
    a proper noun, named entity or all-capitals word among them (or all in title case), and a
    capitalized first word."""
    if not 0 < len(lead) <= max_tokens or any(t.is_punct and t.text not in _NAME_PUNCTUATION for t in lead):
        return False
    if not (any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                or (t.is_upper and t.is_alpha and len(t) > 1) for t in lead)
            or (len(lead) > 1 and all(t.is_title for t in lead))):
        return False
    return not lead[0].is_lower
