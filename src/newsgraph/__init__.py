"""newsgraph: a source-attributed knowledge base from dated news articles.

Who said what, about whom, and who did what to whom, when — every fact traceable to the
article, sentence and character offsets it came from.
"""
from __future__ import annotations

from . import extract  # the extract/ package, callable: newsgraph.extract(text, date) -> Article
from .api import extract_many
from .curate import Curator
from .errors import (
    BadDateError,
    InputError,
    NewsgraphError,
    SchemaVersionError,
    StoreLockedError,
    UnknownActorError,
    UnknownArticleError,
)
from .model import Actor, Article, Block, Event, Mention, Quote
from .query import Corpus, open
from .summary import RunSummary

__version__ = "0.1.0"

__all__ = [
    "extract", "extract_many", "open", "Corpus", "Curator",
    "Actor", "Article", "Block", "Event", "Mention", "Quote", "RunSummary", "__version__",
    "NewsgraphError", "InputError", "StoreLockedError", "SchemaVersionError", "UnknownActorError",
    "UnknownArticleError", "BadDateError",
]
