"""A bare definite institution noun that speaks refers back to the one such institution named before it:
"Somalia's government said ... The government said" (Somalia), "the Sudanese army said ... The military
said" (the army of Sudan). The table `data/institution_back_references.tsv` says which mention heads a
back-reference may take ("the military" an earlier "army", "armed forces" or "junta"); the antecedent is
the actor of those mentions when they all name one actor (Poesio & Vieira 1998: a definite description
referring back by a synonym or hypernym of its antecedent's head). Mentions inside quoted passages do
not count: the words a speaker quotes are not the writer's antecedents.
"""
from __future__ import annotations

from functools import cache

from ...lexicon import table
from .index import ArticleIndex

PACKAGE = "newsgraph.extract"
#: the actor types an institution back-reference may stand for (a government speaks for its state)
INSTITUTION_TYPES = ("ORG", "GPE")


@cache
def back_references() -> dict[str, tuple[str, ...]]:
    """Back-reference phrase -> the mention heads it refers back to (`data/institution_back_references.tsv`)."""
    return {phrase.lower(): tuple(h.strip().lower() for h in heads.split("|"))
            for phrase, heads in table(PACKAGE, "institution_back_references.tsv", 2, min_columns=2)}


def institution_referent(index: ArticleIndex, lo: int, hi: int) -> str | None:
    """The actor the definite phrase [lo, hi) ("the government") refers back to, or None: not such a
    phrase, no antecedent named before it, or antecedents naming two actors."""
    words = [t.lower_ for t in index.doc[lo:hi]]
    if len(words) < 2 or words[0] != "the":
        return None
    heads = back_references().get(" ".join(words[1:]))
    if heads is None:
        return None
    start = index.doc[lo].idx
    found: set[str] = set()
    for m in index.mentions[:index.first_mention_at(start)]:
        text = index.text[m.start:m.end].lower()
        actor = index.actors.get(m.actor)
        if actor is None or actor.type not in INSTITUTION_TYPES or index.in_passage(m.start):
            continue
        if any(text == h or text.endswith(" " + h) for h in heads):
            found.add(m.actor)
    return found.pop() if len(found) == 1 else None
