"""newsgraph: a source-attributed knowledge base from dated news articles.

Who said what, about whom, and who did what to whom, when — every fact traceable to the
article, sentence and character offsets it came from.
"""
from __future__ import annotations

from .errors import (BadDateError, InputError, NewsgraphError, SchemaVersionError, StoreLockedError,
                     UnknownActorError, UnknownArticleError)
from .model import Actor, Article, Block, Event, Mention, Quote
from .query import Corpus, open
from .api import extract, extract_many  # after the imports above: the function shadows the extract/ package name

__version__ = "0.1.0"

__all__ = [
    "extract", "extract_many", "open", "Corpus",
    "Actor", "Article", "Block", "Event", "Mention", "Quote", "__version__",
    "NewsgraphError", "InputError", "StoreLockedError", "SchemaVersionError", "UnknownActorError",
    "UnknownArticleError", "BadDateError",
]
