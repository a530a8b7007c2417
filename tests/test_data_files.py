"""Every data file of the package: a header saying what it is, rows that parse, no duplicate entries.

Word lists and tables are data (STYLE.md, "Lexicons are data, not code"); this test keeps them
readable by the one loader, `newsgraph.lexicon`, and honest about where they came from.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsgraph import lexicon

PACKAGE_ROOT = Path(lexicon.__file__).resolve().parent
DATA_FILES = sorted(p for p in PACKAGE_ROOT.rglob("data/*") if p.is_file() and p.suffix in {".txt", ".tsv"})


def _package_of(path: Path) -> str:
    return ".".join(("newsgraph", *path.parent.parent.relative_to(PACKAGE_ROOT).parts))


def test_there_are_data_files():
    assert len(DATA_FILES) >= 20


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(PACKAGE_ROOT)))
def test_data_file_has_a_header_and_parses(path: Path):
    package = _package_of(path)
    header = lexicon.header(package, path.name)
    assert header and len(" ".join(header)) >= 20, f"{path}: start the file with '#' lines saying what it is and its source"
    rows = lexicon.table(package, path.name)
    assert rows, f"{path}: no entries"
    assert all(cell == cell.strip() for row in rows for cell in row), f"{path}: a cell has stray spaces"


@pytest.mark.parametrize("path", [p for p in DATA_FILES if p.suffix == ".txt"],
                         ids=lambda p: str(p.relative_to(PACKAGE_ROOT)))
def test_word_list_has_no_duplicates(path: Path):
    entries = [row[0].lower() for row in lexicon.table(_package_of(path), path.name)]
    twice = [w for w, n in Counter(entries).items() if n > 1]
    assert not twice, f"{path}: listed twice: {twice[:10]}"
