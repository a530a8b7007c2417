"""Shared fixtures: the spaCy pipeline (loaded once per session) and paths to ../shared data."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "000_fbea10270cde8c34.txt"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is absent)")
    return SEED


@pytest.fixture(scope="session")
def seed_article(seed_path):
    """The seed article read, cleaned and analyzed once for all tests."""
    from newsgraph.pipeline import analyze
    from newsgraph.readers import read

    (article,) = list(read([str(seed_path)]))
    return next(analyze([article]))


@pytest.fixture
def analyze_text():
    """Analyze one text (no cleaning) and return the Article."""
    from newsgraph.pipeline import analyze_text as run

    return run
