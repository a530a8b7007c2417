"""Spans that are never a speaker: datelines, photo credits, bylines, agency tags, section labels.

Page furniture sits next to the words of a story and parses like a subject or a "Speaker:" line
("PARIS (AP) —", "NAIROBI, Kenya —", "GENEVA:", "(Photo: Jane Doe/Reuters)", "(Reuters) -",
"By Jane Doe", "World: ..."). The speaker search asks `is_furniture` of every phrase it would
take, so such a span never speaks, whatever the mentions say. The conventions are those of the
wire services (AP Stylebook "datelines" and "photo credits"; Reuters' dateline and tag style).
"""
from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from ...lexicon import words
from ...resolve.countries import iso3_of
from ...resolve.places import place_country
from ...resolve.text import doc_text

PACKAGE = "newsgraph.extract"
#: what follows a dateline or a leading agency tag on its line
_DATELINE_TAIL = re.compile(r"^\s*(\([^)]{1,40}\)\s*)?(—|–|--|-|:)")
#: an all-capitals place and a comma opening a line: what precedes the country of a dateline
_DATELINE_PLACE = re.compile(r"^\s*[A-Z][A-Z.'’ -]*[A-Z.],\s*$")
#: "By Jane Doe" alone on a line (a byline), at most this long
_BYLINE = re.compile(r"^\s*By\s+[A-Z]")
MAX_BYLINE_CHARS = 100
#: a parenthesis of at most this many words is a tag ("(AP)", "(Jane Doe/Reuters)")
MAX_TAG_WORDS = 4
#: words after a title-case "Place:" opening the text from which it is a dateline, not a headline speaker
MIN_DATELINE_PARAGRAPH_WORDS = 25
#: entity types of a place that opens a dateline
_PLACE_TYPES = ("GPE", "LOC", "")


@cache
def agencies() -> frozenset[str]:
    """News agency names (`data/news_agencies.txt`), lower-cased."""
    return words(PACKAGE, "news_agencies.txt")


@cache
def credit_markers() -> frozenset[str]:
    """Words that open a photo or video credit (`data/credit_markers.txt`)."""
    return words(PACKAGE, "credit_markers.txt")


@cache
def section_names() -> frozenset[str]:
    """Section and rubric labels (`data/section_names.txt`)."""
    return words(PACKAGE, "section_names.txt")


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The character range of the line holding [start, end)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def parenthesis_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The parenthesis of its line the span sits in, as (after "(", at ")"), or None."""
    line_start, line_end = _line_bounds(text, start, end)
    opened = text.rfind("(", line_start, start)
    closed = text.find(")", end, line_end)
    if opened >= 0 and ")" not in text[opened:start] and closed >= 0 and "(" not in text[end:closed]:
        return opened + 1, closed
    return None


def in_tag_parentheses(text: str, start: int, end: int) -> bool:
    """The span sits in a short parenthesis ("(AP)", "(Reuters)", "(Jane Doe/AFP)", at most
    MAX_TAG_WORDS words) or one that opens with a credit word ("(Photo: ...)"), not in an aside
    of the writer's ("(Mr. Smith has also called for ...)")."""
    inside = parenthesis_around(text, start, end)
    if inside is None:
        return False
    content = text[inside[0]:inside[1]]
    return len(content.split()) <= MAX_TAG_WORDS or _opens_credit(content)


def _opens_credit(line: str) -> bool:
    """The text opens with a credit word and a colon or "by" ("Photo: ...", "Photograph by ...")."""
    low = line.lstrip(" (").lower()
    return any(low.startswith(marker) and re.match(r"^\s*(:|by\b)", low[len(marker):]) for marker in credit_markers())


def in_credit(text: str, start: int, end: int) -> bool:
    """A name in a photo credit: on a line (or in a parenthesis) that opens with a credit word and
    a colon or "by" ("Photo: Jane Doe", "(Image by ...)"), or with a slash right after it ("Jane
    Doe/Reuters")."""
    line_start, _ = _line_bounds(text, start, end)
    inside = parenthesis_around(text, start, end)
    opening = text[inside[0]:start] if inside is not None else text[line_start:start]
    return _opens_credit(opening) or (text[end:end + 1] == "/" and not text[end + 1:end + 2].isspace())


def is_byline(text: str, start: int, end: int) -> bool:
    """The span is on a short line opening with "By " and a capital."""
    line_start, line_end = _line_bounds(text, start, end)
    return bool(_BYLINE.match(text[line_start:line_end])) and line_end - line_start <= MAX_BYLINE_CHARS


def is_dateline(span: Span) -> bool:
    """An all-capitals place opening its line, followed by an agency tag, a dash or a colon, or by
    a comma and a country and then one ("PARIS (AP) —", "NAIROBI, Kenya —", "GENEVA:"); or a title-case
    place and a colon opening the text before a whole paragraph (`_title_case_dateline`)."""
    text = doc_text(span.doc)
    line_start, line_end = _line_bounds(text, span.start_char, span.end_char)
    lead = text[line_start:span.start_char]
    if _DATELINE_PLACE.match(lead) and _DATELINE_TAIL.match(text[span.end_char:line_end]):
        return True  # the country or state of "ABUJA, Nigeria (AP) —"
    if lead.strip(" \t\"“'") or not any(t.is_alpha for t in span):
        return False
    if not all(t.is_upper or not t.is_alpha for t in span) or len(span.text) < 2:
        return _title_case_dateline(span, text, line_start, line_end)
    if any(t.ent_type_ not in _PLACE_TYPES and t.ent_type_ != "ORG" for t in span if t.is_alpha):
        return False  # an all-capitals person before a colon is a transcript speaker ("TAPPER:")
    tail = text[span.end_char:line_end]
    country = re.match(r"^,\s*[A-Z][\w.' -]{1,30}?(?=\s*(\(|—|–|--|-|:))", tail)
    rest = tail[country.end():] if country else tail
    if rest.lstrip().startswith(":") and not country and not is_place(span):
        return False  # "TAPPER:" opens a transcript line; "GENEVA:" is a place
    return bool(_DATELINE_TAIL.match(rest))


def _title_case_dateline(span: Span, text: str, line_start: int, line_end: int) -> bool:
    """A place in title case with a colon opening the text's first line, when a whole paragraph follows
    ("Lagos: The federal government has asked the court to ..."): a dateline as some
    outlets print it. A short line ("Beijing: we will answer") stays a headline speaker."""
    if text[:line_start].strip() or not text[span.end_char:line_end].lstrip().startswith(":") or not is_place(span):
        return False
    return len(text[span.end_char:line_end].split()) > MIN_DATELINE_PARAGRAPH_WORDS


def is_place(span: Span) -> bool:
    """A place by its entity type or the gazetteer of places and countries (`resolve.places`)."""
    name = span.text.title()
    return any(t.ent_type_ in ("GPE", "LOC") for t in span) or place_country(name) is not None \
        or iso3_of(name) is not None


def is_agency_tag(span: Span) -> bool:
    """An agency name used as a tag: in parentheses, opening a line before a dash or colon, or
    ending a line after a dash ("(Reuters) -", "AFP —", "... – AP")."""
    if span.text.lower().strip(" .") not in agencies():
        return False
    text = doc_text(span.doc)
    if parenthesis_around(text, span.start_char, span.end_char) is not None:
        return True
    line_start, line_end = _line_bounds(text, span.start_char, span.end_char)
    lead, tail = text[line_start:span.start_char], text[span.end_char:line_end]
    return (not lead.strip() and bool(_DATELINE_TAIL.match(tail))) or (
        not tail.strip(" .") and lead.rstrip().endswith(("—", "–", "-")))


def is_furniture(doc: Doc, lo: int, hi: int) -> bool:
    """The token range [lo, hi) is a dateline, credit, byline, agency tag or section label, or lies
    in parentheses: never a speaker (see the module docstring)."""
    span = doc[lo:hi]
    if not len(span):
        return False
    text, start, end = doc_text(doc), span.start_char, span.end_char
    return (in_tag_parentheses(text, start, end) or in_credit(text, start, end) or is_byline(text, start, end)
            or is_dateline(span) or is_agency_tag(span) or is_section_label(span))


def is_section_label(span: Span) -> bool:
    """A section or rubric label opening its line before a colon ("World: ...", "Editor's note:")."""
    text = doc_text(span.doc)
    line_start, line_end = _line_bounds(text, span.start_char, span.end_char)
    return (not text[line_start:span.start_char].strip() and text[span.end_char:line_end].lstrip().startswith(":")
            and span.text.lower() in section_names())
