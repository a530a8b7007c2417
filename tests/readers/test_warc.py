"""WARC archives: HTML responses become articles, every other record is counted by reason,
damaged archives are reported by byte offset and the records around the damage still ingest."""
from __future__ import annotations

import gzip

import pytest
from typer.testing import CliRunner
from warc_fixtures import CRAWL_DATE, EXPECTED_SKIPS, Rec, crawl_records, page, write_warc

from newsgraph import query
from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.readers import ReadStats, read
from newsgraph.readers.html import MAX_HTML_BYTES

runner = CliRunner()


def _read(path):
    stats = ReadStats()
    items = list(read([str(path)], stats=stats))
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)], stats


@pytest.fixture(params=["crawl.warc.gz", "crawl.warc"])
def crawl(tmp_path, request):
    path = tmp_path / request.param
    offsets = write_warc(path, crawl_records())
    return path, offsets


def test_html_responses_become_articles_and_the_rest_is_counted_by_reason(crawl):
    path, offsets = crawl
    articles, errors, stats = _read(path)
    assert errors == []
    assert [a.outlet for a in articles] == ["dailyplanet.co.uk", "globalwiretimes.com", "metrodailynews.com", "valleygazette.net"]
    assert dict(stats.skipped) == EXPECTED_SKIPS
    assert stats.records == len(offsets) + 1  # + warcinfo
    # the source names the archive and the record's byte offset (the response is the 2nd of each triple)
    assert articles[0].source == f"{path}@{offsets[1]}"
    assert "skipped 14 records that are not articles: 4 request record, 4 metadata record" in stats.skipped_line()


def test_dates_urls_and_the_crawl_date_fallback(crawl):
    path, _ = crawl
    by_outlet = {a.outlet: a for a in _read(path)[0]}
    planet = by_outlet["dailyplanet.co.uk"]
    assert (planet.date, planet.date_source) == ("2024-06-12", "content")
    assert planet.url == "https://www.dailyplanet.co.uk/world/europe/rutte-tells-allies-to-spend-more-on-defence"
    undated = by_outlet["globalwiretimes.com"]  # no date in the page or its URL: the WARC-Date, flagged
    assert (undated.date, undated.date_source) == (CRAWL_DATE[:10], "crawl")
    assert undated.url == "https://globalwiretimes.com/middle-east/ceasefire-talks-resume"  # WARC-Target-URI
    assert undated.language == "en" and undated.title == "Ceasefire talks resume in Cairo"


def test_truncated_warc_gz_keeps_the_records_before(tmp_path):
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(path, crawl_records())
    data = path.read_bytes()
    cut = offsets[7] + 200  # inside the third article's response
    path.write_bytes(data[:cut])
    articles, errors, _ = _read(path)
    assert [a.outlet for a in articles] == ["dailyplanet.co.uk", "globalwiretimes.com"]
    assert len(errors) == 1
    assert f"{path}@{offsets[7]}" in str(errors[0]) and "truncated" in str(errors[0])


@pytest.mark.parametrize("name", ["mid.warc.gz", "mid.warc"])
def test_corrupt_record_in_the_middle_is_reported_and_the_rest_ingests(tmp_path, name):
    path = tmp_path / name
    offsets = write_warc(path, crawl_records())
    data = bytearray(path.read_bytes())
    bad = offsets[4]  # the second article's response record
    data[bad + 3:bad + 40] = b"\xff" * 37
    path.write_bytes(bytes(data))
    articles, errors, _ = _read(path)
    assert [a.outlet for a in articles] == ["dailyplanet.co.uk", "metrodailynews.com", "valleygazette.net"]
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"NG001 {path}@{bad}: corrupt WARC record")


def test_a_50_mb_page_is_reported_with_its_offset(tmp_path):
    path = tmp_path / "big.warc.gz"
    huge = b"<html><body>" + b"<p>" + b"x" * (50 * 1024 * 1024) + b"</p></body></html>"
    offsets = write_warc(path, [Rec("https://big.example.com/a", huge), Rec("https://www.dailyplanet.co.uk/a", page("dailyplanet_rutte.html"))])
    articles, errors, _ = _read(path)
    assert len(articles) == 1
    assert len(errors) == 1 and f"{path}@{offsets[0]}" in str(errors[0]) and f"{MAX_HTML_BYTES:,} bytes" in str(errors[0])


def test_non_warc_gzip_named_warc_is_one_error(tmp_path):
    path = tmp_path / "notreally.warc.gz"
    path.write_bytes(gzip.compress(b"hello, this is not a WARC file at all\n" * 10))
    articles, errors, _ = _read(path)
    assert articles == [] and len(errors) == 1 and "@0" in str(errors[0])


def test_cli_ingest_of_a_warc_is_idempotent_and_reports_skips(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, crawl_records())
    db = str(tmp_path / "s.duckdb")
    first = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert first.exit_code == 0, first.output
    assert "read 4, stored 4, skipped 0 (already present), failed 0, 1 syndicated copies linked to a story" in first.output
    assert "skipped 14 records that are not articles" in first.output
    again = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert again.exit_code == 0
    assert "read 4, stored 0, skipped 4 (already present), failed 0" in again.output
    with query.open(db) as corpus:
        assert corpus.stats()["articles"] == 4


def test_cli_exit_status_is_1_when_a_record_is_bad_and_limit_takes_the_first(tmp_path):
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(path, crawl_records())
    path.write_bytes(path.read_bytes()[:offsets[7] + 200])
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert result.exit_code == 1
    assert f"{path}@{offsets[7]}: truncated WARC" in result.output
    assert "read 2, stored 2" in result.output
    limited = runner.invoke(app, ["extract", str(path), "--limit", "1", "--format", "table"])
    assert limited.exit_code == 0  # the bad record lies past the limit
    assert len([line for line in limited.stdout.splitlines() if "actors=" in line]) == 1


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
@pytest.mark.parametrize("fraction", [0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 0.99])
def test_a_warc_cut_anywhere_is_always_reported(tmp_path, name, fraction):
    path = tmp_path / name
    offsets = write_warc(path, crawl_records())
    data = path.read_bytes()
    cut = int(len(data) * fraction)
    path.write_bytes(data[:cut])
    articles, errors, _ = _read(path)
    assert len(errors) == 1 and ("truncated" in str(errors[0]) or "corrupt" in str(errors[0]))
    # every article comes from a record that ends before the cut
    ends = {offsets[i]: offsets[i + 1] for i in range(len(offsets) - 1)}
    for article in articles:
        start = int(article.source.rsplit("@", 1)[1])
        assert ends.get(start, len(data)) <= cut, article.source
