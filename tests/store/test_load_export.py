"""Parquet shards -> `load`, and `export` as JSONL, Parquet and GraphML.

The shards here come from the local engine (`extract --out`); tests/engines/test_ray.py checks
that the Ray engine writes the same thing.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import networkx as nx
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsgraph import query, store
from newsgraph.cli import app
from newsgraph.engines.shard_writer import ShardWriter
from newsgraph.errors import ShardError
from newsgraph.export import export_graphml, export_jsonl, export_parquet
from newsgraph.ingest import extract, ingest, load
from newsgraph.store import parquet

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def counts(db: str) -> dict[str, int]:
    con = duckdb.connect(db, read_only=True)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in parquet.table_names(con)}
    finally:
        con.close()


def jsonl(db: str, tmp: Path, **selection: str) -> str:
    out = tmp / f"{Path(db).stem}-{len(list(tmp.iterdir()))}.jsonl"
    with query.open(db) as corpus:
        export_jsonl(corpus, str(out), **selection)
    return out.read_text()


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("load_export")


@pytest.fixture(scope="module")
def ingested(work) -> str:
    """The examples stored by a single-process ingest: the reference."""
    db = str(work / "ingested.duckdb")
    summary = ingest([str(EXAMPLES)], db)
    assert summary.stored == 6 and summary.failed == 0
    return db


@pytest.fixture(scope="module")
def shards(work) -> Path:
    """The examples as Parquet shards of 4 articles (so 2 shards) from the local engine."""
    out = work / "shards"
    writer = ShardWriter(str(out), shard_size=4)
    for article in extract([str(EXAMPLES)]):
        writer.add(article)
    writer.close()
    assert len(writer.shards) == 2
    return out


@pytest.fixture
def copy_of(shards, tmp_path):
    def make() -> Path:
        target = tmp_path / "shards"
        shutil.copytree(shards, target)
        return target
    return make


# ---------------------------------------------------------------- shards


def test_shards_have_exactly_the_store_columns(shards):
    schema = parquet.store_schema()
    manifest = json.loads((shards / "manifest.json").read_text())
    assert manifest["format"] == "newsgraph-shards"
    assert manifest["schema_version"] == store.SCHEMA_VERSION
    assert manifest["tables"] == schema
    for table, columns in schema.items():
        files = sorted((shards / table).glob("*.parquet"))
        assert len(files) == 2, table  # every table has a file in every shard, empty or not
        for f in files:
            assert pq.read_schema(f).names == columns
            assert pq.read_metadata(f).metadata[b"newsgraph.schema_version"] == str(store.SCHEMA_VERSION).encode()


def test_load_equals_single_process_ingest_row_for_row(shards, ingested, tmp_path):
    db = str(tmp_path / "loaded.duckdb")
    summary = load(db, str(shards))
    assert (summary.loaded, summary.articles, summary.present, summary.failed) == (2, 6, 0, 0)
    assert counts(db) == counts(ingested)
    assert jsonl(db, tmp_path) == jsonl(ingested, tmp_path)


def test_loading_twice_changes_nothing(shards, tmp_path):
    db = str(tmp_path / "twice.duckdb")
    load(db, str(shards))
    before, text = counts(db), jsonl(db, tmp_path)
    again = load(db, str(shards))
    assert (again.loaded, again.articles, again.present) == (2, 0, 6)
    assert counts(db) == before
    assert jsonl(db, tmp_path) == text


def test_actors_from_different_shards_merge_by_id(shards, tmp_path):
    db = str(tmp_path / "merge.duckdb")
    load(db, str(shards))
    con = duckdb.connect(db, read_only=True)
    in_shards = con.execute(f"SELECT count(*) FROM read_parquet('{shards}/actors/*.parquet')").fetchall()[0][0]
    distinct = con.execute(f"SELECT count(DISTINCT id) FROM read_parquet('{shards}/actors/*.parquet')").fetchall()[0][0]
    stored = con.execute("SELECT count(*) FROM actors").fetchall()[0][0]
    con.close()
    assert in_shards > distinct == stored  # Russia, NATO, ... are in both shards, stored once


def test_load_into_a_store_that_has_the_articles_already(shards, ingested, tmp_path):
    db = tmp_path / "has.duckdb"
    shutil.copy(ingested, db)
    before = counts(str(db))
    summary = load(str(db), str(shards))
    assert (summary.articles, summary.present) == (0, 6)
    assert counts(str(db)) == before


# ---------------------------------------------------------------- bad shards


def _shard_files(directory: Path, shard: str) -> list[Path]:
    return sorted(directory.glob(f"*/{shard}.parquet"))


def test_shard_of_another_schema_version_is_refused_and_the_rest_loads(copy_of, tmp_path):
    directory = copy_of()
    bad, good = sorted(json.loads((directory / "manifest.json").read_text())["shards"])
    f = directory / "mentions" / f"{bad}.parquet"
    table = pq.read_table(f)
    meta = {**table.schema.metadata, b"newsgraph.schema_version": b"1"}
    pq.write_table(table.replace_schema_metadata(meta), f)
    db = str(tmp_path / "version.duckdb")
    errors: list[ShardError] = []
    summary = load(db, str(directory), on_error=errors.append)
    assert summary.loaded == 1 and summary.failed == 1
    (error,) = errors
    message = str(error)
    assert message.startswith(f"NG090 shard {bad}:") and "\n" not in message
    assert "schema version 1" in message and "nothing of this shard was loaded" in message
    good_ids = set(pq.read_table(directory / "articles" / f"{good}.parquet")["id"].to_pylist())
    con = duckdb.connect(db, read_only=True)
    stored = {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    orphans = con.execute("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)").fetchall()[0][0]
    con.close()
    assert stored == good_ids and orphans == 0


@pytest.mark.parametrize("table", ["articles", "quotes"])
def test_truncated_shard_is_refused_and_loads_nothing(copy_of, tmp_path, table):
    directory = copy_of()
    bad = sorted(json.loads((directory / "manifest.json").read_text())["shards"])[0]
    f = directory / table / f"{bad}.parquet"
    data = f.read_bytes()
    f.write_bytes(data[: len(data) // 2])
    db = str(tmp_path / "truncated.duckdb")
    summary = load(db, str(directory))
    assert summary.loaded == 1
    (error,) = summary.errors
    assert "truncated or corrupt" in str(error) and str(f) in str(error)
    con = duckdb.connect(db, read_only=True)
    bad_ids = pq.read_table(directory / "articles" / f"{bad}.parquet")["id"].to_pylist() if table != "articles" else []
    assert con.execute("SELECT count(*) FROM articles WHERE list_contains(?, id)", [bad_ids]).fetchall()[0][0] == 0
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] < 6
    con.close()


def test_incomplete_shard_is_refused(copy_of, tmp_path):
    directory = copy_of()
    bad = sorted(json.loads((directory / "manifest.json").read_text())["shards"])[0]
    (directory / "events" / f"{bad}.parquet").unlink()
    summary = load(str(tmp_path / "incomplete.duckdb"), str(directory))
    (error,) = summary.errors
    assert "incomplete" in str(error) and "events" in str(error)


def test_cli_load_reports_a_bad_shard_on_one_line_and_exits_1(copy_of, tmp_path):
    directory = copy_of()
    bad = sorted(json.loads((directory / "manifest.json").read_text())["shards"])[0]
    f = directory / "actors" / f"{bad}.parquet"
    f.write_bytes(f.read_bytes()[:100])
    db = str(tmp_path / "cli.duckdb")
    result = runner.invoke(app, ["load", str(directory), "--db", db])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: NG090")]
    assert len(errors) == 1 and bad in errors[0]
    assert "1 of 2 shard(s) loaded" in result.output


def test_cli_load_of_a_missing_folder(tmp_path):
    result = runner.invoke(app, ["load", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "no such folder of Parquet shards" in result.output


# ---------------------------------------------------------------- exports


def test_jsonl_export_is_the_extract_contract_sorted_by_id(ingested, tmp_path):
    lines = jsonl(ingested, tmp_path).splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == sorted(r["id"] for r in records) and len(records) == 6
    with query.open(ingested) as corpus:
        for r in records:
            assert r == corpus.article(r["id"]).to_dict()
            assert list(r) == list(corpus.article(r["id"]).to_dict())
    for r in records:
        assert [a["id"] for a in r["actors"]] == sorted(a["id"] for a in r["actors"])
        assert all(a["aliases"] == sorted(a["aliases"]) for a in r["actors"])


def test_jsonl_export_filters(ingested, tmp_path):
    with query.open(ingested) as corpus:
        every = corpus.article_ids()
        rutte = corpus.article_ids(actor="Rutte")
        november = corpus.article_ids(since="2024-11-01", until="2024-11-30")
        dates = {i: corpus.article(i).date for i in every}
        assert all("Mark Rutte" in {a.name for a in corpus.article(i).actors} for i in rutte)
    assert 0 < len(rutte) < len(every)
    assert november == sorted(i for i, d in dates.items() if d and "2024-11-01" <= d <= "2024-11-30")
    lines = jsonl(ingested, tmp_path, actor="Rutte", since="2024-11-01").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [i for i in rutte if dates[i] >= "2024-11-01"]


def test_parquet_export_reads_back_and_loads_into_another_store(ingested, tmp_path):
    out = tmp_path / "export"
    with query.open(ingested) as corpus:
        written = export_parquet(corpus, str(out))
    assert written == counts(ingested)
    for table, columns in parquet.store_schema().items():
        read = pq.read_table(out / table / "export.parquet")
        assert read.column_names == columns and read.num_rows == written[table]
    db = str(tmp_path / "from-export.duckdb")
    assert load(db, str(out)).articles == 6
    assert jsonl(db, tmp_path) == jsonl(ingested, tmp_path)


def test_parquet_export_of_a_selection(ingested, tmp_path):
    out = tmp_path / "rutte"
    with query.open(ingested) as corpus:
        ids = corpus.article_ids(actor="Rutte")
        export_parquet(corpus, str(out), actor="Rutte")
    assert sorted(pq.read_table(out / "articles" / "export.parquet")["id"].to_pylist()) == ids
    assert set(pq.read_table(out / "mentions" / "export.parquet")["article_id"].to_pylist()) == set(ids)
    actors = set(pq.read_table(out / "actors" / "export.parquet")["id"].to_pylist())
    assert set(pq.read_table(out / "mentions" / "export.parquet")["actor_id"].to_pylist()) <= actors


def test_graphml_export_reads_back_in_networkx(ingested, tmp_path):
    out = tmp_path / "actors.graphml"
    with query.open(ingested) as corpus:
        nodes, edges = export_graphml(corpus, str(out))
        mentions = {a.id: a.mentions for a in corpus.actors()}
    g = nx.read_graphml(out)
    assert isinstance(g, nx.MultiDiGraph) and (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges)
    for node, data in g.nodes(data=True):
        assert {"name", "type", "mentions"} <= set(data)
        assert data["mentions"] == mentions.get(node, 0)
    kinds = {d["kind"] for _, _, d in g.edges(data=True)}
    assert kinds == {"event", "quote"}
    con = duckdb.connect(ingested, read_only=True)
    events = con.execute("SELECT count(*) FROM events WHERE source IS NOT NULL AND target IS NOT NULL").fetchall()[0][0]
    con.close()
    assert sum(d["count"] for _, _, d in g.edges(data=True) if d["kind"] == "event") == events
    russia = next(n for n, d in g.nodes(data=True) if d["name"] == "Russia")
    assert g.nodes[russia]["country"] == "RUS" and g.nodes[russia]["type"] == "GPE"


def test_cli_export_each_format(ingested, tmp_path):
    for fmt, out in [("jsonl", tmp_path / "a.jsonl"), ("parquet", tmp_path / "pq"), ("graphml", tmp_path / "g.graphml")]:
        result = runner.invoke(app, ["export", "--db", ingested, "--format", fmt, "--out", str(out),
                                     "--since", "2024-10-01", "--until", "2024-12-31", "--actor", "NATO"])
        assert result.exit_code == 0, result.output
        assert out.exists()
    assert runner.invoke(app, ["export", "--db", ingested, "--out", str(tmp_path / "x"), "--since", "2024-13-01"]).exit_code != 0
    bad = runner.invoke(app, ["export", "--db", ingested, "--out", str(tmp_path / "y"), "--actor", "Nobody At All"])
    assert bad.exit_code == 1 and "NG005" in bad.output


def test_cli_extract_out_then_load(tmp_path, ingested):
    out, db = tmp_path / "cli-shards", str(tmp_path / "cli.duckdb")
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["load", str(out), "--db", db]).exit_code == 0
    assert jsonl(db, tmp_path) == jsonl(ingested, tmp_path)


def test_batched_article_reads_equal_one_by_one(ingested):
    """`Corpus.articles` (the export's reader: a handful of queries per chunk) returns exactly
    what `Corpus.article` returns article by article, in the order asked, across chunk edges."""
    import newsgraph

    with newsgraph.open(ingested) as corpus:
        ids = corpus.article_ids()
        assert len(ids) >= 4
        asked = list(reversed(ids)) + ["no-such-article"]
        batched = [a.to_dict() for a in corpus.articles(asked, chunk=3)]
        single = [corpus.article(i).to_dict() for i in reversed(ids)]
    assert batched == single
    assert any(d["quotes"] for d in batched) and any(d["events"] for d in batched)
