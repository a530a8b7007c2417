"""The data model: Article, Actor, Mention, Quote, Event, and the JSON contract.

Every stage speaks these records; `Article.to_dict()` is exactly the JSON object that
`newsgraph extract --format jsonl` prints, and the store's tables mirror their fields.
Later capabilities *add* fields here; existing names are a public contract and never change.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

BlockKind = Literal["paragraph", "heading", "caption"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "reported", "future", "possible", "negated"]

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading or caption of the cleaned text (character offsets into it)."""

    start: int
    end: int
    kind: BlockKind = "paragraph"


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor. `id` is stable: the same actor has the same id in every article."""

    id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    sector: str | None = None  # PLOVER sector (GOV, MIL, COP, REB, IGO, CVL, ...) where derivable

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type,
                "country": self.country, "aliases": list(self.aliases), "sector": self.sector}


@dataclass(frozen=True, slots=True)
class Mention:
    """One span of the text that refers to an actor; `how` says why it was linked."""

    actor: str
    start: int
    end: int
    text: str
    how: str = "name"


@dataclass(frozen=True, slots=True)
class Descriptor:
    """How an article describes an actor: a role or label from an appositive, a pre-modifier or a description.

    `label` is the description without articles or the naming country/organization ("dictator",
    "illegitimate head of the Kremlin"); `role` is its office noun when it names one
    ("secretary general", "president"), `of` the actor id of the country/organization it is a role of.
    `actor` is None while a definite description is unresolved (the store may resolve it at ingest).
    """

    actor: str | None
    label: str
    role: str | None
    of: str | None
    start: int
    end: int
    text: str
    kind: str = "premodifier"  # premodifier | appositive | description


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution: who (speaker) said what (content span), signalled by which cue."""

    speaker: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    text: str
    start: int
    end: int
    kind: QuoteKind = "indirect"
    anonymous: bool = False  # the speaker is an unnamed source ("a senior official", "diplomats")
    confidence: float | None = None  # calibrated probability in [0, 1] that text and speaker are right
    claim: str | None = None  # the claim cluster id (claims/index.py): the same proposition across articles


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event: source did `type` to target, as claimed with `modality`."""

    type: str
    mode: str | None
    source: str | None
    target: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    modality: Modality = "asserted"
    quote: int | None = None
    date: str | None = None
    location: str | None = None  # where it happened ("in Geneva"); never the target unless the place is acted on
    location_iso3: str | None = None  # the country of `location`, when known
    date_source: str | None = None  # 'text' (a time named in the sentence) | 'article' (the article's date) | None
    confidence: float | None = None  # calibrated probability in [0, 1] that type, source and target are right


@dataclass(slots=True)
class Article:
    """One dated article with everything extracted from it. Offsets refer to `text`."""

    id: str
    source: str
    date: str | None
    title: str | None
    text: str
    blocks: list[Block] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    language: str | None = None  # ISO 639-1, from the record or detected; None when not known
    date_source: str | None = None  # 'content' | 'url' | 'crawl' | 'given' | None: where `date` comes from
    story: str | None = None  # id shared with syndicated copies (the first-seen copy's id); None = its own
    descriptors: list[Descriptor] = field(default_factory=list)
    story_cluster: str | None = None  # the coverage of one story by many outlets (claims/stories.py)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (see README); key order is part of it for readable diffs."""
        return {
            "id": self.id,
            "source": self.source,
            "date": self.date,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "language": self.language,
            "date_source": self.date_source,
            "story": self.story or self.id,
            "story_cluster": self.story_cluster,
            "text": self.text,
            "blocks": [asdict(b) for b in self.blocks],
            "actors": [a.to_dict() for a in self.actors],
            "mentions": [asdict(m) for m in self.mentions],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [asdict(e) for e in self.events],
            "descriptors": [asdict(d) for d in self.descriptors],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Inverse of `to_dict` (used by the store and by tests)."""
        return cls(
            id=d["id"], source=d["source"], date=d.get("date"), title=d.get("title"),
            text=d["text"], url=d.get("url"), outlet=d.get("outlet"), language=d.get("language"),
            date_source=d.get("date_source"), story=d.get("story"),
            story_cluster=d.get("story_cluster"),
            blocks=[Block(**b) for b in d.get("blocks", [])],
            actors=[Actor(**{**a, "aliases": tuple(a.get("aliases", ()))}) for a in d.get("actors", [])],
            mentions=[Mention(**m) for m in d.get("mentions", [])],
            quotes=[Quote(**q) for q in d.get("quotes", [])],
            events=[Event(**e) for e in d.get("events", [])],
            descriptors=[Descriptor(**x) for x in d.get("descriptors", [])],
        )


def field_names(record_type: type) -> list[str]:
    """Column order of a record type, shared by the store and Parquet exports."""
    return [f.name for f in fields(record_type)]
