"""Fuzz tests of every reader (Hypothesis): random bytes under every format's name, random JSON values
and records, and truncated compressed streams and WARC archives. A reader yields Articles and
InputErrors only, never raises, and never loses a valid record that sits next to garbage.

Examples are derandomized (the same inputs on every run, so the suite is not flaky) and few per
test, so the whole file runs in seconds; raise FUZZ_EXAMPLES to search harder, e.g.
`FUZZ_EXAMPLES=2000 .venv/bin/pytest -q tests/readers/test_fuzz.py`.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warc_fixtures import crawl_records, write_warc

from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.readers import ReadStats, read, read_stream

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NAMES = ["a.txt", "a.jsonl", "a.json", "a.ndjson", "a.html", "a", "a.dat", "<stdin>"]
FIELDS = ["text", "title", "url", "outlet", "id", "date", "language",
          "maintext", "date_publish", "date_download", "source_domain", "title_page"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)
# records with the keys the readers look at, holding any JSON value
records = st.dictionaries(st.sampled_from(FIELDS), json_values | st.text(max_size=80), max_size=6)
garbage_lines = (st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" "))
                 | json_values.map(lambda v: json.dumps(v).encode())
                 | records.map(lambda r: json.dumps(r).encode())
                 | st.sampled_from([b"{", b"[", b"{\"text\": ", b"\xef\xbb\xbf{", b'{"text": "a\\ud800"}']))


def _only_articles_and_errors(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, InputError)), item


def _read_bytes(data: bytes, name: str) -> list:
    return list(read_stream(io.BytesIO(data), name, name, None, ReadStats()))


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(NAMES))
def test_random_bytes_under_any_name(data, name):
    _only_articles_and_errors(_read_bytes(data, name))


@FUZZ
@given(value=json_values | records, name=st.sampled_from(["a.jsonl", "a.json", "<stdin>"]), pretty=st.booleans())
def test_random_json_values_and_records(value, name, pretty):
    text = json.dumps(value, indent=2 if pretty else None)
    _only_articles_and_errors(_read_bytes(text.encode("utf-8", "surrogatepass"), name))


@FUZZ
@given(text=st.text(max_size=600), name=st.sampled_from(["a.txt", "2016-06-28_a.txt", "a", "<stdin>"]))
def test_random_text_as_a_plain_text_article(text, name):
    items = _read_bytes(text.encode(), name)
    _only_articles_and_errors(items)
    assert len(items) >= 1


HTML_PAGES = sorted((Path(__file__).resolve().parents[1] / "data" / "html").glob("*.html"))


@settings(FUZZ, max_examples=max(10, EXAMPLES // 2))
@given(page=st.sampled_from(HTML_PAGES), cut=st.floats(0.0, 1.0), noise=st.binary(max_size=40), at=st.floats(0.0, 1.0))
def test_cut_and_damaged_html_pages(page, cut, noise, at):
    data = page.read_bytes()
    data = data[:int(len(data) * cut)]
    where = int(len(data) * at)
    _only_articles_and_errors(_read_bytes(data[:where] + noise + data[where:], "page.html"))


def _valid(i: int) -> bytes:
    return json.dumps({"text": f"Record {i} says the harbour of Odesa reopened on Monday.", "id": f"r{i}"}).encode()


@FUZZ
@given(lines=st.lists(st.one_of(garbage_lines, st.integers(0, 10_000).map(_valid)), min_size=1, max_size=12),
       name=st.sampled_from(["a.jsonl", "a.json", "a.ndjson"]))
def test_a_valid_record_next_to_garbage_lines_is_read(lines, name):
    items = _read_bytes(b"\n".join(lines) + b"\n", name)
    _only_articles_and_errors(items)
    expected = {json.loads(line)["id"] for line in lines if line.startswith(b'{"text": "Record ')}
    assert expected <= {i.id for i in items if isinstance(i, Article)}


def _jsonl_gz() -> bytes:
    return gzip.compress(b"\n".join(_valid(i) for i in range(60)) + b"\n")


@FUZZ
@given(cut=st.floats(0.0, 1.0, exclude_max=True), name=st.sampled_from(["a.jsonl.gz", "a.txt.gz"]))
def test_a_truncated_gzip_is_always_an_error(cut, name):
    data = _jsonl_gz()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data[:int(len(data) * cut)])
        items = list(read([str(path)]))
    _only_articles_and_errors(items)
    assert sum(isinstance(i, InputError) for i in items) >= 1


@lru_cache(maxsize=2)
def _warc(name: str) -> tuple[bytes, tuple[int, ...], frozenset[str]]:
    """A crawl archive's bytes, its record offsets, and the offsets of the records that are articles."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        offsets = write_warc(path, crawl_records())
        articles = {item.source.rsplit("@", 1)[1] for item in read([str(path)]) if isinstance(item, Article)}
        return path.read_bytes(), (0, *offsets), frozenset(articles)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 2))
@given(cut=st.floats(0.0, 1.0, exclude_max=True), name=st.sampled_from(["a.warc.gz", "a.warc"]))
def test_a_truncated_warc_is_an_error_and_keeps_every_whole_record(cut, name):
    data, starts, article_offsets = _warc(name)
    at = int(len(data) * cut)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data[:at])
        items = list(read([str(path)]))
    _only_articles_and_errors(items)
    # an uncompressed record ends with two CRLFs after its Content-Length bytes: a cut in those
    # leaves the record whole; a cut anywhere in a gzip member leaves it incomplete
    slack = 0 if name.endswith(".gz") else 4
    ends = dict(zip(starts, (*starts[1:], len(data)), strict=True))
    before_cut = {str(s) for s in starts if ends[s] <= at} & article_offsets
    whole = {str(s) for s in starts if ends[s] - slack <= at} & article_offsets
    read_offsets = {i.source.rsplit("@", 1)[1] for i in items if isinstance(i, Article)}
    assert before_cut <= read_offsets <= whole  # every record before the cut, nothing of a record it cuts
    at_a_boundary = any(0 <= end - at <= slack for end in ends.values())
    if not at_a_boundary and at > 0:
        assert any(isinstance(i, InputError) for i in items)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 2))
@given(data=st.binary(min_size=1, max_size=3000), gz=st.booleans())
def test_random_bytes_as_a_warc(data, gz):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "r.warc.gz" if gz else "r.warc")
        path.write_bytes(gzip.compress(data) if gz else data)
        _only_articles_and_errors(list(read([str(path)])))


@settings(FUZZ, max_examples=max(10, EXAMPLES // 2))
@given(data=st.binary(max_size=3000))
def test_corrupt_gzip_bytes(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "r.jsonl.gz")
        path.write_bytes(b"\x1f\x8b\x08\x00" + data)
        items = list(read([str(path)]))
    _only_articles_and_errors(items)
    assert items and isinstance(items[-1], InputError)
