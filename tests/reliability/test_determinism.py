"""The store after ingest is the same whatever the batch size, the worker count, the engine, or where a
run was interrupted: one invented corpus (reliability_corpus.py) ingested every way, exports compared
byte for byte.

The corpus is built to make order matter if anything lets it: dates out of input order, undated
articles, an office held by two people in turn with bare descriptions of it ("the Zembla League
president"), syndicated copies, one claim reported by several outlets, repeated ids and URLs.

Every decision that involves other articles (a description's holder: resolve/corpus.py; claim and story
clusters: claims/index.py, claims/stories.py) takes the articles one at a time in input order, each seeing
only those before it, so a batch decides what batches of one would.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from reliability_corpus import exported, write_corpus

from newsgraph.engines.shard_writer import ShardWriter, shard_name
from newsgraph.ingest import ingest, load
from newsgraph.model import Article
from newsgraph.pipeline import analyze
from newsgraph.readers import read
from newsgraph.store import parquet


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> str:
    """One uninterrupted ingest, one batch of 64, one process."""
    db = str(tmp_path_factory.mktemp("reference") / "reference.duckdb")
    summary = ingest([str(corpus)], db, batch_size=64, workers=1)
    assert summary.stored == 24 and summary.failed == 0
    return exported(db)


def test_batches_of_8_store_what_one_batch_of_64_stores(corpus, reference, tmp_path):
    db = str(tmp_path / "b8.duckdb")
    ingest([str(corpus)], db, batch_size=8, workers=1)
    assert exported(db) == reference


def test_two_worker_processes_store_what_one_process_stores(corpus, reference, tmp_path):
    db = str(tmp_path / "w2.duckdb")
    ingest([str(corpus)], db, batch_size=4, workers=2)
    assert exported(db) == reference


def test_a_run_interrupted_then_resumed_stores_what_one_run_stores(corpus, reference, tmp_path):
    """An ingest that stopped after 9 articles (3 batches of 3), then the same command again with another
    batch size: the resumed run skips what is stored and ends where an uninterrupted run ends."""
    db = str(tmp_path / "resumed.duckdb")
    ingest([str(corpus)], db, batch_size=3, workers=1, limit=9)
    resumed = ingest([str(corpus)], db, batch_size=64, workers=1)
    assert resumed.skipped == 9
    assert exported(db) == reference


def test_ray_shards_loaded_store_what_ingest_stores(corpus, reference, tmp_path):
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[test]' (or 'newsgraph[ray]')")
    from newsgraph.engines import ray as engine

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        summary = engine.run([str(corpus)], str(tmp_path / "shards"), shard_size=5, batch_size=5)
    finally:
        ray.shutdown()
    assert summary.stored == 24 and len(summary.shards) == 5
    db = str(tmp_path / "ray.duckdb")
    load(db, str(tmp_path / "shards"))
    assert exported(db) == reference


# ---------------------------------------------------------------- one phenomenon each

HOLDERS = [  # an office held by two people in turn, and a description of it dated between them
    ("2023-05-10", "a.example", "Zembla League President Kari Holm opened the trade fair in Varno on Tuesday."),
    ("2021-03-02", "b.example", "The Zembla League president cancelled the spring fair, officials said."),
    ("2019-04-01", "a.example", "Zembla League President Ola Nordmann signed a trade agreement with Karelia."),
]


def _role_holder(db: str) -> str | None:
    """Who the 2021 description was resolved to."""
    for line in exported(db).splitlines():
        article = json.loads(line)
        if article["text"].startswith("The Zembla League president"):
            names = {a["id"]: a["name"] for a in article["actors"]}
            return next((names.get(m["actor"]) for m in article["mentions"] if m["how"] == "role"), None)
    raise AssertionError("the description's article is not stored")


def test_a_description_goes_to_the_same_holder_whatever_the_batches(tmp_path):
    """Read one by one, the 2021 description knows only Kari Holm (2023) when it is stored; read in one
    batch, it must not see Ola Nordmann (2019), read after it."""
    path = write_corpus(tmp_path / "in", HOLDERS, [])
    one_by_one, together = str(tmp_path / "one.duckdb"), str(tmp_path / "all.duckdb")
    ingest([str(path)], one_by_one, batch_size=1, workers=1)
    ingest([str(path)], together, batch_size=3, workers=1)
    assert _role_holder(one_by_one) == "Kari Holm"
    assert _role_holder(together) == _role_holder(one_by_one)


CLAIMS = [  # one claim, reported by three outlets, read out of date order, one of them undated
    ("2024-03-05", "a.example", "\"This is a good day for both our peoples,\" Lena Aho said after the talks in Varno."),
    (None, "b.example", "Lena Aho said it was a good day for both peoples after the talks in Varno."),
    ("2024-03-04", "c.example", "\"This is a good day for both our peoples,\" Karelian minister Lena Aho said in Varno."),
    ("2024-03-06", "d.example", "Lena Aho called it a good day for both peoples, after talks in Varno."),
]


def test_claim_ids_do_not_depend_on_the_batches(tmp_path):
    path = write_corpus(tmp_path / "in", CLAIMS, [])
    one_by_one, together = str(tmp_path / "one.duckdb"), str(tmp_path / "all.duckdb")
    ingest([str(path)], one_by_one, batch_size=1, workers=1)
    ingest([str(path)], together, batch_size=4, workers=1)
    claims = [[q["claim"] for q in json.loads(line)["quotes"]] for line in exported(one_by_one).splitlines()]
    assert any(claims)
    assert [[q["claim"] for q in json.loads(line)["quotes"]] for line in exported(together).splitlines()] == claims


def test_shards_are_named_in_input_order(tmp_path):
    """`load` reads shards sorted by name: the names must sort in input order, not by their hash."""
    writer = ShardWriter(str(tmp_path / "shards"), shard_size=2)
    for i in range(7):
        writer.add(Article(id=f"z{9 - i}", source="s", date="2024-01-01", title=None, text=f"Text number {i}."))
    writer.close()
    names = list(writer.shards)
    assert names == sorted(names) and len(names) == 4
    assert names[0] == shard_name(0, [Article(id=i, source="s", date=None, title=None, text="") for i in ("z9", "z8")])
    assert sorted(parquet.find_shards(str(tmp_path / "shards"))) == names


BASE = [("2024-03-01", "a.example", "Zembla League President Kari Holm opened the fair in Vik.")]
SHARD = [("2023-01-10", "b.example", "Zembla League President Ola Nordmann signed a trade agreement."),
         ("2024-06-01", "c.example", "The Zembla League president cancelled the autumn fair.")]


def test_a_shards_descriptions_are_decided_at_load_against_the_store(tmp_path):
    """The 2024-06 description has Ola Nordmann (2023) in its own shard and Kari Holm (2024-03) in the
    store: deciding within the shard picked Nordmann; load must decide as ingest does (Holm, nearer)."""
    base = write_corpus(tmp_path / "base", BASE, [], prefix="base")
    new = write_corpus(tmp_path / "new", SHARD, [], prefix="new")
    ingested, loaded = str(tmp_path / "ingested.duckdb"), str(tmp_path / "loaded.duckdb")
    for db in (ingested, loaded):
        ingest([str(base)], db, workers=1)
    ingest([str(new)], ingested, workers=1)
    writer = ShardWriter(str(tmp_path / "shards"))
    for article in analyze([a for a in read([str(new)]) if isinstance(a, Article)]):
        writer.add(article)
    writer.close()
    load(loaded, str(tmp_path / "shards"))
    assert _role_holder(ingested) == "Kari Holm"
    assert exported(loaded) == exported(ingested)

