"""Word lists and tables as data: the one loader every module reads its lexicons through.

A lexicon is a UTF-8 text file in a `data/` folder next to the module that reads it (spaCy keeps
its language tables beside `lang/en/`; textacy its `constants`). Every file starts with one or more
`#` header lines that say what the list is and where it came from; blank lines and `#` comments
are ignored. A word list holds one entry a line; a table holds tab-separated columns.

    >>> from newsgraph.lexicon import words
    >>> "say" in words("newsgraph.extract", "speech_verbs.txt")
    True

Files are read once per process (cached), so calling `words()` in a hot path is a dict lookup.
`tests/test_data_files.py` validates every data file of the package through this module.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import NewsgraphError


class LexiconError(NewsgraphError):
    """A data file is missing, has no header comment, or a row has the wrong number of columns."""

    code = "NG008"


def data_path(package: str, name: str) -> Path:
    """The file `name` in the `data/` folder of `package` (a dotted package name)."""
    return Path(str(resources.files(package))) / "data" / name


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, stripped text) of every entry line: comments and blank lines skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the lexicon ({exc.strerror}); reinstall newsgraph") from exc
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\n\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield number, line


def header(package: str, name: str) -> list[str]:
    """The leading `#` comment lines of a data file (what it is, where it came from)."""
    out = []
    for raw in data_path(package, name).read_text(encoding="utf-8").splitlines():
        if not raw.startswith("#"):
            break
        out.append(raw.lstrip("# ").rstrip())
    return out


@cache
def words(package: str, name: str, *, lower: bool = True) -> frozenset[str]:
    """A word list: one entry a line (the first tab-separated field), lower-cased unless `lower=False`."""
    out = set()
    for _, line in _lines(data_path(package, name)):
        entry = line.split("\t", 1)[0].strip()
        out.add(entry.lower() if lower else entry)
    return frozenset(out)


@cache
def ordered_words(package: str, name: str, *, lower: bool = True) -> tuple[str, ...]:
    """A word list in file order (for lists whose order matters, e.g. longest-first patterns)."""
    out = []
    for _, line in _lines(data_path(package, name)):
        entry = line.split("\t", 1)[0].strip()
        out.append(entry.lower() if lower else entry)
    return tuple(out)


@cache
def table(package: str, name: str, columns: int | None = None, *, min_columns: int = 1) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table, one row a line; with `columns`, shorter rows are padded with "" and
    longer rows are an error (so a stray tab in a data file fails loudly, not silently)."""
    path = data_path(package, name)
    rows = []
    for number, line in _lines(path):
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) < min_columns or (columns is not None and len(cells) > columns):
            want = f"{min_columns}..{columns}" if columns is not None else f"at least {min_columns}"
            raise LexiconError(f"{path}:{number}: {len(cells)} tab-separated columns, expected {want}")
        if columns is not None:
            cells = cells + ("",) * (columns - len(cells))
        rows.append(cells)
    return tuple(rows)


def mapping(package: str, name: str, *, lower: bool = True) -> dict[str, str]:
    """A two-column table as a dict (first column, lower-cased unless `lower=False` -> second)."""
    return {(k.lower() if lower else k): v for k, v, *_ in table(package, name, min_columns=2)}
