"""Ingest a crawl: speed and memory of the WARC → HTML → article path.

Generates WARC files of N news pages from the project's own HTML templates (tests/data/html:
navigation, cookie banner, share buttons, related links, comments, footer), each page stored as
a request, a response and a metadata record as in CC-NEWS, and reports in one run:

  records/s   reading the WARC alone (warcio, every record, bodies read)
  pages/s     reading + trafilatura + htmldate + cleaning (newsgraph.readers.read)
  articles/s  the full pipeline (newsgraph ingest into a fresh store), on the first --sample pages:
              the spaCy part is limited to a sample because it dominates
  peak RSS    of each step, each size measured in its own subprocess (ru_maxrss)

    .venv/bin/python benchmarks/warc.py                      # 1,000 and 5,000 pages, spaCy on 200
    .venv/bin/python benchmarks/warc.py --sizes 200 --sample 50   # a quick look

Goal: the HTML step costs less than 25% of the spaCy pass per article, and peak RSS does not
grow with the archive (1,000 vs 5,000 pages).
"""
from __future__ import annotations

import argparse
import io
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "tests" / "data" / "html"
sys.path.insert(0, str(ROOT / "src"))


def _pool() -> tuple[list[str], list[str]]:
    paragraphs = []
    for f in sorted(TEMPLATES.glob("*.html")):
        if f.name in ("french_page.html", "menu_only.html"):
            continue
        html = f.read_bytes().decode("utf-8", "replace")
        paragraphs += [re.sub(r"<[^>]+>", "", p).strip() for p in re.findall(r"<p>(.*?)</p>", html, re.S)]
    paragraphs = [p for p in paragraphs if len(p.split()) > 20]
    vocab = sorted({w for p in paragraphs for w in p.split()})
    return paragraphs, vocab


def make_page(i: int, rng: random.Random, paragraphs: list[str], vocab: list[str]) -> tuple[str, bytes]:
    """One page on the Daily Planet template: 8 paragraphs from the pool, a third of the words
    replaced at random so that no two pages are copies of each other."""
    body = []
    for p in rng.sample(paragraphs, 8):
        words = [rng.choice(vocab) if rng.random() < 0.33 else w for w in p.split()]
        body.append("<p>" + " ".join(words) + "</p>")
    template = (TEMPLATES / "dailyplanet_rutte.html").read_text(encoding="utf-8")
    head, rest = template.split('<div class="article-body">', 1)
    _, tail = rest.split("</div>", 1)
    day = 1 + i % 28
    url = f"https://www.dailyplanet.co.uk/world/story-{i}"
    html = (head + '<div class="article-body">\n' + "\n".join(body) + "\n</div>" + tail)
    html = html.replace("2024-06-12T08:30:00+00:00", f"2024-06-{day:02d}T08:30:00+00:00")
    html = html.replace("https://www.dailyplanet.co.uk/world/europe/rutte-tells-allies-to-spend-more-on-defence", url)
    return url, html.encode("utf-8")


def generate(path: Path, pages: int, seed: int = 8) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    paragraphs, vocab = _pool()
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "newsgraph benchmarks/warc.py"}))
        for i in range(pages):
            url, body = make_page(i, rng, paragraphs, vocab)
            date = {"WARC-Date": "2024-06-30T12:00:00Z"}
            req = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "www.dailyplanet.co.uk")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req, warc_headers_dict=date))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=date))
            w.write_record(w.create_warc_record(url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n"),
                                                warc_content_type="application/warc-fields", warc_headers_dict=date))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def step(kind: str, warc: str, sample: int) -> dict:
    """Run one measured step in this process (called in a subprocess) and return its figures."""
    if kind == "read":
        from warcio.archiveiterator import ArchiveIterator

        start = time.perf_counter()
        n = 0
        with open(warc, "rb") as f:
            for record in ArchiveIterator(f):
                record.content_stream().read()
                n += 1
        return {"records": n, "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}
    if kind == "pages":
        import trafilatura  # noqa: F401

        import newsgraph.readers.html  # noqa: F401  (imports outside the timing)
        from newsgraph.readers import ReadStats, read

        stats = ReadStats()
        start = time.perf_counter()
        n = sum(1 for a in read([warc], stats=stats) if hasattr(a, "text"))
        return {"pages": n, "records": stats.records, "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}
    if kind == "pipeline":
        from newsgraph import nlp as nlp_module
        from newsgraph.ingest import ingest
        from newsgraph.readers import read

        nlp = nlp_module.load()
        texts = [a.text for _, a in zip(range(sample), (x for x in read([warc]) if hasattr(x, "text")), strict=False)]
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        spacy_seconds = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            summary = ingest([warc], str(Path(tmp) / "b.duckdb"), limit=sample)
            seconds = time.perf_counter() - start
        return {"articles": summary.stored, "seconds": seconds, "spacy_seconds": spacy_seconds,
                "words": sum(len(t.split()) for t in texts), "peak_mb": _peak_mb()}
    raise ValueError(kind)


def _sub(kind: str, warc: Path, sample: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--step", kind, "--warc", str(warc), "--sample", str(sample)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000", help="Pages per generated WARC, comma-separated.")
    ap.add_argument("--sample", type=int, default=200, help="Articles through the full pipeline (spaCy) per run.")
    ap.add_argument("--step", help=argparse.SUPPRESS)
    ap.add_argument("--warc", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.step:
        print(json.dumps(step(args.step, args.warc, args.sample)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in sizes:
            warc = Path(tmp) / f"bench-{n}.warc.gz"
            generate(warc, n)
            r, p = _sub("read", warc, args.sample), _sub("pages", warc, args.sample)
            rows.append((n, warc.stat().st_size, r, p))
            print(f"{n:>6,} pages ({warc.stat().st_size / 2**20:.1f} MB .warc.gz, {r['records']:,} records): "
                  f"read {r['records'] / r['seconds']:,.0f} records/s (peak RSS {r['peak_mb']:.0f} MB); "
                  f"read+trafilatura+htmldate {p['pages'] / p['seconds']:,.1f} pages/s (peak RSS {p['peak_mb']:.0f} MB)",
                  flush=True)
        q = _sub("pipeline", warc, args.sample)
    html_per_page = rows[-1][3]["seconds"] / rows[-1][3]["pages"]
    spacy_per_article = q["spacy_seconds"] / args.sample
    print(f"full pipeline (ingest, first {q['articles']} articles): {q['articles'] / q['seconds']:.2f} articles/s "
          f"(peak RSS {q['peak_mb']:.0f} MB); bare spaCy on the same texts {args.sample / q['spacy_seconds']:.2f} articles/s "
          f"({q['words'] / q['spacy_seconds']:,.0f} words/s)")
    print(f"HTML step per page {html_per_page * 1000:.1f} ms = {html_per_page / spacy_per_article:.0%} of the spaCy pass "
          f"per article ({spacy_per_article * 1000:.0f} ms); goal < 25%")
    if len(rows) > 1:
        print(f"peak RSS of read+HTML: {rows[0][3]['peak_mb']:.0f} MB at {rows[0][0]:,} pages, "
              f"{rows[-1][3]['peak_mb']:.0f} MB at {rows[-1][0]:,} pages")


if __name__ == "__main__":
    main()
