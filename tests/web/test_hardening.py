"""The hardened server (issue 19): parameter caps, the Host check, frame headers, the token's ways in and
out, slowed guessing, no server paths in answers, and a store that disappears while serving."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app as cli_app
from newsgraph.errors import NewsgraphError
from newsgraph.web import create_app, run
from newsgraph.web.security import TOKEN_COOKIE, HostCheck, RedactToken
from newsgraph.web.settings import DEFAULT, ServerSettings

from .conftest import free_port

TOKEN = "correct-horse-battery-staple"  # 28 characters
LONG = "Rutte " * 40  # 240 characters: over the 200-character cap


# -- bounded work: every string parameter has a cap, and going over it is a 422 naming it
@pytest.mark.parametrize(("url", "param"), [
    (f"/api/quotes?speaker={LONG}", "speaker"), (f"/api/quotes?about={LONG}", "about"),
    (f"/api/events?source={LONG}", "source"), (f"/api/events?target={LONG}", "target"),
    (f"/api/events?actor={LONG}", "actor"), (f"/api/relation?a={LONG}&b=Russia", "a"),
    (f"/api/relation?a=Russia&b={LONG}", "b"), (f"/api/quotes?outlet={LONG}", "outlet"),
    (f"/api/claims?speaker={LONG}", "speaker"), (f"/api/actors/{LONG}", "actor"),
    (f"/api/actors/{LONG}/counterparts", "actor"),
])
def test_api_parameter_over_the_cap_is_a_422_naming_it(client, url, param):
    r = client.get(url)
    assert r.status_code == 422
    error = r.json()["detail"][0]
    assert error["loc"][-1] == param and error["ctx"]["max_length"] == DEFAULT.max_param_chars
    assert "200 characters" in error["msg"] and LONG not in r.text  # the value is not echoed back


@pytest.mark.parametrize("url", [f"/actor/{LONG}", f"/quotes?speaker={LONG}", f"/relation?a={LONG}&b=Russia",
                                 f"/events?outlet={LONG}"])
def test_page_parameter_over_the_cap_is_a_422_page(client, url):
    r = client.get(url)
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    assert "the limit is 200 characters" in r.text


def test_a_name_at_the_cap_is_looked_up(client):
    r = client.get("/api/quotes", params={"speaker": "x" * DEFAULT.max_param_chars})
    assert r.status_code == 404  # read and not found, not refused


def test_a_search_query_has_a_longer_cap(client):
    words = " ".join(["troops"] * 60)  # 419 characters
    assert client.get("/api/search", params={"q": words}).status_code == 200
    r = client.get("/api/search", params={"q": "w" * (DEFAULT.max_query_chars + 1)})
    assert r.status_code == 422 and r.json()["detail"][0]["ctx"]["max_length"] == DEFAULT.max_query_chars


def test_a_parameter_repeated_too_often_is_a_422(client):
    r = client.get("/api/quotes", params=[("outlet", f"o{i}") for i in range(DEFAULT.max_values + 1)])
    assert r.status_code == 422 and "outlet is given" in r.json()["detail"][0]["msg"]


# -- Host header (DNS rebinding)
@pytest.fixture(scope="module")
def host_checked(store_path):
    app = create_app(store_path, hosts=HostCheck("127.0.0.1", ["news.example"]))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "news.example", "LOCALHOST"])
def test_host_names_of_the_server_are_answered(host_checked, host):
    assert host_checked.get("/api/stats", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example", ""])
def test_other_host_names_are_refused(host_checked, host):
    r = host_checked.get("/api/stats", headers={"Host": host})
    assert r.status_code == 400 and "--allow-host" in r.json()["detail"]


def test_a_server_bound_to_every_address_answers_to_addresses_not_names():
    check = HostCheck("0.0.0.0")
    assert check.accepts("192.0.2.7:8000") and check.accepts("[2001:db8::1]:8000") and check.accepts("localhost")
    assert not check.accepts("attacker.example")


# -- framing
@pytest.mark.parametrize("url", ["/", "/docs", "/openapi.json", "/api/stats", "/static/app.css", "/no-such-page",
                                 "/api/quotes?speaker=Nobody"])
def test_no_response_may_be_framed(client, url):
    r = client.get(url)
    assert r.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


# -- the token
@pytest.fixture
def guarded(store_path):
    with TestClient(create_app(store_path, token=TOKEN)) as c:
        yield c


def test_token_in_the_x_newsgraph_token_header(guarded):
    assert guarded.get("/api/stats", headers={"X-Newsgraph-Token": TOKEN}).status_code == 200
    assert guarded.get("/api/stats", headers={"X-Newsgraph-Token": TOKEN[:-1]}).status_code == 401


def test_a_browser_opening_a_page_with_the_token_is_sent_on_without_it(guarded):
    r = guarded.get(f"/quotes?speaker=Rutte&token={TOKEN}", headers={"Accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/quotes?speaker=Rutte"
    cookie = r.headers["set-cookie"].lower()
    assert f"{TOKEN_COOKIE}=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert guarded.get(r.headers["location"]).status_code == 200  # the cookie carries it now


def test_the_access_log_never_shows_the_token():
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5000", "GET", f"/quotes?speaker=Rutte&token={TOKEN}", "1.1", 303), None)
    RedactToken().filter(record)
    line = record.getMessage()
    assert TOKEN not in line and "speaker=Rutte" in line and "token=[redacted]" in line


def test_wrong_tokens_are_slowed_then_refused(store_path):
    settings = ServerSettings(auth_failures=3, auth_window_seconds=60)
    with TestClient(create_app(store_path, token=TOKEN, settings=settings)) as c:
        for _ in range(3):
            assert c.get("/api/stats", headers={"Authorization": "Bearer guess-guess-guess"}).status_code == 401
        r = c.get("/api/stats", headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0  # even the right one waits


def test_a_request_without_a_token_is_not_counted_as_a_guess(store_path):
    settings = ServerSettings(auth_failures=2)
    with TestClient(create_app(store_path, token=TOKEN, settings=settings)) as c:
        for _ in range(5):
            assert c.get("/").status_code == 401
        assert c.get("/api/stats", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_run_refuses_a_short_token(store_path):
    with pytest.raises(NewsgraphError, match="at least 16"):
        run(store_path, port=1, token="s3cret")


def test_cli_reads_the_token_from_a_file_and_checks_its_length(store_path, tmp_path):
    short = tmp_path / "token"
    short.write_text("tooshort\n")
    result = CliRunner().invoke(cli_app, ["serve", "--db", store_path, "--token-file", str(short)])
    assert result.exit_code == 1 and "at least 16" in result.output and "tooshort" not in result.output


def test_cli_warns_that_a_token_on_the_command_line_shows_in_ps(store_path):
    result = CliRunner().invoke(cli_app, ["serve", "--db", store_path, "--token", "short"])
    assert result.exit_code == 1 and "ps" in result.output and "--token-file" in result.output


def test_cli_reports_an_unreadable_token_file(store_path, tmp_path):
    result = CliRunner().invoke(cli_app, ["serve", "--db", store_path, "--token-file", str(tmp_path / "none")])
    assert result.exit_code == 1 and "token file" in result.output


# -- no server paths in answers; a store that goes away is a 503
def test_answers_name_no_server_folder(store_copy):
    folder = os.path.dirname(os.path.abspath(store_copy))
    with TestClient(create_app(store_copy)) as c:
        stats = c.get("/api/stats")
        os.remove(store_copy)
        gone = c.get("/api/stats")
    assert stats.status_code == 200 and folder not in stats.text
    assert gone.status_code == 503 and folder not in gone.text and "copy.duckdb" in gone.text


def test_a_store_removed_while_serving_is_a_503_then_serves_again(store_copy, tmp_path):
    aside = tmp_path / "aside.duckdb"
    with TestClient(create_app(store_copy)) as c:
        assert c.get("/api/stats").status_code == 200
        shutil.move(store_copy, aside)
        api, page = c.get("/api/stats"), c.get("/")
        shutil.move(aside, store_copy)
        back = c.get("/api/stats")
    assert api.status_code == 503 and "removed while the server was running" in api.json()["detail"]
    assert page.status_code == 503 and "removed while the server was running" in page.text
    assert back.status_code == 200


def test_a_store_replaced_by_another_file_is_a_503(store_copy):
    with TestClient(create_app(store_copy)) as c:
        assert c.get("/api/stats").status_code == 200
        os.remove(store_copy)
        with open(store_copy, "w", encoding="utf-8") as fh:
            fh.write("not a database")
        r = c.get("/api/stats")
    assert r.status_code == 503 and "NG010" in r.json()["detail"]


# -- `newsgraph serve` as a user starts it: token from a file, Host checked, token kept out of the log
def test_serve_with_a_token_file_checks_host_and_keeps_the_token_out_of_its_log(store_path, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", store_path, "--port", str(port),
                                 "--token-file", str(token_file), "--allow-host", "news.example"],
                                stdout=out, stderr=subprocess.STDOUT, text=True)
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    first = httpx.get(f"{url}/api/stats", timeout=5)
                    break
                except httpx.TransportError:
                    assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                    time.sleep(0.2)
            assert first.status_code == 401
            assert httpx.get(f"{url}/api/stats?token={TOKEN}", timeout=10).json()["articles"] == 7
            bearer = {"Authorization": f"Bearer {TOKEN}"}
            assert httpx.get(f"{url}/api/stats", headers={**bearer, "Host": "news.example"}, timeout=10).status_code == 200
            assert httpx.get(f"{url}/api/stats", headers={**bearer, "Host": "attacker.example"},
                             timeout=10).status_code == 400
        finally:
            proc.terminate()
            proc.wait(15)
    written = log.read_text()
    assert "GET /api/stats?token=[redacted]" in written and TOKEN not in written
