"""Fixtures for the web face: a store built from the bundled examples plus an XSS fixture article,
the FastAPI test client over it, and a real uvicorn server on a free loopback port."""
from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from newsgraph.ingest import ingest
from newsgraph.web import create_app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
XSS = Path(__file__).parent / "data" / "xss.jsonl"
XSS_ID = "xss-fixture"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def chromium(window_height: int) -> Iterator[object]:
    """A headless Debian Chromium under Selenium (flags from NOTES: no sandbox as root, no network
    services, a fresh profile), with the browser console logged; quit and its profile removed after."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(f"{CHROMIUM} or {CHROMEDRIVER} is absent: run scripts/ensure-chromium.sh")
    profile = tempfile.mkdtemp(prefix="newsgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                 f"--window-size=1280,{window_height}", "--disable-dev-shm-usage"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> str:
    """The examples and the XSS article ingested once; tests that write copy it first."""

    db = str(tmp_path_factory.mktemp("web") / "web.duckdb")
    summary = ingest([str(EXAMPLES), str(XSS)], db)
    assert summary.failed == 0 and summary.stored >= 7
    return db


@pytest.fixture
def store_copy(store_path, tmp_path) -> str:
    db = str(tmp_path / "copy.duckdb")
    shutil.copy(store_path, db)
    return db


@pytest.fixture(scope="session")
def client(store_path):
    with TestClient(create_app(store_path)) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving the app in a thread on 127.0.0.1:<free port>."""

    def __init__(self, db: str, token: str | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def live_server(store_path) -> Iterator[LiveServer]:
    with LiveServer(store_path) as server:
        yield server
