"""Headless Chromium (Debian's `chromium` + `chromium-driver`, driven by Selenium) against a real server.

`make test` installs the packages (scripts/ensure-chromium.sh); without them these tests skip.
Set NEWSGRAPH_SCREENSHOT=docs/actor-page.png to refresh the README's screenshot.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from .conftest import XSS_ID

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

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
    profile = tempfile.mkdtemp(prefix="newsgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                 "--window-size=1280,1800", "--disable-dev-shm-usage"]:
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _alert_text(driver) -> str | None:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return None
    text = alert.text
    alert.dismiss()
    return text


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
        "const n = cy.nodes().filter(n => !n.data('center')).sort((a, b) => b.data('total') - a.data('total'))[0];"
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
    assert browser.execute_script("return window.timelineChart.data.labels.length") >= 2
    assert browser.find_elements(By.CSS_SELECTOR, "#quotes-about-list li")
    role_rows = browser.find_elements(By.CSS_SELECTOR, "#roles tbody tr")
    assert len(role_rows) == len(russia["roles"])
    label_rows = browser.find_elements(By.CSS_SELECTOR, "#labels tbody tr")
    assert len(label_rows) == len(russia["labels"])
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not logs, logs  # no script errors, no CSP violations, nothing failed to load
    out = Path(os.environ.get("NEWSGRAPH_SCREENSHOT") or tmp_path / "actor-page.png")
    browser.execute_script("window.scrollTo(0, 0)")
    browser.set_window_size(1280, 1500)
    assert browser.save_screenshot(str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


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
