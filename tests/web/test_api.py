"""The JSON API, driven through FastAPI's test client: every list pages, bad input gives 422, unknown ids 404."""
from __future__ import annotations

import csv
import hashlib
import io
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import TokenRequiredError
from newsgraph.web import create_app, run
from newsgraph.web.api import ArticleRow, EventRow, QuoteRow
from newsgraph.web.security import is_loopback

from .conftest import XSS_ID, free_port


def test_stats(client):
    r = client.get("/api/stats")
    assert r.status_code == 200
    body = r.json()
    assert body["articles"] == 7 and body["actors"] > 10 and body["first_date"] == "2024-10-28"


def test_openapi_and_docs_are_served_offline(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/actors", "/api/actors/{actor}", "/api/quotes", "/api/events", "/api/relation", "/api/articles",
                 "/api/search",
                 "/api/articles/{article_id}", "/api/stats", "/api/actors/{actor}/counterparts"]:
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize("q, expected", [("rutte", "Mark Rutte"), ("Rütte", "Mark Rutte"), ("mark r", "Mark Rutte"),
                                          ("RUSS", "Russia"), ("north k", "North Korea")])
def test_search_by_name_or_alias_prefix(client, q, expected):
    items = client.get("/api/actors", params={"q": q}).json()["items"]
    assert expected in [a["name"] for a in items]


def test_search_pages_through_all_actors(client):
    total = client.get("/api/stats").json()["actors"]
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/actors", params={"limit": 5, "offset": offset}).json()
        assert len(page["items"]) <= 5
        seen += [a["id"] for a in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == total


def test_search_by_type(client):
    items = client.get("/api/actors", params={"type": "PERSON"}).json()["items"]
    assert items and all(a["type"] == "PERSON" for a in items)


def test_actor_by_name_or_id(client):
    by_name = client.get("/api/actors/Rutte").json()
    assert by_name["name"] == "Mark Rutte" and by_name["type"] == "PERSON"
    by_id = client.get(f"/api/actors/{by_name['id']}").json()
    assert by_id == by_name
    roles = {(r["role"], r["of_name"]) for r in by_name["roles"]}
    assert ("secretary general", "NATO") in roles  # "Mark Rutte, NATO's secretary general" in the examples
    assert all(r["first_seen"] <= r["last_seen"] for r in by_name["roles"])
    assert by_name["activity"]["quotes_by"] >= 3


def test_counterparts_and_activity(client):
    items = client.get("/api/actors/Russia/counterparts").json()["items"]
    names = {i["counterpart_name"] for i in items}
    assert "North Korea" in names
    assert all(i["direction"] in ("in", "out") and i["events"] >= 1 for i in items)
    activity = client.get("/api/actors/Russia/activity", params={"by": "month"}).json()
    assert {a["period"] for a in activity} <= {"2024-10-01", "2024-11-01", None}
    assert {a["kind"] for a in activity} <= {"events_as_source", "events_as_target", "quotes_by", "quotes_about"}


def test_quotes_by_and_about_with_paging(client):
    first = client.get("/api/quotes", params={"speaker": "Mark Rutte", "limit": 2}).json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    assert all(q["speaker_name"] == "Mark Rutte" for q in first["items"])
    second = client.get("/api/quotes", params={"speaker": "Mark Rutte", "limit": 2, "offset": 2}).json()
    assert {(q["article_id"], q["idx"]) for q in first["items"]}.isdisjoint(
        {(q["article_id"], q["idx"]) for q in second["items"]})
    newest = client.get("/api/quotes", params={"about": "Russia", "limit": 50}).json()["items"]
    dates = [q["date"] for q in newest if q["date"]]
    assert dates and dates == sorted(dates, reverse=True)


def test_events_with_filters(client):
    items = client.get("/api/events", params={"type": ["AID", "COOPERATE"], "since": "2024-11-01",
                                              "until": "2024-11-30"}).json()["items"]
    assert items and all(e["type"] in ("AID", "COOPERATE") and "2024-11-01" <= e["date"] <= "2024-11-30" for e in items)
    by_target = client.get("/api/events", params={"target": "Russia"}).json()["items"]
    assert by_target and all(e["target_name"] == "Russia" for e in by_target)
    reported = client.get("/api/events", params={"modality": "reported"}).json()["items"]
    assert all(e["modality"] == "reported" for e in reported)


def test_relation(client):
    rows = client.get("/api/relation", params={"a": "Russia", "b": "North Korea", "by": "month"}).json()
    assert rows and all(r["direction"] in ("a->b", "b->a") for r in rows)


def test_article_with_annotations(client):
    art = client.get(f"/api/articles/{XSS_ID}").json()
    assert art["id"] == XSS_ID and "<script>alert(1)</script>" in art["text"]
    for m in art["mentions"]:
        assert art["text"][m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize("url", [
    "/api/events?since=2024-13-01", "/api/events?until=yesterday", "/api/quotes?since=2024-02-30",
    "/api/actors?limit=0", "/api/actors?limit=501", "/api/actors?offset=-1", "/api/actors?type=ALIEN",
    "/api/events?type=CRITICIZE", "/api/events?modality=certain", "/api/quotes?kind=shouted",
    "/api/quotes?sort=loudness", "/api/quotes?sort=relevance", "/api/events?order=sideways",
    "/api/quotes?min_confidence=2", "/api/search?q=missiles&kinds=tweets", "/api/search?q=",
    "/api/search?q=missiles&format=csv", "/api/articles?limit=10001", "/api/quotes?format=xml", "/api/relation?a=Russia&b=Ukraine&by=fortnight",
    "/api/relation?a=Russia", "/api/actors/Russia/activity?by=decade",
])
def test_invalid_parameters_give_422_with_a_message(client, url):
    r = client.get(url)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert detail and all(d["msg"] for d in detail)


@pytest.mark.parametrize("url", ["/api/actors/Nobody%20Atall", "/api/articles/no-such-article",
                                 "/api/quotes?speaker=Nobody", "/api/events?source=Nobody",
                                 "/api/relation?a=Russia&b=Nobody", "/api/actors/Nobody/counterparts"])
def test_unknown_ids_give_404(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert "Nobody" in r.json()["detail"] or "no-such-article" in r.json()["detail"]


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_token_required_on_every_request(store_path):
    with TestClient(create_app(store_path, token="s3cret")) as c:
        for url in ["/", "/api/stats", "/docs", "/openapi.json", "/static/app.css", "/actor/Russia"]:
            assert c.get(url).status_code == 401, url
        assert c.get("/api/stats", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/stats?token=wrong").status_code == 401
        assert c.get("/api/stats", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        c.cookies.clear()
        r = c.get("/?token=s3cret")
        assert r.status_code == 200
        # the page's own links and scripts carry the token in an HttpOnly same-site cookie
        assert "httponly" in r.headers["set-cookie"].lower()
        assert c.get("/api/stats").status_code == 200


def test_bearer_header_wins_over_query_token(store_path):
    with TestClient(create_app(store_path, token="s3cret")) as c:
        r = c.get("/api/stats?token=s3cret", headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert "content-security-policy" in r.headers


def test_docs_page_allows_swagger_inline_script(client):
    csp = client.get("/docs").headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in csp


def test_non_loopback_binding_needs_a_token(store_path):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")
    with pytest.raises(TokenRequiredError):
        run(store_path, host="0.0.0.0", port=1)


def test_cli_serve_refuses_open_binding_without_token(store_path):
    result = CliRunner().invoke(app, ["serve", "--db", store_path, "--host", "0.0.0.0"], env={"NEWSGRAPH_TOKEN": ""})
    assert result.exit_code == 1
    assert "NG020" in result.output


def test_serve_never_writes(store_copy):
    before = hashlib.sha256(Path(store_copy).read_bytes()).hexdigest()
    with TestClient(create_app(store_copy)) as c:
        for url in ["/", "/actor/Russia", "/api/stats", f"/article/{XSS_ID}", "/search?q=r", "/relation?a=Russia&b=Ukraine"]:
            assert c.get(url).status_code == 200
    assert hashlib.sha256(Path(store_copy).read_bytes()).hexdigest() == before


TOKEN = "a-token-of-24-characters"  # the server refuses a token under 16 characters


def test_cli_serve_starts_a_server_on_loopback(store_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", store_path, "--port", str(port),
                             "--token", TOKEN], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/api/stats"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(url, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "newsgraph serve did not start"
                time.sleep(0.2)
        assert r.status_code == 401
        assert httpx.get(url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10).json()["articles"] == 7
    finally:
        proc.terminate()
        proc.wait(15)


def _all_pages(client, url, params):
    rows, offset = [], 0
    while offset is not None:
        page = client.get(url, params={**params, "limit": 3, "offset": offset}).json()
        rows += page["items"]
        offset = page["next_offset"]
    return rows, page["total"]


@pytest.mark.parametrize("url, params", [("/api/quotes", {}), ("/api/events", {"type": "material-conflict"}),
                                         ("/api/articles", {"actor": "Russia"})])
def test_list_total_counts_every_row_across_pages(client, url, params):
    rows, total = _all_pages(client, url, params)
    assert total == len(rows) > 3


def test_events_unknown_type_is_a_422_listing_the_valid_types(client):
    r = client.get("/api/events", params={"type": "CRITICIZE"})
    assert r.status_code == 422
    (error,) = r.json()["detail"]
    assert error["loc"] == ["query", "type"] and "unknown event type 'CRITICIZE'" in error["msg"]
    assert {"ACCUSE", "REJECT", "verbal-conflict"} <= set(error["ctx"]["valid"])


def test_events_by_family_and_actor_on_either_side(client):
    items = client.get("/api/events", params={"type": "material-cooperation", "actor": "Russia", "limit": 500}).json()["items"]
    assert items and all(e["type"] in ("COOPERATE", "AID", "RETREAT") for e in items)
    assert all("Russia" in (e["source_name"], e["target_name"]) for e in items)


def test_quotes_csv_download_has_the_rows_of_the_json_page(client):
    params = {"about": "Russia", "sort": "speaker", "order": "asc", "limit": 5}
    page = client.get("/api/quotes", params=params).json()
    r = client.get("/api/quotes", params={**params, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="quotes.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(row["article_id"], int(row["idx"]), row["text"]) for row in rows] == \
        [(q["article_id"], q["idx"], q["text"]) for q in page["items"]]


def test_hostile_text_travels_in_csv_as_data(client):
    r = client.get("/api/articles", params={"q": "alert", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert XSS_ID in [row["article_id"] for row in rows]


def test_search_finds_a_quote_by_a_word_of_its_text(client):
    quote = client.get("/api/quotes", params={"speaker": "Mark Rutte", "limit": 1}).json()["items"][0]
    word = max(re.findall(r"[A-Za-z]{4,}", quote["text"]), key=len)
    found = client.get("/api/search", params={"q": word, "kinds": "quotes"}).json()
    assert found["quotes"]["total"] >= 1
    assert (quote["article_id"], quote["idx"]) in {(q["article_id"], q["idx"]) for q in found["quotes"]["items"]}
    assert found["articles"] is None


def test_search_answers_every_kind_with_totals(client):
    found = client.get("/api/search", params={"q": "Russia"}).json()
    assert {k: found[k]["total"] > 0 for k in ("quotes", "articles", "actors", "events")} == dict.fromkeys(
        ("quotes", "articles", "actors", "events"), True)
    assert found["actors"]["items"][0]["name"] == "Russia"


def test_search_one_kind_as_csv(client):
    r = client.get("/api/search", params={"q": "Russia", "kinds": "actors", "format": "csv"})
    assert r.status_code == 200 and r.text.splitlines()[0] == "id,name,type,country,mentions,articles,score"


def test_list_rows_match_their_documented_models(client):
    for url, model in [("/api/quotes", QuoteRow), ("/api/events", EventRow), ("/api/articles", ArticleRow)]:
        header = client.get(url, params={"format": "csv", "limit": 1}).text.splitlines()[0].split(",")
        assert header == list(model.model_fields), url
