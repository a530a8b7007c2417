"""`newsgraph resolve`: a name (with a date and context) -> the actor it means, or None.

With a store, names resolve against it (its actors, curation and imported dictionaries,
`Corpus.resolve`); without one, against the built-in dated actor table (`resolve.names`).
Batches come as `NAME<TAB>DATE` lines, the date optional.
"""
from __future__ import annotations

import os
from types import TracebackType
from typing import Any

from . import query
from .resolve.names import resolve_name


class NameLookup:
    """Resolves names against the store at `db` if that file exists, else the built-in actor table."""

    def __init__(self, db: str) -> None:
        self._corpus = query.open(db) if os.path.exists(db) else None

    def resolve(self, name: str, date: str | None = None, context: str | None = None) -> dict[str, Any] | None:
        """The actor as a dict (id, name, type, country, sector, role at `date`...), None for a non-actor."""
        if self._corpus is not None:
            return self._corpus.resolve(name, date, context)
        got = resolve_name(name, date, context)
        return got.to_dict() if got else None

    def close(self) -> None:
        if self._corpus is not None:
            self._corpus.close()

    def __enter__(self) -> NameLookup:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def batch_line(line: str, default_date: str | None = None) -> tuple[str, str | None] | None:
    """`NAME<TAB>DATE` -> (name, date); a missing or blank date is `default_date`; a blank line is None."""
    if not line.strip():
        return None
    parts = line.rstrip("\n").split("\t")
    return parts[0], parts[1].strip() if len(parts) > 1 and parts[1].strip() else default_date
