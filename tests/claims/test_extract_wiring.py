"""`extract` over several files: every quote carries a claim id, the ids are shared across the files of
one run (even when each file is its own batch), and coverage of one story shares a story cluster."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from newsgraph.ingest import extract

FIRST = {"id": "bridge-one", "date": "2024-05-02", "outlet": "Riverside Herald",
         "title": "Minister says bridge will open in spring",
         "text": "Transport Minister Ana Varga said on Thursday that the new bridge over the Lena river will open to "
                 "traffic next spring. \"The new bridge over the river will open to traffic next spring,\" Varga told "
                 "reporters in the capital. The project has cost more than expected."}
SECOND = {"id": "bridge-two", "date": "2024-05-03", "outlet": "Valley Times",
          "title": "Bridge to open next spring, minister says",
          "text": "The new bridge across the Lena river would open to traffic next spring, Transport Minister Ana Varga "
                  "said on Thursday. Local businesses have waited years for the crossing. \"The new bridge across the "
                  "river will open to traffic next spring,\" Varga said."}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[dict]:
    folder = tmp_path_factory.mktemp("bridge")
    paths = []
    for name, record in (("a.jsonl", FIRST), ("b.jsonl", SECOND)):
        (folder / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
        paths.append(str(Path(folder / name)))
    return [a.to_dict() for a in extract(paths, batch_size=1)]


def test_every_quote_has_a_claim(extracted) -> None:
    assert all(q["claim"] for a in extracted for q in a["quotes"])


def test_claim_ids_are_shared_across_files(extracted) -> None:
    first, second = ({q["claim"] for q in a["quotes"]} for a in extracted)
    assert first & second


def test_coverage_of_one_story_shares_a_story_cluster(extracted) -> None:
    assert extracted[0]["story_cluster"] == extracted[1]["story_cluster"] is not None


def test_load_of_shards_clusters_the_quotes_in_the_store(tmp_path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    paths = []
    for name, record in (("a.jsonl", FIRST), ("b.jsonl", SECOND)):
        (tmp_path / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
        paths.append(str(tmp_path / name))
    runner, db = CliRunner(), str(tmp_path / "loaded.duckdb")
    assert runner.invoke(app, ["extract", *paths, "--out", str(tmp_path / "shards")]).exit_code == 0
    assert runner.invoke(app, ["load", str(tmp_path / "shards"), "--db", db]).exit_code == 0
    with duckdb.connect(db, read_only=True) as con:
        quotes = con.execute("SELECT article_id || ':' || idx, claim FROM quotes ORDER BY 1").fetchall()
        members = con.execute("SELECT quote_id, claim_id FROM claim_members ORDER BY 1").fetchall()
    assert quotes and quotes == members


UNDATED = {"id": "bridge-three", "outlet": "Lena Blog",
           "text": "Ana Varga said the new bridge over the Lena river will open to traffic next spring. "
                   "Critics in the capital called the project a waste of money."}


def test_claim_and_story_ids_do_not_depend_on_the_batch_size(tmp_path) -> None:
    """Out of date order, with an undated article between: one batch gives what batches of one give."""
    path = tmp_path / "bridge.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (SECOND, UNDATED, FIRST)), encoding="utf-8")

    def ids(batch_size: int) -> list[tuple[list[str], str]]:
        return [([q["claim"] for q in a["quotes"]], a["story_cluster"])
                for a in (x.to_dict() for x in extract([str(path)], batch_size=batch_size))]

    one_by_one = ids(1)
    assert len(one_by_one) == 3 and all(claims for claims, _ in one_by_one)
    assert ids(3) == one_by_one
