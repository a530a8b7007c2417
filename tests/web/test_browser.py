"""Headless Chromium (Debian's `chromium` + `chromium-driver`, driven by Selenium) against a real server.

`make test` installs the packages (scripts/ensure-chromium.sh); without them these tests skip.
Every page is drawn and photographed: set NEWSGRAPH_SCREENSHOTS=docs/screenshots to refresh the
screenshots the README shows (one `<page>.png` each); without it they go to a temporary folder.
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app as cli
from newsgraph.web import pages

from .conftest import CHROMEDRIVER, CHROMIUM, XSS_ID, chromium

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
    pytest.skip(f"{CHROMIUM} or {CHROMEDRIVER} is absent: run scripts/ensure-chromium.sh "
                f"(apt-get install chromium chromium-driver) to run the browser tests", allow_module_level=True)

from selenium.common.exceptions import NoAlertPresentException, TimeoutException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    yield from chromium(window_height=1800)


def _alert_text(driver) -> str | None:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return None
    text = alert.text
    alert.dismiss()
    return text


def _errors(driver) -> list[dict]:
    """What the page logged at level SEVERE since the last call: script errors, CSP violations, failed loads."""
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _screenshot(driver, page: str, tmp_path: Path, height: int = 1500) -> Path:
    """The page photographed from the top at 1280 px wide, into $NEWSGRAPH_SCREENSHOTS (docs/screenshots) or tmp."""
    folder = Path(os.environ.get("NEWSGRAPH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{page}.png"
    driver.set_window_size(1280, height)
    driver.execute_script("if (!location.hash) window.scrollTo(0, 0)")
    assert driver.save_screenshot(str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    driver.set_window_size(1280, 1800)
    return out


def _loaded(driver) -> None:
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _wait_for_graph(driver) -> None:
    WebDriverWait(driver, 15).until(lambda d: d.execute_script(
        "return !!(window.cy && window.cy.nodes().length > 1 && window.cy.nodes()[0].renderedPosition().x)"))


def test_click_a_node_in_the_network_opens_the_counterparts_page(browser, live_server, client):
    russia = client.get("/api/actors/Russia").json()
    browser.get(f"{live_server.url}/actor/{russia['id']}")
    assert browser.find_element(By.ID, "actor-name").text.startswith("Russia")
    _wait_for_graph(browser)
    # the busiest counterpart, as the page's own table lists it first
    target = browser.execute_script(
        "const n = cy.nodes().filter(n => !n.data('center') && !n.data('others'))"
        ".sort((a, b) => b.data('total') - a.data('total'))[0];"
        "return {id: n.id(), label: n.data('label')};")
    container = browser.find_element(By.ID, "cy")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", container)
    pos = browser.execute_script("return cy.$id(arguments[0]).renderedPosition();", target["id"])
    size = container.size
    # a real mouse click where the node is drawn (Selenium offsets are from the element's centre)
    ActionChains(browser).move_to_element_with_offset(container, pos["x"] - size["width"] / 2,
                                                      pos["y"] - size["height"] / 2).click().perform()
    try:
        WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith(f"/actor/{target['id']}"))
    except TimeoutException:
        pytest.fail(f"clicking the node {target} at {pos} did not open its page; still at {browser.current_url}")
    assert browser.find_element(By.ID, "actor-name").text.startswith(target["label"])
    # and the counterpart's own graph links back to Russia
    _wait_for_graph(browser)
    assert browser.execute_script("return cy.$id(arguments[0]).length", russia["id"]) == 1


def test_actor_page_renders_charts_and_screenshot(browser, live_server, client, tmp_path):
    russia = client.get("/api/actors/Russia").json()
    browser.get(f"{live_server.url}/actor/{russia['id']}")
    _wait_for_graph(browser)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.timelineChart"))
    assert browser.execute_script("return window.timelineChart.scales.x.type") == "time"
    assert browser.execute_script("return window.timelineChart.data.datasets[0].data.length") >= 2
    assert browser.find_elements(By.CSS_SELECTOR, "#quotes-about-list li")
    role_rows = browser.find_elements(By.CSS_SELECTOR, "#roles tbody tr")
    assert len(role_rows) == len(russia["roles"])
    label_rows = browser.find_elements(By.CSS_SELECTOR, "#labels tbody tr")
    assert len(label_rows) == len(russia["labels"])
    assert not _errors(browser)  # no script errors, no CSP violations, nothing failed to load
    _screenshot(browser, "actor", tmp_path)


def test_article_with_script_and_onerror_shows_them_as_text(browser, live_server):
    browser.get(f"{live_server.url}/article/{XSS_ID}")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "article-text"))
    assert _alert_text(browser) is None
    text = browser.find_element(By.ID, "article-text").text
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "<script>alert('title')</script>" in browser.find_element(By.ID, "article-title").text
    assert browser.execute_script(
        "return document.querySelectorAll('main script:not([type=\"application/json\"]), main img, main b').length") == 0
    assert browser.execute_script("return document.querySelectorAll('[onerror]').length") == 0
    # hovering a mention names its canonical actor
    ent = browser.find_element(By.CSS_SELECTOR, "#article-text a.ent[data-name]")
    assert ent.get_attribute("title").split(" · ")[0] == ent.get_attribute("data-name").split(" (")[0]
    ActionChains(browser).move_to_element(ent).perform()
    tooltip = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", ent)
    assert ent.get_attribute("data-name") in tooltip
    assert _alert_text(browser) is None


def test_search_and_home_in_the_browser(browser, live_server):
    browser.get(live_server.url + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header input[name=q]")
    box.send_keys("<img src=x onerror=alert(1)>rut")
    box.submit()
    WebDriverWait(browser, 10).until(lambda d: "/search" in d.current_url)
    assert _alert_text(browser) is None
    browser.get(live_server.url + "/search?q=rut")
    link = browser.find_element(By.LINK_TEXT, "Mark Rutte")
    link.click()
    WebDriverWait(browser, 10).until(lambda d: "/actor/" in d.current_url)
    assert browser.find_element(By.ID, "actor-name").text.startswith("Mark Rutte")


def test_openapi_docs_render_offline(browser, live_server):
    browser.get(live_server.url + "/docs")
    WebDriverWait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock"))
    assert "newsgraph" in browser.find_element(By.CSS_SELECTOR, ".swagger-ui .info").text
    assert browser.execute_script(
        "return performance.getEntriesByType('resource').every(e => e.name.startsWith(location.origin))")


def test_search_finds_a_quote_by_a_word_of_its_text(browser, live_server, client, tmp_path):
    quote = next(q for q in client.get("/api/quotes", params={"limit": 100}).json()["items"]
                 if "responsibility" in q["text"])
    browser.get(live_server.url + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header input[name=q]")
    box.send_keys("responsibility")
    box.submit()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "search-quotes"))
    found = [li.find_element(By.TAG_NAME, "blockquote").text for li in
             browser.find_elements(By.CSS_SELECTOR, "#results-quotes li")]
    assert quote["text"] in found
    link = browser.find_element(By.CSS_SELECTOR, "#results-quotes li a.fact-link")
    assert link.get_attribute("href").endswith(f"/article/{quote['article_id']}#q-{quote['idx']}")
    assert not _errors(browser)
    _screenshot(browser, "search", tmp_path, 1100)


def _fetch_text(driver, url: str) -> str:
    """The body at `url`, fetched by the page itself (same origin, same cookies) as a click on the link would."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.text()).then(done, e => done('ERROR ' + e));", url)


def test_a_filtered_quote_list_downloads_as_csv_with_the_same_rows(browser, live_server, tmp_path):
    browser.get(live_server.url + "/quotes")
    browser.find_element(By.ID, "f-speaker").send_keys("Mark Rutte")
    browser.find_element(By.ID, "f-kind").send_keys("indirect")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: "speaker=" in d.current_url)
    assert "since=" not in browser.current_url and "q=" not in browser.current_url  # only the filters in use
    assert "kind=indirect" in browser.current_url
    shown = [(tr.get_attribute("data-article"), int(tr.get_attribute("data-idx")))
             for tr in browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")]
    assert shown and browser.find_element(By.ID, "range").text == f"1–{len(shown)} of {len(shown)}"
    href = browser.find_element(By.ID, "download-csv").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(_fetch_text(browser, href))))
    assert [(r["article_id"], int(r["idx"])) for r in rows] == shown
    assert {r["kind"] for r in rows} == {"indirect"} and {r["speaker_name"] for r in rows} == {"Mark Rutte"}
    assert not _errors(browser)
    _screenshot(browser, "quotes", tmp_path)


def _pick(driver, field: str, typed: str, name: str) -> None:
    """Type into an actor picker and click the suggestion `name`."""
    box = driver.find_element(By.ID, f"f-{field}")
    box.clear()
    box.send_keys(typed)
    selector = f"#f-{field}-list li[data-name=\"{name}\"]"
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))
    driver.find_element(By.CSS_SELECTOR, selector).click()
    assert box.get_attribute("value") == name


def test_relation_page_with_two_picked_actors_shows_the_cli_counts(browser, live_server, store_path, tmp_path):
    browser.get(live_server.url + "/relation")
    _pick(browser, "a", "Russ", "Russia")
    _pick(browser, "b", "rutt", "Mark Rutte")
    browser.find_element(By.ID, "compare").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "type-table"))
    name_a, name_b = browser.find_element(By.TAG_NAME, "h1").text.split(" ⇄ ")
    shown = {(tr.get_attribute("data-period") or None,
              f"{name_a} -> {name_b}" if tr.get_attribute("data-direction") == "a->b" else f"{name_b} -> {name_a}",
              tr.get_attribute("data-type"), int(tr.get_attribute("data-events")))
             for tr in browser.find_elements(By.CSS_SELECTOR, "#relation-table tbody tr")}
    out = CliRunner().invoke(cli, ["relation", "Russia", "Mark Rutte", "--db", store_path, "--format", "jsonl",
                                   "--examples", "0"])
    assert out.exit_code == 0, out.output
    expected = {(r["period"], r["direction"], r["type"], r["events"]) for r in map(json.loads, out.output.splitlines())}
    assert expected and shown == expected
    assert browser.execute_script("return window.relationChart.scales.x.type") == "time"
    assert not _errors(browser)
    _screenshot(browser, "relation", tmp_path)


def test_relation_list_next_page_link_opens_the_list_page_at_its_second_page(browser, live_server, client,
                                                                               monkeypatch):
    """A relation list longer than a page shows the first page and its total; `next ›` opens the list page
    (same filters, newest first) at the second page, whose rows are the ones after it."""
    total = client.get("/api/quotes", params={"speaker": "Mark Rutte", "about": "Russia"}).json()["total"]
    assert total > 4  # the examples hold more than two pages of two of Rutte's quotes about Russia
    monkeypatch.setattr(pages, "RELATION_PAGE", 2)
    browser.get(live_server.url + "/relation?a=Mark%20Rutte&b=Russia&by=year")  # a URL no other test asks for
    _loaded(browser)
    first = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#quotes-ab li")]
    assert len(first) == 2 and browser.find_element(By.CSS_SELECTOR, "#quotes-ab-pager span").text == f"1–2 of {total}"
    browser.find_element(By.ID, "quotes-ab-next").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "results"))
    assert "/quotes?" in browser.current_url and browser.find_element(By.ID, "range").text == f"3–4 of {total}"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")) == 2
    assert browser.find_element(By.ID, "page-prev") and not _errors(browser)


def test_a_fact_link_lands_on_its_sentence_highlighted_and_in_view(browser, live_server, client, tmp_path):
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    far = max(events, key=lambda e: e["sentence_start"])  # the event deepest into its article
    browser.set_window_size(1280, 600)
    browser.get(live_server.url + "/events?limit=500")
    link = browser.find_element(By.CSS_SELECTOR, f"a.fact-link[href$=\"#e-{far['idx']}\"][href*=\"{far['article_id']}\"]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
    link.click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith(f"#e-{far['idx']}"))
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#article-text .focus"))
    lit = browser.find_elements(By.CSS_SELECTOR, "#article-text .focus")
    assert far["trigger"] in "".join(el.get_attribute("textContent") for el in lit)
    box = browser.execute_script("const r = arguments[0].getBoundingClientRect();"
                                 "return {top: r.top, bottom: r.bottom, h: window.innerHeight, y: window.scrollY};", lit[0])
    assert 0 <= box["top"] and box["bottom"] <= box["h"], box
    assert box["y"] > 0  # the page scrolled to get there
    assert browser.find_element(By.ID, f"e-{far['idx']}-row").get_attribute("class").split().count("focus") == 1
    assert not _errors(browser)
    _screenshot(browser, "article", tmp_path, 1300)


PAGES = {"home": "/", "events": "/events", "articles": "/articles", "compare": "/relation",
         "search-empty": "/search", "docs": "/docs"}


@pytest.mark.parametrize("page", list(PAGES))
def test_no_page_logs_a_console_error(browser, live_server, tmp_path, page):
    browser.get(live_server.url + PAGES[page])
    _loaded(browser)
    if page == "docs":
        WebDriverWait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock"))
    assert not _errors(browser)
    if page in ("home", "events", "articles"):
        _screenshot(browser, page, tmp_path)
