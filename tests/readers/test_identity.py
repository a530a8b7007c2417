"""Identity that loses nothing: two different texts are two articles even when a JSON Lines `id` or
a URL repeats; the same text read again is a duplicate, with the same id, run after run."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.readers import read
from newsgraph.readers.copies import CopyLinker, Known, text_fingerprint, variant_id

runner = CliRunner()
HARBOUR = "The harbour authority in Odesa reopened the grain terminal on Monday after repairs."
TALKS = "Negotiators in Geneva adjourned the ceasefire talks until next week, diplomats said."


def _articles(tmp_path, records, name="in.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    items = list(read([str(path)]))
    assert not [i for i in items if isinstance(i, InputError)]
    return items


class FakeStore:
    """A lookup as a store that reports the fingerprint of the text under each id and URL."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.urls: dict[str, set[str]] = {}

    def write(self, articles: list[Article]) -> None:
        for a in articles:
            self.texts[a.id] = text_fingerprint(a.text)
            if a.url:
                self.urls.setdefault(a.url, set()).add(text_fingerprint(a.text))

    def lookup(self, ids: list[str], urls: list[str], keys: list[int]) -> Known:
        return Known({i for i in ids if i in self.texts}, {u for u in urls if u in self.urls}, [],
                     texts={i: self.texts[i] for i in ids if i in self.texts},
                     url_texts={u: self.urls[u] for u in urls if u in self.urls})


def test_two_texts_under_one_given_id_are_two_articles(tmp_path):
    first, second = _articles(tmp_path, [{"text": HARBOUR, "id": "a1"}, {"text": TALKS, "id": "a1"}])
    result = CopyLinker().link([first, second])
    assert [a.id for a in result.kept] == ["a1", variant_id("a1", text_fingerprint(second.text))]
    assert result.duplicates == 0
    [warning] = result.warnings
    assert str(warning).startswith(f"NG001 {second.source}: id 'a1' is already used by an article with another text")


def test_the_same_text_under_the_same_given_id_is_a_duplicate(tmp_path):
    articles = _articles(tmp_path, [{"text": HARBOUR, "id": "a1"}, {"text": HARBOUR, "id": "a1", "date": "2024-05-06"}])
    result = CopyLinker().link(articles)
    assert [a.id for a in result.kept] == ["a1"] and result.duplicates == 1 and result.warnings == []


def test_two_texts_under_one_url_are_two_articles(tmp_path):
    url = "https://news.example.org/live"
    first, second = _articles(tmp_path, [{"text": HARBOUR, "url": url}, {"text": TALKS, "url": url}])
    result = CopyLinker().link([first, second])
    assert result.kept == [first, second] and result.duplicates == 0
    [warning] = result.warnings
    assert f"URL {url} was already read with another text" in str(warning) and second.source in str(warning)


def test_the_same_input_read_again_gives_the_same_ids(tmp_path):
    records = [{"text": HARBOUR, "id": "a1"}, {"text": TALKS, "id": "a1"}, {"text": TALKS + " More.", "id": "a1"}]
    once = [a.id for a in CopyLinker().link(_articles(tmp_path, records)).kept]
    again = [a.id for a in CopyLinker().link(_articles(tmp_path, records)).kept]
    assert once == again and len(set(once)) == 3


def test_a_resumed_run_against_the_store_finds_every_text_present(tmp_path):
    store = FakeStore()
    records = [{"text": HARBOUR, "id": "a1"}, {"text": TALKS, "id": "a1"}]
    first_run = CopyLinker(lookup=store.lookup).link(_articles(tmp_path, records[:1]))
    store.write(first_run.kept)  # interrupted after the first article
    resumed = CopyLinker(lookup=store.lookup).link(_articles(tmp_path, records))
    assert resumed.duplicates == 1 and [a.id for a in resumed.kept] == [variant_id("a1", text_fingerprint(TALKS))]
    store.write(resumed.kept)
    third = CopyLinker(lookup=store.lookup).link(_articles(tmp_path, records))
    assert third.kept == [] and third.duplicates == 2


def test_another_text_under_a_stored_url_is_kept(tmp_path):
    store = FakeStore()
    url = "https://news.example.org/live"
    store.write(CopyLinker(lookup=store.lookup).link(_articles(tmp_path, [{"text": HARBOUR, "url": url}])).kept)
    later = CopyLinker(lookup=store.lookup).link(_articles(tmp_path, [{"text": TALKS, "url": url},
                                                                      {"text": HARBOUR, "url": url, "date": "2024-05-07"}]))
    assert [a.text for a in later.kept] == [TALKS] and later.duplicates == 1 and len(later.warnings) == 1


def test_a_lookup_that_gives_no_texts_keeps_the_old_rule(tmp_path):
    [article] = _articles(tmp_path, [{"text": TALKS, "id": "a1", "url": "https://x.example.org/1"}])

    def lookup(ids, urls, keys):
        return Known({"a1"} & set(ids), set(), [])

    result = CopyLinker(lookup=lookup).link([article])
    assert result.kept == [] and result.duplicates == 1


def test_extract_prints_both_articles_of_a_repeated_id(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"text": HARBOUR, "id": "w7"}) + "\n" + json.dumps({"text": TALKS, "id": "w7"}) + "\n")
    result = runner.invoke(app, ["extract", str(path)])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["id"] for r in rows] == ["w7", variant_id("w7", text_fingerprint(TALKS))]
    assert [r["text"] for r in rows] == [HARBOUR, TALKS]
