"""Shards loaded into a store go through the corpus step as an ingest does (pipeline.corpus_step).

Each case builds a store, lets the analyst or the corpus decide something (a merge, a user
dictionary, a role seen in a stored article), then adds one new article to two copies of that
store: by `ingest`, and by `extract --out` + `load`. Both copies must end the same, and hold
what the corpus decided.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import query
from newsgraph.cli import app
from newsgraph.store import rows

runner = CliRunner()

ROLE_BASE = "date 2024-03-01 Zembla League President Ola Nordmann opened the trade fair in Vik.\n"
ROLE_NEW = "date 2024-06-01 The Zembla League president cancelled the autumn fair.\n"


def _cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def _actors(db: str) -> list[dict]:
    return [json.loads(line) for line in _cli("actors", "--db", db, "--format", "jsonl").splitlines()]


def _merged(db: str) -> None:
    assert "Mark Rutte" not in {a["name"] for a in _actors(db)}


def _dictionary_country(db: str) -> None:
    with query.open(db) as corpus:
        assert corpus.actor("Amara Okafor").actor.country == "NGA"


def _role_resolved(db: str) -> None:
    with query.open(db) as corpus:
        article = next(a for a in corpus.articles(corpus.article_ids()) if a.text.startswith("The Zembla League president"))
        names = {a.id: a.name for a in article.actors}
        assert [names[m.actor] for m in article.mentions if m.how == "role" and m.text == "The Zembla League president"] \
            == ["Ola Nordmann"]


CASES = {
    # the repro: `merge NATO "Mark Rutte"`, then a new article naming Rutte
    "merge": ("date 2024-11-04 NATO Secretary General Mark Rutte visited Kyiv. Rutte said NATO stood by Ukraine.\n",
              ["merge", "NATO", "Mark Rutte"],
              "date 2024-11-05 Mark Rutte spoke in Brussels on Tuesday. Allies would send more air defence, Rutte said.\n",
              _merged),
    "dictionary": ("date 2024-02-01 Talks on the port resumed in Lagos on Monday.\n",
                   ["import-actors", "{dictionary}"],
                   "date 2024-02-02 Amara Okafor said on Tuesday that the port talks had failed.\n",
                   _dictionary_country),
    "stored role": (ROLE_BASE, [], ROLE_NEW, _role_resolved),
}


@pytest.mark.parametrize("case", list(CASES))
def test_load_of_shards_gives_what_ingest_gives(tmp_path, case):
    base_text, decision, new_text, check = CASES[case]
    base = str(tmp_path / "base.duckdb")
    _cli("ingest", _write(tmp_path / "base.txt", base_text), "--db", base)
    dictionary = _write(tmp_path / "people.csv", "name,aliases,country,sector\nAmara Okafor,,NGA,GOV\n")
    if decision:
        _cli(*[dictionary if arg == "{dictionary}" else arg for arg in decision], "--db", base)
    new = _write(tmp_path / "new.txt", new_text)
    ingested, loaded = str(tmp_path / "ingested.duckdb"), str(tmp_path / "loaded.duckdb")
    shutil.copy(base, ingested)
    shutil.copy(base, loaded)
    _cli("ingest", new, "--db", ingested)
    _cli("extract", new, "--out", str(tmp_path / "shards"))
    _cli("load", str(tmp_path / "shards"), "--db", loaded)
    check(ingested)
    check(loaded)
    assert _actors(loaded) == _actors(ingested)
    assert _cli("export", "--db", loaded, "--out", "-") == _cli("export", "--db", ingested, "--out", "-")


def test_shard_tables_read_back_into_the_same_rows(analyze_text):
    """store/rows.py: the articles read back from a batch's tables give the same tables again."""
    articles = [analyze_text(ROLE_BASE.removeprefix("date 2024-03-01 "), "2024-03-01"),
                analyze_text("NATO Secretary General Mark Rutte met Ola Nordmann. Rutte praised the fair.", "2024-03-02")]
    tables = rows.batch_tables(articles)
    again = rows.batch_tables(rows.articles_from_tables(tables))
    assert set(again) == set(tables)
    for name, table in tables.items():
        assert again[name].sort_by([(c, "ascending") for c in table.column_names[:2]]).equals(
            table.sort_by([(c, "ascending") for c in table.column_names[:2]])), name
