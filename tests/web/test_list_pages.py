"""The analyst's pages over the test store: lists with filters, totals, paging, sorting and downloads;
search; comparing two actors with the counts of `newsgraph relation`; facts that open at their sentence;
low confidence shown as such."""
from __future__ import annotations

import json
import re
import shutil
from html import unescape
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app as cli
from newsgraph.curate import Curator
from newsgraph.web import charts, create_app, pages
from newsgraph.web.settings import ServerSettings

ROW = re.compile(r'<tr class="row[^"]*" data-article="([^"]+)" data-idx="(\d+)"')


def _rows(html: str) -> list[tuple[str, int]]:
    return [(unescape(a), int(i)) for a, i in ROW.findall(html)]


def _range(html: str) -> str:
    return unescape(re.search(r'<strong id="range">(.*?)</strong>', html).group(1))


def _href(html: str, element_id: str) -> str:
    tag = re.search(rf'<a [^>]*\bid="{element_id}"[^>]*>', html).group(0)
    return unescape(re.search(r'href="([^"]+)"', tag).group(1))


@pytest.mark.parametrize("path", ["/quotes", "/events", "/articles"])
def test_list_page_shows_the_total_and_every_row(client, path):
    html = client.get(path).text
    total = client.get(f"/api{path}", params={"limit": 1}).json()["total"]
    assert total > 0 and _range(html) == f"1–{min(total, 50)} of {total}"
    assert 'id="filters"' in html and 'id="results"' in html


def test_pages_of_a_list_say_where_they_are(client):
    total = client.get("/api/quotes", params={"limit": 1}).json()["total"]
    first = client.get("/quotes", params={"limit": 5}).text
    second = client.get("/quotes", params={"limit": 5, "offset": 5}).text
    assert _range(second) == f"6–10 of {total}"
    assert not set(_rows(first)) & set(_rows(second)) and len(_rows(second)) == 5
    assert "offset=10" in _href(second, "page-next") and "offset" not in _href(second, "page-first")


def test_list_rows_are_the_api_rows_in_the_same_order(client):
    html = client.get("/events", params={"type": "material-conflict", "sort": "type", "order": "asc"}).text
    api = client.get("/api/events", params={"type": "material-conflict", "sort": "type", "order": "asc"}).json()
    assert _rows(html) == [(e["article_id"], e["idx"]) for e in api["items"]] and api["items"]


def test_filters_live_in_the_url_and_the_form(client):
    html = client.get("/quotes", params={"speaker": "Rutte", "since": "2024-11-01", "until": "", "q": ""}).text
    assert 'name="speaker" id="f-speaker" value="Rutte"' in html and 'name="since" id="f-since" value="2024-11-01"' in html
    rows = client.get("/api/quotes", params={"speaker": "Rutte", "since": "2024-11-01"}).json()
    assert _range(html) == f"1–{rows['total']} of {rows['total']}"
    assert 'data-param="speaker"' in html and ">Mark Rutte</a>" in html  # what the name stands for


def test_downloads_are_the_api_list_of_the_same_rows(client):
    params = {"speaker": "Rutte", "sort": "date", "order": "asc", "limit": "5", "offset": "2"}
    html = client.get("/quotes", params=params).text
    csv_url, json_url = _href(html, "download-csv"), _href(html, "download-json")
    assert urlsplit(csv_url).path == "/api/quotes"
    query = parse_qs(urlsplit(csv_url).query)
    assert {k: v[0] for k, v in query.items() if k != "format"} == params and query["format"] == ["csv"]
    body = client.get(json_url).json()
    assert [(r["article_id"], r["idx"]) for r in body["items"]] == _rows(html)
    csv = client.get(csv_url)
    assert csv.headers["content-type"].startswith("text/csv") and len(csv.text.strip().splitlines()) == 1 + len(_rows(html))


def test_sort_links_toggle_the_order_and_go_back_to_the_first_page(client):
    html = client.get("/events", params={"sort": "type", "order": "desc", "offset": "5", "limit": "5"}).text
    link = unescape(re.search(r'href="([^"]+)" data-sort="type"', html).group(1))
    query = parse_qs(urlsplit(link).query)
    assert query["sort"] == ["type"] and query["order"] == ["asc"] and "offset" not in query
    assert 'aria-sort="descending"' in html


def test_event_type_or_family_filters(client):
    html = client.get("/events", params={"type": "verbal-conflict"}).text
    types = set(re.findall(r'<span class="etype fam-([a-z-]+)"', html))
    assert types == {"verbal-conflict"}
    assert 'value="verbal-conflict" selected' in html


def test_an_actor_on_either_side(client):
    either = _rows(client.get("/events", params={"actor": "North Korea"}).text)
    as_source = _rows(client.get("/events", params={"source": "North Korea"}).text)
    as_target = _rows(client.get("/events", params={"target": "North Korea"}).text)
    assert as_source and as_target and set(either) == set(as_source) | set(as_target)


@pytest.mark.parametrize("params, status, says", [
    ({"since": "2024-13-01"}, 422, "2024-13-01"),
    ({"type": "CRITICIZE"}, 422, "CRITICIZE"),
    ({"min_confidence": "2"}, 422, "between 0 and 1"),
    ({"sort": "colour"}, 422, "sort"),
    ({"limit": "0"}, 422, "limit"),
    ({"source": "Nobody-At-All"}, 404, "Nobody-At-All"),
])
def test_a_bad_filter_is_named_on_the_page(client, params, status, says):
    r = client.get("/events", params=params)
    assert r.status_code == status and "text/html" in r.headers["content-type"] and says in unescape(r.text)


def test_unknown_actor_keeps_the_form_to_fix_it(client):
    r = client.get("/quotes", params={"speaker": "Nobody-At-All"})
    assert r.status_code == 404 and 'id="list-error"' in r.text and 'value="Nobody-At-All"' in r.text


def test_articles_filtered_by_an_actor_mentioned(client):
    html = client.get("/articles", params={"actor": "Rutte"}).text
    titles = client.get("/api/articles", params={"actor": "Rutte"}).json()
    assert _range(html) == f"1–{titles['total']} of {titles['total']}" and titles["total"] >= 2


def test_search_page_lists_each_kind_with_links_to_the_facts(client):
    html = client.get("/search", params={"q": "missiles"}).text
    for kind in ["actors", "quotes", "events", "articles"]:
        assert f'id="search-{kind}"' in html
    quotes = re.search(r'id="results-quotes">(.*?)</ol>', html, re.S).group(1)
    assert "missiles" in quotes and re.search(r'href="/article/[^"#]+#q-\d+"', quotes)
    assert re.search(r'href="/article/[^"#]+#e-\d+"', html)


def test_search_finds_actors_by_name_prefix(client):
    assert "Mark Rutte" in client.get("/search", params={"q": "rüt"}).text


def test_empty_search_explains_itself(client):
    html = client.get("/search").text
    assert 'id="search-quotes"' not in html and 'href="/quotes"' in html


def test_fact_links_open_the_article_at_the_fact(client):
    html = client.get("/quotes", params={"limit": 500}).text
    links = re.findall(r'href="/article/([^"#]+)#q-(\d+)"', html)
    assert len(links) == len(_rows(html))
    article_id, idx = links[0]
    article = client.get(f"/article/{article_id}").text
    assert f'id="q-{idx}"' in article and re.search(rf'data-qs="[^"]*\b{idx}\b', article)


def test_article_page_has_an_anchor_for_every_fact(client):
    art = client.get("/api/quotes", params={"speaker": "Rutte"}).json()["items"][0]["article_id"]
    body = client.get(f"/api/articles/{art}").json()
    html = client.get(f"/article/{art}").text
    for i in range(len(body["quotes"])):
        assert html.count(f'id="q-{i}"') == 1
    for i in range(len(body["events"])):
        assert html.count(f'id="e-{i}"') == 1
    assert "/static/js/article.js" in html


def _cli_relation(store: str, a: str, b: str, by: str) -> set[tuple[str | None, str, str, int]]:
    out = CliRunner().invoke(cli, ["relation", a, b, "--db", store, "--by", by, "--format", "jsonl", "--examples", "0"])
    assert out.exit_code == 0, out.output
    return {(r["period"], r["direction"], r["type"], r["events"]) for r in map(json.loads, out.output.splitlines())}


def _page_relation(html: str) -> set[tuple[str | None, str, str, int]]:
    title = unescape(re.search(r"<h1>(.*?)</h1>", html).group(1))
    name_a, name_b = title.split(" ⇄ ")
    rows = re.findall(r'<tr data-period="([^"]*)" data-direction="([^"]+)" data-type="([^"]+)" data-events="(\d+)">', html)
    return {(p or None, f"{name_a} -> {name_b}" if d == "a-&gt;b" else f"{name_b} -> {name_a}", t, int(n))
            for p, d, t, n in rows}


@pytest.mark.parametrize("a, b, by", [("Moscow", "Mark Rutte", "week"), ("Moscow", "Pyongyang", "month"),
                                      ("Russia", "North Korea", "week")])
def test_relation_page_counts_what_the_cli_counts(client, store_path, a, b, by):
    html = client.get("/relation", params={"a": a, "b": b, "by": by}).text
    expected = _cli_relation(store_path, a, b, by)
    assert expected and _page_relation(html) == expected


@pytest.mark.parametrize("span_period", ["week", "month", "year"])
def test_relation_page_without_by_counts_per_the_period_its_span_needs(store_path, monkeypatch, span_period):
    """Without `by` the page counts per week, month or year as the span of the pair's events needs
    (`charts.period_for_span`, as the actor page's timeline), so a long history stays a bounded chart
    and table; the counts are the CLI's for that period. With `by` given, that period."""
    spans = []
    monkeypatch.setattr(charts, "period_for_span", lambda first, last: spans.append((first, last)) or span_period)
    with TestClient(create_app(store_path, settings=ServerSettings(cache_bytes=0))) as c:
        html = c.get("/relation", params={"a": "Russia", "b": "North Korea"}).text
        weekly = c.get("/relation", params={"a": "Russia", "b": "North Korea", "by": "week"}).text
    assert len(spans) == 1  # chosen once, from the span of the weekly rows
    assert _page_relation(html) == _cli_relation(store_path, "Russia", "North Korea", span_period)
    assert f"events per {span_period}, on a date axis" in html and f'<option value="{span_period}" selected>' in html
    assert _page_relation(weekly) == _cli_relation(store_path, "Russia", "North Korea", "week")


def test_relation_counts_every_actor_a_name_covers(store_copy):
    """A name an analyst gave to two actors ('the Koreas' as an alias of both) covers both: the page
    says so and counts the events of either with the other side (here North Korea's with Russia)."""
    with Curator(store_copy) as curator:
        curator.add_alias("North Korea", "the Koreas")
        curator.add_alias("South Korea", "the Koreas")
    with TestClient(create_app(store_copy)) as c:
        html = c.get("/relation", params={"a": "the Koreas", "b": "Russia"}).text
        alone = c.get("/relation", params={"a": "North Korea", "b": "Russia"}).text
    covers = re.search(r'id="covers">(.*?)</div>', html, re.S).group(1)
    assert "2 actors" in covers and ">North Korea</a>" in covers and ">South Korea</a>" in covers
    types = re.findall(r'data-type="(\w+)"', re.search(r'id="type-table">(.*?)</table>', html, re.S).group(1))
    assert types and types == re.findall(r'data-type="(\w+)"', re.search(r'id="type-table">(.*?)</table>', alone, re.S).group(1))


def test_relation_page_without_actors_offers_the_pickers(client):
    html = client.get("/relation").text
    assert 'data-picker="actor"' in html and 'name="a"' in html and 'name="b"' in html
    assert 'id="relation-table"' not in html and "/static/js/picker.js" in html


def test_relation_with_an_unknown_actor_keeps_the_pickers(client):
    r = client.get("/relation", params={"a": "Russia", "b": "Nobody-At-All"})
    assert r.status_code == 404 and 'id="relation-error"' in r.text and 'value="Nobody-At-All"' in r.text


def _listed(html: str, list_id: str) -> list[tuple[str, int]]:
    """(article, idx) of each fact in the relation page's list `list_id`, from the links that open its sentence."""
    found = re.search(rf'<ol class="\w+" id="{list_id}">(.*?)</ol>', html, re.S)
    links = re.findall(r'href="/article/([^"#]+)#[qe]-(\d+)"', found.group(1)) if found else []
    return [(unquote(unescape(a)), int(i)) for a, i in links]


def test_relation_shows_the_events_and_quotes_between_them(client):
    html = client.get("/relation", params={"a": "Russia", "b": "North Korea"}).text
    # 4: "cooperation between Russia and North Korea" is one event between the two, not one each way; "North
    # Korean troops have been sent to Russia" is North Korea's (events/themes.py)
    assert len(_listed(html, "events-ab")) + len(_listed(html, "events-ba")) == 4
    assert 'id="relation-quotes-ab"' in html and 'id="relation-quotes-ba"' in html
    assert 'id="events-ab-next"' not in html  # the whole list fits on the page: no next page


@pytest.mark.parametrize("a, b, list_id, path, params", [
    ("North Korea", "Russia", "events-ab", "/events", {"source": "North Korea", "target": "Russia"}),
    ("Russia", "Mark Rutte", "quotes-ba", "/quotes", {"speaker": "Mark Rutte", "about": "Russia"}),
])
def test_relation_lists_show_a_page_and_the_list_page_continues_it(store_path, monkeypatch, a, b, list_id, path,
                                                                   params):
    """Each list on the relation page is the list page's first page (newest first), with the total and a
    link to the next page; following the links gives every fact of the whole list once, in its order."""
    monkeypatch.setattr(pages, "RELATION_PAGE", 1)  # the examples have 2 and 5 of these
    with TestClient(create_app(store_path, settings=ServerSettings(cache_bytes=0))) as c:
        whole = _rows(c.get(path, params={**params, "limit": 500}).text)
        html = c.get("/relation", params={"a": a, "b": b}).text
        seen = _listed(html, list_id)
        assert len(whole) > 1 and len(seen) == 1
        assert re.search(rf'id="{list_id}-pager"><span>1–1 of {len(whole)}</span>', html)
        assert _href(html, f"{list_id}-all") == f"{path}?{urlencode(params)}"
        url = _href(html, f"{list_id}-next")
        while url:
            page = c.get(url).text
            seen += _rows(page)
            url = _href(page, "page-next") if 'id="page-next"' in page else ""
    assert seen == whole


def _chart(html: str, element_id: str) -> dict:
    return json.loads(re.search(rf'id="{element_id}">(.*?)</script>', html, re.S).group(1))


def test_timelines_are_on_dates(client):
    russia = client.get("/api/actors/Russia").json()["id"]
    timeline = _chart(client.get(f"/actor/{russia}").text, "timeline-data")
    xs = [p["x"] for p in timeline["datasets"][0]["data"]]
    assert timeline["by"] == "week" and xs == sorted(xs) and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", x) for x in xs)
    assert len(xs) == timeline["periods"] >= 4  # quiet weeks are on the axis too
    series = _chart(client.get("/relation", params={"a": "Russia", "b": "North Korea", "by": "month"}).text,
                    "relation-data")
    assert series["by"] == "month" and [p["x"] for p in series["datasets"][0]["data"]] == ["2024-10-01", "2024-11-01"]


def test_actor_page_loads_the_date_adapter(client):
    russia = client.get("/api/actors/Russia").json()["id"]
    html = client.get(f"/actor/{russia}").text
    adapter = "/static/vendor/chartjs-adapter-date-fns/chartjs-adapter-date-fns.bundle.min.js"
    assert adapter in html and client.get(adapter).status_code == 200


def test_actor_network_filtered_by_type_and_period(client):
    russia = client.get("/api/actors/Russia").json()["id"]
    everything = _chart(client.get(f"/actor/{russia}").text, "graph-data")
    conflict = _chart(client.get(f"/actor/{russia}", params={"type": "material-conflict"}).text, "graph-data")
    late = _chart(client.get(f"/actor/{russia}", params={"since": "2024-11-10"}).text, "graph-data")

    def counterparts(graph: dict) -> set[str]:
        return {e["data"]["label"] for e in graph["elements"] if "source" not in e["data"] and not e["data"].get("center")}
    events = client.get("/api/events", params={"actor": "Russia", "type": "material-conflict", "limit": 200}).json()["items"]
    expected = {name for e in events for name in (e["source_name"], e["target_name"]) if name not in (None, "Russia")}
    assert "Ukraine" in expected and counterparts(conflict) == expected < counterparts(everything)
    assert "North Korea" in counterparts(late) and counterparts(late) < counterparts(everything)
    assert all(e["data"]["family"] == "material-conflict" for e in conflict["elements"] if "source" in e["data"])


def test_actor_network_filter_rejects_an_unknown_type(client):
    russia = client.get("/api/actors/Russia").json()["id"]
    r = client.get(f"/actor/{russia}", params={"type": "CRITICIZE"})
    assert r.status_code == 422 and "CRITICIZE" in unescape(r.text)


def test_actor_redirect_keeps_the_filters(client):
    r = client.get("/actor/Russia", params={"type": "AID"}, follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"].endswith("?type=AID")


@pytest.fixture
def confident_client(store_path, tmp_path):
    """The test store with one event marked as unlikely (confidence 0.2), one as likely (0.9), the rest unknown."""
    db = str(tmp_path / "confidence.duckdb")
    shutil.copy(store_path, db)
    with duckdb.connect(db) as con:
        con.execute("UPDATE events SET confidence = NULL")
        (low,), (high,) = con.execute("SELECT article_id || '/' || idx FROM events ORDER BY article_id, idx LIMIT 2").fetchall()
        for key, value in ((low, 0.2), (high, 0.9)):
            con.execute("UPDATE events SET confidence = ? WHERE article_id || '/' || idx = ?", [value, key])
    with TestClient(create_app(db)) as c:
        yield c, low.rsplit("/", 1), high.rsplit("/", 1)


def test_low_confidence_events_are_muted_and_labelled(confident_client):
    c, (low_article, low_idx), (high_article, high_idx) = confident_client
    html = c.get("/events", params={"limit": 500}).text
    low = re.search(rf'<tr class="row low-conf" data-article="{low_article}" data-idx="{low_idx}">(.*?)</tr>', html, re.S)
    assert low and "low confidence 0.20" in low.group(1)
    high = re.search(rf'<tr class="row" data-article="{high_article}" data-idx="{high_idx}">(.*?)</tr>', html, re.S)
    assert high and "low confidence" not in high.group(1) and "0.90" in high.group(1)
    assert html.count('class="row low-conf"') == 1  # unknown is not low
    article = c.get(f"/article/{low_article}").text
    assert re.search(rf'<tr id="e-{low_idx}-row" class="low-conf">', article)



def test_a_list_longer_than_a_page_downloads_whole(client):
    html = client.get("/events", params={"limit": 5, "offset": 5, "sort": "type"}).text
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    body = client.get(_href(html, "download-all-json")).json()
    assert body["total"] == total == len(body["items"]) > 5 and body["offset"] == 0
    assert [r["type"] for r in body["items"]] == sorted(r["type"] for r in body["items"])[::-1]  # the page's sort
    assert 'id="download-all-csv"' not in client.get("/events", params={"limit": 500}).text  # one page is all
