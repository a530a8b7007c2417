"""Build WARC files from the HTML pages in tests/data/html with warcio, as a crawler writes them.

Nothing is downloaded: every record is made here. `crawl()` is a small CC-NEWS-like archive with
a warcinfo record, request/response/metadata triples, a redirect, a 404 and a PDF.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HTML = Path(__file__).resolve().parents[1] / "data" / "html"
CRAWL_DATE = "2024-11-01T06:12:30Z"


@dataclass
class Rec:
    uri: str
    body: bytes = b""
    kind: str = "response"  # response | request | metadata
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)
    date: str = CRAWL_DATE


def page(name: str) -> bytes:
    return (HTML / name).read_bytes()


def write_warc(path: Path, records: list[Rec], *, gz: bool | None = None) -> list[int]:
    """Write records (after a warcinfo record) and return each record's byte offset."""
    gz = path.name.endswith(".gz") if gz is None else gz
    offsets = []
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsgraph tests", "format": "WARC File Format 1.1"}))
        for r in records:
            offsets.append(f.tell())
            if r.kind == "request":
                http = StatusAndHeaders(f"GET {r.uri} HTTP/1.1", [("Host", r.uri.split("/")[2]), ("User-Agent", "test")],
                                        is_http_request=True)
                rec = writer.create_warc_record(r.uri, "request", payload=io.BytesIO(b""), http_headers=http,
                                                warc_headers_dict={"WARC-Date": r.date})
            elif r.kind == "metadata":
                rec = writer.create_warc_record(r.uri, "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n"),
                                                warc_content_type="application/warc-fields",
                                                warc_headers_dict={"WARC-Date": r.date})
            else:
                headers = [("Content-Type", r.content_type), *r.headers] if r.content_type else list(r.headers)
                http = StatusAndHeaders(r.status, headers, protocol="HTTP/1.1")
                rec = writer.create_warc_record(r.uri, "response", payload=io.BytesIO(r.body), http_headers=http,
                                                warc_headers_dict={"WARC-Date": r.date})
            writer.write_record(rec)
    return offsets


def crawl_records() -> list[Rec]:
    """Four articles (each as request, response, metadata) and one record per skip reason."""
    records: list[Rec] = []
    for uri, name in [("https://www.dailyplanet.co.uk/world/europe/rutte-tells-allies-to-spend-more-on-defence", "dailyplanet_rutte.html"),
                      ("https://globalwiretimes.com/middle-east/ceasefire-talks-resume", "nodate_page.html"),
                      ("https://www.metrodailynews.com/world/north-korea-fires-missile", "wire_copy_a.html"),
                      ("https://www.valleygazette.net/2024/10/31/nk-missile", "wire_copy_b.html")]:
        records += [Rec(uri, kind="request"), Rec(uri, page(name)), Rec(uri, kind="metadata")]
    records += [
        Rec("http://dailyplanet.co.uk/world", b"", status="301 Moved Permanently", content_type="text/html",
            headers=[("Location", "https://www.dailyplanet.co.uk/world")]),
        Rec("https://www.dailyplanet.co.uk/gone", b"<html><body><h1>Not found</h1></body></html>", status="404 Not Found"),
        Rec("https://www.dailyplanet.co.uk/report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", content_type="application/pdf"),
        Rec("https://www.dailyplanet.co.uk/world", page("menu_only.html")),
        Rec("https://www.lequotidien.fr/politique/budget", page("french_page.html")),
    ]
    return records


EXPECTED_SKIPS = {"warcinfo record": 1, "request record": 4, "metadata record": 4, "redirect": 1,
                  "HTTP status 404": 1, "not HTML": 1, "no article text": 1, "not English": 1}
