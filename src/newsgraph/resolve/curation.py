"""Curation by an analyst: merge, split, alias and rename, kept in the store and re-applied on ingest.

A rule is (op, actor id, value): `merge` A ← B (value = B's id: B's mentions, quotes, events and
descriptors become A's), `alias` (value = a folded alias: mentions written so become A's),
`split` (value = a folded alias: A's mentions written so become a new actor of their own,
id = hash of `split:A:alias`), `rename` (value = the new canonical name). Rules apply in the
order they were made; `apply_rules` rewrites a freshly analyzed article the way the store's
rows were rewritten when the rule was made, so curation survives every later ingest.
The CSV form (`export`/`import`) is `op,actor,actor_name,value`.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..model import Actor, Article
from .actors import actor_id
from .text import fold

OPS = ("merge", "split", "alias", "rename")


@dataclass(frozen=True)
class Rule:
    """One curation rule: `op` on `actor` (an id) with `value` (see the module docstring)."""

    op: str
    actor: str
    value: str
    actor_name: str | None = None


def split_id(actor: str, alias: str) -> str:
    """The id of the actor that `split` makes of `actor`'s mentions written as `alias`."""
    return actor_id(f"split:{actor}:{fold(alias)}")


def _remap(article: Article, mapping: dict[str, str]) -> None:
    """Replace actor ids everywhere in an article (mentions were already remapped by the caller if partial)."""
    if not mapping:
        return
    def get(x: str | None) -> str | None:
        return mapping.get(x, x) if x else x

    article.mentions = [replace(m, actor=mapping.get(m.actor, m.actor)) for m in article.mentions]
    article.quotes = [replace(q, speaker=get(q.speaker)) for q in article.quotes]
    article.events = [replace(e, source=get(e.source), target=get(e.target)) for e in article.events]
    article.descriptors = [replace(d, actor=get(d.actor), of=get(d.of)) for d in article.descriptors]


def _ensure(article: Article, actor: Actor) -> None:
    if all(a.id != actor.id for a in article.actors):
        article.actors = sorted([*article.actors, actor], key=lambda a: a.id)


def _drop_unmentioned(article: Article, keep: Iterable[str] = ()) -> None:
    used = {m.actor for m in article.mentions} | {q.speaker for q in article.quotes} | \
        {e.source for e in article.events} | {e.target for e in article.events} | set(keep)
    article.actors = [a for a in article.actors if a.id in used]


def apply_rules(article: Article, rules: Sequence[Rule], names: dict[str, Actor]) -> Article:
    """Rewrite one analyzed article by the curation rules, in order. `names`: stored actors by id."""
    for rule in rules:
        actors = {a.id: a for a in article.actors}
        if rule.op == "merge":
            if rule.value in actors:
                target = actors.get(rule.actor) or names.get(rule.actor) or replace(actors[rule.value], id=rule.actor)
                old = actors[rule.value]
                merged = replace(target, aliases=tuple(dict.fromkeys([*target.aliases, old.name, *old.aliases])))
                article.actors = [a for a in article.actors if a.id not in {rule.value, rule.actor}]
                _ensure(article, merged)
                _remap(article, {rule.value: rule.actor})
        elif rule.op == "alias":
            hits = [m for m in article.mentions if fold(m.text) == rule.value and m.actor != rule.actor]
            if hits:
                named = actors.get(rule.actor) or names.get(rule.actor)
                if named is None:
                    continue
                moved = {m.actor for m in hits}
                article.mentions = [replace(m, actor=rule.actor) if m in hits else m for m in article.mentions]
                still = {m.actor for m in article.mentions}
                _remap(article, {a: rule.actor for a in moved if a not in still})
                _ensure(article, named)
                _drop_unmentioned(article)
        elif rule.op == "split":
            hits = [m for m in article.mentions if m.actor == rule.actor and fold(m.text) == rule.value]
            if hits:
                new_id = split_id(rule.actor, rule.value)
                base = actors.get(rule.actor) or names.get(rule.actor)
                article.mentions = [replace(m, actor=new_id) if m in hits else m for m in article.mentions]
                _ensure(article, names.get(new_id) or Actor(new_id, hits[0].text, base.type if base else "PERSON",
                                                             base.country if base else None, (), base.sector if base else None))
                _drop_unmentioned(article)
        elif rule.op == "rename":
            if rule.actor in actors:
                old = actors[rule.actor]
                article.actors = [replace(a, name=rule.value, aliases=tuple(dict.fromkeys([*a.aliases, old.name])))
                                  if a.id == rule.actor else a for a in article.actors]
    return article


def to_csv(rules: Sequence[Rule]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["op", "actor", "actor_name", "value"])
    for r in rules:
        writer.writerow([r.op, r.actor, r.actor_name or "", r.value])
    return out.getvalue()


def from_csv(text: str) -> list[Rule]:
    """Rules from the CSV that `to_csv` writes; raises ValueError naming the bad line."""
    rules = []
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        op = (row.get("op") or "").strip()
        if op not in OPS:
            raise ValueError(f"line {n}: op is {op!r}, not one of {', '.join(OPS)}")
        if not row.get("actor") or row.get("value") is None:
            raise ValueError(f"line {n}: needs actor and value")
        rules.append(Rule(op, row["actor"].strip(), row["value"].strip(), row.get("actor_name") or None))
    return rules
