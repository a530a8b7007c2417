"""Event dates: the sentence's own date nearest the trigger, else the article date.

A DATE entity of the sentence is read relative to the article date. The forms news writes
most (`Monday`, `yesterday`, `last week`, `2022`, `the 1970s`, `Sept. 29`) are computed here;
other forms with a digit, a month name or `ago` go to dateparser; durations (`two years`,
`recent months`) are no date. Month and weekday names are in `data/calendar_words.tsv`.

    >>> parse_date("yesterday", "2024-11-06")
    '2024-11-05'
    >>> parse_date("for two decades", "2024-11-06") is None
    True
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache, lru_cache

import dateparser
from spacy.tokens import Doc, Span, Token

from .lexicons import months, prepositions, weekdays
from .settings import EventSettings

_YEAR = re.compile(r"^(?:in |the year )?((?:1[89]|20)\d\d)$", re.I)
_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|late\s+|mid-)?((?:1[89]|20)\d0)s$", re.I)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(relative day, month and day, date hint, leading preposition) built from the data files."""
    days = "|".join(weekdays())
    month = r"(?:" + "|".join(months()) + r")\.?"
    relative = re.compile(rf"^(?:(?:late|early|on|last|this|past)\s+)?(today|tonight|yesterday|tomorrow|{days})"
                          r"(?:\s+(?:morning|afternoon|evening|night))?$|^last\s+(week|month|year)$", re.I)
    month_day = re.compile(
        rf"^(?:(?P<m1>{month})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
        rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{month})(?:,?\s+(?P<y2>\d{{4}}))?"
        rf"|(?P<m3>{month})(?:\s+of)?\s+(?P<y3>\d{{4}}))$", re.I)
    hint = re.compile(r"\d|\bago\b|\b(?:" + "|".join(months()) + r")\b", re.I)
    leading = re.compile(r"^(?:" + "|".join(prepositions("date")) + r")\s+", re.I)
    return relative, month_day, hint, leading


def date_entities(doc: Doc) -> list[Span]:
    """The DATE entities of a document, read once (`Span.ents` rescans the whole doc)."""
    return [ent for ent in doc.ents if ent.label_ == "DATE"]


def event_date(sent: Span, tok: Token, article_date: str | None, dates: list[Span],
               settings: EventSettings = EventSettings()) -> str | None:
    """The sentence's own date nearest the trigger, else the article date (None without one)."""
    if not article_date:
        return None
    own = [e for e in dates if e.start >= sent.start and e.end <= sent.end]
    if not own:
        return article_date
    own.sort(key=lambda e: min(abs(e.start - tok.i), abs(e.end - 1 - tok.i)))
    leading = _patterns()[3]
    for e in own:
        d = parse_date(leading.sub("", e.text.strip()), article_date, settings.earliest_year, settings.latest_year)
        if d:
            return d
    return article_date


@lru_cache(maxsize=4096)
def parse_date(text: str, base: str, earliest_year: int = 1800, latest_year: int = 2200) -> str | None:
    """A DATE entity's text as YYYY-MM-DD relative to the article date `base`; None when it is no date."""
    text = text.strip()
    try:
        base_dt = datetime.strptime(base, "%Y-%m-%d")
    except ValueError:
        return None
    relative, month_day, hint, _ = _patterns()
    m = _YEAR.match(text)
    if m:
        return f"{m.group(1)}-01-01"
    m = relative.match(text)
    if m:
        return _relative_day((m.group(1) or m.group(2)).lower(), base_dt).strftime("%Y-%m-%d")
    m = _DECADE.match(text)
    if m:  # "the 1970s": the decade's first day
        return f"{m.group(1)}-01-01"
    m = month_day.match(text)
    if m:  # "September 29", "Sept. 29, 2016", "29 September 2016", "March 2015"
        return _month_day(m, base_dt)
    if not hint.search(text):
        return None
    parsed = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": base_dt, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False})
    if parsed is None or not earliest_year <= parsed.year <= latest_year:
        return None
    return parsed.strftime("%Y-%m-%d")


def _relative_day(word: str, base: datetime) -> datetime:
    """The day a relative word names, seen from the article date: the most recent such weekday,
    `last week` seven days back, `last month`/`last year` the same day (at most the 28th) one back."""
    days = weekdays()
    if word in days:
        return base - timedelta(days=(base.weekday() - days[word]) % 7)
    if word == "yesterday":
        return base - timedelta(days=1)
    if word == "tomorrow":
        return base + timedelta(days=1)
    if word == "week":
        return base - timedelta(days=7)
    if word == "month":
        return (base.replace(day=1) - timedelta(days=1)).replace(day=min(base.day, 28))
    if word == "year":
        return base.replace(year=base.year - 1, day=min(base.day, 28))
    return base  # today, tonight


def _month_day(m: re.Match[str], base: datetime) -> str | None:
    """A month-and-day match as a date; without a year the most recent such day, as news reports the past."""
    month = months()[(m.group("m1") or m.group("m2") or m.group("m3")).lower().rstrip(".")]
    day = int(m.group("d1") or m.group("d2") or 1)
    year = m.group("y1") or m.group("y2") or m.group("y3")
    try:
        if year:
            return datetime(int(year), month, day).strftime("%Y-%m-%d")
        d = datetime(base.year, month, day)
        if d > base:
            d = datetime(base.year - 1, month, day)
        return d.strftime("%Y-%m-%d")
    except ValueError:
        return None
