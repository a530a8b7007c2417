"""Candidate actor mentions: named entities of the actor types cut to the name itself, plus the names
NER missed that the article or the organization table vouch for.

spaCy's small model glues neighbours to names, and news pages make it worse: a headline in title
case ("Carney Rejects Tariff Threat Says", "Moscow Halted"), a dateline or credit ("NAIROBI, Kenya
William Ruto"), a bracket ("African Union (AU"), a leading title ("Gen Abdel Fattah al-Burhan",
"Spokesperson Guo Jiakun"), a number or handle ("Ted Cruz—35", "Twitter @handle"). Each entity
is cut into pieces at what can never be inside a name (line breaks, brackets, quotation marks,
dashes, slashes, numbers, handles and markup; for people also stop words and a possessive), and
in a title-case line also at an inflected verb or an adjective that is no name word of the
article (WordNet through the model's lemmatizer tables, `resolve/wordnet.py`). A person's leading
titles go (`nameparser` decides what a title is), as does a country or demonym glued before a
name. What is left must look like a name: a capitalised word, no markup, and not a lone
ordinary word in a position where capitals prove nothing (a sentence start or a headline)
that nothing else vouches for and that the tagger or the article itself reads as an ordinary word
("Drama", "Budget"; "Smith said" stays), and, anywhere, not a lone noun of a plan, law or event that NER
took for an organization ("ahead of the Budget", "the Summit": `data/thing_nouns.txt`). Names inside datelines, agency tags, credits
and bylines (`resolve/zones.py`) are no mentions.

A person NER labelled a building or a work ("Laurent Saint-Cyr" as FAC) becomes a person, and a
person glued after a known place or organization ("Haiti Noor Gabow") is split off. NER misses are
filled from the sources of `resolve/missed_names.py`, never over a kept entity (a table
organization also replaces the NER pieces it wholly covers, "Hay'at" + "al-Sham").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from nameparser.config import CONSTANTS as NAMEPARSER
from spacy.tokens import Doc, Span, Token

from ..lexicon import words as word_list
from ..model import ACTOR_TYPES
from ..resolve.countries import country_word, is_demonym
from ..resolve.knowledge import builtin
from ..resolve.missed_names import (
    country_names,
    defined_acronyms,
    family_name_first,
    family_names,
    honorific_names,
    looks_like_personal_name,
    personal_names,
    split_person_suffix,
    state_name_spans,
    table_organizations,
)
from ..resolve.organizations import known, lookup
from ..resolve.person_names import is_given_name, is_name_title, is_title, parse
from ..resolve.places import place_country, seat_of_power, state_or_seat
from ..resolve.text import doc_text, fold, tokens
from ..resolve.wordnet import is_common_adjective, is_dictionary_word, is_inflected_verb
from ..resolve.zones import Zones

_TRIM_LEFT = {"the", "The", "THE"}
_TRIM_RIGHT = {"'s", "’s", "'", "’"}
_BREAK_TEXT = {"(", ")", "[", "]", "{", "}", "“", "”", '"', "«", "»", "‘", "—", "–", "--", "|", ";", ":", "/", "•", "·",
               "…", "+", "*", "#"}
_MARKUP = re.compile(r"[=<>@\\/|{}]|https?|www\.|\.com\b")
_PARTICLES = frozenset(NAMEPARSER.prefixes) | {"bin", "ibn", "bint", "abu", "al", "el"}
_MISLABELLED = {"FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
_NOT_NAME_START = {"RB", "RBR", "RBS", "CC", "UH", "MD", "PRP", "PRP$", "WRB", "WP", "WDT", "IN", "EX", "TO"}
_NOT_NAME_END = {"PRP", "PRP$", "MD", "VBZ", "VBD", "VBP", "RB", "CC", "DT", "WDT", "WP", "TO", "IN", "EX"}
_HEADLINE_MIN_WORDS = 3
_HEADLINE_CAPITALISED = 0.9
_MAX_NAME_TOKENS = 6
_MAX_JOINED_TOKENS = 9  # "Mohammed bin Abdulrahman bin Jassim Al Thani" is 7
_MAX_ADJACENT_TOKENS = 4  # "Samia Suluhu" + "Hassan"


@dataclass
class _Context:
    """What the cutting rules ask about one Doc: zones, headline lines, the article's name words."""

    doc: Doc
    zones: Zones
    headline_lines: list[tuple[int, int]]
    name_words: set[str] = field(default_factory=set)
    person_words: set[str] = field(default_factory=set)
    family_first: set[str] = field(default_factory=set)  # "Xi" of "Xi Jinping" (`missed_names.family_name_first`)
    reliable_capitals: set[str] = field(default_factory=set)
    lower_words: set[str] = field(default_factory=set)
    _line_starts: list[int] = field(default_factory=list)

    def in_headline(self, token: Token) -> bool:
        i = bisect_right(self._line_starts, token.idx) - 1
        return i >= 0 and self.headline_lines[i][0] <= token.idx < self.headline_lines[i][1]

    def unreliable_case(self, token: Token) -> bool:
        """A capital that proves nothing: a sentence start, after an opening quote, or a headline."""
        if token.is_sent_start or self.in_headline(token):
            return True
        prev = tokens(token.doc)[token.i - 1] if token.i > 0 else None
        return prev is not None and (prev.is_space or prev.text in {"“", '"', "‘", "'", "(", ":", "—", "–"})


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of lines written in title case or capitals: headlines, section names, captions."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().rstrip()
        words = re.findall(r"[^\W\d_][\w'’\-]*", line)
        long_words = [w for w in words if len(w) >= 4]
        if len(words) < _HEADLINE_MIN_WORDS and not (words and line.isupper()) or line.endswith((".", "?", "!", ".”", '."')):
            continue
        capitalised = sum(w[:1].isupper() for w in long_words)
        if long_words and capitalised / len(long_words) >= _HEADLINE_CAPITALISED:
            out.append((m.start(), m.end()))
    return out


def _context(doc: Doc) -> _Context:
    text = doc_text(doc)
    lines = _headline_lines(text)
    ctx = _Context(doc, Zones.of(text), lines, _line_starts=[s for s, _ in lines])
    for ent in doc.ents:
        if ent.label_ in ACTOR_TYPES and not ctx.in_headline(ent[0]):
            ctx.name_words.update(t.text for t in ent if t.text[:1].isupper())
            if ent.label_ == "PERSON":
                ctx.person_words.update(t.text for t in ent if t.text[:1].isupper())
                if len(ent) > 1 and family_name_first(ent[0].text):
                    ctx.family_first.add(ent[0].text)
    for t in tokens(doc):
        if t.text[:1].isupper():
            if not ctx.unreliable_case(t):
                ctx.reliable_capitals.add(t.text)
        elif t.text[:1].islower():
            ctx.lower_words.add(t.text)
    return ctx


# ------------------------------------------------------------------------------ cutting entities
def _breaks(t: Token, label: str, ctx: _Context, first: bool) -> bool:
    """Can token `t` not be inside a name of this label? (see the module docstring)"""
    text = t.text
    if t.is_space or "\n" in text or text in _BREAK_TEXT or _MARKUP.search(text):
        return True
    if text == "-" and t.i > 0 and t.doc[t.i - 1].whitespace_ and t.whitespace_:
        return True  # a spaced hyphen: "Red Sea - Military"
    if any(c.isdigit() for c in text) and (label == "PERSON" or fold(text) not in known()):
        return True
    inside_word = t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_  # "Moon Jae-in"
    stop = t.is_stop and t.lower_ not in _PARTICLES and not first and not inside_word and \
        (t.text[:1].islower() or ctx.in_headline(t))  # "Obama To Asians", not "Al From"
    if label == "PERSON" and (t.tag_ == "POS" or stop):
        return True
    if not first and text[:1].islower() and t.tag_ in {"VBD", "VBZ"} and is_inflected_verb(text):
        return True  # "Broad Front won Uruguay's": a lowercase finite verb is the sentence, never a name's word
    if not first and ctx.in_headline(t) and text not in ctx.name_words and not is_given_name(text):
        return is_inflected_verb(text) or is_common_adjective(text)
    return False


def _pieces(ent: Span, ctx: _Context) -> Iterator[tuple[int, int]]:
    start = None
    for t in ent:
        if _breaks(t, ent.label_, ctx, start is None):
            if start is not None:
                yield start, t.i
            start = None
            if t.tag_ == "POS" and ent.label_ == "PERSON":
                continue
        elif start is None:
            start = t.i
    if start is not None:
        yield start, ent.end


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].text in _TRIM_LEFT or doc[start].is_punct or
                           doc[start].tag_ in _NOT_NAME_START and doc[start].lower_ not in _PARTICLES
                           and not doc[start].text.isupper() and (doc[start].text[:1].islower()
                                                                 or doc[start].is_sent_start)):
        start += 1
    while end > start and (doc[end - 1].text in _TRIM_RIGHT or doc[end - 1].is_punct or
                           doc[end - 1].tag_ in _NOT_NAME_END and not doc[end - 1].text.isupper()):
        end -= 1
    return start, end


def _without_titles(doc: Doc, start: int, end: int) -> int:
    """First token of a person's name after its titles ("Gen", "Spokesperson", "Mrs."); none dropped when the
    actor table knows the whole as a name ("Sheikh Hasina": the word is part of her name)."""
    if fold(doc[start:end].text) in builtin().by_name:
        return start
    titles = len(" ".join(parse(doc[start:end].text).titles).split())
    while titles and start < end - 1 and is_title(doc[start].text):
        start += 1
        titles -= 1
        while start < end - 1 and doc[start].text == ".":
            start += 1
    return start


def _is_place_word(text: str) -> bool:
    return bool(country_word(text) or is_demonym(text))


def _person_pieces(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """A person's piece: titles dropped, a country or demonym glued before the name split off ("Kenya
    William Ruto"), a lone country or demonym relabelled ("Moldovan" is NORP, not a person)."""
    titled, start = start, _without_titles(doc, start, end)
    if end - start == 1 and start > titled and is_name_title(doc[start].text):
        return  # "Emir Sheikh" before the name NER cut off: a title left alone, no person
    if end - start == 1 and _is_place_word(doc[start].text):
        yield start, end, "NORP" if is_demonym(doc[start].text) else "GPE"
        return
    if end - start >= 3 and _is_place_word(doc[start].text) and parse(doc[start + 1:end].text).is_full and \
            is_given_name(doc[start + 1].text):
        yield start, start + 1, "NORP" if is_demonym(doc[start].text) else "GPE"
        start += 1
    yield start, end, "PERSON"


@lru_cache(maxsize=1)
def _thing_nouns() -> frozenset[str]:
    """Nouns of plans, budgets, laws, documents and events (`data/thing_nouns.txt`)."""
    return word_list("newsgraph.extract", "thing_nouns.txt")


def _known_anywhere(text: str) -> bool:
    """A name some table vouches for: organization, country, place, seat, actor, first name."""
    key = fold(text)
    return bool(key in known() or country_word(text) or place_country(text) or seat_of_power(text)
                or builtin().entries_for(text) or is_given_name(text))


def _name_length(span: Span) -> int:
    """Words of a name, a person's particles not counted: "Hamad bin Khalifa bin Hamad Al Thani" is four
    names linked by three particles (Wikipedia, "Arabic name": nasab chains), not seven glued words; nor do
    the hyphens of attached articles count ("Meshal al-Ahmad al-Jaber al-Sabah" is four names)."""
    if span.label_ != "PERSON":
        return len(span)
    return sum(1 for t in span if t.lower_ not in _PARTICLES and not t.is_punct)


def _looks_like_name(span: Span, ctx: _Context) -> bool:
    """See the module docstring: a capitalised word, no markup, no lone unvouched ordinary word."""
    text = span.text
    if not any(t.text[:1].isupper() for t in span) or not any(c.isalpha() for c in text) or _MARKUP.search(text):
        return False
    if _name_length(span) > _MAX_NAME_TOKENS:
        return False
    if len(span) == 1:
        t = span[0]
        if len(text) <= 2 and not text.isupper() and not (span.label_ == "PERSON" and text in ctx.family_first):
            return False
        if span.label_ != "PERSON" and t.lower_ in _thing_nouns():
            return False  # "ahead of the Budget", "the Summit": a plan, law or event, no actor
        if ctx.unreliable_case(t) and is_dictionary_word(text) and not _known_anywhere(text) and \
                text not in ctx.reliable_capitals and (t.tag_ not in {"NNP", "NNPS"} or text.lower() in ctx.lower_words):
            return False  # "Drama", "Budget": an ordinary word the tagger or the article itself reads as one
    elif ctx.in_headline(span[0]) and all(is_dictionary_word(t.text) or t.is_punct for t in span) and \
            not any(t.text in ctx.name_words or is_given_name(t.text) and not t.is_stop for t in span) and \
            not _known_anywhere(text):
        return False  # "Tariff Threat", "Will Respond" left over from a headline
    return True


def _extended(doc: Doc, start: int, end: int, ctx: _Context) -> int:
    """End of a person's name that NER cut short: the rest of a hyphenated given name ("Moon Jae" of
    "Moon Jae-in"), or, after a given name, up to two capitalised proper nouns outside any entity
    ("Donald" of "... Slams Donald Trump"); a name cut after a lower-case particle takes the capitalised
    word after it, even where NER made that word an entity of its own ("Ursula von der" + "Leyen")."""
    if end - start >= 2 and _is_lower_particle(doc[end - 1]):
        after = end
        while after < len(doc) and after - end < 2 and _is_lower_particle(doc[after]):
            after += 1  # "Anneke van" + "der" + "Velde"
        if after < len(doc) and doc[after].text[:1].isupper() and doc[after].tag_ in {"NNP", "NNPS"}:
            return after + 1
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha and not doc[end + 1].ent_type_:
        return end + 2
    if end - start > 2 or not is_given_name(doc[end - 1].text):
        return end
    new_end = end
    while new_end < len(doc) and new_end - end < 2:
        t = doc[new_end]
        if not (t.text[:1].isupper() and t.tag_ in {"NNP", "NNPS"} and not t.ent_type_ and not is_title(t.text)) or \
                _breaks(t, "PERSON", ctx, False):
            break
        new_end += 1
    return new_end


def _is_lower_particle(t: Token) -> bool:
    """A lower-case name particle followed by a space ("von", "der", "da")."""
    return t.lower_ in _PARTICLES and t.text[:1].islower() and bool(t.whitespace_)


def _extended_back(doc: Doc, start: int, ctx: _Context) -> int:
    """Start of a person's name NER began too late: up to two capitalised proper nouns outside any entity
    right before it, the first a given name and the word before them no name word ("met Samia Suluhu"
    + "Hassan"). Not in a headline, not over a title, a place word or a sentence start, and not before an
    ordinary word NER took for a name ("an Emmy Award")."""
    new_start = start
    while start - new_start < 2 and new_start > 0 and _back_word(doc[new_start - 1], ctx):
        new_start -= 1
    while new_start < start and not is_given_name(doc[new_start].text):
        new_start += 1
    if new_start == start or ctx.in_headline(doc[start]) or is_dictionary_word(doc[start].text):
        return start
    before = doc[new_start - 1] if new_start > 0 else None
    if before is None or before.text[:1].isupper() or before.is_space:
        return start
    return new_start


def _back_word(t: Token, ctx: _Context) -> bool:
    return t.text[:1].isupper() and t.tag_ in {"NNP", "NNPS"} and not t.ent_type_ and not is_title(t.text) \
        and not ctx.unreliable_case(t) and not _is_place_word(t.text) and not _breaks(t, "PERSON", ctx, False)


def _person_headline_piece(span: Span, ctx: _Context) -> Span | None:
    """A person's name in a headline, without the ordinary words glued after it ("Clinton Email Story");
    None when no word of it is a person's name the article, a first-name list or the actor table knows."""
    def person_word(t: Token) -> bool:
        return t.text in ctx.person_words or (is_given_name(t.text) and not t.is_stop) or \
            not is_dictionary_word(t.text) or bool(builtin().entries_for(t.text))

    end = span.end
    while end > span.start + 1 and not person_word(span.doc[end - 1]):
        end -= 1
    if not person_word(span.doc[end - 1]):
        return None
    return Span(span.doc, span.start, end, label="PERSON")


def _cleaned(ent: Span, ctx: _Context) -> Iterator[Span]:
    doc = ent.doc
    for start, end in _pieces(ent, ctx):
        start, end = _trim(doc, start, end)
        if start >= end:
            continue
        if ent.label_ == "PERSON" and end == ent.end:
            end = _extended(doc, start, end, ctx)
        if ent.label_ == "PERSON" and start == ent.start:
            start = _extended_back(doc, start, ctx)
        labelled = _person_pieces(doc, start, end) if ent.label_ == "PERSON" else [(start, end, ent.label_)]
        for s, e, label in labelled:
            s, e = _trim(doc, s, e)
            if s >= e:
                continue
            if label == "PERSON" and all(is_title(t.text) or t.text == "." for t in doc[s:e]):
                continue  # "President" alone: a title, no name
            span: Span | None = Span(doc, s, e, label=label)
            if span is not None and label == "PERSON" and ctx.in_headline(doc[s]):
                span = _person_headline_piece(span, ctx)
            if span is not None and _looks_like_name(span, ctx) and not ctx.zones.covers(span.start_char, span.end_char):
                yield span


def _place_or_org(text: str) -> bool:
    return bool(lookup(text) or country_word(text) or place_country(text) or seat_of_power(text))


def _possessive_split(span: Span) -> list[Span]:
    """An organization's name after a place's possessive, which NER took for one entity ("Peru’s Special
    Crimes Tribunal"): the place and the organization, two mentions. A single word after the possessive
    stays with `_known_prefix` ("Wagner’s March" is the name before it alone)."""
    if span.label_ != "ORG" or len(span) < 4:
        return [span]
    possessive = next((t.i for t in span[1:] if t.tag_ == "POS"), None)
    if possessive is None or span.end - possessive < 3 or not _place_or_org(span.doc[span.start:possessive].text):
        return [span]
    rest = span.doc[possessive + 1:span.end]
    if not all(t.text[:1].isupper() or t.lower_ in {"of", "for", "and", "the"} for t in rest) or rest[-1].tag_ not in {"NNP", "NNPS"}:
        return [span]
    return [Span(span.doc, span.start, possessive, label="GPE" if country_word(span.doc[span.start:possessive].text) else span.label_),
            Span(span.doc, rest.start, rest.end, label="ORG")]


def _known_prefix(span: Span, ctx: _Context) -> Span:
    """A known organization or place before a possessive is that name alone ("Wagner’s March"), and so is
    one followed by ordinary words in a headline ("Wagner Mutiny", "Kremlin Unstable")."""
    if len(span) < 2 or span.label_ == "PERSON":
        return span
    possessive = next((t.i for t in span[1:] if t.tag_ == "POS"), None)
    if possessive is not None and _place_or_org(span.doc[span.start:possessive].text) and \
            not _place_or_org(span.text):
        return Span(span.doc, span.start, possessive, label=span.label_)
    if not ctx.in_headline(span[0]):
        return span
    for cut in range(len(span) - 1, 0, -1):
        head, rest = span[:cut], span[cut:]
        if _place_or_org(head.text) and all(is_dictionary_word(t.text) and t.text not in ctx.name_words for t in rest):
            return Span(span.doc, head.start, head.end, label=span.label_)
    return span


# ------------------------------------------------------------------------------ groups
#: dependency labels of a word that modifies a group noun inside its noun phrase
_GROUP_MODIFIER_DEPS = {"compound", "amod", "nmod"}
#: prepositions after a group noun that make it an act, not a group ("opposition to the plan")
_ACT_PREPOSITIONS = {"to", "against"}


@lru_cache(maxsize=1)
def _group_nouns() -> frozenset[str]:
    """Collective actors that are no named entity (`data/group_nouns.txt`)."""
    return word_list("newsgraph.extract", "group_nouns.txt")


@lru_cache(maxsize=1)
def stance_prefixes() -> frozenset[str]:
    """Adjective prefixes that take a stance towards an actor instead of naming it ("pro", "anti"): read
    here for group mentions and by the events' actor rules (`extract/events/actors.py`)."""
    return word_list("newsgraph.extract", "stance_prefixes.txt")


def _stance_at(doc: Doc, i: int) -> bool:
    """Is token `i` a stance ("pro-Russian", "anti-government")? Its country is then no group's country."""
    low = doc[i].lower_
    return low in stance_prefixes() or low.startswith(tuple(f"{p}-" for p in stance_prefixes())) or \
        (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in stance_prefixes())


def _group_start(noun: Token, entity_of: dict[int, Span]) -> int | None:
    """First token of the group mention headed by `noun`: its country or demonym and the compound nouns or
    adjectives between them ("Haitian gangs", "Serbian student protesters", "Haitian armed gangs"). None
    without a country: "the rebels" may stand for a named group the resolver links it to, and a bare
    "protesters" would be one actor for every protest in the corpus. None too when a named actor modifies
    it ("M23 rebels" are M23's, "Houthi fighters" the Houthis') or a stance does ("pro-Russian separatists"
    are no Russian group; `extract/events/actors.py` reads no actor there)."""
    doc = noun.doc
    start, i = None, noun.i - 1
    while i >= noun.sent.start:
        t = doc[i]
        if t.dep_ not in _GROUP_MODIFIER_DEPS or not t.i < t.head.i <= noun.i or _stance_at(doc, i):
            break
        ent = entity_of.get(i)
        if ent is not None:
            if ent.label_ not in ("GPE", "NORP") or not (country_word(ent.text) or is_demonym(ent.text)):
                return None
            start = i = ent.start
            if _stance_at(doc, i):
                return None
        elif not (t.tag_ in {"NN", "NNS", "NNP"} and t.dep_ == "compound") and t.pos_ != "ADJ":
            break
        i -= 1
    return start


def group_mentions(doc: Doc, zones: Zones) -> list[Span]:
    """Group nouns named with their country as ORG mentions (`_group_start`): "Haitian gangs", "Serbian
    protesters", "Israeli settlers". Not a noun that modifies another ("rebel leaders" is a person,
    "protest leaders" no group), nor one a name covers ("the Rebels" as a team), nor an act ("opposition to X")."""
    entity_of = {t.i: ent for ent in doc.ents for t in ent}
    out = []
    for t in tokens(doc):
        if t.lemma_.lower() not in _group_nouns() or t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "compound":
            continue
        covering = entity_of.get(t.i)
        if covering is not None and covering.label_ not in ("GPE", "NORP"):
            continue
        if any(c.dep_ == "prep" and c.lower_ in _ACT_PREPOSITIONS for c in t.children):
            continue
        start = _group_start(t, entity_of)
        if start is not None and not zones.covers(doc[start].idx, t.idx + len(t.text)):
            out.append(Span(doc, start, t.i + 1, label="ORG"))
    return out


@lru_cache(maxsize=1)
def _story_groups() -> frozenset[str]:
    """Collectives named bare that are the article's country's (`data/story_groups.txt`)."""
    return word_list("newsgraph.extract", "story_groups.txt")


def bare_group_mentions(doc: Doc) -> list[Span]:
    """Collectives named without a country ("protesters", "criminal gangs", "the opposition"): one token each,
    the group noun, for the resolver to give the country the article is about (`resolve/actors.py`), or none.
    Not a noun that modifies another, one a name covers, an act ("opposition to X"), nor one whose phrase names
    a country or actor or takes a stance (`_group_start` finds those: "Haitian gangs", "M23 rebels")."""
    zones = Zones.of(doc_text(doc))
    entity_of = {t.i: ent for ent in doc.ents for t in ent}
    out = []
    for t in tokens(doc):
        if t.lower_ not in _story_groups() or t.dep_ == "compound" or t.i in entity_of or zones.covers(t.idx, t.idx + 1):
            continue
        if any(c.dep_ == "prep" and c.lower_ in _ACT_PREPOSITIONS for c in t.children):
            continue
        modifiers = [c for c in t.children if c.dep_ in _GROUP_MODIFIER_DEPS or c.dep_ == "poss"]
        if any(c.i in entity_of or c.ent_type_ or _stance_at(doc, c.i) for m in modifiers for c in m.subtree):
            continue
        out.append(Span(doc, t.i, t.i + 1, label="ORG"))
    return out


# ------------------------------------------------------------------------------ combining
@lru_cache(maxsize=1)
def _link_particles() -> frozenset[str]:
    """Patronymic particles inside one name ("bin", "bint", "ibn": `data/name_link_particles.txt`)."""
    return word_list("newsgraph.extract", "name_link_particles.txt")


def _joins(doc: Doc, a: Span, b: Span, ctx: _Context) -> bool:
    """Are person pieces `a` and `b` one name NER cut in two? Either side by side on one line, one of
    them a single word ("Samia Suluhu" + "Hassan"), or with one patronymic particle between them
    ("Mohammed bin Abdulrahman" + "bin" + "Jassim Al Thani"). Never in a headline, where names of two
    people stand side by side ("Trump Putin Summit")."""
    if a.label_ != "PERSON" or b.label_ != "PERSON" or ctx.in_headline(a[0]) or ctx.in_headline(b[0]):
        return False
    if not b[0].text[:1].isupper() or is_title(b[0].text):
        return False
    if b.start == a.end:
        return a[-1].whitespace_ == " " and min(len(a), len(b)) == 1 and len(a) + len(b) <= _MAX_ADJACENT_TOKENS
    return b.start == a.end + 1 and doc[a.end].text in _link_particles() and \
        b.end - a.start <= _MAX_JOINED_TOKENS


def _joined_people(doc: Doc, spans: list[Span], ctx: _Context) -> list[Span]:
    """`spans` with the person names NER cut in two joined again (`_joins`)."""
    out: list[Span] = []
    for s in spans:
        if out and _joins(doc, out[-1], s, ctx):
            out[-1] = Span(doc, out[-1].start, s.end, label="PERSON")
        else:
            out.append(s)
    return out


def _fill(spans: list[Span], extra: Iterable[Span]) -> list[Span]:
    """`spans` plus those of `extra` that overlap nothing already kept (earlier and longer first)."""
    taken: set[int] = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for s in sorted(extra, key=lambda x: (x.start, -x.end)):
        if taken.isdisjoint(range(s.start, s.end)):
            out.append(s)
            taken.update(range(s.start, s.end))
    return sorted(out, key=lambda x: x.start)


def _prefer_table(spans: list[Span], table: list[Span]) -> list[Span]:
    """A table organization replaces the entity pieces it wholly covers ("Hay'at" + "al-Sham")."""
    kept = list(spans)
    for org in table:
        inside = [s for s in kept if org.start <= s.start and s.end <= org.end]
        straddling = [s for s in kept if s.start < org.end and org.start < s.end and s not in inside]
        if inside and not straddling and (len(inside) > 1 or (inside[0].start, inside[0].end) != (org.start, org.end)):
            kept = [s for s in kept if s not in inside] + [org]
    return sorted(kept, key=lambda x: x.start)


def _relabelled(ent: Span) -> Span:
    """A person NER labelled a building or a work ("Laurent Saint-Cyr" as FAC) is a person; a seat of power of
    several words NER took for a person ("Foggy Bottom said") is a place, which resolution makes the seat's
    government."""
    if ent.label_ not in ACTOR_TYPES and ent.label_ in _MISLABELLED and looks_like_personal_name(ent.doc, ent.start, ent.end):
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    if ent.label_ == "PERSON" and len(ent.text.split()) > 1 and seat_of_power(ent.text) is not None:
        return Span(ent.doc, ent.start, ent.end, label="GPE")
    if ent.label_ in {"PERSON", "NORP", "ORG"} and _lone_capital(ent):
        return Span(ent.doc, ent.start, ent.end, label="GPE")
    return ent


def _lone_capital(ent: Span) -> bool:
    """A country's capital, one word, that NER took for a person, a nationality or an organization ("Kigali
    said", "talks with Kinshasa", a seat city of the table such as "Pristina"): no given name, and no word of a
    person's longer name in the article."""
    seat = seat_of_power(ent.text) if len(ent) == 1 else None
    if seat is None or is_given_name(ent.text) or \
            seat.kind != "capital" and place_country(ent.text) != seat.country:  # a building ("Kremlin") stays
        return False
    return not any(e.label_ == "PERSON" and len(e) > 1 and ent.text in {t.text for t in e} for e in ent.doc.ents)


def _hyphen_split(span: Span) -> list[Span]:
    """Two places NER took for one name across a hyphen ("Dhaka-New Delhi relations"): two mentions, each a
    country, capital or seat, unless the whole is itself a place ("Guinea-Bissau")."""
    doc = span.doc
    if span.label_ == "PERSON" or _place_or_org(span.text):
        return [span]
    for t in span[1:-1]:
        if t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_:
            left, right = doc[span.start:t.i], doc[t.i + 1:span.end]
            if state_or_seat(left.text) and state_or_seat(right.text):
                return [Span(doc, left.start, left.end, label="GPE"), Span(doc, right.start, right.end, label="GPE")]
    return [span]


def entity_mentions(doc: Doc) -> list[Span]:
    """Actor-type spans cut to names, plus the names NER missed (`resolve/missed_names.py`), in text order."""
    ctx = _context(doc)
    spans: list[Span] = []
    for ent in map(_relabelled, doc.ents):
        if ent.label_ in ACTOR_TYPES:
            for piece in _cleaned(ent, ctx):
                for part in (p for whole in _possessive_split(piece) for p in _hyphen_split(whole)):
                    spans.extend(split_person_suffix(_known_prefix(part, ctx)))
    spans = _joined_people(doc, _fill([], spans), ctx)
    table = table_organizations(doc, ctx.zones)
    spans = _prefer_table(spans, table)
    spans = _fill(spans, table)
    spans = _fill(spans, honorific_names(doc, ctx.zones))
    spans = _fill(spans, personal_names(doc, ctx.zones))
    states = state_name_spans(doc, ctx.zones)
    spans = _prefer_table(spans, states)
    spans = _fill(spans, states)
    spans = _fill(spans, country_names(doc, ctx.zones))
    spans = _joined_people(doc, spans, ctx)
    spans = _fill(spans, family_names(doc, spans, ctx.zones))
    spans = _fill(spans, defined_acronyms(doc, spans, ctx.zones))
    groups = group_mentions(doc, ctx.zones)  # "Haitian gangs" replaces the demonym NER found in it
    return _fill(_prefer_table(spans, groups), groups)
