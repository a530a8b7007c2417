"""Shared by the resolvers: name normalisation (folding, articles, possessives) and the token list of the Doc
being resolved, built once."""
from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from spacy.tokens import Doc, Token

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


class _LastDoc(threading.local):
    """The tokens and sentence starts of the Doc being resolved in this thread, built once: iterating or
    indexing a Doc makes a new Token object each time, and the resolvers walk the same Doc a dozen times.
    Thread-local, so two threads resolving two Docs never see each other's tokens."""

    def __init__(self) -> None:
        self.doc: Doc | None = None
        self.tokens: list[Token] = []
        self.sentence_chars: list[int] = []
        self.text = ""


_LAST = _LastDoc()


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list (for the Doc last asked about in this thread; see `_LastDoc`)."""
    last = _LAST
    if last.doc is not doc or len(last.tokens) != len(doc):
        last.doc, last.tokens, last.text = doc, list(doc), doc.text
        last.sentence_chars = [t.idx for t in last.tokens if t.is_sent_start] if doc.has_annotation("SENT_START") \
            else [0]
    return last.tokens


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where the Doc's sentences start (computed with `tokens`)."""
    tokens(doc)
    return _LAST.sentence_chars


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once (`Doc.text` joins every token each time it is read)."""
    tokens(doc)
    return _LAST.text
