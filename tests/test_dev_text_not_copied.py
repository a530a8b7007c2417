"""The development news (`../shared/eval-data/news-dev`) is read to find phenomena, never copied: no test
sentence, word list or docstring of the project may repeat a run of its words (the brief's rule "never copy
a dev sentence into the project"; a copied sentence makes the dev figure measure memory, not the rule).

Eight words in a row is the unit: shorter runs ("on the sidelines of the") occur in any news text, and
no own sentence that keeps a phenomenon but changes its actors shares eight words with the original."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval-data" / "news-dev"
RUN = 8
#: what the project writes by hand: tests, code and the data files beside it, the docs
PROJECT_GLOBS = ("tests/**/*.py", "src/**/*.py", "src/**/*.txt", "src/**/*.tsv", "src/**/*.json", "docs/**/*.md",
                 "README.md")


def _runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _dev_runs() -> dict[tuple[str, ...], str]:
    runs: dict[tuple[str, ...], str] = {}
    for path in sorted(DEV.rglob("*.txt")):
        for run in _runs(path.read_text(encoding="utf-8", errors="replace")):
            runs.setdefault(run, path.relative_to(DEV).as_posix())
    return runs


def test_no_run_of_dev_words_is_in_the_project() -> None:
    if not DEV.is_dir():
        pytest.skip(f"news-dev not found at {DEV} (../shared is absent)")
    dev = _dev_runs()
    assert dev, f"no text read from {DEV}"
    copied = sorted({
        f"{path.relative_to(ROOT)}: '{' '.join(run)}' (news-dev {dev[run]})"
        for glob in PROJECT_GLOBS for path in ROOT.glob(glob) if path.is_file()
        for run in _runs(path.read_text(encoding="utf-8", errors="replace")) if run in dev
    })
    assert not copied, "dev text copied into the project; write your own sentence:\n" + "\n".join(copied[:20])
