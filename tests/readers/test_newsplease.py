"""news-please records, one pretty-printed JSON per file or JSON Lines, read as news-please writes them."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.readers import ReadStats, read

runner = CliRunner()

MAINTEXT = ("NATO Secretary General Mark Rutte warned allies on Wednesday that defence spending must rise sharply.\n"
            "\"We are not at war, but we are not at peace either,\" Rutte told reporters in Brussels.")


def record(**over):
    base = {"authors": ["Jane Smith"], "date_download": "2024-06-13 04:10:11", "date_modify": None,
            "date_publish": "2024-06-12 08:30:00", "description": "Rutte warns allies.", "filename": "x.json",
            "image_url": None, "language": "en", "localpath": None, "maintext": MAINTEXT,
            "source_domain": "www.dailyplanet.co.uk", "title": "Rutte tells allies to spend more on defence",
            "title_page": None, "title_rss": None,
            "url": "https://www.dailyplanet.co.uk/world/europe/rutte-tells-allies-to-spend-more-on-defence"}
    return {**base, **over}


def _read(path, **kw):
    stats = ReadStats()
    items = list(read([str(path)], stats=stats, **kw))
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)], stats


def test_one_pretty_printed_record_per_file(tmp_path):
    path = tmp_path / "rutte.json"
    path.write_text(json.dumps(record(), indent=4))
    [article], errors, _ = _read(path)
    assert errors == []
    d = article.to_dict()
    assert d["title"] == "Rutte tells allies to spend more on defence"
    assert d["url"].endswith("rutte-tells-allies-to-spend-more-on-defence")
    assert d["outlet"] == "dailyplanet.co.uk"  # registered domain of source_domain
    assert (d["date"], d["date_source"], d["language"]) == ("2024-06-12", "content", "en")
    assert d["story"] == d["id"]
    assert d["text"].split("\n\n")[1].startswith('"We are not at war')  # maintext lines are paragraphs


def test_json_lines_of_records(tmp_path):
    path = tmp_path / "crawl.jsonl"
    lines = [record(), record(maintext=MAINTEXT.replace("Wednesday", "Thursday"), url="https://b.example.org/x",
                              source_domain="b.example.org")]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n")
    articles, errors, stats = _read(path)
    assert errors == [] and [a.outlet for a in articles] == ["dailyplanet.co.uk", "example.org"]
    assert articles[1].source == f"{path}:2"
    assert stats.records == 2


@pytest.mark.parametrize("over, date, source", [
    ({}, "2024-06-12", "content"),
    ({"date_publish": None}, "2024-06-13", "crawl"),  # date_download: when it was fetched
    ({"date_publish": None, "date_download": None}, None, None),
])
def test_date_sources(tmp_path, over, date, source):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record(**over)))
    [article], _, _ = _read(path)
    assert (article.date, article.date_source) == (date, source)


def test_given_date(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record(date_publish=None, date_download=None)))
    [article], _, _ = _read(path, date="2024-01-02")
    assert (article.date, article.date_source) == ("2024-01-02", "given")


def test_non_english_is_skipped_and_counted_by_record_or_detector(tmp_path):
    path = tmp_path / "mixed.jsonl"
    german = "Der Bundestag hat am Donnerstag einen neuen Haushalt beschlossen, der deutlich mehr Geld für die Verteidigung vorsieht."
    rows = [record(language="de", maintext=german),
            record(language=None, maintext=german, url="https://c.example.de/x"),  # detected
            record(url="https://d.example.com/y")]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    articles, errors, stats = _read(path)
    assert len(articles) == 1 and errors == []
    assert stats.skipped == {"not English": 2}
    assert stats.records == 3


def test_language_detected_when_the_record_has_none(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record(language=None)))
    [article], _, _ = _read(path)
    assert article.language == "en"


def test_record_without_maintext_is_one_error_with_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    rows = [record(), {k: v for k, v in record(url="https://e.example.com/z").items() if k != "maintext"}, record(maintext="   ", url="https://f.example.com/")]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    articles, errors, _ = _read(path)
    assert len(articles) == 1
    assert [str(e) for e in errors] == [f"NG001 {path}:2: news-please record without 'maintext' (no article text); skipped",
                                        f"NG001 {path}:3: news-please record without 'maintext' (no article text); skipped"]


def test_cli_exit_status_and_skips(tmp_path):
    path = tmp_path / "bad.jsonl"
    rows = [record(), record(language="fr", maintext="Le gouvernement a présenté son budget mardi."),
            {k: v for k, v in record().items() if k != "maintext"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert len([line for line in result.stdout.splitlines() if line.startswith("{")]) == 1
    assert f"{path}:3: news-please record without 'maintext'" in result.output
    assert "1 not English" in result.output


def test_plain_jsonl_still_reads_as_before(tmp_path):
    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps({"text": "Russia attacked Ukraine.", "date": "2024-02-24"}) + "\n")
    [article], errors, _ = _read(path)
    assert errors == [] and (article.date, article.date_source) == ("2024-02-24", "content")
