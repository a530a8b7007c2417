"""The clusterer's input: one quote with what claim clustering needs to know about it.

The pipeline builds these from an article's quotes (`adapters.claim_quotes`); tests and other
callers may build them by hand. `quote_id` is `<article id>:<index of the quote in the article>`,
the store's key of a quote (`quotes(article_id, idx)`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from .. import lexicon
from .text import PACKAGE, tokens

Attribution = Literal["named", "anonymous", "unattributed"]


@dataclass(frozen=True, slots=True)
class ClaimQuote:
    """A quote to cluster.

    `speaker` is the speaker's actor id (None when the extractor found no actor); `speaker_group`
    groups co-referent speakers (the pipeline passes the speaker actor's country, so a minister, his
    ministry and "the Kremlin" are one group; a person's group is marked with `person_group`, because
    two people of one country are two speakers, not one: see `co_referent`); `anonymous` says the speaker is an unnamed source
    (None: decided from `speaker_text`); `entities` are the actors named inside the quote's content
    as (actor key, type, start, end) with offsets into `text`; a person's key is "person:" + surname.
    """

    quote_id: str
    article_id: str
    text: str
    date: str | None = None
    outlet: str | None = None
    speaker: str | None = None
    speaker_group: str | None = None
    anonymous: bool | None = None
    speaker_text: str | None = None
    cue: str | None = None
    kind: str = "indirect"
    entities: tuple[tuple[str, str, int, int], ...] = ()

    @property
    def attribution(self) -> Attribution:
        """named (an actor), anonymous (an unnamed source: "officials said") or unattributed (no speaker)."""
        if self.speaker is not None and not self.anonymous:
            return "named"
        if self.anonymous or (self.anonymous is None and is_anonymous_source(self.speaker_text)):
            return "anonymous"
        return "unattributed"


@cache
def _anonymous_heads() -> frozenset[str]:
    return lexicon.words(PACKAGE, "anonymous_sources.txt")


def is_anonymous_source(speaker_text: str | None) -> bool:
    """Whether a speaker phrase names an unnamed source ("a senior official", "sources close to ...")."""
    if not speaker_text:
        return False
    return any(tok in _anonymous_heads() for tok in tokens(speaker_text))


PERSON_GROUP = "person@"  # prefix of a person speaker's group


def person_group(group: str | None) -> str | None:
    """The group key of a person speaker of `group` (a country)."""
    return None if group is None else PERSON_GROUP + group


def co_referent(a: str | None, b: str | None) -> bool:
    """Whether speakers of groups `a` and `b` may speak for one another: the same group, unless both are
    people. A minister and his ministry, or a spokesman and "the Kremlin", are one voice; a president and
    his spokesman are two people, and each makes his own claims ("X called it treason" and "Y said the
    fighters may sign contracts" share the story's words, not a claim)."""
    if a is None or b is None:
        return False
    if a.startswith(PERSON_GROUP) and b.startswith(PERSON_GROUP):
        return False
    return a.removeprefix(PERSON_GROUP) == b.removeprefix(PERSON_GROUP)


def quote_key(article_id: str, index: int) -> str:
    """The id of the `index`-th quote of an article (the store's `quotes(article_id, idx)`)."""
    return f"{article_id}:{index}"
