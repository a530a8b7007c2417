"""Name normalisation shared by the resolvers: folding, articles and possessives."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case-, accent- and space-insensitive key: 'Rütte' and 'RUTTE' both give 'rutte'."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).strip().lower()


def bare(name: str) -> str:
    """Drop a leading article and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    name = _LEADING_ARTICLE.sub("", name.strip())
    return _POSSESSIVE.sub("", name).strip()
