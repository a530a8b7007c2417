"""From the JSON contract (an `Article` or its `to_dict()`) to the clusterers' inputs, and back.

`claim_quotes` turns an article's quotes into `ClaimQuote`s: the quote id is `<article id>:<index>`,
the entities are the actors mentioned inside the quote's content span, and co-referent speakers are
grouped by the speaker actor's country. `assign_claims` runs an index over JSON articles and writes
each quote's `claim` (the key the JSON contract gives it).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..model import Article
from .index import ClaimIndex
from .quotes import ClaimQuote, person_group, quote_key
from .stories import StoryArticle, StoryIndex
from .text import PERSON_KEY, tokens

ArticleLike = Article | Mapping[str, Any]


def _as_dict(article: ArticleLike) -> Mapping[str, Any]:
    return article.to_dict() if isinstance(article, Article) else article


NAMING = frozenset({"name", "alias", "surname", "acronym", "metonym"})  # mentions that name an actor


def _entities(quote: Mapping[str, Any], mentions: list[Mapping[str, Any]],
              actors: Mapping[str, Mapping[str, Any]]) -> tuple[tuple[str, str, int, int], ...]:
    """(key, type, start, end offsets in the quote's text) of the actors named inside the quote's content.

    Only naming mentions count (not pronouns, roles or descriptions, whose resolution is a guess). A
    person is keyed by the folded last word of the mention itself ("Evgeny" and "Yevgeny Prigozhin",
    or a surname the resolver gave to the wrong person, still agree); anything else by its actor id.
    """
    out = set()
    for m in mentions:
        actor = actors.get(m["actor"])
        if actor is None or m.get("how", "name") not in NAMING or not (quote["start"] <= m["start"] and m["end"] <= quote["end"]):
            continue
        words = [w for w in tokens(m.get("text") or "") if w.isalpha()]
        start, end = m["start"] - quote["start"], m["end"] - quote["start"]
        if actor.get("type") == "PERSON" and words:
            out.add((PERSON_KEY + words[-1], "PERSON", start, end))
        else:
            out.add((str(actor["id"]), str(actor.get("type")), start, end))
    return tuple(sorted(out))


def claim_quotes(article: ArticleLike) -> list[ClaimQuote]:
    """The article's quotes as clusterer input, in the article's order."""
    a = _as_dict(article)
    actors = {x["id"]: x for x in a.get("actors", [])}
    mentions = a.get("mentions", [])
    out = []
    for i, q in enumerate(a.get("quotes", [])):
        speaker = q.get("speaker")
        group = actors[speaker].get("country") if speaker in actors else None
        if speaker in actors and actors[speaker].get("type") == "PERSON":
            group = person_group(group)
        out.append(ClaimQuote(
            quote_id=quote_key(a["id"], i), article_id=a["id"], text=q["text"], date=a.get("date"),
            outlet=a.get("outlet"), speaker=speaker, speaker_group=group, speaker_text=q.get("speaker_text"),
            cue=q.get("cue"), kind=q.get("kind", "indirect"), entities=_entities(q, mentions, actors)))
    return out


def story_article(article: ArticleLike) -> StoryArticle:
    """The article as story-clustering input: title and text, actors named in it, its copy story."""
    a = _as_dict(article)
    named = {m["actor"] for m in a.get("mentions", []) if m.get("how", "name") in NAMING}
    story = a.get("story")
    return StoryArticle(article_id=a["id"], text=f"{a.get('title') or ''}\n{a['text']}", date=a.get("date"),
                        outlet=a.get("outlet"), actors=tuple(sorted(named)),
                        story=story if story and story != a["id"] else None)


def assign_story_clusters(articles: Iterable[dict[str, Any]], index: StoryIndex | None = None) -> StoryIndex:
    """Set `story_cluster` on JSON articles (in place), grouping them as one batch."""
    arts = list(articles)
    index = index if index is not None else StoryIndex()
    assigned, _ = index.add(story_article(a) for a in arts)
    for a in arts:
        a["story_cluster"] = assigned[a["id"]]
    return index


def assign_claims(articles: Iterable[dict[str, Any]], index: ClaimIndex | None = None) -> ClaimIndex:
    """Set `claim` on every quote of JSON articles (in place), clustering them as one batch."""
    arts = list(articles)
    index = index if index is not None else ClaimIndex()
    quotes = [q for a in arts for q in claim_quotes(a)]
    batch = index.add(quotes)
    for a in arts:
        for i, q in enumerate(a.get("quotes", [])):
            q["claim"] = batch.assignments[quote_key(a["id"], i)].claim_id
    return index
