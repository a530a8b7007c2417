"""JSON Lines and news-please records, each line checked on its own: a bad line is one error naming
the file and line, values are coerced to strings where that is sensible, and the lines around a
bad one are read."""
from __future__ import annotations

import json

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.readers import MAX_FILE_BYTES, ReadStats, read

GOOD = {"text": "The port of Constanta handled record grain volumes last month, officials said."}


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def _read_lines(tmp_path, *lines: str, name: str = "in.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, *_split(read([str(path)]))


def test_mixed_value_types_across_lines_become_strings(tmp_path):
    path, articles, errors = _read_lines(
        tmp_path,
        json.dumps({**GOOD, "title": 5, "id": 42, "outlet": 7.5}),
        json.dumps({**GOOD, "title": "N", "id": "b", "outlet": "example.org", "date": "2024-03-01"}))
    assert errors == []
    assert [(a.title, a.id, a.outlet) for a in articles] == [("5", "42", "7.5"), ("N", "b", "example.org")]


@pytest.mark.parametrize("key, value, says", [
    ("outlet", {"name": "Harbour Herald"}, "'outlet' is an object, not a string"),
    ("url", ["https://a.example.org/1", "https://a.example.org/2"], "'url' is a list, not a string"),
    ("title", True, "'title' is the boolean true, not a string"),
    ("id", {"n": 1}, "'id' is an object, not a string"),
    ("text", 17, "'text' is the number 17, not a string of article text"),
    ("date", 20240101, "'date' is the number 20240101, not a date string 'YYYY-MM-DD'"),
    ("date", ["2024-01-01"], "'date' is a list, not a date string"),
])
def test_a_value_of_the_wrong_type_fails_its_line_alone(tmp_path, key, value, says):
    path, articles, [error] = _read_lines(tmp_path, json.dumps(GOOD), json.dumps({**GOOD, key: value}),
                                          json.dumps({**GOOD, "title": "after"}))
    assert str(error).startswith(f"NG001 {path}:2: {says}")
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:3"]


def test_deeply_nested_json_is_not_valid_json_not_a_crash(tmp_path):
    path, articles, [error] = _read_lines(tmp_path, '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", json.dumps(GOOD))
    assert f"{path}:1: not valid JSON (nested too deeply)" in str(error) and len(articles) == 1


def test_an_integer_too_long_to_convert_is_not_valid_json(tmp_path):
    path, articles, [error] = _read_lines(tmp_path, '{"text": "x", "id": 1' + "0" * 5000 + "}", json.dumps(GOOD))
    assert f"{path}:1: not valid JSON" in str(error) and len(articles) == 1


def test_an_unpaired_surrogate_fails_its_line(tmp_path):
    path, articles, [error] = _read_lines(tmp_path, '{"text": "Talks \\ud800 resumed."}', json.dumps(GOOD))
    assert f"{path}:1: 'text' is not valid Unicode (unpaired surrogate" in str(error) and len(articles) == 1


def test_a_broken_first_line_does_not_hide_the_lines_after_it(tmp_path):
    path, articles, [error] = _read_lines(tmp_path, '{"text": "cut off', json.dumps(GOOD), json.dumps(GOOD))
    assert f"{path}:1: not valid JSON" in str(error)
    assert [a.source for a in articles] == [f"{path}:2", f"{path}:3"]


def test_a_file_of_one_broken_line_names_the_line(tmp_path):
    path, articles, [error] = _read_lines(tmp_path, "{not json}")
    assert articles == [] and str(error).startswith(f"NG001 {path}:1: not valid JSON")


def test_a_broken_pretty_printed_document_is_one_error(tmp_path):
    path = tmp_path / "doc.json"
    path.write_text('{\n  "text": "Officials met.",\n  "title": "Cut\n', encoding="utf-8")
    articles, [error] = _split(read([str(path)]))
    assert articles == [] and f"{path}: not valid JSON" in str(error)


def test_a_byte_order_mark_before_the_first_line_is_ignored(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\n")
    articles, errors = _split(read([str(path)]))
    assert errors == [] and len(articles) == 1


def test_a_line_over_the_limit_is_reported_with_its_size_and_the_next_line_read(tmp_path):
    path = tmp_path / "long.jsonl"
    long_line = json.dumps({"text": "word " * (MAX_FILE_BYTES // 5 + 10)})
    path.write_text(long_line + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    articles, [error] = _split(read([str(path)]))
    assert f"{path}:1: line has {len(long_line) + 1:,} bytes, above the limit" in str(error)
    assert [a.source for a in articles] == [f"{path}:2"]


@pytest.mark.parametrize("over, says", [
    ({"date_publish": 1718180000}, "'date_publish' is the number 1718180000, not a date string"),
    ({"url": ["https://a.example.org/x"]}, "'url' is a list, not a string"),
    ({"maintext": {"p": "text"}}, "'maintext' is an object, not a string of article text"),
])
def test_news_please_fields_are_checked_like_any_record(tmp_path, over, says):
    record = {"maintext": GOOD["text"], "language": "en", "date_publish": "2024-06-12 08:30:00",
              "url": "https://www.example.org/a", "source_domain": "www.example.org", "title": "Grain"}
    path, articles, [error] = _read_lines(tmp_path, json.dumps({**record, **over}), json.dumps(record))
    assert f"{path}:1: {says}" in str(error)
    assert [a.source for a in articles] == [f"{path}:2"]


def test_a_news_please_title_that_is_a_number_is_coerced(tmp_path):
    record = {"maintext": GOOD["text"], "language": "en", "title": 2024, "source_domain": "example.org"}
    _, [article], errors = _read_lines(tmp_path, json.dumps(record))
    assert errors == [] and article.title == "2024"


def test_undated_counts_only_articles_read(tmp_path):
    path = tmp_path / "u.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps({"text": ""}) + "\n", encoding="utf-8")
    stats = ReadStats()
    articles, errors = _split(read([str(path)], stats=stats))
    assert (len(articles), len(errors), stats.undated) == (1, 1, 1)
