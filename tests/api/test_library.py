"""The Python face: extract / extract_many / open, typed results, DataFrames, errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph import store
from newsgraph.cli import app
from newsgraph.errors import BadDateError, InputError, SchemaVersionError, StoreLockedError, UnknownActorError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("store") / "ng.duckdb")
    with newsgraph.Curator(path) as curator:
        summary = curator.ingest([str(EXAMPLES)])
    assert summary.failed == 0 and summary.stored >= 6
    return path


@pytest.fixture
def corpus(store_path):
    with newsgraph.open(store_path) as c:
        yield c


def test_public_surface_is_documented():
    for name in newsgraph.__all__:
        obj = getattr(newsgraph, name)
        if callable(obj):
            assert obj.__doc__, f"{name} has no docstring"
    assert newsgraph.__version__
    assert (Path(newsgraph.__file__).parent / "py.typed").exists()


def test_extract_equals_the_cli_contract(tmp_path):
    text = "date 2024-11-06 NATO Secretary General Mark Rutte said North Korea sent troops to Russia. Share\n"
    (tmp_path / "a.txt").write_text(text)
    cli = json.loads(CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt")]).stdout)
    lib = newsgraph.extract(text).to_dict()
    cli.pop("source"), lib.pop("source")
    # Claims and story clusters are a step across the articles of a run: the CLI's run assigns
    # them; a single text given to the library has no run to share them with and leaves them null.
    assert cli["story_cluster"] and all(q["claim"] for q in cli["quotes"])
    assert lib["story_cluster"] is None and all(q["claim"] is None for q in lib["quotes"])
    cli["story_cluster"] = None
    cli["quotes"] = [{**q, "claim": None} for q in cli["quotes"]]
    assert lib == cli
    assert newsgraph.extract("Russia attacked Ukraine.", "2024-01-02").date == "2024-01-02"


def test_extract_errors():
    with pytest.raises(BadDateError, match="not a date"):
        newsgraph.extract("Russia attacked Ukraine.", "02/01/2024")
    with pytest.raises(InputError, match="no article text"):
        newsgraph.extract("   ")


def test_extract_many_order_dicts_and_workers():
    items = [{"text": "Russia attacked Ukraine on Monday.", "date": "2024-03-04", "id": "x1"},
             "NATO leaders met in Brussels.", {"text": "China criticised Japan.", "title": "T"}]
    one = [a.to_dict() for a in newsgraph.extract_many(items, batch_size=2)]
    assert [a["id"] for a in one][0] == "x1" and one[2]["title"] == "T"
    two = [a.to_dict() for a in newsgraph.extract_many(items, batch_size=1, workers=2)]
    assert one == two
    with pytest.raises(InputError, match="item 1"):
        list(newsgraph.extract_many(["ok text.", {"title": "no text"}]))


def test_actors_and_actor_by_any_alias(corpus):
    people = corpus.actors(type="PERSON", top=3).to_list()
    assert people and all(p.type == "PERSON" for p in people)
    assert [p.mentions for p in people] == sorted((p.mentions for p in people), reverse=True)
    assert corpus.actor("Rutte").actor.name == "Mark Rutte"
    assert corpus.actor("mark rutte").actor.id == corpus.actor("Rutte").actor.id
    with pytest.raises(UnknownActorError, match="Nobody"):
        corpus.actor("Nobody At All")


def test_quotes_events_relation(corpus):
    by_rutte = corpus.quotes(speaker="Rutte").to_list()
    assert by_rutte and {q.speaker_name for q in by_rutte} == {"Mark Rutte"}
    about_korea = corpus.quotes(speaker="Rutte", about="North Korea").to_list()
    assert about_korea and all(q in by_rutte for q in about_korea)
    for q in about_korea:
        article = corpus.article(q.article_id)
        mentioned = {m.actor for m in article.mentions if q.start <= m.start and m.end <= q.end}
        assert corpus.actor("North Korea").actor.id in mentioned
    later = corpus.quotes(speaker="Rutte", since="2024-11-15").to_list()
    assert later and all(q.date >= "2024-11-15" for q in later) and len(later) < len(by_rutte)
    events = corpus.events(source="North Korea", target="Russia").to_list()
    assert events and all(e.source_name == "North Korea" and e.target_name == "Russia" for e in events)
    for e in events:
        assert e.trigger in e.sentence
    rel = corpus.relation("Russia", "North Korea", by="month").to_list()
    assert rel and {r.direction for r in rel} <= {"a->b", "b->a"}
    assert sum(r.events for r in rel) == (len(corpus.events(source="Russia", target="North Korea").to_list())
                                          + len(corpus.events(source="North Korea", target="Russia").to_list()))
    page1 = corpus.events(limit=3).to_list()
    page2 = corpus.events(limit=3, offset=3).to_list()
    assert len(page1) == 3 and not set((e.article_id, e.idx) for e in page1) & set((e.article_id, e.idx) for e in page2)
    with pytest.raises(BadDateError):
        corpus.events(since="last year")
    with pytest.raises(ValueError, match="by must be"):
        corpus.relation("Russia", "North Korea", by="fortnight")


def test_dataframes_and_arrow(corpus):
    df = corpus.events().to_pandas()
    assert list(df.columns)[:6] == ["article_id", "idx", "date", "type", "mode", "source"]
    assert str(df["idx"].dtype) == "int32" and df["type"].dtype == object
    table = corpus.actors().to_arrow()
    assert isinstance(table, pa.Table)
    assert table.schema.field("mentions").type == pa.int64() and table.schema.field("name").type == pa.string()
    assert table.num_rows == len(corpus.actors().to_list())
    qdf = corpus.quotes(speaker="Rutte").to_pandas()
    assert {"speaker_name", "text", "date", "cue"} <= set(qdf.columns)


def test_article_round_trip(corpus, store_path):
    some = corpus.quotes().to_list()[0]
    article = corpus.article(some.article_id)
    assert article.quotes[some.idx].text == some.text
    assert article.text[article.quotes[some.idx].start:article.quotes[some.idx].end] == some.text


def test_store_errors(tmp_path, store_path):
    import duckdb

    newer = tmp_path / "newer.duckdb"
    newer.write_bytes(Path(store_path).read_bytes())
    con = duckdb.connect(str(newer))
    con.execute("UPDATE meta SET value = '42' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaVersionError, match="Upgrade newsgraph"):
        newsgraph.open(str(newer))
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb,time; c=duckdb.connect({str(newer)!r}); print('held', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreLockedError, match="NG003"):
            store.connect(str(newer), read_only=True, wait=0.3)
    finally:
        holder.kill()
        holder.wait()


def test_corpus_only_reads_and_a_curator_writes(tmp_path):
    """Writes are the Curator's: a Corpus has no ingest or curation methods; a Curator reads its own writes."""
    writes = ("ingest", "curate", "merge", "split", "add_alias", "rename", "import_curation", "import_actors")
    assert [w for w in writes if hasattr(newsgraph.Corpus, w)] == []
    with newsgraph.Curator(str(tmp_path / "w.duckdb")) as curator:
        summary = curator.ingest([{"text": "Ines Valdera met Tomas Hrubek in Prague.", "date": "2024-05-06"}])
        curator.add_alias("Ines Valdera", "the envoy")
        assert summary.stored == 1 and curator.actor("the envoy").actor.name == "Ines Valdera"


def test_a_curator_ingests_paths_and_dicts_in_one_run(tmp_path):
    """Paths and dicts in one call are one run: one RunSummary counting both."""
    article = tmp_path / "in.txt"
    article.write_text("date 2024-05-07 Ines Valdera visited Lisbon on Tuesday.\n")
    with newsgraph.Curator(str(tmp_path / "both.duckdb")) as curator:
        summary = curator.ingest([str(article), {"text": "Tomas Hrubek met Ines Valdera in Prague.", "date": "2024-05-06"}])
    assert isinstance(summary, newsgraph.RunSummary)
    assert (summary.kind, summary.read, summary.stored, summary.failed) == ("ingest", 2, 2, 0)


def test_an_extractor_failure_keeps_the_article_and_says_so(monkeypatch, caplog):
    import newsgraph.pipeline as pipeline

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pipeline, "extract_events", broken)
    article = newsgraph.extract("Russia attacked Ukraine on Monday, officials said.", "2024-03-04")
    assert article.events == [] and article.mentions
    (record,) = [r for r in caplog.records if "NG030" in r.getMessage()]
    assert "event extraction failed (RecursionError" in record.getMessage() and "\n" not in record.getMessage()


def test_extract_is_callable_and_its_modules_import():
    """`newsgraph.extract(...)` analyses a text, and the extractor modules under the same name
    stay importable in every form."""
    import importlib

    import newsgraph.extract.quotes as quotes_module

    assert callable(newsgraph.extract)
    assert quotes_module is importlib.import_module("newsgraph.extract.quotes")
    assert newsgraph.extract.quotes.extract_quotes is quotes_module.extract_quotes
    assert newsgraph.extract("Maria Lopez said the port would reopen.", "2024-01-02").quotes
