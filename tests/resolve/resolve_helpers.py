"""Small helpers for the resolution tests: who a surface form was resolved to."""
from __future__ import annotations


def actor_name(article, surface: str, how: str | None = None, nth: int = 0) -> str | None:
    """Canonical name of the actor the nth mention written `surface` (optionally with `how`) resolved to."""
    names = {a.id: a.name for a in article.actors}
    hits = [m for m in article.mentions if m.text == surface and (how is None or m.how == how)]
    if len(hits) <= nth:
        return None
    return names.get(hits[nth].actor)


def actor(article, name: str):
    return next(a for a in article.actors if a.name == name)
