"""Input formats and bad input: each bad input is one clear error naming the file and reason."""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest

from newsgraph import readers
from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.readers import ReadStats, read

BODY = "date 2024-11-06 Officials in Kyiv said on Monday that talks would resume.\n\nThey gave no date."


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def test_jsonl_optional_fields(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Talks resumed.", "date": "2024-10-01", "title": "T", "url": "https://x.test/a",
                                "outlet": "x.test", "id": "mine"}) + "\n\n" + json.dumps({"text": "No date here."}) + "\n")
    articles, errors = _split(read([str(path)]))
    assert not errors
    assert (articles[0].id, articles[0].date, articles[0].title, articles[0].outlet) == ("mine", "2024-10-01", "T", "x.test")
    assert articles[0].source.endswith("a.jsonl:1")
    assert articles[1].date is None and articles[1].source.endswith(":3")


def test_plain_text_without_date_uses_default_or_null(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Officials met in Kyiv.")
    stats = ReadStats()
    (article,) = read([str(path)], stats=stats)
    assert article.date is None and stats.undated == 1
    (article,) = read([str(path)], date="2024-01-02")
    assert article.date == "2024-01-02"


@pytest.mark.parametrize("header, date", [
    ("Date: 06.11.2024", "2024-11-06"),                 # dotted: day first
    ("Published: November 6, 2024", "2024-11-06"),
    ("6 November 2024", "2024-11-06"),
    ("2024-11-06T10:15:00Z", "2024-11-06"),
])
def test_plain_text_header_date_is_read_and_taken_out_of_the_body(tmp_path, header, date):
    path = tmp_path / "headed.txt"
    path.write_text(f"Harbour talks resume\n{header}\n\nOfficials met in Kyiv on Monday.\n")
    (article,) = read([str(path)])
    assert (article.date, article.date_source) == (date, "content")
    assert header not in article.text and "Officials met in Kyiv" in article.text
    assert article.text.startswith("Harbour talks resume")


def test_a_date_inside_the_story_is_not_a_header(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The port was built on 6 November 2024 by the city.\n")
    (article,) = read([str(path)])
    assert article.date is None and "6 November 2024" in article.text


def test_directory_recursive_and_gzip(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(BODY)
    with gzip.open(tmp_path / "two.txt.gz", "wt") as fh:
        fh.write(BODY.replace("Monday", "Tuesday"))
    with gzip.open(tmp_path / "three.jsonl.gz", "wt") as fh:
        fh.write(json.dumps({"text": "A third article.", "date": "2024-02-02"}) + "\n")
    articles, errors = _split(read([str(tmp_path)]))
    assert not errors
    assert sorted(a.date for a in articles) == ["2024-02-02", "2024-11-06", "2024-11-06"]


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BODY.encode())))
    (article,) = read(["-"])
    assert article.date == "2024-11-06" and article.source == "<stdin>"


def test_same_text_and_date_gives_same_id(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text("\n" + BODY + "\n\nShare")
    a, b = read([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert a.id == b.id


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("latin1.txt", "date 2024-11-06 Caf\u00e9 owners protested.".encode("latin-1"), "invalid UTF-8"),
    ("baddate.txt", b"date 2024-13-06 Talks resumed.", "'2024-13-06', not a date"),
    ("shortdate.txt", b"date 2024-1-6 Talks resumed.", "not a date"),
    ("notjson.jsonl", b'{"text": "fine", "date": "2024-01-01"}\n{not json}\n', "line 2" ),
    ("notext.jsonl", b'{"title": "no text"}\n', "no 'text'"),
    ("baddate.jsonl", b'{"text": "x", "date": "yesterday"}\n', "not a date"),
])
def test_bad_input_is_one_clear_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    articles, errors = _split(read([str(path), str(good)]))
    assert len(errors) == 1
    message = str(errors[0])
    assert name in message and "\n" not in message
    if reason == "line 2":
        assert f"{name}:2" in message and "not valid JSON" in message
    else:
        assert reason in message
    assert any(a.source == str(good) for a in articles)  # the rest of the batch goes on


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"date 2024-11-06 ")
        chunk = b"Officials met again and again in the capital. " * 20000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    (error,) = read([str(path)])
    assert isinstance(error, InputError) and "huge.txt" in str(error) and "above the limit" in str(error)


def test_missing_path():
    (error,) = read(["/nonexistent/file.txt"])
    assert isinstance(error, InputError) and "no such file" in str(error)


def test_folder_walk_reads_article_files_only(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "store.duckdb").write_bytes(b"\x00DUCK" * 100)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    stats = ReadStats()
    items = list(read([str(tmp_path)], stats=stats))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert stats.skipped["file of another type in a folder"] == 2
    # named explicitly, a file is read whatever its name, and a binary one is an error
    (error,) = read([str(tmp_path / "photo.jpg")])
    assert isinstance(error, InputError) and "binary file" in str(error)


def test_public_stream_names_and_the_private_aliases_engines_use():
    assert readers._read_stream is readers.read_stream and readers._logical_name is readers.logical_name
    assert readers.logical_name(Path("a/b.jsonl.gz")) == "b.jsonl"


def test_a_file_over_the_limit_is_reported_with_its_real_size(tmp_path):
    path = tmp_path / "six.txt"
    path.write_bytes(b"date 2024-11-06 " + b"Officials met. " * (6 * 1024 * 1024 // 15))
    gz = tmp_path / "six.txt.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    plain, packed = read([str(path), str(gz)])
    size = path.stat().st_size
    assert f"six.txt: file has {size:,} bytes, above the limit of 4,000,000" in str(plain)
    assert f"six.txt.gz: file has {size:,} bytes" in str(packed)  # the size of the text, not of the gzip


@pytest.mark.parametrize("name", ["cut.txt.gz", "cut.jsonl.gz"])
@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95])
def test_a_truncated_gzip_is_an_error_after_what_it_held(tmp_path, name, fraction):
    lines = "".join(json.dumps({"text": f"Story {i}: officials in Kyiv said talks would resume."}) + "\n" for i in range(400))
    data = gzip.compress(lines.encode() if name.endswith(".jsonl.gz") else BODY.encode() * 40)
    path = tmp_path / name
    path.write_bytes(data[:int(len(data) * fraction)])
    articles, errors = _split(read([str(path)]))
    assert len(errors) == 1 and f"{path}: truncated or corrupt compressed stream" in str(errors[0])
    assert all(a.text.startswith("Story") for a in articles)  # only whole lines before the cut


def test_corrupt_gzip_data_is_an_error_not_a_crash(tmp_path):
    data = bytearray(gzip.compress(BODY.encode() * 200))
    data[40:60] = b"\x00" * 20
    path = tmp_path / "bad.txt.gz"
    path.write_bytes(bytes(data))
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    articles, errors = _split(read([str(path), str(good)]))
    assert len(errors) == 1 and f"{path}: truncated or corrupt compressed stream" in str(errors[0])
    assert [a.source for a in articles] == [str(good)]


def test_an_unreadable_subfolder_is_reported_like_an_unreadable_file(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(BODY)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(BODY)
    scandir = os.scandir

    def refusing(path="."):  # the tests run as root, for whom chmod 000 locks nothing
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    articles, errors = _split(read([str(tmp_path)]))
    assert [a.source for a in articles] == [str(tmp_path / "open" / "a.txt")]
    assert [str(e) for e in errors] == [f"NG001 {locked}: cannot read this folder (Permission denied); the files in it were not read"]
