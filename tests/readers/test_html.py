"""HTML pages: the article body without the page's furniture, its date and where the date came from,
its canonical URL and outlet, charsets right and wrong, and pages that are not articles."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.readers import ReadStats, read
from newsgraph.readers.html import decode_html, outlet_of, parse_page

HTML = __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "html"
runner = CliRunner()


def _one(path, **kw):
    stats = ReadStats()
    items = list(read([str(path)], stats=stats, **kw))
    articles = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    return articles, errors, stats


def _paragraphs(name):
    """The <p> texts of a fixture's article body (what must survive boilerplate removal)."""
    html = (HTML / name).read_text(encoding="utf-8")
    body = html.split("<article", 1)[1].split("</article>", 1)[0]
    return [re.sub(r"<[^>]+>", "", p).strip() for p in re.findall(r"<p>(.*?)</p>", body, re.S)]


FURNITURE = ["Accept all cookies", "We use cookies", "Home", "Subscribe now", "Share on Facebook", "Share on X",
             "Email this article", "Tweet", "Related stories", "Ukraine peace talks stall", "Comments (3)",
             "Great article", "Where is all this money", "All rights reserved", "Privacy policy", "dataLayer"]


def test_boilerplate_is_removed_and_every_body_paragraph_kept():
    [article], errors, _ = _one(HTML / "dailyplanet_rutte.html")
    assert errors == []
    paragraphs = _paragraphs("dailyplanet_rutte.html")
    assert len(paragraphs) == 5
    for p in paragraphs:
        assert p in article.text
    for junk in FURNITURE:
        assert junk not in article.text, junk
    # one block per paragraph, separated by blank lines (sentence boundaries for the nlp stage)
    assert [b.kind for b in article.blocks].count("paragraph") == 5


@pytest.mark.parametrize("name", ["wire_copy_a.html", "urldate_page.html", "nodate_page.html", "dateline_page.html"])
def test_body_paragraphs_kept_on_every_template(name):
    [article], _, _ = _one(HTML / name)
    html = (HTML / name).read_text(encoding="utf-8")
    for p in re.findall(r"<p>(.*?)</p>", html, re.S):
        assert p.strip() in article.text
    assert "Related stories" not in article.text and "All rights reserved" not in article.text


def test_contract_fields():
    [article], _, _ = _one(HTML / "dailyplanet_rutte.html")
    d = article.to_dict()
    assert d["title"] == "Rutte tells allies to spend more on defence"
    assert d["url"] == "https://www.dailyplanet.co.uk/world/europe/rutte-tells-allies-to-spend-more-on-defence"
    assert d["outlet"] == "dailyplanet.co.uk"
    assert d["language"] == "en"
    assert d["date"] == "2024-06-12" and d["date_source"] == "content"
    assert d["story"] == d["id"]  # no copies: its own id
    assert list(d)[:11] == ["id", "source", "date", "title", "url", "outlet", "language", "date_source", "story", "story_cluster", "text"]


def _variant(tmp_path, drop: list[str]) -> bytes:
    html = (HTML / "dailyplanet_rutte.html").read_text(encoding="utf-8")
    for pattern in drop:
        html = re.sub(pattern, "", html, flags=re.S)
    return html.encode("utf-8")


@pytest.mark.parametrize("drop, expected", [
    ([], "2024-06-12"),  # JSON-LD and article:published_time agree
    ([r'<meta property="article:(published|modified)_time"[^>]*>'], "2024-06-12"),  # JSON-LD datePublished alone
    ([r'<script type="application/ld\+json">.*?</script>', r'<meta property="article:modified_time"[^>]*>'], "2024-06-12"),  # meta alone
])
def test_date_from_content(tmp_path, drop, expected):
    page = parse_page(_variant(tmp_path, drop))
    assert (page.date, page.date_source) == (expected, "content")


@pytest.mark.parametrize("name, kw, date, source", [
    ("dateline_page.html", {}, "2024-06-25", "content"),  # a visible dateline only
    ("urldate_page.html", {}, "2024-03-05", "url"),  # only the canonical URL has a date
    ("nodate_page.html", {}, None, None),
    ("nodate_page.html", {"date": "2024-07-01"}, "2024-07-01", "given"),  # --date
    ("dailyplanet_rutte.html", {"date": "2024-07-01"}, "2024-06-12", "content"),  # the page's own date wins
])
def test_date_sources(name, kw, date, source):
    [article], _, _ = _one(HTML / name, **kw)
    assert (article.date, article.date_source) == (date, source)


def test_crawl_date_is_the_last_resort_before_given():
    page = parse_page((HTML / "nodate_page.html").read_bytes(), url="https://x.example.com/a", crawl_date="2024-11-01",
                      default_date="2024-01-05")
    assert (page.date, page.date_source) == ("2024-11-01", "crawl")


def test_a_bare_copyright_year_is_not_a_date():
    html = (HTML / "nodate_page.html").read_text().replace("</body>", "<footer>Copyright 2023 Global Wire Times</footer></body>")
    assert parse_page(html.encode()).date is None


def test_non_utf8_page_with_a_right_declaration():
    [article], errors, _ = _one(HTML / "cp1252_page.html")
    assert errors == []
    assert "Élysée Palace" in article.text and "€3 billion" in article.text and "“This is a historic moment" in article.text


def test_wrong_declared_charset_is_reported_and_the_article_kept():
    [article], [error], _ = _one(HTML / "wrong_charset.html")
    assert "wrong_charset.html: declared charset 'utf-8' does not fit the bytes" in str(error)
    assert "Élysée Palace" in article.text


@pytest.mark.parametrize("data, declared, text, warned", [
    ("café".encode(), "text/html; charset=iso-8859-1", "café", True),  # stale latin-1 label on UTF-8
    ("café".encode("cp1252"), "text/html; charset=windows-1252", "café", False),
    ("café".encode("cp1252"), None, "café", False),  # undeclared, not UTF-8: windows-1252
    (b'<meta charset="koi8-r">' + "мир".encode("koi8-r"), None, "мир", False),
])
def test_decode(data, declared, text, warned):
    decoded, warning = decode_html(data, declared)
    assert decoded.endswith(text) and bool(warning) is warned


def test_outlet_is_the_registered_domain_offline():
    assert outlet_of("https://www.themoscowtimes.com/2024/01/01/x") == "themoscowtimes.com"
    assert outlet_of("https://news.harbourherald.com.au/x") == "harbourherald.com.au"
    assert outlet_of(None) is None


def test_page_without_article_text_is_an_error_naming_the_file():
    articles, [error], _ = _one(HTML / "menu_only.html")
    assert articles == [] and "menu_only.html: trafilatura found no article text" in str(error)


def test_non_english_page_is_skipped_and_counted():
    articles, errors, stats = _one(HTML / "french_page.html")
    assert articles == [] and errors == [] and stats.skipped == {"not English": 1}


def test_a_50_mb_page_file_is_an_error(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body><p>" + b"word " * (10 * 1024 * 1024) + b"</p></body></html>")
    articles, [error], _ = _one(big)
    assert articles == [] and f"big.html: page has {big.stat().st_size:,} bytes, above the limit" in str(error)


def test_cli_extract_of_a_folder_of_pages(tmp_path):
    result = runner.invoke(app, ["extract", str(HTML), "--format", "jsonl"])
    assert result.exit_code == 1  # menu_only.html and wrong_charset.html
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["outlet"] for r in rows} >= {"dailyplanet.co.uk", "metrodailynews.com", "valleygazette.net"}
    assert "menu_only.html: trafilatura found no article text" in result.output
    assert "skipped 1 records that are not articles: 1 not English" in result.output
