"""A very long article is parsed and annotated segment by segment (segments.py), so its cost
grows linearly with its length; its records still point into the whole text. (Time and memory up to
the size limit: benchmarks/memory.py, not a timed test.)"""
from __future__ import annotations

import pytest

from newsgraph import segments
from newsgraph.model import Article, Block
from newsgraph.pipeline import analyze

PARAGRAPHS = [
    "Karelian Foreign Minister Lena Aho accused Ostravia of violating the border agreement on Monday.",
    "\"We will close the crossing at Tamm,\" Aho told reporters in Varno.",
    "Ostravian Prime Minister Jonas Berg rejected the accusation. Berg said Ostravia had kept every line of it.",
    "The Zembla League sent food aid to refugees in Tamm, League President Kari Holm said.",
    "\"This is a good day for both our peoples,\" Lena Aho said after talks with Jonas Berg in Varno.",
]


def _article(paragraphs: list[str]) -> Article:
    text, blocks, at = "", [], 0
    for i, p in enumerate(paragraphs):
        if i:
            text += "\n\n"
            at += 2
        blocks.append(Block(at, at + len(p), "paragraph"))
        text += p
        at += len(p)
    return Article(id="long", source="long.txt", date="2024-01-20", title=None, text=text, blocks=blocks)


def test_a_text_within_the_limit_is_one_segment():
    article = _article(PARAGRAPHS)
    assert segments.spans(article, limit=len(article.text)) == [(0, len(article.text))]


def test_a_long_text_is_cut_between_blocks_within_the_limit():
    article = _article(PARAGRAPHS)
    spans = segments.spans(article, limit=200)
    assert spans[0][0] == 0 and spans[-1][1] == len(article.text)
    assert all(end == start for (_, end), (start, _) in zip(spans, spans[1:], strict=False))  # no gap, no overlap
    assert all(end - start <= 200 for start, end in spans)
    block_ends = {b.end for b in article.blocks}
    assert all(end in block_ends for _, end in spans)


def test_a_block_longer_than_the_limit_is_cut_after_a_sentence():
    text = " ".join(["Officials in Varno said the port would reopen."] * 20)
    article = Article(id="one", source="one.txt", date=None, title=None, text=text, blocks=[Block(0, len(text), "paragraph")])
    spans = segments.spans(article, limit=300)
    assert len(spans) > 1 and all(end - start <= 300 for start, end in spans)
    assert all(text[end - 2:end] == ". " for _, end in spans[:-1])


@pytest.fixture
def segmented(monkeypatch) -> Article:
    monkeypatch.setattr(segments, "SEGMENT_CHARS", 220)
    article = _article(PARAGRAPHS)
    assert len(segments.spans(article)) >= 3
    return next(analyze([article]))


def test_records_of_a_segmented_article_point_into_the_whole_text(segmented):
    text = segmented.text
    assert segmented.mentions and segmented.quotes and segmented.events
    assert all(text[m.start:m.end] == m.text for m in segmented.mentions)
    assert all(text[d.start:d.end] == d.text for d in segmented.descriptors)
    assert all(text[q.start:q.end] == q.text for q in segmented.quotes)
    assert all(text[e.trigger_start:e.trigger_end] == e.trigger for e in segmented.events)
    assert all(q.speaker_start is None or text[q.speaker_start:q.speaker_end] == q.speaker_text for q in segmented.quotes)


def test_a_segmented_articles_events_point_to_its_own_quotes(segmented):
    """An event reported in a quote names it by its index in the whole article's list of quotes."""
    reported = [e for e in segmented.events if e.quote is not None]
    assert any(e.sentence_start > segments.spans(segmented)[0][1] for e in reported)  # one beyond the first segment
    for event in reported:
        quote = segmented.quotes[event.quote]
        assert event.sentence_start <= quote.start and quote.end <= event.sentence_end


def test_actors_of_every_segment_are_listed_once(segmented):
    ids = [a.id for a in segmented.actors]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)
    assert {m.actor for m in segmented.mentions} <= set(ids)
    names = {a.name for a in segmented.actors}
    assert {"Lena Aho", "Jonas Berg", "Kari Holm"} <= names  # named in the first, third and fourth segments
