"""Dates that cannot be right are reported (the article is kept), and a web page's date comes from
its metadata, then its URL, then the body text."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.readers import read
from newsgraph.readers.dates import date_from_filename, is_plausible
from newsgraph.readers.html import parse_page

TEXT = "The harbour authority reopened the grain terminal after repairs, officials said."


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("date", ["1800-03-01", "1899-12-31", "2999-01-01",
                                  (dt.date.today() + dt.timedelta(days=400)).isoformat()])
def test_an_implausible_record_date_is_reported_and_the_article_kept(tmp_path, date):
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps({"text": TEXT, "date": date}) + "\n")
    [article], [warning] = _split(read([str(path)]))
    assert article.date == date
    assert str(warning).startswith(f"NG001 {path}:1: date {date} (date_source content) is outside 1900-01-01..")


@pytest.mark.parametrize("date", ["1900-01-01", "2024-02-29", (dt.date.today() + dt.timedelta(days=300)).isoformat()])
def test_a_plausible_date_passes_without_a_word(tmp_path, date):
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps({"text": TEXT, "date": date}) + "\n")
    [article], errors = _split(read([str(path)]))
    assert errors == [] and article.date == date and is_plausible(date)


def test_an_implausible_date_line_of_a_text_file_is_reported(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(f"date 1812-06-24 {TEXT}")
    [article], [warning] = _split(read([str(path)]))
    assert article.date == "1812-06-24" and f"{path}: date 1812-06-24" in str(warning)


def test_a_date_given_on_the_command_line_is_not_second_guessed(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(TEXT)
    [article], errors = _split(read([str(path)], date="1890-05-05"))
    assert errors == [] and (article.date, article.date_source) == ("1890-05-05", "given")


def test_file_name_dates_keep_to_the_plausible_range():
    assert date_from_filename("a_1899-12-31_b.txt") is None
    assert date_from_filename("a_1899-12-31_2001-02-03.txt") == "2001-02-03"  # the first plausible one


def _page(*, head: str = "", canonical: str = "", body_date: str = "") -> bytes:
    paragraphs = "".join(f"<p>Paragraph {i}: the ministers met in the capital and agreed to continue their talks over "
                         f"the coming weeks, officials said after the meeting ended.</p>" for i in range(4))
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ministers meet again</title>{link}{head}'
            f"</head><body><article><h1>Ministers meet again</h1><p>{body_date}</p>{paragraphs}</article></body></html>").encode()


def test_the_url_date_outranks_a_date_mentioned_in_the_body():
    page = parse_page(_page(canonical="https://news.example.com/2022/08/03/ministers-meet/",
                            body_date="The talks began on Monday, July 25, 2022 and will continue."))
    assert (page.date, page.date_source) == ("2022-08-03", "url")


def test_the_metadata_date_outranks_the_url_date():
    page = parse_page(_page(canonical="https://news.example.com/2022/08/03/ministers-meet/",
                            head='<meta property="article:published_time" content="2022-08-04T09:00:00Z">',
                            body_date="The talks began on Monday, July 25, 2022 and will continue."))
    assert (page.date, page.date_source) == ("2022-08-04", "content")


def test_a_date_in_the_body_is_the_fallback_without_metadata_or_url_date():
    page = parse_page(_page(canonical="https://news.example.com/world/ministers-meet/",
                            body_date="The talks began on Monday, July 25, 2022 and will continue."), crawl_date="2024-01-01")
    assert (page.date, page.date_source) == ("2022-07-25", "content")
