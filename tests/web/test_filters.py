"""Reading a list page's query string: empty fields are no filter, values are checked and typed, the
view's URL and its downloads carry the same filters."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.exceptions import RequestValidationError
from starlette.datastructures import QueryParams

from newsgraph.web.filters import SPECS, range_text, read_request


def _read(kind: str, query: str):
    return read_request(SPECS[kind], QueryParams(query))


@pytest.mark.parametrize("offset, shown, total, exact, expected", [
    (50, 50, 1234, True, "51–100 of 1,234"),
    (0, 7, 7, True, "1–7 of 7"),
    (0, 0, 0, True, "0 of 0"),
    (0, 20, 1000, False, "1–20 of 1,000+"),
])
def test_range_text(offset, shown, total, exact, expected):
    assert range_text(offset, shown, total, exact) == expected


def test_empty_fields_are_no_filter():
    req = _read("quotes", "q=&speaker=&since=&until=&kind=&anonymous=&min_confidence=&limit=")
    assert req.filters == {} and req.arguments == {} and req.limit == 50 and req.url() == "/quotes"


def test_values_are_typed_for_the_corpus():
    req = _read("quotes", "since=2024-11-01&min_confidence=0.7&anonymous=false&kind=Direct&outlet=a.com&outlet=b.com")
    assert req.arguments == {"since": "2024-11-01", "min_confidence": 0.7, "anonymous": False, "kind": ["direct"],
                             "outlet": ["a.com", "b.com"]}


def test_event_type_and_family_are_checked():
    assert _read("events", "type=assault&type=Verbal conflict").arguments["type"] == ["ASSAULT", "verbal-conflict"]
    with pytest.raises(RequestValidationError) as err:
        _read("events", "type=CRITICIZE")
    assert err.value.errors()[0]["loc"] == ("query", "type") and "CRITICIZE" in err.value.errors()[0]["msg"]


@pytest.mark.parametrize("query, param", [("since=2024-13-01", "since"), ("min_confidence=1.5", "min_confidence"),
                                          ("anonymous=maybe", "anonymous"), ("limit=0", "limit"),
                                          ("offset=-1", "offset"), ("sort=colour", "sort"), ("order=up", "order"),
                                          ("sort=relevance", "sort")])
def test_a_bad_value_names_its_parameter(query, param):
    with pytest.raises(RequestValidationError) as err:
        _read("quotes", query)
    assert err.value.errors()[0]["loc"] == ("query", param)


def test_words_sort_by_relevance_unless_told_otherwise():
    assert _read("events", "q=missiles").sort == "relevance"
    assert _read("events", "q=missiles&sort=date").sort == "date" and _read("events", "").sort == "date"


def test_urls_keep_the_view_and_change_one_thing():
    req = _read("events", "actor=Russia&type=AID&type=FIGHT&sort=type&order=asc&limit=25&offset=50")
    nxt = parse_qs(urlsplit(req.url(offset=75)).query)
    assert nxt == {"actor": ["Russia"], "type": ["AID", "FIGHT"], "sort": ["type"], "order": ["asc"], "limit": ["25"],
                   "offset": ["75"]}
    assert "offset" not in parse_qs(urlsplit(req.sort_url("date")).query)
    assert parse_qs(urlsplit(req.sort_url("type")).query)["order"] == ["desc"]  # the same key flips the order


def test_downloads_are_the_same_rows_from_the_api():
    req = _read("events", "actor=Russia&type=AID&offset=50&limit=25")
    page = urlsplit(req.download("csv"))
    assert page.path == "/api/events"
    assert parse_qs(page.query) == {"actor": ["Russia"], "type": ["AID"], "sort": ["date"], "order": ["desc"],
                                    "limit": ["25"], "offset": ["50"], "format": ["csv"]}
    whole = parse_qs(urlsplit(req.download("json", 1234)).query)
    assert whole["limit"] == ["1234"] and "offset" not in whole and whole["format"] == ["json"]
