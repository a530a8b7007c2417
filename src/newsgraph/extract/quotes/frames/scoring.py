"""How likely a frame is an attribution, and the best frame of a cue word.

A frame's score is its precision on PolNeAR train as `models/build_cue_frames.py` counted it
(by speaker class when seen often enough; Laplace-smoothed when a hand lexicon also licenses
the frame), or a fixed prior for a frame only the hand lexicons license.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..cues import pos_code
from ..index import ArticleIndex
from ..lexicons import QuoteLexicons
from ..speakers import SpeakerPhrase, speaker_class
from . import Frame, candidate_frames

#: a later frame must beat the best so far by more than this to replace it (the first of
#: equally scored frames wins)
TIE_MARGIN = 1e-9


def hand_licensed(lemma: str, pos: str, rel: str, lex: QuoteLexicons) -> bool:
    """Frames the hand-written lexicons license (see the files in data/)."""
    if pos == "N":
        return rel == "that" and lemma in lex.noun_cues
    if pos == "A":
        return lemma in lex.attitude_adjectives and (
            rel in ("ccomp", "xcomp") or rel in ("prep:of", "prep:about", "prep:that"))
    speech, att = lemma in lex.speech_verbs, lemma in lex.attitude_verbs
    if rel in ("ccomp", "outer"):
        return speech or att
    if rel == "xcomp":
        return att or lemma in lex.xcomp_speech_verbs
    if rel == "dobj+oprd":
        return lemma in lex.naming_verbs
    if rel in ("dobj", "passive"):
        return lemma in lex.object_cues or (speech and lemma not in lex.recipient_verbs)
    if rel.startswith("prep:"):
        return (None, rel[5:]) in lex.phrasal_cues.get(lemma, ())
    if rel.startswith("dprep:"):
        _, obj, prep = rel.split(":")
        return (obj, prep) in lex.phrasal_cues.get(lemma, ())
    return False


def frame_score(index: ArticleIndex, lemma: str, pos: str, rel: str, src: str = "*") -> float:
    """How likely this frame is an attribution: the learned precision on PolNeAR train
    (smoothed; by speaker class when seen often enough), or the hand prior for a frame the
    hand lexicons license."""
    settings = index.settings
    hand = hand_licensed(lemma, pos, rel, index.lex)
    stat = None
    if index.learned is not None:
        stat = index.learned.get((lemma, pos, rel, src))
        if stat is None or stat[0] < settings.min_class_count:
            stat = index.learned.get((lemma, pos, rel, "*"))
    if stat is None:
        return settings.hand_frame_prior if hand else 0.0
    n, hits = stat
    if hand:
        return (hits + 1) / (n + 2)
    if pos == "V" and lemma in index.lex.action_verbs:
        return 0.0  # an act is not an attribution, whatever the table counted
    learned = hits / (n + 1)
    return learned if learned >= settings.min_learned_frame_score else 0.0


def best_frame(index: ArticleIndex, cue: Token, spk: SpeakerPhrase | None) -> tuple[Frame, float] | None:
    """The best-scoring non-empty frame of a cue word and its score, if it scores at least the
    settings' `min_frame_score` (the first of equally scored frames wins)."""
    lemma = cue.lemma_.lower()
    pos = pos_code(cue)
    src = speaker_class(index, spk)
    best, best_score = None, index.settings.min_frame_score
    for frame in candidate_frames(cue, index.lex):
        score = frame_score(index, lemma, pos, frame.rel, src)
        if score >= best_score and frame.hi > frame.lo:
            best, best_score = frame, score + TIE_MARGIN
    return None if best is None else (best, best_score - TIE_MARGIN)
