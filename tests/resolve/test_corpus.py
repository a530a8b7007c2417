"""The corpus step at ingest: date-valid roles across articles, curation surviving re-ingest, dictionaries."""
from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph import query, store
from newsgraph.cli import app
from newsgraph.curate import Curator
from newsgraph.ingest import ingest
from newsgraph.pipeline import corpus_step
from newsgraph.store import replicate

runner = CliRunner()
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PHOENIX = SHARED / "eval-data" / "phoenix-actor-dictionaries" / "petrarch2" / "data" / "dictionaries"


def _write(folder: Path, name: str, date: str, text: str) -> str:
    path = folder / name
    path.write_text(f"date {date} {text}\n", encoding="utf-8")
    return str(path)


def _resolved(corpus: query.Corpus, article_text_start: str, surface: str) -> str | None:
    for aid in corpus.article_ids() if hasattr(corpus, "article_ids") else []:
        art = corpus.article(aid)
        if art.text.startswith(article_text_start):
            names = {a.id: a.name for a in art.actors}
            hit = next((m for m in art.mentions if m.text == surface), None)
            return names.get(hit.actor) if hit else None
    raise AssertionError("article not found")


def test_roles_valid_at_the_article_date(tmp_path):
    """Two holders of an office in two years; a later bare description goes to the holder at its date."""
    db = str(tmp_path / "k.duckdb")
    first = _write(tmp_path, "a.txt", "2019-04-01", "Zembla League President Ola Nordmann opened the fair.")
    second = _write(tmp_path, "b.txt", "2023-04-01", "Zembla League President Kari Holm opened the fair.")
    ingest([first, second], db)
    third = _write(tmp_path, "c.txt", "2020-06-01", "The Zembla League president cancelled the fair in 2020.")
    fourth = _write(tmp_path, "d.txt", "2024-06-01", "The Zembla League president cancelled the fair in 2024.")
    ingest([third], db)
    ingest([fourth], db)
    with query.open(db) as corpus:
        assert _resolved(corpus, "The Zembla League president cancelled the fair in 2020", "The Zembla League president") == "Ola Nordmann"
        assert _resolved(corpus, "The Zembla League president cancelled the fair in 2024", "The Zembla League president") == "Kari Holm"
        roles = corpus.roles("Kari Holm")
    assert roles and roles[0]["role"] == "president" and roles[0]["first_seen"] == "2023-04-01"


def test_extract_without_store_leaves_the_description_open(analyze_text):
    a = analyze_text("The Zembla League president cancelled the fair.", "2020-06-01")
    assert any(d.actor is None and d.role == "president" for d in a.descriptors)


def test_curation_survives_reingest(tmp_path):
    db = str(tmp_path / "c.duckdb")
    one = _write(tmp_path, "one.txt", "2024-01-02", "Jon Smyth visited Oslo. Smyth praised the port.")
    ingest([one], db)
    with Curator(db) as curator:
        curator.add_alias("Jon Smyth", "J. Smyth")
        curator.rename("Jon Smyth", "Jonathan Smyth")
    rules_csv = runner.invoke(app, ["curation", "export", "--db", db]).stdout
    assert "alias" in rules_csv and "rename" in rules_csv
    two = _write(tmp_path, "two.txt", "2024-01-03", "J. Smyth spoke in Bergen on Tuesday.")
    ingest([two], db)
    with query.open(db) as corpus:
        assert _resolved(corpus, "J. Smyth spoke", "J. Smyth") == "Jonathan Smyth"
        assert corpus.actor("Jon Smyth").mentions >= 3
    # the exported CSV applies to a fresh store built from the same articles
    db2 = str(tmp_path / "fresh.duckdb")
    ingest([one, two], db2)
    (tmp_path / "rules.csv").write_text(rules_csv, encoding="utf-8")
    assert runner.invoke(app, ["curation", "import", str(tmp_path / "rules.csv"), "--db", db2]).exit_code == 0
    with query.open(db2) as corpus:
        assert corpus.actor("J. Smyth").actor.name == "Jonathan Smyth"


def test_merge_and_split(tmp_path):
    db = str(tmp_path / "m.duckdb")
    ingest([_write(tmp_path, "m.txt", "2024-02-02", "Acme Corp sued Globex. Acme Corporation lost the case.")], db)
    with Curator(db) as curator:
        a, b = curator.actor("Acme Corp").actor.id, curator.actor("Acme Corporation").actor.id
        if a != b:
            curator.merge("Acme Corp", "Acme Corporation")
        assert curator.actor("Acme Corporation").actor.id == a
        curator.split("Acme Corp", "Acme Corporation")
        assert curator.actor("Acme Corporation").actor.id != a
    ingest([_write(tmp_path, "n.txt", "2024-02-03", "Acme Corporation appealed.")], db)
    with query.open(db) as corpus:
        assert corpus.actor("Acme Corporation").actor.id != corpus.actor("Acme Corp").actor.id


def test_import_actors_csv_and_resolve(tmp_path):
    db = str(tmp_path / "d.duckdb")
    ingest([_write(tmp_path, "x.txt", "2024-03-03", "Nils Obiora said on Monday that talks had failed.")], db)
    dictionary = tmp_path / "people.csv"
    dictionary.write_text("name,aliases,country,sector,valid_from,valid_to\n"
                          "Nils Obiora,N. Obiora|Obiora,NGA,GOV,2020-01-01,2024-12-31\n"
                          "Nils Obiora,,NGA,ELI,2025-01-01,\n", encoding="utf-8")
    result = runner.invoke(app, ["import-actors", str(dictionary), "--db", db])
    assert result.exit_code == 0, result.output
    out = runner.invoke(app, ["resolve", "-", "--db", db], input="N. Obiora\t2022-05-05\nNils Obiora\t2026-01-01\na cat\n").stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert (rows[0]["country"], rows[0]["sector"]) == ("NGA", "GOV")
    assert rows[1]["sector"] == "ELI"
    assert rows[2] is None
    # a later ingest gives the dictionary's country to the actor
    ingest([_write(tmp_path, "y.txt", "2024-03-04", "Nils Obiora told reporters on Tuesday that the budget was late.")], db)
    with query.open(db) as corpus:
        art = next(corpus.article(i) for i in corpus.article_ids() if corpus.article(i).text.startswith("Nils Obiora told reporters"))
    assert next(a for a in art.actors if a.name == "Nils Obiora").country == "NGA"


def test_bad_dictionary_line_is_named(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,valid_from\nX Y,2024/01/01\n", encoding="utf-8")
    result = runner.invoke(app, ["import-actors", str(bad), "--db", str(tmp_path / "z.duckdb")])
    assert result.exit_code == 1 and "line 2" in result.output


def test_actors_format_small_file():
    from newsgraph.resolve.dictionaries import parse_actors_file
    from newsgraph.resolve.knowledge import Knowledge

    text = ("# own sample\nMARTA_LINDQVIST_  # test\n+M._LINDQVIST_\n+PRESIDENT_LINDQVIST\n"
            "\t[SWEELI 700101-100101]\n\t[SWEGOV >100102]\nBALTIC_ASSEMBLY_ [IGO]\n")
    k = Knowledge(parse_actors_file(text))
    assert (k.lookup("Marta Lindqvist", "2005-01-01").sector, k.lookup("M. Lindqvist", "2015-01-01").sector) == ("ELI", "GOV")
    assert k.lookup("Baltic Assembly").sector == "IGO"


@pytest.mark.skipif(not PHOENIX.exists(), reason="../shared/eval-data/phoenix-actor-dictionaries is absent")
def test_phoenix_sample():
    from newsgraph.resolve.dictionaries import read_dictionary
    from newsgraph.resolve.knowledge import Knowledge

    k = Knowledge(read_dictionary(str(PHOENIX / "Phoenix.Countries.actors.txt")))
    assert (k.lookup("Angela Merkel", "2010-01-01").country, k.lookup("Angela Merkel", "2010-01-01").sector) == ("DEU", "GOV")
    assert k.lookup("Putin", "1995-01-01").sector == "ELI"
    international = Knowledge(read_dictionary(str(PHOENIX / "Phoenix.International.actors.txt")))
    assert international.lookup("United Nations").sector == "IGO"


def test_seed_roles_and_labels_through_the_cli(tmp_path, seed_path):
    db = str(tmp_path / "seed.duckdb")
    ingest([str(seed_path)], db)
    labels = runner.invoke(app, ["labels", "Putin", "--db", db, "--format", "jsonl"])
    assert labels.exit_code == 0, labels.output
    assert "dictator" in {json.loads(line)["label"] for line in labels.stdout.splitlines()}
    actor = runner.invoke(app, ["actor", "Rütte", "--db", db, "--format", "jsonl"])
    record = json.loads(actor.stdout)
    assert record["name"] == "Mark Rutte"
    assert any(r["role"] == "secretary general" and r["of_name"] == "NATO" and r["first_seen"] == "2024-11-06"
               for r in record["roles"])
    kremlin = json.loads(runner.invoke(app, ["resolve", "the Kremlin", "--db", db]).stdout)
    assert (kremlin["name"], kremlin["country"], kremlin["sector"]) == ("Russia", "RUS", "GOV")


class CountingRows(store.CorpusRows):
    """The store's corpus reader, counting the rows each read hands to the corpus step."""

    def __init__(self, con: Any) -> None:
        super().__init__(con)
        self.rows = 0

    def _count(self, rows: Sequence[Any]) -> Any:
        self.rows += len(rows)
        return rows

    def role_names(self, of: str | None) -> list[str]:
        return self._count(super().role_names(of))

    def role_holders(self, of: str | None, roles: Sequence[str], date: str | None) -> Any:
        return self._count(super().role_holders(of, roles, date))

    def actors(self, ids: Sequence[str]) -> Any:
        return self._count(super().actors(ids))

    def curation_rules(self) -> Any:
        return self._count(super().curation_rules())

    def dictionary_rows(self) -> Any:
        return self._count(super().dictionary_rows())


def test_corpus_step_reads_as_many_rows_from_50000_articles_as_from_500(tmp_path, analyze_text):
    """Replicated stores (the same articles copied under new ids and dates): the role lookup reads one
    row per holder, never one per stored description, so a hundred times the articles read no more rows."""
    seed = str(tmp_path / "seed.duckdb")
    texts = [("2019-04-01", "Zembla League President Ola Nordmann opened the fair in Oslo."),
             ("2021-05-02", "Zembla League President Kari Holm met Foreign Minister Per Berg in Bergen."),
             ("2022-06-03", "Foreign Minister Per Berg of Zembla said the fair would go on."),
             ("2023-07-04", "Zembla League President Kari Holm and Finance Minister Liv Dahl visited Tromso."),
             ("2024-08-05", "Finance Minister Liv Dahl of Zembla cut the fair's budget.")]
    ingest([_write(tmp_path, f"s{i}.txt", d, t) for i, (d, t) in enumerate(texts)], seed)
    batch = [analyze_text("The Zembla League president cancelled the fair.", "2020-06-01"),
             analyze_text("The foreign minister of Zembla spoke in Oslo. The minister left.", "2022-09-09")]
    read: dict[int, int] = {}
    for size in (500, 50_000):
        db = str(tmp_path / f"grown-{size}.duckdb")
        shutil.copy(seed, db)
        with store.opened(db, read_only=False) as con:
            replicate.replicate(con, range(1, size // len(texts)), first_day="2019-01-01", span_days=2000)
            assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == size
            reader = CountingRows(con)
            resolved = corpus_step(reader, copy.deepcopy(batch))
            assert any(m.how == "role" and m.text.startswith("The Zembla League president")
                       for a in resolved for m in a.mentions)
            read[size] = reader.rows
    assert 0 < read[50_000] <= read[500]
