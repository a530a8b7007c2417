"""Opening the store for one command: a missing or locked store ends the command with its own message."""
from __future__ import annotations

from .. import query
from ..curate import Curator
from ..errors import NewsgraphError
from .output import fail


def open_read(db: str) -> query.Corpus:
    """The store at `db`, read-only (query commands)."""
    try:
        return query.open(db)
    except (NewsgraphError, FileNotFoundError) as exc:
        fail(exc)


def open_write(db: str) -> Curator:
    """The store at `db`, writable (curation and dictionary imports)."""
    try:
        return Curator(db)
    except (NewsgraphError, FileNotFoundError) as exc:
        fail(exc)
