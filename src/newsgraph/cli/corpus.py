"""Opening the store for one command: a missing or locked store ends the command with its own message."""
from __future__ import annotations

from .. import query
from ..errors import NewsgraphError
from .output import fail


def open_read(db: str) -> query.Corpus:
    """The store at `db`, read-only (query commands)."""
    try:
        return query.open(db)
    except (NewsgraphError, FileNotFoundError) as exc:
        fail(exc)


def open_write(db: str) -> query.Corpus:
    """The store at `db`, writable (curation and dictionary imports)."""
    try:
        return query.open(db, read_only=False)
    except (NewsgraphError, FileNotFoundError) as exc:
        fail(exc)
