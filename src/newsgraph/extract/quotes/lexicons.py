"""The quote extractor's word lists and learned cue-frame table, read through `newsgraph.lexicon`.

Every list is a file in `extract/data/` with a header saying what it is and where it came from;
this module only gathers them into one typed object (`QuoteLexicons`), read once per process.

    >>> "say" in quote_lexicons().speech_verbs
    True
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from ...lexicon import data_path, ordered_words, table, words

PACKAGE = "newsgraph.extract"
#: the learned table of `models/build_cue_frames.py` (rebuilt there, read here)
LEARNED_FRAMES = data_path(PACKAGE, "cue_frames.tsv")
#: actor types a group pronoun ("they", "it") may stand for
GROUP_TYPES = ("ORG", "GPE", "NORP")

#: (lemma, V|N|A, frame, speaker class) -> (times seen, times a gold attribution)
LearnedFrames = Mapping[tuple[str, str, str, str], tuple[int, int]]


def lexicon(name: str) -> frozenset[str]:
    """A word list of `extract/data/` (lower-cased), e.g. `lexicon("speech_verbs.txt")`."""
    return words(PACKAGE, name)


@dataclass(frozen=True)
class Pronoun:
    """One row of `pronouns.tsv` (the project's one table of personal pronouns)."""

    word: str
    person: str
    number: str
    gender: str
    cases: frozenset[str]


@dataclass(frozen=True)
class QuoteLexicons:
    """Every word list the quote rules read (see the data files for what each is and its source)."""

    speech_verbs: frozenset[str]
    attitude_verbs: frozenset[str]
    noun_cues: frozenset[str]
    object_cues: frozenset[str]
    attitude_adjectives: frozenset[str]
    naming_verbs: frozenset[str]
    xcomp_speech_verbs: frozenset[str]
    recipient_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    adjunct_prepositions: frozenset[str]
    #: verb lemma -> (fixed object lemma or None, preposition): "call for", "draw attention to"
    phrasal_cues: Mapping[str, tuple[tuple[str | None, str], ...]]
    #: multi-word markers as token sequences, in file order
    continuation_markers: tuple[tuple[str, ...], ...]
    #: pronoun -> actor types its antecedent may have ("he" -> PERSON, "they" -> ORG, GPE, NORP, PERSON)
    pronoun_antecedents: Mapping[str, tuple[str, ...]]
    #: speakers of speaker class `a` by their word: personal subject pronouns and "who"
    personal_speakers: frozenset[str]
    #: relative pronouns that stand for their antecedent as subject ("who said")
    subject_relatives: frozenset[str]
    #: relative pronouns that can open a non-restrictive clause (", which ...")
    nonrestrictive_relatives: frozenset[str]
    expletive_subjects: frozenset[str]
    indefinite_speakers: frozenset[str]
    contrast_subordinators: frozenset[str]
    #: participles of a writer's consequence clause (", prompting X to ...")
    consequence_participles: frozenset[str]
    title_small_words: frozenset[str]
    spoken_words: frozenset[str]
    #: verbs of action that no learned frame makes a cue ("signed the bill", "took questions")
    action_verbs: frozenset[str]
    #: people who speak for an institution ("spokesman"): unnamed, they stand for it
    spokesperson_nouns: frozenset[str]
    #: verbs by which a medium relays someone else's attributed words ("Reuters reported")
    relay_verbs: frozenset[str]
    #: nouns that describe a person already named ("the former Peruvian tennis champion")
    epithet_nouns: frozenset[str]
    #: every lemma a hand lexicon makes a cue: speech, attitude, stance and naming verbs, attitude
    #: adjectives, phrasal-cue verbs and cue nouns
    cue_lemmas: frozenset[str]
    #: reflexive pronouns ("itself", "himself"): a clause with one as subject tells a state, not a report
    reflexives: frozenset[str] = frozenset()
    #: "verb particle" pairs that are verbs of action ("call off"): never a cue
    particle_non_cues: frozenset[str] = frozenset()
    #: verbs of refusing ("declined to comment"): with a speech verb as infinitive, nothing was said
    refusal_verbs: frozenset[str] = frozenset()
    #: verbs whose object names a topic, not a claim, before a participle cue ("criticised X, saying ...")
    topic_object_verbs: frozenset[str] = frozenset()


def pronouns() -> tuple[Pronoun, ...]:
    """The rows of `pronouns.tsv`."""
    return tuple(Pronoun(p, person, number, gender, frozenset(case.split(",")))
                 for p, person, number, gender, case in table(PACKAGE, "pronouns.tsv", 5, min_columns=5))


def _pronoun_antecedents(rows: tuple[Pronoun, ...]) -> dict[str, tuple[str, ...]]:
    """Third-person subject and object pronouns -> the actor types they may stand for as a
    speaker: "he", "him", "she", "her" a person; "it", "they", "them" an organisation, place or
    group, and "they" (a plural subject: "they said") people too."""
    out: dict[str, tuple[str, ...]] = {}
    for p in rows:
        if p.person != "3" or not p.cases & {"subject", "object"}:
            continue
        if p.gender in ("male", "female"):
            out[p.word] = ("PERSON",)
        elif p.gender == "neuter" or p.number == "plural":
            plural_subject = p.number == "plural" and "subject" in p.cases
            out[p.word] = GROUP_TYPES + (("PERSON",) if plural_subject else ())
    return out


def _phrasal(entries: frozenset[str]) -> dict[str, tuple[tuple[str | None, str], ...]]:
    """`phrasal_cues.txt` lines ("verb [object] preposition") by verb."""
    out: dict[str, list[tuple[str | None, str]]] = {}
    for entry in entries:
        parts = entry.split()
        obj = parts[1] if len(parts) == 3 else None
        out.setdefault(parts[0], []).append((obj, parts[-1]))
    return {verb: tuple(pairs) for verb, pairs in out.items()}


@cache
def quote_lexicons() -> QuoteLexicons:
    """All the quote extractor's word lists, read once."""
    rows = pronouns()
    relatives = table(PACKAGE, "relative_pronouns.tsv", 4, min_columns=4)
    personal = frozenset(p.word for p in rows if "subject" in p.cases and p.gender != "neuter")
    cues = {name: lexicon(f"{name}.txt") for name in (
        "speech_verbs", "attitude_verbs", "noun_cues", "object_cues", "attitude_adjectives", "naming_verbs")}
    phrasal = _phrasal(lexicon("phrasal_cues.txt"))
    return QuoteLexicons(
        **cues,
        xcomp_speech_verbs=lexicon("xcomp_speech_verbs.txt"),
        recipient_verbs=lexicon("recipient_verbs.txt"),
        raising_verbs=lexicon("raising_verbs.txt"),
        adjunct_prepositions=lexicon("adjunct_prepositions.txt"),
        phrasal_cues=phrasal,
        continuation_markers=tuple(tuple(m.split()) for m in ordered_words(PACKAGE, "continuation_markers.txt")),
        pronoun_antecedents=_pronoun_antecedents(rows),
        personal_speakers=personal | frozenset(
            w for w, case, antecedent, _ in relatives if "subject" in case.split(",") and antecedent == "person"),
        subject_relatives=frozenset(w for w, case, _, _ in relatives if "subject" in case.split(",")),
        nonrestrictive_relatives=frozenset(w for w, _, _, nonrestrictive in relatives if nonrestrictive == "yes"),
        expletive_subjects=lexicon("expletive_subjects.txt"),
        indefinite_speakers=lexicon("indefinite_speakers.txt"),
        contrast_subordinators=lexicon("contrast_subordinators.txt"),
        consequence_participles=lexicon("consequence_participles.txt"),
        title_small_words=lexicon("title_small_words.txt"),
        spoken_words=lexicon("spoken_words.txt"),
        action_verbs=lexicon("action_verbs.txt"),
        spokesperson_nouns=lexicon("spokesperson_nouns.txt"),
        relay_verbs=lexicon("relay_verbs.txt"),
        epithet_nouns=lexicon("epithet_nouns.txt"),
        cue_lemmas=frozenset().union(*cues.values(), phrasal),
        reflexives=frozenset(p.word for p in rows if "reflexive" in p.cases),
        particle_non_cues=lexicon("particle_non_cues.txt"),
        refusal_verbs=lexicon("refusal_verbs.txt"),
        topic_object_verbs=lexicon("topic_object_verbs.txt"),
    )


@cache
def title_hypernyms() -> dict[str, frozenset[str]]:
    """Epithet noun -> the title words it can stand for (`title_hypernyms.tsv`: "the diplomat" after
    "Ambassador Ana Ruiz", "the lawmaker" after "Senator Ana Ruiz")."""
    return {noun: frozenset(w.strip().lower() for w in titles.split(",") if w.strip())
            for noun, titles in table(PACKAGE, "title_hypernyms.tsv", 2, min_columns=2)}


@cache
def learned_frames() -> dict[tuple[str, str, str, str], tuple[int, int]]:
    """Frame statistics learned on PolNeAR train (see `models/build_cue_frames.py`): for each
    (lemma, V|N|A, frame, speaker class), how often it was seen and how often it was a gold
    attribution. Speaker class `*` is any; `a` a named actor or personal pronoun, `n` another
    noun phrase, `-` none."""
    return {(lemma, pos, rel, src): (int(n), int(hits))
            for lemma, pos, rel, src, n, hits in table(PACKAGE, LEARNED_FRAMES.name, 6, min_columns=6)}


@cache
def learned_cue_lemmas(min_frame_score: float) -> frozenset[str]:
    """Lemmas with at least one learned frame whose plain precision reaches `min_frame_score`:
    words worth looking at as cues although no hand lexicon lists them."""
    return frozenset(k[0] for k, (n, hits) in learned_frames().items() if hits / (n + 1) >= min_frame_score)
