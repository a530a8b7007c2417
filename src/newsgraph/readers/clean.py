"""Cleaning: keep the article's words, drop page residue, mark headings and captions.

The cleaned text is what every offset in the output refers to, so cleaning happens once,
here, before the spaCy pass. Blocks are joined with a blank line, which the nlp stage turns
into a sentence boundary.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lexicon import ordered_words
from ..model import Block

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
_FINAL_PUNCT = tuple('.!?:;"”’\'…)»')
HEADING_MAX_WORDS = 14
# A pull-quote caption glued to a paragraph's end: "... desperation. Mark Rutte Secretary General of NATO"
_CAPTION_TAIL = re.compile(r"(?<=[.!?\"”])\s+((?:[A-Z\u00C0-\u024F][\w’'\-.]*\s+|(?:of|the|and|for|de|von|van)\s+){1,9}[A-Z][\w’'\-]*)$")


def _patterns(name: str) -> tuple[str, ...]:
    return ordered_words("newsgraph.readers", name, lower=False)


@lru_cache(maxsize=1)
def _residue_line() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _patterns("residue.txt")), re.IGNORECASE)


@lru_cache(maxsize=1)
def _trailing_residue() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _patterns("trailing_residue.txt"))
    return re.compile(rf"(?<=[.!?\"”])(?:\s+(?:{words}))+\s*$")


def is_residue(line: str) -> bool:
    """A whole line of page residue ('Share this article', 'Subscribe now'), dropped by the cleaner."""
    return _residue_line().fullmatch(line.strip()) is not None


def _is_heading(block: str) -> bool:
    """A short single line starting with a capital and without final punctuation."""
    if "\n" in block or block.endswith(_FINAL_PUNCT):
        return False
    words = block.split()
    return 0 < len(words) <= HEADING_MAX_WORDS and block[0].isupper()


def _split_caption(block: str) -> tuple[str, str | None]:
    """Split a trailing pull-quote caption (a run of capitalised words after a full stop)."""
    match = _CAPTION_TAIL.search(block)
    if not match:
        return block, None
    tail = match.group(1)
    capitals = sum(1 for w in tail.split() if w[0].isupper())
    if capitals < 3:  # "... he said. New York" is too weak a signal
        return block, None
    return block[: match.start()].rstrip(), tail


def clean_text(raw: str) -> tuple[str, list[Block]]:
    """Return the cleaned text and its blocks (paragraphs, headings, captions)."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    pieces: list[tuple[str, str]] = []
    for chunk in _BLANK_LINES.split(text):
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in chunk.split("\n")]
        lines = [line for line in lines if line and not is_residue(line)]
        if not lines:
            continue
        block = "\n".join(lines)
        block = _trailing_residue().sub("", block).rstrip()
        if not block:
            continue
        if _is_heading(block):
            pieces.append((block, "heading"))
            continue
        body, caption = _split_caption(block)
        pieces.append((body, "paragraph"))
        if caption:
            pieces.append((caption, "caption"))
    out: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for body, kind in pieces:
        if out:
            out.append("\n\n")
            pos += 2
        out.append(body)
        blocks.append(Block(pos, pos + len(body), kind))  # type: ignore[arg-type]
        pos += len(body)
    return "".join(out), blocks
