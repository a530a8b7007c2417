"""The Ray engine in local mode (2 CPUs) on the bundled examples: same store as a single-process ingest."""
from __future__ import annotations

import builtins
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsgraph import query
from newsgraph.cli import app
from newsgraph.errors import RayNotInstalledError
from newsgraph.export import export_jsonl
from newsgraph.ingest import ingest, load
from newsgraph.store import parquet

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def _jsonl(db: str, out: Path) -> str:
    with query.open(db) as corpus:
        export_jsonl(corpus, str(out))
    return out.read_text()


def _counts(db: str) -> dict[str, int]:
    con = duckdb.connect(db, read_only=True)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in parquet.table_names(con)}
    finally:
        con.close()


def test_without_ray_the_error_says_how_to_install_it(monkeypatch):
    from newsgraph.engines import ray as engine

    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError("No module named 'ray'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(RayNotInstalledError) as info:
        engine.run([str(EXAMPLES)], "/nonexistent")
    assert "pip install 'newsgraph[ray]'" in str(info.value) and str(info.value).startswith("NG091")


def test_engine_ray_needs_out():
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--engine", "ray"])
    assert result.exit_code == 1 and "pass --out DIR" in result.output


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[test]' (or 'newsgraph[ray]') "
                                            "to run the Ray engine tests")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def ray_shards(ray_local, tmp_path_factory) -> tuple[Path, object]:
    from newsgraph.engines import ray as engine

    out = tmp_path_factory.mktemp("ray") / "shards"
    errors: list[str] = []
    summary = engine.run([str(EXAMPLES)], str(out), shard_size=4, on_error=errors.append)
    assert errors == []
    return out, summary


def test_ray_output_loaded_equals_single_process_ingest_row_for_row(ray_shards, tmp_path):
    out, summary = ray_shards
    assert (summary.read, summary.stored, summary.failed) == (6, 6, 0)
    assert len(summary.shards) == 2  # two map_batches calls of up to 4 articles
    reference, loaded = str(tmp_path / "ingest.duckdb"), str(tmp_path / "ray.duckdb")
    ingest([str(EXAMPLES)], reference)
    result = load(loaded, str(out))
    assert (result.loaded, result.articles, result.failed) == (2, 6, 0)
    assert _counts(loaded) == _counts(reference)
    assert _jsonl(loaded, tmp_path / "ray.jsonl") == _jsonl(reference, tmp_path / "ingest.jsonl")
    again = load(loaded, str(out))
    assert (again.articles, again.present) == (0, 6) and _counts(loaded) == _counts(reference)


def test_ray_shards_have_the_store_tables_and_columns(ray_shards):
    out, summary = ray_shards
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["shards"] == summary.shards
    for table, columns in parquet.store_schema().items():
        files = sorted((out / table).glob("*.parquet"))
        assert len(files) == 2
        assert all(pq.read_schema(f).names == columns for f in files)
        assert sum(pq.read_metadata(f).num_rows for f in files) == sum(s[table] for s in summary.shards.values())


def test_cli_extract_engine_ray(ray_local, tmp_path):
    out = tmp_path / "cli"
    result = runner.invoke(app, ["extract", str(EXAMPLES / "wire_briefs.jsonl"), "--engine", "ray", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 2 article(s) in 1 shard(s)" in result.output
    assert runner.invoke(app, ["load", str(out), "--db", str(tmp_path / "x.duckdb")]).exit_code == 0


def test_bucket_paths_go_through_rays_own_readers(ray_local, tmp_path):
    """A URI (here Ray's `local://`, read like s3:// or gs://) is read by `ray.data.read_binary_files`."""
    from newsgraph.engines import ray as engine

    out = tmp_path / "bucket"
    summary = engine.run([f"local://{EXAMPLES}"], str(out), shard_size=4)
    assert (summary.read, summary.stored, summary.failed) == (6, 6, 0)
    reference, loaded = str(tmp_path / "ingest.duckdb"), str(tmp_path / "bucket.duckdb")
    ingest([str(EXAMPLES)], reference)
    load(loaded, str(out))
    assert _jsonl(loaded, tmp_path / "bucket.jsonl") == _jsonl(reference, tmp_path / "ingest.jsonl")
