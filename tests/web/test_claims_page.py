"""Claims on the web: /api/claims, the claim page in headless Chromium (spread over time, wording
variants with differences marked) and the actor page's most repeated claims."""
from __future__ import annotations

import pytest

from .conftest import chromium


def test_api_claims_lists_records_most_outlets_first(client) -> None:
    body = client.get("/api/claims", params={"limit": 5}).json()
    outlets = [item["outlets"] for item in body["items"]]
    assert body["items"] and outlets == sorted(outlets, reverse=True)
    assert {"claim_id", "canonical", "first_seen", "spread", "wordings"} <= set(body["items"][0])


def test_api_claims_pages_with_offset(client) -> None:
    first = client.get("/api/claims", params={"limit": 1}).json()
    second = client.get("/api/claims", params={"limit": 1, "offset": 1}).json()
    assert first["next_offset"] == 1 and first["items"][0]["claim_id"] != second["items"][0]["claim_id"]


def test_api_claims_min_outlets_filters(client) -> None:
    body = client.get("/api/claims", params={"min_outlets": 2, "limit": 500}).json()
    assert all(item["outlets"] >= 2 for item in body["items"])


def test_unknown_claim_is_not_found(client) -> None:
    assert client.get("/claim/c0000000000000000").status_code == 404
    assert client.get("/api/claims/c0000000000000000").status_code == 404


def test_actor_page_lists_the_actors_claims(client) -> None:
    claim = client.get("/api/claims", params={"limit": 500}).json()["items"]
    named = next(c for c in claim if c["speaker"])
    page = client.get(f"/actor/{named['speaker']}")
    assert page.status_code == 200 and f"/claim/{named['claim_id']}" in page.text


@pytest.fixture(scope="module")
def browser():
    yield from chromium(window_height=1400)


def _most_spread(client) -> dict:
    return client.get("/api/claims", params={"limit": 1}).json()["items"][0]


def test_claim_page_draws_one_mark_per_outlet(browser, live_server, client) -> None:
    from selenium.webdriver.common.by import By

    claim = _most_spread(client)
    browser.get(f"{live_server.url}/claim/{claim['claim_id']}")
    marks = browser.find_elements(By.CSS_SELECTOR, "#claim-spread .spread-mark circle")
    dated = [s for s in claim["spread"] if s["date"]]
    assert len(marks) == len(dated) and all(m.is_displayed() for m in marks)
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_claim_page_marks_wording_differences(browser, live_server, client) -> None:
    from selenium.webdriver.common.by import By

    claim = next((c for c in client.get("/api/claims", params={"limit": 500}).json()["items"] if len(c["wordings"]) > 1),
                 None)
    if claim is None:
        pytest.skip("no claim with two wordings in the examples")
    browser.get(f"{live_server.url}/claim/{claim['claim_id']}")
    items = browser.find_elements(By.CSS_SELECTOR, "#claim-wordings li.wording")
    changed = browser.find_elements(By.CSS_SELECTOR, "#claim-wordings ins, #claim-wordings del")
    assert len(items) == len(claim["wordings"]) and changed
    assert browser.find_element(By.ID, "claim-canonical").text.strip("“”") == claim["canonical"]
