"""The one date module: ISO dates from users, natural dates through dateparser, file names, YYMMDD."""
from __future__ import annotations

import pytest

from newsgraph.dates import date_from_filename, from_yymmdd, is_plausible, parse_iso, parse_natural
from newsgraph.errors import BadDateError


def test_a_user_date_must_be_iso():
    assert parse_iso("2024-11-06") == "2024-11-06"
    with pytest.raises(BadDateError):
        parse_iso("06/11/2024")


@pytest.mark.parametrize(("text", "base", "want"), [
    ("last Tuesday", "2024-11-06", "2024-11-05"),   # the article's date is a Wednesday
    ("12 April 2022", None, "2022-04-12"),
    ("yesterday", "2024-01-01", "2023-12-31"),
])
def test_natural_dates_count_from_the_base(text, base, want):
    assert parse_natural(text, base=base) == want


def test_a_full_date_is_required_when_asked():
    assert parse_natural("April 2022", full=True) is None


def test_dotted_dates_read_day_first_when_asked():
    assert parse_natural("06.11.2024", full=True, day_first=True) == "2024-11-06"


def test_a_date_in_a_file_name_stands_apart_from_other_digits():
    assert date_from_filename("nyt_20160628_rutte.txt") == "2016-06-28"
    assert date_from_filename("123456789.txt") is None


def test_plausible_range_and_petrarch_dates():
    assert is_plausible("2024-11-06") and not is_plausible("1800-01-01")
    assert from_yymmdd("990101") == "1999-01-01" and from_yymmdd("050101") == "2005-01-01"
