"""Every threshold and window size of the quote extractor, as one frozen object.

The defaults are the values the extractor was tuned with on PolNeAR train and dev (Newell,
Margolin & Ruths 2018); changing one changes the output, so the eval figures in the README hold
only for the defaults. Pass another object to try a value:

    >>> from newsgraph.extract.quotes import QuoteSettings, extract_quotes
    >>> strict = QuoteSettings(min_frame_score=0.3)
    >>> # extract_quotes(doc, mentions, actors, settings=strict)
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteSettings:
    """Thresholds and windows (characters or tokens) of quote attribution."""

    #: a cue frame is used when its score (learned precision, or the hand prior) reaches this;
    #: also the precision a learned frame needs for its word to be looked at as a cue at all
    min_frame_score: float = 0.2
    #: a frame only the learned table licenses (no hand lexicon does) needs at least this
    #: precision on PolNeAR train: below it the frame is mostly an act, not an attribution
    min_learned_frame_score: float = 0.35
    #: learned statistics by speaker class are used when seen this often, else those of any speaker
    min_class_count: int = 20
    #: score of a frame the hand lexicons license but the learned table never saw
    hand_frame_prior: float = 0.5
    #: read the learned cue-frame table (`data/cue_frames.tsv`); off when rebuilding it
    use_learned_frames: bool = True
    #: a speaker phrase is matched against mentions that start up to this many characters before it
    mention_lookback_chars: int = 200
    #: words up to this many tokens before or after a person's name are read as their title
    title_window_tokens: int = 6
    #: words inside a quoted passage longer than this (in characters) are not cues of their own
    min_hiding_passage_chars: int = 20
    #: the most levels the speaker search climbs from a cue to a governing verb for a subject
    max_subject_climb: int = 3
    #: a quoted passage with no cue of its own and fewer words than this is a quote only right
    #: next to a speech verb (else a title or a scare-quoted word)
    min_floating_words: int = 4
    #: a passage with no cue continues the previous speaker only this many characters after it
    max_floating_gap_chars: int = 400
    #: a cue "touches" a passage when at most this many characters (commas, a colon) lie between
    max_adjacent_cue_gap_chars: int = 3
    #: the two halves of a split quote ('"X," he said, "Y."') are at most this far apart after the cue
    max_split_quote_gap_chars: int = 3
    #: how far back (characters) a colon introducing a passage is looked for ('He said: "..."')
    colon_lookback_chars: int = 300
    #: a "Speaker: content" line has its colon before this character of the line
    max_colon_line_offset: int = 80
    #: ... a speaker phrase of at most this many tokens
    max_colon_speaker_tokens: int = 5
    #: ... and at least this many words after the colon
    min_colon_content_words: int = 3
    #: a continuation marker ("also", "in addition") counts within the sentence's first tokens
    continuation_marker_window: int = 12
    #: a quoted title of a work has at most this many words ...
    max_title_words: int = 8
    #: ... of which at least this many are not small words ("of", "the")
    min_title_content_words: int = 2
