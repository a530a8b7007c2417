"""The corpus step of actor resolution, run at ingest against the store (never inside `annotate`).

`extract` without a store resolves what the article and the knowledge table decide; at ingest,
`resolve_batch` adds what only the corpus knows: a definite description left unresolved in its
article ("the Acme Secretary General") goes to the actor seen in that role in the stored articles
(and earlier articles of the same batch) nearest before the article's date, else the first after;
user dictionaries (`import-actors`) give country and sector to actors that lack them; and the
analyst's curation rules are re-applied.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..model import Actor, Article, Mention
from .curation import Rule, apply_rules
from .knowledge import Knowledge
from .roles import _compatible

# (role, of actor id or None, article date) -> [(actor id, role, date)] seen in the store
HolderLookup = Callable[[str | None], list[tuple[str, str, str | None]]]


def _pick(candidates: list[tuple[str, str, str | None]], role: str, date: str | None) -> str | None:
    fits = [c for c in candidates if _compatible(role, c[1])]
    if not fits:
        return None
    if date:
        before = [c for c in fits if c[2] and c[2] <= date]
        if before:
            return max(before, key=lambda c: c[2] or "")[0]
        after = [c for c in fits if c[2]]
        if after:
            return min(after, key=lambda c: c[2] or "")[0]
    return fits[-1][0]


def resolve_batch(articles: Sequence[Article], holders: HolderLookup, rules: Sequence[Rule],
                  dictionary: Knowledge | None, stored: dict[str, Actor]) -> list[Article]:
    """Apply the corpus step to a batch of analyzed articles (in place; returned for convenience)."""
    seen: list[tuple[str | None, str, str, str | None]] = []  # (of, actor, role, date) from this batch
    for article in sorted(articles, key=lambda a: a.date or ""):
        names = {a.id: a for a in article.actors}
        added: list[Mention] = []
        descriptors = []
        for d in article.descriptors:
            if d.actor is None and d.role:
                candidates = holders(d.of) + [(aid, role, date) for of, aid, role, date in seen if of == d.of]
                aid = _pick(candidates, d.role, article.date)
                if aid:
                    d = replace(d, actor=aid)
                    added.append(Mention(aid, d.start, d.end, d.text, "role"))
                    if aid not in names and aid in stored:
                        names[aid] = stored[aid]
            descriptors.append(d)
        article.descriptors = descriptors
        if added:
            article.mentions = sorted([*article.mentions, *added], key=lambda m: (m.start, -m.end))
            article.actors = sorted(names.values(), key=lambda a: a.id)
        if dictionary is not None:
            article.actors = [_with_dictionary(a, dictionary, article.date) for a in article.actors]
        for d in article.descriptors:
            if d.actor and d.role and d.kind != "description":
                seen.append((d.of, d.actor, d.role, article.date))
        if rules:
            apply_rules(article, rules, stored)
    return list(articles)


def _with_dictionary(actor: Actor, dictionary: Knowledge, date: str | None) -> Actor:
    if actor.country and actor.sector:
        return actor
    entry = dictionary.lookup(actor.name, date)
    if entry is None:
        return actor
    return replace(actor, country=actor.country or entry.country, sector=actor.sector or entry.sector)
