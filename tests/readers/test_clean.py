"""Cleaning and the seed format: date line, paragraphs, headings, captions, residue."""
from __future__ import annotations

import re
import unicodedata

import pytest

from newsgraph.readers import read
from newsgraph.readers.clean import clean_text


def _blocks(text, blocks, kind):
    return [text[b.start:b.end] for b in blocks if b.kind == kind]


def test_seed_date_and_body(seed_path):
    (article,) = list(read([str(seed_path)]))
    assert article.date == "2024-11-06"
    assert article.text.startswith("According to NATO Secretary General Mark Rutte")
    assert "date 2024" not in article.text


def test_seed_headings_paragraphs_and_residue(seed_path):
    (article,) = list(read([str(seed_path)]))
    headings = _blocks(article.text, article.blocks, "heading")
    assert headings == ["The Russian army is facing large-scale problems",
                        "North Korea and China are also responsible for the escalation of the war"]
    paragraphs = _blocks(article.text, article.blocks, "paragraph")
    assert len(paragraphs) == 11
    assert not re.search(r"\bShare\b", article.text)
    assert paragraphs[-2].endswith("Rütte emphasized.")
    # the pull-quote caption is split off, not merged into the sentence before it
    assert _blocks(article.text, article.blocks, "caption") == ["Mark Rutte Secretary General of NATO"]
    # blocks are joined by one blank line, and offsets point into the cleaned text
    for b in article.blocks:
        assert article.text[b.start:b.end].strip() == article.text[b.start:b.end]


@pytest.mark.parametrize("raw, kept, dropped", [
    ("Officials met on Monday.\n\nShare on Facebook\n\nThey agreed.", ["Officials met on Monday.", "They agreed."], "Share on"),
    ("The talks ended.\n\nSubscribe to our newsletter\n\nMore talks follow.", ["The talks ended.", "More talks follow."], "Subscribe"),
    ("Prices rose. Share\n\nRead more: Why prices rise", ["Prices rose."], "Read more"),
    ("Prices rose.\nAdvertisement\nThey fell later.", ["Prices rose.\nThey fell later."], "Advertisement"),
])
def test_residue_lines_are_dropped(raw, kept, dropped):
    text, blocks = clean_text(raw)
    assert [text[b.start:b.end] for b in blocks] == kept
    assert dropped not in text


def test_share_inside_a_sentence_is_kept():
    text, _ = clean_text("Farmers will share the water rights with the city. The deal holds.")
    assert "share the water" in text


@pytest.mark.parametrize("line, is_heading", [
    ("Talks collapse in Geneva", True),
    ("The Russian army is facing large-scale problems", True),
    ("The talks collapsed in Geneva.", False),
    ("the talks collapsed in geneva", False),
    ("This paragraph is a long sentence without a final stop that goes on and on for many words in a row", False),
])
def test_headings(line, is_heading):
    text, blocks = clean_text(f"{line}\n\nThe minister spoke on Monday.")
    assert (blocks[0].kind == "heading") is is_heading


def test_unicode_is_nfc():
    decomposed = "Ru\u0308tte spoke."  # u + combining diaeresis
    text, _ = clean_text(decomposed)
    assert text == unicodedata.normalize("NFC", decomposed)
    assert "Rütte" in text
