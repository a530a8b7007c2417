"""What makes a word a cue: its lemma in a hand lexicon or the learned table, its part of
speech, and whether a speech verb is a report of its own ("X said A, and Y said B")."""
from __future__ import annotations

from spacy.tokens import Token

from ..events.material import material_cues, senses
from ..syntax import subject
from .lexicons import QuoteLexicons

#: parts of speech a cue word can have
CUE_POS = ("VERB", "AUX", "NOUN", "ADJ")


def pos_code(tok: Token) -> str:
    """V (verb), N (noun) or A (adjective): the part-of-speech column of cue_frames.tsv."""
    return "N" if tok.pos_ == "NOUN" else "A" if tok.pos_ == "ADJ" else "V"


def may_be_cue(tok: Token, lex: QuoteLexicons, learned_lemmas: frozenset[str] | None) -> bool:
    """A verb, noun or adjective whose lemma a hand lexicon lists or the learned table scores; not
    a noun under "no" ("made no mention of X", "gave no comment"): nothing was said; not a verb whose
    particle makes it a verb of action ("called off", `data/particle_non_cues.txt`); not a refusal to speak
    ("declined to comment", "refused to say": `data/refusal_verbs.txt`): nothing was said."""
    if tok.pos_ not in CUE_POS:
        return False
    if tok.pos_ == "NOUN" and any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in tok.children):
        return False
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in lex.particle_non_cues for c in tok.children):
        return False  # "called off the march": another verb, of action
    if lemma in lex.refusal_verbs and any(c.dep_ == "xcomp" and c.lemma_.lower() in lex.speech_verbs
                                          for c in tok.children):
        return False  # "declined to comment", "refused to say"
    if tok.dep_ == "xcomp" and lemma in lex.speech_verbs and tok.head.lemma_.lower() in lex.refusal_verbs:
        return False  # the "say" of "refused to say"
    if is_physical_act(tok):
        return False  # "attacked a camp with missiles": an assault, no criticism
    return lemma in lex.cue_lemmas or (learned_lemmas is not None and lemma in learned_lemmas)


def is_addressed(tok: Token) -> bool:
    """A fronted passive participle of a cue with no subject of its own ("Asked whether the talks would
    resume, Ruiz said", "Pressed on the budget, she said"): the main clause's subject is its addressee,
    not the speaker of what was asked (the question stays an attribution, as in PolNeAR, with no speaker)."""
    return tok.tag_ == "VBN" and tok.dep_ == "advcl" and tok.i < tok.head.i and \
        not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in tok.children)


def is_physical_act(tok: Token) -> bool:
    """A word with a material and a figurative sense ("attack", "fight", `data/material_senses.tsv`) that
    acts on a physical thing or place ("attacked a camp", "attacked ships") or with a weapon ("with
    missiles"): the material reading (the PLOVER manual's cues, ch. 3.14-3.16), so no verbal attack."""
    if (tok.lemma_.lower(), tok.pos_) not in senses():
        return False
    cues = material_cues()
    physical = cues.get("literal", frozenset()) | cues.get("weapon", frozenset())
    acted_on = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    acted_on += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "on", "at")
                 for o in c.children if o.dep_ == "pobj"]
    return any(t.lemma_.lower() in physical for t in acted_on)


def is_other_report(tok: Token, lex: QuoteLexicons) -> bool:
    """A speech verb with its own subject, or coordinated with its own clause ("says A and
    says B", which the parser may hang inside A): a report of its own, not part of a content."""
    return tok.lemma_.lower() in lex.speech_verbs and (
        subject(tok, ("nsubj", "nsubjpass")) is not None
        or (tok.dep_ == "conj" and any(k.dep_ == "ccomp" for k in tok.children)))
