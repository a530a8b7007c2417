"""Event dates: a temporal expression of the event's own clause that names a time, else the article's date.

Only an expression that *names a time* dates an event: a day (`on Tuesday`, `yesterday`, `on 3
May`, `Sept. 29, 2016`), a period read from the article date (`last week`, `this month`, `two days
ago`) or a year, month or decade (`in 2019`, `in March`, `the 1990s`). Durations, ages and counts
never do (`a 40-year career`, `for two decades`, `3,500 lawsuits in 30 years`, `aged 40`): the
forms are a closed list of patterns (`_time_kind`), not "anything dateparser reads", because
dateparser reads `40-year` as 1940. The expression must hang on the trigger (`attacked ... on
Tuesday`, `Tuesday's attack`) or on the support verb of an event noun (`launched an attack on
Tuesday`); a date elsewhere in the sentence belongs to another clause (`X, elected in 2019,
attacked Y`). It is resolved by dateparser with the article's date as `RELATIVE_BASE` (past
preferred, as news reports what happened), except for a bare weekday, which news uses for the
article's own day too (`on Wednesday` in a Wednesday paper), and a bare year (its 1 January).

Without such an expression the event has the article's date (`date_source` `article`); with one,
`date_source` is `text`. Month and weekday names are in `data/calendar_words.tsv`.

    >>> parse_date("last Tuesday", "2024-11-06")
    '2024-11-05'
    >>> parse_date("40-year", "2024-11-06") is None
    True
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache, lru_cache

import dateparser
from spacy.tokens import Doc, Span, Token

from ..syntax import governing_verb
from .lexicons import months, prepositions, weekdays
from .nominal_roles import lends_subject
from .settings import EventSettings

#: entity labels that can hold a time (TIME: "last night", "Tuesday morning")
DATE_LABELS = ("DATE", "TIME")
#: relations of a date to the word it dates: "on Tuesday" (pobj of a prep), "Tuesday" (npadvmod),
#: "Tuesday's attack" (poss), "the May 3 attack" (compound)
_DATING_DEPS = ("npadvmod", "tmod", "obl", "advmod", "nmod", "poss", "compound", "amod")
_DATE_SOURCE_TEXT, _DATE_SOURCE_ARTICLE = "text", "article"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The forms of a time-naming expression, by kind, built from the calendar data file."""
    days = "|".join(weekdays())
    month = r"(?:" + "|".join(months()) + r")\.?"
    part = r"(?:\s+(?:morning|afternoon|evening|night))?"
    number = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
    return {
        "weekday": re.compile(rf"^(?:(?:last|this|past|early|late)\s+)?(?P<day>{days}){part}$", re.I),
        "deictic": re.compile(rf"^(?:today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))"
                              rf"{part}$", re.I),
        "period": re.compile(r"^(?:(?:earlier|later)\s+)?(?:last|this|next)\s+(?:week|weekend|month|year)$", re.I),
        "ago": re.compile(rf"^{number}\s+(?:days?|weeks?|months?|years?)\s+ago$", re.I),
        "day": re.compile(
            rf"^(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}(?:,?\s+\d{{4}})?"
            r"|\d{4}-\d{2}-\d{2})$", re.I),
        "month": re.compile(rf"^(?:(?:early|late|mid-?|last|this)\s*)?{month}(?:\s+of)?(?:,?\s+\d{{4}})?$", re.I),
        "year": re.compile(r"^(?:(?:early|late|mid-?)\s*)?((?:1[89]|20)\d\d)$", re.I),
        "decade": re.compile(r"^(?:the\s+)?(?:early\s+|late\s+|mid-)?((?:1[89]|20)\d0)s$", re.I),
        "leading": re.compile(r"^(?:(?:" + "|".join(prepositions("date")) + r"|the|of)\s+)+", re.I),
    }


def _time_kind(text: str) -> str | None:
    """Which form of time-naming expression `text` is (`weekday`, `day`, `year`...), None for any other
    (a duration, an age, a count)."""
    pats = _patterns()
    for kind in ("weekday", "deictic", "period", "ago", "day", "month", "year", "decade"):
        if pats[kind].match(text):
            return kind
    return None


@lru_cache(maxsize=4096)
def parse_date(text: str, base: str, earliest_year: int = 1800, latest_year: int = 2200) -> str | None:
    """A temporal expression as YYYY-MM-DD relative to the article date `base`; None when it names no time."""
    text = " ".join(_patterns()["leading"].sub("", text.strip()).split())
    try:
        base_dt = datetime.strptime(base, "%Y-%m-%d")
    except ValueError:
        return None
    kind = _time_kind(text)
    if kind is None:
        return None
    found: datetime | None
    if kind == "year":
        found = datetime(int(_patterns()["year"].match(text).group(1)), 1, 1)  # type: ignore[union-attr]
    elif kind == "decade":
        found = datetime(int(_patterns()["decade"].match(text).group(1)), 1, 1)  # type: ignore[union-attr]
    elif kind == "weekday" and not re.match(r"^(?:this|next)\s", text, re.I):
        day = weekdays()[_patterns()["weekday"].match(text).group("day").lower()]  # type: ignore[union-attr]
        found = base_dt - timedelta(days=(base_dt.weekday() - day) % 7)  # the article's own day counts
    else:
        found = dateparser.parse(_for_dateparser(text), languages=["en"], settings={
            "RELATIVE_BASE": base_dt, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first"})
    if found is None or not earliest_year <= found.year <= latest_year:
        return None
    return found.strftime("%Y-%m-%d")


def _for_dateparser(text: str) -> str:
    """What dateparser reads for forms it does not know: "earlier this week" as "this week", "mid-May"
    as "May", "this weekend" as "this week"."""
    text = re.sub(r"^(?:earlier|later)\s+", "", text, flags=re.I)
    text = re.sub(r"^(?:early|late|mid-?)\s*", "", text, flags=re.I)
    return re.sub(r"\bweekend\b", "week", text, flags=re.I)


class DateIndex:
    """The article's time expressions by the word they date, found once per article."""

    def __init__(self, doc: Doc) -> None:
        self.by_anchor: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ in DATE_LABELS:
                anchor = dated_word(ent)
                if anchor is not None:
                    self.by_anchor.setdefault(anchor.i, []).append(ent)

    def of(self, tok: Token) -> list[Span]:
        """The time expressions that date `tok` itself."""
        return self.by_anchor.get(tok.i, [])


def dated_word(ent: Span) -> Token | None:
    """The word a time expression hangs on: the head of its preposition (`attacked ... on Tuesday`),
    or its own head when it modifies directly (`Tuesday's attack`, `met Tuesday`); None for a date that
    is an argument (`2019 was a hard year`)."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i != root.head.i:
        return root.head.head
    if root.dep_ in _DATING_DEPS and root.head.i != root.i:
        return root.head
    return None


def event_date(tok: Token, article_date: str | None, dates: DateIndex,
               settings: EventSettings = EventSettings()) -> tuple[str | None, str | None]:
    """(date, date_source): a time expression dating the trigger, or the support verb of an event
    noun (`launched an attack on Tuesday`, not `condemned the attack on Tuesday`), else the article date."""
    if not article_date:
        return None, None
    anchors = [tok]
    if tok.pos_ == "NOUN":
        verb = governing_verb(tok, settings.governing_verb_steps)
        if verb is not None and verb.i != tok.i and lends_subject(verb):
            anchors.append(verb)
    for anchor in anchors:
        for ent in dates.of(anchor):
            found = parse_date(ent.text, article_date, settings.earliest_year, settings.latest_year)
            if found:
                return found, _DATE_SOURCE_TEXT
    return article_date, _DATE_SOURCE_ARTICLE
