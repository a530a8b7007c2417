"""Plain-text articles: a date from the file name when the text states none, and the first line as
the title when it looks like a headline."""
from __future__ import annotations

import gzip

import pytest

from newsgraph.errors import InputError
from newsgraph.readers import ReadStats, read
from newsgraph.readers.text import title_of

BODY = "Officials in Kyiv said on Monday that the talks would resume next week.\n\nThey gave no venue.\n"


def _one(path, **kw):
    [article] = list(read([str(path)], **kw))
    assert not isinstance(article, InputError), article
    return article


@pytest.mark.parametrize("name, date", [
    ("nyt_2016-06-28_some-title.txt", "2016-06-28"),
    ("20160628-talks.txt", "2016-06-28"),
    ("archive_20160628.txt", "2016-06-28"),
    ("2016-06-28.txt", "2016-06-28"),
])
def test_a_date_in_the_file_name_dates_an_undated_text(tmp_path, name, date):
    path = tmp_path / name
    path.write_text(BODY)
    article = _one(path)
    assert (article.date, article.date_source) == (date, "filename")


@pytest.mark.parametrize("name", [
    "story-123456789.txt",       # an id, not a date
    "2016-13-45_talks.txt",      # no such day
    "1850-06-28_talks.txt",      # before 1900: not taken as a date
    "x2016062812.txt",           # digits run on: not a date of its own
])
def test_no_date_from_a_file_name_without_a_plausible_one(tmp_path, name):
    path = tmp_path / name
    path.write_text(BODY)
    stats = ReadStats()
    article = _one(path, stats=stats)
    assert article.date is None and stats.undated == 1


def test_the_date_line_and_a_header_date_outrank_the_file_name(tmp_path):
    seed = tmp_path / "2016-06-28_seed.txt"
    seed.write_text("date 2024-11-06 " + BODY)
    headed = tmp_path / "2016-06-28_headed.txt"
    headed.write_text("Published: November 7, 2024\n\n" + BODY)
    assert (_one(seed).date, _one(seed).date_source) == ("2024-11-06", "content")
    assert (_one(headed).date, _one(headed).date_source) == ("2024-11-07", "content")


def test_the_file_name_outranks_the_default_date(tmp_path):
    path = tmp_path / "2016-06-28_talks.txt"
    path.write_text(BODY)
    article = _one(path, date="2024-01-02")
    assert (article.date, article.date_source) == ("2016-06-28", "filename")


def test_a_gzipped_file_is_dated_by_its_name(tmp_path):
    path = tmp_path / "wire_20160628.txt.gz"
    path.write_bytes(gzip.compress(BODY.encode()))
    assert _one(path).date == "2016-06-28"


@pytest.mark.parametrize("text, title", [
    ("Harbour talks resume in Kyiv\n\n" + BODY, "Harbour talks resume in Kyiv"),
    ("Harbour talks resume in Kyiv\n" + BODY, "Harbour talks resume in Kyiv"),               # body right below
    ("Will the harbour talks resume?\n\n" + BODY, "Will the harbour talks resume?"),
    ('Minister: "The talks will resume"\n\n' + BODY, 'Minister: "The talks will resume"'),
    ("2024 budget passes the lower house\n\n" + BODY, "2024 budget passes the lower house"),
    (BODY, None),                                                                             # first line is a sentence
    ("Harbour talks resume in Kyiv\n", None),                                                 # nothing follows
    ("By Jane Smith\n\n" + BODY, None),                                                       # a byline
    ("WASHINGTON\n\n" + BODY, None),                                                          # a dateline, one word
    ("The minister said that the talks,\n" + BODY, None),                                     # a clause runs on
    ("officials said nothing new today\n\n" + BODY, None),                                    # no capital
    ("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen\n\n" + BODY, None),
])
def test_first_line_is_the_title_when_it_looks_like_one(tmp_path, text, title):
    path = tmp_path / "article.txt"
    path.write_text(text)
    article = _one(path)
    assert article.title == title
    assert article.text.startswith(text.split("\n", 1)[0])  # the line stays in the text: offsets are the file's


def test_title_after_the_date_line_of_the_seed_format(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text("date 2024-11-06 Harbour talks resume in Kyiv\n\n" + BODY)
    article = _one(path)
    assert (article.date, article.title) == ("2024-11-06", "Harbour talks resume in Kyiv")


def test_title_of_needs_text_after_it():
    assert title_of("Harbour talks resume") is None
    assert title_of("Harbour talks resume\n\nOfficials met.") == "Harbour talks resume"
