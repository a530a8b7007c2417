"""`Speaker: content` lines: headlines ("Ryan: FBI Decision ...") and transcripts ("TAPPER: ...").

A line opening with a short name phrase (a proper noun, a named entity, an all-capitals word,
or words all in title case) and a colon: the phrase is the speaker, the colon the cue, the rest
of the line the content. A headline line ending in a dash and such a phrase ("Talks Will Resume
Next Week - Kremlin", the wire style of TASS, RIA and Sputnik) is the phrase's too, when it names
an actor: a role ("- Military Spokesman") is the person the story then introduces with that title.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from ...model import Quote
from ..descriptors import role_words
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
    for start, line in _lines(text):
        end = start + len(line)
        colon = line.find(":", 1, settings.max_colon_line_offset)
        if colon < 0 or not line[colon + 1:].strip() or len(line[colon + 1:].split()) < settings.min_colon_content_words:
            continue
        lead = token_span(doc, start, start + colon)
        if lead is None or not _is_name_phrase(lead, settings.max_colon_speaker_tokens) \
                or is_furniture(doc, lead.start, lead.end):
            continue  # "GENEVA: ...", "Photo: ...", "World: ...": a dateline, credit or label
        if lead.root.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in lead.root.children):
            continue  # "Politico reported: ...": the verb is the cue, its frame makes the quote
        c_lo = start + colon + 1
        while c_lo < end and text[c_lo].isspace():
            c_lo += 1
        c_hi = end
        while c_hi > c_lo and text[c_hi - 1].isspace():
            c_hi -= 1
        resolved = resolve_speaker(index, SpeakerPhrase(lead.root, lead.start, lead.end))
        q = new_quote(text, content=(c_lo, c_hi), kind="indirect", speaker=resolved.actor,
                      speaker_span=(lead.start_char, lead.end_char), cue_span=(start + colon, start + colon + 1),
                      anonymous=resolved.anonymous)
        out.append(index.note(q, Evidence("colon", None, resolved.kind, resolved.co_speakers)))
    return out


#: the PLOVER sector of news media (organizations.tsv)
_MEDIA_SECTOR = "JRN"
#: dashes that set a headline's source off at its end ("... - Kremlin")
_TAIL_DASHES = (" - ", " – ", " — ")


def dash_line_quotes(index: ArticleIndex) -> list[Quote]:
    """A quote for every headline line ending in a dash and a speaker phrase that names an actor."""
    settings, doc, text = index.settings, index.doc, index.text
    out = []
    for start, line in _lines(text):
        body = line.rstrip()
        dash = max(body.rfind(d) for d in _TAIL_DASHES)
        if dash <= 0 or body.endswith(".") or len(body.split()) > settings.max_title_words * 3 or \
                len(body[:dash].split()) < settings.min_colon_content_words:
            continue
        tail = token_span(doc, start + dash + 3, start + len(body))
        if tail is None or not _is_name_phrase(tail, settings.max_colon_speaker_tokens) \
                or is_furniture(doc, tail.start, tail.end):
            continue
        actor = resolve_speaker(index, SpeakerPhrase(tail.root, tail.start, tail.end)).actor or \
            _titled_later(index, tail)
        if actor is None or _is_outlet(index, actor):
            continue  # "... - Live Updates", "... - Al Jazeera": no one speaks, or the page's outlet
        c_lo = start + len(line) - len(line.lstrip())
        q = new_quote(text, content=(c_lo, start + dash), kind="indirect", speaker=actor,
                      speaker_span=(tail.start_char, tail.end_char), cue_span=(start + dash + 1, start + dash + 2))
        out.append(index.note(q, Evidence("colon", None, "description", ())))
    return out


def _is_outlet(index: ArticleIndex, actor: str) -> bool:
    """A news medium (sector JRN: "... - Al Jazeera") or no actor that speaks: a page title names its
    outlet there, not a source."""
    found = index.actors.get(actor)
    return found is None or found.sector == _MEDIA_SECTOR or found.type not in ("PERSON", "ORG", "GPE")


def _titled_later(index: ArticleIndex, tail: Span) -> str | None:
    """The first person the story introduces after the headline with the headline's title ("Military
    Spokesman" -> "Houthi military spokesman Yahya Saree said")."""
    words = {t.lower_ for t in tail if t.is_alpha}
    if tail.root.lower_ not in index.lex.spokesperson_nouns and tail.root.lower_ not in role_words():
        return None
    return next((p.actor for p in index.titled if p.offset > tail.end_char and words <= p.title_words), None)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset of its first character, line) for every line of the text."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


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
