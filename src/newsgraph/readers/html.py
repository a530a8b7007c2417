"""HTML pages → Article: main text by trafilatura, publication date by htmldate, outlet by tldextract.

Boilerplate removal (navigation, cookie banners, related links, comments, share buttons) is
trafilatura's (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for
Text Discovery and Extraction", ACL demo); the date is htmldate's (Barbaresi 2020, JOSS), which
reads JSON-LD, `article:published_time`/`og:` meta tags and a visible dateline. The page is
parsed once and both libraries read that tree.

The date is taken from the first of these that gives one, most trusted first, and
`date_source` says which:
1. the page's metadata, `content`: JSON-LD, `article:published_time` and other `<meta>` dates,
   `<time>` elements and dateline elements (htmldate without its extensive search);
2. a date in the canonical or fetched URL (`/2022/08/03/`), `url`;
3. a date htmldate's extensive search guesses from the body text, `content`: a weekday or an
   anniversary the story mentions is often that, so the URL outranks it;
4. the WARC-Date, `crawl` (when the page was fetched, not published); `--date`, `given`; else None.

Decoding follows the page's declaration (HTTP header, then `<meta charset>`), except that bytes
which are valid UTF-8 are read as UTF-8 whatever the declaration says: pages re-encoded by a CMS
keep a stale `iso-8859-1` declaration more often than anything else. A declaration the bytes
contradict is reported (the article is kept).
"""
from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import InputError
from ..model import Article
from .article import make_article

MAX_HTML_BYTES = 10 * 1024 * 1024  # a news page above this is an archive dump or inline media, not an article
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096
MIN_WORDS = 40  # below this, what trafilatura finds is a list of links or a caption, not an article
_URL_ELEMENTS = ('//link[@rel="canonical" or @rel="shortlink" or @rel="amphtml"] | //meta[@property="og:url"]'
                 ' | //meta[@name="twitter:url"] | //meta[@itemprop="url"]')

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # they log every page they find no text in


class Skip(Exception):
    """A record that is not an article (counted by `reason`, not reported as an error)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Page:
    """What one HTML page yields before cleaning: body text, title, URL, date and its source."""

    text: str
    title: str | None
    url: str | None
    date: str | None
    date_source: str | None
    charset_warning: str | None = None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("'\"").lower()).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec  # as browsers do (WHATWG)


def declared_charset(data: bytes, http_content_type: str | None = None) -> str | None:
    """The charset the HTTP Content-Type or the page's `<meta>` declares (HTTP first)."""
    if http_content_type:
        header = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", http_content_type, re.IGNORECASE)
        if header:
            return header.group(1)
    meta = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return meta.group(1).decode("ascii", "replace") if meta else None


def decode_html(data: bytes, http_content_type: str | None = None) -> tuple[str, str | None]:
    """Decode a page; returns (text, warning) where warning says the declared charset was wrong."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), None
    declared_name = declared_charset(data, http_content_type)
    declared = _codec(declared_name)
    if data.isascii():
        return data.decode("ascii"), None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if declared and declared != "utf-8":
            return text, f"declared charset {declared_name!r} does not fit the bytes, which are UTF-8; decoded as UTF-8"
        return text, None
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), None
        except UnicodeDecodeError as exc:
            return (data.decode("cp1252", "replace"),
                    f"declared charset {declared_name!r} does not fit the bytes (byte {exc.start}); decoded as windows-1252")
    if declared == "utf-8":
        return (data.decode("cp1252", "replace"),
                f"declared charset {declared_name!r} does not fit the bytes (not valid UTF-8); decoded as windows-1252")
    return data.decode("cp1252", "replace"), None  # undeclared and not UTF-8: the web's default


@lru_cache(maxsize=1)
def _tld():  # type: ignore[no-untyped-def]
    import tldextract

    # suffix_list_urls=() uses the snapshot bundled with tldextract: no network, no cache dir
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def outlet_of(url: str | None) -> str | None:
    """The registered domain of a URL (`https://www.themoscowtimes.com/x` → `themoscowtimes.com`)."""
    if not url:
        return None
    parts = _tld()(url)
    # tldextract 5.3 renamed registered_domain (the old name warns); older versions have only that
    name = "top_domain_under_public_suffix" if hasattr(parts, "top_domain_under_public_suffix") else "registered_domain"
    domain: str = getattr(parts, name)
    return domain.lower() or None


def _date_params(extensive: bool) -> dict[str, Any]:
    return {"extensive_search": extensive, "original_date": True, "outputformat": "%Y-%m-%d",
            "max_date": dt.date.today().isoformat()}


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    opts = Extractor(False, dt.datetime.combine(dt.date.today(), dt.time.max), dt.datetime(1995, 1, 1), True, "%Y-%m-%d")
    return extract_url_date(url, opts)


def _page_date(tree: Any, urls: tuple[str | None, ...], crawl_date: str | None,
               default_date: str | None) -> tuple[str | None, str | None]:
    """(date, date_source): metadata, then the URL, then a date guessed from the body text,
    then the crawl date, then --date (the module docstring says why in this order)."""
    from htmldate import find_date

    # Without the URL (url="" and no canonical/og:url elements), a date htmldate finds is one the
    # page itself states; the URL's date is asked for separately.
    for element in tree.xpath(_URL_ELEMENTS):
        element.drop_tree()
    if date := find_date(tree, url="", **_date_params(extensive=False)):
        return date, "content"
    for url in urls:
        if date := _url_date(url):
            return date, "url"
    date = find_date(tree, url="", **_date_params(extensive=True))
    if date and not date.endswith("-01-01"):  # a bare year ("Copyright 2024") becomes January 1
        return date, "content"
    if crawl_date:
        return crawl_date, "crawl"
    if default_date:
        return default_date, "given"
    return None, None


def parse_page(data: bytes, *, url: str | None = None, http_content_type: str | None = None,
               crawl_date: str | None = None, default_date: str | None = None, source: str = "<html>") -> Page:
    """Main text, title, canonical URL and publication date of one page; raises Skip or InputError."""
    if len(data) > MAX_HTML_BYTES:
        raise InputError(source, f"page has {len(data):,} bytes, above the limit of {MAX_HTML_BYTES:,} for one HTML page; skipped")
    html, warning = decode_html(data, http_content_type)
    from trafilatura import bare_extraction
    from trafilatura.metadata import extract_title, extract_url
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:
            raise Skip("no article text")
        canonical = extract_url(tree, url)
        date, date_source = _page_date(tree, (canonical, url), crawl_date, default_date)
        title = extract_title(tree)
        doc = bare_extraction(tree, url=canonical, include_comments=False, include_tables=False, with_metadata=False)
    except (Skip, InputError):
        raise
    except Exception as exc:  # lxml, trafilatura and htmldate raise several kinds on pathological markup
        raise InputError(source, f"cannot parse the page ({exc.__class__.__name__}: {str(exc)[:100]})") from None
    text = getattr(doc, "text", None) or ""
    if len(text.split()) < MIN_WORDS:  # a section front or a video page: link lists, captions
        raise Skip("no article text")
    # trafilatura puts one paragraph per line; the cleaner separates blocks by blank lines
    text = re.sub(r"\n+", "\n\n", text)
    return Page(text=text, title=title, url=canonical, date=date, date_source=date_source, charset_warning=warning)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language by py3langid (a fast n-gram classifier), or None."""
    sample = text[:1000]  # a paragraph or two decide; the classifier is linear in the length
    if len(sample.strip()) < 20:
        return None
    import py3langid

    return py3langid.classify(sample)[0]


def to_article(page: Page, *, source: str, outlet: str | None = None, language: str | None = None,
               line: int | None = None) -> Article:
    """Wrap a parsed page as an Article (English only: other languages raise Skip)."""
    language = language or detect_language(page.text)
    if language and language != "en":
        raise Skip("not English")
    return make_article(page.text, source=source, date=page.date, title=page.title, url=page.url,
                        outlet=outlet or outlet_of(page.url), line=line, language=language, date_source=page.date_source)


def read_html(data: bytes, *, source: str, stats, default_date: str | None = None, url: str | None = None,  # type: ignore[no-untyped-def]
              http_content_type: str | None = None, crawl_date: str | None = None, outlet: str | None = None,
              line: int | None = None, no_text_is_error: bool = False) -> Iterator[Article | InputError]:
    """Yield the article of one page, an InputError for a bad one, or nothing for a skipped one.

    In a crawl most pages without article text are section fronts and video pages, so they are
    counted as skipped; a page the user names on its own (`no_text_is_error`) is reported.
    """
    try:
        page = parse_page(data, url=url, http_content_type=http_content_type, crawl_date=crawl_date,
                          default_date=default_date, source=source)
        if page.charset_warning:
            yield InputError(source, f"{page.charset_warning} (article kept; check its text)", line=line)
        yield to_article(page, source=source, outlet=outlet, line=line)
    except Skip as skip:
        if no_text_is_error and skip.reason == "no article text":
            yield InputError(source, "trafilatura found no article text in this page (navigation or media only?)", line=line)
        else:
            stats.skip(skip.reason)
    except InputError as error:
        yield error
