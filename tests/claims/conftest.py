"""Shared helpers for the claim tests: quotes built by hand, and unrelated background quotes so that
term rarity (IDF) behaves as in a real batch rather than over two sentences."""
from __future__ import annotations

import pytest

from newsgraph.claims import ClaimQuote

BACKGROUND = [
    "The central bank left interest rates unchanged for the third month in a row",
    "Heavy rain flooded several villages in the south of the country overnight",
    "The football club signed a new striker on a four-year contract",
    "Parliament will debate the education reform bill next week",
    "The airline cancelled dozens of flights because of a strike by pilots",
    "A new vaccine trial showed promising results in older patients",
    "The museum reopened after a renovation that lasted two years",
    "Exports of grain rose sharply after the port was reopened",
    "The prime minister met farmers to discuss the price of fertiliser",
    "Police arrested three people after a protest outside the embassy",
    "The company reported record profits despite rising energy costs",
    "Scientists warned that the glacier is melting faster than expected",
    "The court postponed the trial of the former mayor until autumn",
    "Teachers in the capital voted to continue their strike over pay",
    "The election commission said turnout was higher than in the last vote",
    "Firefighters contained a forest fire that had burned for four days",
    "The government plans to build ten new hospitals by the end of the decade",
    "A cyber attack disrupted the website of the national railway",
]


def make_quote(text: str, n: int, *, speaker: str | None = "actor:minister", group: str | None = "XYZ",
               date: str = "2024-03-01", outlet: str | None = None, speaker_text: str | None = None,
               entities: tuple[tuple[str, str, int, int], ...] = ()) -> ClaimQuote:
    """A quote of its own article `a{n}` (quote id `a{n}:0`)."""
    return ClaimQuote(quote_id=f"a{n:03d}:0", article_id=f"a{n:03d}", text=text, date=date,
                      outlet=outlet or f"outlet{n}.example", speaker=speaker, speaker_group=group if speaker else None,
                      speaker_text=speaker_text, entities=entities)


def entity(text: str, name: str, key: str, kind: str = "GPE") -> tuple[str, str, int, int]:
    """An actor named in `text` (its first occurrence) as the clusterer takes it."""
    start = text.index(name)
    return (key, kind, start, start + len(name))


@pytest.fixture
def background() -> list[ClaimQuote]:
    return [make_quote(t, 500 + i, speaker=f"actor:other{i}", group=None) for i, t in enumerate(BACKGROUND)]
